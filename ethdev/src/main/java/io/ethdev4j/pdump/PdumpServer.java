package io.ethdev4j.pdump;

import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The application side of packet capture (DPDK's {@code rte_pdump_init()} and {@code pdump_server()}): listens on
 * {@value PdumpProtocol#SOCKET_NAME} in the runtime directory and serves {@link PdumpProtocol} requests from capture
 * clients such as {@code tools/dumpcap}. {@code ENABLE} maps the client's {@link CaptureRegion}, checks it, and
 * installs a {@link CaptureRingWriter} as the tap of every queue it names; the data path of a port without a
 * capture pays one load and one branch per burst, and nothing is restarted to attach or detach.
 * <p>
 * Control threads only, on the runtime's control CPUs: one accepts, one per client reads its requests. When a client disconnects its taps are
 * removed and, once no lcore runs them any more, its region is unmapped. {@link #close()} does that for every
 * client, then removes the socket; the runtime calls it before it stops the ports.
 */
public final class PdumpServer implements AutoCloseable
{
    private static final String LOG = "PDUMP";

    private final Path socketPath;
    private final Supplier<List<EthDev>> ports;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    /** CPUs for the server's threads (the runtime's control CPUs), or null to leave them where they start. */
    private final int[] cpus;
    private volatile boolean closed;

    private PdumpServer(final Path socketPath, final Supplier<List<EthDev>> ports, final ServerSocketChannel server,
        final int[] cpus)
    {
        this.socketPath = socketPath;
        this.ports = ports;
        this.server = server;
        this.cpus = cpus;
        this.acceptor = new Thread(() ->
        {
            pin();
            acceptLoop();
        }, "pdump-server");
        this.acceptor.setDaemon(true);
    }

    private void pin()
    {
        if (cpus != null && cpus.length > 0)
        {
            LibC.setAffinity(0, cpus);
        }
    }

    /**
     * Listens on {@code <runtimeDir>/mp_pdump} (a stale socket of a dead process with the same prefix is replaced).
     *
     * @param ports the application's live ports, asked at every request
     * @param cpus  where the server's threads run (the runtime's control CPUs, off the forwarding cores), or null
     */
    public static PdumpServer start(final Path runtimeDir, final Supplier<List<EthDev>> ports, final int[] cpus)
    {
        final Path path = runtimeDir.resolve(PdumpProtocol.SOCKET_NAME);
        final ServerSocketChannel ch;
        try
        {
            Files.deleteIfExists(path);
            ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.bind(UnixDomainSocketAddress.of(path));
        }
        catch (final IOException ex)
        {
            throw new EthDevException(Errno.EIO, "pdumpInit(" + path + ") failed: EIO - cannot listen: " + ex, ex);
        }
        final PdumpServer s = new PdumpServer(path, ports, ch, cpus);
        s.acceptor.start();
        return s;
    }

    private void acceptLoop()
    {
        int n = 0;
        while (!closed)
        {
            final SocketChannel ch;
            try
            {
                ch = server.accept();
            }
            catch (final IOException ex)
            {
                if (!closed)
                {
                    Log.err(LOG, "accept on " + socketPath + " failed, capture is off: " + ex);
                }
                return;
            }
            final Session s = new Session(ch);
            sessions.add(s);
            if (closed)
            {
                s.close();
                return;
            }
            final Thread t = new Thread(() ->
            {
                pin();
                s.serve();
            }, "pdump-client-" + ++n);
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            server.close();
        }
        catch (final IOException ignore)
        {
            // closing anyway
        }
        for (final Session s : sessions)
        {
            s.close();
        }
        boolean interrupted = false;
        while (true)
        {
            try
            {
                acceptor.join();
                break;
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
        CaptureRegion.deleteQuietly(socketPath);
    }

    /** One connected client: its requests and the capture it enabled. */
    private final class Session
    {
        private final SocketChannel channel;
        private final List<Runnable> untaps = new ArrayList<>();
        private CaptureRegion region;

        Session(final SocketChannel channel)
        {
            this.channel = channel;
        }

        void serve()
        {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Channels.newOutputStream(channel), false, StandardCharsets.UTF_8))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    handle(line.strip(), out);
                    out.flush();
                }
            }
            catch (final IOException | UncheckedIOException ex)
            {
                // the client went away: same as a disconnect
            }
            finally
            {
                close();
            }
        }

        private void handle(final String line, final PrintWriter out)
        {
            if (line.equals(PdumpProtocol.PORTS))
            {
                for (final EthDev p : ports.get())
                {
                    out.print(portInfo(p).format() + "\n");
                }
                out.print(PdumpProtocol.OK + "\n");
            }
            else if (line.startsWith(PdumpProtocol.ENABLE + " "))
            {
                final String file = line.substring(PdumpProtocol.ENABLE.length() + 1);
                try
                {
                    enable(Path.of(file));
                    out.print(PdumpProtocol.OK + "\n");
                }
                catch (final EthDevException ex)
                {
                    out.print(PdumpProtocol.ERR + " " + ex.errno() + " " + ex.getMessage().replace('\n', ' ') + "\n");
                }
            }
            else if (line.equals(PdumpProtocol.DISABLE))
            {
                disable();
                out.print(PdumpProtocol.OK + "\n");
            }
            else if (line.startsWith(PdumpProtocol.PROMISC + " "))
            {
                try
                {
                    promiscuous(line);
                    out.print(PdumpProtocol.OK + "\n");
                }
                catch (final EthDevException ex)
                {
                    out.print(PdumpProtocol.ERR + " " + ex.errno() + " " + ex.getMessage().replace('\n', ' ') + "\n");
                }
            }
            else
            {
                out.print(PdumpProtocol.ERR + " " + Errno.EINVAL + " pdump(" + line + ") failed: EINVAL - unknown request " +
                    "(PORTS, ENABLE FILE, DISABLE, PROMISC PORT on|off)\n");
            }
        }

        private PdumpProtocol.PortInfo portInfo(final EthDev p)
        {
            EthLink link;
            try
            {
                link = p.link();
            }
            catch (final EthDevException ex)
            {
                link = EthLink.DOWN;
            }
            return new PdumpProtocol.PortInfo(p.portId(), p.name(), p.driverName(), p.nbRxQueues(), p.nbTxQueues(),
                p.macAddr(), link.speedMbps(), link.isUp(), p.isPromiscuous());
        }

        private void promiscuous(final String line)
        {
            final String[] f = line.split(" ");
            final String op = "pdumpPromiscuous(" + line.substring(PdumpProtocol.PROMISC.length()).strip() + ")";
            if (f.length != 3 || !(f[2].equals("on") || f[2].equals("off")))
            {
                throw EthDevException.of(Errno.EINVAL, op, "expected PROMISC PORT on|off");
            }
            final int id;
            try
            {
                id = Integer.parseInt(f[1]);
            }
            catch (final NumberFormatException ex)
            {
                throw EthDevException.of(Errno.EINVAL, op, "port '" + f[1] + "' is not a number");
            }
            final EthDev p = port(op, id);
            if (f[2].equals("on"))
            {
                p.promiscuousEnable();
            }
            else
            {
                p.promiscuousDisable();
            }
        }

        private EthDev port(final String op, final int portId)
        {
            for (final EthDev p : ports.get())
            {
                if (p.portId() == portId)
                {
                    return p;
                }
            }
            throw EthDevException.of(Errno.ENODEV, op, "no port " + portId);
        }

        /** pdump's set_pdump_rxtx_cbs(ENABLE) for every ring of the region; all or nothing. */
        private synchronized void enable(final Path file)
        {
            final String op = "pdumpEnable(" + file + ")";
            if (region != null)
            {
                throw EthDevException.of(Errno.EBUSY, op, "this connection already has a capture enabled; DISABLE first");
            }
            final CaptureRegion r;
            try
            {
                r = CaptureRegion.map(file);
            }
            catch (final RuntimeException ex)
            {
                throw EthDevException.of(Errno.EINVAL, op, "cannot map it: " + ex.getMessage());
            }
            try
            {
                final BpfProgram filter;
                try
                {
                    filter = r.validate();
                }
                catch (final IllegalArgumentException ex)
                {
                    throw EthDevException.of(Errno.EINVAL, op, ex.getMessage());
                }
                for (int i = 0; i < r.ringCount(); i++)
                {
                    tap(op, r, i, filter);
                }
                region = r;
            }
            catch (final RuntimeException ex)
            {
                untapAll();
                r.close();
                throw ex;
            }
            Log.debug(LOG, "capture enabled on " + r.ringCount() + " queue(s) (" + file.getFileName() + ")");
        }

        private void tap(final String op, final CaptureRegion r, final int i, final BpfProgram filter)
        {
            final int portId = r.ringPort(i);
            final int queue = r.ringQueue(i);
            final int dir = r.ringDirection(i);
            final EthDev port = port(op + " ring " + i, portId);
            final CaptureRingWriter w = new CaptureRingWriter(r.ring(i), r.ringCapacity(), r.snaplen(),
                filter == null ? null : filter.copy());
            final EthDev p = port;
            if (dir == CaptureRingDescriptor.DIRECTION_RX)
            {
                p.addRxTap(queue, w);
                untaps.add(() -> p.removeRxTap(queue, w));
            }
            else if (dir == CaptureRingDescriptor.DIRECTION_TX)
            {
                p.addTxTap(queue, w);
                untaps.add(() -> p.removeTxTap(queue, w));
            }
            else
            {
                throw EthDevException.of(Errno.EINVAL, op, "ring " + i + ": direction " + dir + " (0 = rx, 1 = tx)");
            }
        }

        private void untapAll()
        {
            for (int i = untaps.size() - 1; i >= 0; i--)
            {
                try
                {
                    untaps.get(i).run();
                }
                catch (final EthDevException ex)
                {
                    Log.warn(LOG, "removing a capture tap: " + ex.getMessage());
                }
            }
            untaps.clear();
        }

        /** Taps removed (and quiescent), then the region unmapped. */
        synchronized void disable()
        {
            untapAll();
            if (region != null)
            {
                region.close();
                region = null;
                Log.debug(LOG, "capture disabled");
            }
        }

        void close()
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignore)
            {
                // closing anyway
            }
            disable();
            sessions.remove(this);
        }
    }
}
