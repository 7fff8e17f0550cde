package io.ethdev4j.kni;

import io.ethdev4j.bus.EalServices;
import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.KniFifo;
import io.ethdev4j.kni.abi.KniFifoDescriptor;
import io.ethdev4j.kni.kernel.KniKernel;
import io.ethdev4j.kni.kernel.KniModuleParams;
import io.ethdev4j.kni.kernel.KniNetDevice;
import io.ethdev4j.kni.kernel.MempoolRange;
import io.ethdev4j.kni.kernel.MutableMempoolRegistry;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.mem.DmaMemory;
import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.SysException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The KNI library's context: what {@code rte_kni_init} set up (the open {@code /dev/kni}, here the {@link KniKernel}
 * playing rte_kni.ko) and the list of KNIs (DPDK's "RTE_KNI" tailq). One per application; {@link #close()} is
 * {@code rte_kni_close} and releases every KNI still allocated.
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
 * The kernel side only follows addresses inside registered mempools ({@link MutableMempoolRegistry}). {@link #alloc}
 * registers the KNI's pool; a KNI's transmit path registers any other pool on the first mbuf it sees from it, so mbufs
 * forwarded from another port's pool work too. Mbuf addresses on the FIFOs are virtual addresses (IOVA = VA, as DPDK
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
    private final MutableMempoolRegistry registry = new MutableMempoolRegistry();
    /** Pools registered, by pool id: read by transmit paths (plain reads are fine: a miss only re-checks under the lock). */
    private final boolean[] registered = new boolean[MAX_POOL_IDS];
    private final List<MbufPool> pools = new ArrayList<>();
    private final KniKernel kernel;
    private final Map<String, Kni> knis = new LinkedHashMap<>();
    private boolean closed;

    private KniContext(final EalServices eal, final DmaMemory memory, final KniModuleParams params)
    {
        this.eal = eal;
        this.memory = memory;
        this.kernel = new KniKernel(params, registry);
        KniTelemetry.opened(this);
    }

    /**
     * rte_kni_init on a runtime: the kernel side's parameters come from the runtime's {@code --kni-*} options, FIFO
     * memory from its DMA memory; the runtime's ports serve {@link KniOps}' built-in defaults.
     *
     * @throws EthDevException EINVAL for a bad {@code --kni-*} option.
     */
    public static KniContext init(final EalServices eal)
    {
        Objects.requireNonNull(eal, "eal");
        return init(eal, params(eal));
    }

    public static KniContext init(final EalServices eal, final KniModuleParams params)
    {
        Objects.requireNonNull(eal, "eal");
        return new KniContext(eal, eal.memory(), params);
    }

    /** Without a runtime (tools, tests): FIFO memory from {@code memory}; ops defaults have no ports to act on. */
    public static KniContext init(final DmaMemory memory, final KniModuleParams params)
    {
        return new KniContext(null, Objects.requireNonNull(memory, "memory"), params);
    }

    /** The kernel side's parameters from the runtime's {@code --kni-*} options (EINVAL on a bad one). */
    public static KniModuleParams params(final EalServices eal)
    {
        final List<String> args = new ArrayList<>();
        for (final Map.Entry<String, String> e : eal.kniOptions().entrySet())
        {
            args.add(e.getKey() + "=" + e.getValue());
        }
        try
        {
            return KniModuleParams.parse(args.toArray(new String[0]));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new EthDevException(Errno.EINVAL, "kniInit() failed: EINVAL - " + ex.getMessage(), ex);
        }
    }

    public EalServices eal()
    {
        return eal;
    }

    public KniModuleParams params()
    {
        return kernel.params();
    }

    /** The kernel side (for its counters and faults: {@link KniKernel#get}). */
    public KniKernel kernel()
    {
        return kernel;
    }

    // ------------------------------------------------------------------ pools

    /** Lets the kernel side follow mbufs of {@code pool}. Idempotent; called by alloc and by transmit paths. */
    public void registerPool(final MbufPool pool)
    {
        synchronized (registered)
        {
            final int id = pool.id();
            if (registered[id])
            {
                return;
            }
            registry.register(new MempoolRange(id, pool.baseAddress(), pool.elementSize(), pool.size(),
                MbufDescriptor.HEADER_LENGTH + pool.privSize()));
            pools.add(pool);
            registered[id] = true;
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
        if (c.mbufSize() == 0)
        {
            c.mbufSize(pool.dataRoomSize() - MbufDescriptor.HEADROOM);
        }
        registerPool(pool);
        final DmaRegion[] zones = new DmaRegion[Kni.ZONE_COUNT];
        Kni kni = null;
        try
        {
            for (int z = 0; z < zones.length; z++)
            {
                zones[z] = memory.allocate("kni_" + Kni.ZONE_NAMES[z] + "_" + c.name(), KNI_FIFO_SIZE);
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
            final KniNetDevice dev = kernel.create(info);
            kni = new Kni(this, c, ops == null ? new KniOps() : ops.copy(), pool, zones, dev);
        }
        catch (final IllegalArgumentException ex)
        {
            closeAll(zones);
            throw new EthDevException(errnoOf(ex.getMessage(), Errno.EINVAL), op + " failed: " + ex.getMessage(), ex);
        }
        catch (final SysException ex)
        {
            closeAll(zones);
            throw new EthDevException(ex.errno(), op + " failed: " + Errno.name(ex.errno()) + " - " + ex.getMessage(), ex);
        }
        catch (final IllegalStateException ex)
        {
            closeAll(zones);
            throw new EthDevException(Errno.ENODEV, op + " failed: ENODEV - " + ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            closeAll(zones);
            throw ex;
        }
        knis.put(c.name(), kni);
        kni.allocateMbufs();
        return kni;
    }

    private static int errnoOf(final String message, final int dflt)
    {
        return message != null && message.contains("EEXIST") ? Errno.EEXIST : dflt;
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
        try
        {
            kernel.release(kni.name());
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
            kernel.close();
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
