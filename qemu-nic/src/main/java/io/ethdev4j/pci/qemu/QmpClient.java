package io.ethdev4j.pci.qemu;

import io.ethdev4j.pci.PciException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.UnixSocket;
import org.agrona.UnsafeApi;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A minimal QMP client over our end of a socketpair whose other end is QEMU's stdin/stdout ({@code -qmp stdio}).
 * One JSON object per line; asynchronous events (lines with {@code "event"}) are skipped. Control path only;
 * every wait is bounded.
 */
final class QmpClient implements AutoCloseable
{
    private static final int BUF_SIZE = 1 << 16;

    private final long buf;
    private final long pfd;
    private final StringBuilder pending = new StringBuilder();
    private final Supplier<String> peerDescription;
    private final Supplier<String> deathReport;
    private int fd;

    QmpClient(final int fd, final Supplier<String> peerDescription, final Supplier<String> deathReport)
    {
        this.fd = fd;
        this.peerDescription = peerDescription;
        this.deathReport = deathReport;
        this.buf = UnsafeApi.allocateMemory(BUF_SIZE);
        this.pfd = UnsafeApi.allocateMemory(UnixSocket.POLLFD_SIZE);
    }

    /** Reads the greeting and negotiates capabilities: after this, QEMU has finished machine init and reset. */
    void handshake(final long timeoutNs)
    {
        final long deadline = System.nanoTime() + timeoutNs;
        final String greeting = readLine(deadline, "QMP greeting");
        if (!greeting.contains("\"QMP\""))
        {
            throw new PciException(Errno.EPROTONOSUPPORT, "QMP handshake", peerDescription.get() +
                ": expected the QMP greeting, got " + greeting);
        }
        execute("{\"execute\":\"qmp_capabilities\"}", timeoutNs);
    }

    /** Sends one command and returns its reply line; an {@code "error"} reply throws EIO with QEMU's text. */
    String execute(final String json, final long timeoutNs)
    {
        final long deadline = System.nanoTime() + timeoutNs;
        final byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        if (bytes.length > BUF_SIZE)
        {
            throw new IllegalArgumentException("QMP command of " + bytes.length + " bytes is too long");
        }
        for (int i = 0; i < bytes.length; i++)
        {
            UnsafeApi.putByte(buf + i, bytes[i]);
        }
        long off = 0;
        while (off < bytes.length)
        {
            final long n = UnixSocket.sendNative(fd, buf + off, bytes.length - off, UnixSocket.MSG_NOSIGNAL);
            if (n < 0 && n != -Errno.EINTR && n != -Errno.EAGAIN)
            {
                throw new PciException(Errno.EIO, "QMP " + json, peerDescription.get() + ": send failed: " +
                    Errno.name((int)-n) + "; " + deathReport.get());
            }
            off += Math.max(0, n);
            if (off < bytes.length)
            {
                awaitReadable(deadline, "QMP " + json, UnixSocket.POLLOUT);
            }
        }
        while (true)
        {
            final String line = readLine(deadline, "QMP " + json);
            if (line.contains("\"return\""))
            {
                return line;
            }
            if (line.contains("\"error\""))
            {
                throw new PciException(Errno.EIO, "QMP " + json, peerDescription.get() + " answered " + line);
            }
            // an event: skip
        }
    }

    private String readLine(final long deadline, final String what)
    {
        while (true)
        {
            final int nl = pending.indexOf("\n");
            if (nl >= 0)
            {
                final String line = pending.substring(0, nl).trim();
                pending.delete(0, nl + 1);
                if (!line.isEmpty())
                {
                    return line;
                }
                continue;
            }
            awaitReadable(deadline, what, UnixSocket.POLLIN);
            final long n = UnixSocket.recvNative(fd, buf, BUF_SIZE, UnixSocket.MSG_DONTWAIT);
            if (n == 0)
            {
                throw new PciException(Errno.EIO, what, peerDescription.get() + " closed its QMP monitor; " +
                    deathReport.get());
            }
            if (n < 0)
            {
                if (n == -Errno.EAGAIN || n == -Errno.EINTR)
                {
                    continue;
                }
                throw new PciException(Errno.EIO, what, peerDescription.get() + ": recv failed: " +
                    Errno.name((int)-n) + "; " + deathReport.get());
            }
            final byte[] chunk = new byte[(int)n];
            for (int i = 0; i < n; i++)
            {
                chunk[i] = UnsafeApi.getByte(buf + i);
            }
            pending.append(new String(chunk, StandardCharsets.UTF_8));
        }
    }

    private void awaitReadable(final long deadline, final String what, final int events)
    {
        while (true)
        {
            final long remainingNs = deadline - System.nanoTime();
            if (remainingNs <= 0)
            {
                throw new PciException(Errno.ETIMEDOUT, what, peerDescription.get() + ": no answer on QMP; " +
                    deathReport.get());
            }
            UnsafeApi.putInt(pfd + UnixSocket.POLLFD_FD_OFFSET, fd);
            UnsafeApi.putShort(pfd + UnixSocket.POLLFD_EVENTS_OFFSET, (short)events);
            UnsafeApi.putShort(pfd + UnixSocket.POLLFD_REVENTS_OFFSET, (short)0);
            final int rc = UnixSocket.pollNative(pfd, 1, (int)Math.max(1, Math.min(remainingNs / 1_000_000, 1000)));
            if (rc > 0 || (rc < 0 && rc != -Errno.EINTR))
            {
                return;
            }
        }
    }

    @Override
    public void close()
    {
        if (fd >= 0)
        {
            LibC.closeQuietly(fd);
            fd = -1;
            UnsafeApi.freeMemory(pfd);
            UnsafeApi.freeMemory(buf);
        }
    }
}
