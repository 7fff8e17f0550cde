package io.ethdev4j.pmd.nullpmd;

import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.MbufPool;

/** Control operations of a {@code net_null} port. */
final class NullEthDev implements EthDevOps
{
    private final EthDevData data;
    private final int packetSize;
    private final boolean copy;
    private final boolean noRx;
    private final NullRxQueue[] rxq = new NullRxQueue[EthDev.MAX_QUEUES_PER_PORT];
    private final NullTxQueue[] txq = new NullTxQueue[EthDev.MAX_QUEUES_PER_PORT];
    private volatile boolean linkUp;

    NullEthDev(final EthDevData data, final int packetSize, final boolean copy, final boolean noRx)
    {
        this.data = data;
        this.packetSize = packetSize;
        this.copy = copy;
        this.noRx = noRx;
        data.macAddr(MacAddress.random());
    }

    @Override
    public void infoGet(final DevInfo info)
    {
        info.maxRxQueues = EthDev.MAX_QUEUES_PER_PORT;
        info.maxTxQueues = EthDev.MAX_QUEUES_PER_PORT;
        info.maxMacAddrs = 1;
        info.maxRxPktLen = Integer.MAX_VALUE;
        info.minRxBufSize = 0;
        info.speedCapa = 1L << 8;
    }

    @Override
    public RxBurst rxQueueSetup(final int queueId, final int nbDesc, final MbufPool pool, final QueueConf conf)
    {
        final NullRxQueue q = new NullRxQueue(pool, data.portId(), packetSize, copy, noRx);
        rxq[queueId] = q;
        return q;
    }

    @Override
    public TxBurst txQueueSetup(final int queueId, final int nbDesc, final QueueConf conf)
    {
        final NullTxQueue q = new NullTxQueue(copy, packetSize);
        txq[queueId] = q;
        return q;
    }

    @Override
    public void rxQueueRelease(final int queueId)
    {
        rxq[queueId] = null;
    }

    @Override
    public void txQueueRelease(final int queueId)
    {
        txq[queueId] = null;
    }

    @Override
    public void start()
    {
        linkUp = true;
    }

    @Override
    public void stop()
    {
        linkUp = false;
    }

    @Override
    public void close()
    {
        linkUp = false;
    }

    @Override
    public EthLink linkGet()
    {
        return new EthLink(EthLink.SPEED_10G, true, false, linkUp);
    }

    @Override
    public void setLinkUp()
    {
        linkUp = true;
    }

    @Override
    public void setLinkDown()
    {
        linkUp = false;
    }

    @Override
    public void statsGet(final EthStats stats)
    {
        for (int q = 0; q < data.nbRxQueues(); q++)
        {
            if (rxq[q] != null)
            {
                stats.addRxQueue(q, rxq[q].counters);
            }
        }
        for (int q = 0; q < data.nbTxQueues(); q++)
        {
            if (txq[q] != null)
            {
                stats.addTxQueue(q, txq[q].counters);
            }
        }
    }

    @Override
    public void statsReset()
    {
        for (final NullRxQueue q : rxq)
        {
            if (q != null)
            {
                q.counters.reset();
            }
        }
        for (final NullTxQueue q : txq)
        {
            if (q != null)
            {
                q.counters.reset();
            }
        }
    }

    @Override
    public void mtuSet(final int mtu)
    {
        // nothing to program: the port takes any frame
    }

    @Override
    public void macAddrSet(final MacAddress mac)
    {
        // the ethdev layer stores it
    }

    @Override
    public void promiscuousEnable()
    {
    }

    @Override
    public void promiscuousDisable()
    {
    }

    @Override
    public void allmulticastEnable()
    {
    }

    @Override
    public void allmulticastDisable()
    {
    }
}
