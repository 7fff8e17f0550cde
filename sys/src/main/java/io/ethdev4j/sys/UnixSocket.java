package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;

/**
 * AF_UNIX sockets with file-descriptor passing (SCM_RIGHTS), which {@code java.nio} channels cannot do, plus
 * {@code poll(2)} for bounded waits. glibc, x86-64 Linux, JNA direct mapping; all pointers are raw native
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
 * </pre>
 * Every offset is checked against the system headers by {@code NativeLayoutTest} (compiles a C program with gcc).
 */
public final class UnixSocket
{
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SCM_RIGHTS = 1;
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
}
