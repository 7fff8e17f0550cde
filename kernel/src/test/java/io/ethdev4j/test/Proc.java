package io.ethdev4j.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A long-running command (tcpdump, nc, ping) with its merged output collected line by line; killed on close. */
public final class Proc implements AutoCloseable
{
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private final String command;

    public Proc(final String... cmd)
    {
        command = String.join(" ", cmd);
        try
        {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(command, ex);
        }
        reader = new Thread(() ->
        {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream())))
            {
                String line;
                while ((line = r.readLine()) != null)
                {
                    lines.add(line);
                }
            }
            catch (final IOException ignore)
            {
                // process gone
            }
        }, "proc-output");
        reader.setDaemon(true);
        reader.start();
    }

    public boolean outputContains(final String text)
    {
        for (final String l : lines)
        {
            if (l.contains(text))
            {
                return true;
            }
        }
        return false;
    }

    public String output()
    {
        return String.join("\n", lines);
    }

    /** The first group of the first line matching {@code regex}, or -1. */
    public long find(final String regex)
    {
        final Pattern p = Pattern.compile(regex);
        for (final String l : lines)
        {
            final Matcher m = p.matcher(l);
            if (m.find())
            {
                return Long.parseLong(m.group(1));
            }
        }
        return -1;
    }

    /** Waits for the exit (bounded); returns the exit code, or -1 after killing it on timeout. */
    public int waitFor(final long timeoutMs)
    {
        try
        {
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return -1;
            }
            reader.join(5_000);
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * SIGTERM (tcpdump then prints its counts), then waits. Sent with kill(1): Process.destroy() would also close
     * the output pipe and lose what the process prints on its way out.
     */
    public int terminate(final long timeoutMs)
    {
        try
        {
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
        }
        catch (final IOException ex)
        {
            process.destroy();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        return waitFor(timeoutMs);
    }

    public long pid()
    {
        return process.pid();
    }

    public boolean isAlive()
    {
        return process.isAlive();
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
            try
            {
                process.waitFor(5, TimeUnit.SECONDS);
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
        return command;
    }
}
