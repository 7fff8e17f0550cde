package io.ethdev4j.pmd.ring;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.ring.Ring;

/**
 * net_ring rx: dequeues from the queue's ring. As DPDK's eth_ring_rx (drivers/net/ring/rte_eth_ring.c), it moves
 * pointers only: no mbuf is read or written (the port field stays what the sender left), and only packets are
 * counted (DPDK's net_ring reports 0 bytes).
 */
final class RingRxQueue implements RxBurst
{
    final QueueCounters counters = new QueueCounters();
    private final Ring<Mbuf> ring;

    RingRxQueue(final Ring<Mbuf> ring)
    {
        this.ring = ring;
    }

    @Override
    public int rxBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        final int n = ring.dequeueBurst(pkts, offset, nbPkts);
        if (n > 0)
        {
            counters.add(n, 0);
        }
        return n;
    }
}
