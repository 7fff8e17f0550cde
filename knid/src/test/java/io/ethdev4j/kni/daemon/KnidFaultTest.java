package io.ethdev4j.kni.daemon;

import io.ethdev4j.kni.abi.KniFifo;
import io.ethdev4j.kni.abi.KniFifoDescriptor;
import io.ethdev4j.kni.daemon.server.KnidConfig;
import io.ethdev4j.kni.daemon.server.KnidServer;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.SysException;
import io.ethdev4j.sys.UnixSocket;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Shell;
import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * knid against clients that misbehave: malformed messages, wrong or missing fds, tiny, misaligned and overlapping
 * memory, another client's handles and memory, 10 000 creates, and a client that vanishes. Each is refused with an
 * errno and a message naming the problem, knid closes every fd it was sent, and it goes on serving the others.
 * <p>
 * knid runs in the test's JVM; the clients are raw sockets sending what the test builds, their memory
 * {@link ForeignMemory} (memfds knid maps at addresses nobody uses here, as it would a client's). Needs root and
 * /dev/net/tun for the interfaces: skipped with the reason without them, failed under {@code CI=true}.
 */
class KnidFaultTest
{
    private static final int FIFO_BYTES = 3 * 4096;

    private Path dir;
    private String socket;
    private KnidServer knid;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private int names;

    @BeforeEach
    void start() throws IOException
    {
        NetAdmin.require();
        Prerequisites.requireTun();
        dir = Files.createTempDirectory("kd15-fault-");
        socket = dir.resolve("knid.sock").toString();
        knid = new KnidServer(KnidConfig.parse("--socket=" + socket, "--max-interfaces=1", "--max-pools=4"));
    }

    @AfterEach
    void stop() throws Exception
    {
        for (int i = toClose.size() - 1; i >= 0; i--)
        {
            toClose.get(i).close();
        }
        if (knid != null)
        {
            knid.close();
        }
        if (dir != null)
        {
            Shell.run("rm", "-rf", dir.toString());
        }
    }

    private RawKnidClient client()
    {
        final RawKnidClient c = new RawKnidClient(socket);
        toClose.add(c);
        return c;
    }

    private ForeignMemory memory(final long length)
    {
        final ForeignMemory m = new ForeignMemory("fault", length);
        toClose.add(m);
        return m;
    }

    private String ifName()
    {
        return "kdf" + ProcessHandle.current().pid() % 100_000 + "x" + ++names;
    }

    /** The 7 zones of one interface (FIFOs initialised) and its CREATE, with the fds to pass. */
    private final class Interface
    {
        final String name = ifName();
        final ForeignMemory[] zones = new ForeignMemory[KnidMessage.ZONES];
        final int netns;

        Interface()
        {
            for (int z = 0; z < zones.length; z++)
            {
                zones[z] = memory(FIFO_BYTES);
                if (z < zones.length - 1)
                {
                    KniFifo.init(zones[z].view, KniFifoDescriptor.KNI_FIFO_COUNT_MAX);
                }
            }
            netns = LibC.openChecked("/proc/self/ns/net", LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
            toClose.add(() -> LibC.closeQuietly(netns));
        }

        KnidMessage create(final RawKnidClient c)
        {
            final KnidMessage m = c.request(KnidMessage.CREATE).string(name).i32(0).i32(0).u8(false).i32(2048)
                .i32(1500).i32(0).i32(0).u8(false).bytes(new byte[6]).string("");
            for (final ForeignMemory z : zones)
            {
                m.i64(z.address).i64(z.address).i64(z.length);
            }
            return m.i16(1).i32(0);
        }

        int[] fds()
        {
            final int[] fds = new int[KnidMessage.MAX_FDS];
            for (int z = 0; z < zones.length; z++)
            {
                fds[z] = zones[z].fd;
            }
            fds[KnidMessage.ZONES] = netns;
            return fds;
        }

        boolean exists()
        {
            return Shell.run("ip", "link", "show", name).exit == 0;
        }
    }

    @Test
    void shouldRefuseMalformedMessagesAndGoOnServing()
    {
        final RawKnidClient c = client();
        c.callRaw(new byte[] {1, 0, 0}, 3).assertRefused(Errno.EINVAL, "a request has at least 8");
        c.call(c.request(KnidMessage.STATUS).i32(1)).assertRefused(Errno.EINVAL, "say hello first");
        c.call(c.request(KnidMessage.HELLO).i32(7))
            .assertRefused(Errno.EINVAL, "speaks version " + KnidMessage.VERSION);
        c.hello();
        c.call(c.request(99)).assertRefused(Errno.EINVAL, "unknown op");
        c.call(c.request(KnidMessage.STATUS)).assertRefused(Errno.EINVAL, "malformed message");
        c.call(c.request(KnidMessage.SET_PROMISC).i32(1).i32(0x7)).assertRefused(Errno.EINVAL, "a boolean byte of 7");
        final byte[] huge = new byte[KnidMessage.MAX_LENGTH + 500];
        huge[0] = KnidMessage.STATUS;
        c.callRaw(huge, huge.length).assertRefused(Errno.EMSGSIZE, "longer than 4096");
        // a CREATE cut short, with its 8 fds; fds where none are taken; a namespace fd that is no namespace: each
        // refused, and every fd knid received closed again (a first round loads what the JVM loads lazily: the count
        // is taken around the second)
        final Interface i = new Interface();
        refuseBadCreates(c, i);
        final java.util.Set<String> before = OpenFds.kniKinds();
        refuseBadCreates(c, i);
        assertEquals(java.util.Set.of(), OpenFds.newSince(before, OpenFds.kniKinds()), "knid closed every fd of the refused messages");
        c.call(c.request(KnidMessage.STATUS).i32(1)).assertRefused(Errno.ENODEV, "no such KNI");
        // and it still serves: a good create
        final RawKnidClient.Reply ok = c.call(i.create(c), i.fds());
        assertEquals(0, ok.errno(), ok.message());
        assertTrue(i.exists(), i.name + " created");
    }

    private static void refuseBadCreates(final RawKnidClient c, final Interface i)
    {
        final KnidMessage create = i.create(c);
        c.callRaw(create.array(), 40, i.fds()).assertRefused(Errno.EINVAL, "malformed message");
        c.call(c.request(KnidMessage.RELEASE).i32(1), i.fds()).assertRefused(Errno.EINVAL, "takes 0 fds, got 8");
        // the zones it maps first become placeholders, which a good create maps over again
        final int[] wrongNs = i.fds();
        wrongNs[KnidMessage.ZONES] = i.zones[0].fd;
        c.call(i.create(c), wrongNs).assertRefused(Errno.EINVAL, "not a network namespace");
    }

    @Test
    void shouldRefuseWrongTinyMisalignedAndOverlappingMemory() throws IOException
    {
        final RawKnidClient a = client();
        a.hello();
        final ForeignMemory pool = memory(64 * 4096);
        final long base = pool.address;
        final int[] sockets = UnixSocket.socketPair(UnixSocket.SOCK_STREAM);
        toClose.add(() -> LibC.closeQuietly(sockets[0]));
        toClose.add(() -> LibC.closeQuietly(sockets[1]));
        final Path ro = dir.resolve("read-only");
        Files.write(ro, new byte[64 * 4096]);
        final int roFd = LibC.openChecked(ro.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
        toClose.add(() -> LibC.closeQuietly(roFd));
        final ForeignMemory tiny = memory(4096);
        final RawKnidClient b = client();
        b.hello();
        final java.util.Set<String> before = OpenFds.kniKinds();

        a.call(register(a, 1, base, base, pool.length)).assertRefused(Errno.EINVAL, "takes 1 fds, got 0");
        a.call(register(a, 1, base, base, pool.length), pool.fd, pool.fd)
            .assertRefused(Errno.EINVAL, "takes 1 fds, got 2");
        a.call(register(a, 1, base, base, pool.length), sockets[0])
            .assertRefused(Errno.EINVAL, "is not a file that can be mapped");
        a.call(register(a, 1, base, base, pool.length), roFd)
            .assertRefused(Errno.EINVAL, "open for reading and writing");
        a.call(register(a, 1, base, base, pool.length), tiny.fd).assertRefused(Errno.EINVAL, "too small");
        a.call(register(a, 1, base + 8, base + 8, pool.length), pool.fd).assertRefused(Errno.EINVAL, "page-aligned");
        a.call(register(a, 1, base - 4096, base, 4096), pool.fd).assertRefused(Errno.EINVAL, "not inside the region");
        // memory knid itself has mapped (here: the test's own view, in knid's process) is never replaced
        a.call(register(a, 1, pool.view, pool.view, pool.length), pool.fd)
            .assertRefused(Errno.EINVAL, "overlaps memory already mapped in knid");
        assertEquals(0, a.call(register(a, 1, base, base, pool.length), pool.fd).errno());
        a.call(register(a, 1, base, base, pool.length), pool.fd).assertRefused(Errno.EEXIST, "already registered");
        a.call(register(a, 2, base + 4096, base + 4096, 8 * 4096), pool.fd)
            .assertRefused(Errno.EINVAL, "overlaps memory already mapped in knid");
        // another client can never have this one's memory
        b.call(register(b, 1, base, base, pool.length), pool.fd)
            .assertRefused(Errno.EINVAL, "overlaps memory already mapped in knid");
        b.call(b.request(KnidMessage.UNREGISTER_POOL).i32(1)).payload();
        assertEquals(java.util.Set.of(), OpenFds.newSince(before, OpenFds.kniKinds()), "knid closed every fd it was sent");
        // a's pool is still a's: unregistering it from b found nothing, from a it does
        assertEquals(0, a.call(a.request(KnidMessage.UNREGISTER_POOL).i32(1)).errno());
    }

    private static KnidMessage register(final RawKnidClient c, final int poolId, final long regionAddress,
        final long base, final long regionLength)
    {
        return c.request(KnidMessage.REGISTER_POOL).i32(poolId).i64(base).i32(2176).i32(8).i32(128)
            .i64(regionAddress).i64(regionLength);
    }

    @Test
    void shouldIsolateClientsAndReleaseWithinASecondOfADisconnect()
    {
        final RawKnidClient a = client();
        a.hello();
        final Interface ia = new Interface();
        final RawKnidClient.Reply created = a.call(ia.create(a), ia.fds());
        assertEquals(0, created.errno(), created.message());
        final int handle = created.payload().i32();
        assertTrue(ia.exists());

        final RawKnidClient b = client();
        b.hello();
        b.call(b.request(KnidMessage.STATUS).i32(handle)).assertRefused(Errno.ENODEV, "no such KNI");
        b.call(b.request(KnidMessage.SET_MTU).i32(handle).i32(1400)).assertRefused(Errno.ENODEV, "no such KNI");
        assertEquals(0, b.call(b.request(KnidMessage.RELEASE).i32(handle)).payload().bool() ? 1 : 0);
        // b names a's FIFOs: knid will not map them for b (they are a's, mapped already)
        final Interface same = new Interface();
        final KnidMessage steal = ia.create(b);
        b.call(steal, ia.fds()).assertRefused(Errno.EINVAL, "overlaps memory already mapped in knid");
        assertTrue(a.call(a.request(KnidMessage.STATUS).i32(handle)).payload().string().equals(ia.name));

        // a vanishes (as SIGKILL would close its socket): its interface and memory go within a second
        a.close();
        Await.until("a's interface released", 1_000, () -> knid.interfaces() == 0 && !ia.exists());
        assertEquals(1, knid.clients(), "b still connected");
        final RawKnidClient.Reply again = b.call(same.create(b), same.fds());
        assertEquals(0, again.errno(), again.message());
    }

    @Test
    void shouldTakeOnlyMemfdsThatCannotShrinkUnderKnid()
    {
        final RawKnidClient a = client();
        a.hello();
        // an unsealed memfd could be cut short under knid's mapping (a fault in its KNI thread): refused
        final ForeignMemory unsealed = new ForeignMemory("unsealed", 16 * 4096, false);
        toClose.add(unsealed);
        a.call(register(a, 1, unsealed.address, unsealed.address, unsealed.length), unsealed.fd)
            .assertRefused(Errno.EINVAL, "F_SEAL_SHRINK");
        // sealed ones: the client can no longer shrink what knid maps
        final Interface i = new Interface();
        final RawKnidClient.Reply created = a.call(i.create(a), i.fds());
        assertEquals(0, created.errno(), created.message());
        final SysException ex = assertThrows(SysException.class, () -> LibC.ftruncateChecked(i.zones[1].fd, 0));
        assertEquals(Errno.EPERM, ex.errno());
        a.close();
        Await.until("a's interface released", 1_000, () -> !i.exists() && knid.interfaces() == 0);
    }

    @Test
    void shouldRefuseTenThousandCreatesAndGoOnServingOthers()
    {
        final RawKnidClient a = client();
        a.hello();
        final Interface first = new Interface();
        assertEquals(0, a.call(first.create(a), first.fds()).errno());
        // knid closes the doorbell it passed with the reply once sent: one more round trip, and that is done
        a.call(a.request(KnidMessage.STATUS).i32(1)).payload();
        final Interface more = new Interface();
        final java.util.Set<String> fdsBefore = OpenFds.kniKinds();
        final long t0 = System.nanoTime();
        for (int i = 0; i < 10_000; i++)
        {
            final RawKnidClient.Reply r = a.call(more.create(a), more.fds());
            if (r.errno() != Errno.ENOSPC)
            {
                r.assertRefused(Errno.ENOSPC, "at most 1 interfaces");
            }
        }
        final long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(java.util.Set.of(), OpenFds.newSince(fdsBefore, OpenFds.kniKinds()),
            "knid closed the 80 000 fds of the refused creates");
        assertEquals(1, knid.interfaces());
        // another client is served meanwhile and after
        final RawKnidClient b = client();
        b.hello();
        final RawKnidClient.Reply ok = b.call(more.create(b), more.fds());
        assertEquals(0, ok.errno(), ok.message());
        assertEquals(2, knid.interfaces());
        System.out.println("knid: 10000 creates refused (ENOSPC) in " + ms + " ms");
    }
}
