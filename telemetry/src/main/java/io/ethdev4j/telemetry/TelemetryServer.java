package io.ethdev4j.telemetry;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.PosixFile;
import io.ethdev4j.sys.SysException;
import io.ethdev4j.sys.UnixSocket;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A runtime's telemetry v2 socket (DPDK 22.11 {@code lib/telemetry/telemetry.c}): {@code dpdk_telemetry.v2} in the
 * runtime directory, an {@code AF_UNIX}/{@code SOCK_SEQPACKET} socket, one message per request and per reply.
 *
 * <h2>Protocol (as DPDK)</h2>
 * <ol>
 * <li>On connect the client receives {@code {"version":"DPDK 22.11.11","pid":N,"max_output_len":16384}}.</li>
 * <li>Each request is one message, {@code /command} or {@code /command,parameters}, read into 1024 bytes (longer
 * messages are cut; the rest of the message is discarded by the socket). It ends at the first NUL; leading commas are
 * skipped (strtok).</li>
 * <li>Each reply is one message, {@code {"/command":<data>}}, at most 16384 bytes; {@code {"/command":null}} for an
 * unknown command, a command of 56 bytes or more, bad parameters or a failing handler.</li>
 * </ol>
 *
 * <h2>Threads</h2>
 * A listener thread ({@code telemetry-v2}) accepts; each client gets its own thread ({@code telemetry-client-N}), at
 * most {@value #MAX_CONNECTIONS} at once (DPDK's MAX_CONNECTIONS; one more is accepted and closed at once). They are
 * not lcores: they run on the runtime's control CPUs ({@link Eal#controlCpus()}), and the handlers they call read what
 * the data path publishes without taking any lock a burst takes. A client that sends junk gets its null reply; one that
 * goes away mid-reply, or stops reading for {@value #SEND_TIMEOUT_MS} ms, is dropped; none of it reaches the lcores.
 * <p>
 * If the socket is in use by a live process (another runtime with {@code --in-memory} on the same prefix), the next
 * free name {@code dpdk_telemetry.v2:1}, {@code :2}... is taken, as DPDK does; a dead socket file is replaced.
 * {@link #close()} wakes and joins every thread (bounded) and removes the socket file.
 */
public final class TelemetryServer implements AutoCloseable
{
    /** The socket's file name in the runtime directory. */
    public static final String SOCKET_NAME = "dpdk_telemetry.v2";
    /** MAX_CONNECTIONS. */
    public static final int MAX_CONNECTIONS = 10;
    /** The request buffer (DPDK reads at most 1023 bytes of a message). */
    public static final int REQUEST_BUFFER_BYTES = 1024;
    /** A client that lets a reply wait this long is dropped. */
    public static final int SEND_TIMEOUT_MS = 5_000;
    /** How long close() waits for each thread. */
    static final long JOIN_TIMEOUT_MS = 5_000;

    /** The server of each runtime that has one (for tools and tests: {@link #of}). */
    private static final java.util.Map<Eal, TelemetryServer> SERVERS = new ConcurrentHashMap<>();

    private final Eal eal;
    private final Path path;
    private final int listenFd;
    /** An eventfd every telemetry thread polls: written once by close() to make them all return. */
    private final int wakeFd;
    private final Thread listener;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger clientCount = new AtomicInteger();
    private final AtomicInteger clientSeq = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean closed;

    private TelemetryServer(final Eal eal, final Path path, final int listenFd, final int wakeFd)
    {
        this.eal = eal;
        this.path = path;
        this.listenFd = listenFd;
        this.wakeFd = wakeFd;
        this.listener = new Thread(this::listen, "telemetry-v2");
        this.listener.setDaemon(true);
    }

    /**
     * Binds {@code <runtime dir>/dpdk_telemetry.v2} (or the next free {@code :N}) and starts listening.
     *
     * @throws EthDevException naming the socket and errno when it cannot (DPDK fails rte_eal_init then too)
     */
    public static TelemetryServer start(final Eal eal)
    {
        final Path dir = eal.runtimeDir();
        final Path base = dir.resolve(SOCKET_NAME);
        int fd = -1;
        int wake = -1;
        Path path = base;
        try
        {
            for (int suffix = 0; ; suffix++)
            {
                path = suffix == 0 ? base : dir.resolve(SOCKET_NAME + ":" + suffix);
                fd = createSocket(dir, path);
                if (fd >= 0)
                {
                    break;
                }
                if (fd != -Errno.EADDRINUSE || suffix == Short.MAX_VALUE)
                {
                    throw EthDevException.of(-fd, "telemetryInit(" + path + ")", "cannot bind the telemetry socket: " +
                        Errno.name(-fd) + " (" + Errno.describe(-fd) + ")");
                }
            }
            wake = PosixFile.eventFd(0);
            final TelemetryServer s = new TelemetryServer(eal, path, fd, wake);
            eal.runtimeDirectory().created(path);
            s.listener.start();
            SERVERS.put(eal, s);
            return s;
        }
        catch (final RuntimeException ex)
        {
            if (fd >= 0)
            {
                LibC.closeQuietly(fd);
                deleteQuietly(path);
            }
            LibC.closeQuietly(wake);
            throw ex;
        }
    }

    /** DPDK's create_socket: returns the listening fd, or -errno (-EADDRINUSE when a live process owns the path). */
    private static int createSocket(final Path dir, final Path path)
    {
        final int fd = UnixSocket.socket(UnixSocket.AF_UNIX, UnixSocket.SOCK_SEQPACKET);
        boolean bound = false;
        try
        {
            int rc = UnixSocket.bindUnix(fd, path.toString());
            if (rc < 0)
            {
                if (!Files.isDirectory(dir))
                {
                    LibC.closeQuietly(fd);
                    return -Errno.ENOENT;
                }
                if (UnixSocket.connectUnix(fd, path.toString()) == 0)
                {
                    LibC.closeQuietly(fd);
                    return -Errno.EADDRINUSE;
                }
                deleteQuietly(path); // not active: a leftover from a process that died
                rc = UnixSocket.bindUnix(fd, path.toString());
                if (rc < 0)
                {
                    LibC.closeQuietly(fd);
                    return rc;
                }
            }
            bound = true;
            UnixSocket.listen(fd, MAX_CONNECTIONS, path.toString());
            return fd;
        }
        catch (final SysException ex)
        {
            LibC.closeQuietly(fd);
            if (bound)
            {
                deleteQuietly(path);
            }
            return -ex.errno();
        }
    }

    /** The telemetry server of {@code eal}, or null (none on the class path, {@code --no-telemetry}, or closed). */
    public static TelemetryServer of(final Eal eal)
    {
        return SERVERS.get(eal);
    }

    /** The socket's path. */
    public Path path()
    {
        return path;
    }

    /** Clients connected now. */
    public int clientCount()
    {
        return clientCount.get();
    }

    /** Connections closed at once because {@value #MAX_CONNECTIONS} clients were connected. */
    public int refusedCount()
    {
        return refused.get();
    }

    // ------------------------------------------------------------------ threads

    private void listen()
    {
        runOnControlCpus();
        final int[] fds = {listenFd, wakeFd};
        final int[] events = {UnixSocket.POLLIN, UnixSocket.POLLIN};
        final int[] revents = new int[2];
        while (!closed)
        {
            final int n = UnixSocket.poll(fds, events, revents, 2, -1);
            if (closed || (n > 0 && revents[1] != 0))
            {
                return;
            }
            if (n <= 0 || (revents[0] & UnixSocket.POLLIN) == 0)
            {
                if (n < 0 && n != -Errno.EINTR)
                {
                    Log.err("TELEMETRY", "poll on " + path + " failed: " + Errno.name(-n) + ", telemetry thread quitting");
                    return;
                }
                continue;
            }
            final int c = UnixSocket.accept(listenFd, 0);
            if (c < 0)
            {
                if (c != -Errno.EAGAIN && c != -Errno.EINTR)
                {
                    Log.warn("TELEMETRY", "accept on " + path + " failed: " + Errno.name(-c));
                    // EMFILE and friends: back off instead of spinning on a socket that stays readable
                    UnixSocket.poll(new int[] {wakeFd}, new int[] {UnixSocket.POLLIN}, new int[1], 1, 100);
                }
                continue;
            }
            if (clientCount.get() >= MAX_CONNECTIONS)
            {
                refused.incrementAndGet();
                LibC.closeQuietly(c);
                continue;
            }
            clientCount.incrementAndGet();
            final Client client = new Client(c, clientSeq.incrementAndGet());
            clients.add(client);
            try
            {
                client.thread.start();
            }
            catch (final Throwable t)
            {
                Log.err("TELEMETRY", "cannot start a client thread: " + t);
                client.release();
            }
        }
    }

    /** Off the lcores where the machine has CPUs to spare (DPDK pins its control threads to the same set). */
    private void runOnControlCpus()
    {
        try
        {
            LibC.setAffinity(0, eal.controlCpus());
        }
        catch (final RuntimeException ex)
        {
            Log.warn("TELEMETRY", "cannot set the telemetry thread's CPUs: " + ex.getMessage());
        }
    }

    /** One connected client and its thread. */
    private final class Client implements Runnable
    {
        final int fd;
        final Thread thread;
        private boolean released;

        Client(final int fd, final int seq)
        {
            this.fd = fd;
            this.thread = new Thread(this, "telemetry-client-" + seq);
            this.thread.setDaemon(true);
        }

        @Override
        public void run()
        {
            try
            {
                serve();
            }
            catch (final RuntimeException ex)
            {
                Log.warn("TELEMETRY", "client dropped: " + ex);
            }
            finally
            {
                release();
            }
        }

        private void serve()
        {
            if (!send(Telemetry.greeting()))
            {
                return;
            }
            final byte[] buf = new byte[REQUEST_BUFFER_BYTES];
            final int[] fds = {fd, wakeFd};
            final int[] events = {UnixSocket.POLLIN, UnixSocket.POLLIN};
            final int[] revents = new int[2];
            while (!closed)
            {
                final int n = UnixSocket.poll(fds, events, revents, 2, -1);
                if (closed || (n > 0 && revents[1] != 0))
                {
                    return;
                }
                if (n <= 0)
                {
                    if (n < 0 && n != -Errno.EINTR)
                    {
                        return;
                    }
                    continue;
                }
                final int r = UnixSocket.recv(fd, buf, buf.length - 1, UnixSocket.MSG_DONTWAIT);
                if (r == -Errno.EAGAIN || r == -Errno.EINTR)
                {
                    continue;
                }
                if (r <= 0)
                {
                    return; // 0: the client closed; <0: reset
                }
                if (!send(answer(buf, r)))
                {
                    return;
                }
            }
        }

        /** One message out, whole (SOCK_SEQPACKET), waiting for room at most SEND_TIMEOUT_MS; false: drop the client. */
        private boolean send(final byte[] msg)
        {
            final int[] fds = {fd, wakeFd};
            final int[] events = {UnixSocket.POLLOUT, UnixSocket.POLLIN};
            final int[] revents = new int[2];
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SEND_TIMEOUT_MS);
            while (!closed)
            {
                final int n = UnixSocket.send(fd, msg, msg.length, UnixSocket.MSG_DONTWAIT | UnixSocket.MSG_NOSIGNAL);
                if (n == msg.length)
                {
                    return true;
                }
                if (n >= 0 || (n != -Errno.EAGAIN && n != -Errno.EINTR))
                {
                    return false; // EPIPE, ECONNRESET: gone mid-reply
                }
                final long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMs <= 0)
                {
                    Log.warn("TELEMETRY", "client " + thread.getName() + " does not read its replies: dropped");
                    return false;
                }
                final int p = UnixSocket.poll(fds, events, revents, 2, (int)Math.min(leftMs, Integer.MAX_VALUE));
                if (p > 0 && revents[1] != 0)
                {
                    return false;
                }
            }
            return false;
        }

        synchronized void release()
        {
            if (released)
            {
                return;
            }
            released = true;
            LibC.closeQuietly(fd);
            clients.remove(this);
            clientCount.decrementAndGet();
        }
    }

    /** A request's bytes to its reply, with DPDK's parsing (NUL ends it; strtok on ','). */
    byte[] answer(final byte[] buf, final int length)
    {
        int len = 0;
        while (len < length && buf[len] != 0)
        {
            len++;
        }
        final String msg = decode(buf, len);
        int i = 0;
        while (i < msg.length() && msg.charAt(i) == ',')
        {
            i++;
        }
        String cmd = null;
        String params = null;
        if (i < msg.length())
        {
            final int comma = msg.indexOf(',', i);
            if (comma < 0)
            {
                cmd = msg.substring(i);
            }
            else
            {
                cmd = msg.substring(i, comma);
                params = comma + 1 < msg.length() ? msg.substring(comma + 1) : null;
            }
        }
        return Telemetry.execute(eal, cmd, params);
    }

    /** UTF-8, with U+FFFD for bytes that are not (so the reply stays valid UTF-8 JSON). */
    private static String decode(final byte[] buf, final int len)
    {
        final CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try
        {
            return dec.decode(ByteBuffer.wrap(buf, 0, len)).toString();
        }
        catch (final java.nio.charset.CharacterCodingException ex)
        {
            return new String(buf, 0, len, StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------ close

    /** Stops accepting, wakes and joins every thread (at most {@value #JOIN_TIMEOUT_MS} ms each), removes the socket. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        SERVERS.remove(eal, this);
        PosixFile.eventFdSignal(wakeFd);
        join(listener);
        for (final Client c : clients.toArray(new Client[0]))
        {
            join(c.thread);
        }
        LibC.closeQuietly(listenFd);
        deleteQuietly(path);
        if (clients.isEmpty())
        {
            LibC.closeQuietly(wakeFd);
        }
        else
        {
            // a handler still running after the timeout keeps its fd and the wake fd: closing them under it could hand
            // the numbers to someone else's file
            Log.warn("TELEMETRY", clients.size() + " client thread(s) did not stop in " + JOIN_TIMEOUT_MS + " ms");
        }
    }

    private static void join(final Thread t)
    {
        if (t == Thread.currentThread() || !t.isAlive())
        {
            return;
        }
        boolean interrupted = false;
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_TIMEOUT_MS);
        while (t.isAlive())
        {
            final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0)
            {
                break;
            }
            try
            {
                t.join(left);
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(final Path p)
    {
        try
        {
            Files.deleteIfExists(p);
        }
        catch (final java.io.IOException ex)
        {
            Log.warn("TELEMETRY", "cannot remove " + p + ": " + ex);
        }
    }

    @Override
    public String toString()
    {
        return "TelemetryServer[" + path + ", clients=" + clientCount.get() + "]";
    }
}
