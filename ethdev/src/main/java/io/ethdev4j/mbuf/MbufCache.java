package io.ethdev4j.mbuf;

/**
 * One lcore's mempool cache (struct rte_mempool_cache): a LIFO stack of mbufs, touched only by its lcore.
 * {@code len} is also read (racily, for statistics) by other threads.
 */
final class MbufCache
{
    final int size;
    final int flushThresh;
    final Mbuf[] objs;
    int len;

    MbufCache(final int size, final int maxBurst)
    {
        this.size = size;
        this.flushThresh = MbufPool.flushThreshold(size);
        this.objs = new Mbuf[Math.max(2 * MbufPool.CACHE_MAX_SIZE, flushThresh + size + maxBurst)];
    }
}
