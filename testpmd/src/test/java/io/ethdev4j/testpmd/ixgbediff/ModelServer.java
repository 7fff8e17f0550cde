package io.ethdev4j.testpmd.ixgbediff;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Serves a {@link BarModel} to one process running {@code tools/ixgbe-diff/ixgbe-diff-shim.c}: a unix stream socket,
 * one 32-byte request and one 32-byte reply per BAR access, memory announcement or phase marker (the record layout is
 * in the shim's header comment). The server thread is the only one that touches the model and the {@link DmaWindows}
 * until {@link #close}; afterwards the caller may read the model's state. A request the model rejects (an exception)
 * ends the connection, so the driver's process stops with the shim's message, and {@link #failure()} holds the cause.
 */
public final class ModelServer implements AutoCloseable
{
    static final int RECORD_BYTES = 32;
    static final int OP_HELLO = 1;
    static final int OP_READ = 2;
    static final int OP_WRITE = 3;
    static final int OP_MEM = 4;
    static final int OP_MARK = 5;
    private static final int MARK_END = 0x100;
    private static final String[] PHASES = {"?", "configure", "start", "stop", "close"};

    private final Path path;
    private final ServerSocketChannel listener;
    private final DmaWindows dma = new DmaWindows();
    private final BarModel model;
    private final Thread thread;
    private final List<String> marks = new ArrayList<>();
    private volatile Throwable failure;
    private volatile boolean connected;
    private long reads;
    private long writes;
    private int pid;
    private long helloNs;
    private String windows = "[]";
    private int windowCount;
    private boolean closed;

    /**
     * Listens on {@code socket} (which must not exist) and serves the model {@code factory} builds over this
     * server's DMA windows to the first process that connects.
     */
    public ModelServer(final Path socket, final Function<DmaWindows, BarModel> factory) throws IOException
    {
        this.path = socket;
        this.model = factory.apply(dma);
        this.listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try
        {
            listener.bind(UnixDomainSocketAddress.of(socket));
        }
        catch (final IOException ex)
        {
            listener.close();
            throw new IOException("bind(" + socket + "): " + ex.getMessage(), ex);
        }
        this.thread = new Thread(this::serve, "ixgbe-diff-model-server");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve()
    {
        try (SocketChannel ch = listener.accept())
        {
            connected = true;
            final ByteBuffer buf = ByteBuffer.allocateDirect(RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (true)
            {
                buf.clear();
                while (buf.hasRemaining())
                {
                    if (ch.read(buf) < 0)
                    {
                        return; // the driver's process ended
                    }
                }
                synchronized (model)
                {
                    handle(buf);
                }
                buf.flip();
                while (buf.hasRemaining())
                {
                    ch.write(buf);
                }
            }
        }
        catch (final ClosedChannelException ex)
        {
            // close() while waiting
        }
        catch (final Throwable ex)
        {
            failure = ex;
        }
    }

    private void handle(final ByteBuffer b)
    {
        final int op = b.getInt(0);
        final int arg = b.getInt(4);
        final long a = b.getLong(8);
        switch (op)
        {
            case OP_HELLO ->
            {
                pid = (int)a;
                helloNs = System.nanoTime();
            }
            case OP_READ ->
            {
                reads++;
                b.putLong(8, model.read32(checkOffset(arg)) & 0xFFFF_FFFFL);
            }
            case OP_WRITE ->
            {
                writes++;
                model.write32(checkOffset(arg), (int)a);
            }
            case OP_MEM -> dma.add(pid, arg, a, b.getLong(16), b.getLong(24));
            case OP_MARK ->
            {
                final String name = PHASES[Math.min(arg & 0xFF, PHASES.length - 1)];
                marks.add(String.format("%s(port %d)%s after %d accesses, %d ms", name, a,
                    (arg & MARK_END) != 0 ? " -> " + b.getLong(16) : " begins", reads + writes,
                    (System.nanoTime() - helloNs) / 1_000_000));
            }
            default -> throw new IllegalStateException("unknown request op " + op + " from the shim");
        }
    }

    private static int checkOffset(final int offset)
    {
        if ((offset & 3) != 0 || offset < 0)
        {
            throw new IllegalStateException("unaligned BAR offset 0x" + Integer.toHexString(offset));
        }
        return offset;
    }

    /**
     * Runs {@code inspection} on the model between two requests (the driver's next access waits): for snapshots while
     * the driver's process runs, taken when the script has it quiet.
     */
    public <T> T inspect(final Function<BarModel, T> inspection)
    {
        synchronized (model)
        {
            return inspection.apply(model);
        }
    }

    public Path socket()
    {
        return path;
    }

    /** Whether a process connected. */
    public boolean connected()
    {
        return connected;
    }

    /** What ended the connection abnormally (a model exception, a protocol error), or null. */
    public Throwable failure()
    {
        return failure;
    }

    /** BAR reads and writes served (read after {@link #close}). */
    public long reads()
    {
        return reads;
    }

    public long writes()
    {
        return writes;
    }

    /** The phase markers in order, with the access count at each (read after {@link #close}). */
    public List<String> marks()
    {
        return List.copyOf(marks);
    }

    /** The driver process's memory windows as {@link DmaWindows#describe()} saw them at {@link #close}. */
    public String windows()
    {
        return windows;
    }

    /** How many memory windows the driver's process announced (read after {@link #close}). */
    public int windowCount()
    {
        return windowCount;
    }

    /** Stops serving (waits up to 10 s for the thread), unmaps the DMA windows and removes the socket. */
    @Override
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        listener.close();
        Files.deleteIfExists(path);
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive())
        {
            // the model may still DMA into the windows: leave them mapped rather than crash the JVM
            throw new IllegalStateException("model server thread still serving after 10 s (is the driver's process "
                + pid + " still running?)");
        }
        windows = dma.describe();
        windowCount = dma.size();
        dma.close();
    }
}
