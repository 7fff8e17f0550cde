package io.ethdev4j.pmd.kni;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.*;

/** net_kni as DPDK's, what it adds, and its faults. Each test has its own namespace; no mbuf may stay in use. */
class KniPmdTest
{
    private TestNetns ns;
    private Eal eal;
    private MbufPool pool;

    @BeforeEach
    void setUp()
    {
        NetAdmin.require();
        ns = new TestNetns();
        ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
    }

    @AfterEach
    void tearDown()
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
                assertEquals(0, pool.inUse(), "mbufs in use after the ports closed");
            }
        }
        finally
        {
            if (eal != null)
            {
                eal.close();
            }
            ns.close();
        }
    }

    private EthDev open(final String devargs, final String... ealExtra)
    {
        final String[] args = new String[6 + ealExtra.length];
        args[0] = "--no-huge";
        args[1] = "-m";
        args[2] = "256";
        System.arraycopy(ealExtra, 0, args, 3, ealExtra.length);
        args[3 + ealExtra.length] = "--vdev";
        args[4 + ealExtra.length] = devargs + ",netns=" + ns.name();
        args[5 + ealExtra.length] = "--log-level=4";
        eal = Eal.init(args);
        pool = eal.createPktmbufPool("pmd_kni_pool", 4096, 0, 0, 2176);
        return eal.port(0);
    }

    private static void setUpAndStart(final EthDev p, final MbufPool pool)
    {
        p.configure(1, 1, null);
        p.rxQueueSetup(0, 0, pool, null);
        p.txQueueSetup(0, 0, null);
        p.start();
    }

    private String link(final String ifName)
    {
        return ns.exec("ip", "-o", "link", "show", ifName);
    }

    private boolean exists(final String ifName)
    {
        return ns.tryExec("ip", "link", "show", ifName).exit == 0;
    }

    private static int mtuOf(final String ipLink)
    {
        final int i = ipLink.indexOf(" mtu ");
        return Integer.parseInt(ipLink.substring(i + 5, ipLink.indexOf(' ', i + 5)));
    }

    /**
     * The doorbell: with a scheduling interval growing from 1 ms to 1 s and no busy polling, the application sends a
     * datagram while the KNI thread sleeps (idle for 300 ms: it sleeps ~256-512 ms, doorbell armed); txBurst sees the
     * armed word and rings the thread's eventfd (counted: the functional check), and each datagram reaches the
     * interface's socket. How much sooner than the interval is what tools/bench-kni.sh measures (a unit test does not
     * assert on time).
     */
    @Test
    void shouldWakeASleepingKniThreadWhenTheApplicationSends() throws Exception
    {
        final io.ethdev4j.kni.Kni kni = sendSpacedDatagrams(300, "--kni-busy-poll=0", "--kni-direct-io=off");
        assertTrue(kni.doorbellRings() >= 3, "each datagram found the thread asleep and rang it: " + kni.doorbellRings());
        assertEquals(0, kni.directPackets(false));
    }

    /**
     * direct_io (the default): the same datagrams, each found the thread asleep with the TAP lent, so txBurst wrote it
     * to the TAP itself: no ring, three frames written directly, each received by the interface's socket at once (the
     * thread's next pass would come only after its 1 s interval).
     */
    @Test
    void shouldWriteToTheTapItselfWhileTheKniThreadSleeps() throws Exception
    {
        final io.ethdev4j.kni.Kni kni = sendSpacedDatagrams(300, "--kni-busy-poll=0");
        assertTrue(kni.directIo());
        assertEquals(3, kni.directPackets(false), "each datagram written directly");
        assertEquals(0, kni.doorbellRings(), "nothing went on rx_q: nothing to ring for");
    }

    /**
     * busy_poll: the same datagrams 30 ms apart with a 1 s busy-poll window. The first may find the thread asleep;
     * each datagram moved restarts the window, so the thread never arms the doorbell again and the application never
     * rings (without the window it sleeps after 1 ms idle and each datagram rings, as the test above shows).
     */
    @Test
    void shouldKeepPollingAfterTrafficForTheBusyPollWindow() throws Exception
    {
        final long rings = sendSpacedDatagrams(30, "--kni-busy-poll=1000000", "--kni-direct-io=off").doorbellRings();
        assertTrue(rings <= 1, "only the first datagram may ring; the window kept the thread polling: " + rings);
    }

    /**
     * rt_priority: the idle KNI thread sleeps at SCHED_FIFO (policy 1 in /proc/self/task/TID/stat) with the default,
     * and at SCHED_OTHER (0) with {@code --kni-rt-priority=0}. Needs root (CAP_SYS_NICE), as every test here.
     */
    @Test
    void shouldSleepAtSchedFifoUnlessRtPriorityIsZero()
    {
        final EthDev port = open("net_kni0");
        setUpAndStart(port, pool);
        Await.until("kni_single sleeping at SCHED_FIFO", 5_000, () -> kniThreadPolicy() == 1);
    }

    @Test
    void shouldStayAtSchedOtherWithRtPriorityZero()
    {
        final EthDev port = open("net_kni0", "--kni-rt-priority=0");
        setUpAndStart(port, pool);
        // the JVM names the native thread once it runs
        Await.until("a thread named kni_single", 5_000, () -> kniThreadPolicy() >= 0);
        for (int i = 0; i < 20; i++)
        {
            assertEquals(0, kniThreadPolicy(), "kni_single's policy with --kni-rt-priority=0");
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
    }

    /** The scheduling policy (field 41 of stat) of this process's kni_single thread, or -1 when there is none. */
    private static int kniThreadPolicy()
    {
        final java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        for (final java.io.File t : tasks == null ? new java.io.File[0] : tasks)
        {
            try
            {
                if (!"kni_single".equals(java.nio.file.Files.readString(t.toPath().resolve("comm")).trim()))
                {
                    continue;
                }
                final String stat = java.nio.file.Files.readString(t.toPath().resolve("stat"));
                final String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                return Integer.parseInt(f[41 - 3]);
            }
            catch (final java.io.IOException ex)
            {
                // the thread ended meanwhile
            }
        }
        return -1;
    }

    /** Sends 3 datagrams {@code gapMs} apart into a port with a 1 ms .. 1 s interval; returns the doorbell rings. */
    private io.ethdev4j.kni.Kni sendSpacedDatagrams(final long gapMs, final String busyPoll, final String... more)
        throws Exception
    {
        final String[] eal = new String[3 + more.length];
        eal[0] = "--kni-min-scheduling-interval=1000";
        eal[1] = "--kni-max-scheduling-interval=1000000";
        eal[2] = busyPoll;
        System.arraycopy(more, 0, eal, 3, more.length);
        final EthDev port = open("net_kni0", eal);
        setUpAndStart(port, pool);
        ns.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "kni0");
        ns.exec("ip", "link", "set", "kni0", "up");
        final java.nio.channels.DatagramChannel rx = io.ethdev4j.sys.Netns.callIn(ns.path(), () ->
            java.nio.channels.DatagramChannel.open().bind(new java.net.InetSocketAddress("198.18.0.1", 9001)));
        try
        {
            rx.configureBlocking(false);
            final io.ethdev4j.kni.Kni kni = ((KniEthDev)port.ops()).kni();
            final byte[] dst = MacAddress.parse(ns.exec("cat", "/sys/class/net/kni0/address").trim()).toBytes();
            final java.nio.ByteBuffer got = java.nio.ByteBuffer.allocate(2048);
            for (int i = 0; i < 3; i++)
            {
                java.util.concurrent.locks.LockSupport.parkNanos(gapMs * 1_000_000L);
                final byte[] frame = io.ethdev4j.test.Frames.udp(dst, MacAddress.parse("02:00:00:00:00:22").toBytes(),
                    io.ethdev4j.test.Frames.ip("198.18.0.2"), io.ethdev4j.test.Frames.ip("198.18.0.1"), 7000, 9001,
                    ("ring-" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                final Mbuf m = pool.alloc();
                m.append(frame.length);
                m.copyFrom(frame, 0, 0, frame.length);
                final long t0 = System.nanoTime();
                assertEquals(1, port.txBurst(0, new Mbuf[] {m}, 1));
                got.clear();
                Await.until("datagram " + i, 5_000, () -> receive(rx, got));
                System.out.printf("doorbell (%s): datagram %d in %.3f ms (%d ms after the previous)%n", busyPoll, i,
                    (System.nanoTime() - t0) / 1e6, gapMs);
            }
            return kni;
        }
        finally
        {
            rx.close();
        }
    }

    private static boolean receive(final java.nio.channels.DatagramChannel ch, final java.nio.ByteBuffer into)
    {
        try
        {
            return ch.receive(into) != null;
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void shouldFollowTheInterfacesMtuAndRefuseOneAnMbufCannotCarry()
    {
        final EthDev port = open("net_kni0");
        setUpAndStart(port, pool);
        assertEquals(2034, port.mtu(), "the port reads the MTU the interface was created with");
        assertEquals(2034, mtuOf(link("kni0")));
        ns.exec("ip", "link", "set", "kni0", "mtu", "1400");
        Await.until("port MTU 1400 after ip link set kni0 mtu 1400", 5_000, () -> port.mtu() == 1400);
        ns.tryExec("ip", "link", "set", "kni0", "mtu", "2035");
        Await.until("2035 (> 2176 - 128 - 14) put back on the interface", 5_000, () -> mtuOf(link("kni0")) == 1400);
        assertEquals(1400, port.mtu());
        port.setMtu(1500);
        Await.until("the interface follows the port's MTU", 5_000, () -> mtuOf(link("kni0")) == 1500);
        assertEquals(1500, port.mtu());
    }

    @Test
    void shouldMakeTheCarrierFollowThePortWhateverKniCarrierSays()
    {
        final EthDev port = open("net_kni0", "--kni-carrier=off");
        setUpAndStart(port, pool);
        ns.exec("ip", "link", "set", "kni0", "up");
        Await.until("carrier on while the port is started", 5_000, () -> link("kni0").contains("LOWER_UP"));
        port.stop();
        Await.until("carrier off once the port stopped", 5_000, () -> link("kni0").contains("NO-CARRIER"));
        port.start();
        Await.until("carrier on again at start", 5_000, () -> link("kni0").contains("LOWER_UP"));
        ns.exec("ip", "link", "set", "kni0", "down");
        ns.exec("ip", "link", "set", "kni0", "up");
        Await.until("carrier on again after the interface went down and up", 5_000,
            () -> link("kni0").contains("LOWER_UP"));
    }

    @Test
    void shouldCreateTheInterfaceAtFirstStartAndRemoveItAtClose()
    {
        final EthDev port = open("net_kni0");
        assertEquals("net_kni", port.driverName());
        assertEquals("Link down", port.link().toString());
        assertTrue(port.isPromiscuous() && port.isAllmulticast(), "promiscuous and all-multicast on from the start");
        port.configure(1, 1, null);
        port.rxQueueSetup(0, 0, pool, null);
        port.txQueueSetup(0, 0, null);
        assertFalse(exists("kni0"), "no interface before the first start");
        assertEquals(1, port.info().maxRxQueues);
        assertEquals(2034, port.info().maxMtu, "2176-byte data room - 128 - 14");
        port.start();
        final String l = link("kni0");
        assertEquals(2034, mtuOf(l), l);
        assertTrue(l.contains("PROMISC") && l.contains("ALLMULTI"), l);
        assertTrue(l.toLowerCase().contains(port.macAddr().toString().toLowerCase()), "the port's MAC: " + l);
        assertEquals("Link up at 10 Gbps FDX Fixed", port.link().toString());
        assertTrue(port.info().ifIndex > 0);
        // ethtool answers; the driver is TAP's ("tun"), not rte_kni.ko's "kni"
        assertTrue(ns.exec("ethtool", "-i", "kni0").contains("driver: tun"));
        assertTrue(ns.exec("ethtool", "kni0").contains("Link detected"));
        port.stop();
        assertEquals("Link down", port.link().toString());
        assertTrue(exists("kni0"), "stop keeps the interface");
        port.start();
        assertTrue(port.link().isUp());
        port.stop();
        port.close();
        assertFalse(exists("kni0"), "close releases the interface");
    }

    @Test
    void shouldRejectUnknownDevargsAndTakeNoRequestThreadByPresence()
    {
        final EthDevException ex = assertThrows(EthDevException.class,
            () -> Eal.init("--no-huge", "--vdev", "net_kni0,bogus=1"));
        assertEquals(Errno.EINVAL, ex.errno(), ex.getMessage());
        final EthDev port = open("net_kni0,no_request_thread=0");
        assertFalse(((KniEthDev)port.ops()).hasRequestThread(), "as DPDK only the key's presence counts");
    }

    @Test
    void shouldAnswerInterfaceRequestsThroughTheRequestThread()
    {
        final EthDev port = open("net_kni3");
        setUpAndStart(port, pool);
        final KniEthDev dev = (KniEthDev)port.ops();
        final long before = dev.kni().status().requests();
        ns.exec("ip", "link", "set", "kni3", "up");
        ns.exec("ip", "link", "set", "kni3", "mtu", "1400");
        // ip returns at once (a TAP takes every change); the kernel side then asks the application. Changes made
        // while a request is pending coalesce into the newest state, so wait until both were asked.
        Await.until("CFG_NETWORK_IF and CHANGE_MTU sent", 5_000, () -> dev.kni().status().requests() >= before + 2);
        Await.until("up and MTU 1400", 5_000, () -> link("kni3").contains(",UP") && mtuOf(link("kni3")) == 1400);
        // above the mbuf limit: refused before any request and reverted
        ns.exec("ip", "link", "set", "kni3", "mtu", "3000");
        Await.until("MTU 3000 reverted", 5_000, () -> mtuOf(link("kni3")) == 1400 &&
            dev.kni().status().lastRefusal() != null);
        assertTrue(dev.kni().status().lastRefusal().contains("mtu 3000"), dev.kni().status().lastRefusal());
        ns.exec("ip", "link", "set", "kni3", "down");
        Await.until("down", 5_000, () -> !link("kni3").contains(",UP"));
        assertTrue(link("kni3").contains(",UP") == false);
    }

    @Test
    void shouldTimeOutUpWithoutRequestThread()
    {
        final EthDev port = open("net_kni0,no_request_thread=1");
        setUpAndStart(port, pool);
        ns.exec("ip", "link", "set", "kni0", "up");
        Await.until("up refused after the 3 s request timeout", 8_000, () -> !link("kni0").contains(",UP"));
        final String why = ((KniEthDev)port.ops()).kni().status().lastRefusal();
        assertTrue(why != null && why.contains("ETIME"), why);
    }

    @Test
    void shouldApplyEthdevSettingsToTheInterface()
    {
        final EthDev port = open("net_kni0");
        port.configure(1, 1, null);
        port.setMtu(1280);
        port.rxQueueSetup(0, 0, pool, null);
        port.txQueueSetup(0, 0, null);
        port.start();
        assertEquals(1280, mtuOf(link("kni0")), "an MTU set before the first start is the creation MTU");
        port.setMtu(1400);
        assertEquals(1400, mtuOf(link("kni0")));
        final EthDevException big = assertThrows(EthDevException.class, () -> port.setMtu(2035));
        assertEquals(Errno.EINVAL, big.errno());
        port.setMacAddr(MacAddress.parse("02:00:5e:00:53:07"));
        assertTrue(link("kni0").contains("02:00:5e:00:53:07"));
        port.promiscuousDisable();
        port.allmulticastDisable();
        assertFalse(link("kni0").contains("PROMISC"));
        assertFalse(link("kni0").contains("ALLMULTI"));
        port.promiscuousEnable();
        assertTrue(link("kni0").contains("PROMISC"));
        // the application's own changes are not sent back to it as requests, so none can be refused
        ns.exec("ip", "link", "set", "kni0", "up");
        Await.until("up", 5_000, () -> link("kni0").contains(",UP"));
        assertEquals(1400, mtuOf(link("kni0")));
        assertEquals(0, ((KniEthDev)port.ops()).kni().status().refusals());
    }

    @Test
    void shouldCountPacketsTheInterfaceCannotTakeAsOutputErrors()
    {
        final EthDev port = open("net_kni0");
        setUpAndStart(port, pool);
        final Mbuf[] pkts = new Mbuf[10];
        assertEquals(10, pool.allocBulk(pkts, 0, 10));
        for (final Mbuf m : pkts)
        {
            m.append(64);
            m.putShortBE(12, 0x88B5);
        }
        assertEquals(10, port.txBurst(0, pkts, 0, 10), "the kernel side takes them (rx_q has room)");
        Await.until("10 writes to the down interface counted", 5_000, () -> port.stats().oerrors == 10);
        final EthStats s = port.stats();
        assertEquals(0, s.opackets, "a packet is counted once: in oerrors, not also in opackets; " + s);
        assertEquals(0, s.qOpackets[0], s.toString());
        assertEquals(640, s.obytes, "bytes handed to the kernel side (it keeps no byte count of its drops)");
        assertTrue(port.xstats().stream().anyMatch(x -> x.name().equals("kni_rx_write_errors") && x.value() == 10));
        port.txBurst(0, pkts, 0, 0); // drains free_q as DPDK's tx_burst does
    }

    @Test
    void shouldReportLinkDownAndGoOnWhenTheInterfaceIsDeletedFromOutside()
    {
        final EthDev port = open("net_kni0");
        setUpAndStart(port, pool);
        assertTrue(port.link().isUp());
        ns.exec("ip", "link", "del", "kni0");
        Await.until("link down after the interface vanished", 5_000, () -> !port.link().isUp());
        final Mbuf[] pkts = new Mbuf[4];
        assertEquals(4, pool.allocBulk(pkts, 0, 4));
        for (final Mbuf m : pkts)
        {
            m.append(60);
        }
        final int sent = port.txBurst(0, pkts, 0, 4);
        for (int i = sent; i < 4; i++)
        {
            pkts[i].free();
        }
        assertEquals(0, port.rxBurst(0, pkts, 0, 4));
        assertNotNull(port.stats());
        assertThrows(EthDevException.class, () -> port.setMtu(1400), "the interface is gone");
    }

    @Test
    void shouldRemoveTheInterfacesWhenTheApplicationCloses()
    {
        eal = Eal.init("--no-huge", "-m", "256", "--vdev", "net_kni0,netns=" + ns.name(),
            "--vdev", "net_kni1,netns=" + ns.name());
        pool = eal.createPktmbufPool("pmd_kni_pool2", 4096, 0, 0, 2176);
        setUpAndStart(eal.port(0), pool);
        setUpAndStart(eal.port(1), pool);
        assertTrue(exists("kni0") && exists("kni1"));
        final Eal e = eal;
        eal = null;
        e.close();
        assertFalse(exists("kni0") || exists("kni1"), "rte_kni_close removes every interface");
        assertEquals(0, pool.inUse());
    }

    @TempDir
    Path tmp;

    private Path script(final String... lines) throws IOException
    {
        final Path p = tmp.resolve("ifup-" + System.nanoTime() + ".sh");
        Files.writeString(p, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    /**
     * script=: run once, at the first start, with the interface name, inside netns=; the start returns after it, with
     * the carrier already applied by the kernel (LOWER_UP at once, no waiting), so traffic can flow right away.
     */
    @Test
    void shouldRunTheScriptOnTheFreshInterfaceInItsNamespaceBeforeTheStartReturns() throws IOException
    {
        final Path marker = tmp.resolve("marker");
        final Path sh = script("set -e", "ip link set dev \"$1\" up", "ip -o link show dev \"$1\" >> " + marker);
        final EthDev port = open("net_kni0,script=" + sh);
        setUpAndStart(port, pool);
        final String seen = Files.readString(marker);
        assertTrue(seen.contains(": kni0: "), "the script saw kni0 in the namespace: " + seen);
        assertTrue(link("kni0").contains("LOWER_UP"), "up by the script, carrier applied when start returns: " +
            link("kni0"));
        port.stop();
        port.start();
        assertEquals(1, Files.readAllLines(marker).size(), "only the first start creates the interface and runs it");
    }

    @Test
    void shouldFailTheStartAndRemoveTheInterfaceWhenTheScriptFails() throws IOException
    {
        final EthDev port = open("net_kni0,script=" + script("echo no cable here >&2", "exit 3"));
        port.configure(1, 1, null);
        port.rxQueueSetup(0, 0, pool, null);
        port.txQueueSetup(0, 0, null);
        final EthDevException ex = assertThrows(EthDevException.class, port::start);
        assertEquals(Errno.EIO, ex.errno(), ex.getMessage());
        assertTrue(ex.getMessage().contains("exited with 3") && ex.getMessage().contains("no cable here") &&
            ex.getMessage().contains(" kni0"), ex.getMessage());
        assertFalse(exists("kni0"), "the interface goes with the failed start");
        assertFalse(port.link().isUp());
    }

    @Test
    void shouldRefuseAScriptThatIsNotAnExecutableFile() throws IOException
    {
        final Path notExecutable = tmp.resolve("plain.sh");
        Files.writeString(notExecutable, "#!/bin/sh\n");
        for (final String bad : new String[] {tmp.resolve("missing.sh").toString(), notExecutable.toString(),
            tmp.toString()})
        {
            final EthDevException ex = assertThrows(EthDevException.class,
                () -> Eal.init("--no-huge", "-m", "64", "--vdev", "net_kni0,script=" + bad).close(), bad);
            assertEquals(Errno.EINVAL, ex.errno(), ex.getMessage());
            assertTrue(ex.getMessage().contains("script='" + bad + "' is not an executable file"), ex.getMessage());
        }
    }

    /**
     * Beyond DPDK (ENOTSUP there): link down is a pulled cable: no carrier on the interface, tx refuses (the caller keeps
     * the packets); link up brings both back, the carrier applied when setLinkUp returns.
     */
    @Test
    void shouldDropTheCarrierAndRefuseTxWhileTheLinkIsSetDown()
    {
        final EthDev port = open("net_kni0");
        setUpAndStart(port, pool);
        ns.exec("ip", "link", "set", "kni0", "up");
        Await.until("carrier on while started", 5_000, () -> link("kni0").contains("LOWER_UP"));
        port.setLinkDown();
        assertEquals("Link down", port.link().toString());
        Await.until("no carrier once the link is set down", 5_000, () -> link("kni0").contains("NO-CARRIER"));
        final Mbuf[] pkts = new Mbuf[4];
        assertEquals(4, pool.allocBulk(pkts, 0, 4));
        for (final Mbuf m : pkts)
        {
            m.append(60);
        }
        assertEquals(0, port.txBurst(0, pkts, 0, 4), "tx refuses while the link is down");
        ns.exec("ip", "link", "set", "kni0", "down");
        ns.exec("ip", "link", "set", "kni0", "up");
        assertTrue(link("kni0").contains("NO-CARRIER"), "the interface going up does not raise a link set down");
        port.setLinkUp();
        assertTrue(port.link().isUp());
        assertTrue(link("kni0").contains("LOWER_UP"), "carrier applied when setLinkUp returns: " + link("kni0"));
        final int sent = port.txBurst(0, pkts, 0, 4);
        assertEquals(4, sent, "tx again once the link is up");
        port.stop();
        port.setLinkUp();
        assertFalse(port.link().isUp(), "a stopped port's link follows the next start");
    }
}
