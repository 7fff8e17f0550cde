package io.ethdev4j.testpmd.ixgbediff;

import io.ethdev4j.testpmd.TestPmd;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** This project's testpmd ({@link TestPmd#run}) in a thread of this JVM, its stdin a pipe, its output captured. */
final class InProcessTestPmd extends ScriptedTestPmd
{
    private final PipedOutputStream stdin = new PipedOutputStream();
    private final Thread thread;
    private volatile int exitCode = Integer.MIN_VALUE;
    private volatile Throwable crash;

    /** Starts {@code testpmd argv} (EAL arguments, {@code --}, application arguments). */
    InProcessTestPmd(final String... argv) throws IOException
    {
        final PipedInputStream in = new PipedInputStream(stdin, 64 * 1024);
        final PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        this.thread = new Thread(() ->
        {
            try
            {
                exitCode = TestPmd.run(argv, in, out, out);
            }
            catch (final Throwable ex)
            {
                crash = ex;
            }
        }, "ethdev4j-testpmd");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    boolean alive()
    {
        return thread.isAlive();
    }

    @Override
    OutputStream stdin()
    {
        return stdin;
    }

    @Override
    int finish(final long timeoutMs) throws IOException, InterruptedException
    {
        stdin.close();
        thread.join(timeoutMs);
        if (thread.isAlive())
        {
            throw new AssertionError("testpmd did not return within " + timeoutMs + " ms\n" + output());
        }
        if (crash != null)
        {
            throw new AssertionError("testpmd threw " + crash + "\n" + output(), crash);
        }
        return exitCode;
    }

    @Override
    String diagnostics()
    {
        return crash != null ? "threw " + crash : "exit code " + exitCode;
    }

    @Override
    public void close() throws IOException
    {
        stdin.close();
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
