package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An rtnetlink socket (AF_NETLINK, NETLINK_ROUTE; linux/netlink.h, linux/rtnetlink.h, linux/if_link.h,
 * linux/net_namespace.h) subscribed to RTMGRP_LINK: every change of every interface in the opening thread's namespace
 * arrives as RTM_NEWLINK or RTM_DELLINK carrying the interface's full state. Control path.
 * <p>
 * With {@code allNsid}, the socket also sets NETLINK_LISTEN_ALL_NSID: the link messages of every namespace that has a
 * namespace id (nsid) in the socket's namespace arrive too, each tagged (a NETLINK_LISTEN_ALL_NSID control message)
 * with that nsid; {@link LinkMessage#nsid} is {@link #NSID_OWN} for the socket's own namespace. Moving an interface
 * with {@code ip link set DEV netns NS} gives NS an nsid in the interface's old namespace (the kernel's
 * {@code dev_change_net_namespace}); {@link #nsidOf} finds or assigns one for any namespace.
 *
 * <pre>
 *  nlmsghdr (16):  len u32 @0 | type u16 @4 | flags u16 @6 | seq u32 @8 | pid u32 @12
 *  ifinfomsg (16): family u8 @0 | pad u8 @1 | type u16 @2 | index s32 @4 | flags u32 @8 | change u32 @12
 *  rtgenmsg (4):   family u8 @0 | pad to 4 (RTM_GETNSID / RTM_NEWNSID)
 *  rtattr (4):     len u16 @0 | type u16 @2 | payload, each attribute padded to 4 bytes
 *  msghdr (56):    name ptr @0 | namelen u32 @8 | iov ptr @16 | iovlen u64 @24 | control ptr @32 |
 *                  controllen u64 @40 | flags s32 @48
 *  iovec (16):     base ptr @0 | len u64 @8
 *  cmsghdr (16):   len u64 @0 | level s32 @8 | type s32 @12 | data @16 (here: the nsid, s32)
 * </pre>
 */
public final class RtNetlink implements AutoCloseable
{
    public static final int AF_NETLINK = 16;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int NETLINK_ROUTE = 0;
    public static final int RTMGRP_LINK = 1;

    public static final int NLMSG_HDRLEN = 16;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int IFINFOMSG_LENGTH = 16;

    public static final int RTM_NEWNSID = 88;
    public static final int RTM_GETNSID = 90;
    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_ACK = 0x4;

    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;

    /** linux/net_namespace.h. */
    public static final int NETNSA_NSID = 1;
    public static final int NETNSA_FD = 3;
    /** NETNSA_NSID_NOT_ASSIGNED; also {@link LinkMessage#nsid} of a message from the socket's own namespace. */
    public static final int NSID_OWN = -1;

    /** SOL_NETLINK and its NETLINK_LISTEN_ALL_NSID option (linux/netlink.h). */
    public static final int SOL_NETLINK = 270;
    public static final int NETLINK_LISTEN_ALL_NSID = 8;

    private static final int BUFFER_LENGTH = 64 * 1024;
    private static final int MSGHDR_LENGTH = 56;
    private static final int IOVEC_LENGTH = 16;
    private static final int CONTROL_LENGTH = 64;
    private static final int CMSGHDR_LENGTH = 16;

    static
    {
        Native.register(RtNetlink.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private static native int socket(int domain, int type, int protocol) throws LastErrorException;

    private static native int bind(int fd, Pointer addr, int addrlen) throws LastErrorException;

    private static native long recv(int fd, Pointer buf, long len, int flags);

    private static native long recvmsg(int fd, Pointer msg, int flags);

    private static native long send(int fd, Pointer buf, long len, int flags);

    private static native int setsockopt(int fd, int level, int name, Pointer value, int len)
        throws LastErrorException;

    /** One RTM_NEWLINK/RTM_DELLINK. */
    public static final class LinkMessage
    {
        public final int type;
        public final int ifIndex;
        public final int flags;
        public final int mtu;
        public final byte[] address;
        public final String ifName;
        /** The namespace the interface is in: its nsid in the socket's namespace, {@link #NSID_OWN} for that one. */
        public final int nsid;

        LinkMessage(final int type, final int ifIndex, final int flags, final int mtu, final byte[] address,
            final String ifName, final int nsid)
        {
            this.nsid = nsid;
            this.type = type;
            this.ifIndex = ifIndex;
            this.flags = flags;
            this.mtu = mtu;
            this.address = address;
            this.ifName = ifName;
        }

        public String toString()
        {
            return (type == RTM_NEWLINK ? "RTM_NEWLINK" : "RTM_DELLINK") + "{nsid=" + nsid + ", ifindex=" + ifIndex + ", name=" + ifName +
                ", flags=0x" + Integer.toHexString(flags) + ", mtu=" + mtu + ", address=" + Mac.format(address) + '}';
        }
    }

    private final Memory buffer = new Memory(BUFFER_LENGTH);
    private final Memory msg = new Memory(MSGHDR_LENGTH + IOVEC_LENGTH + CONTROL_LENGTH);
    private final boolean allNsid;
    private int fd;

    /** Opens a non-blocking socket in the calling thread's namespace, subscribed to RTMGRP_LINK. */
    public RtNetlink()
    {
        this(false);
    }

    /**
     * Opens a non-blocking socket in the calling thread's namespace, subscribed to RTMGRP_LINK; with {@code allNsid}
     * also to the link messages of every namespace with an nsid here (NETLINK_LISTEN_ALL_NSID, Linux 4.6+).
     */
    public RtNetlink(final boolean allNsid)
    {
        this.allNsid = allNsid;
        try
        {
            fd = socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, NETLINK_ROUTE);
        }
        catch (final LastErrorException ex)
        {
            buffer.close();
            msg.close();
            throw new SysException("socket", ex.getErrorCode(), "AF_NETLINK, NETLINK_ROUTE");
        }
        try (Memory sa = new Memory(12))
        {
            sa.clear();
            sa.setShort(0, (short)AF_NETLINK);
            sa.setInt(8, RTMGRP_LINK);
            bind(fd, sa, 12);
        }
        catch (final LastErrorException ex)
        {
            close();
            throw new SysException("bind", ex.getErrorCode(), "AF_NETLINK, groups=RTMGRP_LINK, fd=" + fd);
        }
        if (allNsid)
        {
            try (Memory one = new Memory(Integer.BYTES))
            {
                one.setInt(0, 1);
                setsockopt(fd, SOL_NETLINK, NETLINK_LISTEN_ALL_NSID, one, Integer.BYTES);
            }
            catch (final LastErrorException ex)
            {
                close();
                throw new SysException("setsockopt", ex.getErrorCode(), "SOL_NETLINK, NETLINK_LISTEN_ALL_NSID");
            }
        }
    }

    public int fd()
    {
        return fd;
    }

    /**
     * Reads every datagram waiting and appends the link messages to {@code out}.
     *
     * @return the number of messages appended, or -ENOBUFS when the kernel dropped notifications (the caller must
     *     re-read the state it tracks), or -errno for another error. Zero when nothing was waiting.
     */
    public synchronized int receive(final List<LinkMessage> out)
    {
        int n = 0;
        while (true)
        {
            final long got = allNsid ? recvTagged() : recv(fd, buffer, BUFFER_LENGTH, 0);
            if (got < 0)
            {
                final int errno = Native.getLastError();
                if (errno == Errno.EAGAIN)
                {
                    return n;
                }
                if (errno == Errno.EINTR)
                {
                    continue;
                }
                return -errno;
            }
            n += parse(buffer, (int)got, out, allNsid ? taggedNsid() : NSID_OWN);
        }
    }

    /** recvmsg(2) of one datagram into {@link #buffer}, its control messages into {@link #msg}. */
    private long recvTagged()
    {
        msg.clear();
        final long iov = Pointer.nativeValue(msg) + MSGHDR_LENGTH;
        final long control = iov + IOVEC_LENGTH;
        msg.setLong(16, iov);
        msg.setLong(24, 1);
        msg.setLong(32, control);
        msg.setLong(40, CONTROL_LENGTH);
        msg.setLong(MSGHDR_LENGTH, Pointer.nativeValue(buffer));
        msg.setLong(MSGHDR_LENGTH + 8, BUFFER_LENGTH);
        return recvmsg(fd, msg, 0);
    }

    /** The nsid of the datagram {@link #recvTagged} read, or {@link #NSID_OWN} when it carried none. */
    private int taggedNsid()
    {
        final long controlLength = msg.getLong(40);
        int off = MSGHDR_LENGTH + IOVEC_LENGTH;
        final int end = off + (int)Math.min(controlLength, CONTROL_LENGTH);
        while (off + CMSGHDR_LENGTH <= end)
        {
            final long len = msg.getLong(off);
            if (len < CMSGHDR_LENGTH || off + len > end)
            {
                break;
            }
            if (msg.getInt(off + 8) == SOL_NETLINK && msg.getInt(off + 12) == NETLINK_LISTEN_ALL_NSID &&
                len >= CMSGHDR_LENGTH + Integer.BYTES)
            {
                return msg.getInt(off + CMSGHDR_LENGTH);
            }
            off += (int)((len + 7) & ~7L);
        }
        return NSID_OWN;
    }

    static int parse(final Pointer buf, final int length, final List<LinkMessage> out)
    {
        return parse(buf, length, out, NSID_OWN);
    }

    static int parse(final Pointer buf, final int length, final List<LinkMessage> out, final int nsid)
    {
        int n = 0;
        int off = 0;
        while (off + NLMSG_HDRLEN <= length)
        {
            final int len = buf.getInt(off);
            final int type = buf.getShort(off + 4) & 0xFFFF;
            if (len < NLMSG_HDRLEN || off + len > length)
            {
                break;
            }
            if ((type == RTM_NEWLINK || type == RTM_DELLINK) && len >= NLMSG_HDRLEN + IFINFOMSG_LENGTH)
            {
                final int ifi = off + NLMSG_HDRLEN;
                final int ifIndex = buf.getInt(ifi + 4);
                final int flags = buf.getInt(ifi + 8);
                int mtu = -1;
                byte[] address = null;
                String name = null;
                int a = ifi + IFINFOMSG_LENGTH;
                final int end = off + len;
                while (a + 4 <= end)
                {
                    final int alen = buf.getShort(a) & 0xFFFF;
                    final int atype = buf.getShort(a + 2) & 0x3FFF;
                    if (alen < 4 || a + alen > end)
                    {
                        break;
                    }
                    final int plen = alen - 4;
                    if (atype == IFLA_MTU && plen >= 4)
                    {
                        mtu = buf.getInt(a + 4);
                    }
                    else if (atype == IFLA_ADDRESS)
                    {
                        address = buf.getByteArray(a + 4, plen);
                    }
                    else if (atype == IFLA_IFNAME && plen > 0)
                    {
                        final byte[] raw = buf.getByteArray(a + 4, plen);
                        int z = 0;
                        while (z < raw.length && raw[z] != 0)
                        {
                            z++;
                        }
                        name = new String(raw, 0, z, StandardCharsets.US_ASCII);
                    }
                    a += (alen + 3) & ~3;
                }
                out.add(new LinkMessage(type, ifIndex, flags, mtu, address, name, nsid));
                n++;
            }
            off += (len + 3) & ~3;
        }
        return n;
    }

    /**
     * A socket for requests only ({@link #nsidOf}): subscribed to nothing, blocking, in the calling thread's
     * namespace.
     */
    public static RtNetlink requestSocket()
    {
        return new RtNetlink(0);
    }

    /**
     * The nsid the namespace open at {@code netnsFd} has in this socket's namespace, assigning one when it has none
     * (RTM_GETNSID, then RTM_NEWNSID with NETNSA_NSID = -1: the kernel picks a free id, as {@code ip netns set NAME
     * auto}). {@link #NSID_OWN} when {@code netnsFd} is this socket's own namespace and it has no id for itself.
     * A socket from {@link #requestSocket()}.
     *
     * @throws SysException a netlink call failed or the kernel refused (errno of the NLMSG_ERROR).
     */
    public synchronized int nsidOf(final int netnsFd)
    {
        final int id = getNsid(netnsFd);
        if (id != NSID_OWN)
        {
            return id;
        }
        newNsid(netnsFd);
        return getNsid(netnsFd);
    }

    /** A request socket: no group subscribed, so only replies arrive. */
    private RtNetlink(final int groups)
    {
        this.allNsid = false;
        try
        {
            fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
        }
        catch (final LastErrorException ex)
        {
            buffer.close();
            msg.close();
            throw new SysException("socket", ex.getErrorCode(), "AF_NETLINK, NETLINK_ROUTE");
        }
    }

    private int getNsid(final int netnsFd)
    {
        request(RTM_GETNSID, NLM_F_REQUEST, netnsFd, false, "RTM_GETNSID");
        final long got = receiveReply("RTM_GETNSID");
        int off = 0;
        while (off + NLMSG_HDRLEN <= got)
        {
            final int len = buffer.getInt(off);
            final int type = buffer.getShort(off + 4) & 0xFFFF;
            if (len < NLMSG_HDRLEN || off + len > got)
            {
                break;
            }
            if (type == NLMSG_ERROR)
            {
                throwIfError(off, "RTM_GETNSID, NETNSA_FD=" + netnsFd);
            }
            if (type == RTM_NEWNSID)
            {
                int a = off + NLMSG_HDRLEN + 4;
                while (a + 4 <= off + len)
                {
                    final int alen = buffer.getShort(a) & 0xFFFF;
                    if (alen < 4)
                    {
                        break;
                    }
                    if ((buffer.getShort(a + 2) & 0x3FFF) == NETNSA_NSID && alen >= 8)
                    {
                        return buffer.getInt(a + 4);
                    }
                    a += (alen + 3) & ~3;
                }
                return NSID_OWN;
            }
            off += (len + 3) & ~3;
        }
        throw new SysException("recv", Errno.EIO, "RTM_GETNSID: no RTM_NEWNSID in the reply");
    }

    private void newNsid(final int netnsFd)
    {
        request(RTM_NEWNSID, NLM_F_REQUEST | NLM_F_ACK, netnsFd, true, "RTM_NEWNSID");
        receiveReply("RTM_NEWNSID");
        if ((buffer.getShort(4) & 0xFFFF) == NLMSG_ERROR)
        {
            final int errno = -buffer.getInt(NLMSG_HDRLEN);
            if (errno != 0 && errno != Errno.EEXIST)
            {
                throwIfError(0, "RTM_NEWNSID, NETNSA_FD=" + netnsFd + ", NETNSA_NSID=-1");
            }
        }
    }

    /** nlmsghdr | rtgenmsg(AF_UNSPEC) | NETNSA_FD u32 [| NETNSA_NSID s32 = -1]. */
    private void request(final int type, final int flags, final int netnsFd, final boolean withNsid,
        final String what)
    {
        final int len = NLMSG_HDRLEN + 4 + 8 + (withNsid ? 8 : 0);
        buffer.clear(len);
        buffer.setInt(0, len);
        buffer.setShort(4, (short)type);
        buffer.setShort(6, (short)flags);
        buffer.setInt(8, 1);
        int a = NLMSG_HDRLEN + 4;
        buffer.setShort(a, (short)8);
        buffer.setShort(a + 2, (short)NETNSA_FD);
        buffer.setInt(a + 4, netnsFd);
        if (withNsid)
        {
            a += 8;
            buffer.setShort(a, (short)8);
            buffer.setShort(a + 2, (short)NETNSA_NSID);
            buffer.setInt(a + 4, NSID_OWN);
        }
        if (send(fd, buffer, len, 0) != len)
        {
            throw new SysException("send", Native.getLastError(), what + ", NETNSA_FD=" + netnsFd);
        }
    }

    private long receiveReply(final String what)
    {
        while (true)
        {
            final long got = recv(fd, buffer, BUFFER_LENGTH, 0);
            if (got >= 0)
            {
                return got;
            }
            final int errno = Native.getLastError();
            if (errno != Errno.EINTR)
            {
                throw new SysException("recv", errno, what + " reply");
            }
        }
    }

    private void throwIfError(final int off, final String what)
    {
        final int errno = -buffer.getInt(off + NLMSG_HDRLEN);
        if (errno != 0)
        {
            throw new SysException("rtnetlink", errno, what);
        }
    }

    public synchronized void close()
    {
        if (fd >= 0)
        {
            LibC.closeQuietly(fd);
            fd = -1;
            buffer.close();
            msg.close();
        }
    }
}
