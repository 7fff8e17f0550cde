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
}
