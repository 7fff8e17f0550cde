package io.ethdev4j.testpmd.guard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guard, not a timing test: the burst paths ({@link BurstPaths}) allocate nothing per packet. The thread's
 * allocated-bytes counter (HotSpot's, exact to the TLAB refill) is read around many bursts after a warm-up that
 * lets the JIT compile them; the bytes per packet must be about 0. A path that allocates one small array per packet
 * must fail the same check.
 */
class AllocationGuardTest
{
    private static final int WARMUP_BURSTS = 60_000;
    private static final int MEASURED_BURSTS = 60_000;
    /** Bytes per packet allowed: a few stray bytes over millions of packets (a JIT deoptimisation, a TLAB). */
    static final double MAX_BYTES_PER_PACKET = 0.01;

    /** Bytes allocated per packet moved by the named path, after warm-up. */
    static double bytesPerPacket(final String path)
    {
        final com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (BurstPaths p = BurstPaths.open(path))
        {
            p.run(WARMUP_BURSTS);
            final long id = Thread.currentThread().getId();
            final long a0 = mx.getThreadAllocatedBytes(id);
            final long packets = p.run(MEASURED_BURSTS);
            final long bytes = mx.getThreadAllocatedBytes(id) - a0;
            assertTrue(packets >= MEASURED_BURSTS, path + ": only " + packets + " packets moved");
            return (double)bytes / packets;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "ring", "igb", "io", "mac", "macswap", "txonly", "io+latency"}) // BurstPaths.GOOD
    void shouldAllocateNothingPerPacket(final String path)
    {
        final double b = bytesPerPacket(path);
        assertTrue(b < MAX_BYTES_PER_PACKET, path + ": " + b + " bytes allocated per packet");
    }

    @Test
    void shouldCatchAPathThatAllocatesPerPacket()
    {
        final double b = bytesPerPacket("bad-alloc");
        // one long[2] (32 bytes) per packet sent on one of the two ports: about 8 bytes per packet moved
        assertTrue(b >= 4, "the guard missed a per-packet allocation: " + b + " bytes per packet");
    }
}
