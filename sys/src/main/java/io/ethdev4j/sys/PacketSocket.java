package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Linux packet sockets (AF_PACKET, SOCK_RAW; linux/if_packet.h, packet(7)): what libpcap's live capture opens, bound
 * to one interface, non-blocking. Control path only: opening and binding, memberships (promiscuous, all-multicast),
 * the kernel's drop counter and the pending socket error. The data path is plain fd I/O and uses {@link Tun}'s
 * {@code readFrame}/{@code writeFrame}/{@code writevFrame} (read(2), write(2), writev(2) on any fd; they return -1 and
 * leave the errno to {@link Tun#lastErrno()}): on a bound packet socket a read takes one whole frame (truncated to
 * the buffer, as a capture's snaplen) and a write sends one frame out of the bound interface.
 *
 * <h2>Layouts (x86-64, linux/if_packet.h)</h2>
 * <pre>
 * struct sockaddr_ll (20):   0 sll_family u16 | 2 sll_protocol be16 | 4 sll_ifindex s32 | 8 sll_hatype u16 |
 *                            10 sll_pkttype u8 | 11 sll_halen u8 | 12 sll_addr[8]
 * struct packet_mreq (16):   0 mr_ifindex s32 | 4 mr_type u16 | 6 mr_alen u16 | 8 mr_address[8]
 * struct tpacket_stats (8):  0 tp_packets u32 | 4 tp_drops u32   (PACKET_STATISTICS; reading resets both)
 * </pre>
 */
public final class PacketSocket
{
    public static final int AF_PACKET = 17;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;
    /** ETH_P_ALL (linux/if_ether.h): every protocol. */
    public static final int ETH_P_ALL = 0x0003;

    public static final int SOL_SOCKET = 1;
    public static final int SO_ERROR = 4;
    public static final int SO_RCVBUF = 8;
    public static final int SO_RCVBUFFORCE = 33;

    public static final int SOL_PACKET = 263;
    public static final int PACKET_ADD_MEMBERSHIP = 1;
    public static final int PACKET_DROP_MEMBERSHIP = 2;
    public static final int PACKET_STATISTICS = 6;
    /** Linux 4.20+: the socket does not see the frames its interface transmits. */
    public static final int PACKET_IGNORE_OUTGOING = 23;
    public static final int PACKET_MR_PROMISC = 1;
    public static final int PACKET_MR_ALLMULTI = 2;

    public static final int SOCKADDR_LL_FAMILY_OFFSET = 0;
    public static final int SOCKADDR_LL_PROTOCOL_OFFSET = 2;
    public static final int SOCKADDR_LL_IFINDEX_OFFSET = 4;
    public static final int SOCKADDR_LL_LENGTH = 20;
    public static final int PACKET_MREQ_IFINDEX_OFFSET = 0;
    public static final int PACKET_MREQ_TYPE_OFFSET = 4;
    public static final int PACKET_MREQ_LENGTH = 16;
    public static final int TPACKET_STATS_PACKETS_OFFSET = 0;
    public static final int TPACKET_STATS_DROPS_OFFSET = 4;
    public static final int TPACKET_STATS_LENGTH = 8;

    static
    {
        Native.register(PacketSocket.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private PacketSocket()
    {
    }

    private static native int socket(int domain, int type, int protocol) throws LastErrorException;

    private static native int bind(int fd, Pointer addr, int addrlen) throws LastErrorException;

    private static native int setsockopt(int fd, int level, int name, Pointer value, int len) throws LastErrorException;

    private static native int getsockopt(int fd, int level, int name, Pointer value, Pointer len)
        throws LastErrorException;

    /**
     * Opens a non-blocking, close-on-exec packet socket in the calling thread's network namespace and binds it to
     * interface {@code ifIndex}.
     *
     * @param receive true: the socket receives every frame the interface carries (ETH_P_ALL), as a live capture;
     *     false: it only transmits (bound to protocol 0, the kernel queues nothing for it).
     * @param incomingOnly with {@code receive}: the frames the interface transmits are not seen
     *     (PACKET_IGNORE_OUTGOING, set before the bind so none slips through).
     * @param rcvbufBytes with {@code receive}: the receive buffer (SO_RCVBUFFORCE, or SO_RCVBUF within
     *     net.core.rmem_max without CAP_NET_ADMIN); 0 keeps the default.
     * @return the fd; on failure nothing stays open.
     */
    public static int open(final int ifIndex, final boolean receive, final boolean incomingOnly, final int rcvbufBytes)
    {
        final int fd;
        try
        {
            // protocol 0: nothing is queued before the bind picks the interface
            fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("socket", ex.getErrorCode(), "AF_PACKET, SOCK_RAW");
        }
        try (Memory m = new Memory(SOCKADDR_LL_LENGTH))
        {
            if (receive && incomingOnly)
            {
                setInt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, 1, "PACKET_IGNORE_OUTGOING");
            }
            if (receive && rcvbufBytes > 0)
            {
                try
                {
                    setInt(fd, SOL_SOCKET, SO_RCVBUFFORCE, rcvbufBytes, "SO_RCVBUFFORCE");
                }
                catch (final SysException ex)
                {
                    if (ex.errno() != Errno.EPERM)
                    {
                        throw ex;
                    }
                    setInt(fd, SOL_SOCKET, SO_RCVBUF, rcvbufBytes, "SO_RCVBUF");
                }
            }
            m.clear();
            m.setShort(SOCKADDR_LL_FAMILY_OFFSET, (short)AF_PACKET);
            m.setShort(SOCKADDR_LL_PROTOCOL_OFFSET, receive ? Short.reverseBytes((short)ETH_P_ALL) : 0);
            m.setInt(SOCKADDR_LL_IFINDEX_OFFSET, ifIndex);
            try
            {
                bind(fd, m, SOCKADDR_LL_LENGTH);
            }
            catch (final LastErrorException ex)
            {
                throw new SysException("bind", ex.getErrorCode(), "AF_PACKET, ifindex=" + ifIndex + ", fd=" + fd);
            }
            return fd;
        }
        catch (final RuntimeException ex)
        {
            LibC.closeQuietly(fd);
            throw ex;
        }
    }

    /** PACKET_ADD_MEMBERSHIP / PACKET_DROP_MEMBERSHIP of {@code type} (PACKET_MR_PROMISC...) on {@code ifIndex}. */
    public static void membership(final int fd, final int ifIndex, final int type, final boolean add)
    {
        try (Memory m = new Memory(PACKET_MREQ_LENGTH))
        {
            m.clear();
            m.setInt(PACKET_MREQ_IFINDEX_OFFSET, ifIndex);
            m.setShort(PACKET_MREQ_TYPE_OFFSET, (short)type);
            setsockopt(fd, SOL_PACKET, add ? PACKET_ADD_MEMBERSHIP : PACKET_DROP_MEMBERSHIP, m, PACKET_MREQ_LENGTH);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("setsockopt", ex.getErrorCode(), (add ? "PACKET_ADD_MEMBERSHIP" :
                "PACKET_DROP_MEMBERSHIP") + ", type=" + type + ", ifindex=" + ifIndex + ", fd=" + fd);
        }
    }

    /**
     * PACKET_STATISTICS: the frames the kernel dropped for this socket (its receive buffer was full) since the last
     * call; the kernel resets its counters on every read.
     */
    public static long drops(final int fd)
    {
        try (Memory m = new Memory(TPACKET_STATS_LENGTH + Integer.BYTES))
        {
            m.clear();
            m.setInt(TPACKET_STATS_LENGTH, TPACKET_STATS_LENGTH);
            getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, m, m.share(TPACKET_STATS_LENGTH));
            return m.getInt(TPACKET_STATS_DROPS_OFFSET) & 0xFFFF_FFFFL;
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("getsockopt", ex.getErrorCode(), "PACKET_STATISTICS, fd=" + fd);
        }
    }

    /**
     * SO_ERROR: reads and clears the socket's pending error (0 if none). The kernel leaves ENETDOWN there when the
     * bound interface goes down; the next read or send would fail with it once, even with the interface up again.
     */
    public static int takeError(final int fd)
    {
        try (Memory m = new Memory(2 * Integer.BYTES))
        {
            m.clear();
            m.setInt(Integer.BYTES, Integer.BYTES);
            getsockopt(fd, SOL_SOCKET, SO_ERROR, m, m.share(Integer.BYTES));
            return m.getInt(0);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("getsockopt", ex.getErrorCode(), "SO_ERROR, fd=" + fd);
        }
    }

    private static void setInt(final int fd, final int level, final int name, final int value, final String what)
    {
        try (Memory m = new Memory(Integer.BYTES))
        {
            m.setInt(0, value);
            setsockopt(fd, level, name, m, Integer.BYTES);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("setsockopt", ex.getErrorCode(), what + "=" + value + ", fd=" + fd);
        }
    }
}
