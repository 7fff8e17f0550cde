package io.ethdev4j.kni.kernel.datapath;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.KniDirectIoDescriptor;
import io.ethdev4j.kni.abi.KniDoorbellDescriptor;
import io.ethdev4j.kni.abi.KniFifo;
import io.ethdev4j.kni.abi.KniMbufDescriptor;
import io.ethdev4j.kni.kernel.netdev.KniNetdev;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.RteLog;
import io.ethdev4j.sys.Tun;
import org.agrona.UnsafeApi;

import static io.ethdev4j.kni.abi.KniMbufDescriptor.BUF_ADDR_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.DATA_OFF_OFFSET;

/**
 * The data path of one KNI interface: the four packet FIFOs seen from the kernel and the frames between them and the
 * netdev, driven by the {@link KniKthread} serving the interface.
 * <ul>
 * <li>Application → kernel ({@link #rxPass}, rte_kni.ko's {@code kni_net_rx_func}): one subclass per {@code lo_mode},
 *     chosen once when the interface is created — {@link LoModeNoneDataPath} (rx_q → the netdev),
 *     {@link LoModeFifoDataPath} and {@link LoModeFifoSkbDataPath} (rx_q → tx_q loopbacks).</li>
 * <li>Kernel → application ({@link #txPass}, {@code kni_net_tx}): the same in every mode — frames read from the
 *     TAP into alloc_q mbufs, onto tx_q.</li>
 * </ul>
 * Every FIFO entry is checked by the thread's {@link MbufValidator} before anything behind it is touched; bad ones are
 * counted ({@link KniDeviceStats}) and dropped or handed back, never followed.
 * <p>
 * Threads: {@link #rxPass}/{@link #txPass} are called by one KNI thread at a time and allocate nothing;
 * {@link #returnMbufs} and {@link #close} once no thread serves the interface.
 */
public abstract class KniDataPath implements AutoCloseable
{
    /** MBUF_BURST_SZ in kernel/linux/kni/kni_net.c. */
    public static final int MBUF_BURST_SZ = 32;
    /** rx_q entries written per io_uring_enter with tap_io=io_uring (the exception-path note batched 64). */
    public static final int URING_BURST_SZ = 64;

    static final int SCRATCH_LENGTH = 65536 + 64;
    static final int IOVEC_LENGTH = 16;

    final String name;
    final KniNetdev netdev;
    final int tapFd;
    final int mbufSize;
    final KniDeviceStats stats = new KniDeviceStats();

    final KniFifo rxQ = new KniFifo();
    final KniFifo txQ = new KniFifo();
    final KniFifo allocQ = new KniFifo();
    final KniFifo freeQ = new KniFifo();
    /** The doorbell word in the sync area ({@link KniDoorbellDescriptor}). */
    private final long doorbell;
    /** The direct I/O words ({@link KniDirectIoDescriptor}). */
    private final long lend;
    private final long appDirect;
    private final long appPollNs;
    final long[] burst = new long[URING_BURST_SZ];
    final long[] out = new long[MBUF_BURST_SZ];
    final long[] back = new long[Math.max(MBUF_BURST_SZ * 2, URING_BURST_SZ)];
    /** A frame-sized scratch buffer (frames read with no mbuf to take them; lo_mode_fifo_skb's copies). */
    final long scratch;
    /** MbufValidator.MAX_SEGS iovecs for writev. */
    final long iov;
    private final Memory native_;

    // TAP reader state (txPass, and returnMbufs once the thread has let go)
    private long heldAlloc;
    private int heldRoom;
    /** Writer: the serving KNI thread; racy reads for diagnostics. */
    private int lastIoErrno;

    /**
     * Attaches to {@code info}'s rx_q, tx_q, alloc_q and free_q (their headers are checked) and the netdev's TAP.
     *
     * @throws IllegalArgumentException EINVAL: a bad FIFO header.
     */
    KniDataPath(final KniDeviceInfo info, final KniNetdev netdev)
    {
        this.name = info.name();
        this.netdev = netdev;
        this.tapFd = netdev.tapFd();
        this.mbufSize = info.mbufSize();
        rxQ.attach(info.rxQ());
        txQ.attach(info.txQ());
        allocQ.attach(info.allocQ());
        freeQ.attach(info.freeQ());
        doorbell = info.sync() + KniDoorbellDescriptor.DOORBELL_OFFSET;
        lend = info.sync() + KniDirectIoDescriptor.LEND_OFFSET;
        appDirect = info.sync() + KniDirectIoDescriptor.APP_DIRECT_OFFSET;
        appPollNs = info.sync() + KniDirectIoDescriptor.APP_POLL_NS_OFFSET;
        native_ = new Memory(SCRATCH_LENGTH + (long)MbufValidator.MAX_SEGS * IOVEC_LENGTH + 64);
        final long base = (Pointer.nativeValue(native_) + 63) & ~63L;
        scratch = base;
        iov = base + SCRATCH_LENGTH;
    }

    /** The serving thread is about to sleep: the application is to ring (see {@link KniDoorbellDescriptor}). */
    final void doorbellArm()
    {
        UnsafeApi.putIntVolatile(null, doorbell, KniDoorbellDescriptor.SLEEPING);
    }

    /** The serving thread polls again: no ring needed. */
    final void doorbellDisarm()
    {
        UnsafeApi.putIntRelease(null, doorbell, KniDoorbellDescriptor.AWAKE);
    }

    /** Packets wait on rx_q (the last check before sleeping, after {@link #doorbellArm} and a full fence). */
    final boolean rxPending()
    {
        return rxQ.count() > 0;
    }

    /**
     * This path may lend its TAP to the application while its thread sleeps (direct_io): only where frames from rx_q go
     * to the TAP as they are ({@link LoModeNoneDataPath} with direct_io on).
     */
    public boolean lendable()
    {
        return false;
    }

    /**
     * Before a sleep (doorbell armed, rx_q found empty): lends the TAP to the application when this path is
     * {@link #lendable}, the netdev is attached and the application said it does direct I/O.
     *
     * @return true when lent: {@link #recall} before the next pass.
     */
    final boolean lend()
    {
        if (!lendable() || netdev.detached() || UnsafeApi.getIntVolatile(null, appDirect) == 0)
        {
            return false;
        }
        UnsafeApi.putIntVolatile(null, lend, KniDirectIoDescriptor.LENT);
        return true;
    }

    /** The application tried a direct receive within {@link KniDirectIoDescriptor#APP_POLLING_NS} of {@code now}. */
    final boolean appPolling(final long now)
    {
        return now - UnsafeApi.getLongVolatile(null, appPollNs) < KniDirectIoDescriptor.APP_POLLING_NS;
    }

    /** How long {@link #recall} waits for an application holding the TAP before it takes it back anyway. */
    static final long RECALL_TIMEOUT_NS = 1_000_000_000L;

    /**
     * Takes the TAP back (after a sleep, and at release): LENT → OWNED, waiting while the application holds it (one
     * burst of a few syscalls on its lcore). An application that holds it for {@link #RECALL_TIMEOUT_NS} (stopped in a
     * debugger, or gone) loses it: logged, and its late give-back fails (it swaps APP → LENT, which no longer holds).
     */
    public final void recall()
    {
        if (UnsafeApi.compareAndSetInt(null, lend, KniDirectIoDescriptor.LENT, KniDirectIoDescriptor.OWNED))
        {
            return;
        }
        long deadline = 0;
        int spins = 0;
        while (true)
        {
            final int s = UnsafeApi.getIntVolatile(null, lend);
            if (s == KniDirectIoDescriptor.OWNED ||
                s == KniDirectIoDescriptor.LENT &&
                UnsafeApi.compareAndSetInt(null, lend, KniDirectIoDescriptor.LENT, KniDirectIoDescriptor.OWNED))
            {
                return;
            }
            if (spins++ < 1_000)
            {
                Thread.onSpinWait();
                continue;
            }
            final long now = System.nanoTime();
            if (deadline == 0)
            {
                deadline = now + RECALL_TIMEOUT_NS;
            }
            else if (now - deadline > 0)
            {
                UnsafeApi.putIntVolatile(null, lend, KniDirectIoDescriptor.OWNED);
                RteLog.warn("KNI", "kni " + name + ": the application held the TAP for direct I/O over " +
                    RECALL_TIMEOUT_NS / 1_000_000 + " ms; the KNI thread takes it back");
                return;
            }
            // the application may share this CPU (a SCHED_FIFO spin would keep it from finishing): sleep a little
            java.util.concurrent.locks.LockSupport.parkNanos(10_000);
        }
    }

    /** The lo_mode this path serves ({@code lo_mode_none}, ...). */
    public abstract String loMode();

    public final KniDeviceStats stats()
    {
        return stats;
    }

    /** errno of the last failed TAP read or write (0 if none): EBADFD/EIO once the netdev was deleted from outside. */
    public final int lastIoErrno()
    {
        return lastIoErrno;
    }

    /** True when frames go to the TAP in io_uring batches (only lo_mode_none writes to the TAP). */
    public boolean usesIoUring()
    {
        return false;
    }

    /** Mbufs the TAP reader holds for its next read (0 or 1); racy read, for tests and diagnostics. */
    public final int heldMbufs()
    {
        return heldAlloc != 0 ? 1 : 0;
    }

    /** The netdev was deleted from outside: the KNI thread stops polling {@link #tapFd()}. */
    final boolean detached()
    {
        return netdev.detached();
    }

    final int tapFd()
    {
        return tapFd;
    }

    /** One pass application → kernel (this lo_mode's {@code kni_net_rx_*}). Returns the rx_q entries consumed. */
    abstract int rxPass(MbufValidator v);

    /**
     * Kernel → application: up to {@link #MBUF_BURST_SZ} frames read from the TAP straight into alloc_q mbufs, then
     * put on tx_q in one release. As kni_net_tx: a frame is dropped (tx_dropped) when tx_q is full, alloc_q is empty,
     * or it is longer than mbuf_size or the mbuf's room.
     *
     * @return frames read from the TAP.
     */
    final int txPass(final MbufValidator v)
    {
        if (netdev.detached())
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
                    s.add(KniCounter.TX_DROPPED, 1);
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
                s.add(KniCounter.TX_TOO_BIG, 1);
                s.add(KniCounter.TX_DROPPED, 1);
                continue;
            }
            final int padded = KniMbufDescriptor.finishFrame(heldAlloc, data, (int)r);
            out[nOut++] = heldAlloc;
            heldAlloc = 0;
            txFree--;
            bytes += padded;
        }
        if (nOut != 0)
        {
            txQ.put(out, 0, nOut);
            s.add(KniCounter.TX_PACKETS, nOut);
            s.add(KniCounter.TX_BYTES, bytes);
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

    /** Records a TAP error; EBADFD means the netdev is gone. */
    final void noteIoError(final int errno)
    {
        lastIoErrno = errno;
        if (errno == Tun.EBADFD)
        {
            netdev.markDetached();
        }
    }

    static long dataAddress(final long m)
    {
        return UnsafeApi.getLong(null, m + BUF_ADDR_OFFSET) + (UnsafeApi.getShort(null, m + DATA_OFF_OFFSET) & 0xFFFF);
    }

    /** Hands {@code back[0 .. nBack)} to the application on free_q. */
    final void putFree(final int nBack)
    {
        if (nBack > 0)
        {
            final int put = freeQ.put(back, 0, nBack);
            if (put < nBack)
            {
                // free_q full: the application is not draining it. Counted as dropped; the mbufs stay the app's.
                stats.add(KniCounter.RX_DROPPED, nBack - put);
            }
        }
    }

    /** Counts a negative {@link MbufValidator} result. */
    final void countBad(final int code)
    {
        switch (code)
        {
            case MbufValidator.BAD_ADDRESS: stats.add(KniCounter.BAD_ADDRESS, 1); break;
            case MbufValidator.BAD_BUFFER: stats.add(KniCounter.BAD_BUFFER, 1); break;
            case MbufValidator.TOO_BIG: stats.add(KniCounter.RX_DROPPED, 1); break;
            default: stats.add(KniCounter.BAD_CHAIN, 1); break;
        }
    }

    /**
     * On release (the module's kni_net_release_fifo_phy): an mbuf held for the next TAP read, then what is still on
     * rx_q and then alloc_q, goes back to the application on free_q while free_q has room; the rest stays where it is
     * for the application to free (rte_kni_release frees alloc_q and free_q). Entries outside every pool are dropped.
     * Called with no KNI thread serving this device.
     */
    public final void returnMbufs(final MbufValidator v)
    {
        if (heldAlloc != 0)
        {
            if (!freeQ.put(heldAlloc))
            {
                stats.add(KniCounter.RX_DROPPED, 1);
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
                    stats.add(KniCounter.BAD_ADDRESS, 1);
                }
                else
                {
                    back[nBack++] = burst[i];
                }
            }
            freeQ.put(back, 0, nBack);
        }
    }

    /** Frees the native buffers. Once no thread serves the interface. */
    public void close()
    {
        native_.close();
    }

    public String toString()
    {
        return getClass().getSimpleName() + "{name=" + name + ", stats=" + stats + '}';
    }
}
