package io.ethdev4j.bench;

import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

import static io.ethdev4j.bench.BenchConfig.ADD_EXPORTS;
import static io.ethdev4j.bench.BenchConfig.ADD_EXPORTS_VALUE;
import static io.ethdev4j.bench.BenchConfig.BURST;
import static io.ethdev4j.bench.BenchConfig.NATIVE_ACCESS;
import static io.ethdev4j.bench.BenchConfig.PARALLEL_GC;

/**
 * Mempool bulk get + bulk put of {@value BenchConfig#BURST} objects on one lcore, with the per-lcore cache
 * (512 = RTE_MEMPOOL_CACHE_MAX_SIZE, as mempool_perf_autotest's "with cache" pool) and without (cache 0: every
 * get/put goes to the multi-producer/multi-consumer ring, DPDK's "ring_mp_mc" ops).
 * <p>
 * One operation is one object got and put back, the unit of mempool_perf_autotest's {@code rate_persec}
 * (n_get_bulk = n_put_bulk = n_keep = 32, cores = 1).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ADD_EXPORTS, ADD_EXPORTS_VALUE, NATIVE_ACCESS, PARALLEL_GC})
public class MempoolBench
{
    private static final int LCORE = 0;
    /** Enough for the cache's flush threshold (1.5 x 512) plus a burst, as DPDK's MEMPOOL_SIZE for 2 lcores. */
    private static final int POOL_SIZE = 2047;

    @Param({"512", "0"})
    public int cacheSize;

    private MbufPool pool;
    private final Mbuf[] objs = new Mbuf[BURST];

    @Setup(Level.Trial)
    public void createPool()
    {
        pool = MbufPool.create("bench_mp_c" + cacheSize, POOL_SIZE, cacheSize, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
    }

    @Setup(Level.Iteration)
    public void becomeLcore()
    {
        BenchLcore.ensure(LCORE);
    }

    /** rte_mempool_get_bulk(32) + rte_mempool_put_bulk(32): raw objects, no mbuf reset. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public int getPutBulk()
    {
        final Mbuf[] objs = this.objs;
        if (pool.getBulk(objs, 0, BURST) == 0)
        {
            return -1;
        }
        pool.putBulk(objs, 0, BURST);
        return BURST;
    }

    /** rte_pktmbuf_alloc_bulk(32) + rte_pktmbuf_free_bulk(32): what a PMD's rx refill and tx completion do. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public int allocFreeBulk()
    {
        final Mbuf[] objs = this.objs;
        if (pool.allocBulk(objs, 0, BURST) == 0)
        {
            return -1;
        }
        Mbuf.freeBulk(objs, 0, BURST);
        return BURST;
    }

    @TearDown(Level.Iteration)
    public void checkLcore()
    {
        if (cacheSize > 0)
        {
            BenchLcore.require(LCORE, "MempoolBench(cacheSize=" + cacheSize + ")");
        }
        if (pool.available() != POOL_SIZE)
        {
            throw new IllegalStateException("mbufs leaked: " + pool.available() + " of " + POOL_SIZE + " available");
        }
    }

    @TearDown(Level.Trial)
    public void closePool()
    {
        pool.close();
    }
}
