package io.ethdev4j.pmd.ring;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.ring.Ring;

/** net_ring rx: dequeues from the queue's ring. */
final class RingRxQueue implements RxBurst
{
    final QueueCounters counters = new QueueCounters();
    private final Ring<Mbuf> ring;
    private final int port;

    RingRxQueue(final Ring<Mbuf> ring, final int port)
    {
        this.ring = ring;
        this.port = port;
    }

    @Override
    public int rxBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        final int n = ring.dequeueBurst(pkts, offset, nbPkts);
        if (n > 0)
        {
            long bytes = 0;
            for (int i = offset, end = offset + n; i < end; i++)
            {
                final Mbuf m = pkts[i];
                m.port(port);
                bytes += m.pktLen();
            }
            counters.add(n, bytes);
        }
        return n;
    }
}
