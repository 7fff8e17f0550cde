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
 * Processes a guest test starts and waits for (a child JVM, dmesg), bounded.
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
}
