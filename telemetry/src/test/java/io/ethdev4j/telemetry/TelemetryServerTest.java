package io.ethdev4j.telemetry;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.RuntimeDir;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.testkit.Json;
import io.ethdev4j.testkit.TelemetryClient;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.UnixSocket;
import io.ethdev4j.testkit.Prerequisites;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The telemetry socket of a runtime with one net_null port forwarding on a worker lcore: DPDK's protocol, every
 * built-in command's shape, and clients that misbehave (junk, a 1 MB message, closing mid-reply, too many at once)
 * while the lcore keeps forwarding.
 */
class TelemetryServerTest
{
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(20);

    private final String prefix = "telem-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final List<Eal> runtimes = new ArrayList<>();
    private Eal eal;
    private EthDev port;
    private final AtomicBoolean forwarding = new AtomicBoolean();
    private final AtomicLong loops = new AtomicLong();

    private Eal init(final String... extra)
    {
        final List<String> a = new ArrayList<>(List.of("--no-huge", "-m", "64", "--no-pci", "-l", "0-1",
            "--file-prefix", prefix, "--vdev", "net_null0"));
        a.addAll(Arrays.asList(extra));
        final Eal e = Eal.init(a.toArray(new String[0]));
        runtimes.add(e);
        return e;
    }

    @BeforeEach
    void setUp()
    {
        eal = init();
        final MbufPool pool = eal.createPktmbufPool("telem_pool", 1023, 32, 0, 2176);
        port = eal.port(0);
        port.configure(1, 1, null);
        port.rxQueueSetup(0, 256, pool, null);
        port.txQueueSetup(0, 256, null);
        port.start();
    }

    @AfterEach
    void tearDown() throws IOException
    {
        forwarding.set(false);
        for (int i = runtimes.size() - 1; i >= 0; i--)
        {
            runtimes.get(i).waitAllLcores();
            runtimes.get(i).close();
        }
        final Path dir = RuntimeDir.pathFor(prefix);
        if (Files.exists(dir))
        {
            try (Stream<Path> s = Files.walk(dir))
            {
                for (final Path p : (Iterable<Path>)s.sorted(Comparator.reverseOrder())::iterator)
                {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private Path socket()
    {
        return eal.runtimeDir().resolve(TelemetryServer.SOCKET_NAME);
    }

    /** io forwarding on worker lcore 1, port 0 to itself, as testpmd's forwarding loop does. */
    private void startForwarding()
    {
        forwarding.set(true);
        eal.remoteLaunch(1, () ->
        {
            final Mbuf[] burst = new Mbuf[32];
            while (forwarding.get())
            {
                final int n = port.rxBurst(0, burst, 0, 32);
                final int sent = port.txBurst(0, burst, 0, n);
                for (int i = sent; i < n; i++)
                {
                    burst[i].free();
                }
                loops.incrementAndGet();
            }
        });
    }

    private long rxPackets()
    {
        final EthStats s = new EthStats();
        port.statsGet(s);
        return s.ipackets;
    }

    /** Waits (bounded) until the port has received more than {@code than}. */
    private void assertForwardingMovesPast(final long than)
    {
        final long deadline = System.nanoTime() + WAIT_NS;
        while (rxPackets() <= than)
        {
            assertTrue(System.nanoTime() < deadline, "forwarding stopped at " + than + " packets");
            Thread.onSpinWait();
        }
    }

    private static String reply(final Path socket, final String request)
    {
        try (TelemetryClient c = TelemetryClient.connect(socket))
        {
            return c.request(request);
        }
    }

    // ------------------------------------------------------------------ protocol

    @Test
    void shouldListenInTheRuntimeDirectoryAndRemoveTheSocketAtClose()
    {
        assertTrue(Files.exists(socket()), socket() + " exists while the runtime runs");
        final Path s = socket();
        runtimes.remove(eal);
        eal.close();
        assertFalse(Files.exists(s), "close removes the socket");
        assertTrue(Files.isDirectory(s.getParent()), "the runtime directory stays, as DPDK leaves it");
    }

    @Test
    void shouldGreetEveryClientAsDpdk()
    {
        try (TelemetryClient c = TelemetryClient.connect(socket()))
        {
            assertEquals("{\"version\":\"DPDK 22.11.11\",\"pid\":" + LibC.pid() + ",\"max_output_len\":16384}",
                c.greeting());
            assertEquals("{\"/info\":{\"version\":\"DPDK 22.11.11\",\"pid\":" + LibC.pid() + ",\"max_output_len\":16384}}",
                c.request("/info"));
            assertEquals("{\"/help\":\"Returns help text for a command. Parameters: string command\"}", c.request("/help"));
            assertEquals("{\"/help\":{\"/ethdev/stats\":\"Returns the common stats for a port. Parameters: int port_id\"}}",
                c.request("/help,/ethdev/stats"));
            assertEquals("{\"/help\":null}", c.request("/help,/nope"));
        }
    }

    @Test
    void shouldListEveryCommandInOrder()
    {
        final Map<String, Object> r = Json.object(reply(socket(), "/"));
        @SuppressWarnings("unchecked")
        final List<Object> cmds = (List<Object>)r.get("/");
        for (final String c : List.of("/", "/eal/app_params", "/eal/lcore/info", "/eal/lcore/list", "/eal/params",
            "/ethdev/info", "/ethdev/link_status", "/ethdev/list", "/ethdev/stats", "/ethdev/xstats", "/help", "/info",
            "/mempool/info", "/mempool/list", "/ring/info", "/ring/list"))
        {
            assertTrue(cmds.contains(c), c + " in " + cmds);
        }
        final List<Object> sorted = new ArrayList<>(cmds);
        sorted.sort(Comparator.comparing(Object::toString));
        assertEquals(sorted, cmds, "sorted as DPDK keeps them");
    }

    @Test
    void shouldAnswerEachCommandWithDpdksShape()
    {
        final String q16 = "[int]";
        final String[][] expected = {
            {"/eal/params", "{/eal/params:[string]}"},
            {"/eal/app_params", "{/eal/app_params:[]}"},
            {"/eal/lcore/list", "{/eal/lcore/list:[int]}"},
            {"/eal/lcore/info,1", "{/eal/lcore/info:{lcore_id:int,socket:int,role:string,cpuset:[int]}}"},
            {"/eal/lcore/info,100", "{/eal/lcore/info:null}"},
            {"/eal/lcore/info,x", "{/eal/lcore/info:null}"},
            {"/ethdev/list", "{/ethdev/list:[int]}"},
            {"/ethdev/stats,0", "{/ethdev/stats:{ipackets:int,opackets:int,ibytes:int,obytes:int,imissed:int," +
                "ierrors:int,oerrors:int,rx_nombuf:int,q_ipackets:" + q16 + ",q_opackets:" + q16 + ",q_ibytes:" + q16 +
                ",q_obytes:" + q16 + ",q_errors:" + q16 + "}}"},
            {"/ethdev/xstats,0", "{/ethdev/xstats:{rx_good_packets:int,tx_good_packets:int,rx_good_bytes:int," +
                "tx_good_bytes:int,rx_missed_errors:int,rx_errors:int,tx_errors:int,rx_mbuf_allocation_errors:int," +
                "rx_q0_packets:int,rx_q0_bytes:int,rx_q0_errors:int,tx_q0_packets:int,tx_q0_bytes:int}}"},
            {"/ethdev/link_status,0", "{/ethdev/link_status:{status:string,speed:int,duplex:string}}"},
            {"/ethdev/info,0", "{/ethdev/info:{name:string,state:int,nb_rx_queues:int,nb_tx_queues:int,port_id:int," +
                "mtu:int,rx_mbuf_size_min:int,mac_addr:string,promiscuous:int,scattered_rx:int,all_multicast:int," +
                "dev_started:int,lro:int,dev_configured:int,rxq_state:[int],txq_state:[int],numa_node:int," +
                "dev_flags:int,rx_offloads:int,tx_offloads:int,ethdev_rss_hf:int}}"},
            {"/ethdev/stats,5", "{/ethdev/stats:null}"},
            {"/ethdev/stats", "{/ethdev/stats:null}"},
            {"/mempool/list", "{/mempool/list:[string]}"},
            {"/mempool/info,telem_pool", "{/mempool/info:{name:string,pool_id:int,flags:int,socket_id:int,size:int," +
                "cache_size:int,elt_size:int,header_size:int,trailer_size:int,private_data_size:int,ops_index:int," +
                "populated_size:int,total_cache_count:int,common_pool_count:int,mz_name:string,mz_len:int," +
                "mz_hugepage_sz:int,mz_socket_id:int,mz_flags:int}}"},
            {"/mempool/info,nope", "{/mempool/info:{}}"},
            {"/mempool/info", "{/mempool/info:null}"},
            {"/ring/list", "{/ring/list:[string]}"},
            {"/ring/info,MP_telem_pool", "{/ring/info:{name:string,socket:int,flags:int,producer_type:string," +
                "consumer_type:string,size:int,mask:string,capacity:int,used_count:int}}"},
            {"/ring/info,nope", "{/ring/info:{}}"},
        };
        try (TelemetryClient c = TelemetryClient.connect(socket()))
        {
            for (final String[] e : expected)
            {
                final String r = c.request(e[0]);
                assertEquals(e[1], Json.shape(Json.parse(r)), e[0] + " answered " + r);
            }
            final Map<String, Object> info = Json.object(c.request("/ethdev/info,0"));
            @SuppressWarnings("unchecked")
            final Map<String, Object> d = (Map<String, Object>)info.get("/ethdev/info");
            assertEquals("net_null0", d.get("name"));
            assertEquals(1L, d.get("dev_started"));
            assertEquals(2176L, d.get("rx_mbuf_size_min"));
            assertEquals(port.macAddr().toString(), d.get("mac_addr"));
            assertTrue(c.request("/mempool/list").contains("\"telem_pool\""));
            assertTrue(c.request("/ring/list").contains("\"MP_telem_pool\""));
            assertTrue(c.request("/ring/info,MP_telem_pool").contains("\"size\":1024,\"mask\":\"0x3ff\",\"capacity\":1023"));
            assertEquals("{\"/ethdev/list\":[0]}", c.request("/ethdev/list"));
            assertEquals("{\"/eal/lcore/list\":[0,1]}", c.request("/eal/lcore/list"));
            assertEquals("{\"/eal/params\":[\"ethdev4j\",\"--no-huge\",\"-m\",\"64\",\"--no-pci\",\"-l\",\"0-1\"," +
                "\"--file-prefix\",\"" + prefix + "\",\"--vdev\",\"net_null0\"]}", c.request("/eal/params"));
        }
    }

    @Test
    void shouldParsePortIdsAsDpdk()
    {
        try (TelemetryClient c = TelemetryClient.connect(socket()))
        {
            final String linkUp = "{\"/ethdev/link_status\":{\"status\":\"UP\",\"speed\":10000,\"duplex\":\"full-duplex\"}}";
            assertEquals(linkUp, c.request("/ethdev/link_status,0"));
            assertEquals(linkUp, c.request("/ethdev/link_status,0x0"), "strtoul base 0");
            assertEquals(linkUp, c.request("/ethdev/link_status,00"));
            assertEquals(linkUp, c.request("/ethdev/link_status,0,extra"), "extra parameters are ignored");
            assertEquals("{\"/ethdev/link_status\":null}", c.request("/ethdev/link_status, 0"), "must start with a digit");
            assertTrue(c.request("/ethdev/stats,0junk").startsWith("{\"/ethdev/stats\":{\"ipackets\":"), "atoi");
            assertEquals("{\"/ethdev/info\":null}", c.request("/ethdev/info,99999999999999999999"));
        }
    }

    // ------------------------------------------------------------------ misbehaving clients

    @Test
    void shouldAnswerJunkWithNullAndKeepServing()
    {
        startForwarding();
        final long before = rxPackets();
        try (TelemetryClient c = TelemetryClient.connect(socket()))
        {
            assertEquals("{\"(null)\":null}", c.request(","), "strtok found no command: glibc's %s of NULL");
            assertEquals("{\"/info\":{\"version\":\"DPDK 22.11.11\",\"pid\":" + LibC.pid() + ",\"max_output_len\":16384}}",
                c.request(",,/info,"), "leading commas skipped, empty parameters are none");
            assertEquals("{\"ab\\\"c\\\\d\":null}", c.request("ab\"c\\d"), "the echoed key is valid JSON");
            assertEquals("{\"x\":null}", c.request("x"));
            final String longCmd = "/" + "y".repeat(2000);
            assertEquals("{\"" + longCmd.substring(0, TelJson.MAX_CMD_LEN) + "\":null}", c.request(longCmd));
            c.send(new byte[] {(byte)0xff, (byte)0xfe, '/', 'i'});
            assertEquals("{\"\uFFFD\uFFFD/i\":null}", c.receive(), "bytes that are not UTF-8 come back as U+FFFD");
            c.send("/info\0garbage".getBytes(StandardCharsets.UTF_8));
            assertTrue(c.receive().startsWith("{\"/info\":{"), "a NUL ends the request");
            c.send(new byte[] {0});
            assertEquals("{\"(null)\":null}", c.receive());
            for (final String r : List.of(",", "ab\"c", "x", "/info,"))
            {
                Json.parse(c.request(r)); // every reply parses
            }
            assertEquals("{\"/ethdev/list\":[0]}", c.request("/ethdev/list"));
        }
        assertForwardingMovesPast(before);
    }

    @Test
    void shouldCutAOneMegabyteRequestAndKeepServing()
    {
        Prerequisites.require(Prerequisites.isRoot(), "needs root: a 1 MB SOCK_SEQPACKET message needs SO_SNDBUFFORCE");
        startForwarding();
        final long before = rxPackets();
        try (TelemetryClient c = TelemetryClient.connect(socket()))
        {
            UnixSocket.setIntOption(c.fd(), UnixSocket.SOL_SOCKET, UnixSocket.SO_SNDBUFFORCE, 4 << 20);
            final byte[] big = new byte[1 << 20];
            Arrays.fill(big, (byte)'z');
            big[0] = '/';
            c.send(big);
            assertEquals("{\"/" + "z".repeat(TelJson.MAX_CMD_LEN - 1) + "\":null}", c.receive(),
                "the server reads 1023 bytes of it, as DPDK, and the socket drops the rest");
            assertEquals("{\"/ethdev/list\":[0]}", c.request("/ethdev/list"), "the next request is answered");
        }
        assertEquals("{\"/ethdev/list\":[0]}", reply(socket(), "/ethdev/list"));
        assertForwardingMovesPast(before);
    }

    @Test
    void shouldSurviveClientsThatCloseMidReplyOrNeverRead()
    {
        startForwarding();
        final long before = rxPackets();
        for (int i = 0; i < 50; i++)
        {
            final int fd = TelemetryClient.connectFd(socket());
            final byte[] req = (i % 2 == 0 ? "/ethdev/xstats,0" : "/").getBytes(StandardCharsets.UTF_8);
            UnixSocket.send(fd, req, req.length, UnixSocket.MSG_NOSIGNAL);
            LibC.closeQuietly(fd); // before the greeting or the reply is read
        }
        final TelemetryServer server = server();
        final long deadline = System.nanoTime() + WAIT_NS;
        while (server.clientCount() > 0)
        {
            assertTrue(System.nanoTime() < deadline, server.clientCount() + " dropped clients still counted");
            Thread.onSpinWait();
        }
        assertEquals("{\"/ethdev/list\":[0]}", reply(socket(), "/ethdev/list"));
        assertForwardingMovesPast(before);
    }

    @Test
    void shouldServeTenClientsAtOnceAndCloseTheEleventh() throws Exception
    {
        startForwarding();
        final long before = rxPackets();
        final List<TelemetryClient> open = new ArrayList<>();
        final ExecutorService pool = Executors.newFixedThreadPool(TelemetryServer.MAX_CONNECTIONS);
        try
        {
            for (int i = 0; i < TelemetryServer.MAX_CONNECTIONS; i++)
            {
                open.add(TelemetryClient.connect(socket()));
            }
            final List<Future<Boolean>> results = new ArrayList<>();
            for (final TelemetryClient c : open)
            {
                results.add(pool.submit(() ->
                {
                    for (int k = 0; k < 100; k++)
                    {
                        final Map<String, Object> r = Json.object(c.request("/ethdev/stats,0"));
                        if (!(r.get("/ethdev/stats") instanceof Map))
                        {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (final Future<Boolean> f : results)
            {
                assertTrue(f.get(60, TimeUnit.SECONDS));
            }
            final int extra = TelemetryClient.connectFd(socket());
            try
            {
                assertEquals("", TelemetryClient.receive(extra, TelemetryClient.TIMEOUT_MS),
                    "the eleventh is closed without a greeting (MAX_CONNECTIONS)");
            }
            finally
            {
                LibC.closeQuietly(extra);
            }
            assertEquals(1, server().refusedCount());
        }
        finally
        {
            pool.shutdownNow();
            open.forEach(TelemetryClient::close);
        }
        final TelemetryServer server = server();
        final long deadline = System.nanoTime() + WAIT_NS;
        while (server.clientCount() > 0)
        {
            assertTrue(System.nanoTime() < deadline, "clients still counted after they closed");
            Thread.onSpinWait();
        }
        assertTrue(reply(socket(), "/ethdev/list").contains("[0]"), "a slot is free again");
        assertForwardingMovesPast(before);
    }

    @Test
    void shouldCloseWithClientsConnected()
    {
        final TelemetryClient a = TelemetryClient.connect(socket());
        final TelemetryClient b = TelemetryClient.connect(socket());
        try
        {
            final CompletableFuture<Void> closing = CompletableFuture.runAsync(() ->
            {
                runtimes.remove(eal);
                eal.close();
            });
            assertDoesNotThrow(() -> closing.get(30, TimeUnit.SECONDS));
            assertEquals("", a.receive(), "the server closed the connection");
        }
        finally
        {
            a.close();
            b.close();
        }
    }

    // ------------------------------------------------------------------ the socket file

    @Test
    void shouldNotListenWithNoTelemetry()
    {
        runtimes.remove(eal);
        eal.close();
        final Eal quiet = init("--no-telemetry");
        assertFalse(Files.exists(quiet.runtimeDir().resolve(TelemetryServer.SOCKET_NAME)));
        try (Stream<Path> s = Files.list(quiet.runtimeDir()))
        {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("dpdk_telemetry")));
        }
        catch (final IOException ex)
        {
            fail(ex);
        }
    }

    @Test
    void shouldTakeTheNextNameWhenALiveRuntimeHoldsTheSocket()
    {
        // --in-memory: no config lock, so two runtimes share the prefix (as two DPDK processes may)
        final Eal second = init("--in-memory");
        final Path next = second.runtimeDir().resolve(TelemetryServer.SOCKET_NAME + ":1");
        assertTrue(Files.exists(next), "DPDK's suffix rule: " + next);
        assertTrue(reply(next, "/eal/params").contains("--in-memory"), "the second runtime answers there");
        assertFalse(reply(socket(), "/eal/params").contains("--in-memory"), "the first one keeps its socket");
    }

    @Test
    void shouldReplaceASocketFileLeftByADeadProcess()
    {
        final Path dir = eal.runtimeDir();
        runtimes.remove(eal);
        eal.close();
        final Path stale = dir.resolve(TelemetryServer.SOCKET_NAME);
        final int fd = UnixSocket.socket(UnixSocket.AF_UNIX, UnixSocket.SOCK_SEQPACKET);
        assertEquals(0, UnixSocket.bindUnix(fd, stale.toString()));
        LibC.closeQuietly(fd); // the file stays, nobody listens: what a killed process leaves
        assertTrue(Files.exists(stale));
        eal = init();
        assertEquals("{\"/ethdev/list\":[0]}", reply(stale, "/ethdev/list"));
    }

    @Test
    void shouldRefuseASocketPathTooLongForSunPath()
    {
        final int fd = UnixSocket.socket(UnixSocket.AF_UNIX, UnixSocket.SOCK_SEQPACKET);
        try
        {
            final io.ethdev4j.sys.SysException ex = assertThrows(io.ethdev4j.sys.SysException.class,
                () -> UnixSocket.bindUnix(fd, "/tmp/" + "a".repeat(200)));
            assertEquals(Errno.ENAMETOOLONG, ex.errno());
        }
        finally
        {
            LibC.closeQuietly(fd);
        }
    }

    private TelemetryServer server()
    {
        final TelemetryServer s = TelemetryServer.of(eal);
        assertNotNull(s, "the runtime has a telemetry server");
        return s;
    }
}
