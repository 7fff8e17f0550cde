package io.ethdev4j.pmd.pcap;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;

/**
 * net_pcap tx (eth_pcap_tx_dumper / eth_tx_drop): writes every packet, all of its segments, to the tx file with
 * a timestamp, or, without {@code tx_pcap}, only counts it; then frees it. Accepts the whole burst. obytes counts
 * the bytes written (incl_len, as DPDK's caplen); a packet the file could not take counts in oerrors.
 */
final class PcapTxQueue implements TxBurst
{
    /** Writer: the tx lcore. */
    final QueueCounters counters = new QueueCounters();
    private final PcapFileWriter writer;

    PcapTxQueue(final PcapFileWriter writer)
    {
        this.writer = writer;
    }

    @Override
    public int txBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        if (nbPkts <= 0)
        {
            return 0;
        }
        long bytes = 0;
        int errors = 0;
        final PcapFileWriter w = writer;
        for (int i = offset, end = offset + nbPkts; i < end; i++)
        {
            final Mbuf m = pkts[i];
            if (w == null)
            {
                bytes += m.pktLen();
            }
            else
            {
                final int n = w.write(m);
                if (n < 0)
                {
                    errors++;
                }
                else
                {
                    bytes += n;
                }
            }
        }
        Mbuf.freeBulk(pkts, offset, nbPkts);
        counters.add(nbPkts - errors, bytes);
        if (errors > 0)
        {
            counters.addErrors(errors);
        }
        return nbPkts;
    }
}
