package io.ethdev4j.testpmd.fwd;

/** The packet-generation settings engines read at stream init (txonly, flowgen). */
public final class FwdParams
{
    /** --txpkts total length (txonly/flowgen/tx_first). */
    public int txPktLen = 64;
    /** --txpkts / set txpkts: txonly's segment lengths (one segment of txPktLen by default). */
    public int[] txSegs = {64};
    /** set txsplit rand: txonly sends 1..txSegs.length segments, at random per packet. */
    public boolean txSplitRand;
    /** Source/destination IPv4 of txonly (198.18.0.1 → 198.18.0.2). */
    public int txIpSrc = (198 << 24) | (18 << 16) | 1;
    public int txIpDst = (198 << 24) | (18 << 16) | 2;
    public int txUdpSrc = 9;
    public int txUdpDst = 9;
    public int flowgenFlows = 1024;
    /** noisy: --noisy-tx-sw-buffer-size (packets; 0: no FIFO), --noisy-tx-sw-buffer-flushtime (ms). */
    public int noisyTxSwBufSize;
    public int noisyTxSwBufFlushTimeMs;
    /** noisy: --noisy-lkup-memory (MB) and the lookups per packet. */
    public int noisyLkupMemoryMb;
    public int noisyLkupNumWrites;
    public int noisyLkupNumReads;
    public int noisyLkupNumReadsWrites;
}
