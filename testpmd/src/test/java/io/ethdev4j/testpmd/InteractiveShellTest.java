package io.ethdev4j.testpmd;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real JLine shell in a tmux pty: prompt, tab completion, a command, quit. */
class InteractiveShellTest
{
    private static final String SESSION = "ethdev4j-testpmd-" + ProcessHandle.current().pid();

    static String sh(final String... cmd) throws IOException, InterruptedException
    {
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    static boolean hasTmux()
    {
        try
        {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        }
        catch (final IOException | InterruptedException ex)
        {
            return false;
        }
    }

    /** Polls the pane until it shows {@code text} (no sleeps for synchronisation beyond the poll interval). */
    static String awaitPane(final String text, final long timeoutMs) throws Exception
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        String pane = "";
        while (System.nanoTime() < deadline)
        {
            pane = sh("tmux", "capture-pane", "-p", "-t", SESSION, "-S", "-200");
            if (pane.contains(text))
            {
                return pane;
            }
            Thread.onSpinWait();
            new java.util.concurrent.CountDownLatch(1).await(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("pane never showed '" + text + "':\n" + pane);
    }

    @Test
    void shouldCompleteCommandsWithTabInARealTerminal() throws Exception
    {
        io.ethdev4j.testkit.Prerequisites.require(hasTmux(), "needs tmux (apt-get install tmux)");
        final String java = ProcessHandle.current().info().command().orElse("java");
        final String cmd = String.join(" ", java, "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED", "-cp", "'" + System.getProperty("java.class.path") + "'",
            TestPmd.class.getName(), "--no-huge", "-m", "256", "--no-pci", "--vdev", "net_null0", "--vdev", "net_null1",
            "-l", "0-1", "--", "--total-num-mbufs=4096", "-i");
        sh("tmux", "new-session", "-d", "-s", SESSION, "-x", "200", "-y", "50", cmd + "; sleep 30");
        try
        {
            awaitPane("testpmd>", 30_000);
            sh("tmux", "send-keys", "-t", SESSION, "sho", "Tab");
            awaitPane("testpmd> show", 10_000);
            sh("tmux", "send-keys", "-t", SESSION, "con", "Tab");
            awaitPane("testpmd> show config", 10_000);
            sh("tmux", "send-keys", "-t", SESSION, "cor", "Tab", "Enter");
            awaitPane("List of forwarding lcores:  1", 10_000);
            sh("tmux", "send-keys", "-t", SESSION, "sett fwd", "Enter");
            awaitPane("Command not found", 10_000);
            sh("tmux", "send-keys", "-t", SESSION, "quit", "Enter");
            final String pane = awaitPane("Bye...", 15_000);
            assertTrue(pane.contains("show config cores"), pane);
        }
        finally
        {
            sh("tmux", "kill-session", "-t", SESSION);
        }
    }
}
