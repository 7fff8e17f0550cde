package io.ethdev4j.bench;

import io.ethdev4j.ethdev.EthDev;
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
 * An io-forwarding loop on one net_null port (testpmd {@code --forward-mode=io} on {@code --vdev net_null0}):
 * rx a burst of 32 fresh 64-byte mbufs, tx them back (net_null frees them). One operation is one packet.
 * <p>
 * {@link #rxTx()} calls the burst functions fetched once after start, as a forwarding engine does;
 * {@link #rxTxViaPort()} goes through {@link EthDev#rxBurst}/{@link EthDev#txBurst} (rte_eth_rx_burst).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ADD_EXPORTS, ADD_EXPORTS_VALUE, NATIVE_ACCESS, PARALLEL_GC})
public class NullPortBench
{
    private static final int QUEUE = 0;

    private BenchPort bp;
    private EthDev port;
    private RxBurst rx;
    private TxBurst tx;
    private final Mbuf[] pkts = new Mbuf[BURST];

    @Setup(Level.Trial)
    public void startPort()
    {
        bp = new BenchPort("net_null0", "bench_null", 0);
        port = bp.port;
        rx = bp.rx;
        tx = bp.tx;
    }

    @Setup(Level.Iteration)
    public void becomeLcore()
    {
        BenchLcore.ensure(bp.lcore);
    }

    /** The forwarding engine's loop body: burst functions called directly. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public int rxTx()
    {
        final Mbuf[] pkts = this.pkts;
        final int n = rx.rxBurst(pkts, 0, BURST);
        final int sent = tx.txBurst(pkts, 0, n);
        if (sent < n)
        {
            Mbuf.freeBulk(pkts, sent, n - sent);
        }
        return sent;
    }

    /** The same through the port object (queue id check + array load per call). */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public int rxTxViaPort()
    {
        final Mbuf[] pkts = this.pkts;
        final int n = port.rxBurst(QUEUE, pkts, 0, BURST);
        final int sent = port.txBurst(QUEUE, pkts, 0, n);
        if (sent < n)
        {
            Mbuf.freeBulk(pkts, sent, n - sent);
        }
        return sent;
    }

    @TearDown(Level.Iteration)
    public void check()
    {
        BenchLcore.require(bp.lcore, "NullPortBench");
        if (port.stats().opackets == 0)
        {
            throw new IllegalStateException("net_null transmitted nothing");
        }
    }

    @TearDown(Level.Trial)
    public void stopPort()
    {
        bp.close();
    }
}
