package io.ethdev4j.sys;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import static io.ethdev4j.sys.UnixSocket.CMSGHDR_DATA_OFFSET;
import static io.ethdev4j.sys.UnixSocket.CMSGHDR_LEN_OFFSET;
import static io.ethdev4j.sys.UnixSocket.CMSGHDR_LEVEL_OFFSET;
import static io.ethdev4j.sys.UnixSocket.CMSGHDR_TYPE_OFFSET;
import static io.ethdev4j.sys.UnixSocket.IOVEC_BASE_OFFSET;
import static io.ethdev4j.sys.UnixSocket.IOVEC_LEN_OFFSET;
import static io.ethdev4j.sys.UnixSocket.IOVEC_SIZE;
import static io.ethdev4j.sys.UnixSocket.MSGHDR_CONTROLLEN_OFFSET;
import static io.ethdev4j.sys.UnixSocket.MSGHDR_CONTROL_OFFSET;
import static io.ethdev4j.sys.UnixSocket.MSGHDR_FLAGS_OFFSET;
import static io.ethdev4j.sys.UnixSocket.MSGHDR_IOVLEN_OFFSET;
import static io.ethdev4j.sys.UnixSocket.MSGHDR_IOV_OFFSET;
import static io.ethdev4j.sys.UnixSocket.MSGHDR_SIZE;
import static io.ethdev4j.sys.UnixSocket.SCM_RIGHTS;
import static io.ethdev4j.sys.UnixSocket.SOL_SOCKET;

/**
 * One datagram of a {@code SOCK_SEQPACKET} (or {@code SOCK_DGRAM}) AF_UNIX socket with file descriptors beside it
 * ({@code SCM_RIGHTS}): a control-path helper over {@link UnixSocket#sendMsg}/{@link UnixSocket#recvMsg} that builds
 * the msghdr, iovec and cmsg (layouts in {@link UnixSocket}) in memory of its own. Allocates per call; not for data
 * paths.
 * <p>
 * Received fds are installed close-on-exec ({@code MSG_CMSG_CLOEXEC}) and become the caller's to close, also when the
 * message is refused. When the sender passed more fds than {@code maxFds}, the kernel closes the excess and sets
 * {@code MSG_CTRUNC}: {@link Received#fdsTruncated()}.
 */
public final class FdMessage
{
    public static final int MSG_CTRUNC = 0x8;

    private FdMessage()
    {
    }

    /** What {@link #receive} got: {@code length} bytes in the caller's buffer, {@code fds} now owned by the caller. */
    public record Received(int length, int[] fds, boolean truncated, boolean fdsTruncated)
    {
        /** Closes every received fd (a refused message). */
        public void closeFds()
        {
            for (final int fd : fds)
            {
                LibC.closeQuietly(fd);
            }
        }
    }

    /**
     * sendmsg(2) of {@code buf[0 .. length)} with {@code fds} (may be empty), MSG_NOSIGNAL.
     *
     * @return bytes sent, or -errno (EPIPE, ECONNRESET, EAGAIN are values).
     */
    public static long send(final int socket, final byte[] buf, final int length, final int[] fds)
    {
        final int cmsgSpace = fds.length == 0 ? 0 : UnixSocket.cmsgSpace(4 * fds.length);
        try (Memory mem = new Memory(MSGHDR_SIZE + IOVEC_SIZE + cmsgSpace + Math.max(length, 1)))
        {
            mem.clear();
            final long msg = Pointer.nativeValue(mem);
            final long iov = msg + MSGHDR_SIZE;
            final long cmsg = iov + IOVEC_SIZE;
            final long data = cmsg + cmsgSpace;
            mem.write(data - msg, buf, 0, length);
            mem.setLong(iov - msg + IOVEC_BASE_OFFSET, data);
            mem.setLong(iov - msg + IOVEC_LEN_OFFSET, length);
            mem.setLong(MSGHDR_IOV_OFFSET, iov);
            mem.setLong(MSGHDR_IOVLEN_OFFSET, 1);
            if (fds.length > 0)
            {
                final long c = cmsg - msg;
                mem.setLong(c + CMSGHDR_LEN_OFFSET, UnixSocket.cmsgLen(4 * fds.length));
                mem.setInt(c + CMSGHDR_LEVEL_OFFSET, SOL_SOCKET);
                mem.setInt(c + CMSGHDR_TYPE_OFFSET, SCM_RIGHTS);
                for (int i = 0; i < fds.length; i++)
                {
                    mem.setInt(c + CMSGHDR_DATA_OFFSET + 4L * i, fds[i]);
                }
                mem.setLong(MSGHDR_CONTROL_OFFSET, cmsg);
                mem.setLong(MSGHDR_CONTROLLEN_OFFSET, cmsgSpace);
            }
            return UnixSocket.sendMsg(socket, msg, UnixSocket.MSG_NOSIGNAL);
        }
    }

    /**
     * recvmsg(2) of one datagram into {@code buf} with up to {@code maxFds} fds (MSG_CMSG_CLOEXEC | {@code flags}).
     *
     * @return what was received; null with {@code errno[0]} set when recvmsg failed (EAGAIN with MSG_DONTWAIT), and a
     *     length of 0 with no fds at end of stream.
     */
    public static Received receive(final int socket, final byte[] buf, final int maxFds, final int flags,
        final int[] errno)
    {
        final int cmsgSpace = UnixSocket.cmsgSpace(4 * Math.max(maxFds, 1));
        try (Memory mem = new Memory(MSGHDR_SIZE + IOVEC_SIZE + cmsgSpace + buf.length))
        {
            mem.clear();
            final long msg = Pointer.nativeValue(mem);
            final long iov = msg + MSGHDR_SIZE;
            final long cmsg = iov + IOVEC_SIZE;
            final long data = cmsg + cmsgSpace;
            mem.setLong(iov - msg + IOVEC_BASE_OFFSET, data);
            mem.setLong(iov - msg + IOVEC_LEN_OFFSET, buf.length);
            mem.setLong(MSGHDR_IOV_OFFSET, iov);
            mem.setLong(MSGHDR_IOVLEN_OFFSET, 1);
            mem.setLong(MSGHDR_CONTROL_OFFSET, cmsg);
            mem.setLong(MSGHDR_CONTROLLEN_OFFSET, cmsgSpace);
            final long n = UnixSocket.recvMsg(socket, msg, UnixSocket.MSG_CMSG_CLOEXEC | flags);
            if (n < 0)
            {
                errno[0] = (int)-n;
                return null;
            }
            final int msgFlags = mem.getInt(MSGHDR_FLAGS_OFFSET);
            // every SCM_RIGHTS cmsg (a sender may split its fds): collect them all so none leaks
            final long controlLen = mem.getLong(MSGHDR_CONTROLLEN_OFFSET);
            int[] fds = new int[0];
            long c = 0;
            while (c + CMSGHDR_DATA_OFFSET <= controlLen)
            {
                final long base = cmsg - msg + c;
                final long len = mem.getLong(base + CMSGHDR_LEN_OFFSET);
                if (len < CMSGHDR_DATA_OFFSET || c + len > controlLen)
                {
                    break;
                }
                if (mem.getInt(base + CMSGHDR_LEVEL_OFFSET) == SOL_SOCKET &&
                    mem.getInt(base + CMSGHDR_TYPE_OFFSET) == SCM_RIGHTS)
                {
                    final int count = (int)((len - CMSGHDR_DATA_OFFSET) / 4);
                    final int old = fds.length;
                    fds = java.util.Arrays.copyOf(fds, old + count);
                    for (int i = 0; i < count; i++)
                    {
                        fds[old + i] = mem.getInt(base + CMSGHDR_DATA_OFFSET + 4L * i);
                    }
                }
                c += (len + 7) & ~7L;
            }
            final int got = (int)Math.min(n, buf.length);
            mem.read(data - msg, buf, 0, got);
            return new Received(got, fds, (msgFlags & UnixSocket.MSG_TRUNC) != 0, (msgFlags & MSG_CTRUNC) != 0);
        }
    }
}
