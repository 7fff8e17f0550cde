package io.ethdev4j.bench;

import io.ethdev4j.ring.Ring;
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
 * Ring enqueue + dequeue on one thread, as ring_perf_autotest's single-lcore tests: a 4096-slot ring,
 * SP/SC ({@code F_SP_ENQ | F_SC_DEQ}) or MP/MC (no flag: CAS on the heads), bursts of
 * {@value BenchConfig#BURST} or single objects.
 * <p>
 * One operation is one object enqueued and dequeued; ring_perf_autotest prints cycles per enqueue+dequeue
 * <em>call pair</em>, so its burst figure divided by 32 is the comparable number.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ADD_EXPORTS, ADD_EXPORTS_VALUE, NATIVE_ACCESS, PARALLEL_GC})
public class RingBench
{
    /** ring_perf_autotest's RING_SIZE. */
    private static final int RING_SIZE = 4096;

    @Param({"SP_SC", "MP_MC"})
    public String sync;

    private Ring<Object> ring;
    private final Object[] burst = new Object[BURST];
    private final Object one = new Object();

    @Setup(Level.Trial)
    public void createRing()
    {
        final int flags = "SP_SC".equals(sync) ? Ring.F_SP_ENQ | Ring.F_SC_DEQ : 0;
        ring = Ring.create("bench_ring", RING_SIZE, flags);
        for (int i = 0; i < BURST; i++)
        {
            burst[i] = new Object();
        }
    }

    /** rte_ring_enqueue_burst(32) + rte_ring_dequeue_burst(32). */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public int burst()
    {
        final Object[] objs = this.burst;
        ring.enqueueBurst(objs, 0, BURST);
        return ring.dequeueBurst(objs, 0, BURST);
    }

    /** rte_ring_enqueue_bulk(32) + rte_ring_dequeue_bulk(32). */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public int bulk()
    {
        final Object[] objs = this.burst;
        ring.enqueueBulk(objs, 0, BURST);
        return ring.dequeueBulk(objs, 0, BURST);
    }

    /** rte_ring_enqueue + rte_ring_dequeue of one object. */
    @Benchmark
    public Object single()
    {
        ring.enqueue(one);
        return ring.dequeue();
    }

    @TearDown(Level.Iteration)
    public void checkEmpty()
    {
        if (!ring.isEmpty())
        {
            throw new IllegalStateException("ring not empty after an iteration: " + ring.count());
        }
    }
}
