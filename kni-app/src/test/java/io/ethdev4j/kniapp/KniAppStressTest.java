package io.ethdev4j.kniapp;

import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Proc;
import io.ethdev4j.test.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The test plan's stress loop: the application started {@value #STARTS} times with every combination of the kernel
 * side's lo_mode and kthread_mode, wrong values included. A right combination starts (two KNIs, vEth0_0 and vEth0_1,
 * on kthread lcores 0 and 1) and exits cleanly with nothing left behind (no interface, no KNI thread); a wrong one is
 * refused with an error naming the option. {@value #PROCESS_STARTS} of the starts are real processes (what the
 * launcher runs: a JVM each, ~3 s, with real SIGUSR1/SIGUSR2/SIGTERM); the rest run in-process (~0.3 s each), so the
 * loop stays well under a minute.
 */
class KniAppStressTest
{
    static final int STARTS = 50;
    static final int PROCESS_STARTS = 2;
    private static final String[] LO_MODES = {"lo_mode_none", "lo_mode_fifo", "lo_mode_fifo_skb", "lo_mode_bogus"};
    private static final String[] KTHREAD_MODES = {"single", "multiple", "triple"};
    private static final String[] APP = {"-p", "0x1", "--config=(0,0,1,0,1)"};

    private KniAppFixture f;

    @AfterEach
    void tearDown()
    {
        if (f != null)
        {
            f.close();
        }
    }

    @Test
    void shouldStartAndStopCleanlyWithEveryLoModeAndKthreadMode()
    {
        NetAdmin.require();
        f = new KniAppFixture(false);
        int starts = 0;
        int refused = 0;
        final long t0 = System.nanoTime();
        while (starts < STARTS - PROCESS_STARTS)
        {
            for (int l = 0; l < LO_MODES.length && starts < STARTS - PROCESS_STARTS; l++)
            {
                for (int k = 0; k < KTHREAD_MODES.length && starts < STARTS - PROCESS_STARTS; k++)
                {
                    starts++;
                    final String lo = "--kni-lo-mode=" + LO_MODES[l];
                    final String kt = "--kni-kthread-mode=" + KTHREAD_MODES[k];
                    final boolean right = l < 3 && k < 2;
                    final KniAppFixture run = f.next();
                    final KniApp app = run.start(KniAppFixture.argvRingPair(new String[] {lo, kt}, APP));
                    if (right)
                    {
                        assertNotNull(app, lo + " " + kt + " must start: " + run.printed());
                        assertTrue(run.dut.exec("ip", "-o", "link").contains("vEth0_1"), "two KNIs");
                        app.stop();
                        assertEquals(0, run.awaitExit(), lo + " " + kt + ": " + run.printed());
                    }
                    else
                    {
                        assertNull(app, lo + " " + kt + " must be refused");
                        assertEquals(1, run.awaitExit());
                        final String wrong = l == 3 ? "lo_mode=" + LO_MODES[l] : "kthread_mode=" + KTHREAD_MODES[k];
                        assertTrue(run.printed().contains("Cause: Could not initialise KNI: ") &&
                            run.printed().contains(wrong), "the refusal names " + wrong + ": " + run.printed());
                        refused++;
                    }
                    assertNothingLeft(run.dut, lo + " " + kt);
                }
            }
        }
        System.out.printf("%d in-process starts (%d refused) in %.1f s%n", starts, refused,
            (System.nanoTime() - t0) / 1e9);
        assertEquals(STARTS - PROCESS_STARTS, starts);
    }

    /** Real processes, as tools/kni runs them: SIGUSR1, SIGUSR2 and SIGTERM, and a wrong value refused. */
    @Test
    void shouldAnswerRealSignalsAndRefuseAWrongModeAsAProcess()
    {
        NetAdmin.require();
        final TestNetns dut = new TestNetns();
        try
        {
            try (Proc p = kniProcess(dut, "--kni-lo-mode=lo_mode_fifo", "--kni-kthread-mode=multiple"))
            {
                Await.until("KNI Running: " + p.output(), 60_000, () -> p.outputContains("APP: Lcore 1 is writing"));
                final long pid = p.find("kill -SIGUSR1 (\\d+)");
                assertTrue(pid > 0, p.output());
                signal("USR1", pid);
                Await.until("statistics printed", 10_000, () -> p.outputContains("**KNI example application statistics**"));
                signal("USR2", pid);
                Await.until("statistics reset", 10_000, () -> p.outputContains("** Statistics have been reset **"));
                signal("TERM", pid);
                assertEquals(0, p.waitFor(30_000), p.output());
                assertTrue(p.outputContains("SIGRTMIN/SIGINT/SIGTERM received. KNI processing stopping."));
            }
            assertNothingLeft(dut, "process");
            try (Proc p = kniProcess(dut, "--kni-kthread-mode=triple"))
            {
                assertEquals(1, p.waitFor(60_000), p.output());
                assertTrue(p.outputContains("Cause: Could not initialise KNI: ") &&
                    p.outputContains("kthread_mode=triple: EINVAL"), p.output());
            }
            assertNothingLeft(dut, "refused process");
        }
        finally
        {
            dut.close();
        }
    }

    /** {@code ip netns exec DUT java ... KniApp} with this JVM's class path and module flags. */
    private static Proc kniProcess(final TestNetns dut, final String... kniOptions)
    {
        final List<String> cmd = new ArrayList<>(Arrays.asList("ip", "netns", "exec", dut.name(),
            System.getProperty("java.home") + File.separator + "bin" + File.separator + "java"));
        for (final String a : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (a.startsWith("--add-exports") || a.startsWith("--enable-native-access"))
            {
                cmd.add(a);
            }
        }
        cmd.addAll(Arrays.asList("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
            System.getProperty("java.class.path"), KniApp.class.getName()));
        cmd.addAll(Arrays.asList(KniAppFixture.argvRingPair(kniOptions, APP)));
        return new Proc(cmd.toArray(new String[0]));
    }

    private static void signal(final String sig, final long pid)
    {
        assertEquals(0, io.ethdev4j.test.Shell.run("kill", "-" + sig, Long.toString(pid)).exit);
    }

    /** No interface but lo in the namespace, no KNI thread alive in this JVM. */
    private static void assertNothingLeft(final TestNetns dut, final String what)
    {
        Await.until("nothing left after " + what, 10_000, () ->
            dut.exec("ip", "-o", "link").trim().split("\n").length == 1 && Thread.getAllStackTraces().keySet()
                .stream().noneMatch(t -> t.isAlive() && t.getName().startsWith("kni_")));
    }
}
