package io.ethdev4j.kni.kernel.datapath;

import io.ethdev4j.sys.RteLog;
import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.kernel.netdev.KniNetdev;
import io.ethdev4j.sys.IoUring;
import io.ethdev4j.sys.Tun;
import org.agrona.UnsafeApi;

/**
 * {@code lo_mode_none}, the normal mode (kni_net_rx_normal): frames from rx_q are written to the netdev — in io_uring
 * batches of up to {@link #URING_BURST_SZ} with {@code tap_io=io_uring}, else one {@code write(2)} per frame
 * ({@code writev} for chains) — and their mbufs go back on free_q once written.
 */
public final class LoModeNoneDataPath extends KniDataPath
{
    /** Batched TAP writes (tap_io=io_uring), or null: one write(2) per frame. */
    private final IoUring uring;
    /** direct_io: the TAP may be lent to the application while the thread sleeps. */
    private final boolean directIo;

    /**
     * @param ioUring batch the TAP writes through io_uring; falls back to write(2), with a log line, where io_uring
     *                cannot be set up.
     * @param directIo lend the TAP to an application doing direct I/O while the thread sleeps (direct_io).
     */
    public LoModeNoneDataPath(final KniDeviceInfo info, final KniNetdev netdev, final boolean ioUring,
        final boolean directIo)
    {
        super(info, netdev);
        this.uring = ioUring ? openUring(name, tapFd) : null;
        this.directIo = directIo;
    }

    @Override
    public boolean lendable()
    {
        return directIo;
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
        RteLog.warn("KNI",
            "kni " + name + ": tap_io=io_uring unavailable, using write(2): " + why);
        return null;
    }

    @Override
    public String loMode()
    {
        return "lo_mode_none";
    }

    @Override
    public boolean usesIoUring()
    {
        return uring != null;
    }

    /** kni_net_rx_normal: rx_q → TAP (write per frame, writev for chains; or io_uring batches) → free_q. */
    @Override
    int rxPass(final MbufValidator v)
    {
        int n = Math.min(freeQ.freeCount(), this.uring != null ? URING_BURST_SZ : MBUF_BURST_SZ);
        if (n == 0)
        {
            return 0;
        }
        n = rxQ.get(burst, 0, n);
        if (n == 0)
        {
            return 0;
        }
        // one frame (a ping, a request): one write(2) is one syscall either way and costs less than an SQE, an
        // io_uring_enter and its completion; batches go through the ring
        final IoUring uring = n > 1 ? this.uring : null;
        final KniDeviceStats s = stats;
        final boolean gone = netdev.detached();
        int nBack = 0;
        long packets = 0;
        long bytes = 0;
        for (int i = 0; i < n; i++)
        {
            final long m = burst[i];
            final int pool = v.findPool(m);
            if (pool < 0)
            {
                s.add(KniCounter.BAD_ADDRESS, 1);
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
                s.add(KniCounter.RX_DROPPED, 1);
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
                flushUring(uring);
            }
            final long rc = writeChain(v, len);
            if (rc < 0)
            {
                noteIoError(Tun.lastErrno());
                s.add(KniCounter.RX_WRITE_ERRORS, 1);
                s.add(KniCounter.RX_DROPPED, 1);
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
            flushUring(uring);
        }
        freeQ.put(back, 0, nBack);
        if (packets != 0)
        {
            s.add(KniCounter.RX_PACKETS, packets);
            s.add(KniCounter.RX_BYTES, bytes);
        }
        return n;
    }

    /** Submits the queued TAP writes, waits for all of them, and counts their results. */
    private void flushUring(final IoUring uring)
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
            s.add(KniCounter.RX_WRITE_ERRORS, queued);
            s.add(KniCounter.RX_DROPPED, queued);
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
            s.add(KniCounter.RX_PACKETS, packets);
            s.add(KniCounter.RX_BYTES, bytes);
        }
        if (errors != 0)
        {
            s.add(KniCounter.RX_WRITE_ERRORS, errors);
            s.add(KniCounter.RX_DROPPED, errors);
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

    @Override
    public void close()
    {
        if (uring != null)
        {
            uring.close();
        }
        super.close();
    }
}
