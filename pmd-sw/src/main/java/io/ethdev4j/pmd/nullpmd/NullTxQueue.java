package io.ethdev4j.pmd.nullpmd;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;

/** net_null tx: counts and frees everything (copying the data out first when {@code copy=1}). */
final class NullTxQueue implements TxBurst
{
    final QueueCounters counters = new QueueCounters();
    private final boolean copy;
    private final byte[] sink;

    NullTxQueue(final boolean copy, final int size)
    {
        this.copy = copy;
        this.sink = new byte[Math.max(size, 1)];
    }

    @Override
    public int txBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        if (nbPkts <= 0)
        {
            return 0;
        }
        long bytes = 0;
        for (int i = offset, end = offset + nbPkts; i < end; i++)
        {
            final Mbuf m = pkts[i];
            final int len = m.pktLen();
            bytes += len;
            if (copy)
            {
                m.copyTo(0, sink, 0, Math.min(Math.min(len, m.dataLen()), sink.length));
            }
        }
        Mbuf.freeBulk(pkts, offset, nbPkts);
        counters.add(nbPkts, bytes);
        return nbPkts;
    }
}
