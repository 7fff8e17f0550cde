package io.ethdev4j.ethdev;

import io.ethdev4j.mbuf.MbufPool;

import java.util.List;

/**
 * A driver's control operations (eth_dev_ops): control path only. The burst functions are the queue objects
 * returned by the queue setup calls, fetched once by {@link EthDev#start()}.
 * <p>
 * The generic {@link EthDev} layer validates port state, queue ids and values before calling in, and turns
 * {@link #notSupported()} into {@code ENOTSUP}. Implementations throw {@link EthDevException} for device
 * errors. An operation the driver lacks keeps its default, which reports "not supported".
 */
public interface EthDevOps
{
    /** Thrown by default methods: the ethdev layer maps it to ENOTSUP with the operation's name. */
    final class NotSupported extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
        static final NotSupported INSTANCE = new NotSupported();

        private NotSupported()
        {
            super("operation not supported by the driver", null, false, false);
        }
    }

    static NotSupported notSupported()
    {
        return NotSupported.INSTANCE;
    }

    /** dev_infos_get: fill what the driver knows (ethdev presets DPDK's defaults first). */
    void infoGet(DevInfo info);

    /** dev_configure: the queue counts and conf are already in {@link EthDevData}. */
    default void configure()
    {
    }

    /** rx_queue_setup: creates (or re-creates) queue {@code queueId}; returns its burst object. */
    RxBurst rxQueueSetup(int queueId, int nbDesc, MbufPool pool, QueueConf conf);

    /** tx_queue_setup. */
    TxBurst txQueueSetup(int queueId, int nbDesc, QueueConf conf);

    /** rx_queue_release: frees the queue's resources and every mbuf it holds. */
    default void rxQueueRelease(final int queueId)
    {
    }

    default void txQueueRelease(final int queueId)
    {
    }

    /** dev_start: the queues are set up; start moving packets. */
    void start();

    /** dev_stop. The ethdev layer has already swapped the burst functions for dummies. */
    void stop();

    /** dev_close: release everything (queues are released by the ethdev layer before this). */
    void close();

    /** dev_reset. */
    default void reset()
    {
        throw notSupported();
    }

    /** link_update: the current link. */
    EthLink linkGet();

    default void setLinkUp()
    {
        throw notSupported();
    }

    default void setLinkDown()
    {
        throw notSupported();
    }

    /** stats_get: add the driver's counters to the zeroed {@code stats}. */
    void statsGet(EthStats stats);

    void statsReset();

    /** Driver-specific xstat names (appended after the generic ones). */
    default List<String> xstatsNames()
    {
        return List.of();
    }

    /** Values for {@link #xstatsNames()}, in order. */
    default void xstatsGet(final long[] values)
    {
    }

    default void xstatsReset()
    {
    }

    default void mtuSet(final int mtu)
    {
        throw notSupported();
    }

    default void macAddrSet(final MacAddress mac)
    {
        throw notSupported();
    }

    default void promiscuousEnable()
    {
        throw notSupported();
    }

    default void promiscuousDisable()
    {
        throw notSupported();
    }

    default void allmulticastEnable()
    {
        throw notSupported();
    }

    default void allmulticastDisable()
    {
        throw notSupported();
    }

    /** rx_queue_start: start a queue of a started port (deferred start, or after {@link #rxQueueStop}). */
    default void rxQueueStart(final int queueId)
    {
        throw notSupported();
    }

    default void rxQueueStop(final int queueId)
    {
        throw notSupported();
    }

    default void txQueueStart(final int queueId)
    {
        throw notSupported();
    }

    default void txQueueStop(final int queueId)
    {
        throw notSupported();
    }

    /** rxq_info_get: fill what the driver knows of a set-up rx queue. */
    default void rxQueueInfo(final int queueId, final QueueInfo info)
    {
        throw notSupported();
    }

    /** txq_info_get. */
    default void txQueueInfo(final int queueId, final QueueInfo info)
    {
        throw notSupported();
    }

    /** rx/tx_descriptor_status answers: RTE_ETH_RX_DESC_AVAIL / RTE_ETH_TX_DESC_FULL, _DONE, _UNAVAIL. */
    int DESC_AVAIL = 0;
    int DESC_DONE = 1;
    int DESC_UNAVAIL = 2;

    /** rx_descriptor_status / tx_descriptor_status of the descriptor {@code offset} places past the next one. */
    default int descriptorStatus(final boolean rx, final int queueId, final int offset)
    {
        throw notSupported();
    }

    /** rx_queue_count: the descriptors of rx queue {@code queueId} that hold received packets. */
    default int rxQueueCount(final int queueId)
    {
        throw notSupported();
    }

    /**
     * read rxd / read txd: the 16 bytes of descriptor {@code descId} of a queue's descriptor ring, as the device
     * sees them (little endian); drivers whose queues have no descriptor ring in memory keep the default.
     */
    default void readDescriptor(final boolean rx, final int queueId, final int descId, final byte[] out16)
    {
        throw notSupported();
    }

    /** mac_addr_add: program {@code mac} into receive address slot {@code index} (1.. max_mac_addrs-1, or 0). */
    default void macAddrAdd(final MacAddress mac, final int index)
    {
        throw notSupported();
    }

    /** mac_addr_remove: clear receive address slot {@code index}. */
    default void macAddrRemove(final int index)
    {
        throw notSupported();
    }

    /** set_mc_addr_list: the multicast addresses the port accepts (replaces the previous list). */
    default void setMcAddrList(final List<MacAddress> addrs)
    {
        throw notSupported();
    }

    /**
     * vlan_offload_set: the port's rx offloads ({@link EthDevData#conf()}) already hold the new VLAN strip / filter /
     * extend / QinQ strip bits; {@code mask} says which changed ({@link Offloads#VLAN_STRIP_MASK}...).
     */
    default void vlanOffloadSet(final int mask)
    {
        throw notSupported();
    }

    /** vlan_filter_set: accept (or stop accepting) VLAN {@code vlanId}. */
    default void vlanFilterSet(final int vlanId, final boolean on)
    {
        throw notSupported();
    }

    /** vlan_tpid_set ({@link Offloads#VLAN_TYPE_INNER}, {@link Offloads#VLAN_TYPE_OUTER}). */
    default void vlanTpidSet(final int vlanType, final int tpid)
    {
        throw notSupported();
    }

    /** vlan_strip_queue_set. */
    default void vlanStripQueueSet(final int queueId, final boolean on)
    {
        throw notSupported();
    }

    /** vlan_pvid_set: insert {@code pvid} in every frame sent. */
    default void vlanPvidSet(final int pvid, final boolean on)
    {
        throw notSupported();
    }

    /** flow_ctrl_get. */
    default FlowCtrlConf flowCtrlGet()
    {
        throw notSupported();
    }

    /** rss_hash_conf_get: the hash functions in use; {@code key} (hash_key_size bytes) receives the key if not null. */
    default long rssHashConfGet(final byte[] key)
    {
        throw notSupported();
    }

    /** dev_supported_ptypes_get: the packet types the rx path recognises (RTE_PTYPE_*); none by default. */
    default int[] supportedPtypes()
    {
        return new int[0];
    }
}
