package io.ethdev4j.dumpcap;

import io.ethdev4j.eal.RuntimeDir;
import io.ethdev4j.pdump.PdumpProtocol;
import io.ethdev4j.testpmd.TestPmd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * testpmd running in this JVM, in interactive mode with a unique {@code --file-prefix}, commands fed through a pipe:
 * the application dumpcap attaches to. {@link #close()} stops forwarding and quits.
 */
final class RunningTestPmd implements AutoCloseable
{
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Pattern RX_PACKETS = Pattern.compile("RX-packets: (\\d+)");

    final String prefix;
    private final PipedOutputStream stdin = new PipedOutputStream();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile int rc = -1;

    /** testpmd with {@code vdevs} (EAL --vdev values) and testpmd options {@code app}, forwarding started. */
    RunningTestPmd(final List<String> vdevs, final String... app) throws IOException
    {
        prefix = "dumpcap_test_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        final List<String> argv = new ArrayList<>(List.of("--no-huge", "-m", "256", "--no-pci", "-l", "0-1",
            "--file-prefix", prefix));
        for (final String v : vdevs)
        {
            argv.add("--vdev");
            argv.add(v);
        }
        argv.addAll(List.of("--", "--total-num-mbufs=8192", "-i"));
        argv.addAll(List.of(app));
        final PipedInputStream in = new PipedInputStream(stdin, 1 << 16);
        final PrintStream out = new PrintStream(new SyncStream(output), true, StandardCharsets.UTF_8);
        thread = new Thread(() -> rc = TestPmd.run(argv.toArray(String[]::new), in, out, out), "testpmd-" + prefix);
        thread.setDaemon(true);
        thread.start();
        await(() -> Files.exists(runtimeDir().resolve(PdumpProtocol.SOCKET_NAME)), "testpmd's capture socket");
        command("start");
        await(() -> output().contains("Logical Core"), "forwarding to start");
    }

    Path runtimeDir()
    {
        return RuntimeDir.pathFor(prefix);
    }

    void command(final String line) throws IOException
    {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    String output()
    {
        synchronized (output)
        {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    /** RX-packets of {@code port} from "show port stats". */
    long rxPackets(final int port) throws IOException
    {
        final int before = output().length();
        command("show port stats " + port);
        await(() -> output().indexOf("Tx-pps", before) >= 0, "show port stats");
        final Matcher m = RX_PACKETS.matcher(output().substring(before));
        assertTrue(m.find(), output().substring(before));
        return Long.parseLong(m.group(1));
    }

    static void await(final java.util.function.BooleanSupplier cond, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!cond.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Override
    public void close() throws Exception
    {
        try
        {
            command("stop");
            command("quit");
            stdin.close();
        }
        catch (final IOException ignore)
        {
            // testpmd is gone already
        }
        thread.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(thread.isAlive(), "testpmd did not quit:\n" + output());
        assertEquals(0, rc, output());
    }

    /** A ByteArrayOutputStream writer that the reader can read while testpmd writes. */
    private static final class SyncStream extends java.io.OutputStream
    {
        private final ByteArrayOutputStream target;

        SyncStream(final ByteArrayOutputStream target)
        {
            this.target = target;
        }

        @Override
        public void write(final int b)
        {
            synchronized (target)
            {
                target.write(b);
            }
        }

        @Override
        public void write(final byte[] b, final int off, final int len)
        {
            synchronized (target)
            {
                target.write(b, off, len);
            }
        }
    }
}
