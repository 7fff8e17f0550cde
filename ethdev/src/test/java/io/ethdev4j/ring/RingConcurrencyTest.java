package io.ethdev4j.ring;

import io.ethdev4j.eal.LcoreThread;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two lcores hammer an MP/MC ring (both produce and consume) and a cached mempool; every object must come out
 * exactly once. Bounded by {@link Timeout}; no sleeping.
 */
class RingConcurrencyTest
{
    private static final int PER_PRODUCER = 200_000;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldDeliverEveryObjectExactlyOnceThroughAnMpMcRing() throws Exception
    {
        final Ring<Integer> ring = Ring.create("mpmc", 256, 0);
        final Integer[] boxes = new Integer[2 * PER_PRODUCER];
        for (int i = 0; i < boxes.length; i++)
        {
            boxes[i] = i;
        }
        final int[][] seen = new int[2][];
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final java.util.concurrent.atomic.AtomicInteger consumed = new java.util.concurrent.atomic.AtomicInteger();
        final LcoreThread[] threads = new LcoreThread[2];
        for (int t = 0; t < 2; t++)
        {
            final int me = t;
            threads[t] = new LcoreThread(1 + t, "ring-lcore-" + (1 + t), () ->
            {
                final int[] mine = new int[boxes.length];
                int nMine = 0;
                final Integer[] out = new Integer[32];
                int produced = 0;
                int burst = 1;
                while (produced < PER_PRODUCER || consumed.get() < boxes.length)
                {
                    if (produced < PER_PRODUCER)
                    {
                        final int n = Math.min(burst, PER_PRODUCER - produced);
                        final int offset = me * PER_PRODUCER + produced;
                        produced += (burst & 1) == 0 ? ring.enqueueBulk(boxes, offset, n) : ring.enqueueBurst(boxes, offset, n);
                    }
                    final int got = (burst & 2) == 0 ? ring.dequeueBurst(out, 0, burst) : ring.dequeueBulk(out, 0, burst);
                    for (int i = 0; i < got; i++)
                    {
                        mine[nMine++] = out[i];
                    }
                    consumed.addAndGet(got);
                    burst = burst % 32 + 1;
                }
                seen[me] = java.util.Arrays.copyOf(mine, nMine);
            });
            threads[t].setUncaughtExceptionHandler((th, ex) -> failure.set(ex));
        }
        for (final LcoreThread t : threads)
        {
            t.start();
        }
        for (final LcoreThread t : threads)
        {
            t.join();
        }
        assertNull(failure.get());
        final BitSet all = new BitSet(boxes.length);
        int total = 0;
        for (final int[] s : seen)
        {
            for (final int v : s)
            {
                assertFalse(all.get(v), "object " + v + " came out twice");
                all.set(v);
                total++;
            }
        }
        assertEquals(boxes.length, total);
        assertEquals(boxes.length, all.cardinality());
        assertTrue(ring.isEmpty());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldNeverHandOutAnMbufTwiceFromTwoLcoreCaches() throws Exception
    {
        try (MbufPool pool = MbufPool.create("hammer", 1023, 64, 0, 256))
        {
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            // owner[i] is the lcore holding mbuf i (0 = free); a double hand-out shows as a failed CAS
            final java.util.concurrent.atomic.AtomicIntegerArray owner = new java.util.concurrent.atomic.AtomicIntegerArray(pool.size());
            final LcoreThread[] threads = new LcoreThread[2];
            for (int t = 0; t < 2; t++)
            {
                final int lcore = 1 + t;
                threads[t] = new LcoreThread(lcore, "pool-lcore-" + lcore, () ->
                {
                    final Mbuf[] held = new Mbuf[600];
                    int n = 0;
                    for (int iter = 0; iter < 100_000; iter++)
                    {
                        final int want = 1 + iter % 48;
                        if (n + want <= held.length && (iter & 1) == 0 || n == 0)
                        {
                            final int got = (iter & 4) == 0 ? pool.allocBulk(held, n, Math.min(want, held.length - n)) :
                                single(pool, held, n);
                            for (int i = n; i < n + got; i++)
                            {
                                if (!owner.compareAndSet(held[i].index(), 0, lcore))
                                {
                                    throw new AssertionError("mbuf " + held[i].index() + " handed to lcore " + lcore +
                                        " while lcore " + owner.get(held[i].index()) + " holds it");
                                }
                            }
                            n += got;
                        }
                        else
                        {
                            final int k = Math.min(n, want);
                            for (int i = n - k; i < n; i++)
                            {
                                owner.set(held[i].index(), 0);
                            }
                            if ((iter & 8) == 0)
                            {
                                Mbuf.freeBulk(held, n - k, k);
                            }
                            else
                            {
                                for (int i = n - k; i < n; i++)
                                {
                                    held[i].free();
                                }
                            }
                            n -= k;
                        }
                    }
                    for (int i = 0; i < n; i++)
                    {
                        owner.set(held[i].index(), 0);
                    }
                    Mbuf.freeBulk(held, 0, n);
                    pool.flushCache();
                });
                threads[t].setUncaughtExceptionHandler((th, ex) -> failure.set(ex));
            }
            for (final LcoreThread t : threads)
            {
                t.start();
            }
            for (final LcoreThread t : threads)
            {
                t.join();
            }
            assertNull(failure.get(), () -> String.valueOf(failure.get()));
            assertEquals(0, pool.inUse());
            assertEquals(pool.size(), pool.available());
            final Mbuf[] all = new Mbuf[pool.size()];
            assertEquals(pool.size(), pool.getBulk(all, 0, pool.size()), "every mbuf is back exactly once");
            final BitSet idx = new BitSet();
            for (final Mbuf m : all)
            {
                assertFalse(idx.get(m.index()));
                idx.set(m.index());
            }
            pool.putBulk(all, 0, all.length);
        }
    }

    private static int single(final MbufPool pool, final Mbuf[] held, final int n)
    {
        final Mbuf m = pool.alloc();
        if (m == null)
        {
            return 0;
        }
        held[n] = m;
        return 1;
    }
}
