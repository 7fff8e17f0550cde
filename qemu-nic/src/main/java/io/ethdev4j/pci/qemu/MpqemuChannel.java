package io.ethdev4j.pci.qemu;

import io.ethdev4j.pci.PciException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.UnixSocket;
import org.agrona.UnsafeApi;

import java.util.function.Supplier;

import static io.ethdev4j.pci.qemu.MpqemuMessage.*;
import static io.ethdev4j.sys.UnixSocket.*;

/**
 * Our end of the mpqemu stream socket: request/response with bounded waits, fds as SCM_RIGHTS. Every buffer,
 * msghdr, iovec, cmsg and pollfd is preallocated native memory, so a request that succeeds allocates nothing
 * (doorbells go through here). Not thread-safe: {@link MpqemuPciDevice} serialises callers.
 * <pre>
 * scratch memory (512 bytes):
 *   0   send buffer: header (16) + payload (up to 192)
 *   256 receive buffer: header (16) + RET payload (8)
 *   320 msghdr (56)   384 iovec (16)   400 cmsg (CMSG_SPACE(7 * 4) = 48)   464 pollfd (8)
 * </pre>
 */
final class MpqemuChannel implements AutoCloseable
{
    private static final int SEND_OFFSET = 0;
    private static final int RECV_OFFSET = 256;
    private static final int MSGHDR_OFFSET = 320;
    private static final int IOV_OFFSET = 384;
    private static final int CMSG_OFFSET = 400;
    private static final int POLLFD_OFFSET = 464;
    private static final int SCRATCH_SIZE = 512;
    private static final int ECONNRESET = 104;

    private final long mem;
    private final Supplier<String> peerDescription;
    private final Supplier<String> deathReport;
    private final long timeoutNs;
    private int fd;

    /**
     * @param fd              our end of the stream socketpair (owned from now on)
     * @param peerDescription names the peer in messages ("qemu pid 123 (igb)")
     * @param deathReport     called after EOF/timeout: exit status and last stderr lines of the peer
     */
    MpqemuChannel(final int fd, final long timeoutNs, final Supplier<String> peerDescription,
        final Supplier<String> deathReport)
    {
        this.fd = fd;
        this.timeoutNs = timeoutNs;
        this.peerDescription = peerDescription;
        this.deathReport = deathReport;
        this.mem = UnsafeApi.allocateMemory(SCRATCH_SIZE);
        UnsafeApi.setMemory(mem, SCRATCH_SIZE, (byte)0);
    }

    /** Where the caller writes the request payload before {@link #request}. */
    long payload()
    {
        return mem + SEND_OFFSET + HEADER_LENGTH;
    }

    boolean isOpen()
    {
        return fd >= 0;
    }

    /**
     * Sends {@code cmd} with {@code payloadLength} bytes from {@link #payload()} and {@code nfds} fds; waits for the
     * RET when {@code expectReply}.
     *
     * @return the RET value (0 when the RET has no payload or no reply is expected)
     */
    long request(final int cmd, final int payloadLength, final int[] fds, final int nfds, final boolean expectReply)
    {
        if (fd < 0)
        {
            throw new PciException(Errno.EBADF, commandName(cmd), peerDescription.get() + ": the channel is closed");
        }
        final long send = mem + SEND_OFFSET;
        UnsafeApi.putInt(send + HEADER_CMD_OFFSET, cmd);
        UnsafeApi.putInt(send + 4, 0);
        UnsafeApi.putLong(send + HEADER_SIZE_OFFSET, payloadLength);
        final long total = HEADER_LENGTH + payloadLength;

        final long msg = mem + MSGHDR_OFFSET;
        final long iov = mem + IOV_OFFSET;
        UnsafeApi.setMemory(msg, MSGHDR_SIZE, (byte)0);
        UnsafeApi.putLong(iov + IOVEC_BASE_OFFSET, send);
        UnsafeApi.putLong(iov + IOVEC_LEN_OFFSET, total);
        UnsafeApi.putLong(msg + MSGHDR_IOV_OFFSET, iov);
        UnsafeApi.putLong(msg + MSGHDR_IOVLEN_OFFSET, 1);
        if (nfds > 0)
        {
            final long cmsg = mem + CMSG_OFFSET;
            UnsafeApi.setMemory(cmsg, cmsgSpace(4 * MAX_FDS), (byte)0);
            UnsafeApi.putLong(cmsg + CMSGHDR_LEN_OFFSET, cmsgLen(4 * nfds));
            UnsafeApi.putInt(cmsg + CMSGHDR_LEVEL_OFFSET, SOL_SOCKET);
            UnsafeApi.putInt(cmsg + CMSGHDR_TYPE_OFFSET, SCM_RIGHTS);
            for (int i = 0; i < nfds; i++)
            {
                UnsafeApi.putInt(cmsg + CMSGHDR_DATA_OFFSET + 4L * i, fds[i]);
            }
            UnsafeApi.putLong(msg + MSGHDR_CONTROL_OFFSET, cmsg);
            UnsafeApi.putLong(msg + MSGHDR_CONTROLLEN_OFFSET, cmsgSpace(4 * nfds));
        }

        final long deadline = System.nanoTime() + timeoutNs;
        long sent = UnixSocket.sendMsg(fd, msg, MSG_NOSIGNAL);
        while (sent >= 0 && sent < total)
        {
            // a short write on a stream socket: the fds went with the first byte, send the rest plainly
            awaitReady(POLLOUT, deadline, cmd);
            final long n = UnixSocket.sendNative(fd, send + sent, total - sent, MSG_NOSIGNAL);
            if (n < 0 && n != -Errno.EAGAIN && n != -Errno.EINTR)
            {
                sent = n;
                break;
            }
            sent += Math.max(n, 0);
        }
        if (sent < 0)
        {
            throw failure(cmd, sent == -Errno.EPIPE ? "the socket is closed (EPIPE)" :
                "sendmsg failed: " + Errno.name((int)-sent));
        }
        if (!expectReply)
        {
            return 0;
        }

        final long recv = mem + RECV_OFFSET;
        receiveExactly(recv, HEADER_LENGTH, deadline, cmd);
        final int rcmd = UnsafeApi.getInt(recv + HEADER_CMD_OFFSET);
        final long size = UnsafeApi.getLong(recv + HEADER_SIZE_OFFSET);
        if (rcmd != CMD_RET || (size != 0 && size != RET_LENGTH))
        {
            throw failure(cmd, "unexpected reply: cmd=" + rcmd + ", size=" + size + " (expected RET with 0 or 8 bytes)");
        }
        if (size == 0)
        {
            return 0;
        }
        receiveExactly(recv + HEADER_LENGTH, RET_LENGTH, deadline, cmd);
        return UnsafeApi.getLong(recv + HEADER_LENGTH + RET_VALUE_OFFSET);
    }

    private void receiveExactly(final long buf, final int length, final long deadline, final int cmd)
    {
        int got = 0;
        while (got < length)
        {
            // poll first: a recv that fails with EAGAIN would cost a LastErrorException (2.4 KB) per request
            awaitReady(POLLIN, deadline, cmd);
            final long n = UnixSocket.recvNative(fd, buf + got, length - got, MSG_DONTWAIT);
            if (n > 0)
            {
                got += (int)n;
            }
            else if (n == 0)
            {
                throw failure(cmd, "the socket was closed by the peer before the reply");
            }
            else if (n == -Errno.EAGAIN || n == -Errno.EINTR)
            {
                continue; // spurious wake-up
            }
            else if (n == -ECONNRESET)
            {
                throw failure(cmd, "the socket was reset by the peer (ECONNRESET) before the reply");
            }
            else
            {
                throw failure(cmd, "recv failed: " + Errno.name((int)-n));
            }
        }
    }

    private void awaitReady(final int events, final long deadline, final int cmd)
    {
        final long pfd = mem + POLLFD_OFFSET;
        while (true)
        {
            final long remainingNs = deadline - System.nanoTime();
            if (remainingNs <= 0)
            {
                throw new PciException(Errno.ETIMEDOUT, commandName(cmd), peerDescription.get() + ": no reply within " +
                    timeoutNs / 1_000_000 + " ms; " + deathReport.get());
            }
            UnsafeApi.putInt(pfd + POLLFD_FD_OFFSET, fd);
            UnsafeApi.putShort(pfd + POLLFD_EVENTS_OFFSET, (short)events);
            UnsafeApi.putShort(pfd + POLLFD_REVENTS_OFFSET, (short)0);
            final int rc = UnixSocket.pollNative(pfd, 1, (int)Math.max(1, Math.min(remainingNs / 1_000_000, 1000)));
            if (rc > 0 || (rc < 0 && rc != -Errno.EINTR))
            {
                return; // ready, hung up or failed: the following recv/send reports which
            }
        }
    }

    private PciException failure(final int cmd, final String what)
    {
        return new PciException(Errno.EIO, commandName(cmd), peerDescription.get() + ": " + what + "; " +
            deathReport.get());
    }

    /** Closes our end: QEMU sees EOF and exits. Idempotent. */
    @Override
    public void close()
    {
        if (fd >= 0)
        {
            LibC.closeQuietly(fd);
            fd = -1;
            UnsafeApi.freeMemory(mem);
        }
    }
}
