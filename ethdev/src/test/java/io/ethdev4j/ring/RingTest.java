package io.ethdev4j.ring;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RingTest
{
    private static Integer[] seq(final int from, final int n)
    {
        final Integer[] a = new Integer[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = from + i;
        }
        return a;
    }

    @ParameterizedTest(name = "flags 0x{0}")
    @ValueSource(ints = {0, Ring.F_SP_ENQ, Ring.F_SC_DEQ, Ring.F_SP_ENQ | Ring.F_SC_DEQ})
    void shouldHoldSizeMinusOneAndKeepFifoOrder(final int flags)
    {
        final Ring<Integer> r = Ring.create("r", 8, flags);
        assertEquals(8, r.size());
        assertEquals(7, r.capacity());
        assertEquals((flags & Ring.F_SP_ENQ) != 0, r.isSingleProducer());
        assertEquals((flags & Ring.F_SC_DEQ) != 0, r.isSingleConsumer());
        assertTrue(r.isEmpty());
        assertEquals(7, r.enqueueBurst(seq(0, 10), 0, 10), "burst takes what fits");
        assertTrue(r.isFull());
        assertEquals(0, r.freeCount());
        assertEquals(-Errno.ENOBUFS, r.enqueue(99));
        final Integer[] out = new Integer[10];
        assertEquals(7, r.dequeueBurst(out, 0, 10));
        assertArrayEquals(seq(0, 7), java.util.Arrays.copyOf(out, 7));
        assertNull(r.dequeue(), "empty ring: null (-ENOENT in C)");
        assertEquals(0, r.enqueue(5));
        assertEquals(5, r.dequeue());
    }

    @Test
    void shouldMoveAllOrNothingInBulk()
    {
        final Ring<Integer> r = Ring.create("bulk", 16, 0);
        assertEquals(10, r.enqueueBulk(seq(0, 10), 0, 10));
        assertEquals(0, r.enqueueBulk(seq(10, 6), 0, 6), "6 do not fit in 5 free slots");
        assertEquals(10, r.count());
        assertEquals(5, r.enqueueBulk(seq(10, 5), 0, 5));
        final Integer[] out = new Integer[16];
        assertEquals(0, r.dequeueBulk(out, 0, 16), "16 are not there");
        assertNull(out[0], "a failed bulk dequeue writes nothing");
        assertEquals(15, r.count());
        assertEquals(15, r.dequeueBulk(out, 0, 15));
        assertArrayEquals(seq(0, 15), java.util.Arrays.copyOf(out, 15));
        assertEquals(0, r.dequeueBurst(out, 0, 4));
        assertEquals(0, r.enqueueBulk(seq(0, 0), 0, 0));
    }

    @Test
    void shouldOfferEveryExplicitVariant()
    {
        final Ring<Integer> r = Ring.create("variants", 16, Ring.F_SP_ENQ | Ring.F_SC_DEQ);
        final Integer[] out = new Integer[8];
        assertEquals(2, r.mpEnqueueBulk(seq(0, 2), 0, 2));
        assertEquals(2, r.spEnqueueBulk(seq(2, 2), 0, 2));
        assertEquals(2, r.mpEnqueueBurst(seq(4, 2), 0, 2));
        assertEquals(2, r.spEnqueueBurst(seq(6, 2), 0, 2));
        assertEquals(2, r.mcDequeueBulk(out, 0, 2));
        assertEquals(2, r.scDequeueBulk(out, 2, 2));
        assertEquals(2, r.mcDequeueBurst(out, 4, 2));
        assertEquals(2, r.scDequeueBurst(out, 6, 5));
        assertArrayEquals(seq(0, 8), out);
    }

    @Test
    void shouldHoldExactlyCountWithExactSize()
    {
        final Ring<Integer> r = Ring.create("exact", 1000, Ring.F_EXACT_SZ);
        assertEquals(1000, r.capacity());
        assertEquals(1024, r.size());
        assertEquals(1000, r.enqueueBurst(seq(0, 1024), 0, 1024));
        assertEquals(1000, r.count());
        assertEquals(-Errno.ENOBUFS, r.enqueue(1));
        final Ring<Integer> pow = Ring.create("exactpow", 8, Ring.F_EXACT_SZ);
        assertEquals(8, pow.capacity(), "exact size of a power of two holds all of it");
        assertEquals(16, pow.size());
        final Ring<Integer> one = Ring.create("one", 1, Ring.F_EXACT_SZ);
        assertEquals(1, one.capacity());
        assertEquals(0, one.enqueue(7));
        assertEquals(-Errno.ENOBUFS, one.enqueue(8));
    }

    @Test
    void shouldWrapAroundAndHonourOffsets()
    {
        final Ring<Integer> r = Ring.create("wrap", 8, Ring.F_SP_ENQ | Ring.F_SC_DEQ);
        final Integer[] out = new Integer[20];
        int next = 0;
        int expect = 0;
        for (int round = 0; round < 1000; round++)
        {
            final int n = 1 + round % 7;
            final Integer[] in = new Integer[n + 3];
            for (int i = 0; i < n; i++)
            {
                in[3 + i] = next++;
            }
            assertEquals(n, r.enqueueBulk(in, 3, n));
            assertEquals(n, r.count());
            assertEquals(n, r.dequeueBulk(out, 5, n));
            for (int i = 0; i < n; i++)
            {
                assertEquals(expect++, out[5 + i]);
            }
        }
        assertTrue(r.isEmpty());
    }

    @Test
    void shouldKeepCountsRightWhenIndicesOverflow()
    {
        final Ring<Integer> r = Ring.create("overflow", 4, 0);
        final Integer[] buf = seq(0, 3);
        // 2^32 / 3 rounds would take too long; instead rely on free-running ints: run past 2^31 quickly is not
        // possible, so check many wraps of the mask with all variants interleaved
        for (int i = 0; i < 100_000; i++)
        {
            assertEquals(3, r.enqueueBurst(buf, 0, 3));
            assertEquals(3, r.count());
            assertEquals(3, r.dequeueBurst(buf, 0, 3));
            assertEquals(0, r.count());
        }
    }

    @Test
    void shouldRejectBadArgumentsWithEinval()
    {
        assertBad(Errno.EINVAL, "count must be a power of two", () -> Ring.create("x", 6, 0));
        assertBad(Errno.EINVAL, "count must be a power of two", () -> Ring.create("x", 1, 0));
        assertBad(Errno.EINVAL, "count must be a power of two", () -> Ring.create("x", 0, 0));
        assertBad(Errno.EINVAL, "count must be a power of two", () -> Ring.create("x", Ring.MAX_SIZE * 2, 0));
        assertBad(Errno.EINVAL, "count must be in", () -> Ring.create("x", 0, Ring.F_EXACT_SZ));
        assertBad(Errno.EINVAL, "count must be in", () -> Ring.create("x", -5, Ring.F_EXACT_SZ));
        assertBad(Errno.EINVAL, "name", () -> Ring.create("", 8, 0));
        assertBad(Errno.EINVAL, "name", () -> Ring.create(null, 8, 0));
        assertBad(Errno.EINVAL, "name", () -> Ring.create("x".repeat(Ring.NAMESIZE + 1), 8, 0));
        Ring.create("x".repeat(Ring.NAMESIZE), 8, 0);
        assertBad(Errno.EINVAL, "unknown flag bits 0x80", () -> Ring.create("x", 8, 0x80));
        assertBad(Errno.ENOTSUP, "RTS/HTS", () -> Ring.create("x", 8, Ring.F_MP_RTS_ENQ));
    }

    private static void assertBad(final int errno, final String text, final org.junit.jupiter.api.function.Executable call)
    {
        final EthDevException ex = assertThrows(EthDevException.class, call);
        assertEquals(errno, ex.errno(), ex.getMessage());
        assertTrue(ex.getMessage().startsWith("ringCreate(name="), ex.getMessage());
        assertTrue(ex.getMessage().contains(text), ex.getMessage());
    }
}
