package io.ethdev4j.testpmd.guard;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.Lcore;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.testpmd.LatencyStats;
import io.ethdev4j.testpmd.fwd.FwdEngine;
import io.ethdev4j.testpmd.fwd.FwdEngines;
import io.ethdev4j.testpmd.fwd.FwdParams;
import io.ethdev4j.testpmd.fwd.FwdStream;
import io.ethdev4j.testpmd.fwd.TxOnlyFwd;
import org.agrona.UnsafeApi;

/**
 * The burst paths the guards run, by name, each on its own EAL with the calling thread as the main lcore:
 * <ul>
 * <li>{@code null}, {@code ring}, {@code igb}: a PMD's rx→tx loop (net_null; two looped net_ring ports with one
 * burst sent first; net_igb_sim in instant mode, rx and tx on one port);</li>
 * <li>{@code io}, {@code mac}, {@code macswap}: the engine on two net_ring ports after one tx_first burst per
 * stream; {@code io+latency}: io with {@code --latencystats} recording; {@code txonly}: on two net_null ports;</li>
 * <li>{@code bad-alloc}, {@code bad-native}: the {@code ring} loop with a tx burst that allocates, or calls
 * {@code Unsafe.arrayBaseOffset} (a native method) once per packet: what the guards must catch.</li>
 * </ul>
 */
final class BurstPaths implements AutoCloseable
{
    static final String[] GOOD = {"null", "ring", "igb", "io", "mac", "macswap", "txonly", "io+latency"};
    static final int BURST = 32;

    /** Where the bad paths leave what they make, so that the JIT cannot drop it. */
    static volatile Object sink;
    static volatile long nativeSink;

    private final Eal eal;
    private final MbufPool pool;
    private final RxBurst[] rx;
    private final TxBurst[] tx;
    private final FwdEngine engine;
    private final FwdStream[] streams;
    private final Mbuf[] pkts = new Mbuf[BURST];
    private final int before;

    private BurstPaths(final String name)
    {
        final String base = name.replace("bad-alloc", "ring").replace("bad-native", "ring").replace("+latency", "");
        final String vdevs;
        switch (base)
        {
            case "null":
            case "txonly":
                vdevs = "net_null";
                break;
            case "igb":
                vdevs = "igb";
                break;
            default:
                vdevs = "net_ring";
                break;
        }
        eal = vdevs.equals("igb") ? Eal.init("--no-huge", "-m", "256", "--no-pci", "--vdev", "net_igb_sim0,mode=instant") :
            Eal.init("--no-huge", "-m", "256", "--no-pci", "--vdev", vdevs + "0", "--vdev", vdevs + "1");
        Lcore.registerMain(eal.mainLcore());
        pool = eal.createPktmbufPool("guard_pool", 8191, 250, 0, 2176);
        before = pool.available();
        for (final EthDev d : eal.ports())
        {
            d.configure(1, 1, null);
            d.rxQueueSetup(0, 512, pool, null);
            d.txQueueSetup(0, 512, null);
            d.start();
        }
        final int nPorts = eal.ports().size();
        rx = new RxBurst[nPorts];
        tx = new TxBurst[nPorts];
        for (int p = 0; p < nPorts; p++)
        {
            rx[p] = eal.port(p).rxQueue(0);
            tx[p] = eal.port(p).txQueue(0);
        }
        if (name.equals("bad-alloc"))
        {
            tx[1] = allocating(tx[1]);
        }
        else if (name.equals("bad-native"))
        {
            tx[1] = callingNative(tx[1]);
        }
        final boolean isEngine = !base.equals("null") && !base.equals("ring") && !base.equals("igb");
        if (isEngine)
        {
            engine = FwdEngines.create(base);
            final FwdParams params = new FwdParams();
            final LatencyStats latency = name.endsWith("+latency") ? new LatencyStats(eal.mainLcore()) : null;
            streams = new FwdStream[] {stream(0, 1, params, latency), stream(1, 0, params, latency)};
            if (vdevs.equals("net_ring"))
            {
                for (final FwdStream fs : streams)
                {
                    TxOnlyFwd.sendBurst(fs); // start tx_first
                }
            }
        }
        else
        {
            engine = null;
            streams = null;
            if (base.equals("ring"))
            {
                if (pool.allocBulk(pkts, 0, BURST) == 0 || tx[0].txBurst(pkts, 0, BURST) != BURST)
                {
                    throw new IllegalStateException("could not send the first burst");
                }
            }
        }
    }

    static BurstPaths open(final String name)
    {
        return new BurstPaths(name);
    }

    private FwdStream stream(final int rxPort, final int txPort, final FwdParams params, final LatencyStats latency)
    {
        final FwdStream fs = new FwdStream(rxPort, 0, txPort, 0, 0x020000000000L | txPort);
        fs.rx = rx[rxPort];
        fs.tx = tx[txPort];
        fs.txOnRxPort = tx[rxPort];
        fs.pool = pool;
        fs.burst = BURST;
        fs.pkts = new Mbuf[512];
        fs.txPortMac = eal.port(txPort).macAddr().toLong();
        fs.rxPortMac = eal.port(rxPort).macAddr().toLong();
        new TxOnlyFwd().streamInit(fs, params); // the template start tx_first sends
        engine.streamInit(fs, params);
        if (latency != null)
        {
            latency.attach(fs);
        }
        return fs;
    }

    /** Runs {@code bursts} iterations; returns the packets received plus sent (sent only, for txonly). */
    long run(final int bursts)
    {
        return engine != null ? runEngine(engine, streams, bursts) : runPmd(rx, tx, pkts, bursts);
    }

    private static long runEngine(final FwdEngine e, final FwdStream[] s, final int bursts)
    {
        final long start = count(s);
        for (int b = 0; b < bursts; b++)
        {
            e.forward(s[0]);
            e.forward(s[1]);
        }
        return count(s) - start;
    }

    private static long count(final FwdStream[] s)
    {
        return s[0].rxPackets + s[0].txPackets + s[1].rxPackets + s[1].txPackets;
    }

    /** rx on each port, tx what came on the other one (or on the same one when there is one port). */
    private static long runPmd(final RxBurst[] rx, final TxBurst[] tx, final Mbuf[] pkts, final int bursts)
    {
        long moved = 0;
        final int nPorts = rx.length;
        for (int b = 0; b < bursts; b++)
        {
            for (int p = 0; p < nPorts; p++)
            {
                final int n = rx[p].rxBurst(pkts, 0, BURST);
                final int out = nPorts == 1 ? p : 1 - p;
                int sent = 0;
                while (sent < n)
                {
                    sent += tx[out].txBurst(pkts, sent, n - sent);
                }
                moved += n + sent;
            }
        }
        return moved;
    }

    private static TxBurst allocating(final TxBurst q)
    {
        return (pkts, offset, nbPkts) ->
        {
            for (int i = 0; i < nbPkts; i++)
            {
                sink = new long[2];
            }
            return q.txBurst(pkts, offset, nbPkts);
        };
    }

    private static TxBurst callingNative(final TxBurst q)
    {
        return (pkts, offset, nbPkts) ->
        {
            long s = 0;
            for (int i = 0; i < nbPkts; i++)
            {
                s += UnsafeApi.arrayBaseOffset(byte[].class);
            }
            nativeSink = s;
            return q.txBurst(pkts, offset, nbPkts);
        };
    }

    /** Stops the ports and checks that every mbuf came back. */
    @Override
    public void close()
    {
        try
        {
            if (streams != null)
            {
                for (final FwdStream fs : streams)
                {
                    engine.streamEnd(fs);
                }
            }
            // what is still in flight (the looped rings hold the tx_first bursts) comes back before the ports stop
            for (int p = 0; p < rx.length; p++)
            {
                for (int i = 0; i < 1000; i++)
                {
                    final int n = rx[p].rxBurst(pkts, 0, BURST);
                    if (n == 0)
                    {
                        break;
                    }
                    Mbuf.freeBulk(pkts, 0, n);
                }
            }
            for (final EthDev d : eal.ports())
            {
                d.stop();
            }
            pool.flushCache();
            if (pool.available() != before)
            {
                throw new IllegalStateException("mbufs leaked: " + pool.available() + " of " + before + " back");
            }
        }
        finally
        {
            eal.close();
        }
    }

    /** Child JVM entry ({@link NativeCallGuardTest}): runs each named path long enough for C2, then exits. */
    public static void main(final String[] args)
    {
        for (final String name : args)
        {
            try (BurstPaths p = open(name))
            {
                for (int i = 0; i < 40; i++)
                {
                    p.run(5_000);
                }
            }
            System.out.println("GUARD-DONE " + name);
        }
    }
}
