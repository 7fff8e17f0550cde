package io.ethdev4j.telemetry;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.mbuf.MbufPool;

/**
 * {@code /mempool/list} and {@code /mempool/info} (DPDK {@code lib/mempool/rte_mempool.c}): 22.11's keys plus the
 * counts later releases added ({@code total_cache_count}, objects in the lcore caches, and {@code common_pool_count},
 * objects in the pool's ring; DPDK 23.11+), so the objects in use are {@code populated_size − total_cache_count −
 * common_pool_count}.
 * <p>
 * Where our pools differ from DPDK's, the values say what ours are: no per-object header or pool private area
 * ({@code header_size} and {@code private_data_size} 0: the data room and private size live in Java fields), one set
 * of mempool ops ({@code ops_index} 0, ring_mp_mc), and the pool's memory region as the memzone ({@code MP_<name>},
 * its length and page size).
 */
final class MempoolTelemetry
{
    /** RTE_MEMPOOL_F_POOL_CREATED: the pool is populated. */
    static final long RTE_MEMPOOL_F_POOL_CREATED = 0x10;

    private MempoolTelemetry()
    {
    }

    static void register()
    {
        Telemetry.registerCmd("/mempool/list", MempoolTelemetry::list,
            "Returns list of available mempool. Takes no parameters");
        Telemetry.registerCmd("/mempool/info", MempoolTelemetry::info,
            "Returns mempool info. Parameters: pool_name");
    }

    private static int list(final Eal eal, final String cmd, final String params, final TelData d)
    {
        d.startArray(TelData.ValueType.STRING);
        MbufPool.walk(p -> d.addArrayString(p.name()));
        return 0;
    }

    /** mempool_handle_info: an unknown name answers an empty dictionary, no name answers null. */
    private static int info(final Eal eal, final String cmd, final String params, final TelData d)
    {
        if (params == null || params.isEmpty())
        {
            return -22;
        }
        final String name = TelData.cString(params, 32); // RTE_MEMZONE_NAMESIZE
        d.startDict();
        MbufPool.walk(p ->
        {
            if (!p.name().equals(name))
            {
                return;
            }
            d.addDictString("name", p.name());
            d.addDictU64("pool_id", p.id());
            d.addDictU64("flags", RTE_MEMPOOL_F_POOL_CREATED);
            d.addDictInt("socket_id", 0);
            d.addDictU64("size", p.size());
            d.addDictU64("cache_size", p.cacheSize());
            d.addDictU64("elt_size", p.elementSize());
            d.addDictU64("header_size", 0);
            d.addDictU64("trailer_size", 0);
            d.addDictU64("private_data_size", 0);
            d.addDictInt("ops_index", 0);
            d.addDictU64("populated_size", p.size());
            final long cache = p.cacheCount();
            long common = p.commonPoolCount();
            if (cache + common > p.size())
            {
                common = p.size() - cache;
            }
            d.addDictU64("total_cache_count", cache);
            d.addDictU64("common_pool_count", common);
            d.addDictString("mz_name", p.ringName());
            d.addDictU64("mz_len", p.region().length());
            d.addDictU64("mz_hugepage_sz", p.region().hugepages() ? 2L << 20 : 4096);
            d.addDictInt("mz_socket_id", 0);
            d.addDictU64("mz_flags", 0);
        });
        return 0;
    }
}
