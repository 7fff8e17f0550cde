package io.ethdev4j.kni.kernel;

import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniRequestId;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.kernel.datapath.MutableMempoolRegistry;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.Mac;
import io.ethdev4j.sys.Netns;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.Frames;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestKniApp;
import io.ethdev4j.test.TestMbufPool;
import io.ethdev4j.test.TestMemory;
import io.ethdev4j.test.TestNetns;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.ethdev4j.kni.abi.KniMbufDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

/** The kernel side end to end against real TAP netdevs, each test in its own network namespace (root). */
class KniKernelTest
{
    private static final byte[] KNI_MAC = Mac.parse("02:00:00:00:00:10");
    private static final byte[] PEER_MAC = Mac.parse("02:00:00:00:00:22");

    private TestNetns ns;
    private TestMemory memory;
    private TestMbufPool pool;
    private MutableMempoolRegistry registry;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void setUp()
    {
        NetAdmin.require();
        ns = new TestNetns();
        ns.exec("sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6");
        memory = new TestMemory(64L << 20);
        pool = new TestMbufPool(memory, 1, 4096);
        registry = new MutableMempoolRegistry();
        registry.register(pool.range());
    }

    @AfterEach
    void tearDown() throws Exception
    {
        for (int i = closeables.size() - 1; i >= 0; i--)
        {
            closeables.get(i).close();
        }
        if (memory != null)
        {
            memory.close();
        }
        if (ns != null)
        {
            ns.close();
        }
    }

    private KniKernel kernel(final KniModuleParams params)
    {
        final KniKernel k = new KniKernel(params, registry);
        closeables.add(k);
        return k;
    }

    private TestKniApp app()
    {
        final TestKniApp a = new TestKniApp(memory, pool);
        closeables.add(a);
        return a;
    }

    private String link(final String ifname)
    {
        return ns.exec("ip", "link", "show", ifname);
    }

    @Test
    void shouldCreateKniWithConfiguredMacAndMtuAndRemoveItOnRelease()
    {
        final KniKernel kernel = kernel(KniModuleParams.defaults());
        final TestKniApp app = app();
        app.refill();
        final KniDevice dev = kernel.create(app.info("kni0").macAddr(KNI_MAC).mtu(2034).netns(ns.path()));
        assertSame(dev, kernel.get("kni0"));
        final String link = link("kni0");
        assertTrue(link.contains("mtu 2034") && link.contains("02:00:00:00:00:10") && link.contains("state DOWN"), link);
        final KniControlException dup = assertThrows(KniControlException.class,
            () -> kernel.create(app.info("kni0").netns(ns.path())));
        assertEquals(Errno.EINVAL, dup.errno(), "the module's -EINVAL for a name in use");
        assertTrue(dup.getMessage().contains("name=kni0") && dup.getMessage().contains("already exists"), dup.getMessage());

        assertTrue(kernel.release("kni0"));
        assertFalse(kernel.release("kni0"));
        assertNotEquals(0, ns.tryExec("ip", "link", "show", "kni0").exit);
        app.releaseAll();
        assertEquals(pool.count(), pool.available(), "mbufs leaked");
    }

    @Test
    void shouldTurnIpLinkChangesIntoRequests()
    {
        final KniKernel kernel = kernel(KniModuleParams.defaults().carrier(true));
        final TestKniApp app = app();
        app.startRequestThread();
        final KniDevice dev = kernel.create(app.info("kni0").macAddr(KNI_MAC).netns(ns.path()));

        ns.exec("ip", "link", "set", "kni0", "up");
        awaitRequest(app, KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 1);
        Await.until("carrier on", 5_000, () -> link("kni0").contains("LOWER_UP"));
        ns.exec("ip", "link", "set", "kni0", "mtu", "1400");
        awaitRequest(app, KniRequestId.RTE_KNI_REQ_CHANGE_MTU, 1400);
        ns.exec("ip", "link", "set", "kni0", "address", "02:00:00:00:00:33");
        Await.until("CHANGE_MAC_ADDR 02:00:00:00:00:33", 5_000, () -> app.requests.stream().anyMatch(s ->
            s.reqId == KniRequestId.RTE_KNI_REQ_CHANGE_MAC_ADDR && "02:00:00:00:00:33".equals(Mac.format(s.mac))));
        ns.exec("ip", "link", "set", "kni0", "promisc", "on");
        awaitRequest(app, KniRequestId.RTE_KNI_REQ_CHANGE_PROMISC, 1);
        ns.exec("ip", "link", "set", "kni0", "allmulticast", "on");
        awaitRequest(app, KniRequestId.RTE_KNI_REQ_CHANGE_ALLMULTI, 1);
        ns.exec("ip", "link", "set", "kni0", "down");
        awaitRequest(app, KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 0);

        final String link = link("kni0");
        assertTrue(link.contains("mtu 1400") && link.contains("02:00:00:00:00:33") && link.contains("PROMISC"), link);
        assertEquals(0, dev.refusals());
        assertFalse(app.requests.stream().anyMatch(s -> s.async), "no async request without enable_bifurcated");
    }

    @Test
    void shouldRevertRefusedChangesAndLogTheReason()
    {
        final KniKernel kernel = kernel(KniModuleParams.defaults());
        final TestKniApp app = app();
        app.handler(s -> s.reqId == KniRequestId.RTE_KNI_REQ_CHANGE_MTU || s.reqId == KniRequestId.RTE_KNI_REQ_CHANGE_PROMISC ?
            -Errno.EINVAL : 0);
        app.startRequestThread();
        final KniDevice dev = kernel.create(app.info("kni0").macAddr(KNI_MAC).mtu(2034).netns(ns.path()));
        ns.exec("ip", "link", "set", "kni0", "up");
        awaitRequest(app, KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 1);

        ns.exec("ip", "link", "set", "kni0", "mtu", "1400");
        awaitRequest(app, KniRequestId.RTE_KNI_REQ_CHANGE_MTU, 1400);
        Await.until("mtu restored to 2034", 5_000, () -> link("kni0").contains("mtu 2034"));
        assertTrue(dev.lastRefusal().contains("kni0: mtu 1400 refused (application returned -22 (EINVAL)), restored mtu 2034"),
            dev.lastRefusal());

        // above max_mtu (= the creation MTU): reverted without asking the application, as the kernel's EINVAL
        ns.exec("ip", "link", "set", "kni0", "mtu", "9000");
        Await.until("second refusal", 5_000, () -> dev.refusals() == 2);
        Await.until("mtu restored to 2034", 5_000, () -> link("kni0").contains("mtu 2034"));
        assertTrue(dev.lastRefusal().contains("mtu 9000 refused (EINVAL - outside [68, 2034])"), dev.lastRefusal());
        assertFalse(app.requests.stream().anyMatch(s -> s.value == 9000));

        ns.exec("ip", "link", "set", "kni0", "promisc", "on");
        Await.until("third refusal", 5_000, () -> dev.refusals() == 3);
        Await.until("promisc restored", 5_000, () -> !link("kni0").contains("PROMISC"));

        // our own reverts caused no further requests: 1 up, 1 mtu, 1 promisc
        assertEquals(3, app.requests.size(), app.requests.toString());
    }

    @Test
    void shouldTimeOutAfterThreeSecondsAndKeepTheInterfaceDown()
    {
        final KniKernel kernel = kernel(KniModuleParams.defaults());
        final TestKniApp app = app();
        final KniDevice dev = kernel.create(app.info("kni0").netns(ns.path()));
        final long start = System.nanoTime();
        ns.exec("ip", "link", "set", "kni0", "up");
        Await.until("refusal by timeout", 10_000, () -> dev.refusals() == 1);
        final long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs >= 2_900, "timed out after " + tookMs + " ms");
        assertTrue(dev.lastRefusal().contains("up refused (ETIME"), dev.lastRefusal());
        Await.until("interface down again", 5_000, () -> link("kni0").contains("state DOWN"));
        assertEquals(1, app.reqQ.count(), "the unanswered request stays on req_q");
    }

    @Test
    void shouldSendInterfaceDownAsynchronouslyWhenBifurcated()
    {
        final KniKernel kernel = kernel(KniModuleParams.defaults().enableBifurcated(true));
        final TestKniApp app = app();
        app.startRequestThread();
        kernel.create(app.info("kni0").netns(ns.path()));
        ns.exec("ip", "link", "set", "kni0", "up");
        awaitRequest(app, KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 1);
        ns.exec("ip", "link", "set", "kni0", "down");
        awaitRequest(app, KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 0);
        assertTrue(app.requests.get(app.requests.size() - 1).async);
        assertFalse(app.requests.get(0).async);
        assertEquals(0, app.respQ.count(), "no response for an async request");
    }

    @Test
    void shouldMoveFramesBetweenFifosAndTheNetdevBothWays() throws Exception
    {
        final KniKernel kernel = kernel(KniModuleParams.defaults().carrier(true));
        final TestKniApp app = app();
        app.startRequestThread();
        app.refill();
        final KniDevice dev = kernel.create(app.info("kni0").macAddr(KNI_MAC).netns(ns.path()));
        ns.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "kni0");
        ns.exec("ip", "link", "set", "kni0", "up");
        ns.exec("ip", "neigh", "add", "198.18.0.2", "lladdr", Mac.format(PEER_MAC), "dev", "kni0");
        Await.until("carrier on", 5_000, () -> link("kni0").contains("LOWER_UP"));

        // application → kernel: 100 UDP datagrams received by a socket in the namespace
        final DatagramChannel rx = Netns.callIn(ns.path(), () ->
            DatagramChannel.open().bind(new InetSocketAddress("198.18.0.1", 9001)));
        closeables.add(rx);
        rx.configureBlocking(false);
        final int count = 100;
        final long[] burst = new long[1];
        for (int i = 0; i < count; i++)
        {
            burst[0] = pool.allocFrame(Frames.udp(KNI_MAC, PEER_MAC, Frames.ip("198.18.0.2"), Frames.ip("198.18.0.1"),
                7000, 9001, ("to-kernel-" + i).getBytes(StandardCharsets.US_ASCII)));
            final int idx = i;
            Await.until("rx_q room", 5_000, () -> app.txBurst(burst, 1) == 1);
            final ByteBuffer got = ByteBuffer.allocate(2048);
            Await.until("datagram " + idx, 5_000, () ->
            {
                try
                {
                    return rx.receive(got) != null;
                }
                catch (final java.io.IOException ex)
                {
                    throw new IllegalStateException(ex);
                }
            });
            got.flip();
            assertEquals("to-kernel-" + i, StandardCharsets.US_ASCII.decode(got).toString());
        }
        Await.until("all mbufs back on free_q", 5_000, () ->
        {
            app.drainFree();
            return dev.stats().get(KniCounter.RX_PACKETS) == count;
        });

        // kernel → application: datagrams sent in the namespace to 198.18.0.2 come out on tx_q
        final DatagramChannel tx = Netns.callIn(ns.path(), DatagramChannel::open);
        closeables.add(tx);
        final List<String> seen = new ArrayList<>();
        final long[] out = new long[32];
        for (int i = 0; i < count; i++)
        {
            tx.send(ByteBuffer.wrap(("to-app-" + i).getBytes(StandardCharsets.US_ASCII)),
                new InetSocketAddress("198.18.0.2", 9002));
            final int target = i + 1;
            Await.until("frame " + i + " on tx_q", 5_000, () ->
            {
                final int n = app.rxBurst(out, out.length);
                for (int k = 0; k < n; k++)
                {
                    final byte[] frame = TestMbufPool.frame(out[k]);
                    final byte[] payload = Frames.udpPayload(frame, 9002);
                    if (payload != null)
                    {
                        assertArrayEquals(PEER_MAC, Arrays.copyOfRange(frame, 0, 6));
                        seen.add(new String(payload, StandardCharsets.US_ASCII));
                    }
                    pool.free(out[k]);
                }
                return seen.size() >= target;
            });
        }
        for (int i = 0; i < count; i++)
        {
            assertEquals("to-app-" + i, seen.get(i));
        }
        assertEquals(0, dev.stats().get(KniCounter.BAD_ADDRESS) + dev.stats().get(KniCounter.BAD_BUFFER) +
            dev.stats().get(KniCounter.BAD_CHAIN));
        assertTrue(dev.stats().get(KniCounter.TX_PACKETS) >= count);

        kernel.release("kni0");
        app.releaseAll();
        assertEquals(pool.count(), pool.available(), "mbufs leaked");
    }

    @Test
    void shouldWriteMultiSegmentChainsAsOneFrame() throws Exception
    {
        final KniKernel kernel = kernel(KniModuleParams.defaults().carrier(true));
        final TestKniApp app = app();
        app.startRequestThread();
        kernel.create(app.info("kni0").macAddr(KNI_MAC).netns(ns.path()));
        ns.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "kni0");
        ns.exec("ip", "link", "set", "kni0", "up");
        final DatagramChannel rx = Netns.callIn(ns.path(), () ->
            DatagramChannel.open().bind(new InetSocketAddress("198.18.0.1", 9001)));
        closeables.add(rx);
        rx.configureBlocking(false);
        final byte[] payload = new byte[3000];
        for (int i = 0; i < payload.length; i++)
        {
            payload[i] = (byte)i;
        }
        final byte[] frame = Frames.udp(KNI_MAC, PEER_MAC, Frames.ip("198.18.0.2"), Frames.ip("198.18.0.1"), 7000, 9001,
            Arrays.copyOf(payload, 1900));
        // three segments: 14 + 1000 + rest
        final long a = pool.allocFrame(Arrays.copyOfRange(frame, 0, 14));
        final long b = pool.allocFrame(Arrays.copyOfRange(frame, 14, 1014));
        final long c = pool.allocFrame(Arrays.copyOfRange(frame, 1014, frame.length));
        UnsafeApi.putLong(a + NEXT_OFFSET, b);
        UnsafeApi.putLong(b + NEXT_OFFSET, c);
        UnsafeApi.putShort(a + NB_SEGS_OFFSET, (short)3);
        UnsafeApi.putInt(a + PKT_LEN_OFFSET, frame.length);
        // the test pool frees segments one by one: keep b and c out of its checks by freeing them ourselves later
        assertEquals(1, app.txBurst(new long[] {a}, 1));
        final ByteBuffer got = ByteBuffer.allocate(4096);
        Await.until("chained datagram", 5_000, () ->
        {
            try
            {
                return rx.receive(got) != null;
            }
            catch (final java.io.IOException ex)
            {
                throw new IllegalStateException(ex);
            }
        });
        got.flip();
        assertEquals(1900, got.remaining());
        final byte[] data = new byte[1900];
        got.get(data);
        assertArrayEquals(Arrays.copyOf(payload, 1900), data);
        pool.free(b);
        pool.free(c);
    }

    @ParameterizedTest
    @EnumSource(value = KniModuleParams.LoMode.class, names = {"FIFO", "FIFO_SKB"})
    void shouldLoopRxQBackToTxQ(final KniModuleParams.LoMode mode)
    {
        final KniKernel kernel = kernel(KniModuleParams.defaults().loMode(mode));
        final TestKniApp app = app();
        app.refill();
        final KniDevice dev = kernel.create(app.info("kni0").netns(ns.path()));
        final int count = 500;
        final long[] one = new long[1];
        final long[] out = new long[32];
        final List<byte[]> back = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            final byte[] f = new byte[60 + (i * 7) % 1400];
            Arrays.fill(f, (byte)i);
            one[0] = pool.allocFrame(f);
            Await.until("rx_q room", 5_000, () -> app.txBurst(one, 1) == 1);
            if ((i & 15) == 15 || i == count - 1)
            {
                final int expected = i + 1;
                Await.until("looped frames", 5_000, () ->
                {
                    final int n = app.rxBurst(out, out.length);
                    for (int k = 0; k < n; k++)
                    {
                        back.add(TestMbufPool.frame(out[k]));
                        pool.free(out[k]);
                    }
                    return back.size() >= expected;
                });
            }
        }
        for (int i = 0; i < count; i++)
        {
            assertEquals(60 + (i * 7) % 1400, back.get(i).length, "frame " + i);
            assertEquals((byte)i, back.get(i)[back.get(i).length - 1]);
        }
        assertEquals(count, dev.stats().get(KniCounter.RX_PACKETS));
        assertEquals(count, dev.stats().get(KniCounter.TX_PACKETS));
        kernel.release("kni0");
        app.releaseAll();
        assertEquals(pool.count(), pool.available(), "mbufs leaked");
    }

    @Test
    void shouldCountAndDropHostileFifoEntriesAndKeepRunning()
    {
        final KniKernel kernel = kernel(KniModuleParams.defaults().loMode(KniModuleParams.LoMode.FIFO_SKB));
        final TestKniApp app = app();
        // wild entries on alloc_q first: the TAP reader takes an mbuf before each read and meets them at once
        app.allocQ.put(new long[] {0x1234_5678L, pool.base() + 16}, 0, 2);
        app.refill();
        final KniDevice dev = kernel.create(app.info("kni0").netns(ns.path()));
        final long loop = pool.allocFrame(new byte[100]);
        UnsafeApi.putLong(loop + NEXT_OFFSET, loop);
        UnsafeApi.putShort(loop + NB_SEGS_OFFSET, (short)2);
        UnsafeApi.putInt(loop + PKT_LEN_OFFSET, 200);
        final long huge = pool.allocFrame(new byte[100]);
        UnsafeApi.putShort(huge + DATA_LEN_OFFSET, (short)0xFFFF);
        UnsafeApi.putInt(huge + PKT_LEN_OFFSET, 0xFFFF);
        final long[] wild = {0L, 1L, -8L, 0x7fff_ffff_f000L, pool.base() + 8, memory.address() + 64, 0xdead_0000L};
        assertEquals(wild.length, app.txBurst(wild, wild.length));
        assertEquals(2, app.txBurst(new long[] {loop, huge}, 2));
        Await.until("hostile entries counted", 5_000, () ->
            dev.stats().get(KniCounter.BAD_ADDRESS) == wild.length + 2 &&
            dev.stats().get(KniCounter.BAD_CHAIN) + dev.stats().get(KniCounter.BAD_BUFFER) == 2);
        // a good frame still goes through, using an alloc_q entry after the two wild ones
        final long good = pool.allocFrame(new byte[64]);
        assertEquals(1, app.txBurst(new long[] {good}, 1));
        final long[] out = new long[4];
        final int[] got = new int[1];
        Await.until("good frame looped", 5_000, () ->
        {
            final int k = app.rxBurst(out, out.length);
            for (int i = 0; i < k; i++)
            {
                pool.free(out[i]);
            }
            got[0] += k;
            return got[0] == 1;
        });
        assertTrue(dev.stats().get(KniCounter.BAD_ADDRESS) >= wild.length + 2, dev.stats().toString());
        Await.until("loop and huge mbufs returned on free_q", 5_000, () ->
        {
            app.drainFree();
            // all but the one mbuf the TAP reader holds for its next read
            return pool.available() + app.allocQ.count() == pool.count() - 1;
        });
        kernel.release("kni0");
        app.releaseAll();
        assertEquals(pool.count(), pool.available(), "mbufs leaked");
    }

    @Test
    void shouldServeEachInterfaceWithItsOwnBoundThreadInMultipleMode() throws Exception
    {
        final int[] cpus = LibC.allowedCpus();
        final int core = cpus[cpus.length - 1];
        final KniKernel kernel = kernel(KniModuleParams.defaults().kthreadMode(KniModuleParams.KthreadMode.MULTIPLE)
            .loMode(KniModuleParams.LoMode.FIFO));
        final TestKniApp app0 = app();
        final TestKniApp app1 = app();
        app0.refill();
        app1.refill();
        kernel.create(app0.info("kni0").coreId(core).forceBind(true).netns(ns.path()));
        kernel.create(app1.info("kni1").netns(ns.path()));
        // the threads name themselves once running: wait for the names (a loaded machine may take a while)
        Await.until("kni_kni0 and kni_kni1 running", 5_000,
            () -> threadRunning("kni_kni0") && threadRunning("kni_kni1"));
        final String allowed = threadCpus("kni_kni0");
        assertEquals(String.valueOf(core), allowed, "kni_kni0 bound to core " + core);
        for (final TestKniApp app : new TestKniApp[] {app0, app1})
        {
            final long m = pool.allocFrame(new byte[80]);
            assertEquals(1, app.txBurst(new long[] {m}, 1));
            final long[] out = new long[1];
            Await.until("looped on its own thread", 5_000, () -> app.rxBurst(out, 1) == 1);
            pool.free(out[0]);
        }
        final KniControlException badCore = assertThrows(KniControlException.class,
            () -> kernel.create(app0.info("kni2").coreId(4096).forceBind(true).netns(ns.path())));
        assertEquals(Errno.EINVAL, badCore.errno());
        assertTrue(badCore.getMessage().contains("core_id=4096"), badCore.getMessage());
        kernel.close();
        assertNull(threadCpus("kni_kni0"));
        app0.releaseAll();
        app1.releaseAll();
        assertEquals(pool.count(), pool.available(), "mbufs leaked");
    }

    private static boolean threadRunning(final String comm)
    {
        try
        {
            return threadCpus(comm) != null;
        }
        catch (final Exception ex)
        {
            return false;  // a thread ended while /proc/self/task was read: look again
        }
    }

    /** Cpus_allowed_list of this process's thread named {@code comm}, or null. */
    private static String threadCpus(final String comm) throws Exception
    {
        try (var tasks = Files.list(Path.of("/proc/self/task")))
        {
            for (final Path t : (Iterable<Path>)tasks::iterator)
            {
                final String name = Files.readString(t.resolve("comm")).trim();
                if (name.equals(comm))
                {
                    for (final String line : Files.readAllLines(t.resolve("status")))
                    {
                        if (line.startsWith("Cpus_allowed_list:"))
                        {
                            return line.substring("Cpus_allowed_list:".length()).trim();
                        }
                    }
                }
            }
        }
        return null;
    }

    private static void awaitRequest(final TestKniApp app, final int reqId, final int value)
    {
        Await.until(KniRequestId.name(reqId) + "(" + value + ") in " + app.requests, 5_000, () ->
            app.requests.stream().anyMatch(s -> s.reqId == reqId && s.value == value));
    }
}
