package io.ethdev4j.pmd.pcap;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Tun;
import org.agrona.UnsafeApi;

/**
 * net_pcap rx on a live interface (eth_pcap_rx over pcap_next on a live pcap_t): reads up to {@code nbPkts} frames
 * from the interface's packet socket, one read(2) each, into a staging buffer of {@link PcapIface#SNAPLEN} bytes
 * (a longer frame is cut there, as libpcap's snaplen), and copies each into fresh mbufs of the queue's pool, chained
 * when longer than an mbuf's tailroom ({@link PcapMbufCopy}). The burst ends at the first read that finds nothing
 * (EAGAIN) or fails (ENETDOWN while the interface is down: nothing to read). When the pool runs dry the burst ends,
 * rx_nombuf counts it and the frame stays staged for the next burst: nothing is lost. Allocates nothing but mbufs.
 */
final class PcapLiveRxQueue implements RxBurst, AutoCloseable
{
    /** Writer: the polling lcore. */
    final QueueCounters counters = new QueueCounters();
    private final MbufPool pool;
    private final int port;
    private final int fd;
    /** Native staging buffer of {@link PcapIface#SNAPLEN} bytes; 0 once closed. */
    private long stagingAddress = UnsafeApi.allocateMemory(PcapIface.SNAPLEN);
    /** Length of the frame held in the staging buffer, or -1. Polling lcore. */
    private int staged = -1;

    PcapLiveRxQueue(final MbufPool pool, final int port, final PcapIface iface)
    {
        this.pool = pool;
        this.port = port;
        this.fd = iface.fd();
    }

    /** Forgets a staged frame (at start: what the stopped port held is not delivered). Control thread, stopped. */
    void discardStaged()
    {
        staged = -1;
    }

    @Override
    public int rxBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        int n = 0;
        long bytes = 0;
        while (n < nbPkts)
        {
            if (staged < 0)
            {
                final long r = Tun.readFrame(fd, stagingAddress, PcapIface.SNAPLEN);
                if (r < 0)
                {
                    break;  // EAGAIN: nothing waiting; ENETDOWN: the interface went down
                }
                staged = (int)r;
            }
            final int len = staged;
            final Mbuf m = PcapMbufCopy.copy(pool, stagingAddress, len);
            if (m == null)
            {
                counters.addNombuf(1);
                break;
            }
            staged = -1;
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

    /** Frees the staging buffer (idempotent); the socket is the port's. Control thread, port stopped. */
    @Override
    public void close()
    {
        if (stagingAddress != 0)
        {
            UnsafeApi.freeMemory(stagingAddress);
            stagingAddress = 0;
        }
    }
}
