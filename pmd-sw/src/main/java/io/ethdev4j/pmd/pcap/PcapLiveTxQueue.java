package io.ethdev4j.pmd.pcap;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufWriter;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.Tun;

/**
 * net_pcap tx on a live interface (eth_pcap_tx over pcap_sendpacket): sends each packet as one frame on the
 * interface's packet socket, write(2) for one segment, writev(2) gathering a chain's segments, then frees it and
 * counts it (opackets, obytes). A send refused for a full device or a link that is down (EAGAIN, ENOBUFS, ENETDOWN,
 * EINTR) ends the burst: the packets from there on stay with the caller, so tx backs up while the link is down. A
 * packet the interface cannot take at all (longer than its MTU: EMSGSIZE; a chain of more than {@link #MAX_SEGS}
 * segments; the interface is gone) is freed and counted in oerrors, as DPDK drops a chain longer than its gather
 * buffer. Allocates nothing.
 */
final class PcapLiveTxQueue implements TxBurst, AutoCloseable
{
    /** Most segments gathered into one frame (struct iovec entries preallocated). */
    static final int MAX_SEGS = 128;

    /** Writer: the tx lcore. */
    final QueueCounters counters = new QueueCounters();
    private final int fd;
    private final MbufWriter writer = new MbufWriter(MAX_SEGS);

    PcapLiveTxQueue(final PcapIface iface)
    {
        this.fd = iface.fd();
    }

    @Override
    public int txBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        int i = 0;
        int sent = 0;
        long bytes = 0;
        for (; i < nbPkts; i++)
        {
            final Mbuf m = pkts[offset + i];
            final int len = m.pktLen();
            final long r = writer.write(fd, m);
            if (r < 0)
            {
                final int errno = r == -1 ? Tun.lastErrno() : Errno.EMSGSIZE;
                if (errno == Errno.EAGAIN || errno == Errno.ENOBUFS || errno == Errno.ENETDOWN || errno == Errno.EINTR)
                {
                    break;
                }
            }
            else
            {
                sent++;
                bytes += len;
            }
            m.free();
        }
        if (sent > 0)
        {
            counters.add(sent, bytes);
        }
        if (i > sent)
        {
            counters.addErrors(i - sent);
        }
        return i;
    }

    /** Frees the iovec array (idempotent). Control thread, port stopped. */
    @Override
    public void close()
    {
        writer.close();
    }
}
