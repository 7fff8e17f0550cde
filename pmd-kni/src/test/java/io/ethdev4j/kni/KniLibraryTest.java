package io.ethdev4j.kni;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * DPDK's app/test/test_kni.c (v22.11) on our KNI library: negative tests, register/unregister handlers, update_link
 * return values, the loop that bursts both ways while {@code ip link} takes the interface up, changes its MTU and takes
 * it down, then release and re-alloc of the same name. As test_kni, the processing part runs with lo_mode_fifo.
 * Plus the built-in defaults of {@link KniOps} acting on an ethdev port. Every test ends with no mbuf in use.
 */
class KniLibraryTest
{
    private static final String NAME = "test_kni_port";
    private static final int NB_MBUF = 8192;
    private static final int MAX_PACKET_SZ = 2048;
    private static final int PKT_BURST_SZ = 32;

    private TestNetns ns;
    private Eal eal;
    private MbufPool pool;
    private KniContext ctx;

    @BeforeEach
    void setUp()
    {
        NetAdmin.require();
        ns = new TestNetns();
        ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
        eal = Eal.init("--no-huge", "-m", "256", "--vdev", "net_ring0", "--kni-lo-mode=lo_mode_fifo");
        pool = eal.createPktmbufPool("kni_mempool", NB_MBUF, 32, 0, MAX_PACKET_SZ + 128);
        ctx = KniContext.init(eal);
    }

    @AfterEach
    void tearDown()
    {
        KniTests.closeAll(ctx, pool, eal, ns);
    }

    private KniConf conf()
    {
        return new KniConf().name(NAME).coreId(1).forceBind(true).mbufSize(MAX_PACKET_SZ).netns(ns.name());
    }

    private String ip(final String... args)
    {
        final String[] cmd = new String[args.length + 1];
        cmd[0] = "ip";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return ns.exec(cmd);
    }

    private int ifMtu()
    {
        final String out = ip("-o", "link", "show", NAME);
        final int i = out.indexOf(" mtu ");
        return Integer.parseInt(out.substring(i + 5, out.indexOf(' ', i + 5)));
    }

    @Test
    void shouldHandleTestKniNegativeCases()
    {
        assertNull(ctx.alloc(null, conf(), null), "alloc with a NULL pool");
        assertNull(ctx.alloc(pool, null, null), "alloc with a NULL conf");
        assertNull(ctx.alloc(pool, new KniConf(), null), "alloc with no name");
        assertNull(ctx.alloc(pool, new KniConf().name(""), null), "alloc with an empty name");
        assertFalse(ctx.release(null), "release(NULL)");
        assertNull(ctx.get(null));
        assertNull(ctx.get(""));
        assertNull(ctx.get("testing"));
        final EthDevException tooLong = assertThrows(EthDevException.class,
            () -> ctx.alloc(pool, new KniConf().name("a_name_of_16_chr"), null));
        assertEquals(Errno.EINVAL, tooLong.errno());
        final Kni kni = ctx.alloc(pool, conf(), null);
        assertNotNull(kni);
        final EthDevException dup = assertThrows(EthDevException.class, () -> ctx.alloc(pool, conf(), null));
        assertEquals(Errno.EEXIST, dup.errno(), dup.getMessage());
        assertSame(kni, ctx.get(NAME));
        assertEquals(KniOps.NO_PORT, kni.ops().portId(), "ops == NULL gives port_id UINT16_MAX");
        assertTrue(ctx.release(kni));
        assertFalse(ctx.release(kni), "a second release of the same KNI");
        assertNull(ctx.get(NAME));
    }

    @Test
    void shouldRunTheTestKniSequence() throws Exception
    {
        // 1. alloc (core_id=1, force_bind=1, mbuf_size=2048)
        Kni kni = ctx.alloc(pool, conf(), null);
        assertNotNull(kni);
        assertEquals(NAME, kni.name());

        // 2. register_handlers: NULL and double registration refused; change_mtu sees 1450
        final AtomicInteger seenMtu = new AtomicInteger();
        final AtomicInteger ifUps = new AtomicInteger();
        final KniOps ops = new KniOps().portId(0)
            .changeMtu((port, mtu) -> { seenMtu.set(mtu); return 0; })
            .configNetworkIf((port, up) -> { ifUps.incrementAndGet(); return 0; });
        assertFalse(kni.registerHandlers(null));
        assertTrue(kni.registerHandlers(ops));
        assertFalse(kni.registerHandlers(ops), "ops already registered");
        final Kni k1 = kni;
        final AtomicBoolean serving = new AtomicBoolean(true);
        final Thread handler = new Thread(() ->
        {
            while (serving.get())
            {
                k1.handleRequest();
                Thread.onSpinWait();
            }
        });
        handler.start();
        try
        {
            ip("link", "set", NAME, "mtu", "1450");
            Await.until("change_mtu(1450)", 5_000, () -> seenMtu.get() == 1450);
            assertEquals(1450, ifMtu());
            assertTrue(kni.unregisterHandlers());
            assertEquals(0, kni.ops().portId(), "DPDK's quirk: port_id 0 after unregister");
            ip("link", "set", NAME, "mtu", "1460");
            Await.until("the interface to take MTU 1460 (no handler: the request succeeds)", 5_000, () -> ifMtu() == 1460);
            assertEquals(1450, seenMtu.get(), "no callback after unregister");
        }
        finally
        {
            serving.set(false);
            handler.join(5_000);
        }

        // 3. update_link returns the previous state
        assertTrue(kni.updateLink(true) >= 0);
        assertEquals(1, kni.updateLink(false));
        assertEquals(0, kni.updateLink(true));

        // 4. the loop: ingress (alloc + tx_burst + handle_request) and egress (rx_burst + free) while ip link runs
        final AtomicLong ingress = new AtomicLong();
        final AtomicLong egress = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        final Kni k2 = kni;
        final Thread in = new Thread(() ->
        {
            final Mbuf[] pkts = new Mbuf[PKT_BURST_SZ];
            final long deadline = System.nanoTime() + 20_000_000_000L;
            while (!stop.get() && System.nanoTime() < deadline)
            {
                int n = 0;
                while (n < PKT_BURST_SZ)
                {
                    final Mbuf m = pool.alloc();
                    if (m == null)
                    {
                        break;
                    }
                    m.append(60);
                    for (int b = 0; b < 12; b++)
                    {
                        m.putByte(b, (byte)(b == 0 || b == 6 ? 2 : b));
                    }
                    m.putShortBE(12, 0x88B5);
                    pkts[n++] = m;
                }
                final int sent = k2.txBurst(pkts, 0, n);
                for (int i = sent; i < n; i++)
                {
                    pkts[i].free();
                }
                ingress.addAndGet(sent);
                k2.handleRequest();
                Thread.yield();
            }
        }, "kni-ingress");
        final Thread out = new Thread(() ->
        {
            final Mbuf[] pkts = new Mbuf[PKT_BURST_SZ];
            final long deadline = System.nanoTime() + 20_000_000_000L;
            while (!stop.get() && System.nanoTime() < deadline)
            {
                final int n = k2.rxBurst(pkts, 0, PKT_BURST_SZ);
                Mbuf.freeBulk(pkts, 0, n);
                egress.addAndGet(n);
                Thread.yield();
            }
        }, "kni-egress");
        in.start();
        out.start();
        try
        {
            ip("link", "set", NAME, "up");
            ip("link", "set", NAME, "mtu", "1400");
            ip("link", "set", NAME, "down");
            Await.until("both directions to count >= 100", 10_000, () -> ingress.get() >= 100 && egress.get() >= 100);
            Await.until("the interface to be down with MTU 1400", 5_000,
                () -> ifMtu() == 1400 && !ip("-o", "link", "show", NAME).contains(",UP"));
        }
        finally
        {
            stop.set(true);
            in.join(5_000);
            out.join(5_000);
        }
        assertFalse(in.isAlive() || out.isAlive());

        // 5. release, re-alloc of the same name, release
        assertTrue(ctx.release(kni));
        assertEquals(0, pool.inUse(), "release frees every mbuf the KNI held");
        kni = ctx.alloc(pool, conf(), null);
        assertNotNull(kni, "re-alloc of the same name");
        assertTrue(ctx.release(kni));
        assertEquals(0, pool.inUse());
    }

    /**
     * The kernel side learns every pool of the runtime from the memory events: one created after the context (and the
     * KNI) needs no registration by a burst, is followed as soon as it exists and forgotten when freed; a pool from
     * other memory is refused at alloc rather than dropped later.
     */
    @Test
    void shouldFollowEveryPoolOfTheRuntimeAsItIsCreatedAndFreed()
    {
        assertTrue(ctx.isRegistered(pool.id()), "a pool that existed at init (replayed)");
        final Kni kni = ctx.alloc(pool, conf(), null);
        final int n = 16;
        final int lateId;
        try (MbufPool late = eal.createPktmbufPool("kni_late", 255, 0, 0, MAX_PACKET_SZ + 128))
        {
            lateId = late.id();
            assertTrue(ctx.isRegistered(lateId), "followed from its creation on");
            final Mbuf[] pkts = new Mbuf[n];
            assertEquals(n, late.allocBulk(pkts, 0, n));
            for (int i = 0; i < n; i++)
            {
                pkts[i].append(60);
                pkts[i].putByte(0, (byte)2);
                pkts[i].putIntBE(20, 0x4C415445 + i); // "LATE" + i
            }
            assertEquals(n, kni.txBurst(pkts, 0, n));
            // lo_mode_fifo copies each frame into an alloc_q mbuf of the KNI's pool and hands the late one back
            final Mbuf[] got = new Mbuf[n];
            final AtomicInteger received = new AtomicInteger();
            final Mbuf[] none = new Mbuf[0];
            Await.until("the late pool's frames back through lo_mode_fifo", 5_000, () ->
            {
                received.addAndGet(kni.rxBurst(got, received.get(), n - received.get()));
                kni.txBurst(none, 0, 0); // frees what came back on free_q
                return received.get() == n && late.inUse() == 0;
            });
            for (int i = 0; i < n; i++)
            {
                assertEquals(0x4C415445 + i, got[i].getIntBE(20), "frame " + i + " intact");
                assertSame(pool, got[i].pool());
            }
            Mbuf.freeBulk(got, 0, n);
            final long[] counters = new long[KniCounter.COUNT];
            kni.readKernelCounters(counters);
            assertEquals(0, counters[KniCounter.BAD_ADDRESS], "no mbuf refused by the kernel side");
        }
        assertFalse(ctx.isRegistered(lateId), "forgotten when freed");

        try (MbufPool foreign = MbufPool.create("kni_foreign", 63))
        {
            final EthDevException ex = assertThrows(EthDevException.class,
                () -> ctx.alloc(foreign, conf().name("kni_foreign"), null));
            assertEquals(Errno.EINVAL, ex.errno());
            assertTrue(ex.getMessage().contains("Eal.createPktmbufPool"), ex.getMessage());
            assertFalse(ctx.isRegistered(foreign.id()));
        }
        assertTrue(ctx.release(kni));
    }

    @Test
    void shouldApplyBuiltInDefaultsToTheEthdevPort()
    {
        final EthDev port0 = eal.port(0);
        port0.configure(1, 1, null);
        port0.rxQueueSetup(0, 0, pool, null);
        port0.txQueueSetup(0, 0, null);
        port0.start();
        port0.promiscuousEnable();
        final Kni kni = ctx.alloc(pool, conf(), new KniOps().portId(0));
        final AtomicBoolean serving = new AtomicBoolean(true);
        final Thread handler = new Thread(() ->
        {
            while (serving.get())
            {
                kni.handleRequest();
                Thread.onSpinWait();
            }
        });
        handler.start();
        try
        {
            final MacAddress before = port0.macAddr();
            ip("link", "set", NAME, "address", "02:00:5e:10:00:01");
            // the request is answered before ip returns; net_ring, as DPDK's, has no mac_addr_set: the port keeps
            // its address (rte_eth_dev_default_mac_addr_set answers ENOTSUP)
            assertEquals(before, port0.macAddr(), "rte_eth_dev_default_mac_addr_set on port 0 (net_ring: ENOTSUP)");
            ip("link", "set", NAME, "up");
            ip("link", "set", NAME, "promisc", "on");
            ip("link", "set", NAME, "promisc", "off");
            Await.until("rte_eth_promiscuous_disable on port 0", 5_000, () -> !port0.isPromiscuous());
            ip("link", "set", NAME, "allmulticast", "on");
            Await.until("rte_eth_allmulticast_enable on port 0", 5_000, port0::isAllmulticast);
        }
        finally
        {
            serving.set(false);
            try
            {
                handler.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            port0.stop();
        }
        assertTrue(ctx.release(kni));
    }

    @Test
    void shouldRefuseAndRevertWhatTheCallbackRefuses()
    {
        final AtomicInteger asked = new AtomicInteger();
        final Kni kni = ctx.alloc(pool, conf().mtu(2034), new KniOps()
            .changeMtu((port, mtu) -> { asked.set(mtu); return mtu == 1400 ? 0 : -Errno.EINVAL; }));
        final AtomicBoolean serving = new AtomicBoolean(true);
        final Thread handler = new Thread(() ->
        {
            while (serving.get())
            {
                kni.handleRequest();
                Thread.onSpinWait();
            }
        });
        handler.start();
        try
        {
            ip("link", "set", NAME, "mtu", "1400");
            Await.until("change_mtu(1400)", 5_000, () -> asked.get() == 1400 && ifMtu() == 1400);
            ip("link", "set", NAME, "mtu", "1300");
            Await.until("change_mtu(1300) refused and reverted", 5_000, () -> asked.get() == 1300 && ifMtu() == 1400);
            assertTrue(kni.status().refusals() >= 1);
            assertTrue(kni.status().lastRefusal().contains("mtu 1300"), kni.status().lastRefusal());
        }
        finally
        {
            serving.set(false);
            try
            {
                handler.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        assertTrue(ctx.release(kni));
    }
}
