package io.ethdev4j.testkit;

import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.SysException;
import io.ethdev4j.sys.UnixSocket;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A telemetry v2 client for tests, as {@code dpdk-telemetry.py} talks: connect, read the greeting, one message per
 * request and per reply. Every wait is bounded ({@link #TIMEOUT_MS}).
 */
public final class TelemetryClient implements AutoCloseable
{
    public static final int TIMEOUT_MS = 20_000;

    private final int fd;
    private final String greeting;

    private TelemetryClient(final int fd, final String greeting)
    {
        this.fd = fd;
        this.greeting = greeting;
    }

    /** Connects and reads the greeting. */
    public static TelemetryClient connect(final Path socket)
    {
        final TelemetryClient c = connectRaw(socket);
        return c;
    }

    private static TelemetryClient connectRaw(final Path socket)
    {
        final int fd = UnixSocket.socket(UnixSocket.AF_UNIX, UnixSocket.SOCK_SEQPACKET);
        final int rc = UnixSocket.connectUnix(fd, socket.toString());
        if (rc < 0)
        {
            LibC.closeQuietly(fd);
            throw new SysException("connect", -rc, socket.toString());
        }
        final String greeting = receive(fd, TIMEOUT_MS);
        return new TelemetryClient(fd, greeting);
    }

    /** Connects without reading anything: the caller tests what the server sends, or nothing. */
    public static int connectFd(final Path socket)
    {
        final int fd = UnixSocket.socket(UnixSocket.AF_UNIX, UnixSocket.SOCK_SEQPACKET);
        final int rc = UnixSocket.connectUnix(fd, socket.toString());
        if (rc < 0)
        {
            LibC.closeQuietly(fd);
            throw new SysException("connect", -rc, socket.toString());
        }
        return fd;
    }

    public String greeting()
    {
        return greeting;
    }

    public int fd()
    {
        return fd;
    }

    /** Sends {@code request} and returns the reply. */
    public String request(final String request)
    {
        send(request.getBytes(StandardCharsets.UTF_8));
        return receive(fd, TIMEOUT_MS);
    }

    public void send(final byte[] msg)
    {
        final int n = UnixSocket.send(fd, msg, msg.length, UnixSocket.MSG_NOSIGNAL);
        if (n != msg.length)
        {
            throw new SysException("send", n < 0 ? -n : Errno.EIO, "fd=" + fd + ", " + msg.length + " bytes, sent " + n);
        }
    }

    public String receive()
    {
        return receive(fd, TIMEOUT_MS);
    }

    /** One message, waiting at most {@code timeoutMs}; "" when the server closed the connection. */
    public static String receive(final int fd, final int timeoutMs)
    {
        final int[] revents = new int[1];
        final int n = UnixSocket.poll(new int[] {fd}, new int[] {UnixSocket.POLLIN}, revents, 1, timeoutMs);
        if (n == 0)
        {
            throw new AssertionError("no reply on fd " + fd + " within " + timeoutMs + " ms");
        }
        final byte[] buf = new byte[1 << 17];
        final int r = UnixSocket.recv(fd, buf, buf.length, UnixSocket.MSG_DONTWAIT);
        if (r < 0)
        {
            if (r == -Errno.ECONNRESET)
            {
                return "";
            }
            throw new SysException("recv", -r, "fd=" + fd);
        }
        return new String(buf, 0, r, StandardCharsets.UTF_8);
    }

    @Override
    public void close()
    {
        LibC.closeQuietly(fd);
    }
}
