package io.ethdev4j.pmd.kni;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.kni.Kni;
import io.ethdev4j.mbuf.Mbuf;

/**
 * net_kni rx (eth_kni_rx): rte_kni_rx_burst, then the port id on every mbuf. Counts packets and bytes. Beyond DPDK,
 * alloc_q is topped up to the queue's ring size after every burst that received something (see
 * {@link KniEthDev}), as a NIC refills its rx ring.
 */
final class KniRxQueue implements RxBurst
{
    final QueueCounters counters = new QueueCounters();
    private final int port;
    /** The mbufs alloc_q is kept at: nb_rx_desc, at most alloc_q's capacity. */
    final int ringSize;
    /** Writer: the control thread at start, before the ethdev layer installs this queue's burst. */
    Kni kni;

    KniRxQueue(final int port, final int ringSize)
    {
        this.port = port;
        this.ringSize = ringSize;
    }

    @Override
    public int rxBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        final Kni k = kni;
        if (k == null || nbPkts <= 0)
        {
            return 0;
        }
        final int n = k.rxBurst(pkts, offset, nbPkts);
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
            k.fillAllocQ(ringSize);
        }
        return n;
    }
}
