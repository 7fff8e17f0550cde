package io.ethdev4j.testpmd.ixgbediff;

import io.ethdev4j.test.Await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * An interactive testpmd (DPDK's in a process, or ours in this JVM) driven one command at a time: {@link #send} a
 * line, {@link #awaitPrompt} for its {@code testpmd> }, {@link #await} any condition between commands (the model
 * having seen the frames), {@link #quit}. The same calls drive both, so a script is written once.
 */
abstract class ScriptedTestPmd implements AutoCloseable
{
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private int sent;

    /** Where the implementation writes what testpmd prints (stdout and stderr, merged). */
    final OutputStream sink = new OutputStream()
    {
        @Override
        public void write(final int b)
        {
            synchronized (output)
            {
                output.write(b);
            }
        }

        @Override
        public void write(final byte[] b, final int off, final int len)
        {
            synchronized (output)
            {
                output.write(b, off, len);
            }
        }
    };

    /** Whether testpmd is still running. */
    abstract boolean alive();

    /** testpmd's stdin. */
    abstract OutputStream stdin();

    /** One line to testpmd's stdin. */
    private void writeLine(final String line) throws IOException
    {
        stdin().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin().flush();
    }

    /** Closes stdin, waits up to {@code timeoutMs} for the end and returns the exit code. */
    abstract int finish(long timeoutMs) throws IOException, InterruptedException;

    /** Why it stopped early, for messages (e.g. the model server's failure). */
    abstract String diagnostics();

    final String output()
    {
        synchronized (output)
        {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits (at most {@code timeoutMs}) until {@code condition} holds; throws with the output, also when it ends. */
    final void await(final String what, final long timeoutMs, final BooleanSupplier condition)
    {
        try
        {
            Await.until(what, timeoutMs, () -> condition.getAsBoolean() || !alive());
        }
        catch (final AssertionError ex)
        {
            throw notSeen(what, timeoutMs, "running", ex);
        }
        if (!condition.getAsBoolean())
        {
            throw notSeen(what, timeoutMs, "ended", null);
        }
    }

    private AssertionError notSeen(final String what, final long timeoutMs, final String state, final Throwable cause)
    {
        return new AssertionError(getClass().getSimpleName() + ": " + what + " not seen within " + timeoutMs + " ms (" +
            state + ", " + diagnostics() + ")\n" + output(), cause);
    }

    /** Waits for the prompt that follows the last command sent (the first prompt before any). */
    final void awaitPrompt(final long timeoutMs) throws InterruptedException
    {
        final int want = sent + 1;
        await("prompt #" + want, timeoutMs, () -> count(output(), "testpmd> ") >= want);
    }

    /** Sends {@code command} and waits for its prompt. */
    final void command(final String command, final long timeoutMs) throws IOException, InterruptedException
    {
        send(command);
        awaitPrompt(timeoutMs);
    }

    final void send(final String command) throws IOException
    {
        sent++;
        writeLine(command);
    }

    /** Sends {@code quit} and returns the exit code once testpmd ended (at most 60 s). */
    final int quit() throws IOException, InterruptedException
    {
        send("quit");
        return finish(60_000);
    }

    private static int count(final String s, final String what)
    {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1))
        {
            n++;
        }
        return n;
    }
}
