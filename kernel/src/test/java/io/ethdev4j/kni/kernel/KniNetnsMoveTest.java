package io.ethdev4j.kni.kernel;

import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniRequestId;
import io.ethdev4j.kni.kernel.datapath.MutableMempoolRegistry;
import io.ethdev4j.sys.Mac;
import io.ethdev4j.sys.Netns;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.Frames;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestKniApp;
import io.ethdev4j.test.TestMbufPool;
import io.ethdev4j.test.TestMemory;
import io.ethdev4j.test.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An interface handed to another network namespace ({@code ip link set NAME netns NS}, as to a container) keeps
 * working: the kernel side follows it there, serves its requests from there, moves frames both ways, follows it back,
 * and notices when it is deleted inside the namespace or destroyed with the namespace.
 */
class KniNetnsMoveTest
{
    private static final byte[] KNI_MAC = Mac.parse("02:00:00:00:00:10");
    private static final byte[] PEER_MAC = Mac.parse("02:00:00:00:00:22");

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private TestNetns home;
    private TestNetns away;
    private TestMemory memory;
    private TestMbufPool pool;
    private KniKernel kernel;
    private TestKniApp app;

    @BeforeEach
    void setUp()
    {
        NetAdmin.require();
        home = new TestNetns();
        away = new TestNetns();
        for (final TestNetns ns : new TestNetns[] {home, away})
        {
            ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1", "net.ipv6.conf.all.disable_ipv6=1");
        }
        memory = new TestMemory(32L << 20);
        pool = new TestMbufPool(memory, 1, 2048);
        final MutableMempoolRegistry registry = new MutableMempoolRegistry();
        registry.register(pool.range());
        kernel = new KniKernel(KniModuleParams.defaults().carrier(true), registry);
        app = new TestKniApp(memory, pool);
        app.startRequestThread();
        app.refill();
    }

    @AfterEach
    void tearDown() throws Exception
    {
        try
        {
            for (int i = closeables.size() - 1; i >= 0; i--)
            {
                closeables.get(i).close();
            }
            if (kernel != null)
            {
                kernel.close();
            }
        }
        finally
        {
            if (app != null)
            {
                app.close();
            }
            if (memory != null)
            {
                memory.close();
            }
            if (away != null)
            {
                away.close();
            }
            if (home != null)
            {
                home.close();
            }
        }
    }

    @Test
    void shouldFollowTheInterfaceIntoAnotherNamespaceAndBack() throws Exception
    {
        final KniDevice dev = kernel.create(app.info("kni0").macAddr(KNI_MAC).mtu(2034).netns(home.path()));
        home.exec("ip", "link", "set", "kni0", "up");
        awaitRequest(KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 1, 1);

        home.exec("ip", "link", "set", "kni0", "netns", away.name());
        Await.until("move followed", 5_000, () -> dev.moves() == 1);
        assertTrue(dev.present(), "a move is not a deletion");
        // the kernel closes a netdev it moves: the application hears it went down, as from the module's ndo_stop
        awaitRequest(KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 0, 1);

        // requests are served from the new namespace: up (carrier follows), MTU, promiscuous
        away.exec("ip", "link", "set", "kni0", "up");
        awaitRequest(KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 1, 2);
        Await.until("carrier on in the new namespace", 5_000, () -> link(away).contains("LOWER_UP"));
        away.exec("ip", "link", "set", "kni0", "mtu", "1400");
        awaitRequest(KniRequestId.RTE_KNI_REQ_CHANGE_MTU, 1400, 1);
        // a change beyond max_mtu is still reverted there
        away.exec("ip", "link", "set", "kni0", "mtu", "9000");
        Await.until("mtu 9000 refused and restored", 5_000, () -> dev.refusals() == 1 &&
            link(away).contains("mtu 1400"));

        // frames both ways through the moved interface
        away.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "kni0");
        away.exec("ip", "neigh", "add", "198.18.0.2", "lladdr", Mac.format(PEER_MAC), "dev", "kni0");
        final DatagramChannel rx = Netns.callIn(away.path(), () ->
            DatagramChannel.open().bind(new InetSocketAddress("198.18.0.1", 9001)));
        closeables.add(rx);
        rx.configureBlocking(false);
        final long m = pool.allocFrame(Frames.udp(KNI_MAC, PEER_MAC, Frames.ip("198.18.0.2"), Frames.ip("198.18.0.1"),
            7000, 9001, "to-kernel".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(1, app.txBurst(new long[] {m}, 1));
        final ByteBuffer got = ByteBuffer.allocate(2048);
        Await.until("datagram received in the new namespace", 5_000, () -> receive(rx, got));
        got.flip();
        assertEquals("to-kernel", StandardCharsets.US_ASCII.decode(got).toString());

        final DatagramChannel tx = Netns.callIn(away.path(), DatagramChannel::open);
        closeables.add(tx);
        tx.send(ByteBuffer.wrap("to-app".getBytes(StandardCharsets.US_ASCII)), new InetSocketAddress("198.18.0.2", 9002));
        final long[] out = new long[32];
        final List<String> seen = new ArrayList<>();
        Await.until("datagram from the new namespace on tx_q", 5_000, () ->
        {
            final int n = app.rxBurst(out, out.length);
            for (int k = 0; k < n; k++)
            {
                final byte[] payload = Frames.udpPayload(TestMbufPool.frame(out[k]), 9002);
                if (payload != null)
                {
                    seen.add(new String(payload, StandardCharsets.US_ASCII));
                }
                pool.free(out[k]);
            }
            return seen.contains("to-app");
        });

        // back home (a move made from inside the namespace it is in)
        away.exec("ip", "link", "set", "kni0", "netns", home.name());
        Await.until("move back followed", 5_000, () -> dev.moves() == 2);
        awaitRequest(KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 0, 2);
        home.exec("ip", "link", "set", "kni0", "up");
        awaitRequest(KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 1, 3);
        home.exec("ip", "link", "set", "kni0", "mtu", "1500");
        awaitRequest(KniRequestId.RTE_KNI_REQ_CHANGE_MTU, 1500, 1);
        assertTrue(dev.present());
        assertEquals(0, dev.stats().get(KniCounter.BAD_ADDRESS) + dev.stats().get(KniCounter.BAD_BUFFER));

        assertTrue(kernel.release("kni0"));
        assertNotEquals(0, home.tryExec("ip", "link", "show", "kni0").exit, "released interface removed");
        app.drainFree();
        app.releaseAll();
        assertEquals(pool.count(), pool.available(), "mbufs leaked");
    }

    @Test
    void shouldSeeADeletionInsideTheNewNamespace()
    {
        final KniDevice dev = kernel.create(app.info("kni0").netns(home.path()));
        home.exec("ip", "link", "set", "kni0", "netns", away.name());
        Await.until("move followed", 5_000, () -> dev.moves() == 1);
        away.exec("ip", "link", "del", "kni0");
        Await.until("deletion in the new namespace seen", 5_000, () -> !dev.present());
        assertTrue(kernel.release("kni0"));
        app.releaseAll();
        assertEquals(pool.count(), pool.available(), "mbufs leaked");
    }

    @Test
    void shouldSeeTheInterfaceDestroyedWithItsNamespace()
    {
        final KniDevice dev = kernel.create(app.info("kni0").netns(home.path()));
        home.exec("ip", "link", "set", "kni0", "netns", away.name());
        Await.until("move followed", 5_000, () -> dev.moves() == 1);
        away.close();
        // the namespace dies once its last reference goes: nothing on the kernel side may hold it open
        Await.until("interface destroyed with its namespace", 10_000, () -> !dev.present());
        assertTrue(kernel.release("kni0"));
        app.releaseAll();
        assertEquals(pool.count(), pool.available(), "mbufs leaked");
    }

    private static String link(final TestNetns ns)
    {
        return ns.exec("ip", "link", "show", "kni0");
    }

    private void awaitRequest(final int reqId, final int value, final long times)
    {
        Await.until(KniRequestId.name(reqId) + "(" + value + ") x" + times + " in " + app.requests, 5_000, () ->
            app.requests.stream().filter(s -> s.reqId == reqId && s.value == value).count() >= times);
    }

    private static boolean receive(final DatagramChannel ch, final ByteBuffer into)
    {
        try
        {
            return ch.receive(into) != null;
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
