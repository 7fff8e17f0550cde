package io.ethdev4j.pmd.pcap;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.Tun;

import org.agrona.UnsafeApi;

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
    private static final int IOVEC_LENGTH = 16;

    /** Writer: the tx lcore. */
    final QueueCounters counters = new QueueCounters();
    private final int fd;
    /** Native struct iovec[MAX_SEGS]: base ptr @0 | len u64 @8, 16 bytes each; 0 once closed. */
    private long iov = UnsafeApi.allocateMemory((long)MAX_SEGS * IOVEC_LENGTH);

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
            final long r = send(m);
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

    /** One frame out; the byte count, -1 with the errno left for {@link Tun#lastErrno()}, or -2: too many segments. */
    private long send(final Mbuf m)
    {
        final int segs = m.nbSegs();
        if (segs == 1)
        {
            return Tun.writeFrame(fd, m.dataAddress(), m.dataLen());
        }
        if (segs > MAX_SEGS)
        {
            return -2;
        }
        Mbuf s = m;
        for (int k = 0; k < segs; k++)
        {
            UnsafeApi.putLong(iov + (long)k * IOVEC_LENGTH, s.dataAddress());
            UnsafeApi.putLong(iov + (long)k * IOVEC_LENGTH + 8, s.dataLen());
            s = s.next();
        }
        return Tun.writevFrame(fd, iov, segs);
    }

    /** Frees the iovec array (idempotent). Control thread, port stopped. */
    @Override
    public void close()
    {
        if (iov != 0)
        {
            UnsafeApi.freeMemory(iov);
            iov = 0;
        }
    }
}
