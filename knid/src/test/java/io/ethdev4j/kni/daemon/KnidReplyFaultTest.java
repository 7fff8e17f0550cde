package io.ethdev4j.kni.daemon;

import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.control.KniMemory;
import io.ethdev4j.kni.daemon.client.KnidControl;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.EventFd;
import io.ethdev4j.sys.FdMessage;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.UnixSocket;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link KnidControl} against a daemon that answers wrongly (a fake knid on a socket of the test's): a CREATE reply
 * with more fds than it takes, a doorbell announced but not passed or passed but not announced, a reply cut short, fds
 * on a refusal or on a HELLO. Each is a protocol error: the channel closes what it received, drops the connection
 * (ENOTCONN naming the problem) and leaks no fd; a well-formed doorbell is kept until release. Needs no privilege: no
 * interface is created (the fake only answers).
 */
class KnidReplyFaultTest
{
    private enum Mode
    {
        GOOD, TWO_FDS, ANNOUNCED_NOT_PASSED, PASSED_NOT_ANNOUNCED, CUT_SHORT, REFUSAL_WITH_FD, HELLO_WITH_FD
    }

    private Path dir;
    private String socket;
    private FakeKnid fake;
    private ForeignMemory zones;

    @BeforeEach
    void start() throws IOException
    {
        dir = Files.createTempDirectory("kdb-fake-");
        socket = dir.resolve("knid.sock").toString();
        fake = new FakeKnid(socket);
        zones = new ForeignMemory("fake", KnidMessage.ZONES * 4096L);
    }

    @AfterEach
    void stop()
    {
        if (fake != null)
        {
            fake.close();
        }
        if (zones != null)
        {
            zones.close();
        }
        if (dir != null)
        {
            Shell.run("rm", "-rf", dir.toString());
        }
    }

    /** The zones are the test's memfd, mapped here: the fake maps nothing. */
    private KnidControl control()
    {
        final KniMemory memory = address -> address >= zones.view && address < zones.view + zones.length
            ? new KniMemory.Region(zones.view, zones.length, zones.fd) : null;
        return new KnidControl(socket, memory);
    }

    private KniDeviceInfo info()
    {
        final long v = zones.view;
        return new KniDeviceInfo().name("kdbfake0").mbufSize(2048).mtu(1500).txQ(v).rxQ(v + 4096)
            .allocQ(v + 2 * 4096).freeQ(v + 3 * 4096).reqQ(v + 4 * 4096).respQ(v + 5 * 4096).sync(v + 6 * 4096);
    }

    /** A create answered as {@code mode} says: refused with ENOTCONN naming the problem, the channel still closable. */
    private void refusedCreate(final Mode mode, final String problem)
    {
        fake.mode = mode;
        try (KnidControl c = control())
        {
            final KniControlException ex = assertThrows(KniControlException.class, () -> c.create(info()));
            assertEquals(Errno.name(Errno.ENOTCONN), Errno.name(ex.errno()), ex.getMessage());
            assertTrue(ex.getMessage().contains(problem), "names the problem ('" + problem + "'): " + ex.getMessage());
            assertTrue(!c.serving(), "the connection was dropped");
        }
    }

    @Test
    void shouldKeepAGoodDoorbellUntilRelease() throws IOException
    {
        fake.mode = Mode.GOOD;
        try (KnidControl c = control())
        {
            c.release(c.create(info())); // loads what the JVM loads lazily
            final java.util.Set<String> before = OpenFds.kniKinds();
            final int handle = c.create(info());
            final int bell = c.doorbellFd(handle);
            assertTrue(bell >= 0, "a doorbell: " + bell);
            assertTrue(Files.readAllLines(Path.of("/proc/self/fdinfo/" + bell)).stream()
                .anyMatch(l -> l.startsWith("eventfd-count:")), "the doorbell is an eventfd");
            assertTrue(c.release(handle));
            assertThrows(KniControlException.class, () -> c.doorbellFd(handle), "no doorbell for a released handle");
            // the fake closes its copy once sent
            Await.until("the doorbell and the zones' copies closed at release", 5_000,
                () -> OpenFds.newSince(before, OpenFds.kniKinds()).isEmpty());
        }
    }

    @Test
    void shouldDropAConnectionWhoseRepliesCarryUnexpectedFdsAndLeakNone()
    {
        // a first round loads what the JVM loads lazily: the count is taken around the second
        for (int round = 0; round < 2; round++)
        {
            final java.util.Set<String> before = OpenFds.kniKinds();
            refusedCreate(Mode.TWO_FDS, "fds (it takes at most 1)");
            refusedCreate(Mode.ANNOUNCED_NOT_PASSED, "says a doorbell and carries none");
            refusedCreate(Mode.PASSED_NOT_ANNOUNCED, "says no doorbell and carries one");
            refusedCreate(Mode.CUT_SHORT, "a malformed reply to kni create(name=kdbfake0)");
            refusedCreate(Mode.REFUSAL_WITH_FD, "with 1 fds (it takes at most 0)");
            fake.mode = Mode.HELLO_WITH_FD;
            final KniControlException hello = assertThrows(KniControlException.class, this::control);
            assertTrue(hello.getMessage().contains("a reply to kniInit(knid=" + socket + ") with 1 fds"),
                hello.getMessage());
            if (round == 1)
            {
                // the fake closes its copies after each send, and each connection once the client hung up
                Await.until("every fd received closed", 5_000,
                    () -> OpenFds.newSince(before, OpenFds.kniKinds()).isEmpty());
            }
        }
    }

    /** A knid that answers HELLO, CREATE (as {@link #mode} says) and RELEASE, one connection at a time. */
    private static final class FakeKnid implements AutoCloseable
    {
        private final int listenFd;
        private final Thread thread;
        private volatile boolean stopping;
        volatile Mode mode = Mode.GOOD;

        FakeKnid(final String path)
        {
            listenFd = UnixSocket.socket(UnixSocket.AF_UNIX, UnixSocket.SOCK_SEQPACKET);
            final int rc = UnixSocket.bindUnix(listenFd, path);
            if (rc < 0)
            {
                LibC.closeQuietly(listenFd);
                throw new AssertionError("bind " + path + ": " + Errno.name(-rc));
            }
            UnixSocket.listen(listenFd, 8, path);
            thread = new Thread(this::acceptLoop, "fake-knid");
            thread.setDaemon(true);
            thread.start();
        }

        private void acceptLoop()
        {
            final int[] pfd = {listenFd};
            final int[] revents = new int[1];
            while (!stopping)
            {
                if (UnixSocket.poll(pfd, new int[] {UnixSocket.POLLIN}, revents, 1, 100) <= 0)
                {
                    continue;
                }
                final int conn = UnixSocket.accept(listenFd, 0);
                if (conn >= 0)
                {
                    try
                    {
                        serve(conn);
                    }
                    finally
                    {
                        LibC.closeQuietly(conn);
                    }
                }
            }
        }

        private void serve(final int conn)
        {
            final byte[] buf = new byte[KnidMessage.MAX_LENGTH + 1];
            final int[] errno = new int[1];
            final int[] pfd = {conn};
            final int[] revents = new int[1];
            while (!stopping)
            {
                if (UnixSocket.poll(pfd, new int[] {UnixSocket.POLLIN}, revents, 1, 100) <= 0)
                {
                    continue;
                }
                final FdMessage.Received r = FdMessage.receive(conn, buf, KnidMessage.MAX_FDS,
                    UnixSocket.MSG_DONTWAIT, errno);
                if (r == null)
                {
                    if (errno[0] == Errno.EAGAIN || errno[0] == Errno.EINTR)
                    {
                        continue;
                    }
                    return;
                }
                r.closeFds();
                if (r.length() == 0)
                {
                    return; // the client hung up
                }
                final KnidMessage m = KnidMessage.read(buf, r.length());
                final int op = m.i32();
                final int seq = m.i32();
                final KnidMessage reply = answer(op, seq);
                try
                {
                    FdMessage.send(conn, reply.array(), reply.length(), reply.fds());
                }
                finally
                {
                    reply.closeFds();
                }
            }
        }

        private KnidMessage answer(final int op, final int seq)
        {
            final Mode mode = this.mode;
            switch (op)
            {
                case KnidMessage.HELLO:
                {
                    final KnidMessage reply = KnidMessage.reply(op, seq).string("fake knid");
                    return mode == Mode.HELLO_WITH_FD ? reply.attach(EventFd.create()) : reply;
                }
                case KnidMessage.CREATE:
                    switch (mode)
                    {
                        case TWO_FDS:
                            return KnidMessage.reply(op, seq).i32(1).u8(true).attach(EventFd.create())
                                .attach(EventFd.create());
                        case ANNOUNCED_NOT_PASSED:
                            return KnidMessage.reply(op, seq).i32(1).u8(true);
                        case PASSED_NOT_ANNOUNCED:
                            return KnidMessage.reply(op, seq).i32(1).u8(false).attach(EventFd.create());
                        case CUT_SHORT:
                            return KnidMessage.reply(op, seq).i32(1).attach(EventFd.create());
                        case REFUSAL_WITH_FD:
                            return KnidMessage.error(op, seq, Errno.EINVAL, "refused").attach(EventFd.create());
                        default:
                            return KnidMessage.reply(op, seq).i32(1).u8(true).attach(EventFd.create());
                    }
                case KnidMessage.RELEASE:
                    return KnidMessage.reply(op, seq).u8(true);
                default:
                    return KnidMessage.reply(op, seq);
            }
        }

        @Override
        public void close()
        {
            stopping = true;
            try
            {
                thread.join(2_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            LibC.closeQuietly(listenFd);
        }
    }
}
