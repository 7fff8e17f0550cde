package io.ethdev4j.test;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Runs a command with a time limit (10 s) and returns its exit code and merged output. */
public final class Shell
{
    public static final class Result
    {
        public final int exit;
        public final String output;

        Result(final int exit, final String output)
        {
            this.exit = exit;
            this.output = output;
        }

        public String toString()
        {
            return "exit=" + exit + ": " + output;
        }
    }

    private Shell()
    {
    }

    public static Result run(final String... cmd)
    {
        try
        {
            final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            final byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS))
            {
                p.destroyForcibly();
                return new Result(-1, "timeout: " + Arrays.toString(cmd));
            }
            return new Result(p.exitValue(), new String(out));
        }
        catch (final IOException ex)
        {
            return new Result(-1, ex.toString());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return new Result(-1, ex.toString());
        }
    }

    /** Runs and fails with the output unless the exit code is 0. */
    public static String ok(final String... cmd)
    {
        final Result r = run(cmd);
        if (r.exit != 0)
        {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + r);
        }
        return r.output;
    }
}
