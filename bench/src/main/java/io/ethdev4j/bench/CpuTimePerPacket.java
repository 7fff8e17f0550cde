package io.ethdev4j.bench;

import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import static io.ethdev4j.bench.BenchConfig.BURST;

/**
 * The rx→tx loop of {@link IgbPmdBenchmark} (or {@link NullPortBench}) timed by the thread's CPU time instead of the
 * wall clock: on a machine shared with other work, time the thread spent descheduled is not counted, which JMH's
 * average time cannot exclude. Cache pollution by the other work still counts. Prints the median and the minimum
 * of {@code windows} windows, in ns of CPU time per packet and in cycles at the given TSC frequency.
 * <pre>
 *   java -XX:+UseParallelGC --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
 *     -cp bench/target/benchmarks.jar io.ethdev4j.bench.CpuTimePerPacket net_igb_sim0,mode=instant [windows] [tscMhz]
 * </pre>
 * Output (one line): {@code cpu_ns_per_packet median=<ns> min=<ns> cycles median=<c> min=<c> windows=<n>}.
 */
public final class CpuTimePerPacket
{
    private static final long WARMUP_BURSTS = 3_000_000;
    private static final long WINDOW_BURSTS = 500_000;

    private CpuTimePerPacket()
    {
    }

    public static void main(final String[] args)
    {
        final String vdev = args.length > 0 ? args[0] : "net_igb_sim0,mode=instant";
        final int windows = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        final double tscMhz = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        final double[] nsPerPacket = new double[windows];
        try (BenchPort bp = new BenchPort(vdev, "cpu_time", 512))
        {
            BenchLcore.ensure(bp.lcore);
            final Mbuf[] pkts = new Mbuf[BURST];
            run(bp.rx, bp.tx, pkts, WARMUP_BURSTS);
            for (int w = 0; w < windows; w++)
            {
                final long t0 = mx.getCurrentThreadCpuTime();
                final long packets = run(bp.rx, bp.tx, pkts, WINDOW_BURSTS);
                nsPerPacket[w] = (double)(mx.getCurrentThreadCpuTime() - t0) / packets;
            }
        }
        Arrays.sort(nsPerPacket);
        final double median = nsPerPacket[windows / 2];
        final double min = nsPerPacket[0];
        System.out.printf("cpu_ns_per_packet median=%.2f min=%.2f cycles median=%.1f min=%.1f windows=%d%n", median,
            min, median * tscMhz / 1000, min * tscMhz / 1000, windows);
    }

    private static long run(final RxBurst rx, final TxBurst tx, final Mbuf[] pkts, final long bursts)
    {
        long packets = 0;
        for (long b = 0; b < bursts; b++)
        {
            final int n = rx.rxBurst(pkts, 0, BURST);
            int sent = 0;
            while (sent < n)
            {
                sent += tx.txBurst(pkts, sent, n - sent);
            }
            packets += n;
        }
        return packets;
    }
}
