package io.ethdev4j.vm.guest;

import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.testpmd.TestPmd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An in-process testpmd ({@link TestPmd#run}) in interactive mode, driven one command at a time: each
 * {@link #command} writes a line to its stdin and waits (bounded) for the next {@code testpmd> } prompt, so the
 * test decides how long forwarding runs by polling the counters instead of sleeping. Cheaper than a child JVM
 * in the guest. {@link #close()} ends the input (testpmd quits: ports stopped and closed, the runtime released)
 * and waits for {@code run} to return.
 */
final class TestPmdSession implements AutoCloseable
{
    static final String PROMPT = "testpmd> ";
    private static final long COMMAND_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);
    /** Bound on a forwarding round (it takes about a second under TCG). */
    static final long FORWARD_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(20);
    private static final Pattern FWD_PORT = Pattern.compile("Forward statistics for port (\\d+) +-+\n" +
        " +RX-packets: (\\d+) +RX-dropped: (\\d+) +RX-total: \\d+\n(?: +RX-error: (\\d+)\n +RX-nombufs: (\\d+) *\n)?" +
        " +TX-packets: (\\d+) +TX-dropped: (\\d+) +TX-total: \\d+");
    private static final long POLL_PACE_NS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final Pattern NIC_STATS = Pattern.compile("NIC statistics for port (\\d+) +#+\n" +
        " +RX-packets: (\\d+) +RX-missed: (\\d+) +RX-bytes: +\\d+\n +RX-errors: (\\d+)\n +RX-nombuf: +(\\d+) *\n" +
        " +TX-packets: (\\d+) +TX-errors: (\\d+)");

    private final LineInput in = new LineInput();
    private final TextBuffer out = new TextBuffer();
    private final TextBuffer err = new TextBuffer();
    private final Thread thread;
    private volatile int rc = Integer.MIN_VALUE;
    private int prompts;

    private TestPmdSession(final String[] argv)
    {
        final PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        final PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        thread = new Thread(() ->
        {
            try
            {
                rc = TestPmd.run(argv, in, o, e);
            }
            catch (final Throwable t)
            {
                t.printStackTrace(e); // run() catches RuntimeExceptions; an Error still ends up in the transcript
                throw t;
            }
            finally
            {
                out.finish();
            }
        }, "testpmd-main");
        thread.setDaemon(true);
    }

    /** Starts testpmd with {@code argv} (EAL options, {@code --}, testpmd options incl. {@code -i}); waits for its prompt. */
    static TestPmdSession start(final String... argv)
    {
        final TestPmdSession s = new TestPmdSession(argv);
        s.thread.start();
        try
        {
            s.awaitPrompt("startup of testpmd " + String.join(" ", argv));
        }
        catch (final AssertionError ex)
        {
            try
            {
                s.close(); // so that the ports are not left open for the next test
            }
            catch (final AssertionError stuck)
            {
                ex.addSuppressed(stuck);
            }
            throw ex;
        }
        return s;
    }

    private void awaitPrompt(final String what)
    {
        prompts++;
        if (!out.awaitPrompts(prompts, COMMAND_TIMEOUT_NS))
        {
            throw new AssertionError("no '" + PROMPT.trim() + "' prompt after " + what + " within " +
                TimeUnit.NANOSECONDS.toSeconds(COMMAND_TIMEOUT_NS) + " s (testpmd " + (thread.isAlive() ? "running" :
                "exited with " + rc) + ")\n" + transcript());
        }
    }

    /** Runs one shell command; returns what it printed on stdout (up to the next prompt). */
    String command(final String line)
    {
        final int from = out.length();
        in.send(line);
        awaitPrompt("'" + line + "'");
        final String text = out.text();
        final int end = text.lastIndexOf(PROMPT);
        return text.substring(Math.min(from, end), end);
    }

    /** The counters of {@code show port stats all}, indexed by port id. */
    PortCounters[] portStats(final int nbPorts)
    {
        final String text = command("show port stats all");
        final PortCounters[] c = new PortCounters[nbPorts];
        final Matcher m = NIC_STATS.matcher(text);
        while (m.find())
        {
            final int p = Integer.parseInt(m.group(1));
            if (p < nbPorts)
            {
                c[p] = new PortCounters(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                    Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)));
            }
        }
        for (int p = 0; p < nbPorts; p++)
        {
            if (c[p] == null)
            {
                throw new AssertionError("no NIC statistics for port " + p + " in:\n" + text);
            }
        }
        return c;
    }

    /**
     * Polls {@code show port stats all} until every port has received at least {@code minRx} packets; fails after
     * {@code timeoutNs}. Returns the last counters.
     */
    PortCounters[] awaitRx(final int nbPorts, final long minRx, final long timeoutNs)
    {
        final long deadline = System.nanoTime() + timeoutNs;
        PortCounters[] c;
        for (int polls = 0; ; polls++)
        {
            c = portStats(nbPorts);
            boolean all = true;
            for (final PortCounters pc : c)
            {
                all &= pc.rxPackets >= minRx;
            }
            if (all)
            {
                return c;
            }
            if (System.nanoTime() - deadline > 0 || polls > 100_000)
            {
                throw new AssertionError("the ports did not each receive " + minRx + " packets within " +
                    TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms: " + Arrays.toString(c) + "\n" + transcript());
            }
            LockSupport.parkNanos(POLL_PACE_NS); // paces the polls; the deadline bounds the loop
        }
    }

    /**
     * Polls until the counters of the wire are equal both ways (RX of each port == TX of the other), for a moment
     * after forwarding stopped while the last packets are still being delivered; returns the last counters.
     */
    PortCounters[] awaitWireBalanced(final long timeoutNs)
    {
        final long deadline = System.nanoTime() + timeoutNs;
        PortCounters[] c;
        do
        {
            c = portStats(2);
            if (c[0].txPackets == c[1].rxPackets && c[1].txPackets == c[0].rxPackets)
            {
                return c;
            }
            LockSupport.parkNanos(POLL_PACE_NS);
        }
        while (System.nanoTime() - deadline < 0);
        return c;
    }

    /**
     * io forwarding round: {@code start tx_first}, forward until each port received {@code minRx} packets,
     * {@code stop}; then RX-packets of each port must equal TX-packets of the other, in the forward statistics
     * and in the port counters, with nothing dropped, missed, in error or short of mbufs.
     */
    void assertIoForwarding(final int queues, final long minRx)
    {
        command("set fwd io");
        command("clear port stats all");
        final String start = command("start tx_first");
        assertTrue(start.contains("io packet forwarding - ports=2 - cores=1 - streams=" + 2 * queues), start);
        awaitRx(2, minRx, FORWARD_TIMEOUT_NS);
        final String stop = command("stop");
        final long[][] fwd = new long[2][];
        final Matcher m = FWD_PORT.matcher(stop);
        while (m.find())
        {
            fwd[Integer.parseInt(m.group(1))] = new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                m.group(4) == null ? 0 : Long.parseLong(m.group(4)), m.group(5) == null ? 0 : Long.parseLong(m.group(5)),
                Long.parseLong(m.group(6)), Long.parseLong(m.group(7))};
        }
        assertNotNull(fwd[0], "no forward statistics for port 0:\n" + stop);
        assertNotNull(fwd[1], "no forward statistics for port 1:\n" + stop);
        for (int p = 0; p < 2; p++)
        {
            final String where = "port " + p + " forward statistics (rx, rx-dropped, rx-error, rx-nombufs, tx, tx-dropped) " +
                Arrays.toString(fwd[p]) + "\n" + stop;
            assertEquals(fwd[1 - p][4], fwd[p][0], "RX-packets of port " + p + " != TX-packets of port " + (1 - p) +
                ": " + where);
            assertEquals(0, fwd[p][1], "RX-dropped: " + where);
            assertEquals(0, fwd[p][2], "RX-error: " + where);
            assertEquals(0, fwd[p][3], "RX-nombufs: " + where);
            assertEquals(0, fwd[p][5], "TX-dropped: " + where);
            assertTrue(fwd[p][0] >= minRx, "RX-packets: " + where);
        }
        assertWireBalanced(portStats(2));
    }

    /** RX-packets of each port == TX-packets of the other; no missed, errors or nombuf. */
    void assertWireBalanced(final PortCounters[] c)
    {
        final String all = "port 0 " + c[0] + ", port 1 " + c[1] + "\n" + transcript();
        assertEquals(c[0].txPackets, c[1].rxPackets, "port 1 RX-packets != port 0 TX-packets: " + all);
        assertEquals(c[1].txPackets, c[0].rxPackets, "port 0 RX-packets != port 1 TX-packets: " + all);
        for (final PortCounters pc : c)
        {
            assertEquals(0, pc.rxMissed + pc.rxErrors + pc.rxNombuf + pc.txErrors, "missed/errors/nombuf: " + all);
        }
    }

    /** {@code port stop all}; then every mbuf of testpmd's pool must be back (no ring or lcore cache keeps one). */
    void assertNoMbufLeak()
    {
        command("port stop all");
        final MbufPool pool = MbufPool.lookup("mb_pool_0");
        assertNotNull(pool, "testpmd's mb_pool_0 is not registered");
        assertEquals(0, pool.inUse(), "mbufs of mb_pool_0 still in use after stop and port stop all\n" + transcript());
    }

    String transcript()
    {
        return "--- testpmd stdout ---\n" + out.text() + "\n--- testpmd stderr ---\n" + err.text();
    }

    /** Ends stdin (testpmd quits as on Ctrl-D: ports stopped and closed, runtime released) and waits for it. */
    @Override
    public void close()
    {
        in.end();
        try
        {
            thread.join(TimeUnit.NANOSECONDS.toMillis(COMMAND_TIMEOUT_NS));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive())
        {
            throw new AssertionError("testpmd did not quit within " + TimeUnit.NANOSECONDS.toSeconds(COMMAND_TIMEOUT_NS) +
                " s after the end of its input\n" + transcript());
        }
    }

    /** Counters of one port as {@code show port stats} prints them. */
    static final class PortCounters
    {
        final long rxPackets;
        final long rxMissed;
        final long rxErrors;
        final long rxNombuf;
        final long txPackets;
        final long txErrors;

        PortCounters(final long rxPackets, final long rxMissed, final long rxErrors, final long rxNombuf,
            final long txPackets, final long txErrors)
        {
            this.rxPackets = rxPackets;
            this.rxMissed = rxMissed;
            this.rxErrors = rxErrors;
            this.rxNombuf = rxNombuf;
            this.txPackets = txPackets;
            this.txErrors = txErrors;
        }

        @Override
        public String toString()
        {
            return "{rx=" + rxPackets + ", missed=" + rxMissed + ", rxerr=" + rxErrors + ", nombuf=" + rxNombuf +
                ", tx=" + txPackets + ", txerr=" + txErrors + "}";
        }
    }

    /** testpmd's stdin: lines handed over by the test thread; {@link #end()} is the end of input. */
    private static final class LineInput extends InputStream
    {
        private final StringBuilder pending = new StringBuilder();
        private byte[] current = new byte[0];
        private int pos;
        private boolean ended;

        synchronized void send(final String line)
        {
            if (ended)
            {
                throw new IllegalStateException("testpmd's input is closed");
            }
            pending.append(line).append('\n');
            notifyAll();
        }

        synchronized void end()
        {
            ended = true;
            notifyAll();
        }

        @Override
        public synchronized int read() throws IOException
        {
            while (pos >= current.length)
            {
                if (pending.length() > 0)
                {
                    current = pending.toString().getBytes(StandardCharsets.UTF_8);
                    pending.setLength(0);
                    pos = 0;
                }
                else if (ended)
                {
                    return -1;
                }
                else
                {
                    try
                    {
                        wait();
                    }
                    catch (final InterruptedException ex)
                    {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", ex);
                    }
                }
            }
            return current[pos++] & 0xFF;
        }

        @Override
        public synchronized int read(final byte[] b, final int off, final int len) throws IOException
        {
            if (len == 0)
            {
                return 0;
            }
            final int first = read();
            if (first < 0)
            {
                return -1;
            }
            b[off] = (byte)first;
            final int n = Math.min(len - 1, current.length - pos);
            System.arraycopy(current, pos, b, off + 1, n);
            pos += n;
            return n + 1;
        }
    }

    /**
     * What testpmd printed (ASCII), readable while it runs; counts the prompts as they arrive so that waiting for
     * one does not rescan the whole transcript on every write.
     */
    private static final class TextBuffer extends OutputStream
    {
        private final StringBuilder text = new StringBuilder();
        private int prompts;
        private int scanned;
        private boolean finished;

        @Override
        public synchronized void write(final int b)
        {
            text.append((char)(b & 0xFF));
            countPrompts();
        }

        @Override
        public synchronized void write(final byte[] b, final int off, final int len)
        {
            for (int i = off; i < off + len; i++)
            {
                text.append((char)(b[i] & 0xFF));
            }
            countPrompts();
        }

        private void countPrompts()
        {
            int i;
            while ((i = text.indexOf(PROMPT, scanned)) >= 0)
            {
                prompts++;
                scanned = i + PROMPT.length();
            }
            scanned = Math.max(scanned, text.length() - PROMPT.length() + 1);
            notifyAll();
        }

        synchronized void finish()
        {
            finished = true;
            notifyAll();
        }

        synchronized int length()
        {
            return text.length();
        }

        synchronized String text()
        {
            return text.toString();
        }

        /** Waits until {@code count} prompts were printed (false on timeout or when testpmd returned). */
        synchronized boolean awaitPrompts(final int count, final long timeoutNs)
        {
            final long deadline = System.nanoTime() + timeoutNs;
            while (prompts < count)
            {
                final long left = deadline - System.nanoTime();
                if (left <= 0 || finished)
                {
                    return false;
                }
                try
                {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
