package io.ethdev4j.kni.kernel.request;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.KniFifo;
import io.ethdev4j.kni.abi.KniRequest;
import io.ethdev4j.kni.abi.KniRequestDescriptor;
import io.ethdev4j.kni.abi.KniRequestId;
import io.ethdev4j.sys.Errno;
import org.agrona.UnsafeApi;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The kernel end of one KNI's request channel: req_q, resp_q and the sync area — rte_kni.ko's
 * {@code kni_net_process_request}. One request at a time; the caller (the {@link KniLinkWatcher}) decides what a
 * result means and reverts refused changes.
 * <p>
 * Results are values, as the module's: the application's {@code result}, or {@code -EBUSY} (req_q full),
 * {@code -ETIME} (no response within {@link #REQUEST_TIMEOUT_NS}), {@code -ENODATA} (resp_q returned another address),
 * {@code -ECANCELED} (the interface is being released: {@link #cancel()}; releasing does not wait out the 3 s for an
 * application that stopped answering, e.g. a port stopped just before its release).
 */
public final class KniRequestChannel implements AutoCloseable
{
    /** The module waits 3 * HZ for resp_q. */
    public static final long REQUEST_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(3);

    private final KniFifo reqQ = new KniFifo();
    private final KniFifo respQ = new KniFifo();
    /** The request is built here, then copied into the shared sync area in one go. */
    private final Memory stagingMemory;
    private final KniRequest staging = new KniRequest();
    private final KniRequest syncArea = new KniRequest();
    private final long sync;
    /** Set by the releasing thread; read by the thread waiting for a response. */
    private volatile boolean cancelled;

    /**
     * Attaches to {@code info}'s req_q and resp_q (their headers are checked) and its sync area.
     *
     * @throws IllegalArgumentException EINVAL: a bad FIFO header.
     */
    public KniRequestChannel(final KniDeviceInfo info)
    {
        reqQ.attach(info.reqQ());
        respQ.attach(info.respQ());
        sync = info.sync();
        syncArea.wrap(sync);
        stagingMemory = new Memory(KniRequestDescriptor.LENGTH + 64);
        staging.wrap((Pointer.nativeValue(stagingMemory) + 63) & ~63L);
    }

    /**
     * kni_net_process_request: copies the request into the sync area, enqueues the sync address on req_q and, unless
     * {@code async}, waits up to 3 s for the same address on resp_q.
     *
     * @param value the new MTU, or if_up / promiscusity / allmulti (0 or 1); ignored for CHANGE_MAC_ADDR.
     * @param mac   the new address for CHANGE_MAC_ADDR, else null.
     * @return the application's result; -EBUSY when req_q is full, -ETIME on timeout, -ENODATA on a foreign response;
     *     0 for an async request.
     */
    public synchronized int request(final int reqId, final int value, final byte[] mac, final boolean async)
    {
        staging.clear().reqId(reqId).async(async);
        switch (reqId)
        {
            case KniRequestId.RTE_KNI_REQ_CHANGE_MTU: staging.newMtu(value); break;
            case KniRequestId.RTE_KNI_REQ_CHANGE_MAC_ADDR: staging.macAddr(mac); break;
            default: staging.ifUp(value); break; // if_up, promiscusity and allmulti share byte 4
        }
        if (cancelled)
        {
            return -Errno.ECANCELED;
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
            if (cancelled)
            {
                return -Errno.ECANCELED;
            }
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

    /** The interface is being released: a request waiting for its response returns -ECANCELED now, and any later one. */
    public void cancel()
    {
        cancelled = true;
    }

    public synchronized void close()
    {
        stagingMemory.close();
    }
}
