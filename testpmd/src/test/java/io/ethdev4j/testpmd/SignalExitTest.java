package io.ethdev4j.testpmd;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 defect: SIGINT/SIGTERM in {@code -i} mode with stdin a pipe (left open) stop forwarding, print the
 * statistics and release every port as {@code quit} does; the exit status is 128 + the signal, as DPDK's re-raised
 * signal gives.
 */
class SignalExitTest
{
    /** A testpmd process whose stdout and stderr are collected as they come. */
    static final class Child
    {
        final Process process;
        final StringBuffer out = new StringBuffer();
        final StringBuffer err = new StringBuffer();

        Child(final String... appArgs) throws IOException
        {
            final String java = ProcessHandle.current().info().command().orElse("java");
            final List<String> cmd = new ArrayList<>(List.of(java, "--add-exports",
                "java.base/jdk.internal.misc=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), TestPmd.class.getName()));
            cmd.addAll(List.of(Sessions.EAL));
            cmd.addAll(List.of(appArgs));
            process = new ProcessBuilder(cmd).start();
            pump(process.getInputStream(), out);
            pump(process.getErrorStream(), err);
        }

        private static void pump(final InputStream in, final StringBuffer to)
        {
            final Thread t = new Thread(() ->
            {
                final byte[] b = new byte[4096];
                try
                {
                    for (int n = in.read(b); n >= 0; n = in.read(b))
                    {
                        to.append(new String(b, 0, n, StandardCharsets.UTF_8));
                    }
                }
                catch (final IOException ignore)
                {
                    // process ended
                }
            });
            t.setDaemon(true);
            t.start();
        }

        void send(final String line) throws IOException
        {
            final OutputStream o = process.getOutputStream();
            o.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            o.flush();
        }

        void await(final StringBuffer b, final String text) throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (b.indexOf(text) < 0)
            {
                assertTrue(System.nanoTime() < deadline, "never saw '" + text + "':\n" + out + "\n--- stderr\n" + err);
                assertTrue(process.isAlive() || b.indexOf(text) >= 0, "exited before '" + text + "':\n" + out + err);
                TimeUnit.MILLISECONDS.sleep(20); // polling interval, not synchronisation
            }
        }

        int exit() throws InterruptedException
        {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running after the signal:\n" + out + err);
            return process.exitValue();
        }
    }

    private static void signal(final Child c, final String sig) throws IOException, InterruptedException
    {
        assertEquals(0, new ProcessBuilder("kill", "-" + sig, Long.toString(c.process.pid())).start().waitFor());
    }

    private static void assertCleanExit(final Child c, final int signum, final int rc)
    {
        final String out = c.out.toString();
        assertEquals(128 + signum, rc, out + c.err);
        assertTrue(c.err.toString().contains("\nSignal " + signum + " received, preparing to exit...\n"), c.err.toString());
        assertTrue(out.contains("Telling cores to stop...\nWaiting for lcores to finish...\n"), out);
        assertTrue(out.contains("Accumulated forward statistics for all ports"), out);
        assertTrue(out.contains("Port 0 is closed\n") && out.contains("Port 1 is closed\n"), out);
        assertTrue(out.endsWith("\nBye...\n"), out);
    }

    @Test
    void shouldStopForwardingAndReleasePortsOnSigintWithPipedStdin() throws Exception
    {
        final Child c = new Child("--total-num-mbufs=4096", "-i");
        c.await(c.out, "testpmd> ");
        c.send("start");
        c.await(c.out, "Logical Core 1 (socket 0) forwards packets on 2 streams");
        signal(c, "INT");
        assertCleanExit(c, 2, c.exit());
    }

    @Test
    void shouldStopForwardingAndReleasePortsOnSigtermWithPipedStdin() throws Exception
    {
        final Child c = new Child("--total-num-mbufs=4096", "-i", "-a");
        c.await(c.out, "testpmd> ");
        signal(c, "TERM");
        assertCleanExit(c, 15, c.exit());
    }

    @Test
    void shouldStopOnSigintWithoutInteractiveShell() throws Exception
    {
        final Child c = new Child("--total-num-mbufs=4096");
        c.await(c.out, "Press enter to exit");
        signal(c, "INT");
        assertCleanExit(c, 2, c.exit());
    }
}
