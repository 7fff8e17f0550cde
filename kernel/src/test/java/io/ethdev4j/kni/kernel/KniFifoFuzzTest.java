package io.ethdev4j.kni.kernel;

import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.kernel.datapath.KniDeviceStats;
import io.ethdev4j.kni.kernel.datapath.MutableMempoolRegistry;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Proc;
import io.ethdev4j.test.TestKniApp;
import io.ethdev4j.test.TestMbufPool;
import io.ethdev4j.test.TestMemory;
import io.ethdev4j.test.TestNetns;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static io.ethdev4j.kni.abi.KniFifoDescriptor.READ_OFFSET;
import static io.ethdev4j.kni.abi.KniFifoDescriptor.WRITE_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Fuzz: the application writes random and hostile entries into rx_q and alloc_q, and garbage into the FIFO index bits
 * it owns, while the kernel also sends frames into the KNI (so alloc_q entries are consumed): wild addresses, huge
 * lengths, misaligned headers, another (unregistered) pool's mbufs, buffers pointing elsewhere, loops and wild links
 * in mbuf chains, nb_segs 0 or huge — mixed with good frames and good chains.
 * <p>
 * The kernel side must count and drop every bad entry, never follow it (a write through a wild address would crash
 * the JVM), keep its thread alive and the interface working, hand back on free_q only mbufs of the registered pool
 * and each at most once ({@link TestMbufPool#free} fails on a double or foreign free), and leave nothing leaked.
 * <p>
 * Bounded: {@value #ROUNDS} rounds or 20 s per lo_mode. The seed is fixed ({@code -Dkni.fuzz.seed=} to change it) and
 * printed with any failure.
 */
class KniFifoFuzzTest
{
    static final long SEED = Long.decode(System.getProperty("kni.fuzz.seed", "0x4b4e49f022"));
    static final int ROUNDS = 1500;
    private static final long TIME_LIMIT_NS = TimeUnit.SECONDS.toNanos(20);

    private TestNetns ns;
    private TestMemory memory;
    private TestMbufPool pool;
    private TestMbufPool foreign;
    private KniKernel kernel;
    private TestKniApp app;
    private final List<Long> keptByTest = new ArrayList<>();
    private final List<Long> foreignOut = new ArrayList<>();
    /** Hostile alloc_q entries that are not an element of the registered pool: never freed into it. */
    private final java.util.Set<Long> neverFree = new java.util.HashSet<>();

    @BeforeEach
    void setUp()
    {
        NetAdmin.require();
        ns = new TestNetns();
        ns.exec("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        memory = new TestMemory(64L << 20);
        pool = new TestMbufPool(memory, 1, 8192);
        foreign = new TestMbufPool(memory, 2, 2048);
    }

    @AfterEach
    void tearDown()
    {
        try
        {
            if (kernel != null)
            {
                kernel.close();
            }
            if (app != null)
            {
                app.close();
            }
        }
        finally
        {
            memory.close();
            ns.close();
        }
    }

    @ParameterizedTest
    @EnumSource(KniModuleParams.LoMode.class)
    void shouldCountAndDropHostileFifoEntriesKeepRunningAndLeakNothing(final KniModuleParams.LoMode mode)
    {
        final long seed = SEED ^ mode.ordinal();
        try
        {
            fuzz(mode, seed);
        }
        catch (final AssertionError | RuntimeException ex)
        {
            throw new AssertionError("KNI FIFO fuzz failed: lo_mode=" + mode + ", seed=0x" + Long.toHexString(seed) +
                " (rerun with -Dkni.fuzz.seed=0x" + Long.toHexString(SEED) + "): " + ex, ex);
        }
    }

    private void fuzz(final KniModuleParams.LoMode mode, final long seed)
    {
        final MutableMempoolRegistry registry = new MutableMempoolRegistry();
        registry.register(pool.range());
        kernel = new KniKernel(KniModuleParams.defaults().loMode(mode), registry);
        app = new TestKniApp(memory, pool);
        app.refill();
        final KniDevice dev = kernel.create(app.info("kni0").netns(ns.path()));
        app.startRequestThread();
        ns.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "kni0");
        ns.exec("ip", "link", "set", "kni0", "up");
        dev.updateLink(true);
        // frames from the kernel into the KNI: they take alloc_q entries, hostile ones included
        ns.exec("ip", "neigh", "replace", "198.18.0.9", "lladdr", "02:00:00:00:00:99", "dev", "kni0");
        final Thread kthread = thread("kni_single");

        final SplittableRandom rnd = new SplittableRandom(seed);
        final long[] batch = new long[32];
        final long[] out = new long[64];
        final long deadline = System.nanoTime() + TIME_LIMIT_NS;
        int rounds = 0;
        try (Proc ping = new Proc("ip", "netns", "exec", ns.name(), "timeout", "25", "ping", "-q", "-i", "0.001",
            "-s", "200", "-c", "20000", "198.18.0.9"))
        {
            for (; rounds < ROUNDS && System.nanoTime() - deadline < 0; rounds++)
            {
                int n = Math.min(1 + rnd.nextInt(16), app.rxQ.freeCount());
                int k = 0;
                for (int i = 0; i < n; i++)
                {
                    final long e = rxEntry(rnd);
                    if (e != Long.MIN_VALUE)
                    {
                        batch[k++] = e;
                    }
                }
                assertEquals(k, app.txBurst(batch, k));
                if (rnd.nextInt(4) == 0)
                {
                    n = Math.min(1 + rnd.nextInt(8), app.allocQ.freeCount());
                    k = 0;
                    for (int i = 0; i < n; i++)
                    {
                        final long e = allocEntry(rnd);
                        if (e != Long.MIN_VALUE)
                        {
                            batch[k++] = e;
                            if (!isElement(e))
                            {
                                neverFree.add(e);
                            }
                        }
                    }
                    assertEquals(k, app.allocQ.put(batch, 0, k));
                }
                if (rnd.nextInt(16) == 0)
                {
                    scribbleIndexHighBits(rnd);
                }
                final int got = app.rxBurst(out, out.length);
                for (int i = 0; i < got; i++)
                {
                    pool.free(out[i]);
                }
                app.drainFree();
            }
            assertTrue(kthread.isAlive(), "KNI thread died");
            Await.until("rx_q drained by the kernel side", 5_000, () ->
            {
                // lo_mode fifo needs alloc_q mbufs (rx_burst refills) and tx_q room to move rx_q
                final int got = app.rxBurst(out, out.length);
                for (int i = 0; i < got; i++)
                {
                    pool.free(out[i]);
                }
                app.drainFree();
                return app.rxQ.count() == 0;
            });
            if (mode == KniModuleParams.LoMode.NONE)
            {
                // on a loaded machine the rounds can be over before ping sent anything: wait for its frames on tx_q
                Await.until("frames from the kernel on tx_q", 10_000, () ->
                {
                    final int got = app.rxBurst(out, out.length);
                    for (int i = 0; i < got; i++)
                    {
                        pool.free(out[i]);
                    }
                    app.drainFree();
                    return dev.stats().get(KniCounter.TX_PACKETS) > 0;
                });
            }
        }
        final KniDeviceStats s = dev.stats();
        System.out.printf("fuzz lo_mode=%s seed=0x%x: %s; %d rounds%n", mode, seed, s, rounds);
        // lo_mode fifo copies a packet's first segment only (as rte_kni.ko): chains are not followed there
        assertTrue(s.get(KniCounter.BAD_ADDRESS) > 0 && s.get(KniCounter.BAD_BUFFER) > 0 &&
            (mode == KniModuleParams.LoMode.FIFO || s.get(KniCounter.BAD_CHAIN) > 0), "hostile entries counted: " + s);
        assertTrue(s.get(KniCounter.RX_PACKETS) > 0, "good frames still delivered: " + s);
        if (mode == KniModuleParams.LoMode.NONE)
        {
            assertTrue(s.get(KniCounter.TX_PACKETS) > 0, "kernel → application still works: " + s);
        }
        assertTrue(dev.present(), "interface still there");

        assertTrue(kernel.release("kni0"));
        // as rte_kni_release: free what is left on free_q, tx_q and alloc_q — except the entries this test made up
        app.drainFree();
        int n;
        while ((n = app.txQ.get(out, 0, out.length)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                pool.free(out[i]);
            }
        }
        while ((n = app.allocQ.get(out, 0, out.length)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                if (!neverFree.contains(out[i]))
                {
                    pool.free(out[i]);
                }
            }
        }
        for (final long m : keptByTest)
        {
            pool.free(m);
        }
        for (final long m : foreignOut)
        {
            foreign.free(m);
        }
        assertEquals(pool.count(), pool.available(), "registered pool: mbufs leaked");
        assertEquals(foreign.count(), foreign.available(), "foreign pool: mbufs leaked");
    }

    /** An entry for rx_q: good, or one of the hostile kinds. Long.MIN_VALUE when a pool ran dry. */
    private long rxEntry(final SplittableRandom rnd)
    {
        switch (rnd.nextInt(12))
        {
            case 0:
            case 1:
                return frame(rnd, pool); // good
            case 2:
                return wildAddress(rnd);
            case 3:
            {
                // misaligned: inside a registered element, off its boundary; the element stays the test's
                final long m = kept(pool.alloc());
                return m == 0 ? Long.MIN_VALUE : m + 1 + rnd.nextInt(TestMbufPool.ELEMENT_SIZE - 1);
            }
            case 4:
            {
                // another pool's mbuf, well formed but not registered for this KNI
                final long m = frame(rnd, foreign);
                if (m != Long.MIN_VALUE)
                {
                    foreignOut.add(m);
                }
                return m;
            }
            case 5:
            {
                // huge lengths
                final long m = frame(rnd, pool);
                if (m != Long.MIN_VALUE)
                {
                    UnsafeApi.putShort(m + DATA_LEN_OFFSET, (short)rnd.nextInt(0x10000));
                    UnsafeApi.putInt(m + PKT_LEN_OFFSET, rnd.nextInt());
                }
                return m;
            }
            case 6:
                return hostileBuffer(rnd, frame(rnd, pool));
            case 7:
            {
                // a loop: m → m, or m → m2 → m, nb_segs anything
                final long m = frame(rnd, pool);
                if (m == Long.MIN_VALUE)
                {
                    return m;
                }
                final long m2 = rnd.nextBoolean() ? m : kept(frame(rnd, pool));
                if (m2 == 0 || m2 == Long.MIN_VALUE)
                {
                    return m;
                }
                UnsafeApi.putLong(m + NEXT_OFFSET, m2);
                UnsafeApi.putLong(m2 + NEXT_OFFSET, m);
                UnsafeApi.putShort(m + NB_SEGS_OFFSET, (short)(1 + rnd.nextInt(70)));
                UnsafeApi.putInt(m + PKT_LEN_OFFSET, rnd.nextInt(4000));
                return m;
            }
            case 8:
            {
                // a chain whose next is wild, foreign, or misaligned
                final long m = frame(rnd, pool);
                if (m == Long.MIN_VALUE)
                {
                    return m;
                }
                final long f = foreign.alloc();
                long next = wildAddress(rnd);
                if (f != 0)
                {
                    foreignOut.add(f);
                    next = rnd.nextBoolean() ? f : f + 8;
                }
                UnsafeApi.putLong(m + NEXT_OFFSET, next);
                UnsafeApi.putShort(m + NB_SEGS_OFFSET, (short)2);
                UnsafeApi.putInt(m + PKT_LEN_OFFSET, (UnsafeApi.getShort(m + DATA_LEN_OFFSET) & 0xFFFF) + 64);
                return m;
            }
            case 9:
            {
                // a good two-segment chain: written as one frame; the tail stays the test's (as rte_pktmbuf_free would)
                final long m = frame(rnd, pool);
                final long t = kept(frame(rnd, pool));
                if (m == Long.MIN_VALUE || t == 0 || t == Long.MIN_VALUE)
                {
                    return m;
                }
                UnsafeApi.putLong(m + NEXT_OFFSET, t);
                UnsafeApi.putShort(m + NB_SEGS_OFFSET, (short)2);
                UnsafeApi.putInt(m + PKT_LEN_OFFSET, (UnsafeApi.getShort(m + DATA_LEN_OFFSET) & 0xFFFF) +
                    (UnsafeApi.getShort(t + DATA_LEN_OFFSET) & 0xFFFF));
                return m;
            }
            case 10:
            {
                final long m = frame(rnd, pool);
                if (m != Long.MIN_VALUE)
                {
                    UnsafeApi.putShort(m + NB_SEGS_OFFSET, (short)(rnd.nextBoolean() ? 0 : 65 + rnd.nextInt(60000)));
                }
                return m;
            }
            default:
                return rnd.nextLong(); // random bits
        }
    }

    /** An entry for alloc_q: hostile only (the application's refill supplies the good ones). */
    private long allocEntry(final SplittableRandom rnd)
    {
        switch (rnd.nextInt(5))
        {
            case 0:
                return wildAddress(rnd);
            case 1:
            {
                final long m = kept(pool.alloc());
                return m == 0 ? Long.MIN_VALUE : m + 8 * (1 + rnd.nextInt(200));
            }
            case 2:
            {
                final long f = foreign.alloc();
                if (f == 0)
                {
                    return Long.MIN_VALUE;
                }
                foreignOut.add(f);
                return f;
            }
            default:
            {
                final long m = pool.alloc();
                return m == 0 ? Long.MIN_VALUE : hostileBuffer(rnd, m);
            }
        }
    }

    /** buf_addr elsewhere (another element, the foreign pool, wild), buf_len or data_off out of range. */
    private long hostileBuffer(final SplittableRandom rnd, final long m)
    {
        if (m == Long.MIN_VALUE || m == 0)
        {
            return Long.MIN_VALUE;
        }
        switch (rnd.nextInt(4))
        {
            case 0: UnsafeApi.putLong(m + BUF_ADDR_OFFSET, pool.base() + HEADER_LENGTH); break;
            case 1: UnsafeApi.putLong(m + BUF_ADDR_OFFSET, rnd.nextBoolean() ? foreign.base() + HEADER_LENGTH : wildAddress(rnd)); break;
            case 2: UnsafeApi.putShort(m + BUF_LEN_OFFSET, (short)(TestMbufPool.BUF_LEN + 1 + rnd.nextInt(60000))); break;
            default: UnsafeApi.putShort(m + DATA_OFF_OFFSET, (short)(TestMbufPool.BUF_LEN - rnd.nextInt(60))); break;
        }
        return m;
    }

    private boolean isElement(final long e)
    {
        final long off = e - pool.base();
        return off >= 0 && off < (long)pool.count() * TestMbufPool.ELEMENT_SIZE && off % TestMbufPool.ELEMENT_SIZE == 0;
    }

    private static long wildAddress(final SplittableRandom rnd)
    {
        switch (rnd.nextInt(6))
        {
            case 0: return rnd.nextInt(4096); // null page
            case 1: return 0xffff_8880_0000_0000L | (rnd.nextLong() & 0xff_ffff_fff8L); // kernel half
            case 2: return 0x7fff_ffff_f000L;
            case 3: return 0xdead_0000L + 8L * rnd.nextInt(1000);
            case 4: return -8L;
            default: return rnd.nextLong() & ~7L;
        }
    }

    private long frame(final SplittableRandom rnd, final TestMbufPool p)
    {
        final byte[] f = new byte[60 + rnd.nextInt(1440)];
        rnd.nextBytes(f);
        final long m = p.allocFrame(f);
        return m == 0 ? Long.MIN_VALUE : m;
    }

    private long kept(final long m)
    {
        if (m != 0 && m != Long.MIN_VALUE)
        {
            keptByTest.add(m);
        }
        return m;
    }

    /** Garbage above the index mask in the indices the application writes (rx_q/alloc_q write, free_q read). */
    private void scribbleIndexHighBits(final SplittableRandom rnd)
    {
        final int high = rnd.nextInt() & ~(app.rxQ.len() - 1);
        final long[] at = {app.rxQ.address() + WRITE_OFFSET, app.allocQ.address() + WRITE_OFFSET,
            app.freeQ.address() + READ_OFFSET};
        final long a = at[rnd.nextInt(at.length)];
        UnsafeApi.putIntRelease(null, a, (UnsafeApi.getIntVolatile(null, a) & (app.rxQ.len() - 1)) | high);
    }

    private static Thread thread(final String name)
    {
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (name.equals(t.getName()))
            {
                return t;
            }
        }
        throw new AssertionError("no thread " + name);
    }
}
