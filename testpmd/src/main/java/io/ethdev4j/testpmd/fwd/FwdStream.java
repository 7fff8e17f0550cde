package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One forwarding stream (testpmd's struct fwd_stream): rx port/queue → tx port/queue.
 * <p>
 * The burst objects, the burst array and the engine's per-stream state are set by the control thread before the
 * lcore is launched; the counters are written only by the one forwarding lcore that owns the stream and read by
 * the control thread after it has joined that lcore (Thread.join orders them), as DPDK does. They sit in
 * {@link FwdStreamCounters}, behind 64 bytes of padding and before this class's fields, which only the owning lcore
 * reads while it runs: streams are allocated side by side, so without it two lcores' counters could share a cache
 * line (false sharing).
 */
public final class FwdStream extends FwdStreamCounters
{
    public final int rxPort;
    public final int rxQueue;
    public final int txPort;
    public final int txQueue;
    /** Peer MAC as a 48-bit value (mac engine's destination). */
    public final long peerMac;

    // set at start (control thread, before launch)
    public RxBurst rx;
    public TxBurst tx;
    /** icmpecho answers on the rx port. */
    public TxBurst txOnRxPort;
    public MbufPool pool;
    public Mbuf[] pkts;
    public int burst;
    /** {@code set fwd <mode> retry}: retry a partial tx as DPDK does (burst_tx_retry_num × burst_tx_delay_time). */
    public boolean retry;
    /** {@code set burst tx delay D retry N}: the retries of a partial tx and the wait before each. */
    public int retryNum = BURST_TX_RETRY_NUM;
    public long retryDelayNs = BURST_TX_DELAY_NS;
    /** TX port's MAC (mac engine's source; icmpecho uses the rx port's). */
    public long txPortMac;
    public long rxPortMac;
    /** Engine-private state (template bytes, flow counter...). */
    public byte[] template;
    /**
     * txonly with several segments: the segment lengths, per segment count k the frame of the first k segments
     * (headers for its length), the spare mbufs of a burst's later segments, and the random state of txsplit rand.
     */
    int[] txSegs;
    byte[][] segTemplates;
    boolean txSplitRand;
    Mbuf[] segBuf;
    long rand;
    public int flowIndex;
    /** noisy's FIFO and lookup memory (null for the other engines). */
    NoisyVnfFwd.NoisyState noisy;
    /**
     * {@code --latencystats}: where {@link #sendOrDrop} records each sent packet's rx→tx latency in ns (null when
     * off). Writer: the owning lcore (a single-writer recorder: the control thread takes its intervals).
     */
    public SingleWriterRecorder latency;
    /** {@code --latencystats}: System.nanoTime when this stream's last rx burst returned packets (owning lcore). */
    long rxNs;

    public FwdStream(final int rxPort, final int rxQueue, final int txPort, final int txQueue, final long peerMac)
    {
        this.rxPort = rxPort;
        this.rxQueue = rxQueue;
        this.txPort = txPort;
        this.txQueue = txQueue;
        this.peerMac = peerMac;
    }

    public void resetCounters()
    {
        rxPackets = 0;
        txPackets = 0;
        fwdDropped = 0;
    }

    /** testpmd's default burst_tx_retry_num (BURST_TX_RETRIES). */
    public static final int BURST_TX_RETRY_NUM = 64;
    /** testpmd's default burst_tx_delay_time (BURST_TX_WAIT_US, 1 µs). */
    public static final long BURST_TX_DELAY_NS = 1_000;

    /** Sends {@code pkts[0..n)} on {@code q}; frees and counts what the queue did not take. Hot path. */
    static void sendOrDrop(final FwdStream fs, final TxBurst q, final Mbuf[] pkts, final int n)
    {
        int sent = q.txBurst(pkts, 0, n);
        if (sent < n && fs.retry)
        {
            for (int retry = 0; sent < n && retry < fs.retryNum; retry++)
            {
                delayNs(fs.retryDelayNs);
                sent += q.txBurst(pkts, sent, n - sent);
            }
        }
        final SingleWriterRecorder latency = fs.latency;
        if (latency != null && sent != 0 && fs.rxNs != 0)
        {
            recordLatency(fs, latency, sent);
        }
        fs.txPackets += sent;
        if (sent < n)
        {
            fs.fwdDropped += n - sent;
            Mbuf.freeBulk(pkts, sent, n - sent);
        }
    }

    /**
     * One value per tx burst, counted once per packet sent: the time from the return of the rx burst that brought
     * the packets to the return of the tx burst that took them (the same for every packet of the burst).
     * Zero allocation: the recorder's histogram is sized at attach for 1 ns .. {@link #LATENCY_MAX_NS}; longer
     * values are clamped to it.
     */
    private static void recordLatency(final FwdStream fs, final SingleWriterRecorder latency, final int sent)
    {
        final long ns = System.nanoTime() - fs.rxNs;
        fs.rxNs = 0;
        latency.recordValueWithCount(Math.max(1, Math.min(ns, LATENCY_MAX_NS)), sent);
    }

    /** Highest latency a {@link #latency} recorder must hold (values above are recorded as this), 10 s. */
    public static final long LATENCY_MAX_NS = 10_000_000_000L;

    /** rte_delay_us: a busy wait (no sleep: the lcore keeps its CPU). */
    private static void delayNs(final long ns)
    {
        final long end = System.nanoTime() + ns;
        while (System.nanoTime() < end)
        {
            Thread.onSpinWait();
        }
    }
}
