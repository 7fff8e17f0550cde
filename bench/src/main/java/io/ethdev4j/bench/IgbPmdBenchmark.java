package io.ethdev4j.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

import static io.ethdev4j.bench.BenchConfig.ADD_EXPORTS;
import static io.ethdev4j.bench.BenchConfig.ADD_EXPORTS_VALUE;
import static io.ethdev4j.bench.BenchConfig.NATIVE_ACCESS;
import static io.ethdev4j.bench.BenchConfig.PARALLEL_GC;

/**
 * The igb PMD's rx+tx cost per packet on {@code net_igb_sim0,mode=instant} (see {@link SimPmdRxTxBenchmark}).
 * Needs pmd-igb on the runtime class path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ADD_EXPORTS, ADD_EXPORTS_VALUE, NATIVE_ACCESS, PARALLEL_GC})
public class IgbPmdBenchmark extends SimPmdRxTxBenchmark
{
    @Override
    protected String vdev()
    {
        return "net_igb_sim0,mode=instant";
    }

    @Override
    protected String poolName()
    {
        return "bench_igb";
    }
}
