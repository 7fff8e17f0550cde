package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An rtnetlink socket (AF_NETLINK, NETLINK_ROUTE; linux/netlink.h, linux/rtnetlink.h, linux/if_link.h) subscribed to
 * RTMGRP_LINK: every change of every interface in the opening thread's namespace arrives as RTM_NEWLINK or RTM_DELLINK
 * carrying the interface's full state. Control path.
 *
 * <pre>
 *  nlmsghdr (16):  len u32 @0 | type u16 @4 | flags u16 @6 | seq u32 @8 | pid u32 @12
 *  ifinfomsg (16): family u8 @0 | pad u8 @1 | type u16 @2 | index s32 @4 | flags u32 @8 | change u32 @12
 *  rtattr (4):     len u16 @0 | type u16 @2 | payload, each attribute padded to 4 bytes
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

    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;

    private static final int BUFFER_LENGTH = 64 * 1024;

    static
    {
        Native.register(RtNetlink.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private static native int socket(int domain, int type, int protocol) throws LastErrorException;

    private static native int bind(int fd, Pointer addr, int addrlen) throws LastErrorException;

    private static native long recv(int fd, Pointer buf, long len, int flags);

    /** One RTM_NEWLINK/RTM_DELLINK. */
    public static final class LinkMessage
    {
        public final int type;
        public final int ifIndex;
        public final int flags;
        public final int mtu;
        public final byte[] address;
        public final String ifName;

        LinkMessage(final int type, final int ifIndex, final int flags, final int mtu, final byte[] address,
            final String ifName)
        {
            this.type = type;
            this.ifIndex = ifIndex;
            this.flags = flags;
            this.mtu = mtu;
            this.address = address;
            this.ifName = ifName;
        }

        public String toString()
        {
            return (type == RTM_NEWLINK ? "RTM_NEWLINK" : "RTM_DELLINK") + "{ifindex=" + ifIndex + ", name=" + ifName +
                ", flags=0x" + Integer.toHexString(flags) + ", mtu=" + mtu + ", address=" + Mac.format(address) + '}';
        }
    }

    private final Memory buffer = new Memory(BUFFER_LENGTH);
    private int fd;

    /** Opens a non-blocking socket in the calling thread's namespace, subscribed to RTMGRP_LINK. */
    public RtNetlink()
    {
        try
        {
            fd = socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, NETLINK_ROUTE);
        }
        catch (final LastErrorException ex)
        {
            buffer.close();
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
            final long got = recv(fd, buffer, BUFFER_LENGTH, 0);
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
            n += parse(buffer, (int)got, out);
        }
    }

    static int parse(final Pointer buf, final int length, final List<LinkMessage> out)
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
                out.add(new LinkMessage(type, ifIndex, flags, mtu, address, name));
                n++;
            }
            off += (len + 3) & ~3;
        }
        return n;
    }

    public synchronized void close()
    {
        if (fd >= 0)
        {
            LibC.closeQuietly(fd);
            fd = -1;
            buffer.close();
        }
    }
}
