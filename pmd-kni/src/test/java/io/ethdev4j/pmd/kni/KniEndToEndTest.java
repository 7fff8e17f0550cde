package io.ethdev4j.pmd.kni;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Proc;
import io.ethdev4j.test.Shell;
import io.ethdev4j.test.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two net_kni ports in io forwarding (an in-test forwarding loop on worker lcore 1, as testpmd's io engine):
 * {@code kni0} in namespace A as 198.18.0.1/24, {@code kni1} in namespace B as 198.18.0.2/24. Pings from A all come
 * back, the ports count exactly what tcpdump prints on each interface, a 50 MB TCP transfer arrives byte-identical,
 * and no mbuf is left in use once the ports are closed.
 */
class KniEndToEndTest
{
    private static final long RUN_LIMIT_NS = TimeUnit.SECONDS.toNanos(150);

    private TestNetns nsA;
    private TestNetns nsB;
    private Eal eal;
    private MbufPool pool;
    private EthDev p0;
    private EthDev p1;
    private volatile boolean forwarding;
    private Path src;
    private Path dst;

    @BeforeEach
    void setUp()
    {
        NetAdmin.require();
        nsA = new TestNetns();
        nsB = new TestNetns();
        for (final TestNetns ns : new TestNetns[] {nsA, nsB})
        {
            ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
            ns.exec("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        }
        eal = Eal.init("--no-huge", "-m", "512", "-l", "0-1", "--kni-carrier=on",
            "--vdev", "net_kni0,netns=" + nsA.name(), "--vdev", "net_kni1,netns=" + nsB.name());
        pool = eal.createPktmbufPool("e2e_pool", 8192, 256, 0, 2176);
        p0 = eal.port(0);
        p1 = eal.port(1);
        for (final EthDev p : new EthDev[] {p0, p1})
        {
            p.configure(1, 1, null);
            p.rxQueueSetup(0, 0, pool, null);
            p.txQueueSetup(0, 0, null);
            p.start();
        }
        forwarding = true;
        eal.remoteLaunch(1, this::ioForward);
    }

    /** testpmd's io engine on one lcore: port 0 → port 1 and port 1 → port 0, unsent packets freed. Bounded in time. */
    private void ioForward()
    {
        final Mbuf[] burst = new Mbuf[32];
        final long deadline = System.nanoTime() + RUN_LIMIT_NS;
        while (forwarding && System.nanoTime() - deadline < 0)
        {
            for (int dir = 0; dir < 2; dir++)
            {
                final EthDev rx = dir == 0 ? p0 : p1;
                final EthDev tx = dir == 0 ? p1 : p0;
                final int n = rx.rxBurst(0, burst, 0, burst.length);
                if (n > 0)
                {
                    final int sent = tx.txBurst(0, burst, 0, n);
                    if (sent < n)
                    {
                        Mbuf.freeBulk(burst, sent, n - sent);
                    }
                }
            }
        }
    }

    @AfterEach
    void tearDown() throws Exception
    {
        try
        {
            forwarding = false;
            if (eal != null)
            {
                eal.waitLcore(1);
                for (final EthDev p : eal.ports())
                {
                    p.stop();
                    p.close();
                }
                assertEquals(0, pool.inUse(), "mbufs in use after both ports closed");
            }
        }
        finally
        {
            if (eal != null)
            {
                eal.close();
            }
            if (src != null)
            {
                Files.deleteIfExists(src);
            }
            if (dst != null)
            {
                Files.deleteIfExists(dst);
            }
            nsA.close();
            nsB.close();
        }
        assertFalse(Shell.run("ip", "link", "show", "kni0").exit == 0 && Shell.run("ip", "link", "show", "kni0").output
            .contains("kni0"), "kni0 must not leak into the root namespace");
    }

    private void bringUp()
    {
        nsA.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "kni0");
        nsB.exec("ip", "addr", "add", "198.18.0.2/24", "dev", "kni1");
        nsA.exec("ip", "link", "set", "kni0", "up");
        nsB.exec("ip", "link", "set", "kni1", "up");
        // up is answered by net_kni's request thread (every 500 ms); carrier=on then raises the carrier
        Await.until("kni0 and kni1 up with carrier", 5_000, () ->
            nsA.exec("ip", "-o", "link", "show", "kni0").contains("LOWER_UP") &&
            nsB.exec("ip", "-o", "link", "show", "kni1").contains("LOWER_UP"));
        Await.until("198.18.0.2 reachable from A", 10_000,
            () -> nsA.tryExec("ping", "-c", "1", "-W", "1", "198.18.0.2").exit == 0);
    }

    @Test
    void shouldForwardPingsAndCountExactlyWhatTcpdumpSees()
    {
        bringUp();
        final Proc[] dumps = {
            tcpdump(nsA, "kni0", "in"), tcpdump(nsA, "kni0", "out"),
            tcpdump(nsB, "kni1", "in"), tcpdump(nsB, "kni1", "out")};
        try
        {
            for (final Proc d : dumps)
            {
                Await.until("tcpdump listening: " + d, 10_000, () -> d.outputContains("listening on"));
            }
            p0.statsReset();
            p1.statsReset();
            try (Proc ping = new Proc("ip", "netns", "exec", nsA.name(), "ping", "-n", "-q", "-c", "200", "-i", "0.01",
                "-W", "2", "198.18.0.2"))
            {
                assertEquals(0, ping.waitFor(30_000), ping.output());
                assertTrue(ping.output().contains("200 packets transmitted, 200 received"), ping.output());
            }
            awaitQuiet();
            final EthStats s0 = p0.stats();
            final EthStats s1 = p1.stats();
            // one line per packet (-l): wait for each tcpdump to have printed what the ports counted (it may lag
            // behind under load; its "packets captured" at exit missed the tail), then compare
            final long[] expected = {s0.opackets, s0.ipackets, s1.opackets, s1.ipackets};
            final long[] seen = new long[4];
            for (int i = 0; i < 4; i++)
            {
                final Proc d = dumps[i];
                final int k = i;
                try
                {
                    Await.until("tcpdump " + d + " printed " + expected[k] + " packets", 10_000,
                        () -> packetLines(d.output()) >= expected[k]);
                }
                catch (final AssertionError ex)
                {
                    // compared below, with the counts in the message
                }
                seen[i] = packetLines(d.output());
                d.terminate(10_000);
            }
            // port tx = frames written into the interface (tcpdump "in"); port rx = frames the interface sent ("out")
            assertEquals(seen[0], s0.opackets, "port 0 tx vs tcpdump -Q in on kni0; " + s0);
            assertEquals(seen[1], s0.ipackets, "port 0 rx vs tcpdump -Q out on kni0; " + s0);
            assertEquals(seen[2], s1.opackets, "port 1 tx vs tcpdump -Q in on kni1; " + s1);
            assertEquals(seen[3], s1.ipackets, "port 1 rx vs tcpdump -Q out on kni1; " + s1);
            assertTrue(s0.ipackets >= 200 && s1.ipackets >= 200, s0 + " / " + s1);
            assertTrue(s0.ibytes > 0 && s0.obytes > 0, "byte counters move: " + s0);
            assertEquals(0, s0.imissed + s0.oerrors + s1.imissed + s1.oerrors, s0 + " / " + s1);
            System.out.println("e2e ping: tcpdump kni0 in/out=" + seen[0] + "/" + seen[1] + ", kni1 in/out=" + seen[2] +
                "/" + seen[3] + "; port0 " + s0 + "; port1 " + s1);
        }
        finally
        {
            for (final Proc d : dumps)
            {
                d.close();
            }
        }
    }

    @Test
    void shouldKeepForwardingThroughAnInterfaceMovedToAnotherNamespaceAndBack()
    {
        bringUp();
        try (TestNetns nsC = new TestNetns())
        {
            nsC.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1", "net.ipv6.conf.all.disable_ipv6=1");
            // as a container runtime hands an interface over: addresses stay behind, the interface arrives down
            nsA.exec("ip", "link", "set", "kni0", "netns", nsC.name());
            pingFrom(nsC);
            nsC.exec("ip", "link", "set", "kni0", "netns", nsA.name());
            pingFrom(nsA);

            // the namespace is deleted with the interface in it: the TAP is destroyed, the port's link goes down
            nsA.exec("ip", "link", "set", "kni0", "netns", nsC.name());
            Await.until("kni0 in C", 5_000, () -> nsC.tryExec("ip", "link", "show", "kni0").exit == 0);
            assertTrue(p0.link().isUp(), "a move keeps the port's link");
            nsC.close();
            Await.until("port 0 link down once kni0 was destroyed with namespace C", 10_000, () -> !p0.link().isUp());
            assertTrue(p1.link().isUp(), "port 1 is not concerned");
        }
    }

    /** Address, up, carrier, then 5 pings to 198.18.0.2 answered through the (moved) kni0. */
    private static void pingFrom(final TestNetns ns)
    {
        ns.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "kni0");
        ns.exec("ip", "link", "set", "kni0", "up");
        Await.until("kni0 up with carrier in " + ns.name(), 10_000,
            () -> ns.exec("ip", "-o", "link", "show", "kni0").contains("LOWER_UP"));
        Await.until("198.18.0.2 reachable from " + ns.name(), 10_000,
            () -> ns.tryExec("ping", "-c", "1", "-W", "1", "198.18.0.2").exit == 0);
        final Shell.Result ping = ns.tryExec("ping", "-n", "-q", "-c", "5", "-i", "0.2", "-W", "2", "198.18.0.2");
        assertTrue(ping.output.contains("5 packets transmitted, 5 received"), ping.output);
    }

    @Test
    void shouldCarryA50MegabyteTcpTransferByteIdentical() throws Exception
    {
        bringUp();
        src = Files.createTempFile("kni-e2e-src", ".bin");
        dst = Files.createTempFile("kni-e2e-dst", ".bin");
        Shell.ok("sh", "-c", "head -c 52428800 /dev/urandom > " + src);
        try (Proc server = new Proc("ip", "netns", "exec", nsB.name(), "timeout", "60", "sh", "-c",
            "nc -l 198.18.0.2 5001 > " + dst))
        {
            Await.until("nc listening in B", 10_000,
                () -> nsB.exec("ss", "-ltn").contains("198.18.0.2:5001"));
            final long t0 = System.nanoTime();
            try (Proc client = new Proc("ip", "netns", "exec", nsA.name(), "timeout", "60", "sh", "-c",
                "nc -N 198.18.0.2 5001 < " + src))
            {
                assertEquals(0, client.waitFor(70_000), "nc client: " + client.output());
            }
            assertEquals(0, server.waitFor(70_000), "nc server: " + server.output());
            final double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("e2e tcp: 50 MB in %.2f s (%.0f Mbit/s)%n", s, 52428800 * 8 / s / 1e6);
        }
        assertEquals(52428800L, Files.size(dst));
        final String a = Shell.ok("sha256sum", src.toString()).split(" ")[0];
        final String b = Shell.ok("sha256sum", dst.toString()).split(" ")[0];
        assertEquals(a, b, "sha256 of what arrived");
    }

    private static Proc tcpdump(final TestNetns ns, final String ifName, final String direction)
    {
        return new Proc("ip", "netns", "exec", ns.name(), "tcpdump", "--immediate-mode", "-i", ifName, "-p", "-n", "-q",
            "-l", "-Q", direction);
    }

    /** Packets tcpdump printed: its lines that start with a timestamp (HH:MM:SS.micros). */
    private static long packetLines(final String output)
    {
        long n = 0;
        for (final String line : output.split("\n"))
        {
            if (line.length() > 9 && Character.isDigit(line.charAt(0)) && line.charAt(2) == ':' && line.charAt(5) == ':')
            {
                n++;
            }
        }
        return n;
    }

    /** Waits until neither port's counters moved for 300 ms (bounded). */
    private void awaitQuiet()
    {
        long last = -1;
        long stableSince = System.nanoTime();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() - deadline < 0)
        {
            final EthStats a = p0.stats();
            final EthStats b = p1.stats();
            final long sum = a.ipackets + a.opackets + b.ipackets + b.opackets;
            if (sum != last)
            {
                last = sum;
                stableSince = System.nanoTime();
            }
            else if (System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(300))
            {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }
}
