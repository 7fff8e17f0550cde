package io.ethdev4j.test;

import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.KniFifo;
import io.ethdev4j.kni.abi.KniFifoDescriptor;
import io.ethdev4j.kni.abi.KniRequest;
import io.ethdev4j.kni.abi.KniRequestId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToIntFunction;

/**
 * The application side of one KNI, as the tests need it (a stand-in for pmd-kni's rte_kni_* library): owns the seven
 * zones, answers requests, bursts mbufs.
 */
public final class TestKniApp implements AutoCloseable
{
    public static final class Seen
    {
        public final int reqId;
        public final int value;
        public final byte[] mac;
        public final boolean async;

        Seen(final int reqId, final int value, final byte[] mac, final boolean async)
        {
            this.reqId = reqId;
            this.value = value;
            this.mac = mac;
            this.async = async;
        }

        public String toString()
        {
            return KniRequestId.name(reqId) + "(" + value + (async ? ", async" : "") + ")";
        }
    }

    public final KniFifo txQ = new KniFifo();
    public final KniFifo rxQ = new KniFifo();
    public final KniFifo allocQ = new KniFifo();
    public final KniFifo freeQ = new KniFifo();
    public final KniFifo reqQ = new KniFifo();
    public final KniFifo respQ = new KniFifo();
    public final long sync;
    public final TestMbufPool pool;
    public final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final KniRequest req = new KniRequest();
    private final long[] tmp = new long[1024];
    private volatile ToIntFunction<Seen> handler = s -> 0;
    private volatile boolean running;
    private Thread thread;

    public TestKniApp(final TestMemory memory, final TestMbufPool pool)
    {
        this.pool = pool;
        txQ.attach(fifo(memory));
        rxQ.attach(fifo(memory));
        allocQ.attach(fifo(memory));
        freeQ.attach(fifo(memory));
        reqQ.attach(fifo(memory));
        respQ.attach(fifo(memory));
        sync = memory.allocate(KniFifoDescriptor.KNI_FIFO_SIZE, 64);
    }

    private static long fifo(final TestMemory memory)
    {
        final long a = memory.allocate(KniFifoDescriptor.KNI_FIFO_SIZE, 64);
        KniFifo.init(a, KniFifoDescriptor.KNI_FIFO_COUNT_MAX);
        return a;
    }

    public KniDeviceInfo info(final String name)
    {
        return new KniDeviceInfo().name(name).txQ(txQ.address()).rxQ(rxQ.address()).allocQ(allocQ.address())
            .freeQ(freeQ.address()).reqQ(reqQ.address()).respQ(respQ.address()).sync(sync).mbufSize(2048)
            .mtu(2034);
    }

    public void handler(final ToIntFunction<Seen> handler)
    {
        this.handler = handler;
    }

    /** rte_kni_handle_request. */
    public int handleRequest()
    {
        final long addr = reqQ.get(0L);
        if (addr == 0)
        {
            return 0;
        }
        if (addr != sync)
        {
            return -1;
        }
        req.wrap(addr);
        final byte[] mac = new byte[6];
        req.readMacAddr(mac);
        final Seen seen = new Seen(req.reqId(), req.reqId() == KniRequestId.RTE_KNI_REQ_CHANGE_MTU ? req.newMtu() : req.ifUp(),
            mac, req.async());
        requests.add(seen);
        req.result(handler.applyAsInt(seen));
        if (!req.async())
        {
            return respQ.put(addr) ? 0 : -1;
        }
        return 0;
    }

    /** A request thread as net_kni's, but polling every 200 µs. */
    public void startRequestThread()
    {
        running = true;
        thread = new Thread(() ->
        {
            while (running)
            {
                handleRequest();
                LockSupport.parkNanos(200_000);
            }
        }, "test-kni-req");
        thread.setDaemon(true);
        thread.start();
    }

    /** rte_kni_tx_burst without the IOVA conversion (IOVA = VA here). */
    public int txBurst(final long[] mbufs, final int n)
    {
        final int sent = rxQ.put(mbufs, 0, Math.min(n, rxQ.freeCount()));
        drainFree();
        return sent;
    }

    /** rte_kni_rx_burst. */
    public int rxBurst(final long[] mbufs, final int n)
    {
        final int got = txQ.get(mbufs, 0, n);
        refill();
        return got;
    }

    public void refill()
    {
        final int n = Math.min(32, allocQ.freeCount());
        for (int i = 0; i < n; i++)
        {
            final long m = pool.alloc();
            if (m == 0 || !allocQ.put(m))
            {
                if (m != 0)
                {
                    pool.free(m);
                }
                return;
            }
        }
    }

    public int drainFree()
    {
        final int n = freeQ.get(tmp, 0, tmp.length);
        for (int i = 0; i < n; i++)
        {
            pool.free(tmp[i]);
        }
        return n;
    }

    /** After kernel release: frees what remains on tx_q and free_q (as rte_kni_release). */
    public void releaseAll()
    {
        drainFree();
        int n;
        while ((n = txQ.get(tmp, 0, tmp.length)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                pool.free(tmp[i]);
            }
        }
        while ((n = allocQ.get(tmp, 0, tmp.length)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                pool.free(tmp[i]);
            }
        }
    }

    public void close()
    {
        running = false;
        if (thread != null)
        {
            try
            {
                thread.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
