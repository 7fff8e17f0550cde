package io.ethdev4j.kni.kernel;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.KniFifo;
import io.ethdev4j.kni.abi.KniRequest;
import io.ethdev4j.kni.abi.KniRequestDescriptor;
import io.ethdev4j.kni.abi.KniRequestId;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.IoUring;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.Mac;
import io.ethdev4j.sys.NetDev;
import io.ethdev4j.sys.Netns;
import io.ethdev4j.sys.RtNetlink;
import io.ethdev4j.sys.Tun;
import org.agrona.UnsafeApi;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.ethdev4j.kni.abi.KniMbufDescriptor.BUF_ADDR_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.DATA_LEN_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.DATA_OFF_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.ETH_ZLEN;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.PKT_LEN_OFFSET;

/**
 * One KNI interface on the kernel side: the TAP netdev, the six FIFOs seen from the kernel, the per-interface data
 * path (called by its KNI thread) and the request path (called by its {@link KniLinkWatcher}).
 * <p>
 * Created and released only through {@link KniKernel}. Data-path methods are called by one KNI thread at a time and
 * allocate nothing; the request path is called by the watcher thread.
 */
public final class KniNetDevice
{
    /** MBUF_BURST_SZ in kernel/linux/kni/kni_net.c. */
    public static final int MBUF_BURST_SZ = 32;
    /** rx_q entries written per io_uring_enter with tap_io=io_uring (the exception-path note batched 64). */
    public static final int URING_BURST_SZ = 64;
    /** ETH_MIN_MTU, the netdev's default min_mtu. */
    public static final int ETH_MIN_MTU = 68;
    /** The module waits 3 * HZ for resp_q. */
    public static final long REQUEST_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(3);

    private static final int SCRATCH_LENGTH = 65536 + 64;
    private static final int IOVEC_LENGTH = 16;

    private final KniDeviceInfo info;
    private final KniModuleParams params;
    private final String name;
    private final int tapFd;
    private final int ifIndex;
    private final NetDev netDev;
    private final RtNetlink netlink;
    private final int minMtu;
    private final int maxMtu;
    private final int mbufSize;
    private final KniDeviceStats stats = new KniDeviceStats();

    // data path, owned by the serving KNI thread
    private final KniFifo rxQ = new KniFifo();
    private final KniFifo txQ = new KniFifo();
    private final KniFifo allocQ = new KniFifo();
    private final KniFifo freeQ = new KniFifo();
    private final long[] burst = new long[URING_BURST_SZ];
    private final long[] burst2 = new long[MBUF_BURST_SZ];
    private final long[] out = new long[MBUF_BURST_SZ];
    private final long[] back = new long[Math.max(MBUF_BURST_SZ * 2, URING_BURST_SZ)];
    private final Memory native_;
    private final long scratch;
    private final long iov;
    private final KniModuleParams.LoMode loMode;
    /** Batched TAP writes (tap_io=io_uring), or null: one write(2) per frame. */
    private final IoUring uring;
    private long heldAlloc;
    private int heldRoom;
    private int lastIoErrno;

    // request path, owned by the watcher thread
    private final KniFifo reqQ = new KniFifo();
    private final KniFifo respQ = new KniFifo();
    private final KniRequest staging = new KniRequest();
    private final KniRequest syncArea = new KniRequest();
    private final long sync;

    /**
     * The netdev was deleted from outside (a TAP read or write gave EBADFD). Writer: the serving KNI thread; readers:
     * the KNI thread (stops polling the fd) and the application (link down).
     */
    private volatile boolean detached;
    private volatile boolean carrierOn;
    private KniLinkWatcher watcher;

    // changes the application made itself (writer: application control thread; reader and clearer: the watcher).
    // The watcher accepts a matching change without sending a request back to the application.
    private volatile int appMtu = -1;
    private volatile byte[] appMac;
    private volatile int appPromisc = -1;
    private volatile int appAllmulti = -1;

    KniNetDevice(final KniDeviceInfo info, final KniModuleParams params)
    {
        info.validate();
        this.info = info.copy();
        this.params = params;
        this.name = info.name();
        this.loMode = params.loMode();
        this.sync = info.sync();
        rxQ.attach(info.rxQ());
        txQ.attach(info.txQ());
        allocQ.attach(info.allocQ());
        freeQ.attach(info.freeQ());
        reqQ.attach(info.reqQ());
        respQ.attach(info.respQ());
        syncArea.wrap(sync);
        final int mtu = info.mtu() != 0 ? info.mtu() : 1500;
        this.minMtu = info.minMtu() != 0 ? info.minMtu() : ETH_MIN_MTU;
        this.maxMtu = info.maxMtu() != 0 ? info.maxMtu() : mtu;
        this.mbufSize = info.mbufSize();
        if (mtu < minMtu || mtu > maxMtu)
        {
            throw new IllegalArgumentException("kni create(name=" + name + ", mtu=" + mtu + ") failed: EINVAL - outside [" +
                minMtu + ", " + maxMtu + "]");
        }
        final byte[] mac = Mac.isValid(info.macAddr()) ? info.macAddr() : Mac.random();

        native_ = new Memory(SCRATCH_LENGTH + (long)MbufValidator.MAX_SEGS * IOVEC_LENGTH + 64 + 64);
        final long base = (Pointer.nativeValue(native_) + 63) & ~63L;
        scratch = base;
        iov = base + SCRATCH_LENGTH;
        staging.wrap(iov + (long)MbufValidator.MAX_SEGS * IOVEC_LENGTH);

        final Object[] created;
        try
        {
            created = createNetdev(info.netns(), mtu, mac);
        }
        catch (final RuntimeException ex)
        {
            native_.close();
            throw ex;
        }
        tapFd = (Integer)created[0];
        netDev = (NetDev)created[1];
        netlink = (RtNetlink)created[2];
        ifIndex = (Integer)created[3];
        uring = params.tapIo() == KniModuleParams.TapIo.IO_URING ? openUring(name, tapFd) : null;
    }

    /** A ring for the TAP, or null (logged) where io_uring cannot be set up: the device then uses write(2). */
    private static IoUring openUring(final String name, final int fd)
    {
        String why;
        try
        {
            why = IoUring.unavailabilityCause();
            if (why == null)
            {
                return new IoUring(URING_BURST_SZ, fd);
            }
        }
        catch (final RuntimeException | LinkageError ex)
        {
            why = ex.toString();
        }
        log(name, "tap_io=io_uring unavailable, using write(2): " + why);
        return null;
    }

    private static void log(final String name, final String message)
    {
        System.getLogger("io.ethdev4j.kni.kernel").log(System.Logger.Level.WARNING, "kni " + name + ": " + message);
    }

    /** True when frames go to the TAP in io_uring batches. */
    public boolean usesIoUring()
    {
        return uring != null;
    }

    private Object[] createNetdev(final String netns, final int mtu, final byte[] mac)
    {
        return Netns.callIn(netns == null ? null : Netns.path(netns), () ->
        {
            final int fd = Tun.openTap(name, false);
            NetDev nd = null;
            RtNetlink nl = null;
            try
            {
                nd = new NetDev();
                nd.hwAddr(name, mac);
                nd.mtu(name, mtu);
                nl = new RtNetlink();
                return new Object[] {fd, nd, nl, nd.ifIndex(name)};
            }
            catch (final RuntimeException ex)
            {
                if (nl != null)
                {
                    nl.close();
                }
                if (nd != null)
                {
                    nd.close();
                }
                LibC.closeQuietly(fd);
                throw ex;
            }
        });
    }

    void startWatcher()
    {
        watcher = new KniLinkWatcher(this, params);
        watcher.start();
    }

    public String name()
    {
        return name;
    }

    public int ifIndex()
    {
        return ifIndex;
    }

    public KniDeviceInfo info()
    {
        return info.copy();
    }

    public KniDeviceStats stats()
    {
        return stats;
    }

    public int minMtu()
    {
        return minMtu;
    }

    public int maxMtu()
    {
        return maxMtu;
    }

    int tapFd()
    {
        return tapFd;
    }

    NetDev netDev()
    {
        return netDev;
    }

    RtNetlink netlink()
    {
        return netlink;
    }

    KniLinkWatcher watcher()
    {
        return watcher;
    }

    /** Refusals seen so far (requests the application failed, or MTUs outside [min, max]); each was reverted. */
    public long refusals()
    {
        return watcher == null ? 0 : watcher.refusals();
    }

    /** Requests sent to the application so far (each change the watcher acted on; app-made changes send none). */
    public long requests()
    {
        return watcher == null ? 0 : watcher.requests();
    }

    /** The log line of the last refusal, or null. */
    public String lastRefusal()
    {
        return watcher == null ? null : watcher.lastRefusal();
    }

    /** errno of the last failed TAP read or write (0 if none): EBADFD/EIO once the netdev was deleted from outside. */
    public int lastIoErrno()
    {
        return lastIoErrno;
    }

    /** Mbufs the TAP reader holds for its next read (0 or 1); racy read, for tests and diagnostics. */
    int heldMbufs()
    {
        return heldAlloc != 0 ? 1 : 0;
    }

    /** False once the interface was deleted or moved out of its namespace from outside. */
    public boolean present()
    {
        return !detached && (watcher == null || watcher.present());
    }

    /**
     * True once a TAP read or write said the netdev is gone (EBADFD): the KNI thread no longer polls the fd, rx_q
     * entries go back on free_q counted as rx_dropped, nothing is read.
     */
    boolean detached()
    {
        return detached;
    }

    /**
     * rte_kni_update_link: sets the carrier (TUNSETCARRIER) and returns the previous state, 1 or 0.
     */
    public synchronized int updateLink(final boolean up)
    {
        final boolean previous = carrierOn;
        Tun.setCarrier(tapFd, up);
        carrierOn = up;
        return previous ? 1 : 0;
    }

    public boolean carrier()
    {
        return carrierOn;
    }

    // ---------------------------------------------------------------- changes made by the application

    /**
     * The application changes the interface's MTU itself (beyond rte_kni.ko, whose application could not): the netdev
     * takes it at once and no CHANGE_MTU request comes back for it.
     *
     * @throws io.ethdev4j.sys.SysException SIOCSIFMTU failed (e.g. ENODEV once the interface was deleted).
     */
    public void setMtu(final int mtu)
    {
        appMtu = mtu;
        netDev.mtu(name, mtu);
    }

    /** The MTU the netdev has now. */
    public int mtu()
    {
        return netDev.mtu(name);
    }

    /** As {@link #setMtu}, for the MAC address (no CHANGE_MAC_ADDR request). */
    public void setMacAddr(final byte[] mac)
    {
        appMac = mac.clone();
        netDev.hwAddr(name, mac);
    }

    public byte[] macAddr()
    {
        return netDev.hwAddr(name);
    }

    /** As {@link #setMtu}, for IFF_PROMISC (no CHANGE_PROMISC request). */
    public void setPromiscuous(final boolean on)
    {
        appPromisc = on ? 1 : 0;
        netDev.flags(name, NetDev.IFF_PROMISC, on);
    }

    /** As {@link #setMtu}, for IFF_ALLMULTI (no CHANGE_ALLMULTI request). */
    public void setAllmulticast(final boolean on)
    {
        appAllmulti = on ? 1 : 0;
        netDev.flags(name, NetDev.IFF_ALLMULTI, on);
    }

    /** The netdev's flags now (IFF_UP, IFF_PROMISC, ...). */
    public int flags()
    {
        return netDev.flags(name);
    }

    boolean takeAppMtu(final int mtu)
    {
        if (appMtu == mtu)
        {
            appMtu = -1;
            return true;
        }
        return false;
    }

    boolean takeAppMac(final byte[] mac)
    {
        final byte[] m = appMac;
        if (m != null && java.util.Arrays.equals(m, mac))
        {
            appMac = null;
            return true;
        }
        return false;
    }

    boolean takeAppPromisc(final boolean on)
    {
        if (appPromisc == (on ? 1 : 0))
        {
            appPromisc = -1;
            return true;
        }
        return false;
    }

    boolean takeAppAllmulti(final boolean on)
    {
        if (appAllmulti == (on ? 1 : 0))
        {
            appAllmulti = -1;
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- data path (KNI thread)

    /** One pass application → kernel, by lo_mode. Returns the number of rx_q entries consumed. */
    int rxPass(final MbufValidator v)
    {
        switch (loMode)
        {
            case FIFO: return rxLoFifo(v);
            case FIFO_SKB: return rxLoFifoSkb(v);
            default: return rxNormal(v);
        }
    }

    /** kni_net_rx_normal: rx_q → TAP (write per frame, writev for chains) → free_q. */
    private int rxNormal(final MbufValidator v)
    {
        int n = Math.min(freeQ.freeCount(), uring != null ? URING_BURST_SZ : MBUF_BURST_SZ);
        if (n == 0)
        {
            return 0;
        }
        n = rxQ.get(burst, 0, n);
        if (n == 0)
        {
            return 0;
        }
        final KniDeviceStats s = stats;
        final boolean gone = detached;
        int nBack = 0;
        long packets = 0;
        long bytes = 0;
        for (int i = 0; i < n; i++)
        {
            final long m = burst[i];
            final int pool = v.findPool(m);
            if (pool < 0)
            {
                s.add(KniDeviceStats.BAD_ADDRESS, 1);
                continue;
            }
            back[nBack++] = m;
            final int len = v.checkChain(m, pool);
            if (len < 0)
            {
                countBad(len);
                continue;
            }
            if (gone)
            {
                s.add(KniDeviceStats.RX_DROPPED, 1);
                continue;
            }
            if (uring != null)
            {
                if (v.segmentCount() == 1)
                {
                    uring.queueWrite(v.segmentAddress(0), len, 0L);
                    continue;
                }
                // a chain: flush the batch first (frames keep their order), then one writev
                flushUring();
            }
            final long rc = writeChain(v, len);
            if (rc < 0)
            {
                noteIoError(Tun.lastErrno());
                s.add(KniDeviceStats.RX_WRITE_ERRORS, 1);
                s.add(KniDeviceStats.RX_DROPPED, 1);
            }
            else
            {
                packets++;
                bytes += len;
            }
        }
        if (uring != null)
        {
            // every write completes before its mbuf goes back on free_q
            flushUring();
        }
        freeQ.put(back, 0, nBack);
        if (packets != 0)
        {
            s.add(KniDeviceStats.RX_PACKETS, packets);
            s.add(KniDeviceStats.RX_BYTES, bytes);
        }
        return n;
    }

    /** Submits the queued TAP writes, waits for all of them, and counts their results. */
    private void flushUring()
    {
        final int queued = uring.queued();
        if (queued == 0)
        {
            return;
        }
        final KniDeviceStats s = stats;
        final int n = uring.submitAndWait();
        if (n < 0)
        {
            noteIoError(-n);
            s.add(KniDeviceStats.RX_WRITE_ERRORS, queued);
            s.add(KniDeviceStats.RX_DROPPED, queued);
            return;
        }
        long packets = 0;
        long bytes = 0;
        int errors = 0;
        for (int i = 0; i < n; i++)
        {
            final int res = uring.completionResult(i);
            if (res < 0)
            {
                noteIoError(-res);
                errors++;
            }
            else
            {
                packets++;
                bytes += res;
            }
        }
        uring.releaseCompletions(n);
        if (packets != 0)
        {
            s.add(KniDeviceStats.RX_PACKETS, packets);
            s.add(KniDeviceStats.RX_BYTES, bytes);
        }
        if (errors != 0)
        {
            s.add(KniDeviceStats.RX_WRITE_ERRORS, errors);
            s.add(KniDeviceStats.RX_DROPPED, errors);
        }
    }

    private long writeChain(final MbufValidator v, final int len)
    {
        final int segs = v.segmentCount();
        if (segs == 1)
        {
            return Tun.writeFrame(tapFd, v.segmentAddress(0), len);
        }
        for (int i = 0; i < segs; i++)
        {
            UnsafeApi.putLong(iov + (long)i * IOVEC_LENGTH, v.segmentAddress(i));
            UnsafeApi.putLong(iov + (long)i * IOVEC_LENGTH + 8, v.segmentLength(i));
        }
        return Tun.writevFrame(tapFd, iov, segs);
    }

    /** kni_net_rx_lo_fifo: the first segment of each rx_q mbuf copied into an alloc_q mbuf put on tx_q. */
    private int rxLoFifo(final MbufValidator v)
    {
        int n = Math.min(rxQ.count(), txQ.freeCount());
        n = Math.min(n, allocQ.count());
        // each packet may hand back two mbufs (its own and a refused alloc_q one): free_q must hold them all, or they
        // would be lost to the application
        n = Math.min(n, freeQ.freeCount() / 2);
        n = Math.min(n, MBUF_BURST_SZ);
        if (n == 0)
        {
            return 0;
        }
        n = rxQ.get(burst, 0, n);
        final int na = allocQ.get(burst2, 0, n);
        final KniDeviceStats s = stats;
        int nBack = 0;
        int nOut = 0;
        for (int i = 0; i < n; i++)
        {
            final long m = burst[i];
            final long a = i < na ? burst2[i] : 0;
            final int room = a == 0 ? MbufValidator.BAD_ADDRESS : v.checkEmpty(a);
            if (room < 0)
            {
                if (a != 0)
                {
                    countBad(room);
                    if (room != MbufValidator.BAD_ADDRESS)
                    {
                        back[nBack++] = a;
                    }
                }
            }
            final int pool = v.findPool(m);
            if (pool < 0)
            {
                s.add(KniDeviceStats.BAD_ADDRESS, 1);
                if (room >= 0)
                {
                    back[nBack++] = a;
                }
                continue;
            }
            back[nBack++] = m;
            final int rc = v.checkSegment(m, pool);
            if (rc < 0 || room < 0)
            {
                if (rc < 0)
                {
                    countBad(rc);
                }
                if (room >= 0)
                {
                    back[nBack++] = a;
                }
                s.add(KniDeviceStats.TX_DROPPED, 1);
                continue;
            }
            final int len = UnsafeApi.getShort(null, m + DATA_LEN_OFFSET) & 0xFFFF;
            if (len > room)
            {
                s.add(KniDeviceStats.TX_TOO_BIG, 1);
                s.add(KniDeviceStats.TX_DROPPED, 1);
                back[nBack++] = a;
                continue;
            }
            final long src = UnsafeApi.getLong(null, m + BUF_ADDR_OFFSET) + (UnsafeApi.getShort(null, m + DATA_OFF_OFFSET) & 0xFFFF);
            UnsafeApi.copyMemory(src, dataAddress(a), len);
            UnsafeApi.putInt(null, a + PKT_LEN_OFFSET, len);
            UnsafeApi.putShort(null, a + DATA_LEN_OFFSET, (short)len);
            out[nOut++] = a;
            s.add(KniDeviceStats.RX_PACKETS, 1);
            s.add(KniDeviceStats.RX_BYTES, len);
            s.add(KniDeviceStats.TX_PACKETS, 1);
            s.add(KniDeviceStats.TX_BYTES, len);
        }
        txQ.put(out, 0, nOut);
        putFree(nBack);
        return n;
    }

    /** kni_net_rx_lo_fifo_skb: each rx_q frame copied (the "skb") and sent through the transmit path into tx_q. */
    private int rxLoFifoSkb(final MbufValidator v)
    {
        // each packet may hand back two mbufs (its own and a refused alloc_q one)
        int n = Math.min(rxQ.count(), freeQ.freeCount() / 2);
        n = Math.min(n, MBUF_BURST_SZ);
        if (n == 0)
        {
            return 0;
        }
        n = rxQ.get(burst, 0, n);
        final KniDeviceStats s = stats;
        int nBack = 0;
        for (int i = 0; i < n; i++)
        {
            final long m = burst[i];
            final int pool = v.findPool(m);
            if (pool < 0)
            {
                s.add(KniDeviceStats.BAD_ADDRESS, 1);
                continue;
            }
            back[nBack++] = m;
            final int len = v.checkChain(m, pool);
            if (len < 0)
            {
                countBad(len);
                continue;
            }
            long dst = scratch;
            for (int seg = 0; seg < v.segmentCount(); seg++)
            {
                UnsafeApi.copyMemory(v.segmentAddress(seg), dst, v.segmentLength(seg));
                dst += v.segmentLength(seg);
            }
            s.add(KniDeviceStats.RX_PACKETS, 1);
            s.add(KniDeviceStats.RX_BYTES, len);
            if (nBack + 1 >= back.length)
            {
                putFree(nBack);
                nBack = 0;
            }
            nBack = transmitCopy(v, scratch, len, nBack);
        }
        putFree(nBack);
        return n;
    }

    /** kni_net_tx for a frame already in memory: into an alloc_q mbuf, onto tx_q. Returns the new nBack. */
    private int transmitCopy(final MbufValidator v, final long src, final int len, final int nBackIn)
    {
        int nBack = nBackIn;
        final KniDeviceStats s = stats;
        if (len > mbufSize || txQ.freeCount() == 0)
        {
            s.add(KniDeviceStats.TX_DROPPED, 1);
            return nBack;
        }
        final long a = allocQ.get(0L);
        if (a == 0)
        {
            s.add(KniDeviceStats.TX_DROPPED, 1);
            return nBack;
        }
        final int room = v.checkEmpty(a);
        if (room < 0 || len > room)
        {
            if (room < 0)
            {
                countBad(room);
            }
            else
            {
                s.add(KniDeviceStats.TX_TOO_BIG, 1);
            }
            if (room != MbufValidator.BAD_ADDRESS)
            {
                back[nBack++] = a;
            }
            s.add(KniDeviceStats.TX_DROPPED, 1);
            return nBack;
        }
        final long data = dataAddress(a);
        UnsafeApi.copyMemory(src, data, len);
        final int padded = finishFrame(a, data, len);
        txQ.put(a);
        s.add(KniDeviceStats.TX_PACKETS, 1);
        s.add(KniDeviceStats.TX_BYTES, padded);
        return nBack;
    }

    /**
     * Kernel → application: up to {@link #MBUF_BURST_SZ} frames read from the TAP straight into alloc_q mbufs, then
     * put on tx_q in one release. As kni_net_tx: a frame is dropped (tx_dropped) when tx_q is full, alloc_q is empty,
     * or it is longer than mbuf_size or the mbuf's room.
     *
     * @return frames read from the TAP.
     */
    int txPass(final MbufValidator v)
    {
        if (detached)
        {
            return 0;
        }
        final KniDeviceStats s = stats;
        int txFree = txQ.freeCount();
        // refused alloc_q mbufs go back on free_q: take no more than it can hold
        final int freeRoom = freeQ.freeCount();
        int nOut = 0;
        int nBack = 0;
        int frames = 0;
        long bytes = 0;
        for (int i = 0; i < MBUF_BURST_SZ; i++)
        {
            if (heldAlloc == 0)
            {
                final long a = txFree > 0 && nBack < freeRoom ? allocQ.get(0L) : 0L;
                if (a == 0)
                {
                    final long r = Tun.readFrame(tapFd, scratch, SCRATCH_LENGTH);
                    if (r < 0)
                    {
                        noteReadError();
                        break;
                    }
                    frames++;
                    s.add(KniDeviceStats.TX_DROPPED, 1);
                    continue;
                }
                final int room = v.checkEmpty(a);
                if (room < 0)
                {
                    countBad(room);
                    if (room != MbufValidator.BAD_ADDRESS)
                    {
                        back[nBack++] = a;
                    }
                    continue;
                }
                heldAlloc = a;
                heldRoom = Math.min(room, mbufSize);
            }
            final long data = dataAddress(heldAlloc);
            final long r = Tun.readFrame(tapFd, data, heldRoom);
            if (r < 0)
            {
                noteReadError();
                break;
            }
            frames++;
            if (r > heldRoom)
            {
                s.add(KniDeviceStats.TX_TOO_BIG, 1);
                s.add(KniDeviceStats.TX_DROPPED, 1);
                continue;
            }
            final int padded = finishFrame(heldAlloc, data, (int)r);
            out[nOut++] = heldAlloc;
            heldAlloc = 0;
            txFree--;
            bytes += padded;
        }
        if (nOut != 0)
        {
            txQ.put(out, 0, nOut);
            s.add(KniDeviceStats.TX_PACKETS, nOut);
            s.add(KniDeviceStats.TX_BYTES, bytes);
        }
        putFree(nBack);
        return frames;
    }

    private void noteReadError()
    {
        final int errno = Tun.lastErrno();
        if (errno != Errno.EAGAIN)
        {
            noteIoError(errno);
        }
    }

    private void noteIoError(final int errno)
    {
        lastIoErrno = errno;
        if (errno == Tun.EBADFD)
        {
            detached = true;
        }
    }

    private static long dataAddress(final long m)
    {
        return UnsafeApi.getLong(null, m + BUF_ADDR_OFFSET) + (UnsafeApi.getShort(null, m + DATA_OFF_OFFSET) & 0xFFFF);
    }

    /** Pads to ETH_ZLEN with zeros as the module does and sets pkt_len = data_len. Returns the final length. */
    private static int finishFrame(final long m, final long data, final int length)
    {
        int len = length;
        if (len < ETH_ZLEN)
        {
            UnsafeApi.setMemory(data + len, ETH_ZLEN - len, (byte)0);
            len = ETH_ZLEN;
        }
        UnsafeApi.putInt(null, m + PKT_LEN_OFFSET, len);
        UnsafeApi.putShort(null, m + DATA_LEN_OFFSET, (short)len);
        return len;
    }

    private void putFree(final int nBack)
    {
        if (nBack > 0)
        {
            final int put = freeQ.put(back, 0, nBack);
            if (put < nBack)
            {
                // free_q full: the application is not draining it. Counted as dropped; the mbufs stay the app's.
                stats.add(KniDeviceStats.RX_DROPPED, nBack - put);
            }
        }
    }

    private void countBad(final int code)
    {
        switch (code)
        {
            case MbufValidator.BAD_ADDRESS: stats.add(KniDeviceStats.BAD_ADDRESS, 1); break;
            case MbufValidator.BAD_BUFFER: stats.add(KniDeviceStats.BAD_BUFFER, 1); break;
            case MbufValidator.TOO_BIG: stats.add(KniDeviceStats.RX_DROPPED, 1); break;
            default: stats.add(KniDeviceStats.BAD_CHAIN, 1); break;
        }
    }

    /**
     * On release (the module's kni_net_release_fifo_phy): an mbuf held for the next TAP read, then what is still on
     * rx_q and then alloc_q, goes back to the application on free_q while free_q has room; the rest stays where it is
     * for the application to free (rte_kni_release frees alloc_q and free_q). Entries outside every pool are dropped.
     * Called with no KNI thread serving this device.
     */
    void returnMbufs(final MbufValidator v)
    {
        if (heldAlloc != 0)
        {
            if (!freeQ.put(heldAlloc))
            {
                stats.add(KniDeviceStats.RX_DROPPED, 1);
            }
            heldAlloc = 0;
        }
        returnFrom(rxQ, v);
        returnFrom(allocQ, v);
    }

    private void returnFrom(final KniFifo q, final MbufValidator v)
    {
        while (true)
        {
            final int room = Math.min(freeQ.freeCount(), MBUF_BURST_SZ);
            if (room == 0)
            {
                return;
            }
            final int n = q.get(burst, 0, room);
            if (n == 0)
            {
                return;
            }
            int nBack = 0;
            for (int i = 0; i < n; i++)
            {
                if (v.findPool(burst[i]) < 0)
                {
                    stats.add(KniDeviceStats.BAD_ADDRESS, 1);
                }
                else
                {
                    back[nBack++] = burst[i];
                }
            }
            freeQ.put(back, 0, nBack);
        }
    }

    // ---------------------------------------------------------------- request path (watcher thread)

    /**
     * kni_net_process_request: copies the request into the sync area, enqueues the sync address on req_q and, unless
     * {@code async}, waits up to 3 s for the same address on resp_q.
     *
     * @return the application's result; -EBUSY when req_q is full, -ETIME on timeout, -ENODATA on a foreign response;
     *     0 for an async request.
     */
    synchronized int request(final int reqId, final int value, final byte[] mac, final boolean async)
    {
        staging.clear().reqId(reqId).async(async);
        switch (reqId)
        {
            case KniRequestId.RTE_KNI_REQ_CHANGE_MTU: staging.newMtu(value); break;
            case KniRequestId.RTE_KNI_REQ_CHANGE_MAC_ADDR: staging.macAddr(mac); break;
            default: staging.ifUp(value); break; // if_up, promiscusity and allmulti share byte 4
        }
        // A response that arrived after an earlier timeout would answer this request: discard it first.
        while (respQ.get(0L) != 0L)
        {
            // drained
        }
        UnsafeApi.copyMemory(staging.address(), sync, KniRequestDescriptor.LENGTH);
        if (!reqQ.put(sync))
        {
            return -Errno.EBUSY;
        }
        if (async)
        {
            return 0;
        }
        final long deadline = System.nanoTime() + REQUEST_TIMEOUT_NS;
        long parkNs = 10_000;
        while (respQ.isEmpty())
        {
            if (System.nanoTime() - deadline >= 0)
            {
                return -Errno.ETIME;
            }
            LockSupport.parkNanos(parkNs);
            parkNs = Math.min(parkNs * 2, 1_000_000);
        }
        final long resp = respQ.get(0L);
        if (resp != sync)
        {
            return -Errno.ENODATA;
        }
        return syncArea.result();
    }

    void closeResources()
    {
        if (watcher != null)
        {
            watcher.close();
        }
        if (uring != null)
        {
            uring.close();
        }
        netlink.close();
        netDev.close();
        LibC.closeQuietly(tapFd);
        native_.close();
    }

    public String toString()
    {
        return "KniNetDevice{name=" + name + ", ifindex=" + ifIndex + ", stats=" + stats + '}';
    }
}
