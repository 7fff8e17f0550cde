package io.ethdev4j.ethdev;

/**
 * struct rte_eth_rxq_info / rte_eth_txq_info, for {@link EthDev#rxQueueInfo} and {@link EthDev#txQueueInfo}: the
 * ethdev layer presets what it knows (descriptors, mempool, the queue state), the driver fills in the rest.
 */
public final class QueueInfo
{
    /** RTE_ETH_QUEUE_STATE_STOPPED / STARTED / HAIRPIN. */
    public static final int STATE_STOPPED = 0;
    public static final int STATE_STARTED = 1;
    public static final int STATE_HAIRPIN = 2;

    /** Rx only: the pool the queue takes mbufs from (null for tx). */
    public String mempoolName;
    public int prefetchThresh;
    public int hostThresh;
    public int writebackThresh;
    /** rx_free_thresh / tx_free_thresh. */
    public int freeThresh;
    /** Tx only: tx_rs_thresh. */
    public int rsThresh;
    public boolean dropEn;
    public boolean deferredStart;
    /** Rx only: scattered_rx. */
    public boolean scatteredRx;
    public int queueState;
    /** Rx only: rx_buf_size (0: not reported). */
    public int rxBufSize;
    public int nbDesc;
}
