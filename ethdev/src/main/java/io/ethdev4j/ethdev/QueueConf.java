package io.ethdev4j.ethdev;

/** struct rte_eth_rxconf / rte_eth_txconf: per-queue settings; null means the driver's defaults. */
public final class QueueConf
{
    /** Rx: free threshold; Tx: tx_free_thresh (0 = driver default). */
    public int freeThresh;
    public int rsThresh;
    public boolean dropEn;
    public boolean deferredStart;
    public long offloads;
}
