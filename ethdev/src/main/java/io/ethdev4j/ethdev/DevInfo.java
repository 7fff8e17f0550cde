package io.ethdev4j.ethdev;

/**
 * struct rte_eth_dev_info. The ethdev layer presets DPDK's defaults (min MTU 46, max MTU 65535, descriptor
 * limits {65535, 0, 1}), then the driver's {@link EthDevOps#infoGet(DevInfo)} overwrites what it knows, then
 * queue counts are clamped to {@link EthDev#MAX_QUEUES_PER_PORT}. A plain data carrier.
 */
public final class DevInfo
{
    /** RTE_ETHER_MIN_MTU. */
    public static final int ETHER_MIN_MTU = 46;
    /** RTE_ETHER_MTU. */
    public static final int ETHER_MTU = 1500;

    public String driverName = "";
    public String deviceName = "";
    public int ifIndex;
    public int minMtu = ETHER_MIN_MTU;
    public int maxMtu = 0xFFFF;
    public int minRxBufSize;
    /** Largest frame the port receives; {@code Integer.MAX_VALUE} stands for UINT32_MAX. */
    public int maxRxPktLen = Integer.MAX_VALUE;
    public int maxRxQueues;
    public int maxTxQueues;
    public int maxMacAddrs = 1;
    /** Offloads the port has (per port and per queue: rx_offload_capa), and those settable per queue. */
    public long rxOffloadCapa;
    public long txOffloadCapa;
    public long rxQueueOffloadCapa;
    public long txQueueOffloadCapa;
    public int retaSize;
    public int hashKeySize;
    public long flowTypeRssOffloads;
    public DescLimits rxDescLim = DescLimits.DEFAULT;
    public DescLimits txDescLim = DescLimits.DEFAULT;
    public long speedCapa;
    public int nbRxQueues;
    public int nbTxQueues;
    /** default_rxportconf / default_txportconf: 0 = no preference. */
    public int defaultRxBurstSize;
    public int defaultTxBurstSize;
    public int defaultRxRingSize;
    public int defaultTxRingSize;
    public int defaultNbRxQueues;
    public int defaultNbTxQueues;
    public long devCapa;

    /** The MTU overhead DPDK derives (eth_dev_get_overhead_len). */
    public int overheadLen()
    {
        if (maxMtu != 0xFFFF && maxRxPktLen > maxMtu)
        {
            return maxRxPktLen - maxMtu;
        }
        return 18;
    }
}
