package io.ethdev4j.pmd.pcap;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.NetDev;
import io.ethdev4j.sys.PacketSocket;
import io.ethdev4j.sys.SysException;
import io.ethdev4j.sys.Tun;
import org.agrona.UnsafeApi;

/**
 * One live interface of a {@code net_pcap} port, as DPDK's {@code pcap_open_live(iface, RTE_ETH_PCAP_SNAPLEN,
 * promisc=1, ...)} opens it, without libpcap: an AF_PACKET socket bound to the interface, non-blocking (what
 * libpcap's live capture is on Linux). An rx socket receives every frame the interface carries, both directions
 * ({@code rx_iface}, {@code iface}: libpcap's PCAP_D_INOUT) or only the incoming ones ({@code rx_iface_in}:
 * PACKET_IGNORE_OUTGOING, as pcap_setdirection(PCAP_D_IN)); a socket never sees what it sent itself. A tx-only
 * socket ({@code tx_iface}) is bound to protocol 0 and queues nothing.
 * <p>
 * The socket lives from probe to close, in the network namespace of the thread that probed the port (the ports of
 * a process run in {@code ip netns exec NS} are in NS). Control path; the queues read and write its fd. Promiscuous
 * and all-multicast memberships are held only while the port is started (DPDK closes its pcap_t at stop);
 * {@link #restart} discards what queued up while the port was stopped (DPDK opens a fresh capture at start).
 */
final class PcapIface implements AutoCloseable
{
    /** RTE_ETH_PCAP_SNAPLEN = RTE_ETHER_MAX_JUMBO_FRAME_LEN (0x3F00): longer frames are cut there, as a snaplen. */
    static final int SNAPLEN = 0x3F00;
    /** libpcap's default capture buffer (2 MiB): a burst of 512 frames waits in it without a drop. */
    static final int RCVBUF_BYTES = 2 << 20;
    /** Most frames {@link #restart} discards (a full 2 MiB buffer of minimum frames is fewer). */
    private static final int DISCARD_LIMIT = 1 << 16;

    /** The devarg that named the interface ({@code iface}, {@code rx_iface}, {@code rx_iface_in}, {@code tx_iface}). */
    final String key;
    final String name;
    final int ifIndex;
    final boolean receives;
    private int fd;
    private boolean promiscuous;
    private boolean allmulticast;
    /** imissed: the kernel's drops for this socket, folded in at every read (the kernel resets its counter). */
    private long missed;

    private PcapIface(final String key, final String name, final int ifIndex, final boolean receives, final int fd)
    {
        this.key = key;
        this.name = name;
        this.ifIndex = ifIndex;
        this.receives = receives;
        this.fd = fd;
    }

    /**
     * Opens the socket on interface {@code name} (looked up through {@code netdev}, in its namespace).
     *
     * @throws EthDevException ENODEV when there is no such interface, EPERM without CAP_NET_RAW, naming the devarg.
     */
    static PcapIface open(final String op, final String key, final String name, final NetDev netdev,
        final boolean receive, final boolean incomingOnly)
    {
        final int ifIndex = ifIndex(op, key, name, netdev);
        try
        {
            return new PcapIface(key, name, ifIndex, receive,
                PacketSocket.open(ifIndex, receive, incomingOnly, RCVBUF_BYTES));
        }
        catch (final SysException ex)
        {
            final String why;
            if (ex.errno() == Errno.EPERM)
            {
                why = "an AF_PACKET socket needs CAP_NET_RAW (root)";
            }
            else if (incomingOnly && ex.errno() == Errno.ENOPROTOOPT)
            {
                why = "PACKET_IGNORE_OUTGOING (Linux 4.20+) is missing";
            }
            else
            {
                why = ex.getMessage();
            }
            throw new EthDevException(ex.errno(), op + " failed: " + Errno.name(ex.errno()) + " - " + key + "=" + name +
                ": cannot open a packet socket on the interface: " + why, ex);
        }
    }

    /** SIOCGIFINDEX of {@code name}; the devarg and the problem named when there is no such interface. */
    static int ifIndex(final String op, final String key, final String name, final NetDev netdev)
    {
        try
        {
            return netdev.ifIndex(name);
        }
        catch (final SysException ex)
        {
            final String why = ex.errno() == Errno.ENODEV ? "no such network interface" : ex.getMessage();
            throw new EthDevException(ex.errno(), op + " failed: " + Errno.name(ex.errno()) + " - " + key + "=" + name +
                ": " + why, ex);
        }
    }

    /** The socket's fd, for the queues. */
    int fd()
    {
        return fd;
    }

    /** Holds or releases the interface's promiscuous mode (PACKET_MR_PROMISC; the kernel counts the holders). */
    synchronized void promiscuous(final boolean on)
    {
        if (promiscuous != on)
        {
            PacketSocket.membership(fd, ifIndex, PacketSocket.PACKET_MR_PROMISC, on);
            promiscuous = on;
        }
    }

    /** Holds or releases the interface's all-multicast mode (PACKET_MR_ALLMULTI). */
    synchronized void allmulticast(final boolean on)
    {
        if (allmulticast != on)
        {
            PacketSocket.membership(fd, ifIndex, PacketSocket.PACKET_MR_ALLMULTI, on);
            allmulticast = on;
        }
    }

    /** Frames the kernel dropped for this socket (its buffer was full) since the last reset. */
    synchronized long missed()
    {
        if (receives)
        {
            missed += PacketSocket.drops(fd);
        }
        return missed;
    }

    synchronized void resetMissed()
    {
        if (receives)
        {
            PacketSocket.drops(fd);
        }
        missed = 0;
    }

    /**
     * At start: drops the frames that queued up while the port was stopped and the kernel's drops of that time
     * (keeping the count folded in before), and clears a pending socket error.
     */
    synchronized void restart()
    {
        if (receives)
        {
            final long scratch = UnsafeApi.allocateMemory(SNAPLEN);
            try
            {
                for (int i = 0; i < DISCARD_LIMIT && Tun.readFrame(fd, scratch, SNAPLEN) >= 0; i++)
                {
                    // discard
                }
            }
            finally
            {
                UnsafeApi.freeMemory(scratch);
            }
            PacketSocket.drops(fd);
        }
        clearError();
    }

    /**
     * Clears the ENETDOWN the kernel left on the socket when the interface went down (its next read or send would
     * fail with it once).
     */
    synchronized void clearError()
    {
        PacketSocket.takeError(fd);
    }

    /** Releases the memberships, as closing the capture at stop does. */
    synchronized void stop()
    {
        missed();
        promiscuous(false);
        allmulticast(false);
    }

    /** Closes the socket (which releases its memberships); idempotent. */
    @Override
    public synchronized void close()
    {
        if (fd >= 0)
        {
            LibC.closeQuietly(fd);
            fd = -1;
        }
    }

    @Override
    public String toString()
    {
        return key + "=" + name + " (ifindex " + ifIndex + ")";
    }
}
