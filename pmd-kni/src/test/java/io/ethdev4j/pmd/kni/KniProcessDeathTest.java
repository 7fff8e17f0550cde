package io.ethdev4j.pmd.kni;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Proc;
import io.ethdev4j.test.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Faults: the application dies by SIGKILL (no close, no shutdown hook) → its KNI interfaces disappear, as they did
 * when a process holding /dev/kni died. Here the kernel closes the dead process's TAP fds and tun removes the
 * non-persistent netdevs. The application is a child JVM ({@link Child}) with two net_kni ports, traffic flowing.
 */
class KniProcessDeathTest
{
    /** How long the interfaces may outlive the killed process. */
    private static final long GONE_WITHIN_MS = 5_000;

    private TestNetns ns;
    private Proc child;

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
            if (child != null)
            {
                child.close();
            }
        }
        finally
        {
            ns.close();
        }
    }

    @Test
    void shouldRemoveTheInterfacesOfAnApplicationKilledWithSigkill()
    {
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-exports");
        cmd.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Child.class.getName());
        cmd.add(ns.name());
        child = new Proc(cmd.toArray(new String[0]));
        Await.until("child JVM with kni0 and kni1 up: " + child, 30_000,
            () -> child.outputContains("READY") || !child.isAlive());
        assertTrue(child.isAlive(), "child died: " + child.output());
        ns.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "kni0");
        ns.exec("ip", "link", "set", "kni0", "up");
        ns.exec("ip", "link", "set", "kni1", "up");
        Await.until("kni0 and kni1 up (answered by the child's request thread)", 5_000,
            () -> ns.exec("ip", "-o", "link", "show", "kni0").contains(",UP") &&
                ns.exec("ip", "-o", "link", "show", "kni1").contains(",UP"));
        // traffic into the application while it dies: kni0 → child (io-forwarded to kni1)
        ns.exec("ip", "neigh", "replace", "198.18.0.9", "lladdr", "02:00:00:00:00:99", "dev", "kni0");
        try (Proc flood = new Proc("ip", "netns", "exec", ns.name(), "timeout", "10", "ping", "-q", "-i", "0.002",
            "-c", "2000", "198.18.0.9"))
        {
            Await.until("frames flowing through the child", 5_000, () -> rxPackets("kni1") > 0 || !child.isAlive());

            final long t0 = System.nanoTime();
            final long pid = child.pid();
            assertEquals(0, io.ethdev4j.test.Shell.run("kill", "-KILL", Long.toString(pid)).exit);
            Await.until("kni0 and kni1 removed after kill -9 of pid " + pid, GONE_WITHIN_MS,
                () -> ns.tryExec("ip", "link", "show", "kni0").exit != 0 && ns.tryExec("ip", "link", "show", "kni1").exit != 0);
            System.out.printf("interfaces gone %.0f ms after SIGKILL%n", (System.nanoTime() - t0) / 1e6);
            assertEquals(128 + 9, child.waitFor(5_000), "killed by SIGKILL");
        }
    }

    private long rxPackets(final String ifName)
    {
        final io.ethdev4j.test.Shell.Result r = ns.tryExec("cat", "/sys/class/net/" + ifName + "/statistics/rx_packets");
        return r.exit == 0 ? Long.parseLong(r.output.trim()) : -1;
    }

    /** The application: two net_kni ports in namespace args[0], io-forwarding 0 ↔ 1; exits by itself after 60 s. */
    public static final class Child
    {
        public static void main(final String[] args)
        {
            final Eal eal = Eal.init("--no-huge", "-m", "256", "--kni-carrier=on", "--vdev", "net_kni0,netns=" + args[0],
                "--vdev", "net_kni1,netns=" + args[0]);
            final MbufPool pool = eal.createPktmbufPool("child_pool", 4096, 0, 0, 2176);
            final EthDev p0 = eal.port(0);
            final EthDev p1 = eal.port(1);
            for (final EthDev p : new EthDev[] {p0, p1})
            {
                p.configure(1, 1, null);
                p.rxQueueSetup(0, 0, pool, null);
                p.txQueueSetup(0, 0, null);
                p.start();
            }
            System.out.println("READY");
            System.out.flush();
            final Mbuf[] burst = new Mbuf[32];
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() - deadline < 0)
            {
                for (int dir = 0; dir < 2; dir++)
                {
                    final int n = (dir == 0 ? p0 : p1).rxBurst(0, burst, 0, burst.length);
                    final int sent = n == 0 ? 0 : (dir == 0 ? p1 : p0).txBurst(0, burst, 0, n);
                    if (sent < n)
                    {
                        Mbuf.freeBulk(burst, sent, n - sent);
                    }
                }
                LockSupport.parkNanos(20_000);
            }
            eal.close();
        }
    }
}
