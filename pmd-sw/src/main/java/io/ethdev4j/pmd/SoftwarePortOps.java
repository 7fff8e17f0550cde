package io.ethdev4j.pmd;

import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.ethdev.QueueCounters;

/**
 * What the software ports (net_null, net_ring, net_pcap) have in common: a 10G full-duplex fixed link that is up
 * while the port is started (or set up/down explicitly), statistics summed from each queue's {@link QueueCounters},
 * and MTU, MAC, promiscuous and all-multicast settings that have nothing to program (the ethdev layer stores them).
 * Drivers register each queue's counters at queue setup and drop them at release.
 */
public abstract class SoftwarePortOps implements EthDevOps
{
    protected final EthDevData data;
    private final QueueCounters[] rxCounters = new QueueCounters[EthDev.MAX_QUEUES_PER_PORT];
    private final QueueCounters[] txCounters = new QueueCounters[EthDev.MAX_QUEUES_PER_PORT];
    /** Written by the control thread, read by link queries from any thread. */
    private volatile boolean linkUp;

    protected SoftwarePortOps(final EthDevData data)
    {
        this.data = data;
    }

    /** Records the counters of rx queue {@code queueId} (null when released). */
    protected final void rxCounters(final int queueId, final QueueCounters counters)
    {
        rxCounters[queueId] = counters;
    }

    protected final void txCounters(final int queueId, final QueueCounters counters)
    {
        txCounters[queueId] = counters;
    }

    @Override
    public void rxQueueRelease(final int queueId)
    {
        rxCounters[queueId] = null;
    }

    @Override
    public void txQueueRelease(final int queueId)
    {
        txCounters[queueId] = null;
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
        for (int q = 0, n = Math.min(data.nbRxQueues(), rxCounters.length); q < n; q++)
        {
            final QueueCounters c = rxCounters[q];
            if (c != null)
            {
                stats.addRxQueue(q, c);
            }
        }
        for (int q = 0, n = Math.min(data.nbTxQueues(), txCounters.length); q < n; q++)
        {
            final QueueCounters c = txCounters[q];
            if (c != null)
            {
                stats.addTxQueue(q, c);
            }
        }
    }

    @Override
    public void statsReset()
    {
        for (final QueueCounters c : rxCounters)
        {
            if (c != null)
            {
                c.reset();
            }
        }
        for (final QueueCounters c : txCounters)
        {
            if (c != null)
            {
                c.reset();
            }
        }
    }

    @Override
    public void mtuSet(final int mtu)
    {
        // nothing to program: a software port takes any frame
    }

    @Override
    public void macAddrSet(final MacAddress mac)
    {
        // nothing to program
    }

    @Override
    public void promiscuousEnable()
    {
        // a software port receives everything anyway
    }

    @Override
    public void promiscuousDisable()
    {
        // nothing to program
    }

    @Override
    public void allmulticastEnable()
    {
        // nothing to program
    }

    @Override
    public void allmulticastDisable()
    {
        // nothing to program
    }
}
