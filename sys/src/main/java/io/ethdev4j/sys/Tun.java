package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * TUN/TAP bindings ({@code /dev/net/tun}, linux/if_tun.h) and the fd I/O the KNI data path uses on a TAP fd.
 * <p>
 * Control calls throw {@link SysException} naming the call and errno. The hot-path calls ({@link #write},
 * {@link #writev}, {@link #read}) never throw: they return the byte count or -1, and {@link #lastErrno()} then
 * tells why (EAGAIN is a value here, not an exception).
 */
public final class Tun
{
    public static final String CLONE_DEVICE = "/dev/net/tun";

    /** _IOW('T', 202, int). */
    public static final long TUNSETIFF = 0x400454caL;
    /** _IOW('T', 203, int). */
    public static final long TUNSETPERSIST = 0x400454cbL;
    /** _IOW('T', 226, int), Linux 5.0+. */
    public static final long TUNSETCARRIER = 0x400454e2L;
    /** _IOR('T', 210, unsigned int): the attached netdev's current name and flags. */
    public static final long TUNGETIFF = 0x800454d2L;
    /** _IO('T', 227), Linux 5.2+: an fd of the network namespace the attached netdev is in now. */
    public static final long TUNGETDEVNETNS = 0x54e3L;

    public static final short IFF_TUN = 0x0001;
    public static final short IFF_TAP = 0x0002;
    /** Bring the device up without carrier (Linux 4.19+). */
    public static final short IFF_NO_CARRIER = 0x0040;
    public static final short IFF_NO_PI = 0x1000;

    /** sizeof(struct ifreq) on x86-64; name[16] then the union at 16. */
    public static final int IFREQ_LENGTH = 40;
    /**
     * errno of read/write on a TAP fd whose netdev was deleted (drivers/net/tun.c: tun_get() is NULL, -EBADFD); poll
     * on such an fd reports POLLERR at once, every time.
     */
    public static final int EBADFD = 77;
    public static final int IFREQ_UNION_OFFSET = 16;
    public static final int IFNAMSIZ = 16;

    static
    {
        Native.register(Tun.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private Tun()
    {
    }

    private static native long write(int fd, long buf, long count);

    private static native long writev(int fd, long iov, int iovcnt);

    private static native long read(int fd, long buf, long count);

    private static native int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

    private static native int ioctl(int fd, long request, long arg) throws LastErrorException;

    /**
     * Opens the clone device and attaches a TAP (IFF_TAP | IFF_NO_PI) named {@code name}, non-blocking, close-on-exec.
     *
     * @param carrier false creates it with IFF_NO_CARRIER.
     * @return the fd; the interface lives as long as the fd (it is not made persistent).
     */
    public static int openTap(final String name, final boolean carrier)
    {
        final byte[] nameBytes = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (nameBytes.length == 0 || nameBytes.length >= IFNAMSIZ)
        {
            throw new IllegalArgumentException("openTap(name=" + name + ") failed: EINVAL - 1 to 15 characters");
        }
        final int fd = LibC.openChecked(CLONE_DEVICE, LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC, 0);
        try (Memory ifr = new Memory(IFREQ_LENGTH))
        {
            ifr.clear();
            ifr.write(0, nameBytes, 0, nameBytes.length);
            ifr.setShort(IFREQ_UNION_OFFSET, (short)(IFF_TAP | IFF_NO_PI | (carrier ? 0 : IFF_NO_CARRIER)));
            try
            {
                ioctl(fd, TUNSETIFF, ifr);
            }
            catch (final LastErrorException ex)
            {
                throw new SysException("ioctl", ex.getErrorCode(), "TUNSETIFF, name=" + name + ", fd=" + fd);
            }
            return fd;
        }
        catch (final RuntimeException ex)
        {
            LibC.closeQuietly(fd);
            throw ex;
        }
    }

    /** TUNSETCARRIER: sets the netdev's carrier (what {@code ip link} shows as LOWER_UP / NO-CARRIER). */
    public static void setCarrier(final int fd, final boolean on)
    {
        try (Memory arg = new Memory(Integer.BYTES))
        {
            arg.setInt(0, on ? 1 : 0);
            ioctl(fd, TUNSETCARRIER, arg);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("ioctl", ex.getErrorCode(), "TUNSETCARRIER, on=" + on + ", fd=" + fd);
        }
    }

    /**
     * TUNGETIFF: the current name of the netdev the TAP fd is attached to. It follows renames and moves to other
     * network namespaces (the fd stays attached to the netdev, wherever it goes).
     *
     * @return the name, or null once the netdev was destroyed (EBADFD: deleted with {@code ip link del}, or with its
     *     namespace).
     */
    public static String attachedName(final int fd)
    {
        try (Memory ifr = new Memory(IFREQ_LENGTH))
        {
            ifr.clear();
            ioctl(fd, TUNGETIFF, ifr);
            final byte[] raw = ifr.getByteArray(0, IFNAMSIZ);
            int n = 0;
            while (n < raw.length && raw[n] != 0)
            {
                n++;
            }
            return new String(raw, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
        }
        catch (final LastErrorException ex)
        {
            if (ex.getErrorCode() == EBADFD)
            {
                return null;
            }
            throw new SysException("ioctl", ex.getErrorCode(), "TUNGETIFF, fd=" + fd);
        }
    }

    /**
     * TUNGETDEVNETNS (Linux 5.2+): opens the network namespace the attached netdev is in now. The caller closes the fd
     * at once after use (an open namespace fd keeps the namespace alive).
     *
     * @return the namespace fd, or -1 once the netdev was destroyed (EBADFD) or while its namespace is being destroyed
     *     (EINVAL: the namespace's last reference is gone, the netdev goes with it; before Linux 5.2, where the ioctl
     *     does not exist, EINVAL too).
     */
    public static int attachedNetns(final int fd)
    {
        try
        {
            return ioctl(fd, TUNGETDEVNETNS, 0L);
        }
        catch (final LastErrorException ex)
        {
            if (ex.getErrorCode() == EBADFD || ex.getErrorCode() == Errno.EINVAL)
            {
                return -1;
            }
            throw new SysException("ioctl", ex.getErrorCode(), "TUNGETDEVNETNS, fd=" + fd);
        }
    }

    /** write(2): one frame into the netdev's receive path. Returns bytes or -1 ({@link #lastErrno()}). */
    public static long writeFrame(final int fd, final long buf, final int length)
    {
        return write(fd, buf, length);
    }

    /** writev(2): one frame from {@code iovcnt} {@code struct iovec} at {@code iov}. Returns bytes or -1. */
    public static long writevFrame(final int fd, final long iov, final int iovcnt)
    {
        return writev(fd, iov, iovcnt);
    }

    /**
     * read(2): one frame the netdev transmitted. Returns its full length (which may exceed {@code capacity}: the
     * frame was then truncated), or -1 ({@link #lastErrno()}, EAGAIN when none is waiting).
     */
    public static long readFrame(final int fd, final long buf, final int capacity)
    {
        return read(fd, buf, capacity);
    }

    /** errno of the last failed call on this thread (JNA keeps it per thread). */
    public static int lastErrno()
    {
        return Native.getLastError();
    }

}
