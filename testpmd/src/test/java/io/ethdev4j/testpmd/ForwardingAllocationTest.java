package io.ethdev4j.testpmd;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.LcoreThread;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.testpmd.fwd.FwdEngine;
import io.ethdev4j.testpmd.fwd.FwdEngines;
import io.ethdev4j.testpmd.fwd.FwdParams;
import io.ethdev4j.testpmd.fwd.FwdStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forwarding hot path allocates nothing per packet: measured with the thread's allocated-bytes counter. */
class ForwardingAllocationTest
{
    static final long PACKETS = 1_000_000;

    @ParameterizedTest
    @ValueSource(strings = {"io", "rxonly", "txonly", "mac", "macswap", "flowgen", "icmpecho", "5tswap", "noisy", "csum",
        "noisy+fifo",
        "txonly+segs", "txonly+rand"})
    void shouldAllocateNothingPerPacketWhenForwarding(final String mode) throws Exception
    {
        final com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (Eal eal = Eal.init("--no-huge", "-m", "256", "--no-pci", "--vdev", "net_null0", "--vdev", "net_null1", "-l", "0-1"))
        {
            final MbufPool pool = eal.createPktmbufPool("alloc_test", 8191, 250, 0, 2176);
            final int before = pool.available();
            for (final EthDev d : eal.ports())
            {
                d.configure(1, 1, null);
                d.txQueueSetup(0, 0, null);
                d.rxQueueSetup(0, 0, pool, null);
                d.start();
            }
            final FwdEngine engine = FwdEngines.create(mode.replaceAll("\\+.*", ""));
            final FwdParams params = new FwdParams();
            if (mode.startsWith("txonly+"))
            {
                // set txpkts 14,28,22 (a chain of three mbufs, the headers across the first two); txsplit rand
                params.txSegs = new int[] {14, 28, 22};
                params.txPktLen = 64;
                params.txSplitRand = mode.endsWith("rand");
            }
            if (mode.endsWith("+fifo"))
            {
                // noisy with everything on: a 64-packet FIFO flushed after 1 ms, 1 MB of lookups, 5 per packet
                params.noisyTxSwBufSize = 64;
                params.noisyTxSwBufFlushTimeMs = 1;
                params.noisyLkupMemoryMb = 1;
                params.noisyLkupNumWrites = 2;
                params.noisyLkupNumReads = 2;
                params.noisyLkupNumReadsWrites = 1;
            }
            final FwdStream[] streams = {stream(eal, 0, 1, pool, engine, params),
                stream(eal, 1, 0, pool, engine, params)};
            final long[] result = new long[2];
            final LcoreThread t = new LcoreThread(1, "fwd-alloc-test", () ->
            {
                run(engine, streams, PACKETS);   // warm-up: JIT, lazily made mempool cache
                final long id = Thread.currentThread().getId();
                final long a0 = mx.getThreadAllocatedBytes(id);
                final long n = run(engine, streams, PACKETS);
                result[0] = mx.getThreadAllocatedBytes(id) - a0;
                result[1] = n;
                pool.flushCache();
            });
            t.start();
            t.join(60_000);
            assertTrue(result[1] >= PACKETS, "forwarded " + result[1]);
            final double perPacket = (double)result[0] / result[1];
            assertTrue(perPacket < 0.01, mode + ": " + result[0] + " bytes allocated over " + result[1] + " packets");
            for (final FwdStream fs : streams)
            {
                engine.streamEnd(fs);
            }
            for (final EthDev d : eal.ports())
            {
                d.stop();
            }
            assertEquals(before, pool.available(), "mbufs leaked");
        }
    }

    private static FwdStream stream(final Eal eal, final int rx, final int tx, final MbufPool pool, final FwdEngine e,
        final FwdParams params)
    {
        final FwdStream fs = new FwdStream(rx, 0, tx, 0, 0x020000000000L | tx);
        fs.rx = eal.port(rx).rxQueue(0);
        fs.tx = eal.port(tx).txQueue(0);
        fs.txOnRxPort = eal.port(rx).txQueue(0);
        fs.pool = pool;
        fs.burst = 32;
        fs.pkts = new Mbuf[512];
        fs.txPortMac = eal.port(tx).macAddr().toLong();
        fs.rxPortMac = eal.port(rx).macAddr().toLong();
        e.streamInit(fs, params);
        return fs;
    }

    /** Runs the engine over the streams until {@code packets} have been received or sent; returns that count. */
    private static long run(final FwdEngine e, final FwdStream[] s, final long packets)
    {
        final long start = s[0].rxPackets + s[0].txPackets + s[1].rxPackets + s[1].txPackets;
        long n = 0;
        while (n < packets)
        {
            e.forward(s[0]);
            e.forward(s[1]);
            n = s[0].rxPackets + s[0].txPackets + s[1].rxPackets + s[1].txPackets - start;
        }
        return n;
    }
}
