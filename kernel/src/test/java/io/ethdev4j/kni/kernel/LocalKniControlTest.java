package io.ethdev4j.kni.kernel;

import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.MempoolRange;
import io.ethdev4j.kni.control.KniControl;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.control.KniDeviceStatus;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestKniApp;
import io.ethdev4j.test.TestMbufPool;
import io.ethdev4j.test.TestMemory;
import io.ethdev4j.test.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The control interface as the application sees it: only handles, values and errnos, opened through the
 * ServiceLoader as pmd-kni opens it.
 */
class LocalKniControlTest
{
    private TestNetns ns;
    private TestMemory memory;
    private TestMbufPool pool;
    private TestKniApp app;
    private KniControl control;

    @BeforeEach
    void setUp()
    {
        NetAdmin.require();
        ns = new TestNetns();
        memory = new TestMemory(16L << 20);
        pool = new TestMbufPool(memory, 1, 1024);
        app = new TestKniApp(memory, pool);
        control = KniControl.open(KniControl.LOCAL, Map.of("--kni-lo-mode", "lo_mode_fifo"));
    }

    @AfterEach
    void tearDown()
    {
        try
        {
            if (control != null)
            {
                control.close();
            }
            if (app != null)
            {
                app.close();
            }
        }
        finally
        {
            if (memory != null)
            {
                memory.close();
            }
            if (ns != null)
            {
                ns.close();
            }
        }
    }

    private static int errnoOf(final Runnable call)
    {
        return assertThrows(KniControlException.class, call::run).errno();
    }

    @Test
    void shouldServeAnInterfaceThroughHandlesAndValues()
    {
        assertInstanceOf(LocalKniControl.class, control);
        assertEquals(KniModuleParams.LoMode.FIFO, ((LocalKniControl)control).params().loMode(), "--kni-* options parsed");
        control.registerMempool(pool.range());
        app.refill();
        final int handle = control.create(app.info("kni0").netns(ns.path()));
        assertTrue(handle > 0);

        final KniDeviceStatus s = control.status(handle);
        assertEquals("kni0", s.name());
        assertTrue(s.ifIndex() > 0);
        assertTrue(s.present());
        assertFalse(s.carrier());
        assertEquals(0, s.requests());
        assertNull(s.lastRefusal());

        assertEquals(0, control.updateLink(handle, true));
        assertEquals(1, control.updateLink(handle, false));
        control.setMtu(handle, 1400);
        control.setMacAddr(handle, new byte[] {2, 0, 0, 0, 0, 0x42});
        control.setPromiscuous(handle, true);
        final String link = ns.exec("ip", "-o", "link", "show", "kni0");
        assertTrue(link.contains("mtu 1400") && link.contains("02:00:00:00:00:42") && link.contains("PROMISC"), link);

        // lo_mode_fifo: one frame from rx_q comes back on tx_q, both counters move
        final long m = pool.allocFrame(new byte[60]);
        assertEquals(1, app.txBurst(new long[] {m}, 1));
        final long[] values = new long[KniCounter.COUNT];
        Await.until("the frame looped back, counted as rx and tx", 5_000, () ->
        {
            control.readCounters(handle, values);
            return values[KniCounter.RX_PACKETS] == 1 && values[KniCounter.TX_PACKETS] == 1;
        });
        assertEquals(0, values[KniCounter.BAD_ADDRESS]);

        assertTrue(control.release(handle));
        assertFalse(control.release(handle), "a handle is released once");
        assertNotEquals(0, ns.tryExec("ip", "link", "show", "kni0").exit, "the interface is gone");
        app.releaseAll();
        assertEquals(pool.count(), pool.available(), "mbufs leaked");
    }

    @Test
    void shouldCarryEveryErrnoAsAValue()
    {
        control.registerMempool(pool.range());
        assertEquals(Errno.EEXIST, errnoOf(() -> control.registerMempool(pool.range())));
        final MempoolRange overlapping =
            new MempoolRange(2, pool.range().baseAddress(), TestMbufPool.ELEMENT_SIZE, 1, 128);
        assertEquals(Errno.EINVAL, errnoOf(() -> control.registerMempool(overlapping)));

        final int handle = control.create(app.info("kni0").netns(ns.path()));
        assertEquals(Errno.EINVAL, errnoOf(() -> control.create(app.info("kni0").netns(ns.path()))), "name in use");
        assertEquals(Errno.EINVAL, errnoOf(() -> control.create(app.info("kni1").mtu(9000).maxMtu(2034)
            .netns(ns.path()))), "MTU above max_mtu");
        assertEquals(Errno.EINVAL, errnoOf(() -> control.create(app.info("bad/name"))), "bad name");
        assertEquals(Errno.EINVAL, errnoOf(() -> control.readCounters(handle, new long[2])));
        assertEquals(Errno.EINVAL, errnoOf(() -> control.setMacAddr(handle, new byte[3])));
        assertEquals(Errno.ENODEV, errnoOf(() -> control.status(handle + 1)), "unknown handle");
        assertEquals(Errno.ENODEV, errnoOf(() -> control.setMtu(handle + 1, 1400)));

        ns.exec("ip", "link", "del", "kni0");
        assertEquals(Errno.ENODEV, errnoOf(() -> control.setMtu(handle, 1400)), "the interface was deleted");
        assertTrue(control.release(handle));

        assertEquals(Errno.EINVAL, errnoOf(() -> KniControl.open(KniControl.LOCAL, Map.of("--kni-lo-mode", "bogus"))));
        assertEquals(Errno.ENODEV, errnoOf(() -> KniControl.open("knid", Map.of())), "no such provider");
        control.close();
        assertEquals(Errno.ENODEV, errnoOf(() -> control.create(app.info("kni2").netns(ns.path()))), "closed");
        app.releaseAll();
    }
}
