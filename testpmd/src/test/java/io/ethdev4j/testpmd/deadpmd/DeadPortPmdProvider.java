package io.ethdev4j.testpmd.deadpmd;

import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevPmdProvider;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pmd.nullpmd.NullPmdProvider;

import java.util.Map;

/**
 * Test driver {@code net_deadtest}: a {@code net_null} port whose device "dies" (as a QEMU NIC whose VM was killed)
 * once {@link #kill()} is called: from then on its statistics fail with EIO.
 */
public final class DeadPortPmdProvider implements VdevPmdProvider
{
    private static volatile boolean dead;

    /** The device dies: every stats read fails with EIO from now on. */
    public static void kill()
    {
        dead = true;
    }

    public static void revive()
    {
        dead = false;
    }

    @Override
    public String driverName()
    {
        return "net_deadtest";
    }

    @Override
    public Map<String, String> devargs()
    {
        return Map.of();
    }

    @Override
    public EthDevOps probe(final ProbeContext ctx)
    {
        final EthDevOps d = new NullPmdProvider().probe(ctx);
        return new EthDevOps()
        {
            @Override
            public void infoGet(final DevInfo info)
            {
                d.infoGet(info);
            }

            @Override
            public void configure()
            {
                d.configure();
            }

            @Override
            public RxBurst rxQueueSetup(final int queueId, final int nbDesc, final MbufPool pool, final QueueConf conf)
            {
                return d.rxQueueSetup(queueId, nbDesc, pool, conf);
            }

            @Override
            public TxBurst txQueueSetup(final int queueId, final int nbDesc, final QueueConf conf)
            {
                return d.txQueueSetup(queueId, nbDesc, conf);
            }

            @Override
            public void start()
            {
                d.start();
            }

            @Override
            public void stop()
            {
                d.stop();
            }

            @Override
            public void close()
            {
                d.close();
            }

            @Override
            public EthLink linkGet()
            {
                return d.linkGet();
            }

            @Override
            public void statsGet(final EthStats stats)
            {
                if (dead)
                {
                    throw new EthDevException(io.ethdev4j.sys.Errno.EIO, "statsGet failed: EIO - device gone");
                }
                d.statsGet(stats);
            }

            @Override
            public void statsReset()
            {
                d.statsReset();
            }
        };
    }
}
