package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;

/**
 * AF_UNIX sockets with file-descriptor passing (SCM_RIGHTS) and {@code SOCK_SEQPACKET} servers and clients (DPDK's
 * telemetry socket), which {@code java.nio} channels cannot do, plus {@code poll(2)} for bounded waits. glibc, x86-64 Linux, JNA direct mapping; all pointers are raw native
 * addresses so a caller with preallocated buffers makes calls that allocate nothing.
 *
 * <h2>Layouts (x86-64, from {@code <sys/socket.h>}, {@code <bits/socket.h>}, {@code <poll.h>})</h2>
 * <pre>
 * struct msghdr (56 bytes)
 *   0                   8         12        16                  24                  32
 *   +-------------------+---------+---------+-------------------+-------------------+
 *   | msg_name (ptr)    | namelen | pad     | msg_iov (ptr)     | msg_iovlen (u64)  |
 *   +-------------------+---------+---------+-------------------+-------------------+
 *   32                  40                  48        52        56
 *   | msg_control (ptr) | msg_controllen u64| flags   | pad     |
 *   +-------------------+-------------------+---------+---------+
 *
 * struct iovec (16):   0 iov_base (ptr) | 8 iov_len (u64)
 * struct cmsghdr (16 + data): 0 cmsg_len (u64, = CMSG_LEN) | 8 cmsg_level (i32) | 12 cmsg_type (i32) | 16 data
 * struct pollfd (8):   0 fd (i32) | 4 events (i16) | 6 revents (i16)
 * struct sockaddr_un (110): 0 sun_family (u16) | 2 sun_path[108] (NUL-terminated)
 * </pre>
 * Every offset is checked against the system headers by {@code NativeLayoutTest} (compiles a C program with gcc).
 */
public final class UnixSocket
{
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_SEQPACKET = 5;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SCM_RIGHTS = 1;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    /** SO_SNDBUF beyond net.core.wmem_max (CAP_NET_ADMIN). */
    public static final int SO_SNDBUFFORCE = 32;
    public static final int SHUT_RDWR = 2;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_NOSIGNAL = 0x4000;
    public static final int MSG_CMSG_CLOEXEC = 0x40000000;

    public static final int POLLIN = 0x1;
    public static final int POLLOUT = 0x4;
    public static final int POLLERR = 0x8;
    public static final int POLLHUP = 0x10;
    public static final int POLLNVAL = 0x20;

    public static final int MSGHDR_NAME_OFFSET = 0;
    public static final int MSGHDR_NAMELEN_OFFSET = 8;
    public static final int MSGHDR_IOV_OFFSET = 16;
    public static final int MSGHDR_IOVLEN_OFFSET = 24;
    public static final int MSGHDR_CONTROL_OFFSET = 32;
    public static final int MSGHDR_CONTROLLEN_OFFSET = 40;
    public static final int MSGHDR_FLAGS_OFFSET = 48;
    public static final int MSGHDR_SIZE = 56;

    public static final int IOVEC_BASE_OFFSET = 0;
    public static final int IOVEC_LEN_OFFSET = 8;
    public static final int IOVEC_SIZE = 16;

    public static final int CMSGHDR_LEN_OFFSET = 0;
    public static final int CMSGHDR_LEVEL_OFFSET = 8;
    public static final int CMSGHDR_TYPE_OFFSET = 12;
    /** CMSG_DATA(c) - c. */
    public static final int CMSGHDR_DATA_OFFSET = 16;

    public static final int POLLFD_FD_OFFSET = 0;
    public static final int POLLFD_EVENTS_OFFSET = 4;
    public static final int POLLFD_REVENTS_OFFSET = 6;
    public static final int POLLFD_SIZE = 8;

    public static final int SOCKADDR_UN_FAMILY_OFFSET = 0;
    public static final int SOCKADDR_UN_PATH_OFFSET = 2;
    public static final int SOCKADDR_UN_SIZE = 110;
    /** sizeof(sun_path): a path must be shorter (it is NUL-terminated). */
    public static final int UNIX_PATH_MAX = 108;

    static
    {
        Native.register(UnixSocket.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private UnixSocket()
    {
    }

    /** CMSG_LEN(n): header plus n data bytes, unpadded. */
    public static int cmsgLen(final int dataBytes)
    {
        return CMSGHDR_DATA_OFFSET + dataBytes;
    }

    /** CMSG_SPACE(n): header plus n data bytes padded to 8. */
    public static int cmsgSpace(final int dataBytes)
    {
        return CMSGHDR_DATA_OFFSET + ((dataBytes + 7) & ~7);
    }

    private static native int socketpair(int domain, int type, int protocol, int[] sv) throws LastErrorException;

    private static native long sendmsg(int fd, long msghdr, int flags) throws LastErrorException;

    private static native long recvmsg(int fd, long msghdr, int flags) throws LastErrorException;

    private static native long recv(int fd, long buf, long len, int flags) throws LastErrorException;

    private static native long send(int fd, long buf, long len, int flags) throws LastErrorException;

    private static native int poll(long fds, long nfds, int timeoutMs) throws LastErrorException;

    /** pollfd array as ints: [2i] = fd, [2i+1] = events (low 16 bits) | revents (high 16 bits), little-endian. */
    private static native int poll(int[] fds, long nfds, int timeoutMs) throws LastErrorException;

    private static native int socket(int domain, int type, int protocol) throws LastErrorException;

    private static native int bind(int fd, byte[] addr, int addrlen) throws LastErrorException;

    private static native int connect(int fd, byte[] addr, int addrlen) throws LastErrorException;

    private static native int listen(int fd, int backlog) throws LastErrorException;

    private static native int accept4(int fd, Pointer addr, Pointer addrlen, int flags) throws LastErrorException;

    private static native int shutdown(int fd, int how) throws LastErrorException;

    private static native int setsockopt(int fd, int level, int name, int[] value, int len) throws LastErrorException;

    private static native int getsockopt(int fd, int level, int name, int[] value, int[] len) throws LastErrorException;

    private static native long recv(int fd, byte[] buf, long len, int flags) throws LastErrorException;

    private static native long send(int fd, byte[] buf, long len, int flags) throws LastErrorException;

    /** socketpair(2); returns the two fds. */
    public static int[] socketPair(final int type)
    {
        final int[] sv = new int[2];
        try
        {
            socketpair(AF_UNIX, type, 0, sv);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("socketpair", ex.getErrorCode(), "AF_UNIX, type=0x" + Integer.toHexString(type));
        }
        return sv;
    }

    /** sendmsg(2); returns bytes sent or -errno (EAGAIN, EPIPE... are values, not exceptions). */
    public static long sendMsg(final int fd, final long msghdr, final int flags)
    {
        try
        {
            return sendmsg(fd, msghdr, flags);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /** recvmsg(2); returns bytes received (0 = orderly shutdown) or -errno. */
    public static long recvMsg(final int fd, final long msghdr, final int flags)
    {
        try
        {
            return recvmsg(fd, msghdr, flags);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /** recv(2); returns bytes received (0 = orderly shutdown) or -errno. */
    public static long recvNative(final int fd, final long buf, final long len, final int flags)
    {
        try
        {
            return recv(fd, buf, len, flags);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /** send(2); returns bytes sent or -errno. */
    public static long sendNative(final int fd, final long buf, final long len, final int flags)
    {
        try
        {
            return send(fd, buf, len, flags);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /** poll(2) over a native pollfd array; returns the number of ready fds, 0 on timeout, or -errno. */
    public static int pollNative(final long fds, final int nfds, final int timeoutMs)
    {
        try
        {
            return poll(fds, nfds, timeoutMs);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /** socket(2) with SOCK_CLOEXEC added. */
    public static int socket(final int domain, final int type)
    {
        try
        {
            return socket(domain, type | SOCK_CLOEXEC, 0);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("socket", ex.getErrorCode(), "domain=" + domain + ", type=0x" + Integer.toHexString(type));
        }
    }

    /** A sockaddr_un for {@code path}; ENAMETOOLONG when it does not fit sun_path with its NUL. */
    public static byte[] sockaddrUn(final String path)
    {
        final byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length >= UNIX_PATH_MAX)
        {
            throw new SysException("sockaddr_un", Errno.ENAMETOOLONG, path + " (" + p.length + " bytes, sun_path holds " +
                (UNIX_PATH_MAX - 1) + ")");
        }
        final byte[] addr = new byte[SOCKADDR_UN_SIZE];
        addr[SOCKADDR_UN_FAMILY_OFFSET] = (byte)AF_UNIX;
        System.arraycopy(p, 0, addr, SOCKADDR_UN_PATH_OFFSET, p.length);
        return addr;
    }

    /** bind(2) to a filesystem path; returns 0 or -errno (EADDRINUSE is a value: the caller decides). */
    public static int bindUnix(final int fd, final String path)
    {
        final byte[] addr = sockaddrUn(path);
        try
        {
            return bind(fd, addr, addr.length);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /** connect(2) to a filesystem path; returns 0 or -errno (ECONNREFUSED, ENOENT are values). */
    public static int connectUnix(final int fd, final String path)
    {
        final byte[] addr = sockaddrUn(path);
        try
        {
            return connect(fd, addr, addr.length);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    public static void listen(final int fd, final int backlog, final String what)
    {
        try
        {
            listen(fd, backlog);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("listen", ex.getErrorCode(), what + ", fd=" + fd + ", backlog=" + backlog);
        }
    }

    /** accept4(2) with SOCK_CLOEXEC | {@code flags}; returns the new fd or -errno. */
    public static int accept(final int fd, final int flags)
    {
        try
        {
            return accept4(fd, null, null, SOCK_CLOEXEC | flags);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /** shutdown(2); returns 0 or -errno. */
    public static int shutdown(final int fd)
    {
        try
        {
            return shutdown(fd, SHUT_RDWR);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /** setsockopt(2) of an int option. */
    public static void setIntOption(final int fd, final int level, final int name, final int value)
    {
        try
        {
            setsockopt(fd, level, name, new int[] {value}, 4);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("setsockopt", ex.getErrorCode(), "fd=" + fd + ", level=" + level + ", name=" + name +
                ", value=" + value);
        }
    }

    /** getsockopt(2) of an int option. */
    public static int intOption(final int fd, final int level, final int name)
    {
        final int[] v = new int[1];
        try
        {
            getsockopt(fd, level, name, v, new int[] {4});
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("getsockopt", ex.getErrorCode(), "fd=" + fd + ", level=" + level + ", name=" + name);
        }
        return v[0];
    }

    /** recv(2) into a Java array (control paths); returns bytes received (0 = orderly shutdown) or -errno. */
    public static int recv(final int fd, final byte[] buf, final int len, final int flags)
    {
        try
        {
            return (int)recv(fd, buf, (long)Math.min(len, buf.length), flags);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /** send(2) from a Java array (control paths); returns bytes sent or -errno (EAGAIN, EPIPE are values). */
    public static int send(final int fd, final byte[] buf, final int len, final int flags)
    {
        try
        {
            return (int)send(fd, buf, (long)Math.min(len, buf.length), flags);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /**
     * poll(2) over {@code fds} for {@code events} each (control paths); fills {@code revents} and returns the number
     * ready, 0 on timeout, or -errno (EINTR is a value).
     */
    public static int poll(final int[] fds, final int[] events, final int[] revents, final int nfds, final int timeoutMs)
    {
        final int[] packed = new int[nfds * 2];
        for (int i = 0; i < nfds; i++)
        {
            packed[2 * i] = fds[i];
            packed[2 * i + 1] = events[i] & 0xFFFF;
        }
        final int n;
        try
        {
            n = poll(packed, nfds, timeoutMs);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
        for (int i = 0; i < nfds; i++)
        {
            revents[i] = packed[2 * i + 1] >>> 16;
        }
        return n;
    }
}
