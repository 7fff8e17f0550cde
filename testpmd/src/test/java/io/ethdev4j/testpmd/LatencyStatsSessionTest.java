package io.ethdev4j.testpmd;

import io.ethdev4j.test.Await;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --latencystats}: per-packet rx→tx latency in HdrHistograms, shown, per port, cleared. */
class LatencyStatsSessionTest
{
    private static final Pattern BLOCK = Pattern.compile("Latency statistics for (all ports|port \\d+) +#+\n" +
        "  RX-to-TX packets: (\\d+) +min_latency_ns: (\\d+) +avg_latency_ns: (\\d+) +max_latency_ns: (\\d+)\n" +
        "  p50: (\\d+) +p90: (\\d+) +p99: (\\d+) +p99\\.9: (\\d+) +p99\\.99: (\\d+) +max: (\\d+) \\(ns\\)\n");

    /** Each block's numbers: packets, min, avg, max, p50, p90, p99, p99.9, p99.99, max. */
    private static List<long[]> blocks(final String out)
    {
        final List<long[]> list = new ArrayList<>();
        final Matcher m = BLOCK.matcher(out);
        while (m.find())
        {
            final long[] v = new long[10];
            for (int i = 0; i < 10; i++)
            {
                v[i] = Long.parseLong(m.group(i + 2));
            }
            list.add(v);
        }
        return list;
    }

    @Test
    void shouldMeasureShowPerPortAndClear() throws Exception
    {
        final PipedOutputStream in = new PipedOutputStream();
        final PipedInputStream stdin = new PipedInputStream(in, 4096);
        final ByteArrayOutputStream o = new ByteArrayOutputStream();
        final ByteArrayOutputStream e = new ByteArrayOutputStream();
        final int[] rc = {-1};
        final String[] argv = new String[Sessions.EAL.length + 3];
        System.arraycopy(Sessions.EAL, 0, argv, 0, Sessions.EAL.length);
        argv[Sessions.EAL.length] = "--total-num-mbufs=16384";
        argv[Sessions.EAL.length + 1] = "-i";
        argv[Sessions.EAL.length + 2] = "--latencystats=1";
        final Thread t = new Thread(() -> rc[0] = TestPmd.run(argv, stdin,
            new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8)));
        t.start();
        try
        {
            in.write("start\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            // until the forwarding lcore has measured packets (each show takes what the recorders have)
            Await.until("latency samples", 20_000, () ->
            {
                send(in, "show latency\n");
                final List<long[]> b = blocks(o.toString(StandardCharsets.UTF_8));
                return !b.isEmpty() && b.get(b.size() - 1)[0] > 0;
            });
            send(in, "stop\nclear latency\nstart\n");
            Await.until("latency samples after clear", 20_000, () ->
            {
                send(in, "show port latency all\n");
                final List<long[]> b = blocks(o.toString(StandardCharsets.UTF_8));
                return b.size() >= 2 && b.get(b.size() - 1)[0] > 0 && b.get(b.size() - 2)[0] > 0;
            });
            send(in, "stop\nshow latency\nshow port latency all\nclear latency\nshow latency\nquit\n");
            in.close();
            t.join(30_000);
        }
        finally
        {
            in.close();
            t.join(30_000);
        }
        final String out = o.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc[0], e.toString(StandardCharsets.UTF_8));
        assertTrue(out.contains("Latencystats running on lcore 1"), out);
        assertTrue(out.contains("Latency statistics cleared"), out);
        final List<long[]> b = blocks(out);
        final int n = b.size();
        final long[] all = b.get(n - 4);
        final long[] port0 = b.get(n - 3);
        final long[] port1 = b.get(n - 2);
        assertTrue(all[0] > 0, "packets measured: " + out);
        assertEquals(all[0], port0[0] + port1[0], "the ports add up to all: " + out);
        // min <= p50 <= p90 <= p99 <= p99.9 <= p99.99 <= max; avg within [min, max]
        assertTrue(all[1] >= 1 && all[1] <= all[4] && all[4] <= all[5] && all[5] <= all[6] && all[6] <= all[7] &&
            all[7] <= all[8] && all[8] <= all[3] && all[3] == all[9], out);
        assertTrue(all[2] >= all[1] && all[2] <= all[3], out);
        assertEquals(0, b.get(n - 1)[0], "cleared: " + out);
    }

    private static boolean send(final PipedOutputStream in, final String lines)
    {
        try
        {
            in.write(lines.getBytes(StandardCharsets.US_ASCII));
            in.flush();
            return true;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void shouldSayHowToTurnItOn()
    {
        final Sessions s = Sessions.run("show latency\nshow port latency 0\nclear latency\nquit\n", "-i");
        assertEquals(0, s.rc, s.err);
        assertFalse(s.out.contains("Latency statistics for"), s.out);
        assertEquals(3, s.err.split("Latency statistics are off: start testpmd with --latencystats=<lcore_id>", -1)
            .length - 1, s.err);
    }

    @Test
    void shouldRefuseANegativeLcoreAsDpdk()
    {
        final Sessions s = Sessions.run("quit\n", "-i", "--latencystats=-1");
        assertEquals(1, s.rc, s.err);
        assertTrue(s.err.contains("invalid lcore id -1 for latencystats - must be >= 0"), s.err);
    }
}
