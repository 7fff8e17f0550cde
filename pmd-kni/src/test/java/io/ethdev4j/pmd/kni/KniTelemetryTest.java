package io.ethdev4j.pmd.kni;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.RuntimeDir;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.kni.Kni;
import io.ethdev4j.kni.KniConf;
import io.ethdev4j.kni.KniContext;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.testkit.Json;
import io.ethdev4j.testkit.TelemetryClient;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** /kni/list and /kni/info on the telemetry socket: a net_kni port's KNI and one the application allocated itself. */
class KniTelemetryTest
{
    private final String prefix = "kni-telem-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private TestNetns ns;
    private Eal eal;
    private MbufPool pool;
    private KniContext own;

    @BeforeEach
    void setUp()
    {
        NetAdmin.require();
        ns = new TestNetns();
        ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
    }

    @AfterEach
    void tearDown() throws IOException
    {
        try
        {
            if (own != null)
            {
                own.close();
            }
            if (eal != null)
            {
                for (final EthDev p : eal.ports())
                {
                    p.stop();
                    p.close();
                }
                assertEquals(0, pool.inUse(), "mbufs in use after the KNIs went");
                eal.close();
            }
        }
        finally
        {
            ns.close();
            final Path dir = RuntimeDir.pathFor(prefix);
            Files.deleteIfExists(dir.resolve("config"));
            Files.deleteIfExists(dir);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(final TelemetryClient c, final String request)
    {
        final Map<String, Object> r = Json.object(c.request(request));
        return (Map<String, Object>)r.get(request.split(",", 2)[0]);
    }

    @Test
    void shouldListAndDescribeEveryKniOfTheRuntime()
    {
        eal = Eal.init("--no-huge", "-m", "256", "--file-prefix", prefix, "--vdev", "net_kni0,netns=" + ns.name(),
            "--log-level=4");
        pool = eal.createPktmbufPool("kni_telem_pool", 4096, 0, 0, 2176);
        final EthDev port = eal.port(0);
        port.configure(1, 1, null);
        port.rxQueueSetup(0, 0, pool, null);
        port.txQueueSetup(0, 0, null);
        port.start();
        own = KniContext.init(eal);
        final Kni app = own.alloc(pool, new KniConf().name("vEthTel0").mbufSize(2048).netns(ns.name()), null);
        assertNotNull(app);

        try (TelemetryClient c = TelemetryClient.connect(eal.runtimeDir().resolve("dpdk_telemetry.v2")))
        {
            final String all = c.request("/");
            assertTrue(all.contains("\"/kni/info\"") && all.contains("\"/kni/list\""), all);
            final List<?> names = (List<?>)Json.object(c.request("/kni/list")).get("/kni/list");
            assertEquals(List.of("kni0", "vEthTel0"), names.stream().sorted().toList());

            System.out.println(c.request("/kni/info,kni0"));
            final Map<String, Object> k = data(c, "/kni/info,kni0");
            assertEquals("kni0", k.get("name"));
            assertEquals(ns.name(), k.get("netns"));
            assertEquals(0L, k.get("port_id"));
            assertEquals("kni_telem_pool", k.get("pool"));
            assertEquals(1L, k.get("present"));
            assertEquals(1024L, k.get("fifo_len"));
            for (final String q : Kni.FIFO_NAMES)
            {
                final long n = (Long)k.get(q);
                assertTrue(n >= 0 && n < 1024, q + "=" + n);
            }
            assertTrue((Long)k.get("alloc_q") > 0, "alloc_q is pre-filled: " + k);
            assertTrue(k.get("kni_rx_packets") instanceof Long, "the kernel side's counters of a port: " + k);
            assertTrue(k.get("rx_nombuf") instanceof Long);

            final Map<String, Object> a = data(c, "/kni/info,vEthTel0");
            assertEquals(-1L, a.get("port_id"), "allocated by the application, not a port");
            assertEquals(2048L, a.get("mbuf_size"));
            assertNull(a.get("kni_rx_packets"));

            assertEquals("{\"/kni/info\":{}}", c.request("/kni/info,nope"));
            assertEquals("{\"/kni/info\":null}", c.request("/kni/info"));

            assertTrue(own.release(app));
            assertEquals("{\"/kni/list\":[\"kni0\"]}", c.request("/kni/list"));
            assertEquals("{\"/kni/info\":{}}", c.request("/kni/info,vEthTel0"), "a released KNI is gone");
        }
    }
}
