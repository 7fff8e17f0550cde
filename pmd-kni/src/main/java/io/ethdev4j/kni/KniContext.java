package io.ethdev4j.kni;

import io.ethdev4j.bus.EalServices;
import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.KniFifo;
import io.ethdev4j.kni.abi.KniFifoDescriptor;
import io.ethdev4j.kni.abi.MempoolRange;
import io.ethdev4j.kni.control.KniControl;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.control.KniMemory;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.mem.DmaMemory;
import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.mem.MemoryListener;
import io.ethdev4j.mem.RegionPool;
import io.ethdev4j.sys.Errno;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The KNI library's context: what {@code rte_kni_init} set up (the open {@code /dev/kni}, here a {@link KniControl}
 * channel to the kernel side) and the list of KNIs (DPDK's "RTE_KNI" tailq). One per application; {@link #close()} is
 * {@code rte_kni_close} and releases every KNI still allocated.
 * <p>
 * The library reaches the kernel side only through that channel (handles and values) and the shared memory it owns
 * ({@link io.ethdev4j.kni.abi}: FIFOs, sync area, mbufs), never through the kernel side's objects: the kernel side may
 * as well be another process.
 * <pre>
 *   try (KniContext ctx = KniContext.init(eal))                      // rte_kni_init
 *   {
 *       Kni kni = ctx.alloc(pool, new KniConf().name("vEth0").mbufSize(2048), ops);   // rte_kni_alloc
 *       kni.txBurst(pkts, 0, n); kni.rxBurst(pkts, 0, 32); kni.handleRequest();
 *       ctx.release(kni);                                               // rte_kni_release
 *   }
 * </pre>
 *
 * <h2>Return conventions</h2>
 * DPDK's NULL/-1 results become null/false where DPDK returns them silently (a NULL pool, conf or empty name in alloc,
 * an unknown name in get/release); where DPDK logs an error and returns NULL/-1 (name exists, the kernel refused the
 * interface, no memory) this throws {@link EthDevException} with the errno and the operation.
 *
 * <h2>Memory</h2>
 * The kernel side only follows addresses inside registered mempools ({@link KniControl#registerMempool}). The
 * context follows its memory's events ({@code DmaMemory.registry()}): every pool is registered with the kernel side
 * when it is created (those that exist at init are replayed) and unregistered when it is freed, so mbufs forwarded
 * from any port's pool work and no burst registers anything. A pool from other memory is refused by {@link #alloc}
 * (EINVAL) and its mbufs by the kernel side. The FIFO zones are {@link DmaRegion.Use#HOST} memory: no device maps
 * them. Mbuf addresses on the FIFOs are virtual addresses (IOVA = VA, as DPDK
 * with {@code iova_mode=1}).
 * <p>
 * Thread safety: control operations are synchronized; the data-path methods of {@link Kni} follow DPDK's rules.
 */
public final class KniContext implements AutoCloseable
{
    /** MAX_MBUF_BURST_NUM in lib/kni/rte_kni.c. */
    public static final int MAX_MBUF_BURST_NUM = 32;
    /** KNI_FIFO_COUNT_MAX: slots of every FIFO. */
    public static final int KNI_FIFO_COUNT_MAX = KniFifoDescriptor.KNI_FIFO_COUNT_MAX;
    /** KNI_FIFO_SIZE: bytes of every FIFO memzone and of the sync zone. */
    public static final int KNI_FIFO_SIZE = KniFifoDescriptor.KNI_FIFO_SIZE;

    private static final int MAX_POOL_IDS = 4096;

    private final EalServices eal;
    private final DmaMemory memory;
    /** Pools registered, by pool id: read by transmit paths (plain reads are fine: a miss only re-checks under the lock). */
    private final boolean[] registered = new boolean[MAX_POOL_IDS];
    private final List<RegionPool> pools = new ArrayList<>();
    private final KniControl control;
    /**
     * The memory's pools, told to the kernel side as they come and go (memory events, on the pool-creating thread):
     * every pool of the context's memory is followed from its creation, so no burst registers anything.
     */
    private final MemoryListener poolEvents = new MemoryListener()
    {
        @Override
        public void onRegister(final DmaRegion region)
        {
            if (region.mempool() != null)
            {
                try
                {
                    register(region.mempool());
                }
                catch (final EthDevException ex)
                {
                    // a pool's creation is not KNI's to refuse: its mbufs are refused by the kernel side instead
                    Log.debug("KNI", "mempool " + region.mempool().name() + " is not followed by the kernel side: " +
                        ex.getMessage());
                }
            }
        }

        @Override
        public void onUnregister(final DmaRegion region)
        {
            if (region.mempool() != null)
            {
                unregisterPool(region.mempool());
            }
        }

        @Override
        public String toString()
        {
            return "KNI mempool registry";
        }
    };
    private final Map<String, Kni> knis = new LinkedHashMap<>();
    private boolean closed;

    private KniContext(final EalServices eal, final DmaMemory memory, final KniControl control)
    {
        this.eal = eal;
        this.memory = memory;
        this.control = control;
        memory.registry().addListener(poolEvents);   // replays the pools that exist already
        KniTelemetry.opened(this);
    }

    /**
     * rte_kni_init on a runtime: opens the {@value KniControl#LOCAL} kernel side with the runtime's {@code --kni-*}
     * options as its module parameters, or, with {@code --kni-daemon=SOCKET}, the {@value KniControl#DAEMON} channel to
     * {@code tools/knid} (whose options are then the module parameters); FIFO memory comes from the runtime's DMA memory, and the runtime's ports serve
     * {@link KniOps}' built-in defaults.
     *
     * @throws EthDevException EINVAL for a bad {@code --kni-*} option, or the errno of what failed.
     */
    public static KniContext init(final EalServices eal)
    {
        Objects.requireNonNull(eal, "eal");
        final KniControl control;
        try
        {
            final Map<String, String> options = eal.kniOptions();
            control = options.containsKey(KniControl.DAEMON_OPTION)
                ? KniControl.open(KniControl.DAEMON, options, regionsOf(eal.memory()))
                : KniControl.open(KniControl.LOCAL, options);
        }
        catch (final KniControlException ex)
        {
            throw new EthDevException(ex.errno(), ex.getMessage(), ex);
        }
        return init(eal, control);
    }

    /** The runtime memory's regions, with their fds, for a kernel side in another process ({@code tools/knid}). */
    public static KniMemory regionsOf(final DmaMemory memory)
    {
        return address ->
        {
            final DmaRegion r = memory.registry().regionOf(address);
            return r == null ? null : new KniMemory.Region(r.address(), r.length(), r.fd());
        };
    }

    /** rte_kni_init over a channel the caller opened; the context closes it. */
    public static KniContext init(final EalServices eal, final KniControl control)
    {
        Objects.requireNonNull(eal, "eal");
        return new KniContext(eal, eal.memory(), Objects.requireNonNull(control, "control"));
    }

    /**
     * Without a runtime (tools, tests): FIFO memory from {@code memory}; ops defaults have no ports to act on. The
     * context closes {@code control}.
     */
    public static KniContext init(final DmaMemory memory, final KniControl control)
    {
        return new KniContext(null, Objects.requireNonNull(memory, "memory"),
            Objects.requireNonNull(control, "control"));
    }

    public EalServices eal()
    {
        return eal;
    }

    /** The channel to the kernel side (for {@link Kni}: handles and values only). */
    KniControl control()
    {
        return control;
    }

    // ------------------------------------------------------------------ pools

    /**
     * Lets the kernel side follow mbufs of {@code pool}. Idempotent; called by alloc and by transmit paths.
     *
     * @throws EthDevException the kernel side's errno (EINVAL: the pool's memory overlaps a registered one).
     */
    public void registerPool(final MbufPool pool)
    {
        register(pool);
    }

    private void register(final RegionPool pool)
    {
        synchronized (registered)
        {
            final int id = pool.id();
            if (registered[id])
            {
                return;
            }
            try
            {
                control.registerMempool(new MempoolRange(id, pool.baseAddress(), pool.elementSize(), pool.size(),
                    MbufDescriptor.HEADER_LENGTH + pool.privSize()));
            }
            catch (final KniControlException ex)
            {
                throw new EthDevException(ex.errno(), "kniRegisterPool(pool=" + pool.name() + ") failed: " +
                    ex.getMessage(), ex);
            }
            pools.add(pool);
            registered[id] = true;
        }
    }

    /** The pool was freed (its memory event): the kernel side stops following its memory. */
    private void unregisterPool(final RegionPool pool)
    {
        synchronized (registered)
        {
            final int id = pool.id();
            if (!registered[id])
            {
                return;
            }
            registered[id] = false;
            pools.remove(pool);
            try
            {
                control.unregisterMempool(id);
            }
            catch (final KniControlException ex)
            {
                Log.warn("KNI", "kniUnregisterPool(pool=" + pool.name() + ") failed: " + ex.getMessage());
            }
        }
    }

    boolean isRegistered(final int poolId)
    {
        return registered[poolId];
    }

    // ------------------------------------------------------------------ alloc / get / release

    /**
     * rte_kni_alloc: reserves the 7 zones (tx, rx, alloc, free, req, resp FIFOs and the sync area), initialises the FIFOs,
     * creates the interface and pre-fills alloc_q with up to {@link #MAX_MBUF_BURST_NUM} mbufs from {@code pool}.
     * {@code ops == null} gives {@code port_id = }{@link KniOps#NO_PORT} and no callbacks. {@code conf.mbufSize() == 0}
     * takes the pool's data room minus the headroom.
     *
     * @return the KNI, or null when {@code pool} or {@code conf} is null or the name is empty (DPDK's silent NULL).
     * @throws EthDevException ENODEV after close, EEXIST for a name in use, EINVAL for bad conf values, ENOMEM, or the
     *     kernel side's errno (EPERM without CAP_NET_ADMIN, EBUSY when another interface has that name).
     */
    public synchronized Kni alloc(final MbufPool pool, final KniConf conf, final KniOps ops)
    {
        if (pool == null || conf == null || conf.name() == null || conf.name().isEmpty())
        {
            return null;
        }
        final KniConf c = conf.copy();
        final String op = "kniAlloc(name=" + c.name() + ")";
        if (closed)
        {
            throw EthDevException.of(Errno.ENODEV, op, "KNI is not initialized (context closed)");
        }
        if (c.name().length() >= KniConf.RTE_KNI_NAMESIZE)
        {
            throw EthDevException.of(Errno.EINVAL, op, "name longer than " + (KniConf.RTE_KNI_NAMESIZE - 1) + " characters");
        }
        if (knis.containsKey(c.name()))
        {
            throw EthDevException.of(Errno.EEXIST, op, "KNI already exists");
        }
        if (!memory.registry().isRegistered(pool.region()))
        {
            throw EthDevException.of(Errno.EINVAL, op, "mempool " + pool.name() + " is not in the memory this KNI " +
                "context follows (made by MbufPool.create on other memory?): the kernel side would drop its mbufs; " +
                "create it with Eal.createPktmbufPool");
        }
        if (c.mbufSize() == 0)
        {
            c.mbufSize(pool.dataRoomSize() - MbufDescriptor.HEADROOM);
        }
        registerPool(pool);
        final DmaRegion[] zones = new DmaRegion[Kni.ZONE_COUNT];
        Kni kni = null;
        int handle = 0;
        try
        {
            for (int z = 0; z < zones.length; z++)
            {
                // HOST memory: shared with the kernel side only, never mapped for a device (an mpqemu NIC has 7 slots)
                zones[z] = memory.allocate("kni_" + Kni.ZONE_NAMES[z] + "_" + c.name(), KNI_FIFO_SIZE,
                    DmaRegion.Use.HOST);
                if (z != Kni.SYNC)
                {
                    KniFifo.init(zones[z].address(), KNI_FIFO_COUNT_MAX);
                }
            }
            final KniDeviceInfo info = new KniDeviceInfo().name(c.name()).coreId(c.coreId()).forceBind(c.forceBind())
                .groupId(c.groupId()).mbufSize(c.mbufSize()).mtu(c.mtu()).minMtu(c.minMtu()).maxMtu(c.maxMtu())
                .txQ(zones[Kni.TX].address()).rxQ(zones[Kni.RX].address()).allocQ(zones[Kni.ALLOC].address())
                .freeQ(zones[Kni.FREE].address()).reqQ(zones[Kni.REQ].address()).respQ(zones[Kni.RESP].address())
                .sync(zones[Kni.SYNC].address());
            if (c.macAddr() != null)
            {
                info.macAddr(c.macAddr().toBytes());
            }
            if (c.netns() != null)
            {
                info.netns(c.netns());
            }
            handle = control.create(info);
            kni = new Kni(this, c, ops == null ? new KniOps() : ops.copy(), pool, zones, handle,
                control.status(handle).ifIndex());
        }
        catch (final KniControlException ex)
        {
            undoAlloc(handle, zones);
            throw new EthDevException(ex.errno(), op + " failed: " + ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            undoAlloc(handle, zones);
            throw ex;
        }
        knis.put(c.name(), kni);
        kni.allocateMbufs();
        return kni;
    }

    /** The kernel side lets go of the zones first (if the interface was created), then they are freed. */
    private void undoAlloc(final int handle, final DmaRegion[] zones)
    {
        if (handle != 0)
        {
            control.release(handle);
        }
        closeAll(zones);
    }

    private static void closeAll(final DmaRegion[] zones)
    {
        for (int z = zones.length - 1; z >= 0; z--)
        {
            if (zones[z] != null)
            {
                zones[z].close();
            }
        }
    }

    /** rte_kni_get: the KNI named {@code name}, or null (also for a null or empty name). */
    public synchronized Kni get(final String name)
    {
        if (name == null || name.isEmpty())
        {
            return null;
        }
        return knis.get(name);
    }

    /** The KNIs allocated now, in allocation order. */
    public synchronized List<Kni> knis()
    {
        return new ArrayList<>(knis.values());
    }

    /**
     * rte_kni_release: removes the interface, then frees every mbuf the KNI still holds (tx_q, free_q, alloc_q and
     * anything left on rx_q) and the zones. The {@link Kni} must not be used afterwards.
     *
     * @return false for null or a KNI not (or no longer) allocated here (DPDK's -1).
     */
    public synchronized boolean release(final Kni kni)
    {
        if (kni == null || knis.get(kni.name()) != kni)
        {
            return false;
        }
        knis.remove(kni.name());
        kni.silenceDoorbell();
        try
        {
            control.release(kni.handle());
        }
        finally
        {
            kni.freeEverything();
        }
        return true;
    }

    /** rte_kni_close: releases every KNI still allocated (newest first) and stops the kernel side. Idempotent. */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        KniTelemetry.closed(this);
        memory.registry().removeListener(poolEvents);
        final List<Kni> all = new ArrayList<>(knis.values());
        RuntimeException first = null;
        for (int i = all.size() - 1; i >= 0; i--)
        {
            try
            {
                release(all.get(i));
            }
            catch (final RuntimeException ex)
            {
                first = first == null ? ex : first;
            }
        }
        try
        {
            control.close();
        }
        catch (final RuntimeException ex)
        {
            first = first == null ? ex : first;
        }
        if (first != null)
        {
            Log.err("KNI", "kniClose() failed: " + first.getMessage());
            throw first;
        }
    }

    public synchronized boolean isClosed()
    {
        return closed;
    }
}
