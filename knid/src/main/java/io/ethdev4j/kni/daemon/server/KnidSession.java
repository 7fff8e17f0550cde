package io.ethdev4j.kni.daemon.server;

import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.KniFifoDescriptor;
import io.ethdev4j.kni.abi.KniRequestDescriptor;
import io.ethdev4j.kni.abi.MempoolRange;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.control.KniDeviceStatus;
import io.ethdev4j.kni.daemon.KnidMessage;
import io.ethdev4j.kni.kernel.LocalKniControl;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.FdMessage;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.PosixFile;
import io.ethdev4j.sys.RteLog;
import io.ethdev4j.sys.UnixPeer;
import io.ethdev4j.sys.UnixSocket;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One client of knid: its connection, and today's in-process kernel side ({@link LocalKniControl}: its own
 * {@code KniKernel}, mempool registry, KNI threads and handle table) over the client's memory, which
 * {@link ClientMemory} maps at the client's own addresses. Nothing is shared between sessions but the daemon's
 * parameters, so one client's FIFO entries are checked against its own pools only and its handles name its own
 * interfaces only.
 * <p>
 * One thread per session reads a request, serves it and replies, until the client closes the socket or dies (EOF):
 * then every interface of the client is released and its memory unmapped ({@link #close}).
 */
final class KnidSession implements Runnable, AutoCloseable
{
    private static final int POLL_MS = 100;

    /** A created interface and the memory it holds. */
    private static final class Device
    {
        final ClientMemory.Mapping[] zones;
        final int netnsFd;

        Device(final ClientMemory.Mapping[] zones, final int netnsFd)
        {
            this.zones = zones;
            this.netnsFd = netnsFd;
        }
    }

    private final KnidServer server;
    private final KnidConfig config;
    private final int fd;
    private final UnixPeer.Credentials peer;
    /** Why the peer is refused (every request answered with it, then the connection closed), or null. */
    private final KniControlException refusal;
    private final String name;
    private final ClientMemory memory;
    private final Map<Integer, ClientMemory.Mapping> pools = new HashMap<>();
    private final Map<Integer, Device> devices = new HashMap<>();
    private LocalKniControl control;
    private volatile boolean stopping;
    private boolean closed;

    KnidSession(final KnidServer server, final int fd, final UnixPeer.Credentials peer,
        final KniControlException refusal)
    {
        this.server = server;
        this.config = server.config();
        this.fd = fd;
        this.peer = peer;
        this.refusal = refusal;
        this.name = "client " + peer;
        this.memory = new ClientMemory(name, config.maxClientMemory());
    }

    String name()
    {
        return name;
    }

    /** Interfaces the client has now. */
    synchronized int interfaces()
    {
        return devices.size();
    }

    long mappedBytes()
    {
        return memory.mappedBytes();
    }

    /** Asks the session's thread to end (daemon shutdown); it releases everything on its way out. */
    void stop()
    {
        stopping = true;
    }

    @Override
    public void run()
    {
        final byte[] buf = new byte[KnidMessage.MAX_LENGTH + 1];
        final int[] errno = new int[1];
        final int[] pfd = {fd};
        final int[] events = {UnixSocket.POLLIN};
        final int[] revents = new int[1];
        try
        {
            while (!stopping)
            {
                final int ready = UnixSocket.poll(pfd, events, revents, 1, POLL_MS);
                if (ready <= 0)
                {
                    continue;
                }
                final FdMessage.Received r = FdMessage.receive(fd, buf, KnidMessage.MAX_FDS, UnixSocket.MSG_DONTWAIT,
                    errno);
                if (r == null)
                {
                    if (errno[0] == Errno.EAGAIN || errno[0] == Errno.EINTR)
                    {
                        continue;
                    }
                    RteLog.notice("KNID", name + ": connection failed (" + Errno.name(errno[0]) + ")");
                    break;
                }
                if (r.length() == 0 && r.fds().length == 0)
                {
                    RteLog.notice("KNID", name + ": disconnected; releasing its " + devices.size() + " interfaces");
                    break;
                }
                final KnidMessage reply = serve(buf, r);
                final long sent;
                try
                {
                    sent = FdMessage.send(fd, reply.array(), reply.length(), reply.fds());
                }
                finally
                {
                    reply.closeFds(); // our copies: the client has its own now
                }
                if (sent < 0)
                {
                    RteLog.notice("KNID", name + ": reply failed (" + Errno.name((int)-sent) + "): disconnecting");
                    break;
                }
                if (refusal != null)
                {
                    break;
                }
            }
        }
        catch (final RuntimeException | Error ex)
        {
            RteLog.err("KNID", name + ": session failed: " + ex);
        }
        finally
        {
            close();
            server.ended(this);
        }
    }

    /** One request: its reply; every fd that came with it is closed or kept by what it created. */
    KnidMessage serve(final byte[] buf, final FdMessage.Received r)
    {
        final int[] fds = r.fds();
        int op = 0;
        int seq = 0;
        try
        {
            if (r.length() < KnidMessage.HEADER_LENGTH)
            {
                throw KniControlException.of(Errno.EINVAL, "knid request", "a message of " + r.length() +
                    " bytes: a request has at least " + KnidMessage.HEADER_LENGTH);
            }
            final KnidMessage m = KnidMessage.read(buf, r.length());
            op = m.i32();
            seq = m.i32();
            final String what = "knid " + KnidMessage.opName(op);
            if (r.truncated())
            {
                throw KniControlException.of(Errno.EMSGSIZE, what, "message longer than " + KnidMessage.MAX_LENGTH +
                    " bytes");
            }
            if (r.fdsTruncated())
            {
                throw KniControlException.of(Errno.EINVAL, what, "more than " + KnidMessage.MAX_FDS + " fds");
            }
            if (refusal != null)
            {
                throw refusal;
            }
            final KnidMessage reply = KnidMessage.reply(op, seq);
            try
            {
                dispatch(op, m, fds, reply);
            }
            catch (final BufferUnderflowException ex)
            {
                reply.closeFds();
                throw KniControlException.of(Errno.EINVAL, what, "malformed message (" + r.length() +
                    " bytes: shorter than the op's fields)");
            }
            catch (final RuntimeException ex)
            {
                reply.closeFds();
                throw ex;
            }
            return reply;
        }
        catch (final KniControlException ex)
        {
            return KnidMessage.error(op, seq, ex.errno(), ex.getMessage());
        }
        catch (final IllegalArgumentException ex)
        {
            return KnidMessage.error(op, seq, Errno.EINVAL, ex.getMessage());
        }
        catch (final RuntimeException ex)
        {
            RteLog.err("KNID", name + ": " + KnidMessage.opName(op) + " failed: " + ex);
            return KnidMessage.error(op, seq, Errno.EIO, "knid " + KnidMessage.opName(op) + " failed: EIO - " + ex);
        }
        finally
        {
            for (final int f : fds)
            {
                if (f >= 0)
                {
                    LibC.closeQuietly(f);
                }
            }
        }
    }

    private void expectFds(final String what, final int[] fds, final int n)
    {
        if (fds.length != n)
        {
            throw KniControlException.of(Errno.EINVAL, what, "takes " + n + " fds, got " + fds.length);
        }
    }

    private synchronized void dispatch(final int op, final KnidMessage m, final int[] fds, final KnidMessage reply)
    {
        final String what = "knid " + KnidMessage.opName(op);
        expectFds(what, fds, op == KnidMessage.REGISTER_POOL ? 1 : op == KnidMessage.CREATE ? KnidMessage.MAX_FDS : 0);
        if (op != KnidMessage.HELLO && control == null)
        {
            throw KniControlException.of(Errno.EINVAL, what, "say hello first (kniInit)");
        }
        switch (op)
        {
            case KnidMessage.HELLO:
                hello(m, reply);
                break;
            case KnidMessage.REGISTER_POOL:
                registerPool(m, fds);
                break;
            case KnidMessage.UNREGISTER_POOL:
                reply.u8(unregisterPool(m.i32()));
                break;
            case KnidMessage.CREATE:
            {
                final int handle = create(m, fds);
                reply.i32(handle);
                try
                {
                    doorbell(handle, reply);
                }
                catch (final RuntimeException ex)
                {
                    release(handle); // the client hears of a failure: it must not have the interface either
                    throw ex;
                }
                break;
            }
            case KnidMessage.RELEASE:
                reply.u8(release(m.i32()));
                break;
            case KnidMessage.STATUS:
                status(m.i32(), reply);
                break;
            case KnidMessage.READ_COUNTERS:
            {
                final long[] values = new long[KniCounter.COUNT];
                control.readCounters(m.i32(), values);
                reply.i32(values.length);
                for (final long v : values)
                {
                    reply.i64(v);
                }
                break;
            }
            case KnidMessage.UPDATE_LINK:
            {
                final int h = m.i32();
                reply.i32(control.updateLink(h, m.bool()));
                break;
            }
            case KnidMessage.SET_MTU:
            {
                final int h = m.i32();
                control.setMtu(h, m.i32());
                break;
            }
            case KnidMessage.SET_MAC:
            {
                final int h = m.i32();
                control.setMacAddr(h, m.bytes(6));
                break;
            }
            case KnidMessage.SET_PROMISC:
            {
                final int h = m.i32();
                control.setPromiscuous(h, m.bool());
                break;
            }
            case KnidMessage.SET_ALLMULTI:
            {
                final int h = m.i32();
                control.setAllmulticast(h, m.bool());
                break;
            }
            default:
                throw KniControlException.of(Errno.EINVAL, what, "unknown op");
        }
    }

    private void hello(final KnidMessage m, final KnidMessage reply)
    {
        final int version = m.i32();
        if (version != KnidMessage.VERSION)
        {
            throw KniControlException.of(Errno.EINVAL, "knid hello(version=" + version + ")",
                "this knid speaks version " + KnidMessage.VERSION);
        }
        if (control == null)
        {
            control = new LocalKniControl(config.params());
            RteLog.notice("KNID", name + ": connected");
        }
        reply.string(config.describeParams());
    }

    private void registerPool(final KnidMessage m, final int[] fds)
    {
        final int poolId = m.i32();
        final long base = m.i64();
        final int elementSize = m.i32();
        final int elementCount = m.i32();
        final int bufferOffset = m.i32();
        final long regionAddress = m.i64();
        final long regionLength = m.i64();
        final MempoolRange range = new MempoolRange(poolId, base, elementSize, elementCount, bufferOffset);
        final String what = "knid registerMempool(" + range + ")";
        if (pools.containsKey(poolId))
        {
            throw KniControlException.of(Errno.EEXIST, what, "pool id already registered");
        }
        if (pools.size() >= config.maxPools())
        {
            throw KniControlException.of(Errno.ENOSPC, what, "a client registers at most " + config.maxPools() +
                " pools (--max-pools)");
        }
        final ClientMemory.Mapping mapping = memory.map(what, regionAddress, regionLength, fds[0], base,
            range.endAddress() - base);
        try
        {
            control.registerMempool(range);
        }
        catch (final RuntimeException ex)
        {
            memory.unref(mapping);
            throw ex;
        }
        pools.put(poolId, mapping);
    }

    private boolean unregisterPool(final int poolId)
    {
        final ClientMemory.Mapping mapping = pools.remove(poolId);
        if (mapping == null)
        {
            return false;
        }
        control.unregisterMempool(poolId);
        memory.unref(mapping);
        return true;
    }

    private int create(final KnidMessage m, final int[] fds)
    {
        final KniDeviceInfo info = new KniDeviceInfo().name(m.string());
        info.groupId(m.i32()).coreId(m.i32()).forceBind(m.bool()).mbufSize(m.i32()).mtu(m.i32()).minMtu(m.i32())
            .maxMtu(m.i32());
        final boolean hasMac = m.bool();
        final byte[] mac = m.bytes(6);
        if (hasMac)
        {
            info.macAddr(mac);
        }
        final String netnsName = m.string();
        final long[] fifo = new long[KnidMessage.ZONES];
        final long[] regionAddress = new long[KnidMessage.ZONES];
        final long[] regionLength = new long[KnidMessage.ZONES];
        for (int z = 0; z < KnidMessage.ZONES; z++)
        {
            fifo[z] = m.i64();
            regionAddress[z] = m.i64();
            regionLength[z] = m.i64();
        }
        info.txQ(fifo[0]).rxQ(fifo[1]).allocQ(fifo[2]).freeQ(fifo[3]).reqQ(fifo[4]).respQ(fifo[5]).sync(fifo[6]);
        final int ncpus = m.u16();
        final int[] cpus = new int[ncpus];
        for (int c = 0; c < ncpus; c++)
        {
            cpus[c] = m.i32();
        }
        final String what = "knid create(name=" + info.name() + (netnsName.isEmpty() ? "" : ", netns=" + netnsName) +
            ")";
        if (devices.size() >= config.maxInterfaces())
        {
            throw KniControlException.of(Errno.ENOSPC, what, "a client has at most " + config.maxInterfaces() +
                " interfaces (--max-interfaces)");
        }
        try
        {
            info.validate();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new KniControlException(Errno.EINVAL, ex.getMessage(), ex);
        }
        final ClientMemory.Mapping[] zones = new ClientMemory.Mapping[KnidMessage.ZONES];
        final int netnsFd = fds[KnidMessage.ZONES];
        try
        {
            for (int z = 0; z < KnidMessage.ZONES; z++)
            {
                zones[z] = memory.map(what, regionAddress[z], regionLength[z], fds[z], fifo[z],
                    z == KnidMessage.ZONES - 1 ? KniRequestDescriptor.LENGTH : KniFifoDescriptor.KNI_FIFO_SIZE);
            }
            // the client's namespace (or the one it named and could open): the interface is created there; entering
            // another namespace needs CAP_SYS_ADMIN, knid's own needs nothing
            if (!sameNamespace(netnsFd))
            {
                info.netns("/proc/self/fd/" + netnsFd);
            }
            final int handle = createOn(info, cpus);
            fds[KnidMessage.ZONES] = -1; // kept open while the interface lives
            devices.put(handle, new Device(zones, netnsFd));
            RteLog.notice("KNID", name + ": created " + info.name() + " (handle " + handle + ")");
            return handle;
        }
        catch (final RuntimeException ex)
        {
            for (final ClientMemory.Mapping z : zones)
            {
                if (z != null)
                {
                    memory.unref(z);
                }
            }
            throw ex;
        }
    }

    /**
     * Creates with this thread bound to the CPUs of the client's creating thread (those knid may use), so that a KNI
     * thread started now inherits them, as it would have in the client's process (where testpmd's main lcore creates
     * the interfaces: the KNI thread then stays off the forwarding lcores). Without such CPUs, knid's own.
     */
    private int createOn(final KniDeviceInfo info, final int[] cpus)
    {
        final int[] usable = java.util.Arrays.stream(cpus)
            .filter(c -> java.util.Arrays.stream(LibC.allowedCpus()).anyMatch(a -> a == c)).toArray();
        if (usable.length == 0)
        {
            return control.create(info);
        }
        final int[] before = LibC.threadAffinity();
        LibC.setAffinity(0, usable);
        try
        {
            return control.create(info);
        }
        finally
        {
            LibC.setAffinity(0, before);
        }
    }

    /**
     * True when {@code fd} is knid's own network namespace (same nsfs inode). An fd on no namespace file is EINVAL;
     * another kind of namespace fails at setns (EINVAL too).
     */
    private static boolean sameNamespace(final int fd)
    {
        try
        {
            final Path own = Path.of("/proc/self/ns/net");
            final Path passed = Path.of("/proc/self/fd/" + fd);
            if (!Files.getAttribute(passed, "unix:dev").equals(Files.getAttribute(own, "unix:dev")))
            {
                throw KniControlException.of(Errno.EINVAL, "knid create", "the namespace fd is " +
                    Files.readSymbolicLink(passed) + ", not a network namespace");
            }
            return Files.getAttribute(passed, "unix:ino").equals(Files.getAttribute(own, "unix:ino"));
        }
        catch (final IOException ex)
        {
            throw KniControlException.of(Errno.EINVAL, "knid create", "the namespace fd: " + ex);
        }
    }

    /**
     * The doorbell of the thread serving the interface, for the CREATE reply: a copy of its eventfd the reply owns (the
     * thread's own may close with the interface while the reply is on its way), or none when no thread serves it.
     */
    private void doorbell(final int handle, final KnidMessage reply)
    {
        final int bell = control.doorbellFd(handle);
        reply.u8(bell >= 0);
        if (bell >= 0)
        {
            reply.attach(PosixFile.dupCloexecAbove(bell, 3));
        }
    }

    private boolean release(final int handle)
    {
        final Device d = devices.remove(handle);
        if (d == null)
        {
            return false;
        }
        try
        {
            return control.release(handle);
        }
        finally
        {
            for (final ClientMemory.Mapping z : d.zones)
            {
                memory.unref(z);
            }
            LibC.closeQuietly(d.netnsFd);
        }
    }

    private void status(final int handle, final KnidMessage reply)
    {
        final KniDeviceStatus s = control.status(handle);
        reply.string(s.name()).i32(s.ifIndex()).u8(s.present()).u8(s.carrier()).i64(s.requests()).i64(s.refusals())
            .string(s.lastRefusal()).i32(s.lastIoErrno());
    }

    /** Releases every interface (the KNI threads stop), then unmaps the client's memory and closes the socket. */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            if (control != null)
            {
                control.close();
            }
        }
        catch (final RuntimeException | Error ex)
        {
            // Error too: a fault in the client's memory (an unsealed file cut short) surfaces as an InternalError
            RteLog.err("KNID", name + ": releasing its interfaces failed: " + ex);
        }
        finally
        {
            for (final Device d : devices.values())
            {
                LibC.closeQuietly(d.netnsFd);
            }
            devices.clear();
            pools.clear();
            memory.close();
            LibC.closeQuietly(fd);
            if (control != null)
            {
                RteLog.notice("KNID", name + ": ended (interfaces released, memory unmapped)");
            }
        }
    }
}
