package io.ethdev4j.testpmd.knid;

import io.ethdev4j.test.Await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process (testpmd, knid) with its stdin to type into and its merged output collected; killed on close. Every wait is
 * bounded.
 */
final class AppProcess implements AutoCloseable
{
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final String what;

    AppProcess(final String what, final List<String> cmd)
    {
        this.what = what;
        try
        {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(String.join(" ", cmd), ex);
        }
        final Thread t = new Thread(() ->
        {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)))
            {
                final char[] buf = new char[4096];
                int n;
                while ((n = r.read(buf)) > 0)
                {
                    output.append(buf, 0, n);
                }
            }
            catch (final IOException ignore)
            {
                // the process is gone
            }
        }, "out-" + what);
        t.setDaemon(true);
        t.start();
    }

    long pid()
    {
        return process.pid();
    }

    boolean isAlive()
    {
        return process.isAlive();
    }

    String output()
    {
        return output.toString();
    }

    /** Types a line. */
    void type(final String line)
    {
        try
        {
            final OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(what + ": typing '" + line + "' failed; output:\n" + output(), ex);
        }
    }

    /** Waits until {@code text} appears after output offset {@code from}; returns the output from there. */
    String awaitOutput(final String text, final int from, final long timeoutMs)
    {
        Await.until("'" + text + "' from " + what, timeoutMs, () ->
        {
            if (output().indexOf(text, Math.min(from, output().length())) >= 0)
            {
                return true;
            }
            if (!process.isAlive())
            {
                throw new AssertionError(what + " exited (" + process.exitValue() + ") before printing '" + text +
                    "'; output:\n" + output());
            }
            return false;
        });
        final String out = output();
        return out.substring(Math.min(from, out.length()));
    }

    /**
     * Types {@code line} and waits for {@code text} in what follows and for the end of the line it is on: callers read
     * the rest of that line ("kni_doorbell_rings: 7"), which may arrive after the text itself (CI saw it cut at
     * "kni_doorbell_rings: ").
     */
    String command(final String line, final String text, final long timeoutMs)
    {
        final int from = output().length();
        type(line);
        awaitOutput(text, from, timeoutMs);
        Await.until("the end of the line with '" + text + "' from " + what, timeoutMs, () ->
        {
            final String out = output();
            final int at = out.indexOf(text, Math.min(from, out.length()));
            return at >= 0 && out.indexOf('\n', at + text.length()) >= 0;
        });
        final String out = output();
        return out.substring(Math.min(from, out.length()));
    }

    int waitFor(final long timeoutMs)
    {
        try
        {
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
            {
                throw new AssertionError(what + " still running after " + timeoutMs + " ms; output:\n" + output());
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
        return process.exitValue();
    }

    /** SIGKILL, and wait until it is gone. */
    void kill()
    {
        process.destroyForcibly();
        waitFor(10_000);
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
            try
            {
                process.waitFor(10, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString()
    {
        return what + " (pid " + process.pid() + ")";
    }
}
