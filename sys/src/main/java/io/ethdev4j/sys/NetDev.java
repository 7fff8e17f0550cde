package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;

/**
 * Network-device ioctls (linux/sockios.h, {@code struct ifreq}) on an AF_INET datagram socket. The socket belongs to
 * the network namespace of the thread that opened it, so open one per namespace. Control path only.
 */
public final class NetDev implements AutoCloseable
{
    public static final long SIOCGIFFLAGS = 0x8913;
    public static final long SIOCSIFFLAGS = 0x8914;
    public static final long SIOCGIFMTU = 0x8921;
    public static final long SIOCSIFMTU = 0x8922;
    public static final long SIOCSIFHWADDR = 0x8924;
    public static final long SIOCGIFHWADDR = 0x8927;
    public static final long SIOCGIFINDEX = 0x8933;

    public static final int IFF_UP = 0x1;
    public static final int IFF_BROADCAST = 0x2;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_PROMISC = 0x100;
    public static final int IFF_ALLMULTI = 0x200;
    public static final int IFF_LOWER_UP = 0x10000;

    public static final int AF_INET = 2;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_CLOEXEC = 0x80000;
    /** ARPHRD_ETHER, the sa_family of an Ethernet hardware address. */
    public static final short ARPHRD_ETHER = 1;

    static
    {
        Native.register(NetDev.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private static native int socket(int domain, int type, int protocol) throws LastErrorException;

    private static native int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

    private final Memory ifr = new Memory(Tun.IFREQ_LENGTH);
    private int fd;

    /** Opens a control socket in the calling thread's network namespace. */
    public NetDev()
    {
        try
        {
            fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        }
        catch (final LastErrorException ex)
        {
            ifr.close();
            throw new SysException("socket", ex.getErrorCode(), "AF_INET, SOCK_DGRAM");
        }
    }

    public synchronized int ifIndex(final String ifname)
    {
        call(ifname, SIOCGIFINDEX, "SIOCGIFINDEX");
        return ifr.getInt(Tun.IFREQ_UNION_OFFSET);
    }

    public synchronized int mtu(final String ifname)
    {
        call(ifname, SIOCGIFMTU, "SIOCGIFMTU");
        return ifr.getInt(Tun.IFREQ_UNION_OFFSET);
    }

    public synchronized void mtu(final String ifname, final int mtu)
    {
        prepare(ifname);
        ifr.setInt(Tun.IFREQ_UNION_OFFSET, mtu);
        invoke(ifname, SIOCSIFMTU, "SIOCSIFMTU, mtu=" + mtu);
    }

    /** The interface flags (IFF_*, the low 16 bits: SIOCGIFFLAGS has no room for IFF_LOWER_UP). */
    public synchronized int flags(final String ifname)
    {
        call(ifname, SIOCGIFFLAGS, "SIOCGIFFLAGS");
        return ifr.getShort(Tun.IFREQ_UNION_OFFSET) & 0xFFFF;
    }

    /** Sets or clears {@code mask} bits in the interface flags (read-modify-write). */
    public synchronized void flags(final String ifname, final int mask, final boolean set)
    {
        call(ifname, SIOCGIFFLAGS, "SIOCGIFFLAGS");
        final int flags = ifr.getShort(Tun.IFREQ_UNION_OFFSET) & 0xFFFF;
        final int next = set ? (flags | mask) : (flags & ~mask);
        prepare(ifname);
        ifr.setShort(Tun.IFREQ_UNION_OFFSET, (short)next);
        invoke(ifname, SIOCSIFFLAGS, "SIOCSIFFLAGS, flags=0x" + Integer.toHexString(next));
    }

    public synchronized byte[] hwAddr(final String ifname)
    {
        call(ifname, SIOCGIFHWADDR, "SIOCGIFHWADDR");
        return ifr.getByteArray(Tun.IFREQ_UNION_OFFSET + 2, 6);
    }

    public synchronized void hwAddr(final String ifname, final byte[] mac)
    {
        prepare(ifname);
        ifr.setShort(Tun.IFREQ_UNION_OFFSET, ARPHRD_ETHER);
        ifr.write(Tun.IFREQ_UNION_OFFSET + 2, mac, 0, 6);
        invoke(ifname, SIOCSIFHWADDR, "SIOCSIFHWADDR, mac=" + Mac.format(mac));
    }

    private void call(final String ifname, final long request, final String what)
    {
        prepare(ifname);
        invoke(ifname, request, what);
    }

    private void prepare(final String ifname)
    {
        if (fd < 0)
        {
            throw new IllegalStateException("NetDev closed");
        }
        final byte[] name = ifname.getBytes(StandardCharsets.US_ASCII);
        if (name.length == 0 || name.length >= Tun.IFNAMSIZ)
        {
            throw new IllegalArgumentException("ifname=" + ifname + ": 1 to 15 characters");
        }
        ifr.clear();
        ifr.write(0, name, 0, name.length);
    }

    private void invoke(final String ifname, final long request, final String what)
    {
        try
        {
            ioctl(fd, request, ifr);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("ioctl", ex.getErrorCode(), what + ", ifname=" + ifname);
        }
    }

    public synchronized void close()
    {
        if (fd >= 0)
        {
            LibC.closeQuietly(fd);
            fd = -1;
            ifr.close();
        }
    }
}
