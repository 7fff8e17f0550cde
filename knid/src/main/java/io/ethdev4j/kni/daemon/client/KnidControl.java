package io.ethdev4j.kni.daemon.client;

import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.MempoolRange;
import io.ethdev4j.kni.control.KniControl;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.control.KniDeviceStatus;
import io.ethdev4j.kni.control.KniMemory;
import io.ethdev4j.kni.daemon.KnidMessage;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.EventFd;
import io.ethdev4j.sys.FdMemory;
import io.ethdev4j.sys.FdMessage;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.Netns;
import io.ethdev4j.sys.PosixFile;
import io.ethdev4j.sys.RteLog;
import io.ethdev4j.sys.SysException;
import io.ethdev4j.sys.UnixSocket;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link KniControl} served by {@code tools/knid} ({@value KniControl#DAEMON}, {@code --kni-daemon=SOCKET}): every
 * call is one request and reply on the daemon's socket ({@link KnidMessage}), and the memory the kernel side follows —
 * each registered pool's and each interface's FIFO zones — goes with it as the memfds behind it
 * ({@link KniMemory}), which the daemon maps at the same addresses. The FIFOs, the requests and the API are the
 * in-process ones.
 *
 * <h2>When knid goes away</h2>
 * A watcher thread sees the daemon hang up (it died, or was restarted): the channel stops {@link #serving()} (the KNI
 * bursts move nothing; {@link #status} fails with ENOTCONN, so the ports report link down; {@link #readCounters}
 * gives the values last read) and an error names what happened. The watcher then reconnects every {@value #RECONNECT_MS} ms; once knid answers, it registers the pools
 * again and recreates every interface (same name, FIFOs, MAC, MTU, carrier, rx modes), and the channel serves again.
 * While knid is gone, pools come and go as usual and the link, MTU, MAC and rx-mode calls are remembered for the
 * reconnection; {@link #create} fails with ENOTCONN.
 * <p>
 * The channel keeps its own copy (a dup) of every fd it passes, so it can pass them again after a reconnection.
 *
 * <h2>The doorbell</h2>
 * knid hands over the eventfd of the KNI thread serving each interface it creates (SCM_RIGHTS, with the CREATE
 * reply): {@link #doorbellFd} is this process's copy, which the KNI library signals as in-process. Its number stays the
 * same for the interface's life, from create to {@link #release} (or {@link #close}): when knid goes away the number
 * is made to refer to an eventfd of this channel that nothing polls (the dead daemon's is let go), and when the
 * interface is recreated, to the new thread's eventfd — each time with {@code dup3}, which replaces what the number
 * refers to atomically. So a data path that read the number once never signals a closed fd or a number reused for
 * another file, and rings the new thread after a reconnection without asking again.
 * Thread safety: every method may be called from any thread; calls are serialised.
 */
public final class KnidControl implements KniControl
{
    /** Wait for one reply at most this long (a create enters namespaces and starts threads). */
    public static final int REPLY_TIMEOUT_MS = 10_000;
    /** Between reconnection attempts. */
    public static final int RECONNECT_MS = 250;
    /** Most CPUs named in a create (the message has room for them). */
    private static final int MAX_CPUS = 512;
    /** POLLRDHUP: the peer closed its end. */
    private static final int POLLRDHUP = 0x2000;

    /** A registered pool: what to send again after a reconnection. */
    private static final class Pool
    {
        final MempoolRange range;
        final KniMemory.Region region;
        final int fd;

        Pool(final MempoolRange range, final KniMemory.Region region, final int fd)
        {
            this.range = range;
            this.region = region;
            this.fd = fd;
        }
    }

    /** A created interface: its creation and the changes made since, to replay. */
    private static final class Device
    {
        final KniDeviceInfo info;
        final KniMemory.Region[] zones;
        final int[] fds;
        /** The creating thread's CPUs: in-process, the KNI thread would have inherited them. */
        final int[] cpus = LibC.threadAffinity();
        /** The counters as last read (what a reader sees while knid is gone). */
        final long[] counters = new long[KniCounter.COUNT];
        /** What the interfaces before the last reconnection counted: added to the new one's (counters only grow). */
        final long[] base = new long[KniCounter.COUNT];
        int remote;
        /** This process's doorbell for the interface (see the class comment): -1 until created, then stable. */
        int doorbell = -1;
        Boolean link;
        int mtu;
        byte[] mac;
        Boolean promisc;
        Boolean allmulti;

        Device(final KniDeviceInfo info, final KniMemory.Region[] zones, final int[] fds)
        {
            this.info = info;
            this.zones = zones;
            this.fds = fds;
        }
    }

    private final String socketPath;
    private final KniMemory memory;
    private final Map<Integer, Pool> pools = new LinkedHashMap<>();
    private final Map<Integer, Device> devices = new LinkedHashMap<>();
    private final byte[] recvBuf = new byte[KnidMessage.MAX_LENGTH + 1];
    private final Thread watcher;
    /** An eventfd nothing polls: what every doorbell refers to while knid is gone (rings then go nowhere). */
    private final int idleBell;
    private int fd = -1;
    private int seq;
    private int lastHandle;
    private String daemonParams;
    private String lostReason;
    private String lastReconnectFailure;
    private volatile boolean serving;
    private volatile boolean closed;

    /**
     * Connects to knid at {@code socketPath} and says hello.
     *
     * @throws KniControlException ENOTCONN (no knid there, or it hung up), EACCES (this user is not allowed), EINVAL
     *     (a protocol version knid does not speak).
     */
    public KnidControl(final String socketPath, final KniMemory memory)
    {
        this.socketPath = socketPath;
        this.memory = memory;
        this.idleBell = EventFd.create();
        synchronized (this)
        {
            try
            {
                connect();
            }
            catch (final RuntimeException ex)
            {
                LibC.closeQuietly(idleBell);
                throw ex;
            }
        }
        serving = true;
        watcher = new Thread(this::watch, "knid-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The daemon's module parameters, as it said at hello. */
    public synchronized String daemonParams()
    {
        return daemonParams;
    }

    public String socketPath()
    {
        return socketPath;
    }

    @Override
    public boolean serving()
    {
        return serving;
    }

    // ------------------------------------------------------------------ connection

    private void connect()
    {
        final String op = "kniInit(knid=" + socketPath + ")";
        final int s = UnixSocket.socket(UnixSocket.AF_UNIX, UnixSocket.SOCK_SEQPACKET);
        final int rc;
        try
        {
            rc = UnixSocket.connectUnix(s, socketPath);
        }
        catch (final SysException ex)
        {
            LibC.closeQuietly(s);
            throw KniControlException.of(Errno.EINVAL, op, ex.getMessage(), ex);
        }
        if (rc < 0)
        {
            LibC.closeQuietly(s);
            throw KniControlException.of(Errno.ENOTCONN, op, "cannot connect (" + Errno.name(-rc) + "): is knid " +
                "running there? (tools/knid --socket=" + socketPath + ")" +
                (rc == -Errno.EACCES ? "; the socket's directory must be searchable by this user" : ""));
        }
        fd = s;
        try
        {
            final KnidMessage hello = begin(KnidMessage.HELLO).i32(KnidMessage.VERSION);
            daemonParams = call(op, hello, new int[0], null).string();
        }
        catch (final RuntimeException ex)
        {
            dropSocket();
            throw ex;
        }
    }

    private void dropSocket()
    {
        if (fd >= 0)
        {
            LibC.closeQuietly(fd);
            fd = -1;
        }
    }

    /** The daemon hung up, or a request could not be made: stop serving, say so once, let the watcher reconnect. */
    private void lost(final String reason)
    {
        dropSocket();
        silenceDoorbells();
        if (serving || lostReason == null)
        {
            lostReason = reason + " at " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        }
        if (serving)
        {
            serving = false;
            RteLog.err("KNI", "knid at " + socketPath + " is gone (" + reason + "): the " + devices.size() +
                " KNI interfaces of this process are down and their bursts move nothing; reconnecting every " +
                RECONNECT_MS + " ms");
        }
    }

    /** The daemon's eventfds are let go: every doorbell refers to {@link #idleBell} until the interface is back. */
    private void silenceDoorbells()
    {
        for (final Device d : devices.values())
        {
            if (d.doorbell >= 0)
            {
                try
                {
                    PosixFile.replaceCloexec(idleBell, d.doorbell);
                }
                catch (final SysException ex)
                {
                    // not seen (both fds are open): the doorbell keeps knid's eventfd, which a ring only bumps
                    RteLog.err("KNI", "silencing the doorbell of " + d.info.name() + ": " + ex.getMessage());
                }
            }
        }
    }

    private KniControlException notConnected(final String op)
    {
        return KniControlException.of(Errno.ENOTCONN, op, "knid at " + socketPath + " is gone (" + lostReason +
            "); reconnecting");
    }

    private void watch()
    {
        final int[] pfd = new int[1];
        final int[] events = {POLLRDHUP};
        final int[] revents = new int[1];
        while (!closed)
        {
            final int current;
            synchronized (this)
            {
                current = fd;
            }
            if (current >= 0)
            {
                pfd[0] = current;
                final int n = UnixSocket.poll(pfd, events, revents, 1, 200);
                if (n > 0 && (revents[0] & (POLLRDHUP | UnixSocket.POLLHUP | UnixSocket.POLLERR |
                    UnixSocket.POLLNVAL)) != 0)
                {
                    synchronized (this)
                    {
                        if (fd == current && !closed)
                        {
                            lost("knid closed the connection");
                        }
                    }
                }
                continue;
            }
            try
            {
                Thread.sleep(RECONNECT_MS);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            synchronized (this)
            {
                if (!closed && fd < 0)
                {
                    reconnect();
                }
            }
        }
    }

    /** Connects, registers the pools and recreates the interfaces; on any failure, drops the socket to retry. */
    private void reconnect()
    {
        try
        {
            connect();
            for (final Pool p : pools.values())
            {
                sendPool(p);
            }
            for (final Device d : devices.values())
            {
                d.remote = sendCreate(d);
                System.arraycopy(d.counters, 0, d.base, 0, KniCounter.COUNT);
                replay(d);
            }
        }
        catch (final KniControlException ex)
        {
            if (fd >= 0 && !ex.getMessage().equals(lastReconnectFailure))
            {
                // once per distinct failure: the watcher retries every RECONNECT_MS
                RteLog.err("KNI", "reconnecting to knid at " + socketPath + " failed: " + ex.getMessage());
            }
            lastReconnectFailure = ex.getMessage();
            dropSocket();
            silenceDoorbells();
            return;
        }
        serving = true;
        lastReconnectFailure = null;
        RteLog.notice("KNI", "knid at " + socketPath + " is back: " + pools.size() + " pools registered and " +
            devices.size() + " interfaces recreated");
    }

    private void replay(final Device d)
    {
        if (d.mtu > 0)
        {
            setMtuRemote(d, d.mtu);
        }
        if (d.mac != null)
        {
            call("kniSetMacAddr", begin(KnidMessage.SET_MAC).i32(d.remote).bytes(d.mac), new int[0]);
        }
        if (d.promisc != null)
        {
            call("kniSetPromiscuous", begin(KnidMessage.SET_PROMISC).i32(d.remote).u8(d.promisc), new int[0]);
        }
        if (d.allmulti != null)
        {
            call("kniSetAllmulticast", begin(KnidMessage.SET_ALLMULTI).i32(d.remote).u8(d.allmulti), new int[0]);
        }
        if (d.link != null)
        {
            call("kniUpdateLink", begin(KnidMessage.UPDATE_LINK).i32(d.remote).u8(d.link), new int[0]);
        }
    }

    private KnidMessage begin(final int op)
    {
        return KnidMessage.request(op, ++seq);
    }

    /** As {@link #call(String, KnidMessage, int[], int[])} for a reply that carries no fds. */
    private KnidMessage call(final String op, final KnidMessage request, final int[] fds)
    {
        return call(op, request, fds, null);
    }

    /**
     * Sends {@code request} with {@code fds} and waits for its reply.
     *
     * @param replyFds where the fds of a successful reply go, -1 in the slots not filled (the caller owns them then);
     *     null when the reply takes none. A reply with fds it does not take, or more than fit, is a protocol error:
     *     they are closed and the connection dropped.
     * @return the reply, positioned at its payload.
     * @throws KniControlException the daemon's errno and message; ENOTCONN when the connection failed, or the reply
     *     was malformed (then the channel stops serving).
     */
    private KnidMessage call(final String op, final KnidMessage request, final int[] fds, final int[] replyFds)
    {
        if (replyFds != null)
        {
            java.util.Arrays.fill(replyFds, -1);
        }
        if (fd < 0)
        {
            throw notConnected(op);
        }
        final long sent = FdMessage.send(fd, request.array(), request.length(), fds);
        if (sent < 0)
        {
            lost("sending " + op + " failed: " + Errno.name((int)-sent));
            throw notConnected(op);
        }
        final int[] pfd = {fd};
        final int[] events = {UnixSocket.POLLIN};
        final int[] revents = new int[1];
        final long deadline = System.nanoTime() + REPLY_TIMEOUT_MS * 1_000_000L;
        final int[] errno = new int[1];
        while (true)
        {
            final long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0)
            {
                lost("no reply to " + op + " within " + REPLY_TIMEOUT_MS + " ms");
                throw notConnected(op);
            }
            if (UnixSocket.poll(pfd, events, revents, 1, (int)Math.min(left, 1000)) <= 0)
            {
                continue;
            }
            final FdMessage.Received r = FdMessage.receive(fd, recvBuf, KnidMessage.MAX_REPLY_FDS,
                UnixSocket.MSG_DONTWAIT, errno);
            if (r == null)
            {
                if (errno[0] == Errno.EAGAIN || errno[0] == Errno.EINTR)
                {
                    continue;
                }
                lost("receiving the reply to " + op + " failed: " + Errno.name(errno[0]));
                throw notConnected(op);
            }
            if (r.length() == 0)
            {
                r.closeFds();
                lost("knid closed the connection during " + op);
                throw notConnected(op);
            }
            final KnidMessage reply = KnidMessage.read(recvBuf, r.length());
            if (r.length() < KnidMessage.REPLY_HEADER_LENGTH)
            {
                r.closeFds();
                lost("a reply of " + r.length() + " bytes to " + op);
                throw notConnected(op);
            }
            reply.i32(); // op
            final int replySeq = reply.i32();
            if (replySeq != seq)
            {
                r.closeFds();
                continue; // the reply to a request that timed out before: not ours
            }
            final int err = reply.i32();
            final int took = err == 0 && replyFds != null ? replyFds.length : 0;
            if (r.fds().length > took || r.fdsTruncated())
            {
                r.closeFds();
                lost("a reply to " + op + " with " + (r.fdsTruncated() ? "more than " : "") + r.fds().length +
                    " fds (it takes at most " + took + ")");
                throw notConnected(op);
            }
            if (err != 0)
            {
                throw new KniControlException(err, reply.string());
            }
            if (replyFds != null)
            {
                System.arraycopy(r.fds(), 0, replyFds, 0, r.fds().length);
            }
            return reply;
        }
    }

    // ------------------------------------------------------------------ pools

    @Override
    public synchronized void registerMempool(final MempoolRange range)
    {
        final String op = "registerMempool(" + range + ")";
        if (closed)
        {
            throw KniControlException.of(Errno.ENODEV, op, "control channel closed");
        }
        if (pools.containsKey(range.poolId()))
        {
            throw KniControlException.of(Errno.EEXIST, op, "pool id already registered");
        }
        final KniMemory.Region region = memory.regionOf(range.baseAddress());
        if (region == null || range.endAddress() - region.address() > region.length())
        {
            throw KniControlException.of(Errno.EINVAL, op, "the pool is not inside one shared region of this " +
                "process (knid maps the memfd behind it): create it from the runtime's memory");
        }
        final Pool p = new Pool(range, region, sealedDup(region.fd()));
        try
        {
            if (fd >= 0)
            {
                sendPool(p);
            }
        }
        catch (final RuntimeException ex)
        {
            LibC.closeQuietly(p.fd);
            throw ex;
        }
        pools.put(range.poolId(), p);
    }

    private void sendPool(final Pool p)
    {
        final MempoolRange r = p.range;
        call("registerMempool(" + r + ")", begin(KnidMessage.REGISTER_POOL).i32(r.poolId()).i64(r.baseAddress())
            .i32(r.elementSize()).i32(r.elementCount()).i32(r.bufferOffset()).i64(p.region.address())
            .i64(p.region.length()), new int[] {p.fd});
    }

    @Override
    public synchronized boolean unregisterMempool(final int poolId)
    {
        final Pool p = pools.remove(poolId);
        if (p == null)
        {
            return false;
        }
        try
        {
            if (fd >= 0)
            {
                call("unregisterMempool(pool=" + poolId + ")", begin(KnidMessage.UNREGISTER_POOL).i32(poolId),
                    new int[0]);
            }
        }
        catch (final KniControlException ex)
        {
            if (ex.errno() != Errno.ENOTCONN)
            {
                throw ex;
            }
        }
        finally
        {
            LibC.closeQuietly(p.fd);
        }
        return true;
    }

    // ------------------------------------------------------------------ interfaces

    @Override
    public synchronized int create(final KniDeviceInfo info)
    {
        final String op = "kni create(name=" + info.name() + ")";
        if (closed)
        {
            throw KniControlException.of(Errno.ENODEV, op, "control channel closed");
        }
        if (fd < 0)
        {
            throw notConnected(op);
        }
        try
        {
            info.validate();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new KniControlException(Errno.EINVAL, ex.getMessage(), ex);
        }
        final long[] addrs = fifoAddresses(info);
        final KniMemory.Region[] zones = new KniMemory.Region[KnidMessage.ZONES];
        for (int z = 0; z < zones.length; z++)
        {
            zones[z] = memory.regionOf(addrs[z]);
            if (zones[z] == null)
            {
                throw KniControlException.of(Errno.EINVAL, op, "FIFO zone at 0x" + Long.toHexString(addrs[z]) +
                    " is not in shared memory of this process (knid maps the memfd behind it)");
            }
        }
        final int[] fds = new int[KnidMessage.MAX_FDS];
        int n = 0;
        Device d = null;
        try
        {
            for (; n < KnidMessage.ZONES; n++)
            {
                fds[n] = sealedDup(zones[n].fd());
            }
            // the namespace to create the interface in: the one named, or this process's (as /dev/kni did)
            final String ns = info.netns() == null ? "/proc/self/ns/net" : Netns.path(info.netns());
            try
            {
                fds[n] = LibC.openChecked(ns, LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
            }
            catch (final SysException ex)
            {
                throw KniControlException.of(ex.errno(), op, "opening the network namespace " + ns + ": " +
                    ex.getMessage(), ex);
            }
            n++;
            d = new Device(info.copy(), zones, fds);
            d.remote = sendCreate(d);
            final int handle = ++lastHandle;
            devices.put(handle, d);
            return handle;
        }
        catch (final RuntimeException ex)
        {
            for (int i = 0; i < n; i++)
            {
                LibC.closeQuietly(fds[i]);
            }
            if (d != null && d.doorbell >= 0)
            {
                LibC.closeQuietly(d.doorbell);
            }
            throw ex;
        }
    }

    /**
     * A copy of {@code fd} to keep, the file sealed against shrinking first (knid requires it of a memfd: it maps the
     * file too). A file that cannot be sealed (hugetlbfs) is passed as it is; one that refuses (EPERM: made without
     * MFD_ALLOW_SEALING) is refused by knid with the reason.
     */
    private static int sealedDup(final int fd)
    {
        FdMemory.addSeals(fd, FdMemory.F_SEAL_SHRINK);
        return PosixFile.dupCloexecAbove(fd, 3);
    }

    private static long[] fifoAddresses(final KniDeviceInfo info)
    {
        return new long[] {info.txQ(), info.rxQ(), info.allocQ(), info.freeQ(), info.reqQ(), info.respQ(),
            info.sync()};
    }

    private int sendCreate(final Device d)
    {
        final KniDeviceInfo info = d.info;
        final byte[] mac = info.macAddr();
        final KnidMessage m = begin(KnidMessage.CREATE).string(info.name()).i32(info.groupId()).i32(info.coreId())
            .u8(info.forceBind()).i32(info.mbufSize()).i32(info.mtu()).i32(info.minMtu()).i32(info.maxMtu())
            .u8(mac != null).bytes(mac != null ? mac : new byte[6]).string(info.netns());
        final long[] addrs = fifoAddresses(info);
        for (int z = 0; z < KnidMessage.ZONES; z++)
        {
            m.i64(addrs[z]).i64(d.zones[z].address()).i64(d.zones[z].length());
        }
        final int n = Math.min(d.cpus.length, MAX_CPUS);
        m.i16(n);
        for (int i = 0; i < n; i++)
        {
            m.i32(d.cpus[i]);
        }
        final String op = "kni create(name=" + info.name() + ")";
        final int[] bell = new int[KnidMessage.MAX_REPLY_FDS];
        final KnidMessage reply = call(op, m, d.fds, bell);
        String malformed = null;
        int remote = 0;
        try
        {
            remote = reply.i32();
            final boolean hasBell = reply.bool();
            if (hasBell != (bell[0] >= 0))
            {
                malformed = "a reply to " + op + " that says " + (hasBell ? "a" : "no") + " doorbell and carries " +
                    (bell[0] >= 0 ? "one" : "none");
            }
        }
        catch (final RuntimeException ex) // the fields cut short, or a bad boolean
        {
            malformed = "a malformed reply to " + op + " (" + ex.getMessage() + ")";
        }
        if (malformed != null)
        {
            LibC.closeQuietly(bell[0]);
            lost(malformed);
            throw notConnected(op);
        }
        doorbell(d, bell[0], op);
        return remote;
    }

    /**
     * The interface's doorbell now refers to {@code received} (knid's thread's eventfd, which is closed here: the
     * doorbell holds it), or to {@link #idleBell} when knid gave none. Created: the number taken from here on.
     */
    private void doorbell(final Device d, final int received, final String op)
    {
        try
        {
            if (d.doorbell < 0)
            {
                d.doorbell = received >= 0 ? received : PosixFile.dupCloexecAbove(idleBell, 3);
                return;
            }
            PosixFile.replaceCloexec(received >= 0 ? received : idleBell, d.doorbell);
        }
        catch (final SysException ex)
        {
            throw KniControlException.of(ex.errno(), op, "taking knid's doorbell: " + ex.getMessage(), ex);
        }
        finally
        {
            if (received >= 0 && received != d.doorbell)
            {
                LibC.closeQuietly(received);
            }
        }
    }

    /**
     * The client's copy of the doorbell of the thread serving the interface: the same number from {@link #create} to
     * {@link #release}, refering to the live thread's eventfd (see the class comment).
     */
    @Override
    public synchronized int doorbellFd(final int handle)
    {
        return device(handle, "kniDoorbellFd").doorbell;
    }

    @Override
    public synchronized boolean release(final int handle)
    {
        final Device d = devices.remove(handle);
        if (d == null)
        {
            return false;
        }
        try
        {
            if (fd >= 0)
            {
                call("kni release(name=" + d.info.name() + ")", begin(KnidMessage.RELEASE).i32(d.remote), new int[0]);
            }
        }
        catch (final KniControlException ex)
        {
            if (ex.errno() != Errno.ENOTCONN)
            {
                throw ex;
            }
        }
        finally
        {
            for (final int f : d.fds)
            {
                LibC.closeQuietly(f);
            }
            LibC.closeQuietly(d.doorbell);
        }
        return true;
    }

    private Device device(final int handle, final String op)
    {
        final Device d = devices.get(handle);
        if (d == null)
        {
            throw KniControlException.of(Errno.ENODEV, op + "(handle=" + handle + ")", "no such KNI (released?)");
        }
        return d;
    }

    private Device connectedDevice(final int handle, final String op)
    {
        final Device d = device(handle, op);
        if (fd < 0)
        {
            throw notConnected(op + "(kni=" + d.info.name() + ")");
        }
        return d;
    }

    @Override
    public synchronized KniDeviceStatus status(final int handle)
    {
        final Device d = connectedDevice(handle, "kniStatus");
        final KnidMessage r = call("kniStatus(kni=" + d.info.name() + ")", begin(KnidMessage.STATUS).i32(d.remote),
            new int[0]);
        final String name = r.string();
        final int ifIndex = r.i32();
        final boolean present = r.bool();
        final boolean carrier = r.bool();
        final long requests = r.i64();
        final long refusals = r.i64();
        final String lastRefusal = r.string();
        return new KniDeviceStatus(name, ifIndex, present, carrier, requests, refusals,
            lastRefusal.isEmpty() ? null : lastRefusal, r.i32());
    }

    /**
     * The counters of every incarnation of the interface added up (knid restarts count from zero); while knid is gone,
     * the values last read.
     */
    @Override
    public synchronized void readCounters(final int handle, final long[] values)
    {
        final Device d = device(handle, "kniReadCounters");
        if (values.length < KniCounter.COUNT)
        {
            throw KniControlException.of(Errno.EINVAL, "kniReadCounters(kni=" + d.info.name() + ")",
                "values has " + values.length + " slots, need " + KniCounter.COUNT);
        }
        if (fd >= 0)
        {
            try
            {
                final KnidMessage r = call("kniReadCounters(kni=" + d.info.name() + ")",
                    begin(KnidMessage.READ_COUNTERS).i32(d.remote), new int[0]);
                final int n = Math.min(r.i32(), KniCounter.COUNT);
                for (int i = 0; i < n; i++)
                {
                    d.counters[i] = d.base[i] + r.i64();
                }
            }
            catch (final KniControlException ex)
            {
                if (ex.errno() != Errno.ENOTCONN)
                {
                    throw ex;
                }
            }
        }
        System.arraycopy(d.counters, 0, values, 0, KniCounter.COUNT);
    }

    @Override
    public synchronized int updateLink(final int handle, final boolean up)
    {
        final Device d = device(handle, "kniUpdateLink");
        final Boolean before = d.link;
        d.link = up;
        if (fd < 0)
        {
            return before != null && before ? 1 : 0;
        }
        return call("kniUpdateLink(kni=" + d.info.name() + ", up=" + up + ")",
            begin(KnidMessage.UPDATE_LINK).i32(d.remote).u8(up), new int[0]).i32();
    }

    @Override
    public synchronized void setMtu(final int handle, final int mtu)
    {
        final Device d = device(handle, "kniSetMtu");
        if (fd >= 0)
        {
            setMtuRemote(d, mtu);
        }
        d.mtu = mtu;
    }

    private void setMtuRemote(final Device d, final int mtu)
    {
        call("kniSetMtu(kni=" + d.info.name() + ", mtu=" + mtu + ")", begin(KnidMessage.SET_MTU).i32(d.remote)
            .i32(mtu), new int[0]);
    }

    @Override
    public synchronized void setMacAddr(final int handle, final byte[] mac)
    {
        final Device d = device(handle, "kniSetMacAddr");
        if (mac == null || mac.length != 6)
        {
            throw KniControlException.of(Errno.EINVAL, "kniSetMacAddr(kni=" + d.info.name() + ")",
                "a MAC address has 6 bytes");
        }
        if (fd >= 0)
        {
            call("kniSetMacAddr(kni=" + d.info.name() + ")", begin(KnidMessage.SET_MAC).i32(d.remote).bytes(mac),
                new int[0]);
        }
        d.mac = mac.clone();
    }

    @Override
    public synchronized void setPromiscuous(final int handle, final boolean on)
    {
        final Device d = device(handle, "kniSetPromiscuous");
        if (fd >= 0)
        {
            call("kniSetPromiscuous(kni=" + d.info.name() + ", on=" + on + ")",
                begin(KnidMessage.SET_PROMISC).i32(d.remote).u8(on), new int[0]);
        }
        d.promisc = on;
    }

    @Override
    public synchronized void setAllmulticast(final int handle, final boolean on)
    {
        final Device d = device(handle, "kniSetAllmulticast");
        if (fd >= 0)
        {
            call("kniSetAllmulticast(kni=" + d.info.name() + ", on=" + on + ")",
                begin(KnidMessage.SET_ALLMULTI).i32(d.remote).u8(on), new int[0]);
        }
        d.allmulti = on;
    }

    /** Closes the connection (knid releases every interface of this process) and the fds kept. Idempotent. */
    @Override
    public void close()
    {
        synchronized (this)
        {
            if (closed)
            {
                return;
            }
            closed = true;
            serving = false;
            dropSocket();
        }
        watcher.interrupt();
        try
        {
            watcher.join(2000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        synchronized (this)
        {
            for (final Device d : devices.values())
            {
                for (final int f : d.fds)
                {
                    LibC.closeQuietly(f);
                }
                LibC.closeQuietly(d.doorbell);
            }
            devices.clear();
            LibC.closeQuietly(idleBell);
            for (final Pool p : pools.values())
            {
                LibC.closeQuietly(p.fd);
            }
            pools.clear();
        }
    }
}
