package io.ethdev4j.testpmd.knid;

import io.ethdev4j.kni.daemon.server.KnidMain;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestNetns;
import io.ethdev4j.testkit.Prerequisites;
import io.ethdev4j.testpmd.TestPmd;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * knid dies under an unprivileged testpmd and comes back: the port goes link-down with an error naming knid, testpmd
 * goes on answering its shell, and once knid listens again testpmd reconnects by itself and recreates its interface
 * (carrier on, answering {@code ip link set} again). knid is a process of its own here (root), killed with SIGKILL.
 * <p>
 * Needs root, /dev/net/tun, ip netns, useradd/userdel, setpriv: skipped with the reason without them, failed under
 * {@code CI=true}.
 */
class KnidRestartTest
{
    private static final long STEP_MS = 15_000;

    @Test
    void shouldGoLinkDownWhenKnidDiesAndRecreateTheInterfaceWhenItReturns()
    {
        NetAdmin.require();
        Prerequisites.requireTun();
        TestUser.require();
        final long id = ProcessHandle.current().pid() % 100_000;
        final String ifName = "knid" + id + "r";
        try (TestUser user = new TestUser(); TestNetns ns = new TestNetns())
        {
            final String socket = user.dir().resolve("knid.sock").toString();
            final String classPath = System.getProperty("java.class.path");
            final String[] knidArgs = {"--socket=" + socket, "--allow-user=" + user.name(), "--carrier=on"};
            AppProcess knid = new AppProcess("knid", TestUser.java(classPath, KnidMain.class.getName(), knidArgs));
            knid.awaitOutput("ready on", 0, 60_000);
            try (AppProcess testpmd = new AppProcess("testpmd as " + user.name(),
                user.javaAsUser(TestPmd.class.getName(), "--no-huge", "-m", "256", "--file-prefix=kd15r" + id,
                    "--kni-daemon=" + socket, "--vdev", "net_" + ifName + ",netns=" + ns.name(), "--", "-i",
                    "--total-num-mbufs=2048")))
            {
                testpmd.awaitOutput("testpmd> ", 0, 60_000);
                ns.exec("ip", "link", "set", ifName, "up");
                Await.until(ifName + " up with carrier", STEP_MS,
                    () -> ns.exec("ip", "-o", "link", "show", ifName).contains("LOWER_UP"));
                assertTrue(testpmd.command("show port info 0", "Link status", STEP_MS).contains("Link status: up"));

                knid.kill();
                testpmd.awaitOutput("is gone", 0, STEP_MS);
                assertTrue(testpmd.output().contains("knid at " + socket + " is gone"), testpmd.output());
                Await.until(ifName + " gone with knid", STEP_MS,
                    () -> ns.tryExec("ip", "link", "show", ifName).exit != 0);
                final String down = testpmd.command("show port info 0", "Link status", STEP_MS);
                assertTrue(down.contains("Link status: down"), down);
                // bursts move nothing while knid is gone: txonly forwarding sends no packet out of the port
                testpmd.command("set fwd txonly", "Set txonly packet forwarding mode", STEP_MS);
                testpmd.command("clear port stats 0", "cleared", STEP_MS);
                testpmd.command("start", "txonly packet forwarding", STEP_MS);
                Await.until("a second of txonly forwarding", STEP_MS, new java.util.function.BooleanSupplier()
                {
                    private final long until = System.nanoTime() + 1_000_000_000L;

                    @Override
                    public boolean getAsBoolean()
                    {
                        return System.nanoTime() > until;
                    }
                });
                final String stopped = testpmd.command("stop", "Done.", STEP_MS);
                assertTrue(stopped.matches("(?s).*TX-packets: 0 .*"), stopped);
                final String stats = testpmd.command("show port stats 0", "Tx-bps", STEP_MS);
                assertTrue(stats.matches("(?s).*TX-packets: 0 .*"), stats);

                knid = new AppProcess("knid again", TestUser.java(classPath, KnidMain.class.getName(), knidArgs));
                knid.awaitOutput("ready on", 0, 60_000);
                testpmd.awaitOutput("is back", 0, STEP_MS);
                // a new interface, as after reloading rte_kni.ko: down and without addresses until configured again;
                // its MAC, MTU and carrier are what testpmd had set
                Await.until(ifName + " recreated", STEP_MS, () -> ns.tryExec("ip", "link", "show", ifName).exit == 0);
                final String up = testpmd.command("show port info 0", "Link status", STEP_MS);
                assertTrue(up.contains("Link status: up"), up);
                // the recreated interface's requests reach testpmd
                ns.exec("ip", "link", "set", ifName, "up");
                Await.until(ifName + " up again with carrier", STEP_MS,
                    () -> ns.exec("ip", "-o", "link", "show", ifName).contains("LOWER_UP"));

                testpmd.type("quit");
                assertEquals(0, testpmd.waitFor(STEP_MS), testpmd.output());
                Await.until(ifName + " released at quit", STEP_MS,
                    () -> ns.tryExec("ip", "link", "show", ifName).exit != 0);
            }
            finally
            {
                knid.close();
            }
        }
    }
}
