package io.ethdev4j.bench;

import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * The igb PMD's own rx+tx cost per packet: an io-forwarding loop (rx a burst of 32, tx it back) on one igb port
 * whose device is the in-process simulator in instant mode ({@code --vdev net_igb_sim0,mode=instant}): every
 * descriptor handed over by an RDT write comes back written (DD|EOP, 60 bytes) at once, every TDT write completes
 * the new tx descriptors at once. What is measured is descriptor parsing, mbuf refill in batches, tx descriptor
 * writes and batch cleanup, plus the simulator's doorbell handling. One operation is one packet; run with
 * {@code -prof gc} for {@code gc.alloc.rate.norm} (expected ≈ 0 B/op). Needs pmd-igb on the runtime class path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ADD_EXPORTS, ADD_EXPORTS_VALUE, NATIVE_ACCESS, PARALLEL_GC})
public class IgbPmdBenchmark
{
    private static final int RING = 512;

    private BenchPort bp;
    private RxBurst rx;
    private TxBurst tx;
    private final Mbuf[] pkts = new Mbuf[BURST];

    @Setup(Level.Trial)
    public void startPort()
    {
        bp = new BenchPort("net_igb_sim0,mode=instant", "bench_igb", RING);
        rx = bp.rx;
        tx = bp.tx;
    }

    @Setup(Level.Iteration)
    public void becomeLcore()
    {
        BenchLcore.ensure(bp.lcore);
    }

    @TearDown(Level.Trial)
    public void close()
    {
        bp.close();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int rxTx()
    {
        final int n = rx.rxBurst(pkts, 0, BURST);
        int sent = 0;
        while (sent < n)
        {
            sent += tx.txBurst(pkts, sent, n - sent);
        }
        return n;
    }
}
