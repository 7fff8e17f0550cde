package io.ethdev4j.testpmd;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.RuntimeDir;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.UnixSocket;
import io.ethdev4j.testkit.Json;
import io.ethdev4j.sys.SysException;
import io.ethdev4j.testkit.TelemetryClient;
import io.ethdev4j.test.Await;
import io.ethdev4j.testkit.Prerequisites;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * testpmd's telemetry socket as DPDK users reach it: Debian's {@code dpdk-telemetry.py -f PREFIX} with commands on
 * stdin, against testpmd forwarding between two net_null ports; the shape of {@code /ethdev/stats,0} (and its
 * neighbours) compared with {@code dpdk-testpmd}'s on the same kind of port; misbehaving clients while forwarding runs;
 * {@code --no-telemetry}. Needs {@code dpdk-telemetry.py} (and {@code dpdk-testpmd} for the comparison): skipped with
 * the reason without them, failed under {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelemetryTestPmdTest
{
    private static final long STEP_TIMEOUT_MS = 30_000;
    private static final String[] COMMANDS = {
        "/", "/info", "/help", "/help,/ethdev/xstats", "/eal/params", "/eal/app_params", "/eal/lcore/list",
        "/eal/lcore/info,1", "/ethdev/list", "/ethdev/info,0", "/ethdev/stats,0", "/ethdev/xstats,0",
        "/ethdev/link_status,0", "/mempool/list", "/mempool/info,mb_pool_0", "/ring/list", "/ring/info,MP_mb_pool_0",
        "/ethdev/stats,7", "/nope"};

    private final String prefix = "tpmd-telem-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final List<String> prefixes = new ArrayList<>();
    private KniTestPmdEndToEndTest.Session testpmd;

    @BeforeAll
    void startTestPmd()
    {
        prefixes.add(prefix);
        testpmd = new KniTestPmdEndToEndTest.Session("--no-huge", "-m", "256", "--no-pci", "-l", "0-1", "--vdev", "net_null0", "--vdev",
            "net_null1", "--file-prefix", prefix, "--", "-i", "--total-num-mbufs=2048");
        testpmd.awaitOutput("testpmd> ", 0);
        testpmd.command("start", "io packet forwarding");
    }

    @AfterAll
    void quit() throws IOException
    {
        try
        {
            if (testpmd != null)
            {
                assertEquals(0, testpmd.quit(), testpmd.output());
                assertFalse(Files.exists(socket(prefix)), "quit removes the socket");
            }
        }
        finally
        {
            for (final String p : prefixes)
            {
                removeDir(RuntimeDir.pathFor(p));
            }
        }
    }

    private static Path socket(final String prefix)
    {
        return RuntimeDir.pathFor(prefix).resolve("dpdk_telemetry.v2");
    }

    // ------------------------------------------------------------------ dpdk-telemetry.py

    @Test
    void shouldAnswerEveryCommandThroughDpdkTelemetryPy()
    {
        Prerequisites.requireCommand("dpdk-telemetry.py");
        final Map<String, Object> r = telemetryPy(prefix, COMMANDS);
        final String q = "[int]";
        final Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("/", "[string]");
        shapes.put("/info", "{version:string,pid:int,max_output_len:int}");
        shapes.put("/help", "string");
        shapes.put("/help,/ethdev/xstats", "{/ethdev/xstats:string}");
        shapes.put("/eal/params", "[string]");
        shapes.put("/eal/app_params", "[string]");
        shapes.put("/eal/lcore/list", "[int]");
        shapes.put("/eal/lcore/info,1", "{lcore_id:int,socket:int,role:string,cpuset:[int]}");
        shapes.put("/ethdev/list", "[int]");
        shapes.put("/ethdev/info,0", "{name:string,state:int,nb_rx_queues:int,nb_tx_queues:int,port_id:int,mtu:int," +
            "rx_mbuf_size_min:int,mac_addr:string,promiscuous:int,scattered_rx:int,all_multicast:int,dev_started:int," +
            "lro:int,dev_configured:int,rxq_state:[int],txq_state:[int],numa_node:int,dev_flags:int,rx_offloads:int," +
            "tx_offloads:int,ethdev_rss_hf:int}");
        shapes.put("/ethdev/stats,0", "{ipackets:int,opackets:int,ibytes:int,obytes:int,imissed:int,ierrors:int," +
            "oerrors:int,rx_nombuf:int,q_ipackets:" + q + ",q_opackets:" + q + ",q_ibytes:" + q + ",q_obytes:" + q +
            ",q_errors:" + q + "}");
        shapes.put("/ethdev/xstats,0", "{rx_good_packets:int,tx_good_packets:int,rx_good_bytes:int,tx_good_bytes:int," +
            "rx_missed_errors:int,rx_errors:int,tx_errors:int,rx_mbuf_allocation_errors:int,rx_q0_packets:int," +
            "rx_q0_bytes:int,rx_q0_errors:int,tx_q0_packets:int,tx_q0_bytes:int}");
        shapes.put("/ethdev/link_status,0", "{status:string,speed:int,duplex:string}");
        shapes.put("/mempool/list", "[string]");
        shapes.put("/mempool/info,mb_pool_0", "{name:string,pool_id:int,flags:int,socket_id:int,size:int,cache_size:int," +
            "elt_size:int,header_size:int,trailer_size:int,private_data_size:int,ops_index:int,populated_size:int," +
            "total_cache_count:int,common_pool_count:int,mz_name:string,mz_len:int,mz_hugepage_sz:int," +
            "mz_socket_id:int,mz_flags:int}");
        shapes.put("/ring/list", "[string]");
        shapes.put("/ring/info,MP_mb_pool_0", "{name:string,socket:int,flags:int,producer_type:string," +
            "consumer_type:string,size:int,mask:string,capacity:int,used_count:int}");
        shapes.put("/ethdev/stats,7", "null");
        shapes.put("/nope", "null");
        for (final Map.Entry<String, String> e : shapes.entrySet())
        {
            assertEquals(e.getValue(), Json.shape(r.get(e.getKey())), e.getKey() + " answered " + r.get(e.getKey()));
        }
        assertEquals(List.of("testpmd", "--no-huge", "-m", "256", "--no-pci", "-l", "0-1", "--vdev", "net_null0", "--vdev",
            "net_null1", "--file-prefix", prefix), r.get("/eal/params"));
        assertEquals(List.of("-i", "--total-num-mbufs=2048"), r.get("/eal/app_params"));
        assertEquals(List.of(0L, 1L), r.get("/ethdev/list"));
        assertEquals(List.of("mb_pool_0"), r.get("/mempool/list"));
        assertEquals("DPDK 22.11.11", ((Map<?, ?>)r.get("/info")).get("version"));
        assertEquals((long)LibC.pid(), ((Map<?, ?>)r.get("/info")).get("pid"));
        @SuppressWarnings("unchecked")
        final Map<String, Object> stats = (Map<String, Object>)r.get("/ethdev/stats,0");
        assertTrue((Long)stats.get("ipackets") > 0, "testpmd forwards: " + stats);
        assertEquals(stats.get("ipackets"), ((List<?>)stats.get("q_ipackets")).get(0), "one rx queue carries it all");
        @SuppressWarnings("unchecked")
        final Map<String, Object> pool = (Map<String, Object>)r.get("/mempool/info,mb_pool_0");
        assertEquals(2048L, pool.get("size"));
        final long inUse = (Long)pool.get("populated_size") - (Long)pool.get("total_cache_count") -
            (Long)pool.get("common_pool_count");
        assertTrue(inUse >= 0 && inUse <= 2048, "in use: " + inUse + " of " + pool);
    }

    private static boolean accepts(final Path socket)
    {
        try (TelemetryClient ignored = TelemetryClient.connect(socket))
        {
            return true;
        }
        catch (final SysException ex)
        {
            return false;
        }
    }

    @Test
    void shouldMatchDpdkTestpmdsShapesOnANullPort() throws Exception
    {
        Prerequisites.requireCommand("dpdk-telemetry.py");
        Prerequisites.requireCommand("dpdk-testpmd");
        final String theirs = "dpdk-testpmd-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        prefixes.add(theirs);
        final Process dpdk = new ProcessBuilder("dpdk-testpmd", "--no-huge", "-m", "256", "--no-pci", "-l", "0-1",
            "--vdev", "net_null0", "--file-prefix=" + theirs, "--", "-i", "--total-num-mbufs=2048")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try
        {
            // the file appears at bind(), before listen(): wait until a connection is accepted
            Await.until("dpdk-testpmd's telemetry socket", STEP_TIMEOUT_MS,
                () -> !dpdk.isAlive() || Files.exists(socket(theirs)) && accepts(socket(theirs)));
            assertTrue(dpdk.isAlive(), () -> "dpdk-testpmd exited with " + dpdk.exitValue());
            // its socket is up before its ports are: wait until port 0 is started with its link up, as ours is
            try (TelemetryClient c = TelemetryClient.connect(socket(theirs)))
            {
                Await.until("dpdk-testpmd's port 0 started, link up", STEP_TIMEOUT_MS,
                    () -> c.request("/ethdev/link_status,0").contains("\"UP\"") &&
                        c.request("/ethdev/info,0").contains("\"dev_started\":1"));
            }
            final String[] same = {"/info", "/help,/ethdev/stats", "/ethdev/list", "/ethdev/stats,0", "/ethdev/xstats,0",
                "/ethdev/link_status,0", "/ethdev/info,0", "/mempool/list", "/eal/params", "/ethdev/stats,9"};
            final Map<String, Object> dpdkReplies = telemetryPy(theirs, concat(same, "/mempool/info,mb_pool_0"));
            final Map<String, Object> ours = telemetryPy(prefix, concat(same, "/mempool/info,mb_pool_0"));
            for (final String c : same)
            {
                assertEquals(Json.shape(dpdkReplies.get(c)), Json.shape(ours.get(c)),
                    c + ": dpdk-testpmd " + dpdkReplies.get(c) + " vs ours " + ours.get(c));
            }
            // our /mempool/info has DPDK 22.11's keys, in its order, plus 23.11's two counts
            final List<String> dpdkKeys = new ArrayList<>(((Map<?, ?>)dpdkReplies.get("/mempool/info,mb_pool_0"))
                .keySet().stream().map(Object::toString).toList());
            final List<String> ourKeys = new ArrayList<>(((Map<?, ?>)ours.get("/mempool/info,mb_pool_0"))
                .keySet().stream().map(Object::toString).toList());
            ourKeys.removeAll(List.of("total_cache_count", "common_pool_count"));
            assertEquals(dpdkKeys, ourKeys);
            System.out.println("telemetry shapes match dpdk-testpmd: /ethdev/stats,0 = " +
                Json.shape(ours.get("/ethdev/stats,0")));
        }
        finally
        {
            try (OutputStream in = dpdk.getOutputStream())
            {
                in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            }
            catch (final IOException ignore)
            {
                // already gone
            }
            if (!dpdk.waitFor(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            {
                dpdk.destroyForcibly();
                dpdk.waitFor(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    // ------------------------------------------------------------------ clients that misbehave

    @Test
    void shouldKeepForwardingWhileClientsMisbehave() throws Exception
    {
        Prerequisites.requireCommand("dpdk-telemetry.py");
        final long before = ipackets();
        // several dpdk-telemetry.py clients at once
        final List<Process> clients = new ArrayList<>();
        final String[] many = new String[40];
        Arrays.fill(many, "/ethdev/stats,0");
        final Path script = Files.createTempFile("telemetry-cmds", ".txt");
        try
        {
            Files.writeString(script, String.join("\n", many) + "\n");
            for (int i = 0; i < 6; i++)
            {
                clients.add(new ProcessBuilder("dpdk-telemetry.py", "-f", prefix).redirectInput(script.toFile())
                    .redirectErrorStream(true).start());
            }
            // garbage, a 1 MB message (root: SO_SNDBUFFORCE), and clients closing mid-reply, meanwhile
            try (TelemetryClient c = TelemetryClient.connect(socket(prefix)))
            {
                assertEquals("{\"(null)\":null}", c.request(","));
                assertEquals("{\"garbage\\\"\":null}", c.request("garbage\""));
                if (Prerequisites.isRoot())
                {
                    UnixSocket.setIntOption(c.fd(), UnixSocket.SOL_SOCKET, UnixSocket.SO_SNDBUFFORCE, 4 << 20);
                    final byte[] big = new byte[1 << 20];
                    Arrays.fill(big, (byte)'/');
                    c.send(big);
                    assertTrue(c.receive().endsWith("\":null}"));
                }
                assertTrue(c.request("/ethdev/list").equals("{\"/ethdev/list\":[0,1]}"));
            }
            for (int i = 0; i < 20; i++)
            {
                final int fd = TelemetryClient.connectFd(socket(prefix));
                final byte[] req = "/ethdev/xstats,1".getBytes(StandardCharsets.UTF_8);
                UnixSocket.send(fd, req, req.length, UnixSocket.MSG_NOSIGNAL);
                LibC.closeQuietly(fd);
            }
            for (final Process p : clients)
            {
                assertTrue(p.waitFor(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS), "dpdk-telemetry.py did not finish");
                final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                final List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
                assertEquals(many.length, lines.size(), out);
                for (final String l : lines)
                {
                    assertTrue(((Map<?, ?>)Json.object(l).get("/ethdev/stats")).get("ipackets") instanceof Long, l);
                }
            }
        }
        finally
        {
            clients.forEach(Process::destroyForcibly);
            Files.deleteIfExists(script);
        }
        Await.until("forwarding moves on after the abuse", STEP_TIMEOUT_MS, () -> ipackets() > before);
        final String shown = testpmd.command("show port stats 0", "TX-packets");
        assertTrue(shown.contains("RX-packets"), shown);
    }

    /** Last: it quits the shared testpmd first (one runtime at a time in this JVM: mempool names are per process). */
    @Test
    @Order(Integer.MAX_VALUE)
    void shouldRemoveTheSocketAtQuitAndCreateNoneWithNoTelemetry() throws IOException
    {
        assertTrue(Files.exists(socket(prefix)));
        final KniTestPmdEndToEndTest.Session s = testpmd;
        testpmd = null;
        assertEquals(0, s.quit(), s.output());
        assertFalse(Files.exists(socket(prefix)), "quit removes the socket");
        final String quiet = "tpmd-notelem-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        prefixes.add(quiet);
        try (Eal eal = Eal.init("--no-huge", "-m", "64", "--no-pci", "-l", "0", "--vdev", "net_null0", "--file-prefix",
            quiet, "--no-telemetry"))
        {
            assertTrue(Files.isDirectory(eal.runtimeDir()), "the runtime directory is there");
            try (Stream<Path> files = Files.list(eal.runtimeDir()))
            {
                final List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.stream().noneMatch(n -> n.startsWith("dpdk_telemetry")), names.toString());
            }
        }
        try (Eal eal = Eal.init("--no-huge", "-m", "64", "--no-pci", "-l", "0", "--vdev", "net_null0", "--file-prefix",
            quiet))
        {
            assertTrue(Files.exists(eal.runtimeDir().resolve("dpdk_telemetry.v2")), "and without the option, it listens");
        }
    }

    // ------------------------------------------------------------------ helpers

    private long ipackets()
    {
        try (TelemetryClient c = TelemetryClient.connect(socket(prefix)))
        {
            return (Long)((Map<?, ?>)Json.object(c.request("/ethdev/stats,0")).get("/ethdev/stats")).get("ipackets");
        }
    }

    private static String[] concat(final String[] a, final String... b)
    {
        final String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /**
     * Runs {@code dpdk-telemetry.py -f prefix} with {@code commands} on stdin; returns each command's data (the value
     * under the reply's single key), by command. Every command must answer with one line.
     */
    private static Map<String, Object> telemetryPy(final String prefix, final String... commands)
    {
        try
        {
            final Process p = new ProcessBuilder("dpdk-telemetry.py", "-f", prefix).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream())
            {
                in.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            final byte[] out;
            try (InputStream o = p.getInputStream())
            {
                out = o.readAllBytes();
            }
            assertTrue(p.waitFor(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS), "dpdk-telemetry.py did not finish");
            final String text = new String(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text);
            final List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(commands.length, lines.size(), "one reply line per command:\n" + text);
            final Map<String, Object> byCommand = new LinkedHashMap<>();
            for (int i = 0; i < commands.length; i++)
            {
                final Map<String, Object> reply = Json.object(lines.get(i));
                final String cmd = commands[i].split(",", 2)[0];
                assertEquals(List.of(cmd), new ArrayList<>(reply.keySet()), "reply to " + commands[i]);
                byCommand.put(commands[i], reply.get(cmd));
            }
            return byCommand;
        }
        catch (final IOException | InterruptedException ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static void removeDir(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> s = Files.walk(dir))
        {
            for (final Path p : (Iterable<Path>)s.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(p);
            }
        }
    }
}
