package io.ethdev4j.testpmd.knid;

import io.ethdev4j.kni.daemon.server.KnidConfig;
import io.ethdev4j.kni.daemon.server.KnidServer;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Shell;
import io.ethdev4j.test.TestNetns;
import io.ethdev4j.testkit.Prerequisites;
import io.ethdev4j.testpmd.TestPmd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 end to end: testpmd run as an unprivileged user (made by the test; no capabilities at all) with two
 * {@code net_kni} ports through knid ({@code --kni-daemon=SOCKET}), the interfaces in two namespaces, io forwarding.
 * {@code ip link set ... up} and {@code mtu} become requests the unprivileged testpmd answers; pings go from A to B
 * through it; a user knid does not allow is refused with EACCES; SIGKILL of testpmd makes knid remove its interfaces
 * within a second.
 * <p>
 * knid runs in the test's JVM (root). Needs root, /dev/net/tun, ip netns, useradd/userdel, setpriv, ping: skipped
 * with the reason without them, failed under {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnidUnprivilegedTestPmdTest
{
    private static final long STEP_MS = 15_000;

    private TestUser user;
    private KnidServer knid;
    private TestNetns nsA;
    private TestNetns nsB;
    private AppProcess testpmd;
    private String ifA;
    private String ifB;
    private String socket;

    @BeforeAll
    void start()
    {
        NetAdmin.require();
        Prerequisites.requireTun();
        TestUser.require();
        Prerequisites.requireCommand("ping");
        user = new TestUser();
        socket = user.dir().resolve("knid.sock").toString();
        // --busy-poll=0 --rt-priority=0: a KNI thread sleeps as soon as it is idle, so the pings' forwarded requests
        // and replies find it asleep and the unprivileged testpmd must ring it (busy polling, or rt_priority's wait
        // for the application, would catch them without a ring)
        knid = new KnidServer(KnidConfig.parse("--socket=" + socket, "--allow-user=" + user.name(), "--carrier=on",
            "--busy-poll=0", "--rt-priority=0"));
        nsA = new TestNetns();
        nsB = new TestNetns();
        for (final TestNetns ns : new TestNetns[] {nsA, nsB})
        {
            ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
            ns.exec("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        }
        final long id = ProcessHandle.current().pid() % 100_000;
        ifA = "knid" + id + "a";
        ifB = "knid" + id + "b";
        testpmd = new AppProcess("testpmd as " + user.name(), user.javaAsUser(TestPmd.class.getName(),
            "--no-huge", "-m", "256", "--file-prefix=kd15u" + id, "--kni-daemon=" + socket,
            "--vdev", "net_" + ifA + ",netns=" + nsA.name(), "--vdev", "net_" + ifB + ",netns=" + nsB.name(),
            "--", "-i", "--total-num-mbufs=4096", "--forward-mode=io"));
        testpmd.awaitOutput("testpmd> ", 0, 60_000);
        testpmd.command("start", "io packet forwarding", STEP_MS);
    }

    @AfterAll
    void stop()
    {
        try
        {
            if (testpmd != null)
            {
                testpmd.close();
            }
            if (knid != null)
            {
                knid.close();
            }
        }
        finally
        {
            for (final AutoCloseable c : new AutoCloseable[] {nsA, nsB, user})
            {
                try
                {
                    if (c != null)
                    {
                        c.close();
                    }
                }
                catch (final Exception ignore)
                {
                    // best effort: the rest still goes
                }
            }
        }
    }

    @Test
    @Order(1)
    void shouldRunTestPmdWithoutAnyCapability() throws Exception
    {
        final String status = Files.readString(Path.of("/proc/" + testpmd.pid() + "/status"));
        // setpriv execs env, which execs java: the pid is the JVM's
        assertTrue(status.contains("\nUid:\t" + user.uid() + "\t" + user.uid()), status);
        assertTrue(status.contains("\nCapEff:\t0000000000000000"), status);
        assertTrue(status.contains("\nCapPrm:\t0000000000000000"), status);
        assertEquals(1, knid.clients());
        assertEquals(2, knid.interfaces());
    }

    @Test
    @Order(2)
    void shouldForwardPingsAndAnswerIpLinkSetFromTheUnprivilegedApplication()
    {
        nsA.exec("ip", "addr", "add", "198.18.15.1/24", "dev", ifA);
        nsB.exec("ip", "addr", "add", "198.18.15.2/24", "dev", ifB);
        // each is a CONFIG_NETWORK_IF request answered by testpmd's callback (as the user), else reverted after 3 s
        nsA.exec("ip", "link", "set", ifA, "up");
        nsB.exec("ip", "link", "set", ifB, "up");
        Await.until(ifA + " and " + ifB + " up with carrier", STEP_MS, () ->
            nsA.exec("ip", "-o", "link", "show", ifA).contains("LOWER_UP") &&
            nsB.exec("ip", "-o", "link", "show", ifB).contains("LOWER_UP"));
        Await.until("198.18.15.2 reachable from A through testpmd", STEP_MS,
            () -> nsA.tryExec("ping", "-c", "1", "-W", "1", "198.18.15.2").exit == 0);
        final Shell.Result ping = nsA.tryExec("ping", "-n", "-q", "-c", "50", "-i", "0.01", "-W", "2", "198.18.15.2");
        assertEquals(0, ping.exit, ping.output);
        assertTrue(ping.output.contains("50 packets transmitted, 50 received"), ping.output);
        // the doorbell through knid: knid handed the KNI threads' eventfds to the unprivileged testpmd, whose
        // transmit path rang them (a ping every 10 ms; knid runs without busy polling)
        final String xstats = testpmd.command("show port xstats 1", "kni_doorbell_rings", STEP_MS);
        assertTrue(xstats.matches("(?s).*kni_doorbell_rings: [1-9].*"), xstats);

        // MTU: ip returns at once; knid then sends CHANGE_MTU, which testpmd (as the user) answers. An unanswered or
        // refused request is reverted after 3 s (KNI's timeout); the port taking MTU 1400 means testpmd said yes.
        nsA.exec("ip", "link", "set", ifA, "mtu", "1400");
        Await.until("testpmd's port 0 at MTU 1400", STEP_MS,
            () -> testpmd.command("show port info 0", "MTU: ", STEP_MS).contains("MTU: 1400\n"));
        assertTrue(nsA.exec("ip", "-o", "link", "show", ifA).contains("mtu 1400"),
            nsA.exec("ip", "-o", "link", "show", ifA));
        // above what the mbufs hold: refused by knid's kernel side and reverted, as in-process
        nsA.exec("ip", "link", "set", ifA, "mtu", "3000");
        Await.until(ifA + " back at MTU 1400", STEP_MS,
            () -> nsA.exec("ip", "-o", "link", "show", ifA).contains("mtu 1400"));
        final String stats = testpmd.command("show port stats 0", "Tx-bps", STEP_MS);
        assertTrue(stats.matches("(?s).*RX-packets: [1-9].*"), stats);
    }

    @Test
    @Order(3)
    void shouldRefuseAUserKnidDoesNotAllow()
    {
        final String other = user.dir().resolve("knid-other.sock").toString();
        try (KnidServer strict = new KnidServer(KnidConfig.parse("--socket=" + other));
             AppProcess refused = new AppProcess("refused testpmd", user.javaAsUser(TestPmd.class.getName(),
                 "--no-huge", "-m", "128", "--no-shconf", "--no-telemetry", "--kni-daemon=" + other,
                 "--vdev", "net_knid" + ProcessHandle.current().pid() % 100_000 + "r", "--",
                 "--total-num-mbufs=1024")))
        {
            assertTrue(refused.waitFor(60_000) != 0, refused.output());
            assertTrue(refused.output().contains("EACCES") && refused.output().contains("not allowed"),
                refused.output());
            assertEquals(0, strict.interfaces());
        }
    }

    @Test
    @Order(4)
    void shouldRemoveTheInterfacesWithinASecondOfSigkill()
    {
        testpmd.kill();
        final long t0 = System.nanoTime();
        Await.until("knid released the killed client's interfaces", 1_000, () -> knid.interfaces() == 0 &&
            knid.clients() == 0);
        final long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(nsA.tryExec("ip", "link", "show", ifA).exit != 0, ifA + " removed");
        assertTrue(nsB.tryExec("ip", "link", "show", ifB).exit != 0, ifB + " removed");
        System.out.println("knid: interfaces of the SIGKILLed client removed " + ms + " ms after its death");
    }
}
