package io.ethdev4j.pmd.pcap;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;

/**
 * net_pcap rx (eth_pcap_rx / eth_pcap_rx_infinite): copies the next packets of the mapped file into fresh mbufs
 * of the queue's pool. A packet longer than an mbuf's tailroom is spread over a chain whose later segments use
 * their whole buffer, headroom included (eth_pcap_rx_jumbo). When the pool runs dry the burst ends, rx_nombuf
 * counts it and the packet is delivered by a later burst: nothing is lost. The file is walked with a
 * {@link PcapFileReader} (no per-packet index: memory does not grow with the file). At the end of the file rx returns 0,
 * or starts over with {@code infinite_rx=1}. Without {@code rx_pcap} the queue has no image and returns 0.
 */
final class PcapRxQueue implements RxBurst
{
    /** Writer: the polling lcore. */
    final QueueCounters counters = new QueueCounters();
    private final MbufPool pool;
    private final int port;
    private final PcapFileReader reader;
    private final long base;
    private final int count;
    private final boolean infinite;
    /** The reader stopped at a packet not yet delivered (the pool ran dry). Polling lcore; control while stopped. */
    private boolean pending;

    PcapRxQueue(final MbufPool pool, final int port, final PcapImage image, final boolean infinite)
    {
        this.pool = pool;
        this.port = port;
        this.reader = image == null ? null : image.reader();
        this.base = image == null ? 0 : image.address();
        this.count = image == null ? 0 : image.count();
        this.infinite = infinite;
    }

    /** Back to the first packet: DPDK reopens the rx file at each start. Control thread, port stopped. */
    void rewind()
    {
        pending = false;
        if (reader != null)
        {
            restart();
        }
    }

    /** Packets delivered since the last rewind (modulo the file's count with infinite_rx). */
    int position()
    {
        return reader == null ? 0 : reader.position() - (pending ? 1 : 0);
    }

    private void restart()
    {
        try
        {
            reader.rewind();
        }
        catch (final PcapFormatException ex)
        {
            // validated at probe: cannot happen unless the file changed under us; the queue then ends
        }
    }

    /** Moves to the next packet (pending or new); false at the end (after a restart with infinite_rx, if any). */
    private boolean advance()
    {
        if (pending)
        {
            return true;
        }
        try
        {
            if (reader.next())
            {
                return true;
            }
            if (!infinite)
            {
                return false;
            }
            restart();
            return reader.next();
        }
        catch (final PcapFormatException ex)
        {
            return false;  // the file changed since probe: end of replay
        }
    }

    @Override
    public int rxBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        if (count == 0 || nbPkts <= 0)
        {
            return 0;
        }
        int n = 0;
        long bytes = 0;
        while (n < nbPkts && advance())
        {
            pending = true;
            final int len = reader.capLength();
            final Mbuf m = PcapMbufCopy.copy(pool, base + reader.dataOffset(), len);
            if (m == null)
            {
                counters.addNombuf(1);
                break;
            }
            pending = false;
            m.port(port);
            pkts[offset + n] = m;
            n++;
            bytes += len;
        }
        if (n > 0)
        {
            counters.add(n, bytes);
        }
        return n;
    }
}
