package io.ethdev4j.kniapp;

import io.ethdev4j.eal.Log;
import io.ethdev4j.sys.Netns;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.Shell;
import io.ethdev4j.test.TestNetns;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * DPDK's KNI test plan topology on a software port, in namespaces the test owns. The application runs in namespace
 * {@code dut} (its {@code vEth*} interfaces are created there). Its physical port is a {@code net_kni} port
 * whose wire is interface {@code kni0} in namespace {@code tester} (198.18.0.2/24: what the tester sends on
 * {@code kni0} arrives at the port, what the port sends arrives on {@code kni0}), a {@code net_pcap} port on one end
 * of a veth pair whose other end is in {@code tester}, an igb port on QEMU's 82576, or a {@code net_ring} pair whose
 * second port the test drives. The application runs in-process on a thread inside {@code dut} (its lcore 0 is that
 * thread); its printf output and its log lines are kept for the assertions.
 */
final class KniAppFixture implements AutoCloseable
{
    static final String TESTER_IP = "198.18.0.2";
    static final String TESTER_MAC = "02:00:00:00:0b:02";

    final TestNetns dut;
    final TestNetns tester;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(new Tee(printed), true, StandardCharsets.UTF_8);
    private final AtomicReference<KniApp> app = new AtomicReference<>();
    private volatile int exitCode = Integer.MIN_VALUE;
    private Thread thread;

    /** @param ipv6 false disables IPv6 in both namespaces (no router solicitations or MLD among the counted frames). */
    KniAppFixture(final boolean ipv6)
    {
        dut = new TestNetns();
        tester = new TestNetns();
        if (!ipv6)
        {
            for (final TestNetns ns : new TestNetns[] {dut, tester})
            {
                ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1", "net.ipv6.conf.all.disable_ipv6=1");
            }
        }
    }

    /** EAL options for port 0 = net_kni0, its interface kni0 in {@code tester}; then {@code eal}, --, {@code app}. */
    String[] argvKniWire(final String[] eal, final String... app)
    {
        return argv("net_kni0,netns=" + tester.name(), null, eal, app);
    }

    /**
     * EAL options for port 0 = an igb port on QEMU's 82576 whose netdev is TAP {@code tap} (created persistent in
     * {@code dut} here: QEMU, started from the application's thread, attaches to it there; {@link #testerTap} then
     * moves it to {@code tester}).
     */
    String[] argvQemuIgb(final String tap, final String[] eal, final String... app)
    {
        dut.exec("ip", "tuntap", "add", "dev", tap, "mode", "tap");
        return argv("net_qemu_igb0,netdev=tap:" + tap + ",mac=52:54:00:e4:11:01,link_wait_ms=5000", null, eal, app);
    }

    /**
     * EAL options for port 0 = {@code net_pcap} on interface {@code a} of a veth pair made here: {@code a} up in
     * {@code dut} (net_pcap reads and writes it over AF_PACKET, the port takes its MAC), {@code b} in {@code tester}
     * with 198.18.0.2/24, up: a software port with a real wire.
     */
    String[] argvPcapVeth(final String a, final String b, final String[] eal, final String... app)
    {
        dut.exec("ip", "link", "add", a, "type", "veth", "peer", "name", b);
        dut.exec("ip", "link", "set", b, "netns", tester.name());
        dut.exec("ip", "link", "set", a, "up");
        tester.exec("ip", "link", "set", b, "address", TESTER_MAC);
        tester.exec("ip", "addr", "add", TESTER_IP + "/24", "dev", b);
        tester.exec("ip", "link", "set", b, "up");
        return argv("net_pcap0,iface=" + a + ",phy_mac=1", null, eal, app);
    }

    /** The igb port's wire: QEMU's TAP moved into {@code tester}, 198.18.0.2/24, up (the fd QEMU holds follows it). */
    void testerTap(final String tap)
    {
        dut.exec("ip", "link", "set", tap, "netns", tester.name());
        tester.exec("ip", "addr", "add", TESTER_IP + "/24", "dev", tap);
        tester.exec("ip", "link", "set", tap, "up");
    }

    /** EAL options for port 0 = net_ring0 back to back with port 1 = net_ring1 (the test's side). */
    static String[] argvRingPair(final String[] eal, final String... app)
    {
        return argv("net_ring0", "net_ring1,peer=net_ring0", eal, app);
    }

    private static String[] argv(final String port0, final String port1, final String[] eal, final String... app)
    {
        final List<String> a = new ArrayList<>(Arrays.asList("--no-huge", "-m", "1024", "-l", "0-1", "--no-pci",
            "--no-telemetry", "--vdev", port0));
        if (port1 != null)
        {
            a.addAll(Arrays.asList("--vdev", port1));
        }
        a.addAll(Arrays.asList(eal));
        a.add("--");
        a.addAll(Arrays.asList(app));
        return a.toArray(new String[0]);
    }

    /**
     * The tester's end of the wire: kni0 up with 198.18.0.2/24 (once the application runs) and a MAC of its own
     * (net_kni gives kni0 its port's MAC, which the application's KNI has too: the link-local addresses would clash).
     */
    void testerUp()
    {
        tester.exec("ip", "link", "set", "kni0", "address", TESTER_MAC);
        tester.exec("ip", "addr", "add", TESTER_IP + "/24", "dev", "kni0");
        tester.exec("ip", "link", "set", "kni0", "up");
        Await.until("tester's kni0 up with carrier", 10_000,
            () -> tester.exec("ip", "link", "show", "kni0").contains("LOWER_UP"));
    }

    /** Ready for the next start in the same namespaces (the previous run must have exited). */
    KniAppFixture next()
    {
        synchronized (printed)
        {
            printed.reset();
        }
        app.set(null);
        exitCode = Integer.MIN_VALUE;
        return this;
    }

    /** Starts the application in {@code dut}; returns once it runs (or has exited with an error). */
    KniApp start(final String... argv)
    {
        Log.output(out);
        thread = new Thread(() ->
        {
            Netns.enter(dut.path());
            exitCode = KniApp.run(argv, out, out, app::set);
        }, "kni-app-test");
        thread.setDaemon(true);
        thread.start();
        final long t0 = System.nanoTime();
        Await.until("the application runs or exits: " + printed(), 60_000,
            () -> app.get() != null || exitCode != Integer.MIN_VALUE);
        System.out.println("[fixture] start took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        return app.get();
    }

    /** Waits for the application to exit (after {@link KniApp#stop()} or an error); returns its exit code. */
    int awaitExit()
    {
        Await.until("the application exits: " + printed(), 30_000, () -> exitCode != Integer.MIN_VALUE);
        return exitCode;
    }

    /** Everything the application printed and logged so far. */
    String printed()
    {
        synchronized (printed)
        {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    void awaitPrinted(final String text)
    {
        Await.until("\"" + text + "\" in the output: " + printed(), 10_000, () -> printed().contains(text));
    }

    /**
     * The test plan's steps on a port whose wire ends in {@code tester} at {@link #TESTER_IP}: vEth0_0 gets
     * 198.18.0.1/24 and goes up (the callback restarts the port, {@code -m} raises the carrier from its link), pings
     * through, a wrong address gets nothing, MTU 1300 (stop, reconfigure, start) with a ping that needs it, down (the
     * port stops); then the application exits with 0. {@code stepMs} bounds each wait (a QEMU port is slower).
     */
    void upPingMtuDown(final KniApp app, final long stepMs)
    {
        dut.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "vEth0_0");
        dut.exec("ip", "link", "set", "vEth0_0", "up");
        awaitPrinted("APP: Configure network interface of 0 up");
        Await.until("vEth0_0 carrier from the port's link (-m)", stepMs, () -> link("vEth0_0").contains("LOWER_UP"));
        Await.until(TESTER_IP + " answers through the port", stepMs,
            () -> dut.tryExec("ping", "-c", "1", "-W", "1", TESTER_IP).exit == 0);
        final Shell.Result ping = dut.tryExec("ping", "-n", "-c", "5", "-i", "0.2", "-W", "2", TESTER_IP);
        assertTrue(ping.output.contains("5 packets transmitted, 5 received"), ping.output);
        final Shell.Result wrong = dut.tryExec("ping", "-n", "-c", "2", "-i", "0.2", "-W", "1", "198.18.0.99");
        assertTrue(wrong.output.contains("2 packets transmitted, 0 received"), wrong.output);

        dut.exec("ip", "link", "set", "vEth0_0", "mtu", "1300");
        awaitPrinted("APP: Change MTU of port 0 to 1300");
        Await.until("port 0 at MTU 1300, started", stepMs,
            () -> app.eal().port(0).mtu() == 1300 && app.eal().port(0).isStarted());
        Await.until("a 1272-byte ping (1300-byte packet) answers after the restart", stepMs,
            () -> dut.tryExec("ping", "-c", "1", "-W", "1", "-s", "1272", "-M", "do", TESTER_IP).exit == 0);

        dut.exec("ip", "link", "set", "vEth0_0", "down");
        awaitPrinted("APP: Configure network interface of 0 down");
        Await.until("port 0 stopped", stepMs, () -> !app.eal().port(0).isStarted());
        app.stop();
        assertEquals(0, awaitExit(), printed());
    }

    String link(final String ifName)
    {
        return dut.exec("ip", "link", "show", ifName);
    }

    @Override
    public void close()
    {
        try
        {
            final KniApp a = app.get();
            if (a != null && exitCode == Integer.MIN_VALUE)
            {
                final long t0 = System.nanoTime();
                a.stop();
                awaitExit();
                System.out.println("[fixture] stop and release took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
        }
        finally
        {
            Log.output(System.out);
            tester.close();
            dut.close();
        }
    }

    /** The printed bytes, also copied to stdout (the surefire report). */
    private static final class Tee extends OutputStream
    {
        private final ByteArrayOutputStream kept;

        Tee(final ByteArrayOutputStream kept)
        {
            this.kept = kept;
        }

        @Override
        public void write(final int b)
        {
            synchronized (kept)
            {
                kept.write(b);
            }
            System.out.write(b);
        }

        @Override
        public void write(final byte[] b, final int off, final int len)
        {
            synchronized (kept)
            {
                kept.write(b, off, len);
            }
            System.out.write(b, off, len);
        }
    }
}
