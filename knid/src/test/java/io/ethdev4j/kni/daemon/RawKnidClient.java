package io.ethdev4j.kni.daemon;

import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.FdMessage;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.UnixSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A knid client that sends whatever the test builds (well-formed or not), for the daemon's fault tests. */
final class RawKnidClient implements AutoCloseable
{
    /** A reply: errno (0 = done), the refusal's message, or the payload to read. */
    record Reply(int errno, String message, KnidMessage payload)
    {
        void assertRefused(final int expected, final String text)
        {
            assertEquals(Errno.name(expected), Errno.name(errno), "errno of the refusal: " + message);
            assertTrue(message.contains(text), "the refusal names the problem ('" + text + "'): " + message);
        }
    }

    private final int fd;
    private int seq;

    RawKnidClient(final String socket)
    {
        fd = UnixSocket.socket(UnixSocket.AF_UNIX, UnixSocket.SOCK_SEQPACKET);
        final int rc = UnixSocket.connectUnix(fd, socket);
        if (rc < 0)
        {
            LibC.closeQuietly(fd);
            throw new AssertionError("connect " + socket + ": " + Errno.name(-rc));
        }
    }

    KnidMessage request(final int op)
    {
        return KnidMessage.request(op, ++seq);
    }

    Reply hello()
    {
        final Reply r = call(request(KnidMessage.HELLO).i32(KnidMessage.VERSION));
        assertEquals(0, r.errno(), r.message());
        return r;
    }

    Reply call(final KnidMessage m, final int... fds)
    {
        return callRaw(m.array(), m.length(), fds);
    }

    /** Sends {@code bytes[0 .. length)} as one message and waits (bounded) for one reply. */
    Reply callRaw(final byte[] bytes, final int length, final int... fds)
    {
        final long sent = FdMessage.send(fd, bytes, length, fds);
        assertTrue(sent == length, "sent " + sent);
        final int[] pfd = {fd};
        final int[] revents = new int[1];
        assertTrue(UnixSocket.poll(pfd, new int[] {UnixSocket.POLLIN}, revents, 1, 10_000) > 0,
            "a reply within 10 s");
        final byte[] buf = new byte[KnidMessage.MAX_LENGTH];
        final FdMessage.Received r = FdMessage.receive(fd, buf, 1, 0, new int[1]);
        assertTrue(r != null && r.length() >= KnidMessage.REPLY_HEADER_LENGTH, "a reply, not EOF");
        r.closeFds();
        final KnidMessage m = KnidMessage.read(buf, r.length());
        m.i32();
        m.i32();
        final int errno = m.i32();
        return new Reply(errno, errno != 0 ? m.string() : "", m);
    }

    @Override
    public void close()
    {
        LibC.closeQuietly(fd);
    }
}
