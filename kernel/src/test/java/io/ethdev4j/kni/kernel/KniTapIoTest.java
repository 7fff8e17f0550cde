package io.ethdev4j.kni.kernel;

import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.kernel.datapath.MutableMempoolRegistry;
import io.ethdev4j.sys.IoUring;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
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

import static io.ethdev4j.kni.abi.KniMbufDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

/** rx_q → TAP with each tap_io: every frame (single segments and chains, interleaved) reaches the netdev once. */
class KniTapIoTest
{
    private static final int FRAMES = 300;

    private TestNetns ns;
    private TestMemory memory;
    private TestMbufPool pool;
    private KniKernel kernel;
    private TestKniApp app;

    @BeforeEach
    void setUp()
    {
        NetAdmin.require();
        ns = new TestNetns();
        ns.exec("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        memory = new TestMemory(32L << 20);
        pool = new TestMbufPool(memory, 1, 2048);
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
    @EnumSource(KniModuleParams.TapIo.class)
    void shouldWriteEveryFrameFromRxQToTheNetdev(final KniModuleParams.TapIo tapIo)
    {
        final MutableMempoolRegistry registry = new MutableMempoolRegistry();
        registry.register(pool.range());
        kernel = new KniKernel(KniModuleParams.defaults().tapIo(tapIo), registry);
        app = new TestKniApp(memory, pool);
        app.refill();
        final KniDevice dev = kernel.create(app.info("kni0").netns(ns.path()));
        assertEquals(tapIo == KniModuleParams.TapIo.IO_URING && IoUring.isAvailable(), dev.usesIoUring());
        app.startRequestThread();
        ns.exec("ip", "link", "set", "kni0", "up");
        Await.until("kni0 up", 5_000, () -> ns.exec("ip", "-o", "link", "show", "kni0").contains(",UP"));
        final long before = rxPackets();

        final List<Long> tails = new ArrayList<>();
        final long[] one = new long[1];
        long bytes = 0;
        for (int i = 0; i < FRAMES; i++)
        {
            final byte[] f = new byte[60 + i % 200];
            f[0] = 0x02; // a unicast destination that is not ours: the stack drops it after counting
            final long m = pool.allocFrame(f);
            int len = f.length;
            if (i % 7 == 3)
            {
                final long t = pool.allocFrame(new byte[40]);
                tails.add(t);
                UnsafeApi.putLong(m + NEXT_OFFSET, t);
                UnsafeApi.putShort(m + NB_SEGS_OFFSET, (short)2);
                len += 40;
                UnsafeApi.putInt(m + PKT_LEN_OFFSET, len);
            }
            bytes += len;
            one[0] = m;
            Await.until("room on rx_q", 5_000, () -> app.txBurst(one, 1) == 1);
        }
        final long expectedBytes = bytes;
        Await.until(FRAMES + " frames written", 5_000, () ->
            dev.stats().get(KniCounter.RX_PACKETS) == FRAMES && app.drainFree() >= 0 && app.rxQ.count() == 0);
        assertEquals(expectedBytes, dev.stats().get(KniCounter.RX_BYTES));
        assertEquals(0, dev.stats().get(KniCounter.RX_WRITE_ERRORS), dev.stats().toString());
        assertEquals(FRAMES, rxPackets() - before, "the netdev's rx_packets");

        assertTrue(kernel.release("kni0"));
        app.releaseAll();
        tails.forEach(pool::free);
        assertEquals(pool.count(), pool.available(), "mbufs leaked");
    }

    private long rxPackets()
    {
        return Long.parseLong(ns.exec("cat", "/sys/class/net/kni0/statistics/rx_packets").trim());
    }
}
