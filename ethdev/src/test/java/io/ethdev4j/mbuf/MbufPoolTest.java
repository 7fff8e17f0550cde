package io.ethdev4j.mbuf;

import io.ethdev4j.eal.LcoreThread;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

class MbufPoolTest
{
    private static final AtomicInteger SEQ = new AtomicInteger();

    private static String name()
    {
        return "mpt" + SEQ.incrementAndGet();
    }

    /** Runs {@code body} on an lcore thread (which has a mempool cache) and rethrows what it threw. */
    private static void onLcore(final int lcore, final Executable body) throws Throwable
    {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final LcoreThread t = new LcoreThread(lcore, "test-lcore-" + lcore, () ->
        {
            try
            {
                body.execute();
            }
            catch (final Throwable ex)
            {
                failure.set(ex);
            }
        });
        t.start();
        t.join(10_000);
        assertFalse(t.isAlive(), "lcore body did not finish");
        if (failure.get() != null)
        {
            throw failure.get();
        }
    }

    @Test
    void shouldUseDpdkDefaults()
    {
        try (MbufPool p = MbufPool.create(name(), 511))
        {
            assertEquals(2176, p.dataRoomSize(), "RTE_MBUF_DEFAULT_BUF_SIZE");
            assertEquals(2176, MbufDescriptor.DEFAULT_BUF_SIZE);
            assertEquals(0, p.privSize());
            assertEquals(2304, p.elementSize(), "align64(128 + 0 + 2176)");
            assertEquals(511, p.size());
            assertEquals(511, p.available());
            assertEquals(0, p.inUse());
            assertTrue(p.isFull());
            final Mbuf m = p.alloc();
            assertEquals(128, m.dataOff(), "RTE_PKTMBUF_HEADROOM");
            assertEquals(2176, m.bufLen());
            assertEquals(0, m.pktLen());
            assertEquals(0, m.dataLen());
            assertEquals(1, m.nbSegs());
            assertEquals(1, m.refcnt());
            assertEquals(0xFFFF, m.port());
            assertEquals(0, m.olFlags());
            assertNull(m.next());
            assertEquals(2048, m.tailroom());
            assertEquals(m.address() + 128, m.bufAddr(), "the buffer follows the header");
            assertEquals(m.bufAddr(), m.bufIova(), "IOVA = VA");
            assertSame(p, m.pool());
            assertSame(m, Mbuf.fromAddress(m.address()));
            assertSame(p, MbufPool.ofAddress(m.address()));
            assertSame(p, MbufPool.lookup(p.name()));
            assertEquals(1, p.inUse());
            m.free();
            assertEquals(0, p.inUse());
        }
    }

    @Test
    void shouldPlacePrivateAreaBetweenHeaderAndBuffer()
    {
        try (MbufPool p = MbufPool.create(name(), 15, 0, 64, 1000))
        {
            final Mbuf m = p.alloc();
            assertEquals(64, p.privSize());
            assertEquals(m.address() + 128, m.privAddress());
            assertEquals(m.address() + 128 + 64, m.bufAddr());
            assertEquals(align64(128 + 64 + 1000), p.elementSize());
            assertEquals(p.baseAddress() + (long)m.index() * p.elementSize(), m.address());
            m.free();
        }
    }

    private static int align64(final int v)
    {
        return (v + 63) & ~63;
    }

    @Test
    void shouldReturnZeroOrNullWhenExhaustedWithoutThrowing()
    {
        try (MbufPool p = MbufPool.create(name(), 10, 0, 0, 256))
        {
            final Mbuf[] all = new Mbuf[11];
            assertEquals(0, p.allocBulk(all, 0, 11), "bulk is all or nothing");
            assertEquals(0, p.inUse());
            assertEquals(10, p.allocBulk(all, 0, 10));
            assertNull(p.alloc());
            assertEquals(0, p.getBulk(all, 10, 1));
            assertEquals(10, p.inUse());
            assertEquals(0, p.available());
            Mbuf.freeBulk(all, 0, 10);
            assertEquals(10, p.available());
        }
    }

    @Test
    void shouldRefillTheCacheWithSizePlusRequestFromTheRing() throws Throwable
    {
        try (MbufPool p = MbufPool.create(name(), 64, 8, 0, 256))
        {
            final Mbuf[] lc = new Mbuf[64];
            onLcore(1, () -> assertEquals(1, p.getBulk(lc, 0, 1)));
            // lcore 1's cache now holds 8 (it took 1 + 8 from the ring); a thread without cache sees 55
            final Mbuf[] other = new Mbuf[64];
            assertEquals(0, p.getBulk(other, 0, 56), "objects in another lcore's cache are invisible");
            assertEquals(55, p.getBulk(other, 0, 55));
            assertEquals(8, p.available(), "available counts the cache");
            assertEquals(56, p.inUse());
            onLcore(1, () ->
            {
                assertEquals(0, p.getBulk(lc, 1, 9), "cache 8 + ring 0 < 9: all or nothing");
                assertEquals(8, p.getBulk(lc, 1, 8), "served from the cache");
            });
            assertEquals(0, p.available());
            p.putBulk(other, 0, 55);
            onLcore(1, () -> p.putBulk(lc, 0, 9));
            assertEquals(64, p.available());
        }
    }

    @Test
    void shouldRefillBySizePlusOneForASingleAlloc() throws Throwable
    {
        try (MbufPool p = MbufPool.create(name(), 64, 8, 0, 256))
        {
            final Mbuf[] held = new Mbuf[1];
            onLcore(1, () -> held[0] = p.alloc());
            final Mbuf[] other = new Mbuf[64];
            assertEquals(0, p.getBulk(other, 0, 56), "alloc took cache size + 1 = 9 from the ring");
            assertEquals(55, p.getBulk(other, 0, 55));
            p.putBulk(other, 0, 55);
            onLcore(1, () ->
            {
                held[0].free();
                p.flushCache();
            });
            assertEquals(64, p.getBulk(other, 0, 64), "flushCache returns the cache to the ring");
            p.putBulk(other, 0, 64);
        }
    }

    @Test
    void shouldFollowDpdkPutRules() throws Throwable
    {
        try (MbufPool p = MbufPool.create(name(), 64, 8, 0, 256))
        {
            final Mbuf[] objs = new Mbuf[64];
            final Mbuf[] other = new Mbuf[64];
            assertEquals(64, p.getBulk(objs, 0, 64));
            // more than flushthresh (12) goes straight to the ring
            onLcore(1, () -> p.putBulk(objs, 0, 13));
            assertEquals(13, p.getBulk(other, 0, 13));
            assertEquals(0, p.getBulk(other, 13, 1));
            p.putBulk(other, 0, 13);
            assertEquals(13, p.getBulk(objs, 0, 13));
            // up to the threshold stays in the cache
            onLcore(1, () -> p.putBulk(objs, 0, 12));
            assertEquals(0, p.getBulk(other, 0, 1), "all 12 are cached, the ring is empty");
            // 12 + 1 > 12: flush the whole cache first, then cache the new one
            onLcore(1, () -> p.putBulk(objs, 12, 1));
            assertEquals(12, p.getBulk(other, 0, 12), "the flushed cache");
            assertEquals(0, p.getBulk(other, 12, 1), "the last put is cached");
            onLcore(1, p::flushCache);
            p.putBulk(other, 0, 12);
            p.putBulk(objs, 13, 51);
            assertEquals(64, p.available());
            assertEquals(64, p.getBulk(objs, 0, 64), "every object came back");
            p.putBulk(objs, 0, 64);
        }
    }

    @Test
    void shouldServeTheCacheLastInFirstOut() throws Throwable
    {
        try (MbufPool p = MbufPool.create(name(), 64, 8, 0, 256))
        {
            onLcore(1, () ->
            {
                final Mbuf[] a = new Mbuf[3];
                assertEquals(3, p.getBulk(a, 0, 3));
                p.putBulk(a, 0, 3);
                final Mbuf[] b = new Mbuf[3];
                assertEquals(3, p.getBulk(b, 0, 3));
                // the objects just put (the top of the LIFO stack) come out first; their order within one bulk is
                // not part of the contract (DPDK reverses it, we copy the top of the stack in one arraycopy)
                assertEquals(java.util.Set.of(a[0], a[1], a[2]), java.util.Set.of(b[0], b[1], b[2]),
                    "the last objects put come out first");
                p.putBulk(b, 0, 3);
                p.flushCache();
            });
            assertEquals(64, p.available());
        }
    }

    @Test
    void shouldRejectBadArgumentsWithClearEinval()
    {
        assertBad(Errno.EINVAL, "n must be in", () -> MbufPool.create(name(), 0, 0, 0, 2176));
        assertBad(Errno.EINVAL, "cache size", () -> MbufPool.create(name(), 1023, 513, 0, 2176));
        assertBad(Errno.EINVAL, "cache size", () -> MbufPool.create(name(), 100, 68, 0, 2176));
        assertBad(Errno.EINVAL, "cache size", () -> MbufPool.create(name(), 100, -1, 0, 2176));
        assertBad(Errno.EINVAL, "priv size", () -> MbufPool.create(name(), 100, 0, 7, 2176));
        assertBad(Errno.EINVAL, "data room", () -> MbufPool.create(name(), 100, 0, 0, 70000));
        assertBad(Errno.EINVAL, "name", () -> MbufPool.create("x".repeat(MbufPool.NAMESIZE + 1), 100, 0, 0, 2176));
        assertBad(Errno.EINVAL, "name", () -> MbufPool.create("", 100, 0, 0, 2176));
        try (MbufPool p = MbufPool.create("dup_name", 15, 0, 0, 256))
        {
            assertBad(Errno.EEXIST, "already exists", () -> MbufPool.create("dup_name", 15, 0, 0, 256));
            assertNotNull(p);
        }
        MbufPool.create("dup_name", 15, 0, 0, 256).close();
    }

    private static void assertBad(final int errno, final String text, final Executable call)
    {
        final EthDevException ex = assertThrows(EthDevException.class, call);
        assertEquals(errno, ex.errno(), ex.getMessage());
        assertTrue(ex.getMessage().startsWith("mbufPoolCreate(name="), ex.getMessage());
        assertTrue(ex.getMessage().contains(text), ex.getMessage());
    }

    @Test
    void shouldForgetAClosedPool()
    {
        final MbufPool p = MbufPool.create(name(), 15, 0, 0, 256);
        final String n = p.name();
        p.close();
        p.close();
        assertTrue(p.isClosed());
        assertNull(MbufPool.lookup(n));
    }
}
