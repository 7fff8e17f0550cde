package io.ethdev4j.testpmd;

import io.ethdev4j.testpmd.fwd.FwdStream;
import io.ethdev4j.testpmd.fwd.LatencyRxBurst;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --latencystats=<lcore>}: the rx→tx latency of every packet forwarded, in HdrHistograms (control side).
 * <p>
 * DPDK 22.11's testpmd enables lib/latencystats with this option: rx and tx callbacks on every port take one TSC
 * timestamp per burst, and the named lcore publishes min/avg/max/jitter through the metrics library (read with
 * dpdk-proc-info --metrics; testpmd itself has no command to show them). Here every forwarding stream, on whichever
 * lcore, gets a {@link SingleWriterRecorder}: its rx burst notes when it returned packets ({@link LatencyRxBurst}),
 * and the tx burst that sends them records the elapsed time once per packet sent (the value is per burst, as
 * DPDK's). The control thread takes the recorders' intervals into one {@link Histogram} per rx port when asked
 * ({@code show latency}, {@code show port latency}), at stop and at {@code clear latency}; the lcore argument is
 * kept and validated as DPDK's (it names DPDK's publishing lcore, a role nothing needs here). Engines measured:
 * those that send what they received (io, mac, macswap, 5tswap, csum, icmpecho, noisy; noisy's FIFO measured from
 * the last rx burst); txonly/flowgen/rxonly record nothing. Values: 1 ns .. 10 s, 3 significant digits.
 */
public final class LatencyStats
{
    /** Percentiles printed, as in the issue: p50, p90, p99, p99.9, p99.99 (then max). */
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};
    private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p99", "p99.9", "p99.99"};
    private static final int DIGITS = 3;

    private final int lcoreId;
    /** Recorders of the running streams, with their rx port. */
    private final List<Live> live = new ArrayList<>();
    /** Everything taken so far, per rx port. */
    private final Map<Integer, Histogram> byPort = new TreeMap<>();
    /** A running stream's recorder, its rx port and the histogram its last interval came in (to hand back). */
    private static final class Live
    {
        final int rxPort;
        final SingleWriterRecorder recorder;
        Histogram recycle;

        Live(final int rxPort, final SingleWriterRecorder recorder)
        {
            this.rxPort = rxPort;
            this.recorder = recorder;
        }
    }

    public LatencyStats(final int lcoreId)
    {
        this.lcoreId = lcoreId;
    }

    /** The lcore given with {@code --latencystats}. */
    public int lcoreId()
    {
        return lcoreId;
    }

    /** Control thread, before the lcores start: gives {@code fs} a recorder and the timestamping rx burst. */
    public synchronized void attach(final FwdStream fs)
    {
        final SingleWriterRecorder r = new SingleWriterRecorder(1, FwdStream.LATENCY_MAX_NS, DIGITS);
        fs.latency = r;
        fs.rx = new LatencyRxBurst(fs.rx, fs);
        live.add(new Live(fs.rxPort, r));
    }

    /** Control thread, after the lcores were joined: takes the last intervals and forgets the recorders. */
    public synchronized void detachAll()
    {
        collect();
        live.clear();
    }

    /** {@code clear latency}: forgets everything recorded so far. */
    public synchronized void clear()
    {
        collect();
        byPort.clear();
    }

    private void collect()
    {
        for (final Live l : live)
        {
            final Histogram h = l.recorder.getIntervalHistogram(l.recycle);
            byPort.computeIfAbsent(l.rxPort, p -> new Histogram(1, FwdStream.LATENCY_MAX_NS, DIGITS)).add(h);
            l.recycle = h;
        }
    }

    /** {@code show latency}: all ports together. */
    public synchronized void showAll(final PrintStream out)
    {
        collect();
        final Histogram all = new Histogram(1, FwdStream.LATENCY_MAX_NS, DIGITS);
        for (final Histogram h : byPort.values())
        {
            all.add(h);
        }
        print(out, "Latency statistics for all ports", all);
    }

    /** {@code show port latency (port_id|all)}: one block per rx port ({@code port} -1: every port seen). */
    public synchronized void showPorts(final PrintStream out, final List<Integer> ports)
    {
        collect();
        for (final int p : ports)
        {
            final Histogram h = byPort.get(p);
            print(out, "Latency statistics for port " + p + " ", h != null ? h : new Histogram(1, 2, 1));
        }
    }

    private static void print(final PrintStream out, final String title, final Histogram h)
    {
        final long n = h.getTotalCount();
        out.printf("%n  ######################## %s ########################%n", title);
        out.printf("  RX-to-TX packets: %-12d min_latency_ns: %-10d avg_latency_ns: %-10d max_latency_ns: %d%n", n,
            n == 0 ? 0 : h.getMinValue(), n == 0 ? 0 : Math.round(h.getMean()), n == 0 ? 0 : h.getMaxValue());
        final StringBuilder sb = new StringBuilder(" ");
        for (int i = 0; i < PERCENTILES.length; i++)
        {
            sb.append(String.format(" %s: %-9d", PERCENTILE_NAMES[i], n == 0 ? 0 : h.getValueAtPercentile(PERCENTILES[i])));
        }
        sb.append(String.format(" max: %d (ns)", n == 0 ? 0 : h.getMaxValue()));
        out.println(sb);
        out.println("  " + "#".repeat(50 + title.length()));
    }
}
