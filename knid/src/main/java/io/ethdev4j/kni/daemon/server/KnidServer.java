package io.ethdev4j.kni.daemon.server;

import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.RteLog;
import io.ethdev4j.sys.SysException;
import io.ethdev4j.sys.UnixPeer;
import io.ethdev4j.sys.UnixSocket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * knid: the KNI kernel side as a service — what {@code /dev/kni} with rte_kni.ko loaded was, as a process with
 * CAP_NET_ADMIN that applications without it reach over a unix socket.
 * <p>
 * It listens on a {@code SOCK_SEQPACKET} socket (mode 0666: who may use it is decided per connection, by the peer's
 * SO_PEERCRED credentials against {@link KnidConfig#allows}), and serves each client in a {@link KnidSession} of its
 * own: its own kernel side, its memory mapped at its own addresses, released when it disconnects or dies.
 */
public final class KnidServer implements AutoCloseable
{
    private static final int POLL_MS = 100;

    private final KnidConfig config;
    private final int listenFd;
    private final int ownUid = LibC.uid();
    private final List<KnidSession> sessions = new ArrayList<>();
    private final Thread acceptor;
    private volatile boolean closing;

    /**
     * Binds the socket (a stale one left by a dead knid is replaced; a live one is EADDRINUSE) and starts accepting.
     *
     * @throws SysException naming the system call that failed.
     */
    public KnidServer(final KnidConfig config)
    {
        this.config = config;
        final String path = config.socketPath();
        prepare(path);
        final int fd = UnixSocket.socket(UnixSocket.AF_UNIX, UnixSocket.SOCK_SEQPACKET);
        try
        {
            final int rc = UnixSocket.bindUnix(fd, path);
            if (rc < 0)
            {
                throw new SysException("bind", -rc, path);
            }
            Files.setPosixFilePermissions(Path.of(path), PosixFilePermissions.fromString("rw-rw-rw-"));
            UnixSocket.listen(fd, 64, path);
        }
        catch (final IOException ex)
        {
            LibC.closeQuietly(fd);
            throw new UncheckedIOException("knid: chmod " + path, ex);
        }
        catch (final RuntimeException ex)
        {
            LibC.closeQuietly(fd);
            throw ex;
        }
        this.listenFd = fd;
        acceptor = new Thread(this::acceptLoop, "knid-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        RteLog.notice("KNID", "knid listening on " + path + " (" + config.describeParams() + "; allowed: " +
            config.describeAllowed() + ")");
    }

    /** The directory exists; a socket file left by a knid that died is removed, a live one is refused. */
    private static void prepare(final String path)
    {
        final Path p = Path.of(path);
        try
        {
            if (p.getParent() != null)
            {
                Files.createDirectories(p.getParent());
            }
            if (Files.exists(p))
            {
                final int probe = UnixSocket.socket(UnixSocket.AF_UNIX, UnixSocket.SOCK_SEQPACKET);
                final int rc;
                try
                {
                    rc = UnixSocket.connectUnix(probe, path);
                }
                finally
                {
                    LibC.closeQuietly(probe);
                }
                if (rc == 0)
                {
                    throw new SysException("bind", Errno.EADDRINUSE, path + ": another knid is listening there");
                }
                Files.delete(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("knid: preparing " + path, ex);
        }
    }

    KnidConfig config()
    {
        return config;
    }

    /** Clients connected now. */
    public synchronized int clients()
    {
        return sessions.size();
    }

    /** Interfaces of every client now. */
    public synchronized int interfaces()
    {
        int n = 0;
        for (final KnidSession s : sessions)
        {
            n += s.interfaces();
        }
        return n;
    }

    private void acceptLoop()
    {
        final int[] pfd = {listenFd};
        final int[] events = {UnixSocket.POLLIN};
        final int[] revents = new int[1];
        while (!closing)
        {
            if (UnixSocket.poll(pfd, events, revents, 1, POLL_MS) <= 0)
            {
                continue;
            }
            final int fd = UnixSocket.accept(listenFd, 0);
            if (fd < 0)
            {
                if (fd != -Errno.EAGAIN && fd != -Errno.EINTR)
                {
                    RteLog.err("KNID", "accept on " + config.socketPath() + " failed: " + Errno.name(-fd));
                }
                continue;
            }
            try
            {
                start(fd);
            }
            catch (final RuntimeException ex)
            {
                RteLog.err("KNID", "a connection on " + config.socketPath() + " failed: " + ex.getMessage());
                LibC.closeQuietly(fd);
            }
        }
    }

    private synchronized void start(final int fd)
    {
        final UnixPeer.Credentials peer = UnixPeer.credentials(fd);
        KniControlException refusal = null;
        if (!config.allows(peer, ownUid))
        {
            refusal = KniControlException.of(Errno.EACCES, "kniInit(socket=" + config.socketPath() + ")", "uid " +
                Integer.toUnsignedString(peer.uid()) + " (pid " + peer.pid() + ") is not allowed to use knid " +
                "(allowed: " + config.describeAllowed() + "; see knid --allow-user/--allow-group)");
            RteLog.warn("KNID", "refused " + peer + ": not allowed");
        }
        else if (sessions.size() >= config.maxClients())
        {
            refusal = KniControlException.of(Errno.ENOSPC, "kniInit(socket=" + config.socketPath() + ")",
                "knid serves at most " + config.maxClients() + " clients (--max-clients)");
            RteLog.warn("KNID", "refused " + peer + ": " + config.maxClients() + " clients already");
        }
        final KnidSession s = new KnidSession(this, fd, peer, refusal);
        if (refusal == null)
        {
            sessions.add(s);
        }
        final Thread t = new Thread(s, "knid-" + peer.pid());
        t.setDaemon(true);
        t.start();
    }

    synchronized void ended(final KnidSession s)
    {
        sessions.remove(s);
    }

    /** Stops accepting, ends every session (their interfaces released), removes the socket. Idempotent. */
    @Override
    public void close()
    {
        if (closing)
        {
            return;
        }
        closing = true;
        try
        {
            acceptor.join(2000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        LibC.closeQuietly(listenFd);
        final List<KnidSession> all;
        synchronized (this)
        {
            all = new ArrayList<>(sessions);
        }
        for (final KnidSession s : all)
        {
            s.stop();
            s.close();
        }
        try
        {
            Files.deleteIfExists(Path.of(config.socketPath()));
        }
        catch (final IOException ex)
        {
            RteLog.warn("KNID", "removing " + config.socketPath() + " failed: " + ex);
        }
    }
}
