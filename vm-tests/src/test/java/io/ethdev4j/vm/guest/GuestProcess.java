package io.ethdev4j.vm.guest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Processes a guest test starts and waits for (a child JVM, dmesg), bounded; and the guest kernel's log, read after a
 * marker line the test wrote, so that a case sees only what happened since it began.
 */
final class GuestProcess
{
    /** A JVM start costs several seconds under TCG; a child that runs longer than this is stuck. */
    static final long TIMEOUT_S = 120;

    /** How a process ended: exit status and its output (stdout and stderr merged). */
    record Result(int rc, String out)
    {
    }

    private GuestProcess()
    {
    }

    /** Starts {@code pb} with stdin closed and waits up to {@link #TIMEOUT_S}; fails (after killing it) beyond. */
    static Result run(final ProcessBuilder pb)
    {
        try
        {
            final Process p = pb.redirectErrorStream(true).start();
            p.getOutputStream().close(); // testpmd, should it start forwarding, stops at the end of its input
            final ByteArrayOutputStream buf = new ByteArrayOutputStream();
            final Thread reader = new Thread(() -> copy(p.getInputStream(), buf), "output of " + pb.command().get(0));
            reader.start();
            final boolean done = p.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
            if (!done)
            {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            final String out = buf.toString(StandardCharsets.UTF_8);
            assertTrue(done, String.join(" ", pb.command()) + " did not finish in " + TIMEOUT_S + " s:\n" + out);
            return new Result(p.exitValue(), out);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Runs {@code cmd} and returns its output; fails unless it exits 0. */
    static String runOk(final List<String> cmd)
    {
        final Result r = run(new ProcessBuilder(cmd));
        assertEquals(0, r.rc(), String.join(" ", cmd) + " failed:\n" + r.out());
        return r.out();
    }

    private static void copy(final InputStream in, final ByteArrayOutputStream out)
    {
        try (in)
        {
            in.transferTo(out);
        }
        catch (final IOException ignore)
        {
            // the process was killed
        }
    }

    /** Writes a unique line to the kernel log (as root) and returns it. */
    static String kmsgMark(final String what)
    {
        final String marker = "ethdev4j " + what + " " + System.nanoTime();
        try
        {
            Files.writeString(Path.of("/dev/kmsg"), marker + "\n");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return marker;
    }

    /** The kernel log from {@code marker} on ("" when the marker is not in it). */
    static String kmsgSince(final String marker)
    {
        final String log = runOk(List.of("dmesg"));
        final int at = log.lastIndexOf(marker);
        return at < 0 ? "" : log.substring(at);
    }

    /** The first kernel log line after {@code marker} containing {@code expected}; waits up to 10 s for it. */
    static String awaitKmsg(final String marker, final String expected)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String after;
        do
        {
            after = kmsgSince(marker);
            for (final String line : after.split("\n"))
            {
                if (line.contains(expected))
                {
                    return line;
                }
            }
        }
        while (System.nanoTime() - deadline < 0);
        return fail("no kernel log line containing '" + expected + "' within 10 s; the log since '" + marker +
            "':\n" + after);
    }
}
