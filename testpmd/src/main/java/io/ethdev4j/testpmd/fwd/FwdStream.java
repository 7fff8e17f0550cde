package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;

/**
 * One forwarding stream (testpmd's struct fwd_stream): rx port/queue → tx port/queue.
 * <p>
 * The burst objects, the burst array and the engine's per-stream state are set by the control thread before the
 * lcore is launched; the counters are written only by the one forwarding lcore that owns the stream and read by
 * the control thread after it has joined that lcore (Thread.join orders them), as DPDK does.
 */
public final class FwdStream
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
    /** TX port's MAC (mac engine's source; icmpecho uses the rx port's). */
    public long txPortMac;
    public long rxPortMac;
    /** Engine-private state (template bytes, flow counter...). */
    public byte[] template;
    public int flowIndex;

    // written by the forwarding lcore only
    public long rxPackets;
    public long txPackets;
    public long fwdDropped;

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

    /** Sends {@code pkts[0..n)} on {@code q}; frees and counts what the queue did not take. Hot path. */
    static void sendOrDrop(final FwdStream fs, final TxBurst q, final Mbuf[] pkts, final int n)
    {
        final int sent = q.txBurst(pkts, 0, n);
        fs.txPackets += sent;
        if (sent < n)
        {
            fs.fwdDropped += n - sent;
            Mbuf.freeBulk(pkts, sent, n - sent);
        }
    }
}
