package io.ethdev4j.pmd.kni;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.Netns;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The {@code script=} devarg of net_kni (beyond DPDK, as QEMU's {@code -netdev tap,script=}): an executable run once the
 * port's interface exists (at its first start), with the interface name as its only argument, inside the interface's
 * namespace ({@code netns=}) when one is given. It configures the fresh interface before the port carries traffic
 * ({@code ip link set "$1" up}, addresses, tc); the start waits for it and fails when it exits non-zero or runs
 * longer than {@link #TIMEOUT_S} seconds.
 */
final class KniIfScript
{
    /** How long a start waits for the script. */
    static final long TIMEOUT_S = 10;
    /** The most output of a failed script a start's error quotes. */
    private static final int QUOTED_OUTPUT = 1000;

    private final String path;

    private KniIfScript(final String path)
    {
        this.path = path;
    }

    /** Checks at probe that {@code path} is an executable regular file; null for no script. */
    static KniIfScript of(final String op, final String path)
    {
        if (path == null)
        {
            return null;
        }
        final File f = new File(path);
        if (path.isEmpty() || !f.isFile() || !f.canExecute())
        {
            throw EthDevException.of(Errno.EINVAL, op, "script='" + path + "' is not an executable file");
        }
        return new KniIfScript(f.getAbsolutePath());
    }

    String path()
    {
        return path;
    }

    /**
     * Runs the script for {@code ifName} in {@code netns} (an ip netns name, or null for the process's namespace) and
     * waits for it.
     *
     * @throws EthDevException EIO when it cannot be run or exits non-zero (its output quoted), ETIME when it is still
     *     running after {@link #TIMEOUT_S} s (it is killed).
     */
    void run(final String op, final String ifName, final String netns)
    {
        final Path out;
        try
        {
            out = Files.createTempFile("kni-script-", ".out");
        }
        catch (final IOException ex)
        {
            final EthDevException e = EthDevException.of(Errno.EIO, op, "script " + path + ": no file for its output: " +
                ex.getMessage());
            e.initCause(ex);
            throw e;
        }
        try
        {
            // a process inherits the namespace of the thread that starts it: start it from a thread inside netns
            final Process p = Netns.callIn(netns == null ? null : Netns.path(netns), () ->
                new ProcessBuilder(path, ifName).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start());
            if (!waitFor(p))
            {
                p.destroyForcibly();
                throw EthDevException.of(Errno.ETIME, op, "script " + path + " " + ifName + " still running after " +
                    TIMEOUT_S + " s (killed)" + output(out));
            }
            if (p.exitValue() != 0)
            {
                throw EthDevException.of(Errno.EIO, op, "script " + path + " " + ifName + " exited with " +
                    p.exitValue() + output(out));
            }
        }
        catch (final IllegalStateException ex)
        {
            // callIn wraps the checked IOException of a script that cannot be started
            final EthDevException e = EthDevException.of(Errno.EIO, op, "script " + path + " " + ifName +
                " could not be started: " + (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage()));
            e.initCause(ex);
            throw e;
        }
        finally
        {
            try
            {
                Files.deleteIfExists(out);
            }
            catch (final IOException ignored)
            {
                // a temporary file left behind is harmless
            }
        }
    }

    private static boolean waitFor(final Process p)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        boolean interrupted = false;
        try
        {
            while (true)
            {
                try
                {
                    return p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                catch (final InterruptedException ex)
                {
                    interrupted = true;
                }
            }
        }
        finally
        {
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String output(final Path out)
    {
        try (InputStream in = Files.newInputStream(out))
        {
            final String s = new String(in.readNBytes(QUOTED_OUTPUT), StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? "" : ": " + s;
        }
        catch (final IOException ex)
        {
            return "";
        }
    }
}
