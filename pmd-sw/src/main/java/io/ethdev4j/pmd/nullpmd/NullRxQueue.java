package io.ethdev4j.pmd.nullpmd;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;

/** net_null rx: fresh mbufs of {@code size} bytes (data copied from a template when {@code copy=1}). */
final class NullRxQueue implements RxBurst
{
    final QueueCounters counters = new QueueCounters();
    private final MbufPool pool;
    private final int port;
    private final int size;
    private final boolean copy;
    private final boolean noRx;
    private final byte[] template;

    NullRxQueue(final MbufPool pool, final int port, final int size, final boolean copy, final boolean noRx)
    {
        this.pool = pool;
        this.port = port;
        this.size = Math.min(size, pool.dataRoomSize() - Math.min(128, pool.dataRoomSize()));
        this.copy = copy;
        this.noRx = noRx;
        this.template = new byte[this.size];
    }

    @Override
    public int rxBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        if (noRx || nbPkts <= 0)
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
