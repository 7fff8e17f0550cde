package io.ethdev4j.testpmd;

import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Proc;
import io.ethdev4j.test.Shell;
import io.ethdev4j.test.TestNetns;
import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4's end to end, through testpmd: {@code --vdev net_kni0,netns=A --vdev net_kni1,netns=B} in io forwarding,
 * {@code kni0} = 198.18.0.1/24 in namespace A, {@code kni1} = 198.18.0.2/24 in namespace B. testpmd runs in-process,
 * driven through its interactive shell on a pipe, as a user would type. 200 pings from A all come back; {@code show
 * port stats} counts exactly the frames tcpdump sees on each interface; 50 MB over nc arrive byte-identical.
 * <p>
 * Needs root, /dev/net/tun, {@code ip netns}, ping, tcpdump, nc, sha256sum: skipped with the reason without them,
 * failed under {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KniTestPmdEndToEndTest
{
    private static final long STEP_TIMEOUT_MS = 10_000;
    private static final Pattern PORT_STATS = Pattern.compile(
        "NIC statistics for port (\\d+) +#+\\n  RX-packets: (\\d+) +RX-missed: (\\d+) +RX-bytes: +(\\d+)\\n" +
        "  RX-errors: (\\d+)\\n  RX-nombuf: +(\\d+) *\\n  TX-packets: (\\d+) +TX-errors: (\\d+) +TX-bytes: +(\\d+)");

    private TestNetns nsA;
    private TestNetns nsB;
    private Session testpmd;

    @BeforeAll
    void startTestPmd()
    {
        NetAdmin.require();
        Prerequisites.requireTun();
        for (final String c : new String[] {"ping", "tcpdump", "nc", "sha256sum", "ss", "timeout"})
        {
            Prerequisites.requireCommand(c);
        }
        nsA = new TestNetns();
        nsB = new TestNetns();
        for (final TestNetns ns : new TestNetns[] {nsA, nsB})
        {
            // no IPv6: no router solicitations or MLD reports racing with the counting
            ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
            ns.exec("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        }
        testpmd = new Session("--no-huge", "-m", "512", "-l", "0-1", "--kni-carrier=on",
            "--vdev", "net_kni0,netns=" + nsA.name(), "--vdev", "net_kni1,netns=" + nsB.name(), "--",
            "-i", "--total-num-mbufs=8192", "--forward-mode=io");
        testpmd.awaitOutput("testpmd> ", 0);
        final String started = testpmd.command("start", "io packet forwarding");
        assertTrue(started.contains("io packet forwarding"), started);

        nsA.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "kni0");
        nsB.exec("ip", "addr", "add", "198.18.0.2/24", "dev", "kni1");
        nsA.exec("ip", "link", "set", "kni0", "up");
        nsB.exec("ip", "link", "set", "kni1", "up");
        Await.until("kni0 and kni1 up with carrier", STEP_TIMEOUT_MS, () ->
            nsA.exec("ip", "-o", "link", "show", "kni0").contains("LOWER_UP") &&
            nsB.exec("ip", "-o", "link", "show", "kni1").contains("LOWER_UP"));
        Await.until("198.18.0.2 reachable from A through testpmd", STEP_TIMEOUT_MS,
            () -> nsA.tryExec("ping", "-c", "1", "-W", "1", "198.18.0.2").exit == 0);
    }

    @AfterAll
    void quitAndCleanUp()
    {
        try
        {
            if (testpmd != null)
            {
                final int rc = testpmd.quit();
                assertEquals(0, rc, "testpmd exit code; output:\n" + testpmd.output());
                assertTrue(testpmd.output().contains("Bye..."), testpmd.output());
                assertFalse(nsA.tryExec("ip", "link", "show", "kni0").exit == 0, "kni0 removed when testpmd quits");
                assertFalse(nsB.tryExec("ip", "link", "show", "kni1").exit == 0, "kni1 removed when testpmd quits");
            }
        }
        finally
        {
            if (nsA != null)
            {
                nsA.close();
            }
            if (nsB != null)
            {
                nsB.close();
            }
        }
    }

    @Test
    void shouldAnswerEveryPingAndCountExactlyWhatTcpdumpSees()
    {
        final Proc[] dumps = {
            tcpdump(nsA, "kni0", "in"), tcpdump(nsA, "kni0", "out"),
            tcpdump(nsB, "kni1", "in"), tcpdump(nsB, "kni1", "out")};
        try
        {
            for (final Proc d : dumps)
            {
                Await.until("tcpdump listening: " + d, STEP_TIMEOUT_MS, () -> d.outputContains("listening on"));
            }
            testpmd.command("clear port stats all", "NIC statistics for port 1 cleared");
            try (Proc ping = new Proc("ip", "netns", "exec", nsA.name(), "ping", "-n", "-q", "-c", "200", "-i", "0.01",
                "-W", "2", "198.18.0.2"))
            {
                assertEquals(0, ping.waitFor(30_000), ping.output());
                assertTrue(ping.output().contains("200 packets transmitted, 200 received"), ping.output());
            }
            final long[][] stats = awaitQuietStats();
            final long[] seen = new long[4];
            for (int i = 0; i < 4; i++)
            {
                final Proc d = dumps[i];
                d.terminate(STEP_TIMEOUT_MS);
                seen[i] = d.find("(\\d+) packets? captured");
                assertTrue(seen[i] >= 0, "tcpdump count of " + d + ": " + d.output());
            }
            final String shown = "port 0 rx/tx=" + stats[0][0] + "/" + stats[0][1] + ", port 1 rx/tx=" + stats[1][0] +
                "/" + stats[1][1] + "; tcpdump kni0 in/out=" + seen[0] + "/" + seen[1] + ", kni1 in/out=" + seen[2] +
                "/" + seen[3];
            // a port's TX-packets are the frames written into its interface (tcpdump -Q in);
            // its RX-packets are the frames the interface transmitted (tcpdump -Q out)
            assertEquals(seen[0], stats[0][1], "port 0 TX-packets vs tcpdump -Q in on kni0: " + shown);
            assertEquals(seen[1], stats[0][0], "port 0 RX-packets vs tcpdump -Q out on kni0: " + shown);
            assertEquals(seen[2], stats[1][1], "port 1 TX-packets vs tcpdump -Q in on kni1: " + shown);
            assertEquals(seen[3], stats[1][0], "port 1 RX-packets vs tcpdump -Q out on kni1: " + shown);
            assertTrue(stats[0][0] >= 200 && stats[1][0] >= 200, "200 requests and 200 replies: " + shown);
            assertEquals(0, stats[0][2] + stats[1][2], "RX-missed + TX-errors: " + shown);
            System.out.println("testpmd e2e ping: " + shown);
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
    void shouldCarryA50MegabyteTcpTransferByteIdentical() throws IOException
    {
        final Path src = Files.createTempFile("kni-testpmd-src", ".bin");
        final Path dst = Files.createTempFile("kni-testpmd-dst", ".bin");
        try
        {
            Shell.ok("sh", "-c", "head -c 52428800 /dev/urandom > " + src);
            try (Proc server = new Proc("ip", "netns", "exec", nsB.name(), "timeout", "40", "sh", "-c",
                "nc -l 198.18.0.2 5001 > " + dst))
            {
                Await.until("nc listening in B", STEP_TIMEOUT_MS,
                    () -> nsB.exec("ss", "-ltn").contains("198.18.0.2:5001"));
                final long t0 = System.nanoTime();
                try (Proc client = new Proc("ip", "netns", "exec", nsA.name(), "timeout", "40", "sh", "-c",
                    "nc -N 198.18.0.2 5001 < " + src))
                {
                    assertEquals(0, client.waitFor(45_000), "nc client: " + client.output());
                }
                assertEquals(0, server.waitFor(45_000), "nc server: " + server.output());
                final double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("testpmd e2e tcp: 50 MB in %.2f s (%.0f Mbit/s)%n", s, 52428800 * 8 / s / 1e6);
            }
            assertEquals(52428800L, Files.size(dst));
            final String a = Shell.ok("sha256sum", src.toString()).split(" ")[0];
            final String b = Shell.ok("sha256sum", dst.toString()).split(" ")[0];
            assertEquals(a, b, "sha256 of what arrived");
        }
        finally
        {
            Files.deleteIfExists(src);
            Files.deleteIfExists(dst);
        }
    }

    private static Proc tcpdump(final TestNetns ns, final String ifName, final String direction)
    {
        return new Proc("ip", "netns", "exec", ns.name(), "timeout", "60", "tcpdump", "--immediate-mode", "-i", ifName,
            "-p", "-n", "-Q", direction, "-w", "/dev/null");
    }

    /**
     * {@code show port stats all} until no counter moved for 300 ms (bounded): per port {RX-packets, TX-packets,
     * RX-missed + TX-errors}.
     */
    private long[][] awaitQuietStats()
    {
        long[][] last = null;
        long stableSince = System.nanoTime();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true)
        {
            final long[][] now = portStats();
            if (last == null || !java.util.Arrays.deepEquals(last, now))
            {
                last = now;
                stableSince = System.nanoTime();
            }
            else if (System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(300))
            {
                return now;
            }
            assertTrue(System.nanoTime() - deadline < 0, "port counters still moving after 5 s");
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private long[][] portStats()
    {
        final String out = testpmd.command("show port stats all", "NIC statistics for port 1 ", "Tx-pps:", "#####\n");
        final long[][] r = new long[2][];
        final Matcher m = PORT_STATS.matcher(out);
        while (m.find())
        {
            final int port = Integer.parseInt(m.group(1));
            r[port] = new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(7)),
                Long.parseLong(m.group(3)) + Long.parseLong(m.group(8))};
        }
        assertTrue(r[0] != null && r[1] != null, "show port stats all:\n" + out);
        return r;
    }

    /** testpmd in-process, its stdin a pipe written by the test, its stdout collected (also used by other tests). */
    static final class Session
    {
        private final PipedOutputStream stdin = new PipedOutputStream();
        private final StringBuilder out = new StringBuilder();
        private final Thread runner;
        private volatile int rc = Integer.MIN_VALUE;

        Session(final String... argv)
        {
            final PipedInputStream in;
            try
            {
                in = new PipedInputStream(stdin, 1 << 16);
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException(ex);
            }
            final OutputStream sink = new OutputStream()
            {
                @Override
                public void write(final int b)
                {
                    write(new byte[] {(byte)b}, 0, 1);
                }

                @Override
                public void write(final byte[] b, final int off, final int len)
                {
                    synchronized (out)
                    {
                        out.append(new String(b, off, len, StandardCharsets.UTF_8));
                    }
                }
            };
            final PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
            runner = new Thread(() -> rc = TestPmd.run(argv, in, ps, ps), "testpmd-under-test");
            runner.setDaemon(true);
            runner.start();
        }

        String output()
        {
            synchronized (out)
            {
                return out.toString();
            }
        }

        /** Waits until every marker appears, in order, after {@code from}; returns the output from there. */
        String awaitOutput(final String marker, final int from, final String... more)
        {
            Await.until("testpmd output '" + marker + "'", STEP_TIMEOUT_MS, () ->
            {
                if (!runner.isAlive())
                {
                    return true;
                }
                final String o = output();
                int at = o.indexOf(marker, from);
                for (int i = 0; at >= 0 && i < more.length; i++)
                {
                    at = o.indexOf(more[i], at);
                }
                return at >= 0;
            });
            final String o = output();
            assertTrue(runner.isAlive(), "testpmd exited (rc " + rc + "):\n" + o);
            return o.substring(Math.min(from, o.length()));
        }

        /** Types one command and waits for its output markers. */
        String command(final String line, final String marker, final String... more)
        {
            final int from = output().length();
            try
            {
                stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("testpmd stdin: " + ex, ex);
            }
            return awaitOutput(marker, from, more);
        }

        /** {@code quit}, then end of input; returns the exit code (bounded wait). */
        int quit()
        {
            try
            {
                if (runner.isAlive())
                {
                    stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
                    stdin.flush();
                }
                stdin.close();
            }
            catch (final IOException ignore)
            {
                // testpmd already gone
            }
            try
            {
                runner.join(20_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            return runner.isAlive() ? Integer.MIN_VALUE + 1 : rc;
        }
    }
}
