package io.ethdev4j.mbuf;

import io.ethdev4j.eal.Lcore;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.mem.DmaMemory;
import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.mem.RegionPool;
import io.ethdev4j.ring.Ring;
import io.ethdev4j.sys.Errno;
import org.agrona.UnsafeApi;

import java.util.concurrent.ConcurrentHashMap;

import static io.ethdev4j.mbuf.MbufDescriptor.*;

/**
 * A pool of packet mbufs (rte_pktmbuf_pool_create): {@code n} elements of
 * {@code align64(128 + priv_size + data_room)} bytes in one {@link DmaRegion}, a multi-producer/multi-consumer
 * {@link Ring} as the backend (DPDK's default "ring_mp_mc" ops), and a per-lcore cache with DPDK's rules:
 * <ul>
 * <li>put: more than {@code flushthresh = 1.5 × cache_size} objects go straight to the ring; otherwise, if
 * they would overflow the threshold, the whole cache is flushed to the ring first, then they are cached.</li>
 * <li>get (all or nothing): served from the cache (LIFO) when it holds enough; else the cache is refilled with
 * {@code cache_size + shortfall} from the ring and serves; if the ring cannot refill, the request is taken from
 * the ring directly; if that fails too, nothing is taken and 0 is returned.</li>
 * </ul>
 * Threads that are not lcores have no cache and use the ring directly. Exhaustion returns a count (0) or null,
 * never throws.
 */
public final class MbufPool implements AutoCloseable, RegionPool
{
    /** RTE_MEMPOOL_CACHE_MAX_SIZE. */
    public static final int CACHE_MAX_SIZE = 512;
    /** RTE_MEMPOOL_NAMESIZE − 1 − strlen("MP_"). */
    public static final int NAMESIZE = 26;
    /** RTE_MBUF_PRIV_ALIGN. */
    public static final int PRIV_ALIGN = 8;
    /** Largest bulk request served through the cache. */
    static final int MAX_CACHED_BURST = CACHE_MAX_SIZE;
    private static final int MAX_POOLS = 4096;

    private static final MbufPool[] POOLS = new MbufPool[MAX_POOLS];
    private static final ConcurrentHashMap<String, MbufPool> BY_NAME = new ConcurrentHashMap<>();

    private final String name;
    private final int id;
    private final int size;
    private final int cacheSize;
    private final int privSize;
    private final int dataRoomSize;
    private final int elementSize;
    private final DmaRegion region;
    private final boolean ownsRegion;
    private final long base;
    private final long limit;
    private final Mbuf[] mbufs;
    private final Ring<Mbuf> ring;
    private final MbufCache[] caches = new MbufCache[Lcore.MAX_LCORE];
    private volatile boolean closed;

    private MbufPool(final String name, final int id, final int n, final int cacheSize, final int privSize,
        final int dataRoomSize, final DmaRegion region, final boolean ownsRegion)
    {
        this.name = name;
        this.id = id;
        this.size = n;
        this.cacheSize = cacheSize;
        this.privSize = privSize;
        this.dataRoomSize = dataRoomSize;
        this.elementSize = MbufDescriptor.elementSize(privSize, dataRoomSize);
        this.region = region;
        this.ownsRegion = ownsRegion;
        this.base = region.address();
        this.limit = base + (long)n * elementSize;
        this.mbufs = new Mbuf[n];
        this.ring = Ring.create("MP_" + (name.length() > NAMESIZE - 3 ? name.substring(0, NAMESIZE - 3) : name),
            n, Ring.F_EXACT_SZ, Mbuf.class);
        for (int i = 0; i < n; i++)
        {
            final long a = base + (long)i * elementSize;
            final Mbuf m = new Mbuf(this, i, a);
            mbufs[i] = m;
            UnsafeApi.putLong(a + POOL_OFFSET, id);
            UnsafeApi.putShort(a + PRIV_SIZE_OFFSET, (short)privSize);
            initBuffer(m);
            m.refcnt(1);
            m.reset();
        }
        ring.enqueueBulk(mbufs, 0, n);
    }

    /**
     * rte_pktmbuf_pool_create on the process-wide 4 KiB-page memory ({@link DmaMemory#defaultMemory()}), for
     * software ports, tests and tools. No runtime maps that memory: a port whose device does DMA refuses such a pool
     * at rx queue setup (EINVAL) and must never be handed its mbufs; use {@code Eal.createPktmbufPool} (or
     * {@link #create(DmaMemory, String, int, int, int, int)} on {@code Eal.memory()}) for those.
     */
    public static MbufPool create(final String name, final int n, final int cacheSize, final int privSize,
        final int dataRoomSize)
    {
        return create(DmaMemory.defaultMemory(), name, n, cacheSize, privSize, dataRoomSize);
    }

    /** A pool with DPDK's defaults: cache 250... as testpmd's --mbcache, data room 2176, no private area. */
    public static MbufPool create(final String name, final int n)
    {
        return create(name, n, Math.min(250, n * 2 / 3), 0, DEFAULT_BUF_SIZE);
    }

    /**
     * rte_pktmbuf_pool_create in {@code memory}: the pool's region is registered with {@code memory.registry()} once
     * the pool is built, so on a runtime's memory every device transport maps it and KNI follows it, whether the
     * ports are started or not; {@link #close()} unregisters it.
     *
     * @param dataRoomSize data room including the 128-byte headroom (DPDK's default 2176)
     * @throws EthDevException EINVAL for bad sizes, EEXIST for a name in use, ENOMEM when memory runs out, or what a
     *     memory listener refusing the region threw (a transport that cannot map it)
     */
    public static MbufPool create(final DmaMemory memory, final String name, final int n, final int cacheSize,
        final int privSize, final int dataRoomSize)
    {
        final String op = "mbufPoolCreate(name=" + name + ", n=" + n + ", cache=" + cacheSize + ", priv=" + privSize +
            ", dataRoom=" + dataRoomSize + ")";
        if (name == null || name.isEmpty() || name.length() > NAMESIZE)
        {
            throw EthDevException.of(Errno.EINVAL, op, "name must have 1.." + NAMESIZE + " characters");
        }
        if (n < 1 || n >= Ring.MAX_SIZE)
        {
            throw EthDevException.of(Errno.EINVAL, op, "n must be in 1.." + (Ring.MAX_SIZE - 1));
        }
        if (cacheSize < 0 || cacheSize > CACHE_MAX_SIZE || flushThreshold(cacheSize) > n)
        {
            throw EthDevException.of(Errno.EINVAL, op, "cache size must be 0.." + CACHE_MAX_SIZE +
                " and 1.5 x cache size (" + flushThreshold(cacheSize) + ") must not exceed n");
        }
        if (privSize < 0 || privSize % PRIV_ALIGN != 0 || privSize > 0xFFFF)
        {
            throw EthDevException.of(Errno.EINVAL, op, "priv size must be a multiple of " + PRIV_ALIGN + " below 65536");
        }
        if (dataRoomSize < 0 || dataRoomSize > 0xFFFF)
        {
            throw EthDevException.of(Errno.EINVAL, op, "data room must be 0..65535 (it includes the " + HEADROOM +
                "-byte headroom)");
        }
        final int elt = MbufDescriptor.elementSize(privSize, dataRoomSize);
        synchronized (POOLS)
        {
            if (BY_NAME.containsKey(name))
            {
                throw EthDevException.of(Errno.EEXIST, op, "a mempool named '" + name + "' already exists");
            }
            int id = -1;
            for (int i = 1; i < MAX_POOLS; i++)
            {
                if (POOLS[i] == null)
                {
                    id = i;
                    break;
                }
            }
            if (id < 0)
            {
                throw EthDevException.of(Errno.ENOSPC, op, "too many mempools (" + (MAX_POOLS - 1) + ")");
            }
            final int poolId = id;
            try
            {
                // the pool is live (lookup, Mbuf.pool()) before its region is announced to the memory's listeners
                return memory.allocateMempool("mempool:" + name, (long)n * elt, region ->
                {
                    final MbufPool pool = new MbufPool(name, poolId, n, cacheSize, privSize, dataRoomSize, region,
                        true);
                    POOLS[poolId] = pool;
                    BY_NAME.put(name, pool);
                    return pool;
                });
            }
            catch (final RuntimeException ex)
            {
                final MbufPool made = POOLS[poolId];
                POOLS[poolId] = null;
                if (made != null)
                {
                    BY_NAME.remove(name, made);
                }
                throw ex;
            }
        }
    }

    /** rte_mempool_lookup. */
    public static MbufPool lookup(final String name)
    {
        return BY_NAME.get(name);
    }

    static int flushThreshold(final int cacheSize)
    {
        return cacheSize * 3 / 2;
    }

    static MbufPool byId(final int id)
    {
        return POOLS[id];
    }

    /** The pool owning the mbuf header at {@code va}, or null if no live pool holds that address. */
    public static MbufPool ofAddress(final long va)
    {
        for (final MbufPool p : BY_NAME.values())
        {
            if (p.containsMbuf(va))
            {
                return p;
            }
        }
        return null;
    }

    void initBuffer(final Mbuf m)
    {
        final long a = m.address();
        final long buf = a + HEADER_LENGTH + privSize;
        UnsafeApi.putLong(a + BUF_ADDR_OFFSET, buf);
        UnsafeApi.putLong(a + BUF_IOVA_OFFSET, region.iovaOf(buf));
        UnsafeApi.putShort(a + BUF_LEN_OFFSET, (short)dataRoomSize);
        UnsafeApi.putShort(a + DATA_OFF_OFFSET, (short)Math.min(HEADROOM, dataRoomSize));
    }

    Mbuf mbufAt(final long va)
    {
        return mbufs[(int)((va - base) / elementSize)];
    }

    /** True if {@code va} is the header address of one of this pool's mbufs. */
    public boolean containsMbuf(final long va)
    {
        return va >= base && va < limit && (va - base) % elementSize == 0;
    }

    // ------------------------------------------------------------------ properties

    public String name()
    {
        return name;
    }

    public int id()
    {
        return id;
    }

    /** Number of mbufs. */
    public int size()
    {
        return size;
    }

    public int cacheSize()
    {
        return cacheSize;
    }

    public int privSize()
    {
        return privSize;
    }

    /** rte_pktmbuf_data_room_size: the buffer length, headroom included. */
    public int dataRoomSize()
    {
        return dataRoomSize;
    }

    public int elementSize()
    {
        return elementSize;
    }

    public DmaRegion region()
    {
        return region;
    }

    /** Address of element 0's header. */
    public long baseAddress()
    {
        return base;
    }

    public Mbuf mbuf(final int index)
    {
        return mbufs[index];
    }

    /** rte_mempool_avail_count: objects in the ring plus every lcore cache. */
    public int available()
    {
        int n = ring.count();
        for (final MbufCache c : caches)
        {
            if (c != null)
            {
                n += c.len;
            }
        }
        return Math.min(n, size);
    }

    /**
     * Objects in the lcore caches now (telemetry's {@code total_cache_count}): a racy sum of fields the lcores write,
     * read without stopping them, as DPDK reads {@code local_cache[].len}.
     */
    public int cacheCount()
    {
        int n = 0;
        for (final MbufCache c : caches)
        {
            if (c != null)
            {
                n += c.len;
            }
        }
        return n;
    }

    /** Objects in lcore {@code lcore}'s cache now (rte_mempool_dump's cache_count[lcore]; racy, as cacheCount()). */
    public int cacheCount(final int lcore)
    {
        final MbufCache c = lcore >= 0 && lcore < caches.length ? caches[lcore] : null;
        return c == null ? 0 : c.len;
    }

    /** Objects in the backing ring now (rte_mempool_ops_get_count; telemetry's {@code common_pool_count}). */
    public int commonPoolCount()
    {
        return ring.count();
    }

    /** The backing ring's name ({@code MP_<name>}, as DPDK's ring mempool ops name it). */
    public String ringName()
    {
        return ring.name();
    }

    /**
     * rte_mempool_walk: calls {@code visitor} for every pool not closed, in id order (control path: the visitor runs
     * under the pools' lock, so it must not create or close pools).
     */
    public static void walk(final java.util.function.Consumer<MbufPool> visitor)
    {
        synchronized (POOLS)
        {
            for (final MbufPool p : POOLS)
            {
                if (p != null)
                {
                    visitor.accept(p);
                }
            }
        }
    }

    /** rte_mempool_in_use_count. */
    public int inUse()
    {
        return size - available();
    }

    /** rte_mempool_full. */
    public boolean isFull()
    {
        return available() == size;
    }

    // ------------------------------------------------------------------ get/put

    /** The calling lcore's cache (null without one): small enough to inline; the first use per lcore goes apart. */
    private MbufCache cache()
    {
        if (cacheSize == 0)
        {
            return null;
        }
        final int lcore = Lcore.id();
        if (lcore < 0)
        {
            return null;
        }
        final MbufCache c = caches[lcore];
        return c != null ? c : newCache(lcore);
    }

    private MbufCache newCache(final int lcore)
    {
        final MbufCache c = new MbufCache(cacheSize, MAX_CACHED_BURST);
        caches[lcore] = c;
        return c;
    }

    /** rte_mempool_get_bulk: raw objects, all {@code n} or none; returns n or 0. */
    public int getBulk(final Mbuf[] out, final int offset, final int n)
    {
        final MbufCache c = cache();
        if (c == null || n > MAX_CACHED_BURST)
        {
            return ring.dequeueBulk(out, offset, n);
        }
        if (c.len < n)
        {
            final int req = n + (c.size - c.len);
            if (ring.dequeueBulk(c.objs, c.len, req) == 0)
            {
                return ring.dequeueBulk(out, offset, n);
            }
            c.len += req;
        }
        // The top n of the LIFO stack in one copy. DPDK hands them out in reverse (hottest first); the order within
        // a bulk is not part of the contract, and one arraycopy (one GC card-marking pass) beats a per-element loop.
        final int len = c.len - n;
        System.arraycopy(c.objs, len, out, offset, n);
        c.len = len;
        return n;
    }

    /** rte_mempool_put_bulk. */
    public void putBulk(final Mbuf[] objs, final int offset, final int n)
    {
        final MbufCache c = cache();
        if (c == null || n > c.flushThresh)
        {
            ring.enqueueBulk(objs, offset, n);
            return;
        }
        if (c.len + n > c.flushThresh)
        {
            ring.enqueueBulk(c.objs, 0, c.len);
            c.len = 0;
        }
        System.arraycopy(objs, offset, c.objs, c.len, n);
        c.len += n;
    }

    /** Returns one raw object (refcnt already 1, unchained). */
    public void put(final Mbuf m)
    {
        final MbufCache c = cache();
        if (c == null)
        {
            ring.enqueue(m);
            return;
        }
        if (c.len + 1 > c.flushThresh)
        {
            ring.enqueueBulk(c.objs, 0, c.len);
            c.len = 0;
        }
        c.objs[c.len++] = m;
    }

    /** rte_pktmbuf_alloc: a reset mbuf, or null when the pool is exhausted. */
    public Mbuf alloc()
    {
        final MbufCache c = cache();
        Mbuf m;
        if (c == null)
        {
            m = ring.dequeue();
        }
        else
        {
            if (c.len == 0)
            {
                // as a get of 1: refill with cache_size + 1 (size + the shortfall), then serve from the cache
                final int req = c.size + 1;
                if (ring.dequeueBulk(c.objs, 0, req) == 0)
                {
                    m = ring.dequeue();
                    if (m != null)
                    {
                        m.reset();
                    }
                    return m;
                }
                c.len = req;
            }
            m = c.objs[--c.len];
        }
        if (m != null)
        {
            m.reset();
        }
        return m;
    }

    /** rte_pktmbuf_alloc_bulk: {@code n} reset mbufs or none; returns n or 0. */
    public int allocBulk(final Mbuf[] out, final int offset, final int n)
    {
        if (getBulk(out, offset, n) == 0)
        {
            return 0;
        }
        final long rearm = rearmWord(Math.min(HEADROOM, dataRoomSize));
        for (int i = offset, end = offset + n; i < end; i++)
        {
            final long a = out[i].address();
            UnsafeApi.putLong(a + REARM_DATA_OFFSET, rearm);
            UnsafeApi.putLong(a + OL_FLAGS_OFFSET, 0);
            UnsafeApi.putLong(a + PACKET_TYPE_OFFSET, 0);
            UnsafeApi.putLong(a + DATA_LEN_OFFSET, 0);
            UnsafeApi.putShort(a + VLAN_TCI_OUTER_OFFSET, (short)0);
            UnsafeApi.putLong(a + TX_OFFLOAD_OFFSET, 0);
        }
        return n;
    }

    /** Flushes the calling lcore's cache to the ring (rte_mempool_cache_flush). */
    public void flushCache()
    {
        final int lcore = Lcore.id();
        if (lcore >= 0 && caches[lcore] != null)
        {
            final MbufCache c = caches[lcore];
            ring.enqueueBulk(c.objs, 0, c.len);
            c.len = 0;
        }
    }

    public boolean isClosed()
    {
        return closed;
    }

    /**
     * rte_mempool_free: forgets the pool and releases its memory (unregistered first: devices lose access before the
     * pages go). Mbufs of a closed pool must not be used.
     */
    @Override
    public void close()
    {
        synchronized (POOLS)
        {
            if (closed)
            {
                return;
            }
            closed = true;
        }
        ring.free();
        try
        {
            if (ownsRegion)
            {
                region.close();
            }
        }
        finally
        {
            // the id and name are free only once the region's listeners have let go of this pool
            synchronized (POOLS)
            {
                POOLS[id] = null;
                BY_NAME.remove(name, this);
            }
        }
    }

    @Override
    public String toString()
    {
        return "MbufPool[" + name + ", n=" + size + ", cache=" + cacheSize + ", dataRoom=" + dataRoomSize +
            ", elt=" + elementSize + ", avail=" + available() + "]";
    }
}
