package io.ethdev4j.testpmd;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripted sessions (stdin pipe and --cmdline-file) checked against output captured from dpdk-testpmd 22.11. */
class ScriptedSessionTest
{
    static String fixture(final String name) throws IOException
    {
        try (InputStream in = ScriptedSessionTest.class.getResourceAsStream("/fixtures/" + name))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldPrintStartupAndConfigLikeDpdk() throws IOException
    {
        final Sessions s = Sessions.run("show config fwd\nshow config rxtx\nshow config cores\nshow port summary all\nquit\n",
            "--total-num-mbufs=16384", "-i");
        assertEquals(0, s.rc, s.err);
        final String out = Sessions.normaliseMacs(s.out).replaceAll("(?m)^testpmd> .*\n", "");
        assertTrue(out.startsWith(fixture("startup.txt")), out);
        assertTrue(out.contains(Sessions.normaliseMacs(fixture("config-fwd-rxtx-cores.txt"))), out);
        assertTrue(out.contains(fixture("summary.txt")), out);
        assertTrue(out.endsWith(fixture("quit.txt")), out);
        assertTrue(s.err.contains("testpmd: create a new mbuf pool <mb_pool_0>: n=16384, size=2176, socket=0"), s.err);
    }

    @Test
    void shouldForwardAndPrintStatsBlocksLikeDpdk() throws IOException
    {
        final Sessions s = Sessions.run("start\nshow port stats 0\nstop\nshow fwd stats all\nclear port stats all\n" +
            "show port xstats 0\nshow port stats 1\nquit\n", "--total-num-mbufs=16384", "-i");
        assertEquals(0, s.rc, s.err);
        final String out = s.out.replaceAll("(?m)^testpmd> .*\n", "").replaceAll("(RX-packets|TX-packets|RX-total|TX-total|RX-bytes|TX-bytes|Rx-pps|Tx-pps|Rx-bps|Tx-bps): +\\d+ *",
            "$1: N ").replaceAll("(rx|tx)_(good_packets|good_bytes|q0_packets|q0_bytes): \\d+", "$1_$2: N");
        assertTrue(out.contains(fixture("stop.txt")), out);
        assertTrue(out.contains(fixture("nic-stats.txt")), out);
        assertTrue(out.contains(fixture("clear-xstats.txt")), out);
        // end-of-forwarding: RX-total = RX-packets + RX-dropped, accumulated = sum of ports
        final Matcher m = Pattern.compile("Accumulated forward statistics for all ports\\+{15}\n  RX-packets: (\\d+) +RX-dropped: 0 +RX-total: (\\d+)")
            .matcher(s.out);
        assertTrue(m.find(), s.out);
        assertEquals(m.group(1), m.group(2));
    }

    @Test
    void shouldApplySetAndPortCommands()
    {
        final Sessions s = Sessions.run(String.join("\n", "set fwd mac", "set nbcore 1", "set nbport 2", "set burst 64",
            "set promisc all off", "set allmulti 0 on", "set link-down port 0", "show port summary all", "set link-up port 0",
            "port stop all", "port config mtu 0 9000", "port config all rxq 2", "port config all txq 2", "port start all",
            "mac_addr set 0 02:11:22:33:44:55", "show port info 0", "start", "stop", "port stop 1", "port close 1",
            "port attach net_null5", "port start 1", "show port summary all", "port stop 1", "port close 1", "port detach 0",
            "quit", ""), "--total-num-mbufs=16384", "-i");
        assertEquals(0, s.rc, s.err);
        final String o = s.out;
        assertTrue(o.contains("Set mac packet forwarding mode\n"), o);
        assertTrue(o.contains("Number of forwarding cores set to 1\n"), o);
        assertTrue(o.contains("Number of forwarding ports set to 2\n"), o);
        assertTrue(o.contains("Number of packets per burst set to 64\n"), o);
        // net_null has no promiscuous, all-multicast or link up/down op: DPDK's ENOTSUP answers, modes stay on
        assertTrue(s.err.contains("Error during disabling promiscuous mode for port 0: Operation not supported\n" +
            "Error during disabling promiscuous mode for port 1: Operation not supported\n"), s.err);
        assertTrue(s.err.contains("\nSet link down fail.\n") && s.err.contains("\nSet link up fail.\n"), s.err);
        assertTrue(o.matches("(?s).*0    ..:..:..:..:..:.. net_null0    net_null       up       10 Gbps\n.*"), o);
        assertTrue(o.contains("MTU: 9000\n") && o.contains("Promiscuous mode: enabled\n") &&
            o.contains("Allmulticast mode: enabled\n") && o.contains("MAC address: 02:11:22:33:44:55\n"), o);
        assertTrue(o.contains("Current number of RX queues: 2\n"), o);
        assertTrue(o.contains("mac packet forwarding - ports=2 - cores=1 - streams=4 - NUMA support enabled"), o);
        assertTrue(o.contains("  ------- Forward Stats for RX Port= 0/Queue= 1 -> TX Port= 1/Queue= 1 -------\n"), o);
        assertTrue(o.contains("Closing ports...\nPort 1 is closed\nDone\n"), o);
        assertTrue(o.contains("Attaching a new port...\nPort 1 is attached. Now total ports is 2\nDone\n"), o);
        assertTrue(o.contains("1    ..:..:..:..:..:.. net_null5    net_null       up       10 Gbps".replace("..", "[0-9A-F]{2}")) ||
            o.matches("(?s).*1    ([0-9A-F]{2}:){5}[0-9A-F]{2} net_null5    net_null       up       10 Gbps\n.*"), o);
        assertTrue(s.err.contains("Port not stopped") || o.contains("Device is detached"), s.err);
        assertFalse(s.err.contains("Exception"), s.err);
    }

    @Test
    void shouldRunCommandsFromCmdlineFile(@org.junit.jupiter.api.io.TempDir final Path dir) throws IOException
    {
        final Path f = dir.resolve("cmds.txt");
        Files.writeString(f, "show config cores\nset fwd macswap\n");
        final Sessions s = Sessions.run("quit\n", "--total-num-mbufs=16384", "-i", "--cmdline-file=" + f);
        assertEquals(0, s.rc, s.err);
        assertTrue(s.out.contains("List of forwarding lcores:  1\nSet macswap packet forwarding mode\nRead CLI commands from " + f + "\n"), s.out);
    }

    @Test
    void shouldKeepSessionUsableAfterErrors()
    {
        final Sessions s = Sessions.run(String.join("\n", "foo bar", "set fwd foo", "show port info 7", "show port stats 9",
            "set promisc 5 on", "port config mtu 0 70000", "set nbcore 5", "set burst 600", "show port", "stop",
            "show config cores", "quit", ""), "--total-num-mbufs=16384", "-i");
        assertEquals(0, s.rc);
        assertTrue(s.out.contains("testpmd> foo bar\nCommand not found\n"), s.out);
        assertTrue(s.out.contains("testpmd> set fwd foo\nBad arguments\n"), s.out);
        assertTrue(s.out.contains("testpmd> port config mtu 0 70000\nBad arguments\n"), s.out);
        assertTrue(s.out.contains("testpmd> show port\nBad arguments\n"), s.out);
        assertTrue(s.out.contains("The valid ports array is [ 0 1 ]"), s.out);
        assertTrue(s.err.contains("Invalid port 7\n"), s.err);
        assertTrue(s.err.contains("Invalid port_id=5\nError during enabling promiscuous mode for port 5: No such device\n"), s.err);
        assertTrue(s.err.contains("nb fwd cores 5 > 1 (max. number of configured lcores) - ignored\n"), s.err);
        assertTrue(s.err.contains("nb pkt per burst: 600 > 512 (maximum packet per burst)  ignored\n"), s.err);
        assertTrue(s.err.contains("Packet forwarding not started\n"), s.err);
        assertTrue(s.out.contains("List of forwarding lcores:  1\n"), s.out);
        assertTrue(s.out.endsWith("Bye...\n"), s.out);
        assertFalse(s.err.contains("Exception") || s.out.contains("Exception"), s.err);
    }

    @Test
    void shouldQuitCleanlyAtEndOfPipedInput()
    {
        final Sessions s = Sessions.run("start\n", "--total-num-mbufs=16384", "-i");
        assertEquals(0, s.rc, s.err);
        assertTrue(s.out.contains("Telling cores to stop...") && s.out.endsWith("Bye...\n"), s.out);
    }

    @Test
    void shouldRunNonInteractiveUntilEnter()
    {
        final Sessions s = Sessions.run("\n", "--total-num-mbufs=16384", "--forward-mode=rxonly");
        assertEquals(0, s.rc, s.err);
        assertTrue(s.out.contains("No commandline core given, start packet forwarding\nrxonly packet forwarding - ports=2"), s.out);
        assertTrue(s.out.contains("Press enter to exit\nTelling cores to stop...\nWaiting for lcores to finish...\n"), s.out);
        assertTrue(s.out.endsWith("Bye...\n"), s.out);
    }

    @Test
    void shouldRejectBadOptionsLikeDpdk()
    {
        final String[][] cases = {
            {"--bogus", "Invalid option: --bogus", "  Cause: Command line is incomplete or incorrect"},
            {"--nb-cores=5", null, "  Cause: nb-cores should be > 0 and <= 1"},
            {"--burst=600", null, "  Cause: burst must be between1 and 512"},
            {"--rxd=0", null, "  Cause: rxd(0) invalid - must be > 0"},
            {"--total-num-mbufs=100", null, "  Cause: total-num-mbufs should be > 1024"},
            {"--port-topology=ring", null, "  Cause: port-topology ring invalid - must be: paired, chained or loop"},
            {"--mbuf-size=70000", null, "  Cause: mbuf-size should be > 0 and < 65536"},
            {"--stats-period=x", null, "  Cause: Invalid stats-period value"},
        };
        for (final String[] c : cases)
        {
            final Sessions s = Sessions.run("", c[0]);
            assertEquals(1, s.rc, c[0]);
            assertTrue(s.err.contains(c[2]), c[0] + ": " + s.err);
            if (c[1] != null)
            {
                assertTrue(s.err.contains(c[1]), s.err);
                assertTrue(s.out.contains("Usage: testpmd [EAL options] -- [testpmd options]"), s.out);
            }
            assertFalse(s.err.contains("Exception") || s.err.contains("\tat "), s.err);
        }
        final Sessions bad = Sessions.run("quit\n", "--total-num-mbufs=16384", "--forward-mode=foo", "-i");
        assertEquals(0, bad.rc);
        assertTrue(bad.err.contains("Invalid foo packet forwarding mode\n"), bad.err);
        final Sessions eal = Sessions.runRaw("", "--bogus-eal", "--");
        assertEquals(1, eal.rc);
        assertFalse(eal.err.contains("Exception"), eal.err);
    }

    @Test
    void shouldPrintHelp()
    {
        final Sessions s = Sessions.run("help\nhelp all\nquit\n", "--total-num-mbufs=16384", "-i");
        assertTrue(s.out.contains("Help is available for the following sections:"), s.out);
        assertTrue(s.out.contains("show port (info|stats|summary|xstats|fdir|dcb_tc) (port_id|all)\n" +
            "    Display information for port_id, or all.\n"), s.out);
        final Sessions h = Sessions.run("", "--help");
        assertEquals(0, h.rc);
        assertTrue(h.out.contains("  --nb-cores=N: set the number of forwarding cores (1 <= N <= 1)."), h.out);
    }

    /** dump_mempool shows each pool's mbufs in use, so a leak can be seen from the shell. */
    @Test
    void shouldDumpThePoolWithItsInUseCount()
    {
        final Sessions s = Sessions.run("dump_mempool\nquit\n", "--total-num-mbufs=16384", "-i");
        assertEquals(0, s.rc, s.err);
        assertTrue(s.out.matches("(?s).*mempool <mb_pool_0>@0x[0-9a-f]+\n  flags=10\n  socket_id=0\n  iova=0x[0-9a-f]+\n" +
            "  nb_mem_chunks=1\n  size=16384\n  populated_size=16384\n  header_size=0\n  elt_size=\\d+\n" +
            "  trailer_size=0\n  total_obj_size=\\d+\n  private_data_size=0\n  ops_name: <ring_mp_mc>\n" +
            "  avg bytes/object=[0-9.]+\n  internal cache infos:\n    cache_size=250\n(    cache_count\\[\\d+\\]=0\n){128}" +
            "    total_cache_count=0\n  common_pool_count=16384\n  in_use_count=0\n.*"), s.out);
    }
}
