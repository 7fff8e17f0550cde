package io.ethdev4j.ethdev;

import java.util.Arrays;

/** struct rte_eth_stats; reusable (filled by {@link EthDev#statsGet(EthStats)}), so reading stats allocates nothing. */
public final class EthStats
{
    /** RTE_ETHDEV_QUEUE_STAT_CNTRS. */
    public static final int QUEUE_STAT_CNTRS = 16;

    public long ipackets;
    public long opackets;
    public long ibytes;
    public long obytes;
    public long imissed;
    public long ierrors;
    public long oerrors;
    public long rxNombuf;
    public final long[] qIpackets = new long[QUEUE_STAT_CNTRS];
    public final long[] qOpackets = new long[QUEUE_STAT_CNTRS];
    public final long[] qIbytes = new long[QUEUE_STAT_CNTRS];
    public final long[] qObytes = new long[QUEUE_STAT_CNTRS];
    public final long[] qErrors = new long[QUEUE_STAT_CNTRS];

    public void clear()
    {
        ipackets = opackets = ibytes = obytes = imissed = ierrors = oerrors = rxNombuf = 0;
        Arrays.fill(qIpackets, 0);
        Arrays.fill(qOpackets, 0);
        Arrays.fill(qIbytes, 0);
        Arrays.fill(qObytes, 0);
        Arrays.fill(qErrors, 0);
    }

    public void copyFrom(final EthStats s)
    {
        ipackets = s.ipackets;
        opackets = s.opackets;
        ibytes = s.ibytes;
        obytes = s.obytes;
        imissed = s.imissed;
        ierrors = s.ierrors;
        oerrors = s.oerrors;
        rxNombuf = s.rxNombuf;
        System.arraycopy(s.qIpackets, 0, qIpackets, 0, QUEUE_STAT_CNTRS);
        System.arraycopy(s.qOpackets, 0, qOpackets, 0, QUEUE_STAT_CNTRS);
        System.arraycopy(s.qIbytes, 0, qIbytes, 0, QUEUE_STAT_CNTRS);
        System.arraycopy(s.qObytes, 0, qObytes, 0, QUEUE_STAT_CNTRS);
        System.arraycopy(s.qErrors, 0, qErrors, 0, QUEUE_STAT_CNTRS);
    }

    /** Adds one rx queue's counters (per-queue slots only for the first 16 queues, as DPDK). */
    public void addRxQueue(final int queue, final QueueCounters c)
    {
        final long p = c.packets();
        final long b = c.bytes();
        ipackets += p;
        ibytes += b;
        ierrors += c.errors();
        imissed += c.missed();
        rxNombuf += c.nombuf();
        if (queue < QUEUE_STAT_CNTRS)
        {
            qIpackets[queue] = p;
            qIbytes[queue] = b;
            qErrors[queue] = c.errors();
        }
    }

    /** Adds one tx queue's counters. */
    public void addTxQueue(final int queue, final QueueCounters c)
    {
        final long p = c.packets();
        final long b = c.bytes();
        opackets += p;
        obytes += b;
        oerrors += c.errors();
        if (queue < QUEUE_STAT_CNTRS)
        {
            qOpackets[queue] = p;
            qObytes[queue] = b;
        }
    }

    @Override
    public String toString()
    {
        return "EthStats[ipackets=" + ipackets + ", opackets=" + opackets + ", ibytes=" + ibytes + ", obytes=" + obytes +
            ", imissed=" + imissed + ", ierrors=" + ierrors + ", oerrors=" + oerrors + ", rx_nombuf=" + rxNombuf + "]";
    }
}
