package io.ethdev4j.pmd.kni;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.kni.Kni;
import io.ethdev4j.mbuf.Mbuf;

/** net_kni tx (eth_kni_tx): rte_kni_tx_burst. Counts the packets and bytes the kernel side took. */
final class KniTxQueue implements TxBurst
{
    private static final int MAX_BURST = 1024;

    final QueueCounters counters = new QueueCounters();
    /** Byte count of pkts[offset .. offset+i+1), taken before the kernel side may hand any of them back. */
    private final long[] cumulativeBytes = new long[MAX_BURST];
    /** Writer: the control thread at start, before the ethdev layer installs this queue's burst. */
    Kni kni;
    /** While the port's link is set down tx refuses everything (writer: the control thread). */
    volatile boolean linkDown;

    @Override
    public int txBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        final Kni k = kni;
        if (k == null || nbPkts <= 0 || linkDown)
        {
            return 0;
        }
        final int want = Math.min(nbPkts, MAX_BURST);
        long bytes = 0;
        for (int i = 0; i < want; i++)
        {
            bytes += pkts[offset + i].pktLen();
            cumulativeBytes[i] = bytes;
        }
        // the mbufs sent may be back in the pool (and reused) once txBurst returns: count from the snapshot
        final int n = k.txBurst(pkts, offset, want);
        if (n > 0)
        {
            counters.add(n, cumulativeBytes[n - 1]);
        }
        return n;
    }
}
