package io.ethdev4j.pmd.ring;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.ring.Ring;

/**
 * net_ring tx: enqueues into the target ring (own or peer's); what does not fit stays with the caller and counts as
 * tx errors. As DPDK's eth_ring_tx, it moves pointers only and counts packets, not bytes.
 */
final class RingTxQueue implements TxBurst
{
    final QueueCounters counters = new QueueCounters();
    /** Written by the control thread when the peer changes; read by the tx lcore. */
    volatile Ring<Mbuf> target;

    RingTxQueue(final Ring<Mbuf> target)
    {
        this.target = target;
    }

    @Override
    public int txBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        final int n = target.enqueueBurst(pkts, offset, nbPkts);
        if (n < nbPkts)
        {
            counters.addErrors(nbPkts - n);
        }
        counters.add(n, 0);
        return n;
    }
}
