package io.ethdev4j.kni.daemon;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.kni.Kni;
import io.ethdev4j.kni.KniConf;
import io.ethdev4j.kni.KniContext;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pmd.kni.KniEthDev;
import io.ethdev4j.sys.Netns;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.Frames;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Shell;
import io.ethdev4j.test.TestNetns;
import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The doorbell through knid: the KNI library of a client rings the eventfd of knid's KNI thread (handed over with the
 * CREATE reply), sparse datagrams app→kernel arrive on the interface, the same fd number is made to refer to the new
 * thread's eventfd when knid restarts, and create/release/close cycles leave no fd behind.
 * <p>
 * knid is a process of its own ({@link KnidProcess}; the client is the test's JVM): the test checks the client's
 * doorbell is the very eventfd knid's KNI thread sleeps on ({@code eventfd-id} in {@code /proc/PID/fdinfo}, Linux
 * 6.2+; without it, that check is left out), and counts the fds of both processes. Needs root and /dev/net/tun:
 * skipped with the reason without them, failed under {@code CI=true}.
 */
class KnidDoorbellTest
{
    private static final int UDP_PORT = 9013;
    /** knid's KNI threads sleep up to a second when idle, so an un-rung datagram would wait for it. */
    private static final String[] SLOW_THREADS = {"--kni-min-scheduling-interval=1000",
        "--kni-max-scheduling-interval=1000000"};

    /** net_kni* names the PMD: the interface is what follows "net_". */
    private final String ifName = "knidb" + ProcessHandle.current().pid() % 100_000;
    private Path dir;
    private String socket;
    private String[] knidArgs;
    private KnidProcess knid;
    private TestNetns ns;
    private Eal eal;
    private MbufPool pool;
    private boolean knidKilled;

    @BeforeEach
    void start() throws IOException
    {
        NetAdmin.require();
        Prerequisites.requireTun();
        dir = Files.createTempDirectory("kdb-");
        socket = dir.resolve("knid.sock").toString();
        knidArgs = new String[] {"--socket=" + socket, SLOW_THREADS[0], SLOW_THREADS[1]};
        knid = new KnidProcess(dir, "knid", knidArgs);
        ns = new TestNetns();
        ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
    }

    @AfterEach
    void stop()
    {
        try
        {
            if (eal != null)
            {
                for (final EthDev p : eal.ports())
                {
                    p.stop();
                    p.close();
                }
                // a killed knid takes the mbufs it held with it (README: at most a burst per interface)
                final int lost = knidKilled ? KniContext.MAX_MBUF_BURST_NUM : 0;
                assertTrue(pool.inUse() <= lost, "mbufs in use after the ports closed: " + pool.inUse() +
                    (knidKilled ? " (at most a burst lost with the killed knid)" : ""));
            }
        }
        finally
        {
            if (eal != null)
            {
                eal.close();
            }
            if (knid != null)
            {
                knid.close();
                System.out.println("knid's output:\n" + knid.output());
            }
            if (ns != null)
            {
                ns.close();
            }
            if (dir != null)
            {
                Shell.run("rm", "-rf", dir.toString());
            }
        }
    }

    private void initEal(final String... vdev)
    {
        final String[] args = new String[5 + vdev.length];
        args[0] = "--no-huge";
        args[1] = "-m";
        args[2] = "256";
        args[3] = "--kni-daemon=" + socket;
        args[4] = "--log-level=4";
        System.arraycopy(vdev, 0, args, 5, vdev.length);
        eal = Eal.init(args);
        pool = eal.createPktmbufPool("kdb_pool", 2048, 0, 0, 2176);
    }

    /** A net_kni port through knid, started, its interface up with 198.18.0.1/24. */
    private EthDev startPort()
    {
        initEal("--vdev", "net_" + ifName + ",netns=" + ns.name());
        final EthDev port = eal.port(0);
        port.configure(1, 1, null);
        port.rxQueueSetup(0, 0, pool, null);
        port.txQueueSetup(0, 0, null);
        port.start();
        configureInterface();
        return port;
    }

    private void configureInterface()
    {
        ns.exec("ip", "addr", "add", "198.18.0.1/24", "dev", ifName);
        ns.exec("ip", "link", "set", ifName, "up");
    }

    private DatagramChannel listen() throws Exception
    {
        final DatagramChannel rx = Netns.callIn(ns.path(), () ->
            DatagramChannel.open().bind(new InetSocketAddress(UDP_PORT)));
        rx.configureBlocking(false);
        return rx;
    }

    /**
     * {@code count} datagrams app→kernel, each after 300 ms of silence (knid's thread sleeps then, doorbell armed);
     * each must reach the interface's socket (within 5 s, bounded).
     */
    private void sendSparse(final EthDev port, final DatagramChannel rx, final int count, final String tag)
    {
        final byte[] dst = MacAddress.parse(ns.exec("cat", "/sys/class/net/" + ifName + "/address").trim()).toBytes();
        final ByteBuffer got = ByteBuffer.allocate(2048);
        for (int i = 0; i < count; i++)
        {
            LockSupport.parkNanos(300_000_000L);
            final byte[] frame = Frames.udp(dst, MacAddress.parse("02:00:00:00:00:33").toBytes(),
                Frames.ip("198.18.0.2"), Frames.ip("198.18.0.1"), 7000, UDP_PORT,
                (tag + i).getBytes(StandardCharsets.US_ASCII));
            final Mbuf m = pool.alloc();
            m.append(frame.length);
            m.copyFrom(frame, 0, 0, frame.length);
            final long t0 = System.nanoTime();
            assertEquals(1, port.txBurst(0, new Mbuf[] {m}, 1), "the KNI took the datagram");
            got.clear();
            Await.until(tag + " datagram " + i, 5_000, () -> receive(rx, got));
            System.out.printf("knid doorbell: %s datagram %d in %.3f ms (knid's thread idle 300 ms, sleeping up to "
                + "1 s)%n", tag, i, (System.nanoTime() - t0) / 1e6);
        }
    }

    private static boolean receive(final DatagramChannel ch, final ByteBuffer into)
    {
        try
        {
            return ch.receive(into) != null;
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** The eventfd's id ({@code eventfd-id} in fdinfo, Linux 6.2+), or -1 when the kernel does not say. */
    private static long eventfdId(final int fd)
    {
        return eventfdId("self", fd);
    }

    private static long eventfdId(final String pid, final int fd)
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/" + pid + "/fdinfo/" + fd)))
            {
                if (line.startsWith("eventfd-id:"))
                {
                    return Long.parseLong(line.substring("eventfd-id:".length()).trim());
                }
            }
            return -1;
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("fdinfo of " + fd, ex);
        }
    }

    /** knid has {@code fd}'s eventfd open (its KNI thread's own). */
    private boolean knidHolds(final int fd)
    {
        final long id = eventfdId(fd);
        final String pid = Long.toString(knid.pid());
        final String[] fds = new File("/proc/" + pid + "/fd").list();
        for (final String f : fds == null ? new String[0] : fds)
        {
            try
            {
                if (id >= 0 && eventfdId(pid, Integer.parseInt(f)) == id)
                {
                    return true;
                }
            }
            catch (final IllegalStateException ex)
            {
                // closed meanwhile: not it
            }
        }
        return false;
    }

    @Test
    void shouldRingKnidsKniThreadWhenTheApplicationSends() throws Exception
    {
        final EthDev port = startPort();
        final Kni kni = ((KniEthDev)port.ops()).kni();
        final int bell = kni.doorbellFd();
        assertTrue(bell >= 0, "knid handed over a doorbell: " + bell);
        if (eventfdId(bell) >= 0)
        {
            assertTrue(knidHolds(bell), "the doorbell is the eventfd of knid's KNI thread");
        }
        try (DatagramChannel rx = listen())
        {
            sendSparse(port, rx, 3, "first");
        }
        assertTrue(kni.doorbellRings() >= 1, "knid's sleeping thread was rung: " + kni.doorbellRings());
    }

    @Test
    void shouldRingTheNewKniThreadAfterKnidRestarts() throws Exception
    {
        final EthDev port = startPort();
        final Kni kni = ((KniEthDev)port.ops()).kni();
        final int bell = kni.doorbellFd();
        assertTrue(bell >= 0, "knid handed over a doorbell: " + bell);
        final long first = eventfdId(bell);
        try (DatagramChannel rx = listen())
        {
            sendSparse(port, rx, 2, "before");
            final long ringsBefore = kni.doorbellRings();

            knid.kill();
            knidKilled = true;
            Await.until(ifName + " gone with knid", 10_000, () -> ns.tryExec("ip", "link", "show", ifName).exit != 0);
            Await.until("the port down while knid is gone", 10_000, () -> !port.link().isUp());
            final long idle = eventfdId(bell);
            if (first >= 0)
            {
                // the channel noticed (the port went down): the dead knid's eventfd was let go, under the same number
                assertNotEquals(first, idle, "the doorbell no longer refers to the dead knid's eventfd");
            }

            knid = new KnidProcess(dir, "knid-again", knidArgs);
            Await.until(ifName + " recreated and the port up", 15_000,
                () -> ns.tryExec("ip", "link", "show", ifName).exit == 0 && port.link().isUp());
            assertEquals(bell, kni.doorbellFd(), "the same fd number, kept by the KNI since its creation");
            if (first >= 0)
            {
                // (eventfd ids are reused once freed: the new knid's may have the old one's, let go before)
                assertNotEquals(idle, eventfdId(bell), "not the channel's idle one");
                assertTrue(knidHolds(bell), "the doorbell is the eventfd of the new knid's KNI thread");
            }
            configureInterface(); // a new interface, as after reloading rte_kni.ko: down and without addresses
            sendSparse(port, rx, 2, "after");
            assertTrue(kni.doorbellRings() > ringsBefore, "the new thread was rung: " + kni.doorbellRings() +
                " rings, " + ringsBefore + " before the restart");
        }
    }

    @Test
    void shouldLeaveNoFdAfterCreateReleaseAndCloseCycles()
    {
        initEal();
        final KniConf conf = new KniConf().name(ifName + "c").mbufSize(2048).netns(ns.name());
        // a first round loads what the JVM and the library load lazily: the count is taken around the next ones
        cycle(conf, 1);
        awaitSessionsEnded(1);
        final int knidBefore = knid.openFds();
        final java.util.Set<String> before = OpenFds.kniKinds();
        cycle(conf, 5);
        awaitSessionsEnded(2);
        cycle(conf, 5);
        assertEquals(java.util.Set.of(), OpenFds.newSince(before, OpenFds.kniKinds()),
            "the client closed every fd of its channels and interfaces");
        awaitSessionsEnded(3);
        Await.until("knid closed every fd of the sessions (" + knidBefore + " open before)", 5_000,
            () -> knid.openFds() == knidBefore);
    }

    /** knid has ended {@code n} sessions: their memory is unmapped (another may map the same addresses). */
    private void awaitSessionsEnded(final int n)
    {
        Await.until(n + " sessions ended in knid", 10_000,
            () -> knid.output().split("\\(interfaces released, memory unmapped\\)", -1).length - 1 >= n);
    }

    /** A channel to knid, {@code n} create/release cycles checking the doorbell of each, then its close. */
    private void cycle(final KniConf conf, final int n)
    {
        final KniContext ctx = KniContext.init(eal);
        try
        {
            for (int i = 0; i < n; i++)
            {
                final Kni kni = ctx.alloc(pool, conf, null);
                assertNotNull(kni, "alloc " + i);
                assertTrue(kni.doorbellFd() >= 0, "a doorbell for each interface: " + kni.doorbellFd());
                assertTrue(ctx.release(kni), "release " + i);
            }
        }
        finally
        {
            ctx.close();
        }
        assertEquals(0, pool.inUse(), "mbufs in use after release");
    }
}
