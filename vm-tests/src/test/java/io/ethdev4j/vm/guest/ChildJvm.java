package io.ethdev4j.vm.guest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second JVM on the test's class path ({@link Guest#javaCommand}), its stdout and stderr collected as they come
 * so that the test can wait (bounded) for a line. {@link #close()} kills it if it still runs.
 */
final class ChildJvm implements AutoCloseable
{
    /** A JVM start costs several seconds under TCG. */
    static final long START_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(90);

    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread pump;

    private ChildJvm(final Process process)
    {
        this.process = process;
        this.pump = new Thread(this::pump, "child-" + process.pid() + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    static ChildJvm start(final String mainClass, final String... args)
    {
        final ProcessBuilder pb = new ProcessBuilder(Guest.javaCommand(mainClass, args)).redirectErrorStream(true);
        try
        {
            return new ChildJvm(pb.start());
        }
        catch (final IOException ex)
        {
            throw new AssertionError("cannot start " + pb.command() + ": " + ex, ex);
        }
    }

    private void pump()
    {
        final byte[] buf = new byte[4096];
        try (InputStream in = process.getInputStream())
        {
            int n;
            while ((n = in.read(buf)) > 0)
            {
                synchronized (this)
                {
                    output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    notifyAll();
                }
            }
        }
        catch (final IOException ignore)
        {
            // the process is gone
        }
        synchronized (this)
        {
            notifyAll();
        }
    }

    Process process()
    {
        return process;
    }

    synchronized String output()
    {
        return output.toString();
    }

    /** Waits until the output matches {@code regex} (anywhere, multi-line); fails on timeout or when the child ended. */
    synchronized Matcher await(final String regex, final long timeoutNs)
    {
        final Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
        final long deadline = System.nanoTime() + timeoutNs;
        while (true)
        {
            final Matcher m = p.matcher(output);
            if (m.find())
            {
                return m;
            }
            final long left = deadline - System.nanoTime();
            if (left <= 0 || !pump.isAlive())
            {
                throw new AssertionError("child " + process.pid() + " printed no /" + regex + "/ " + (left <= 0 ?
                    "within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNs) + " s" : "before it ended (" +
                    exitText() + ")") + "; its output:\n" + output);
            }
            try
            {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", ex);
            }
        }
    }

    private String exitText()
    {
        try
        {
            return process.waitFor(1, TimeUnit.SECONDS) ? "exit " + process.exitValue() : "still running";
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** Writes one line to the child's stdin. */
    void send(final String line)
    {
        try
        {
            final OutputStream o = process.getOutputStream();
            o.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            o.flush();
        }
        catch (final IOException ex)
        {
            throw new AssertionError("cannot write to child " + process.pid() + ": " + ex + "\n" + output(), ex);
        }
    }

    /** Waits for the child to exit; returns its status or fails after {@code timeoutNs} (then kills it). */
    int awaitExit(final long timeoutNs)
    {
        try
        {
            if (!process.waitFor(timeoutNs, TimeUnit.NANOSECONDS))
            {
                throw new AssertionError("child " + process.pid() + " did not exit within " +
                    TimeUnit.NANOSECONDS.toSeconds(timeoutNs) + " s; its output:\n" + output());
            }
            pump.join(TimeUnit.SECONDS.toMillis(5));
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /** SIGKILL ({@link Process#destroyForcibly()}) and wait until the kernel has reaped it (bounded). */
    void kill()
    {
        process.destroyForcibly();
        try
        {
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                throw new AssertionError("child " + process.pid() + " still alive 30 s after SIGKILL");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            kill();
        }
    }
}
