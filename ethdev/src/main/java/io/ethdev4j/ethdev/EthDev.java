package io.ethdev4j.ethdev;

import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * One Ethernet port (rte_eth_dev): DPDK's lifecycle and error semantics around a driver's {@link EthDevOps}.
 * <pre>
 *   configure(nbRxq, nbTxq, conf) → rx/txQueueSetup(...) → start() → rxBurst/txBurst → stop() → close()
 * </pre>
 * Control operations validate port state, queue ids and values and throw {@link EthDevException} naming
 * the operation, the port and the value. The burst functions are the driver's queue objects, installed by
 * {@link #start()} and replaced by dummies (that move nothing) at {@link #stop()}; they never throw.
 * Each installed burst function carries its queue's tap slot ({@link #addRxTap}, {@link #addTxTap}: DPDK's rx/tx
 * callbacks, which packet capture uses), so a capture can attach to a running port whose burst functions a
 * forwarding loop already holds.
 * Control operations are for one control thread at a time (they are synchronized).
 */
public final class EthDev
{
    /** RTE_MAX_QUEUES_PER_PORT. */
    public static final int MAX_QUEUES_PER_PORT = 1024;
    /** Descriptor count used when neither the caller nor the driver gives one (RTE_ETH_DEV_FALLBACK_RX_RINGSIZE). */
    public static final int FALLBACK_RING_SIZE = 512;
    /** RTE_ETH_DEV_FALLBACK_RX_NBQUEUES. */
    public static final int FALLBACK_NB_QUEUES = 1;

    private static final RxBurst DUMMY_RX = (pkts, offset, n) -> 0;
    private static final TxBurst DUMMY_TX = (pkts, offset, n) -> 0;

    private final EthDevData data;
    private final String driverName;
    private final EthDevOps ops;
    private final Runnable onRelease;
    private final RxBurst[] rxBursts = new RxBurst[MAX_QUEUES_PER_PORT];
    private final TxBurst[] txBursts = new TxBurst[MAX_QUEUES_PER_PORT];
    private RxBurst[] rxQueues = new RxBurst[0];
    private TxBurst[] txQueues = new TxBurst[0];
    /** Per queue id, made on first use and kept for the port's life (a tap survives stop/start/configure). */
    private final TapSlot[] rxSlots = new TapSlot[MAX_QUEUES_PER_PORT];
    private final TapSlot[] txSlots = new TapSlot[MAX_QUEUES_PER_PORT];
    private final EthStats scratch = new EthStats();
    private volatile boolean released;

    /**
     * Made by the port registry when a driver probes a device.
     *
     * @param onRelease called once when the port is closed (frees the port id)
     */
    public EthDev(final EthDevData data, final String driverName, final EthDevOps ops, final Runnable onRelease)
    {
        this.data = data;
        this.driverName = driverName;
        this.ops = ops;
        this.onRelease = onRelease;
        Arrays.fill(rxBursts, DUMMY_RX);
        Arrays.fill(txBursts, DUMMY_TX);
    }

    /** Creates the data block for a new port; drivers receive it in their probe context. */
    public static EthDevData newData(final int portId, final String name)
    {
        return new EthDevData(portId, name);
    }

    public int portId()
    {
        return data.portId;
    }

    /** Device name (e.g. net_null0). */
    public String name()
    {
        return data.name;
    }

    public String driverName()
    {
        return driverName;
    }

    public EthDevData data()
    {
        return data;
    }

    /** The driver's ops, for driver-specific extensions (cast to the driver's class). */
    public EthDevOps ops()
    {
        return ops;
    }

    public boolean isStarted()
    {
        return data.started;
    }

    public boolean isConfigured()
    {
        return data.configured;
    }

    public boolean isReleased()
    {
        return released;
    }

    public int nbRxQueues()
    {
        return data.nbRxQueues;
    }

    public int nbTxQueues()
    {
        return data.nbTxQueues;
    }

    // ------------------------------------------------------------------ helpers

    private String op(final String name, final String args)
    {
        return name + "(port=" + data.portId + (args.isEmpty() ? "" : ", " + args) + ")";
    }

    private void checkAlive(final String op)
    {
        if (released)
        {
            throw EthDevException.of(Errno.ENODEV, op, "port " + data.portId + " (" + data.name + ") is closed");
        }
    }

    private <T> T call(final String op, final Supplier<T> body)
    {
        try
        {
            return body.get();
        }
        catch (final EthDevOps.NotSupported ex)
        {
            throw EthDevException.of(Errno.ENOTSUP, op, driverName + " does not support it");
        }
        catch (final EthDevException ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            throw new EthDevException(Errno.EIO, op + " failed: EIO - " + driverName + ": " + ex, ex);
        }
    }

    private void run(final String op, final Runnable body)
    {
        call(op, () ->
        {
            body.run();
            return null;
        });
    }

    // ------------------------------------------------------------------ info

    /** rte_eth_dev_info_get. */
    public synchronized DevInfo info()
    {
        final String op = op("infoGet", "");
        checkAlive(op);
        final DevInfo info = new DevInfo();
        info.driverName = driverName;
        info.deviceName = data.name;
        run(op, () -> ops.infoGet(info));
        info.maxRxQueues = Math.min(info.maxRxQueues, MAX_QUEUES_PER_PORT);
        info.maxTxQueues = Math.min(info.maxTxQueues, MAX_QUEUES_PER_PORT);
        info.nbRxQueues = data.nbRxQueues;
        info.nbTxQueues = data.nbTxQueues;
        info.driverName = driverName;
        return info;
    }

    // ------------------------------------------------------------------ lifecycle

    /** rte_eth_dev_configure. 0/0 queues become the driver's defaults (or 1/1). */
    public synchronized void configure(final int nbRxQueues, final int nbTxQueues, final EthConf conf)
    {
        final String op = op("configure", "nb_rxq=" + nbRxQueues + ", nb_txq=" + nbTxQueues);
        checkAlive(op);
        if (data.started)
        {
            throw EthDevException.of(Errno.EBUSY, op, "port must be stopped to allow configuration");
        }
        final DevInfo info = info();
        int nrx = nbRxQueues;
        int ntx = nbTxQueues;
        if (nrx == 0 && ntx == 0)
        {
            nrx = info.defaultNbRxQueues > 0 ? info.defaultNbRxQueues : FALLBACK_NB_QUEUES;
            ntx = info.defaultNbTxQueues > 0 ? info.defaultNbTxQueues : FALLBACK_NB_QUEUES;
        }
        if (nrx < 0 || nrx > MAX_QUEUES_PER_PORT || nrx > info.maxRxQueues)
        {
            throw EthDevException.of(Errno.EINVAL, op, "number of rx queues " + nrx + " must be <= " +
                Math.min(info.maxRxQueues, MAX_QUEUES_PER_PORT));
        }
        if (ntx < 0 || ntx > MAX_QUEUES_PER_PORT || ntx > info.maxTxQueues)
        {
            throw EthDevException.of(Errno.EINVAL, op, "number of tx queues " + ntx + " must be <= " +
                Math.min(info.maxTxQueues, MAX_QUEUES_PER_PORT));
        }
        final EthConf c = conf == null ? new EthConf() : conf.copy();
        final int mtu = c.mtu == 0 ? DevInfo.ETHER_MTU : c.mtu;
        validateMtu(op, info, mtu);
        c.mtu = mtu;

        releaseQueues();
        final EthConf oldConf = data.conf;
        final int oldRx = data.nbRxQueues;
        final int oldTx = data.nbTxQueues;
        final int oldMtu = data.mtu;
        data.conf = c;
        data.nbRxQueues = nrx;
        data.nbTxQueues = ntx;
        data.mtu = mtu;
        data.rxPools = new MbufPool[nrx];
        data.rxDescs = new int[nrx];
        data.txDescs = new int[ntx];
        data.rxQueueOffloads = new long[nrx];
        data.txQueueOffloads = new long[ntx];
        data.rxQueueStates = new int[nrx];
        data.txQueueStates = new int[ntx];
        rxQueues = new RxBurst[nrx];
        txQueues = new TxBurst[ntx];
        try
        {
            run(op, ops::configure);
        }
        catch (final EthDevException ex)
        {
            data.conf = oldConf;
            data.nbRxQueues = oldRx;
            data.nbTxQueues = oldTx;
            data.mtu = oldMtu;
            data.configured = false;
            throw ex;
        }
        data.configured = true;
    }

    private void validateMtu(final String op, final DevInfo info, final int mtu)
    {
        if (mtu < info.minMtu)
        {
            throw EthDevException.of(Errno.EINVAL, op, "MTU (" + mtu + ") < device min MTU (" + info.minMtu + ")");
        }
        if (mtu > info.maxMtu)
        {
            throw EthDevException.of(Errno.EINVAL, op, "MTU (" + mtu + ") > device max MTU (" + info.maxMtu + ")");
        }
        final long frame = (long)mtu + info.overheadLen();
        if (frame > (info.maxRxPktLen & 0xFFFFFFFFL))
        {
            throw EthDevException.of(Errno.EINVAL, op, "frame size " + frame + " (MTU " + mtu + " + " + info.overheadLen() +
                " overhead) > max rx packet length " + info.maxRxPktLen);
        }
    }

    private String checkQueue(final String name, final int queueId, final int nbQueues, final String rxtx)
    {
        final String op = op(name, "queue=" + queueId);
        checkAlive(op);
        if (!data.configured)
        {
            throw EthDevException.of(Errno.EINVAL, op, "port is not configured");
        }
        if (queueId < 0 || queueId >= nbQueues)
        {
            throw EthDevException.of(Errno.EINVAL, op, "invalid " + rxtx + " queue_id=" + queueId + " (port has " +
                nbQueues + " " + rxtx + " queues)");
        }
        if (data.started)
        {
            throw EthDevException.of(Errno.EBUSY, op, "port is started; stop it before setting up queues");
        }
        return op;
    }

    private int checkDesc(final String op, final int nbDesc, final int hint, final DescLimits lim)
    {
        int n = nbDesc;
        if (n == 0)
        {
            n = hint > 0 ? hint : FALLBACK_RING_SIZE;
        }
        if (!lim.accepts(n))
        {
            throw EthDevException.of(Errno.EINVAL, op, "nb_desc(=" + n + ") must be <= " + lim.nbMax + ", >= " +
                lim.nbMin + ", and a multiple of " + lim.nbAlign);
        }
        return n;
    }

    /** rte_eth_rx_queue_setup: nbDesc 0 = the driver's preferred ring size, else 512. */
    public synchronized void rxQueueSetup(final int queueId, final int nbDesc, final MbufPool pool, final QueueConf conf)
    {
        final String op = checkQueue("rxQueueSetup", queueId, data.nbRxQueues, "rx");
        if (pool == null || pool.isClosed())
        {
            throw EthDevException.of(Errno.EINVAL, op, "a live mbuf pool is required");
        }
        final DevInfo info = info();
        final int need = MbufDescriptor.HEADROOM + info.minRxBufSize;
        if (pool.dataRoomSize() < need)
        {
            throw EthDevException.of(Errno.EINVAL, op, pool.name() + " data room size " + pool.dataRoomSize() +
                " < " + need + " (RTE_PKTMBUF_HEADROOM=" + MbufDescriptor.HEADROOM + " + min_rx_bufsize(dev)=" +
                info.minRxBufSize + ")");
        }
        final int n = checkDesc(op + " nb_desc", nbDesc, info.defaultRxRingSize, info.rxDescLim);
        if (rxQueues[queueId] != null)
        {
            run(op, () -> ops.rxQueueRelease(queueId));
            rxQueues[queueId] = null;
        }
        final RxBurst q = call(op, () -> ops.rxQueueSetup(queueId, n, pool, conf));
        rxQueues[queueId] = q;
        data.rxPools[queueId] = pool;
        data.rxDescs[queueId] = n;
        data.rxQueueOffloads[queueId] = data.conf.rxOffloads | (conf == null ? 0 : conf.offloads);
    }

    /** rte_eth_tx_queue_setup. */
    public synchronized void txQueueSetup(final int queueId, final int nbDesc, final QueueConf conf)
    {
        final String op = checkQueue("txQueueSetup", queueId, data.nbTxQueues, "tx");
        final DevInfo info = info();
        final int n = checkDesc(op + " nb_desc", nbDesc, info.defaultTxRingSize, info.txDescLim);
        if (txQueues[queueId] != null)
        {
            run(op, () -> ops.txQueueRelease(queueId));
            txQueues[queueId] = null;
        }
        final TxBurst q = call(op, () -> ops.txQueueSetup(queueId, n, conf));
        txQueues[queueId] = q;
        data.txDescs[queueId] = n;
        data.txQueueOffloads[queueId] = data.conf.txOffloads | (conf == null ? 0 : conf.offloads);
    }

    /** rte_eth_dev_start: starts the device, installs the burst functions, restores MAC/promisc/allmulti. */
    public synchronized void start()
    {
        final String op = op("start", "");
        checkAlive(op);
        if (!data.configured)
        {
            throw EthDevException.of(Errno.EINVAL, op, "port is not configured");
        }
        if (data.started)
        {
            return;
        }
        for (int q = 0; q < rxQueues.length; q++)
        {
            if (rxQueues[q] == null)
            {
                throw EthDevException.of(Errno.EINVAL, op, "rx queue " + q + " is not set up");
            }
        }
        for (int q = 0; q < txQueues.length; q++)
        {
            if (txQueues[q] == null)
            {
                throw EthDevException.of(Errno.EINVAL, op, "tx queue " + q + " is not set up");
            }
        }
        run(op, ops::start);
        data.started = true;
        Arrays.fill(data.rxQueueStates, QueueInfo.STATE_STARTED);
        Arrays.fill(data.txQueueStates, QueueInfo.STATE_STARTED);
        restoreConfig();
        for (int q = 0; q < rxQueues.length; q++)
        {
            rxBursts[q] = new TappedRxBurst(rxQueues[q], slot(rxSlots, q));
        }
        for (int q = 0; q < txQueues.length; q++)
        {
            txBursts[q] = new TappedTxBurst(txQueues[q], slot(txSlots, q));
        }
    }

    private static TapSlot slot(final TapSlot[] slots, final int q)
    {
        if (slots[q] == null)
        {
            slots[q] = new TapSlot();
        }
        return slots[q];
    }

    /** eth_dev_config_restore: re-applies promiscuous and all-multicast (MAC is the driver's to keep). */
    private void restoreConfig()
    {
        try
        {
            if (data.promiscuous)
            {
                ops.promiscuousEnable();
            }
            else
            {
                ops.promiscuousDisable();
            }
        }
        catch (final EthDevOps.NotSupported ignore)
        {
            // as DPDK: a driver without the op keeps its mode
        }
        try
        {
            if (data.allMulticast)
            {
                ops.allmulticastEnable();
            }
            else
            {
                ops.allmulticastDisable();
            }
        }
        catch (final EthDevOps.NotSupported ignore)
        {
            // as DPDK
        }
    }

    /** rte_eth_dev_stop: the bursts return 0 from now on, then the driver stops. Stopping a stopped port is a no-op. */
    public synchronized void stop()
    {
        final String op = op("stop", "");
        checkAlive(op);
        if (!data.started)
        {
            return;
        }
        Arrays.fill(rxBursts, 0, rxQueues.length, DUMMY_RX);
        Arrays.fill(txBursts, 0, txQueues.length, DUMMY_TX);
        data.started = false;
        Arrays.fill(data.rxQueueStates, QueueInfo.STATE_STOPPED);
        Arrays.fill(data.txQueueStates, QueueInfo.STATE_STOPPED);
        run(op, ops::stop);
    }

    private void releaseQueues()
    {
        for (int q = 0; q < rxQueues.length; q++)
        {
            if (rxQueues[q] != null)
            {
                final int id = q;
                run(op("rxQueueRelease", "queue=" + q), () -> ops.rxQueueRelease(id));
                rxQueues[q] = null;
            }
        }
        for (int q = 0; q < txQueues.length; q++)
        {
            if (txQueues[q] != null)
            {
                final int id = q;
                run(op("txQueueRelease", "queue=" + q), () -> ops.txQueueRelease(id));
                txQueues[q] = null;
            }
        }
    }

    /**
     * rte_eth_dev_close: releases the queues (and the mbufs they hold), closes the driver and frees the port id.
     * A started port cannot be closed (EINVAL); closing a closed port is a no-op.
     */
    public synchronized void close()
    {
        if (released)
        {
            return;
        }
        final String op = op("close", "");
        if (data.started)
        {
            throw EthDevException.of(Errno.EINVAL, op, "cannot close started device; stop it first");
        }
        try
        {
            releaseQueues();
            run(op, ops::close);
        }
        finally
        {
            released = true;
            data.configured = false;
            onRelease.run();
        }
    }

    /**
     * rte_eth_dev_reset: stop, then the driver's reset; the port must be configured again afterwards. A driver
     * without reset gives ENOTSUP and the port keeps its configuration and queues (it can be started again).
     */
    public synchronized void reset()
    {
        final String op = op("reset", "");
        checkAlive(op);
        stop();
        run(op, ops::reset);
        releaseQueues();
        data.configured = false;
    }

    // ------------------------------------------------------------------ bursts (hot path)

    /** rte_eth_rx_burst: returns 0 for a stopped port or an invalid queue id. */
    public int rxBurst(final int queueId, final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        if (queueId < 0 || queueId >= MAX_QUEUES_PER_PORT)
        {
            return 0;
        }
        return rxBursts[queueId].rxBurst(pkts, offset, nbPkts);
    }

    public int rxBurst(final int queueId, final Mbuf[] pkts, final int nbPkts)
    {
        return rxBurst(queueId, pkts, 0, nbPkts);
    }

    /** rte_eth_tx_burst: returns the number accepted; the caller keeps the rest. 0 for a stopped port. */
    public int txBurst(final int queueId, final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        if (queueId < 0 || queueId >= MAX_QUEUES_PER_PORT)
        {
            return 0;
        }
        return txBursts[queueId].txBurst(pkts, offset, nbPkts);
    }

    public int txBurst(final int queueId, final Mbuf[] pkts, final int nbPkts)
    {
        return txBurst(queueId, pkts, 0, nbPkts);
    }

    /**
     * The burst function of rx queue {@code queueId} as installed now (a dummy returning 0 while stopped).
     * Forwarding loops fetch it once after start and call it directly.
     */
    public RxBurst rxQueue(final int queueId)
    {
        return rxBursts[queueId];
    }

    public TxBurst txQueue(final int queueId)
    {
        return txBursts[queueId];
    }

    /**
     * The driver's own rx queue object {@code queueId} (set up, or null), without the tap {@link #rxQueue} adds: for
     * driver-specific tests and tools that look at a queue's state; forwarding uses {@link #rxQueue}.
     */
    public RxBurst driverRxQueue(final int queueId)
    {
        return rxQueues[queueId];
    }

    // ------------------------------------------------------------------ taps (rx/tx callbacks)

    /**
     * rte_eth_add_first_rx_callback for an observer: {@code tap} sees every burst received on rx queue
     * {@code queueId} from now on, also while the port runs (its burst functions need not be fetched again).
     * One tap per queue: EEXIST if the queue has one.
     */
    public synchronized void addRxTap(final int queueId, final BurstTap tap)
    {
        addTap("addRxTap", rxSlots, queueId, data.nbRxQueues, "rx", tap);
    }

    /** rte_eth_add_tx_callback for an observer: {@code tap} sees every burst offered to tx queue {@code queueId}. */
    public synchronized void addTxTap(final int queueId, final BurstTap tap)
    {
        addTap("addTxTap", txSlots, queueId, data.nbTxQueues, "tx", tap);
    }

    /**
     * rte_eth_remove_rx_callback, and the wait DPDK leaves to its caller: when this returns, no lcore runs
     * {@code tap} any more, so what it writes to may be released. EINVAL if {@code tap} is not the queue's tap.
     */
    public void removeRxTap(final int queueId, final BurstTap tap)
    {
        removeTap("removeRxTap", rxSlots, queueId, tap);
    }

    public void removeTxTap(final int queueId, final BurstTap tap)
    {
        removeTap("removeTxTap", txSlots, queueId, tap);
    }

    private void addTap(final String name, final TapSlot[] slots, final int queueId, final int nbQueues,
        final String rxtx, final BurstTap tap)
    {
        final String op = op(name, "queue=" + queueId);
        checkAlive(op);
        if (tap == null)
        {
            throw EthDevException.of(Errno.EINVAL, op, "tap is null");
        }
        if (queueId < 0 || queueId >= nbQueues)
        {
            throw EthDevException.of(Errno.EINVAL, op, "invalid " + rxtx + " queue_id=" + queueId + " (port has " +
                nbQueues + " " + rxtx + " queues)");
        }
        final TapSlot slot = slot(slots, queueId);
        if (slot.tap != null)
        {
            throw EthDevException.of(Errno.EEXIST, op, rxtx + " queue " + queueId + " already has a tap");
        }
        slot.tap = tap;
    }

    private void removeTap(final String name, final TapSlot[] slots, final int queueId, final BurstTap tap)
    {
        final TapSlot slot;
        synchronized (this)
        {
            final String op = op(name, "queue=" + queueId);
            slot = queueId >= 0 && queueId < MAX_QUEUES_PER_PORT ? slots[queueId] : null;
            if (slot == null || tap == null || slot.tap != tap)
            {
                throw EthDevException.of(Errno.EINVAL, op, "no such tap on queue " + queueId);
            }
            slot.tap = null;
        }
        slot.awaitQuiescent();
    }

    /** True if rx queue {@code queueId} has a tap. */
    public boolean hasRxTap(final int queueId)
    {
        return queueId >= 0 && queueId < MAX_QUEUES_PER_PORT && rxSlots[queueId] != null && rxSlots[queueId].tap != null;
    }

    public boolean hasTxTap(final int queueId)
    {
        return queueId >= 0 && queueId < MAX_QUEUES_PER_PORT && txSlots[queueId] != null && txSlots[queueId].tap != null;
    }

    // ------------------------------------------------------------------ stats

    /** rte_eth_stats_get into a caller-owned object (no allocation). */
    public void statsGet(final EthStats out)
    {
        final String op = op("statsGet", "");
        checkAlive(op);
        synchronized (scratch)
        {
            scratch.clear();
            run(op, () -> ops.statsGet(scratch));
            out.copyFrom(scratch);
        }
    }

    public EthStats stats()
    {
        final EthStats s = new EthStats();
        statsGet(s);
        return s;
    }

    /** rte_eth_stats_reset. */
    public synchronized void statsReset()
    {
        final String op = op("statsReset", "");
        checkAlive(op);
        run(op, ops::statsReset);
    }

    /** rte_eth_xstats_get_names: the generic names, per-queue names, then the driver's. */
    public synchronized List<String> xstatsNames()
    {
        final String op = op("xstatsGetNames", "");
        checkAlive(op);
        final List<String> names = new ArrayList<>(List.of("rx_good_packets", "tx_good_packets", "rx_good_bytes",
            "tx_good_bytes", "rx_missed_errors", "rx_errors", "tx_errors", "rx_mbuf_allocation_errors"));
        final int nrx = Math.min(data.nbRxQueues, EthStats.QUEUE_STAT_CNTRS);
        final int ntx = Math.min(data.nbTxQueues, EthStats.QUEUE_STAT_CNTRS);
        for (int q = 0; q < nrx; q++)
        {
            names.add("rx_q" + q + "_packets");
            names.add("rx_q" + q + "_bytes");
            names.add("rx_q" + q + "_errors");
        }
        for (int q = 0; q < ntx; q++)
        {
            names.add("tx_q" + q + "_packets");
            names.add("tx_q" + q + "_bytes");
        }
        names.addAll(call(op, ops::xstatsNames));
        return names;
    }

    /** rte_eth_xstats_get: names and values. */
    public synchronized List<Xstat> xstats()
    {
        final String op = op("xstatsGet", "");
        final List<String> names = xstatsNames();
        final EthStats s = stats();
        final long[] values = new long[names.size()];
        int i = 0;
        values[i++] = s.ipackets;
        values[i++] = s.opackets;
        values[i++] = s.ibytes;
        values[i++] = s.obytes;
        values[i++] = s.imissed;
        values[i++] = s.ierrors;
        values[i++] = s.oerrors;
        values[i++] = s.rxNombuf;
        final int nrx = Math.min(data.nbRxQueues, EthStats.QUEUE_STAT_CNTRS);
        final int ntx = Math.min(data.nbTxQueues, EthStats.QUEUE_STAT_CNTRS);
        for (int q = 0; q < nrx; q++)
        {
            values[i++] = s.qIpackets[q];
            values[i++] = s.qIbytes[q];
            values[i++] = s.qErrors[q];
        }
        for (int q = 0; q < ntx; q++)
        {
            values[i++] = s.qOpackets[q];
            values[i++] = s.qObytes[q];
        }
        final int generic = i;
        final long[] driver = new long[names.size() - generic];
        run(op, () -> ops.xstatsGet(driver));
        System.arraycopy(driver, 0, values, generic, driver.length);
        final List<Xstat> out = new ArrayList<>(names.size());
        for (int k = 0; k < names.size(); k++)
        {
            out.add(new Xstat(k, names.get(k), values[k]));
        }
        return out;
    }

    /** rte_eth_xstats_reset: resets basic stats and the driver's xstats. */
    public synchronized void xstatsReset()
    {
        final String op = op("xstatsReset", "");
        checkAlive(op);
        run(op, ops::statsReset);
        try
        {
            ops.xstatsReset();
        }
        catch (final EthDevOps.NotSupported ignore)
        {
            // basic stats were reset
        }
    }

    // ------------------------------------------------------------------ link

    /** rte_eth_link_get. */
    public EthLink link()
    {
        final String op = op("linkGet", "");
        checkAlive(op);
        return call(op, ops::linkGet);
    }

    /** rte_eth_dev_set_link_up. */
    public synchronized void setLinkUp()
    {
        final String op = op("setLinkUp", "");
        checkAlive(op);
        run(op, ops::setLinkUp);
    }

    /** rte_eth_dev_set_link_down. */
    public synchronized void setLinkDown()
    {
        final String op = op("setLinkDown", "");
        checkAlive(op);
        run(op, ops::setLinkDown);
    }

    // ------------------------------------------------------------------ MTU, MAC, rx modes

    public int mtu()
    {
        checkAlive(op("mtuGet", ""));
        return data.mtu;
    }

    /** rte_eth_dev_set_mtu: validated against min/max MTU and max_rx_pktlen; the port must be configured. */
    public synchronized void setMtu(final int mtu)
    {
        final String op = op("setMtu", "mtu=" + mtu);
        checkAlive(op);
        final DevInfo info = info();
        validateMtu(op, info, mtu);
        if (!data.configured)
        {
            throw EthDevException.of(Errno.EINVAL, op, "port must be configured before MTU set");
        }
        run(op, () -> ops.mtuSet(mtu));
        data.mtu = mtu;
    }

    public MacAddress macAddr()
    {
        checkAlive(op("macAddrGet", ""));
        return data.macAddr;
    }

    /** rte_eth_dev_default_mac_addr_set. */
    public synchronized void setMacAddr(final MacAddress mac)
    {
        final String op = op("setMacAddr", "mac=" + mac);
        checkAlive(op);
        if (mac == null || !mac.isValidAssigned())
        {
            throw EthDevException.of(Errno.EINVAL, op, "invalid MAC address (multicast or zero)");
        }
        requireOp(op, "macAddrSet", MacAddress.class);
        if (slotOf(macSlots(), mac) > 0)
        {
            throw EthDevException.of(Errno.EEXIST, op, "New default address for port " + data.portId +
                " was already in the address list. Please remove it first.");
        }
        run(op, () -> ops.macAddrSet(mac));
        data.macAddr = mac;
    }

    // ------------------------------------------------------------------ receive address list (mac_addrs[])

    private MacAddress[] macSlots()
    {
        if (data.macAddrs == null)
        {
            data.macAddrs = new MacAddress[Math.max(1, info().maxMacAddrs)];
            Arrays.fill(data.macAddrs, MacAddress.ZERO);
        }
        data.macAddrs[0] = data.macAddr;
        return data.macAddrs;
    }

    private static int slotOf(final MacAddress[] slots, final MacAddress mac)
    {
        for (int i = 0; i < slots.length; i++)
        {
            if (slots[i].equals(mac))
            {
                return i;
            }
        }
        return -1;
    }

    /** rte_eth_macaddrs_get: the port's receive addresses, index 0 the default one, zero for a free slot. */
    public synchronized List<MacAddress> macAddrs()
    {
        checkAlive(op("macAddrsGet", ""));
        return List.of(macSlots());
    }

    /**
     * Whether the driver implements an optional op (DPDK: the {@code eth_dev_ops} pointer is not NULL), for the
     * calls whose answer DPDK gives from that alone, before and whatever else it checks.
     */
    private boolean implemented(final String method, final Class<?>... params)
    {
        try
        {
            return ops.getClass().getMethod(method, params).getDeclaringClass() != EthDevOps.class;
        }
        catch (final NoSuchMethodException ex)
        {
            throw new IllegalStateException("EthDevOps has no " + method, ex);
        }
    }

    private void requireOp(final String op, final String method, final Class<?>... params)
    {
        if (!implemented(method, params))
        {
            throw EthDevException.of(Errno.ENOTSUP, op, driverName + " does not support it");
        }
    }

    /**
     * rte_eth_dev_mac_addr_add (pool 0): a present address is kept as is; a new one takes the first free (zero) slot,
     * which is slot 0 on a port whose default address is zero (net_ring's), making it the default one.
     */
    public synchronized void macAddrAdd(final MacAddress mac)
    {
        final String op = op("macAddrAdd", "mac=" + mac);
        checkAlive(op);
        requireOp(op, "macAddrAdd", MacAddress.class, int.class);
        if (mac.isZero())
        {
            throw EthDevException.of(Errno.EINVAL, op, "Port " + data.portId + ": Cannot add NULL MAC address");
        }
        final MacAddress[] slots = macSlots();
        if (slotOf(slots, mac) >= 0)
        {
            return;
        }
        final int index = slotOf(slots, MacAddress.ZERO);
        if (index < 0)
        {
            throw EthDevException.of(Errno.ENOSPC, op, "Port " + data.portId + ": MAC address array full");
        }
        run(op, () -> ops.macAddrAdd(mac, index));
        slots[index] = mac;
        if (index == 0)
        {
            data.macAddr = mac;
        }
    }

    /**
     * rte_eth_dev_mac_addr_remove: EADDRINUSE for the default address; an address the port does not have is no
     * error.
     */
    public synchronized void macAddrRemove(final MacAddress mac)
    {
        final String op = op("macAddrRemove", "mac=" + mac);
        checkAlive(op);
        requireOp(op, "macAddrRemove", int.class);
        final MacAddress[] slots = macSlots();
        final int index = slotOf(slots, mac);
        if (index == 0)
        {
            throw EthDevException.of(Errno.EADDRINUSE, op, "Port " + data.portId + ": Cannot remove default MAC address");
        }
        if (index > 0)
        {
            run(op, () -> ops.macAddrRemove(index));
            slots[index] = MacAddress.ZERO;
        }
    }

    /** rte_eth_dev_set_mc_addr_list: the multicast addresses the port accepts from now on. */
    public synchronized void setMcAddrList(final List<MacAddress> addrs)
    {
        final String op = op("setMcAddrList", "nb=" + addrs.size());
        checkAlive(op);
        run(op, () -> ops.setMcAddrList(List.copyOf(addrs)));
    }

    // ------------------------------------------------------------------ queues of a started port

    private String checkQueueId(final String name, final int queueId, final boolean rx)
    {
        final String op = op(name, "queue=" + queueId);
        checkAlive(op);
        final int n = rx ? data.nbRxQueues : data.nbTxQueues;
        if (queueId < 0 || queueId >= n)
        {
            throw EthDevException.of(Errno.EINVAL, op, "Invalid " + (rx ? "Rx" : "Tx") + " queue_id=" + queueId);
        }
        if ((rx ? rxQueues : txQueues)[queueId] == null)
        {
            throw EthDevException.of(Errno.EINVAL, op, (rx ? "Rx" : "Tx") + " queue " + queueId +
                " of device with port_id=" + data.portId + " has not been setup");
        }
        return op;
    }

    /**
     * rte_eth_dev_rx_queue_start / _stop, rte_eth_dev_tx_queue_start / _stop (DPDK's order of checks: a start needs a
     * started port, then a set-up queue, then the driver's op).
     */
    public synchronized void queueStartStop(final boolean rx, final int queueId, final boolean start)
    {
        final String name = (rx ? "rx" : "tx") + "Queue" + (start ? "Start" : "Stop");
        if (start && !data.started)
        {
            throw EthDevException.of(Errno.EINVAL, op(name, "queue=" + queueId), "Port " + data.portId +
                " must be started before start any queue");
        }
        final String op = checkQueueId(name, queueId, rx);
        requireOp(op, name, int.class);
        final int[] states = rx ? data.rxQueueStates : data.txQueueStates;
        final int want = start ? QueueInfo.STATE_STARTED : QueueInfo.STATE_STOPPED;
        if (states[queueId] == want)
        {
            return;
        }
        if (rx)
        {
            run(op, () ->
            {
                if (start)
                {
                    ops.rxQueueStart(queueId);
                }
                else
                {
                    ops.rxQueueStop(queueId);
                }
            });
        }
        else
        {
            run(op, () ->
            {
                if (start)
                {
                    ops.txQueueStart(queueId);
                }
                else
                {
                    ops.txQueueStop(queueId);
                }
            });
        }
        states[queueId] = want;
    }

    /** rte_eth_rx_queue_info_get / rte_eth_tx_queue_info_get. */
    public synchronized QueueInfo queueInfo(final boolean rx, final int queueId)
    {
        final String op = checkQueueId((rx ? "rx" : "tx") + "QueueInfoGet", queueId, rx);
        final QueueInfo info = new QueueInfo();
        info.nbDesc = rx ? data.rxDescs[queueId] : data.txDescs[queueId];
        info.queueState = rx ? data.rxQueueStates[queueId] : data.txQueueStates[queueId];
        info.mempoolName = rx && data.rxPools[queueId] != null ? data.rxPools[queueId].name() : null;
        if (rx)
        {
            run(op, () -> ops.rxQueueInfo(queueId, info));
        }
        else
        {
            run(op, () -> ops.txQueueInfo(queueId, info));
        }
        return info;
    }

    /** rte_eth_rx_queue_count: descriptors of rx queue {@code queueId} holding received packets. */
    public synchronized int rxQueueCount(final int queueId)
    {
        final String op = checkQueueId("rxQueueCount", queueId, true);
        return call(op, () -> ops.rxQueueCount(queueId));
    }

    /** rte_eth_rx_descriptor_status / rte_eth_tx_descriptor_status ({@link EthDevOps#DESC_AVAIL}...). */
    public synchronized int descriptorStatus(final boolean rx, final int queueId, final int offset)
    {
        final String op = checkQueueId(rx ? "rxDescriptorStatus" : "txDescriptorStatus", queueId, rx);
        return call(op, () -> ops.descriptorStatus(rx, queueId, offset));
    }

    /** The 16 bytes of a descriptor of a queue's ring (read rxd / read txd); ENOTSUP where the queue has no ring. */
    public synchronized byte[] readDescriptor(final boolean rx, final int queueId, final int descId)
    {
        final String op = checkQueueId(rx ? "readRxd" : "readTxd", queueId, rx);
        final byte[] out = new byte[16];
        run(op, () -> ops.readDescriptor(rx, queueId, descId, out));
        return out;
    }

    // ------------------------------------------------------------------ VLAN

    /** rte_eth_dev_get_vlan_offload: the VLAN bits of the rx offloads, as {@link Offloads#VLAN_STRIP_OFFLOAD}.... */
    public int vlanOffload()
    {
        final long o = data.conf.rxOffloads;
        return ((o & Offloads.RX_VLAN_STRIP) != 0 ? Offloads.VLAN_STRIP_OFFLOAD : 0) |
            ((o & Offloads.RX_VLAN_FILTER) != 0 ? Offloads.VLAN_FILTER_OFFLOAD : 0) |
            ((o & Offloads.RX_VLAN_EXTEND) != 0 ? Offloads.VLAN_EXTEND_OFFLOAD : 0) |
            ((o & Offloads.RX_QINQ_STRIP) != 0 ? Offloads.QINQ_STRIP_OFFLOAD : 0);
    }

    /**
     * rte_eth_dev_set_vlan_offload: VLAN strip / filter / extend / QinQ strip on or off, within the port's rx offload
     * capabilities; nothing to do if nothing changes.
     */
    public synchronized void setVlanOffload(final int offloadMask)
    {
        final String op = op("setVlanOffload", "mask=0x" + Integer.toHexString(offloadMask));
        checkAlive(op);
        final long orig = data.conf.rxOffloads;
        long want = orig;
        int mask = 0;
        final long[][] bits = {
            {Offloads.VLAN_STRIP_OFFLOAD, Offloads.RX_VLAN_STRIP, Offloads.VLAN_STRIP_MASK},
            {Offloads.VLAN_FILTER_OFFLOAD, Offloads.RX_VLAN_FILTER, Offloads.VLAN_FILTER_MASK},
            {Offloads.VLAN_EXTEND_OFFLOAD, Offloads.RX_VLAN_EXTEND, Offloads.VLAN_EXTEND_MASK},
            {Offloads.QINQ_STRIP_OFFLOAD, Offloads.RX_QINQ_STRIP, Offloads.QINQ_STRIP_MASK}};
        for (final long[] b : bits)
        {
            final boolean cur = (offloadMask & b[0]) != 0;
            if (cur != ((want & b[1]) != 0))
            {
                want = cur ? want | b[1] : want & ~b[1];
                mask |= (int)b[2];
            }
        }
        if (mask == 0)
        {
            return;
        }
        final DevInfo info = info();
        if ((want & info.rxOffloadCapa) != want)
        {
            throw EthDevException.of(Errno.EINVAL, op, "Ethdev port_id=" + data.portId + " requested new added VLAN " +
                "offloads 0x" + Long.toHexString(want & ~orig) + " must be within Rx offloads capabilities 0x" +
                Long.toHexString(info.rxOffloadCapa) + " in rte_eth_dev_set_vlan_offload()");
        }
        requireOp(op, "vlanOffloadSet", int.class);
        data.conf.rxOffloads = want;
        final int changed = mask;
        try
        {
            run(op, () -> ops.vlanOffloadSet(changed));
        }
        catch (final EthDevException ex)
        {
            data.conf.rxOffloads = orig;
            throw ex;
        }
    }

    /** rte_eth_dev_vlan_filter: ENOSYS while VLAN filtering is off. */
    public synchronized void vlanFilter(final int vlanId, final boolean on)
    {
        final String op = op("vlanFilter", "vlan_id=" + vlanId + ", on=" + on);
        checkAlive(op);
        if ((data.conf.rxOffloads & Offloads.RX_VLAN_FILTER) == 0)
        {
            throw EthDevException.of(Errno.ENOSYS, op, "Port " + data.portId + ": VLAN-filtering disabled");
        }
        if (vlanId < 0 || vlanId > 4095)
        {
            throw EthDevException.of(Errno.EINVAL, op, "Port_id=" + data.portId + " invalid vlan_id=" + vlanId + " > 4095");
        }
        run(op, () -> ops.vlanFilterSet(vlanId, on));
        if (on)
        {
            data.vlanFilter[vlanId >>> 6] |= 1L << (vlanId & 63);
        }
        else
        {
            data.vlanFilter[vlanId >>> 6] &= ~(1L << (vlanId & 63));
        }
    }

    /** rte_eth_dev_set_vlan_ether_type. */
    public synchronized void setVlanTpid(final int vlanType, final int tpid)
    {
        final String op = op("setVlanTpid", "vlan_type=" + vlanType + ", tpid=" + tpid);
        checkAlive(op);
        run(op, () -> ops.vlanTpidSet(vlanType, tpid));
    }

    /** rte_eth_dev_set_vlan_strip_on_queue. */
    public synchronized void setVlanStripOnQueue(final int queueId, final boolean on)
    {
        final String op = op("setVlanStripOnQueue", "queue=" + queueId + ", on=" + on);
        checkAlive(op);
        if (queueId < 0 || queueId >= data.nbRxQueues)
        {
            throw EthDevException.of(Errno.EINVAL, op, "Invalid rx_queue_id=" + queueId);
        }
        run(op, () -> ops.vlanStripQueueSet(queueId, on));
    }

    /** rte_eth_dev_set_vlan_pvid. */
    public synchronized void setVlanPvid(final int pvid, final boolean on)
    {
        final String op = op("setVlanPvid", "pvid=" + pvid + ", on=" + on);
        checkAlive(op);
        run(op, () -> ops.vlanPvidSet(pvid, on));
    }

    // ------------------------------------------------------------------ flow control, RSS, packet types

    /** rte_eth_dev_flow_ctrl_get. */
    public synchronized FlowCtrlConf flowCtrl()
    {
        final String op = op("flowCtrlGet", "");
        checkAlive(op);
        return call(op, ops::flowCtrlGet);
    }

    /** rte_eth_dev_rss_hash_conf_get: the rss_hf in use; {@code key} receives the key when not null. */
    public synchronized long rssHashConf(final byte[] key)
    {
        final String op = op("rssHashConfGet", "");
        checkAlive(op);
        return call(op, () -> ops.rssHashConfGet(key));
    }

    /** rte_eth_dev_get_supported_ptypes (all layers): the packet types the rx path recognises. */
    public synchronized int[] supportedPtypes()
    {
        final String op = op("supportedPtypesGet", "");
        checkAlive(op);
        return call(op, ops::supportedPtypes).clone();
    }

    public synchronized void promiscuousEnable()
    {
        final String op = op("promiscuousEnable", "");
        checkAlive(op);
        if (data.promiscuous)
        {
            return;
        }
        run(op, ops::promiscuousEnable);
        data.promiscuous = true;
    }

    public synchronized void promiscuousDisable()
    {
        final String op = op("promiscuousDisable", "");
        checkAlive(op);
        if (!data.promiscuous)
        {
            return;
        }
        run(op, ops::promiscuousDisable);
        data.promiscuous = false;
    }

    public boolean isPromiscuous()
    {
        checkAlive(op("promiscuousGet", ""));
        return data.promiscuous;
    }

    public synchronized void allmulticastEnable()
    {
        final String op = op("allmulticastEnable", "");
        checkAlive(op);
        if (data.allMulticast)
        {
            return;
        }
        run(op, ops::allmulticastEnable);
        data.allMulticast = true;
    }

    public synchronized void allmulticastDisable()
    {
        final String op = op("allmulticastDisable", "");
        checkAlive(op);
        if (!data.allMulticast)
        {
            return;
        }
        run(op, ops::allmulticastDisable);
        data.allMulticast = false;
    }

    public boolean isAllmulticast()
    {
        checkAlive(op("allmulticastGet", ""));
        return data.allMulticast;
    }

    @Override
    public String toString()
    {
        return "EthDev[port=" + data.portId + ", " + data.name + ", " + driverName +
            (released ? ", closed" : data.started ? ", started" : data.configured ? ", configured" : "") + "]";
    }
}
