package io.ethdev4j.kni;

import io.ethdev4j.bus.EalServices;
import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniDirectIoDescriptor;
import io.ethdev4j.kni.abi.KniDoorbellDescriptor;
import io.ethdev4j.kni.abi.KniFifo;
import io.ethdev4j.kni.abi.KniMbufDescriptor;
import io.ethdev4j.kni.abi.KniRequest;
import io.ethdev4j.kni.abi.KniRequestId;
import io.ethdev4j.kni.control.KniControl;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.control.KniDeviceStatus;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.mbuf.MbufWriter;
import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.EventFd;
import io.ethdev4j.sys.Tun;
import org.agrona.UnsafeApi;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One KNI (DPDK's {@code struct rte_kni}): a Linux interface and the shared-memory FIFOs that connect it to the
 * application. Made by {@link KniContext#alloc}, released by {@link KniContext#release}.
 * <p>
 * FIFOs are named from the kernel's point of view, as in DPDK:
 * <pre>
 *   application                                   kernel side (KNI thread)            Linux
 *   txBurst ──► rx_q ───────────────────────────► write to the netdev ─────────────► stack
 *           ◄── free_q ◄────────────────────────── (mbufs handed back)
 *   rxBurst ◄── tx_q ◄──────────────────────────── read from the netdev ◄─────────── stack
 *   (refill) ─► alloc_q ──────────────────────────► (empty mbufs to read into)
 *   handleRequest ◄── req_q / resp_q ──► sync area ◄── ip link set ... (MTU, up/down, MAC, promisc, allmulti)
 * </pre>
 *
 * The kernel side is reached through the context's {@link KniControl} by this KNI's handle (state, counters, carrier,
 * the application's own MTU/MAC/rx-mode changes) and through the FIFOs above; nothing else is shared.
 * <h2>Direct I/O (an ethdev4j addition)</h2>
 * Where the kernel side runs in this process and lends the TAP ({@link KniDirectIoDescriptor}, the module's direct_io),
 * the bursts move frames themselves while the KNI thread sleeps: {@link #txBurst} writes up to
 * {@link #DIRECT_BURST_MAX} packets to the TAP (when rx_q is empty, so nothing overtakes) and frees them;
 * {@link #rxBurst} drains tx_q, then reads up to {@link #DIRECT_BURST_MAX} frames into fresh mbufs of the KNI's pool.
 * One {@code write}/{@code read} per frame on the caller's lcore, as DPDK's net_tap: a quiet interface's request and
 * answer then wait for no thread. Larger bursts go through the FIFOs and ring the doorbell (a receive that filled its
 * direct share rings too), and while the thread is awake it does all TAP I/O, pipelined, as before. The frames moved
 * directly are counted with the kernel side's counters ({@link #readKernelCounters}), the same way.
 *
 * <h2>Threads (as DPDK)</h2>
 * {@link #txBurst} is called by one thread at a time (it produces rx_q and consumes free_q), {@link #rxBurst} by one
 * thread at a time (it consumes tx_q and produces alloc_q), {@link #handleRequest} by one thread at a time; the three
 * may be different threads. None of them allocates or throws.
 */
public final class Kni
{
    static final int TX = 0;
    static final int RX = 1;
    static final int ALLOC = 2;
    static final int FREE = 3;
    static final int REQ = 4;
    static final int RESP = 5;
    static final int SYNC = 6;
    static final int ZONE_COUNT = 7;
    static final String[] ZONE_NAMES = {"tx", "rx", "alloc", "free", "req", "resp", "sync"};

    private static final int BURST_MAX = KniContext.KNI_FIFO_COUNT_MAX;
    /**
     * Most packets a burst moves directly on the TAP (direct I/O): a request, an answer, a few frames of a slow flow.
     * A larger burst is traffic the KNI thread pipelines better (app → kernel 1.46x net_tap through the FIFOs).
     */
    public static final int DIRECT_BURST_MAX = 4;
    private static final int DIRECT_MAX_SEGS = 64;

    private final KniContext ctx;
    private final KniConf conf;
    private final MbufPool pool;
    private final DmaRegion[] zones;
    private final KniControl control;
    /** The kernel side's name for this KNI ({@link KniControl#create}). */
    private final int handle;
    private final int ifIndex;
    private final long syncAddr;
    /** The doorbell word ({@link KniDoorbellDescriptor}) in the sync area. */
    private final long doorbellAddr;
    /**
     * The serving thread's eventfd, -1 without one or once released. Read by the transmit path. Read once: the channel
     * keeps the number for the interface's life, also across a knid restart ({@link KniControl#doorbellFd}).
     */
    private volatile int doorbellFd;
    /** 8 bytes for the eventfd write; transmit path only. */
    private final com.sun.jna.Memory doorbellValue = new com.sun.jna.Memory(EventFd.VALUE_LENGTH);
    /** Doorbell rings (the kernel thread was about to sleep or slept); writer: the transmit path. */
    private volatile long doorbellRings;

    /** The direct I/O words ({@link KniDirectIoDescriptor}) in the sync area. */
    private final long lendAddr;
    private final long appPollNsAddr;
    private final long appDirectAddr;
    /** The TAP for direct I/O, -1 for none or once released. Read by both data paths. */
    private volatile int directFd;
    /** Frames moved directly, by {@link KniCounter} index (rx_* by the transmit path, tx_* by the receive path). */
    private final AtomicLongArray directCounters = new AtomicLongArray(KniCounter.COUNT);

    private final KniFifo txQ = new KniFifo();
    private final KniFifo rxQ = new KniFifo();
    private final KniFifo allocQ = new KniFifo();
    private final KniFifo freeQ = new KniFifo();
    private final KniFifo reqQ = new KniFifo();
    private final KniFifo respQ = new KniFifo();

    // transmit path (application → kernel): the thread calling txBurst
    private final long[] txAddrs = new long[BURST_MAX];
    private final long[] freeAddrs = new long[KniContext.MAX_MBUF_BURST_NUM];
    private final Mbuf[] freeMbufs = new Mbuf[KniContext.MAX_MBUF_BURST_NUM];
    /** Writes a packet directly (write, or writev for a chain, as the thread accepts up to 64 segments). */
    private final MbufWriter txWriter = new MbufWriter(DIRECT_MAX_SEGS);

    // receive path (kernel → application): the thread calling rxBurst
    private final long[] rxAddrs = new long[BURST_MAX];
    private final long[] allocAddrs = new long[KniContext.MAX_MBUF_BURST_NUM];
    private final Mbuf[] allocMbufs = new Mbuf[KniContext.MAX_MBUF_BURST_NUM];
    /** Writer: the receive-path thread. */
    private volatile long allocFailures;
    /**
     * The mbuf the next direct read goes into: one is kept ready (allocated with alloc_q's first refill and replaced as
     * soon as a frame takes it), so an empty receive takes nothing from the pool, as a NIC's rx ring. Receive path only.
     */
    private Mbuf rxSpare;
    /** 8 bytes for the receive path's doorbell ring. */
    private final com.sun.jna.Memory rxDoorbellValue = new com.sun.jna.Memory(EventFd.VALUE_LENGTH);

    // request path: the thread calling handleRequest
    private final KniRequest request = new KniRequest();
    private volatile KniOps ops;

    private volatile boolean released;

    Kni(final KniContext ctx, final KniConf conf, final KniOps ops, final MbufPool pool, final DmaRegion[] zones,
        final int handle, final int ifIndex)
    {
        this.ctx = ctx;
        this.conf = conf;
        this.ops = ops;
        this.pool = pool;
        this.zones = zones;
        this.control = ctx.control();
        this.handle = handle;
        this.ifIndex = ifIndex;
        this.syncAddr = zones[SYNC].address();
        this.doorbellAddr = syncAddr + KniDoorbellDescriptor.DOORBELL_OFFSET;
        this.doorbellFd = fdOrNone(control::doorbellFd, handle);
        this.lendAddr = syncAddr + KniDirectIoDescriptor.LEND_OFFSET;
        this.appPollNsAddr = syncAddr + KniDirectIoDescriptor.APP_POLL_NS_OFFSET;
        this.appDirectAddr = syncAddr + KniDirectIoDescriptor.APP_DIRECT_OFFSET;
        this.directFd = fdOrNone(control::tapFd, handle);
        if (directFd >= 0)
        {
            UnsafeApi.putIntVolatile(null, appDirectAddr, 1);
        }
        txQ.attach(zones[TX].address());
        rxQ.attach(zones[RX].address());
        allocQ.attach(zones[ALLOC].address());
        freeQ.attach(zones[FREE].address());
        reqQ.attach(zones[REQ].address());
        respQ.attach(zones[RESP].address());
    }

    /** rte_kni_get_name. */
    public String name()
    {
        return conf.name();
    }

    /** A copy of the configuration it was allocated with (mbufSize filled in). */
    public KniConf conf()
    {
        return conf.copy();
    }

    public MbufPool pool()
    {
        return pool;
    }

    int handle()
    {
        return handle;
    }

    /** The interface's ifindex (in its network namespace). */
    public int ifIndex()
    {
        return ifIndex;
    }

    /**
     * The kernel side's view of this KNI now: presence, carrier, requests sent and refused, the last refusal, the last
     * TAP error.
     *
     * @throws EthDevException ENODEV once released.
     */
    public KniDeviceStatus status()
    {
        try
        {
            return control.status(handle);
        }
        catch (final KniControlException ex)
        {
            throw new EthDevException(ex.errno(), "kniStatus(kni=" + conf.name() + ") failed: " + ex.getMessage(), ex);
        }
    }

    /** False once the interface was deleted (or moved out of its namespace) from outside, or the KNI released. */
    public boolean present()
    {
        if (released)
        {
            return false;
        }
        try
        {
            return control.status(handle).present();
        }
        catch (final KniControlException ex)
        {
            return false; // released meanwhile
        }
    }

    public boolean isReleased()
    {
        return released;
    }

    /** Refills of alloc_q that found the pool empty (rx_nombuf). */
    public long allocFailures()
    {
        return allocFailures;
    }

    /**
     * The kernel side's counters of this KNI into {@code values[0 .. KniCounter.COUNT)} ({@link KniCounter} indices).
     *
     * @throws EthDevException ENODEV once released; EINVAL for an array shorter than {@link KniCounter#COUNT}.
     */
    public void readKernelCounters(final long[] values)
    {
        try
        {
            control.readCounters(handle, values);
            for (int c = 0; c < KniCounter.COUNT; c++)
            {
                values[c] += directCounters.get(c);
            }
        }
        catch (final KniControlException ex)
        {
            throw new EthDevException(ex.errno(), "kniReadCounters(kni=" + conf.name() + ") failed: " + ex.getMessage(),
                ex);
        }
    }

    // ------------------------------------------------------------------ data path

    /**
     * rte_kni_tx_burst: hands {@code pkts[offset .. offset+n)} to the kernel (on rx_q, as many as fit), then frees up to
     * {@link KniContext#MAX_MBUF_BURST_NUM} mbufs the kernel has finished with (from free_q). Multi-segment packets go
     * as chains (the kernel side accepts up to 64 segments with {@code pkt_len} the sum of {@code data_len}). The
     * kernel side already knows every pool of the context's memory (registered when created, see
     * {@link KniContext}); an mbuf of a pool from other memory is refused there and counted as a bad address.
     *
     * @return the number the kernel took (0 while the kernel side is not serving, {@link KniControl#serving}); the
     *     caller still owns the rest.
     */
    public int txBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        if (!control.serving())
        {
            return 0; // the kernel side (tools/knid) is gone: nothing would take them
        }
        if (nbPkts > 0 && nbPkts <= DIRECT_BURST_MAX && directFd >= 0 && rxQ.isEmpty() && takeTap())
        {
            // the thread sleeps and nothing waits on rx_q (this thread alone fills it): these go next, directly
            writeDirect(pkts, offset, nbPkts);
            giveTap();
            freeMbufs();
            return nbPkts;
        }
        final int n = Math.min(Math.min(nbPkts, BURST_MAX), rxQ.freeCount());
        final long[] addrs = txAddrs;
        for (int i = 0; i < n; i++)
        {
            addrs[i] = pkts[offset + i].address();
        }
        final int sent = n == 0 ? 0 : rxQ.put(addrs, 0, n);
        if (sent > 0)
        {
            ringIfSleeping();
        }
        freeMbufs();
        return sent;
    }

    /**
     * The doorbell ({@link KniDoorbellDescriptor}): after the rx_q entries are published and a full fence, if the
     * serving thread said it sleeps, take the word back to 0 and signal its eventfd (once per sleep). Costs a fence and
     * a read while the thread polls.
     */
    private void ringIfSleeping()
    {
        if (ring(doorbellValue))
        {
            doorbellRings++;
        }
    }

    /** {@link #ringIfSleeping} with the caller's 8-byte buffer; true when it signalled. */
    private boolean ring(final com.sun.jna.Memory value)
    {
        UnsafeApi.fullFence();
        if (UnsafeApi.getIntVolatile(null, doorbellAddr) == KniDoorbellDescriptor.SLEEPING &&
            UnsafeApi.compareAndSetInt(null, doorbellAddr, KniDoorbellDescriptor.SLEEPING, KniDoorbellDescriptor.AWAKE))
        {
            final int fd = doorbellFd;
            if (fd >= 0)
            {
                EventFd.signal(fd, com.sun.jna.Pointer.nativeValue(value));
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ direct I/O

    /** Takes the TAP the sleeping thread lent (LENT → APP); false when it is not lent or the other path holds it. */
    private boolean takeTap()
    {
        return UnsafeApi.getIntVolatile(null, lendAddr) == KniDirectIoDescriptor.LENT &&
            UnsafeApi.compareAndSetInt(null, lendAddr, KniDirectIoDescriptor.LENT, KniDirectIoDescriptor.APP);
    }

    /** Gives the TAP back (APP → LENT); a thread that took it back after a timeout keeps it (the swap then fails). */
    private void giveTap()
    {
        UnsafeApi.compareAndSetInt(null, lendAddr, KniDirectIoDescriptor.APP, KniDirectIoDescriptor.LENT);
    }

    /**
     * Writes {@code pkts[offset .. offset+n)} to the TAP (write, or writev for a chain) and frees them, counting each
     * as the thread would: rx_packets/rx_bytes, or rx_write_errors and rx_dropped (a netdev that is down refuses).
     */
    private void writeDirect(final Mbuf[] pkts, final int offset, final int n)
    {
        final int fd = directFd;
        long packets = 0;
        long bytes = 0;
        long errors = 0;
        long dropped = 0;
        for (int i = offset, end = offset + n; i < end; i++)
        {
            final Mbuf m = pkts[i];
            final long rc = txWriter.write(fd, m);
            if (rc == MbufWriter.TOO_MANY_SEGS)
            {
                dropped++; // as the thread's chain check: longer chains are refused
            }
            else if (rc < 0)
            {
                giveUpOnError(Tun.lastErrno());
                errors++;
                dropped++;
            }
            else
            {
                packets++;
                bytes += m.pktLen();
            }
        }
        Mbuf.freeBulk(pkts, offset, n);
        add(KniCounter.RX_PACKETS, packets);
        add(KniCounter.RX_BYTES, bytes);
        add(KniCounter.RX_WRITE_ERRORS, errors);
        add(KniCounter.RX_DROPPED, dropped);
    }

    /**
     * Reads up to {@code max} frames from the TAP into fresh mbufs at {@code pkts[offset..]}, padded to 60 bytes as the
     * thread does; a frame longer than the mbuf (or mbuf_size) is dropped (tx_too_big, tx_dropped). Stops at the first
     * empty read, when the pool is empty (rx_nombuf; the frames wait for the next burst or the thread), or on an error.
     *
     * @return frames received.
     */
    private int readDirect(final Mbuf[] pkts, final int offset, final int max)
    {
        final int fd = directFd;
        int got = 0;
        long bytes = 0;
        Mbuf m = rxSpare != null ? rxSpare : (rxSpare = pool.alloc());
        while (got < max && m != null)
        {
            final long data = m.dataAddress();
            final int room = Math.min(m.bufLen() - m.dataOff(), conf.mbufSize());
            final long r = Tun.readFrame(fd, data, room);
            if (r < 0)
            {
                giveUpOnError(Tun.lastErrno());
                break; // EAGAIN: nothing waits
            }
            if (r > room)
            {
                add(KniCounter.TX_TOO_BIG, 1);
                add(KniCounter.TX_DROPPED, 1);
                continue;
            }
            bytes += KniMbufDescriptor.finishFrame(m.address(), data, (int)r);
            pkts[offset + got++] = m;
            m = rxSpare = pool.alloc();
        }
        if (m == null)
        {
            allocFailures = allocFailures + 1; // the frames wait on the TAP for the next burst, or the thread
        }
        if (got > 0)
        {
            add(KniCounter.TX_PACKETS, got);
            add(KniCounter.TX_BYTES, bytes);
        }
        return got;
    }

    /**
     * A TAP error other than EAGAIN (EBADFD: the netdev was deleted; EIO: it is down, for a write) ends direct I/O
     * for EBADFD and anything unexpected: the bursts go through the FIFOs from then on, and the thread, which stops
     * lending, meets the error on its own TAP I/O and handles it as without direct I/O (a deleted netdev: detached).
     */
    private void giveUpOnError(final int errno)
    {
        if (errno != Errno.EAGAIN && errno != Errno.EIO && errno != Errno.EINVAL && directFd >= 0)
        {
            directFd = -1;
            UnsafeApi.putIntVolatile(null, appDirectAddr, 0);
            Log.warn("KNI", "kni " + conf.name() + ": direct I/O on the TAP failed (" + Errno.name(errno) +
                "); the KNI thread does all TAP I/O from now on");
        }
    }

    /** Adds to a direct counter (each index has one writer: its path). */
    private void add(final int counter, final long n)
    {
        if (n != 0)
        {
            directCounters.lazySet(counter, directCounters.get(counter) + n);
        }
    }

    /** Frames this KNI moved directly on the TAP: {@code rx} true for kernel → application (tx_packets' share). */
    public long directPackets(final boolean rx)
    {
        return directCounters.get(rx ? KniCounter.TX_PACKETS : KniCounter.RX_PACKETS);
    }

    /** The KNI does direct I/O when its kernel side lends the TAP (in-process, direct_io on, lo_mode_none). */
    public boolean directIo()
    {
        return directFd >= 0;
    }

    /** Times the transmit path woke the kernel thread (it was about to sleep, or slept). */
    public long doorbellRings()
    {
        return doorbellRings;
    }

    /** The fd the transmit path signals to wake the kernel thread ({@link KniControl#doorbellFd}), -1 for none. */
    public int doorbellFd()
    {
        return doorbellFd;
    }

    /** An fd the kernel side hands over ({@link KniControl#doorbellFd}, {@link KniControl#tapFd}), -1 if refused. */
    private static int fdOrNone(final java.util.function.IntUnaryOperator get, final int handle)
    {
        try
        {
            return get.applyAsInt(handle);
        }
        catch (final KniControlException ex)
        {
            return -1;
        }
    }

    /** Before release: the thread (and its eventfd, and the TAP) may go away; never signal it or use the TAP again. */
    void silenceDoorbell()
    {
        doorbellFd = -1;
        directFd = -1;
        UnsafeApi.putIntVolatile(null, appDirectAddr, 0);
    }

    /** kni_free_mbufs: frees up to 32 mbufs from free_q. */
    private void freeMbufs()
    {
        final int n = freeQ.get(freeAddrs, 0, KniContext.MAX_MBUF_BURST_NUM);
        if (n == 0)
        {
            return;
        }
        for (int i = 0; i < n; i++)
        {
            freeMbufs[i] = Mbuf.fromAddress(freeAddrs[i]);
        }
        Mbuf.freeBulk(freeMbufs, 0, n);
    }

    /**
     * rte_kni_rx_burst: takes up to {@code nbPkts} packets the kernel sent (from tx_q) into {@code pkts[offset..]};
     * if it got any, or alloc_q ran empty, refills alloc_q with up to 32 fresh mbufs from the KNI's pool.
     *
     * @return the number received (0 while the kernel side is not serving).
     */
    public int rxBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        if (!control.serving())
        {
            return 0;
        }
        final int want = Math.min(nbPkts, BURST_MAX);
        int got = txQ.get(rxAddrs, 0, want);
        int direct = 0;
        if (got < want && directFd >= 0 && takeTap())
        {
            // the thread sleeps: what it left on tx_q first (older than anything on the TAP), then the TAP itself
            got += txQ.get(rxAddrs, got, want - got);
            if (got < want)
            {
                UnsafeApi.putLongRelease(null, appPollNsAddr, System.nanoTime());
                direct = readDirect(pkts, offset + got, Math.min(want - got, DIRECT_BURST_MAX));
            }
            giveTap();
            if (direct == DIRECT_BURST_MAX)
            {
                ring(rxDoorbellValue); // more may wait: the thread reads a flood better, pipelined
            }
        }
        for (int i = 0; i < got; i++)
        {
            pkts[offset + i] = Mbuf.fromAddress(rxAddrs[i]);
        }
        if (got > 0 || allocQ.isEmpty())
        {
            allocateMbufs();
        }
        return got + direct;
    }

    /**
     * Beyond rte_kni (for net_kni, which keeps alloc_q as a NIC keeps its rx ring): refills alloc_q, up to 32 mbufs at
     * a time as kni_allocate_mbufs, until it holds {@code level} mbufs (at most its capacity) or the pool runs out.
     * Called by the thread that receives (alloc_q has one producer). Allocates nothing on the heap.
     *
     * @return the mbufs alloc_q holds now.
     */
    public int fillAllocQ(final int level)
    {
        if (directFd >= 0 && rxSpare == null)
        {
            rxSpare = pool.alloc();
        }
        int missing = Math.min(level, allocQ.capacity()) - allocQ.count();
        while (missing > 0)
        {
            final int put = allocateMbufs(missing);
            if (put == 0)
            {
                break;
            }
            missing -= put;
        }
        return allocQ.count();
    }

    /** kni_allocate_mbufs: min(32, free slots of alloc_q) mbufs; what does not fit is freed. */
    void allocateMbufs()
    {
        allocateMbufs(KniContext.MAX_MBUF_BURST_NUM);
    }

    /** kni_allocate_mbufs for at most {@code max} mbufs; returns how many went on alloc_q. */
    private int allocateMbufs(final int max)
    {
        final int want = Math.min(Math.min(max, KniContext.MAX_MBUF_BURST_NUM), allocQ.freeCount());
        if (want == 0)
        {
            return 0;
        }
        int n = pool.allocBulk(allocMbufs, 0, want);
        if (n == 0)
        {
            while (n < want)
            {
                final Mbuf m = pool.alloc();
                if (m == null)
                {
                    break;
                }
                allocMbufs[n++] = m;
            }
            allocFailures = allocFailures + 1;
            if (n == 0)
            {
                return 0;
            }
        }
        for (int i = 0; i < n; i++)
        {
            allocAddrs[i] = allocMbufs[i].address();
        }
        final int put = allocQ.put(allocAddrs, 0, n);
        if (put < n)
        {
            Mbuf.freeBulk(allocMbufs, put, n - put);
        }
        return put;
    }

    // ------------------------------------------------------------------ requests

    /**
     * rte_kni_handle_request: answers at most one request from the kernel side. The callback's result (or the
     * built-in default's, see {@link KniOps}) goes into the request; an unknown request id gets {@code -EINVAL}; a
     * synchronous request is then answered on resp_q.
     *
     * @return true when there was nothing to do or the request was answered; false (DPDK's -1) when req_q held
     *     something other than this KNI's sync area, or resp_q was full.
     */
    public boolean handleRequest()
    {
        final long addr = reqQ.get(0L);
        if (addr == 0L)
        {
            return true;
        }
        if (addr != syncAddr)
        {
            Log.err("KNI", "handleRequest(kni=" + conf.name() + ") failed: wrong req pointer 0x" + Long.toHexString(addr));
            return false;
        }
        final KniRequest req = request.wrap(addr);
        final KniOps o = ops;
        final int portId = o.portId();
        switch (req.reqId())
        {
            case KniRequestId.RTE_KNI_REQ_CHANGE_MTU:
                if (o.changeMtu() != null)
                {
                    req.result(o.changeMtu().apply(portId, req.newMtu()));
                }
                break;
            case KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF:
                if (o.configNetworkIf() != null)
                {
                    req.result(o.configNetworkIf().apply(portId, req.ifUp()));
                }
                break;
            case KniRequestId.RTE_KNI_REQ_CHANGE_MAC_ADDR:
            {
                final byte[] mac = new byte[6];
                req.readMacAddr(mac);
                if (o.configMacAddress() != null)
                {
                    req.result(o.configMacAddress().apply(portId, mac));
                }
                else if (portId != KniOps.NO_PORT)
                {
                    req.result(defaultRequest(portId, KniRequestId.RTE_KNI_REQ_CHANGE_MAC_ADDR, 0, mac));
                }
                break;
            }
            case KniRequestId.RTE_KNI_REQ_CHANGE_PROMISC:
                if (o.configPromiscusity() != null)
                {
                    req.result(o.configPromiscusity().apply(portId, req.promiscusity()));
                }
                else if (portId != KniOps.NO_PORT)
                {
                    req.result(defaultRequest(portId, KniRequestId.RTE_KNI_REQ_CHANGE_PROMISC, req.promiscusity(), null));
                }
                break;
            case KniRequestId.RTE_KNI_REQ_CHANGE_ALLMULTI:
                if (o.configAllmulticast() != null)
                {
                    req.result(o.configAllmulticast().apply(portId, req.allmulti()));
                }
                else if (portId != KniOps.NO_PORT)
                {
                    req.result(defaultRequest(portId, KniRequestId.RTE_KNI_REQ_CHANGE_ALLMULTI, req.allmulti(), null));
                }
                break;
            default:
                Log.err("KNI", "handleRequest(kni=" + conf.name() + "): unknown request id " + req.reqId());
                req.result(-Errno.EINVAL);
                break;
        }
        if (!req.async())
        {
            if (!respQ.put(addr))
            {
                Log.err("KNI", "handleRequest(kni=" + conf.name() + ") failed: resp_q is full");
                return false;
            }
        }
        return true;
    }

    /** DPDK's built-in defaults: the change applied to ethdev port {@code portId}; returns 0 or -errno. */
    private int defaultRequest(final int portId, final int reqId, final int on, final byte[] mac)
    {
        final EalServices eal = ctx.eal();
        if (eal == null || !eal.isValidPort(portId))
        {
            Log.err("KNI", "kni " + conf.name() + ": " + KniRequestId.name(reqId) + " default: invalid port_id=" + portId);
            return -Errno.ENODEV;
        }
        final EthDev port = eal.port(portId);
        try
        {
            switch (reqId)
            {
                case KniRequestId.RTE_KNI_REQ_CHANGE_MAC_ADDR:
                    port.setMacAddr(MacAddress.of(mac));
                    break;
                case KniRequestId.RTE_KNI_REQ_CHANGE_PROMISC:
                    if (on != 0)
                    {
                        port.promiscuousEnable();
                    }
                    else
                    {
                        port.promiscuousDisable();
                    }
                    break;
                default:
                    if (on != 0)
                    {
                        port.allmulticastEnable();
                    }
                    else
                    {
                        port.allmulticastDisable();
                    }
                    break;
            }
            return 0;
        }
        catch (final EthDevException ex)
        {
            Log.err("KNI", "kni " + conf.name() + ": " + ex.getMessage());
            return ex.diag();
        }
    }

    /**
     * rte_kni_register_handlers: installs {@code ops} (its port id and callbacks).
     *
     * @return false (DPDK's -1) when {@code ops} is null or any callback is already registered.
     */
    public boolean registerHandlers(final KniOps ops)
    {
        if (ops == null)
        {
            return false;
        }
        synchronized (this)
        {
            if (this.ops.anyCallbackSet())
            {
                Log.err("KNI", "registerHandlers(kni=" + conf.name() + ") failed: the KNI ops have been registered");
                return false;
            }
            this.ops = ops.copy();
        }
        return true;
    }

    /**
     * rte_kni_unregister_handlers: clears the ops. DPDK's quirk kept: the port id becomes 0, not
     * {@link KniOps#NO_PORT}, so the built-in MAC/promisc/allmulti defaults then act on port 0 (if it exists).
     */
    public synchronized boolean unregisterHandlers()
    {
        this.ops = new KniOps().portId(0);
        return true;
    }

    /** The ops now in force (a copy). */
    public KniOps ops()
    {
        return ops.copy();
    }

    /**
     * rte_kni_update_link: sets the interface's carrier.
     *
     * @return the previous state, 1 (up) or 0 (down).
     * @throws EthDevException naming the errno when the carrier cannot be set (e.g. the interface was deleted).
     */
    public int updateLink(final boolean up)
    {
        if (released)
        {
            throw EthDevException.of(Errno.ENODEV, "kniUpdateLink(kni=" + conf.name() + ")", "KNI released");
        }
        try
        {
            return control.updateLink(handle, up);
        }
        catch (final KniControlException ex)
        {
            throw new EthDevException(ex.errno(), ex.getMessage(), ex);
        }
    }

    // ------------------------------------------------------------------ the application's own changes (beyond DPDK)

    /**
     * Sets the interface's MTU from the application's side; no CHANGE_MTU request comes back for it.
     *
     * @throws EthDevException with the kernel side's errno (ENODEV once the interface was deleted).
     */
    public void setMtu(final int mtu)
    {
        try
        {
            control.setMtu(handle, mtu);
        }
        catch (final KniControlException ex)
        {
            throw new EthDevException(ex.errno(), ex.getMessage(), ex);
        }
    }

    /** As {@link #setMtu}, for the MAC address (no CHANGE_MAC_ADDR request). */
    public void setMacAddr(final MacAddress mac)
    {
        try
        {
            control.setMacAddr(handle, mac.toBytes());
        }
        catch (final KniControlException ex)
        {
            throw new EthDevException(ex.errno(), ex.getMessage(), ex);
        }
    }

    /** As {@link #setMtu}, for IFF_PROMISC (no CHANGE_PROMISC request). */
    public void setPromiscuous(final boolean on)
    {
        try
        {
            control.setPromiscuous(handle, on);
        }
        catch (final KniControlException ex)
        {
            throw new EthDevException(ex.errno(), ex.getMessage(), ex);
        }
    }

    /** As {@link #setMtu}, for IFF_ALLMULTI (no CHANGE_ALLMULTI request). */
    public void setAllmulticast(final boolean on)
    {
        try
        {
            control.setAllmulticast(handle, on);
        }
        catch (final KniControlException ex)
        {
            throw new EthDevException(ex.errno(), ex.getMessage(), ex);
        }
    }

    // ------------------------------------------------------------------ release

    /** After the kernel side let go: frees every mbuf on any FIFO, then the zones. */
    void freeEverything()
    {
        released = true;
        if (rxSpare != null)
        {
            rxSpare.free();
            rxSpare = null;
        }
        drainAndFree(txQ);
        drainAndFree(freeQ);
        drainAndFree(allocQ);
        drainAndFree(rxQ);
        for (int z = zones.length - 1; z >= 0; z--)
        {
            zones[z].close();
        }
        doorbellValue.close();
        rxDoorbellValue.close();
        txWriter.close();
    }

    private void drainAndFree(final KniFifo q)
    {
        final long[] buf = new long[64];
        int n;
        while ((n = q.get(buf, 0, buf.length)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                final MbufPool p = MbufPool.ofAddress(buf[i]);
                if (p == null)
                {
                    Log.err("KNI", "kniRelease(kni=" + conf.name() + "): 0x" + Long.toHexString(buf[i]) +
                        " is not an mbuf of a live pool; not freed");
                    continue;
                }
                Mbuf.fromAddress(buf[i]).free();
            }
        }
    }

    // ------------------------------------------------------------------ monitoring

    /** The FIFOs {@link #fifoCounts} reports, in its order (DPDK's names). */
    public static final String[] FIFO_NAMES = {"tx_q", "rx_q", "alloc_q", "free_q", "req_q", "resp_q"};

    /**
     * Entries on each FIFO now, in {@link #FIFO_NAMES} order, into {@code out[0..6)}: the published indices, read
     * without disturbing producer or consumer (telemetry's {@code /kni/info}). Returns false, filling nothing, once
     * released (the FIFOs' memory is gone then; release frees it under the context's lock, which this takes).
     */
    public boolean fifoCounts(final int[] out)
    {
        synchronized (ctx)
        {
            if (released)
            {
                return false;
            }
            out[0] = txQ.count();
            out[1] = rxQ.count();
            out[2] = allocQ.count();
            out[3] = freeQ.count();
            out[4] = reqQ.count();
            out[5] = respQ.count();
            return true;
        }
    }

    @Override
    public String toString()
    {
        return "Kni[" + conf.name() + (released ? ", released" : "") + "]";
    }
}
