package io.ethdev4j.testpmd;

import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Proc;
import io.ethdev4j.test.TestNetns;
import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ixgbe ⟷ KNI end to end through testpmd (in-process, io forwarding, four ports):
 * <pre>
 *   netns A: kni0 198.18.0.1/24 ── port 0 (net_kni0) ┐ io ┌ port 1 (net_ixgbe_sim0) ═╗ 82599 model wire
 *   netns B: kni1 198.18.0.2/24 ── port 3 (net_kni1) ┘ io └ port 2 (net_ixgbe_sim1) ═╝ (strict mode)
 * </pre>
 * A ping from A crosses KNI, the ixgbe PMD's tx, the two cabled 82599 models (destination filter, queue, rx
 * write-back) and the ixgbe PMD's rx, both ways. 50 pings all come back; the ixgbe ports' counters (from the model's
 * clear-on-read registers) agree: what port 1 sent port 2 received and the reverse. Needs root, /dev/net/tun, ip
 * netns and ping: skipped with the reason without them, failed under CI=true.
 */
class IxgbeKniTestPmdEndToEndTest
{
    private static final long STEP_TIMEOUT_MS = 10_000;
    private static final Pattern PORT_STATS = Pattern.compile(
        "NIC statistics for port (\\d+) +#+\\n  RX-packets: (\\d+) +RX-missed: (\\d+) +RX-bytes: +(\\d+)\\n" +
        "  RX-errors: (\\d+)\\n  RX-nombuf: +(\\d+) *\\n  TX-packets: (\\d+) +TX-errors: (\\d+) +TX-bytes: +(\\d+)");

    @Test
    void shouldPingFromKniAToKniBThroughTwoCabledIxgbePorts()
    {
        NetAdmin.require();
        Prerequisites.requireTun();
        Prerequisites.requireCommand("ping");
        try (TestNetns nsA = new TestNetns(); TestNetns nsB = new TestNetns())
        {
            for (final TestNetns ns : new TestNetns[] {nsA, nsB})
            {
                ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
                ns.exec("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
            }
            final String cable = "ixkni" + ProcessHandle.current().pid();
            final KniTestPmdEndToEndTest.Session testpmd = new KniTestPmdEndToEndTest.Session("--no-huge", "-m",
                "512", "-l", "0-1", "--kni-carrier=on", "--vdev", "net_kni0,netns=" + nsA.name(),
                "--vdev", "net_ixgbe_sim0,mode=wire,wire=" + cable, "--vdev", "net_ixgbe_sim1,mode=wire,wire=" + cable,
                "--vdev", "net_kni1,netns=" + nsB.name(), "--", "-i", "--total-num-mbufs=8192", "--forward-mode=io");
            try
            {
                testpmd.awaitOutput("testpmd> ", 0);
                testpmd.command("start", "io packet forwarding");
                nsA.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "kni0");
                nsB.exec("ip", "addr", "add", "198.18.0.2/24", "dev", "kni1");
                nsA.exec("ip", "link", "set", "kni0", "up");
                nsB.exec("ip", "link", "set", "kni1", "up");
                Await.until("kni0 and kni1 up with carrier", STEP_TIMEOUT_MS, () ->
                    nsA.exec("ip", "-o", "link", "show", "kni0").contains("LOWER_UP") &&
                    nsB.exec("ip", "-o", "link", "show", "kni1").contains("LOWER_UP"));
                try (Proc ping = new Proc("ip", "netns", "exec", nsA.name(), "ping", "-n", "-q", "-c", "50", "-i",
                    "0.02", "-W", "2", "198.18.0.2"))
                {
                    assertEquals(0, ping.waitFor(30_000), ping.output());
                    assertTrue(ping.output().contains("50 packets transmitted, 50 received"), ping.output());
                }
                testpmd.command("stop", "Done.");
                final String out = testpmd.command("show port stats all", "NIC statistics for port 3 ", "Tx-pps:",
                    "#####\n");
                final long[][] st = new long[4][];
                final Matcher m = PORT_STATS.matcher(out);
                while (m.find())
                {
                    st[Integer.parseInt(m.group(1))] = new long[] {Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(7)), Long.parseLong(m.group(3)) + Long.parseLong(m.group(8))};
                }
                assertNotNull(st[1], out);
                assertNotNull(st[2], out);
                final String shown = "ixgbe port 1 rx/tx=" + st[1][0] + "/" + st[1][1] + ", port 2 rx/tx=" + st[2][0] +
                    "/" + st[2][1];
                assertTrue(st[1][1] >= 50 && st[2][1] >= 50, "50 requests and 50 replies crossed the models: " +
                    shown);
                assertEquals(st[1][1], st[2][0], "what port 1 sent port 2 received: " + shown);
                assertEquals(st[2][1], st[1][0], "what port 2 sent port 1 received: " + shown);
                assertEquals(0, st[1][2] + st[2][2], "RX-missed + TX-errors: " + shown);
                System.out.println("ixgbe <-> KNI e2e ping: " + shown);
            }
            finally
            {
                assertEquals(0, testpmd.quit(), "testpmd exit code; output:\n" + testpmd.output());
            }
        }
    }
}
