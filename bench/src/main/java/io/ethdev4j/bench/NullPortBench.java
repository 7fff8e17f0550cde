package io.ethdev4j.bench;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
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
@Fork(value = 1, jvmArgsAppend = {ADD_EXPORTS, ADD_EXPORTS_VALUE, NATIVE_ACCESS})
public class NullPortBench
{
    /** testpmd's defaults: 8192 mbufs would do; --mbcache=250. */
    private static final int NB_MBUF = 8191;
    private static final int MBUF_CACHE = 250;
    private static final int QUEUE = 0;

    private Eal eal;
    private EthDev port;
    private MbufPool pool;
    private RxBurst rx;
    private TxBurst tx;
    private int lcore;
    private final Mbuf[] pkts = new Mbuf[BURST];

    @Setup(Level.Trial)
    public void startPort()
    {
        // Runs on the JMH worker thread: init makes it the main lcore, so the pool cache is used.
        eal = Eal.init("--no-huge", "--vdev", "net_null0");
        lcore = eal.mainLcore();
        port = eal.port(0);
        port.configure(1, 1, new EthConf());
        pool = eal.createPktmbufPool("bench_null", NB_MBUF, MBUF_CACHE, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        port.rxQueueSetup(QUEUE, 0, pool, new QueueConf());
        port.txQueueSetup(QUEUE, 0, new QueueConf());
        port.start();
        rx = port.rxQueue(QUEUE);
        tx = port.txQueue(QUEUE);
    }

    @Setup(Level.Iteration)
    public void becomeLcore()
    {
        BenchLcore.ensure(lcore);
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
        BenchLcore.require(lcore, "NullPortBench");
        if (port.stats().opackets == 0)
        {
            throw new IllegalStateException("net_null transmitted nothing");
        }
    }

    @TearDown(Level.Trial)
    public void stopPort()
    {
        port.stop();
        final int available = pool.available();
        eal.close();
        if (available != NB_MBUF)
        {
            throw new IllegalStateException("mbufs leaked: " + available + " of " + NB_MBUF + " available");
        }
    }
}
