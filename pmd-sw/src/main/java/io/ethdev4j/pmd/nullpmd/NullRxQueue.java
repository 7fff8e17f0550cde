package io.ethdev4j.pmd.nullpmd;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;

/**
 * net_null rx: fresh mbufs of {@code size} bytes (data copied from a template when {@code copy=1}), at most
 * {@code rate} per second when {@code rate=} is given (paced per burst; after an idle spell at most 1 ms of credit).
 */
final class NullRxQueue implements RxBurst
{
    final QueueCounters counters = new QueueCounters();
    private final MbufPool pool;
    private final int port;
    private final int size;
    private final boolean copy;
    private final boolean noRx;
    private final byte[] template;
    /** rate=: nanoseconds per packet; 0 = unlimited. */
    private final long periodNs;
    /** When the next packet is due (paced queues only; the polling lcore's). */
    private long dueNs;

    NullRxQueue(final MbufPool pool, final int port, final int size, final boolean copy, final boolean noRx,
        final int ratePps)
    {
        this.pool = pool;
        this.port = port;
        this.size = Math.min(size, pool.dataRoomSize() - Math.min(128, pool.dataRoomSize()));
        this.copy = copy;
        this.noRx = noRx;
        this.template = new byte[this.size];
        this.periodNs = ratePps == 0 ? 0 : Math.max(1, 1_000_000_000L / ratePps);
    }

    /** How many of {@code want} packets are due now. */
    private int paced(final int want)
    {
        final long now = System.nanoTime();
        if (now - dueNs > 1_000_000)
        {
            dueNs = now - 1_000_000; // idle: at most 1 ms of credit
        }
        if (now - dueNs < 0)
        {
            return 0;
        }
        final int n = (int)Math.min(want, (now - dueNs) / periodNs + 1);
        dueNs += n * periodNs;
        return n;
    }

    @Override
    public int rxBurst(final Mbuf[] pkts, final int offset, final int want)
    {
        if (noRx || want <= 0)
        {
            return 0;
        }
        final int nbPkts = periodNs == 0 ? want : paced(want);
        if (nbPkts == 0)
        {
            return 0;
        }
        if (pool.allocBulk(pkts, offset, nbPkts) == 0)
        {
            counters.addNombuf(nbPkts);
            return 0;
        }
        final int len = size;
        for (int i = offset, end = offset + nbPkts; i < end; i++)
        {
            final Mbuf m = pkts[i];
            m.setLength(len);
            m.port(port);
            if (copy)
            {
                m.copyFrom(template, 0, 0, len);
            }
        }
        counters.add(nbPkts, (long)nbPkts * len);
        return nbPkts;
    }
}
