package io.ethdev4j.testpmd;

import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Side by side with DPDK: the same command file through dpdk-testpmd 22.11 and this testpmd, on the same two
 * net_null ports, with stdout and stderr merged in order; the transcripts must be equal once MAC addresses and
 * counts are masked. Skipped (failed under CI=true) where dpdk-testpmd is not installed.
 */
class DpdkTranscriptTest
{
    private static final String PREFIX = "--file-prefix=ethdev4j-transcript-" + ProcessHandle.current().pid();

    private static String run(final List<String> cmd, final Path script) throws IOException, InterruptedException
    {
        final Process p = new ProcessBuilder(cmd).redirectInput(script.toFile()).redirectErrorStream(true).start();
        final String out;
        try (InputStream in = p.getInputStream())
        {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running: " + cmd + "\n" + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /**
     * EAL's own lines, DPDK's multi-process note, the drivers' INFO lines at close (net_null's, net_ring's), MACs
     * and every number after "name: " masked.
     */
    static String normalise(final String transcript)
    {
        return transcript.replace("\r", "")
            .replaceAll("(?m)^EAL: .*\n", "")
            .replaceAll("(?m)^eth_dev_close\\(\\): Closing null ethdev.*\n", "")
            .replaceAll("(?m)^rte_pmd_ring_remove\\(\\): .*\n", "")
            .replace("\nPrimary: Sending 'stop_req' request to secondary...\n", "")
            .replaceAll("([0-9A-F]{2}:){5}[0-9A-F]{2}", "XX:XX:XX:XX:XX:XX")
            .replaceAll(": +[0-9]+ *", ": N ");
    }

    private static List<String> command(final List<String> head, final String vdev0, final String vdev1,
        final String... app)
    {
        final List<String> cmd = new ArrayList<>(head);
        cmd.addAll(List.of("--no-huge", "-m", "512", "--no-pci", "--vdev", vdev0, "--vdev", vdev1, "-l",
            "0-1", PREFIX, "--", "--total-num-mbufs=16384"));
        cmd.addAll(List.of(app));
        return cmd;
    }

    /** The transcripts of {@code script} through dpdk-testpmd and this testpmd on ports {@code vdev0}, {@code vdev1}. */
    private static String[] transcripts(final Path script, final String vdev0, final String vdev1, final String... app)
        throws Exception
    {
        Prerequisites.require(Prerequisites.onPath("dpdk-testpmd") && Prerequisites.onPath("stdbuf"),
            "needs dpdk-testpmd 22.11 and stdbuf on PATH (apt-get install dpdk coreutils)");
        final String dpdk = run(command(List.of("stdbuf", "-o0", "-e0", "dpdk-testpmd"), vdev0, vdev1, app), script);
        final String java = ProcessHandle.current().info().command().orElse("java");
        final String ours = run(command(List.of(java, "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            TestPmd.class.getName()), vdev0, vdev1, app), script);
        return new String[] {normalise(dpdk), normalise(ours)};
    }

    /** Runs {@code script} through both testpmds on two {@code driver} ports and compares the transcripts. */
    private static void sideBySide(final Path script, final String driver, final String... app) throws Exception
    {
        onPorts(script, driver + "0", driver + "1", app);
    }

    /** Runs {@code script} through both testpmds on ports {@code vdev0} and {@code vdev1}; compares the transcripts. */
    private static void onPorts(final Path script, final String vdev0, final String vdev1, final String... app)
        throws Exception
    {
        final String[] t = transcripts(script, vdev0, vdev1, app);
        assertEquals(t[0], t[1]);
    }

    private static Path fixture(final Path dir, final String name) throws IOException
    {
        return Files.write(dir.resolve(name), ScriptedSessionTest.fixture("../transcripts/" + name)
            .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * On a net_ring and a net_null port: set log / txpkts / txsplit / eth-peer / burst tx delay / coremask / portmask /
     * corelist / portlist / default, show config rxpkts / txpkts, show rxq|txq info, desc status and used count,
     * rx/tx_offload capabilities and configuration, ptypes, rss-hash, flow_ctrl, show device info.
     */
    @Test
    void shouldAnswerTheDisplayScriptAsDpdkTestpmd(@TempDir final Path dir) throws Exception
    {
        onPorts(fixture(dir, "display.txt"), "net_ring0", "net_null0", "-i");
    }

    /**
     * On a net_ring and a net_null port: queue start/stop, read rxd/txd, mac_addr add/remove/set, mcast_addr,
     * show port macs / mcast_macs, the vlan family, csum set / parse-tunnel / show, on started and stopped ports,
     * with bad port, queue, descriptor and VLAN ids.
     */
    @Test
    void shouldAnswerTheAddressesScriptAsDpdkTestpmd(@TempDir final Path dir) throws Exception
    {
        onPorts(fixture(dir, "addresses.txt"), "net_ring0", "net_null0", "-i");
    }

    /** The forwarding configuration commands' error paths, and what show config fwd shows after each. */
    @Test
    void shouldAnswerTheForwardingConfigScriptAsDpdkTestpmd(@TempDir final Path dir) throws Exception
    {
        onPorts(fixture(dir, "config2.txt"), "net_ring0", "net_null0", "-i");
    }

    /** dump_struct_sizes, dump_devargs (with devargs), dump_ring / dump_mempool of names that do not exist. */
    @Test
    void shouldAnswerTheDumpsAsDpdkTestpmd(@TempDir final Path dir) throws Exception
    {
        final Path script = Files.writeString(dir.resolve("dumps.txt"), "dump_struct_sizes\ndump_devargs\n" +
            "dump_ring foo\ndump_mempool foo\nquit\n");
        onPorts(script, "net_ring0", "net_null0,size=128", "-i");
    }

    /** The sections of a {@code help all} transcript: heading line → the section's entries (groups of lines). */
    private static java.util.Map<String, List<String>> helpSections(final String transcript)
    {
        final String all = transcript.substring(transcript.indexOf("testpmd> help all"), transcript.indexOf("testpmd> quit"));
        final String[] lines = all.split("\n", -1);
        final java.util.Map<String, List<String>> sections = new java.util.LinkedHashMap<>();
        List<String> cur = null;
        StringBuilder entry = new StringBuilder();
        for (int i = 1; i < lines.length; i++)
        {
            if (i + 1 < lines.length && lines[i + 1].matches("-{8,}") && !lines[i].isEmpty())
            {
                cur = new ArrayList<>();
                sections.put(lines[i], cur);
                entry = new StringBuilder();
                i++;
                continue;
            }
            if (cur == null)
            {
                continue;
            }
            if (lines[i].isEmpty())
            {
                if (entry.length() > 0)
                {
                    cur.add(entry.toString());
                }
                entry = new StringBuilder();
            }
            else
            {
                entry.append(lines[i]).append('\n');
            }
        }
        return sections;
    }

    /**
     * help and help all: the overview as DPDK's; every section, with DPDK's heading, lists in DPDK's order and words
     * DPDK's entries for the commands this testpmd has (and only DPDK's entries).
     */
    @Test
    void shouldPrintDpdksHelpForWhatItHas(@TempDir final Path dir) throws Exception
    {
        final Path script = Files.writeString(dir.resolve("help.txt"), "help\nhelp all\nquit\n");
        final String[] t = transcripts(script, "net_null0", "net_null1", "-i");
        final String brief = "testpmd> help\n";
        assertTrue(t[0].contains(brief) && t[1].contains(brief), "DPDK:\n" + t[0] + "\nours:\n" + t[1]);
        assertEquals(t[0].substring(t[0].indexOf(brief), t[0].indexOf("testpmd> help all")),
            t[1].substring(t[1].indexOf(brief), t[1].indexOf("testpmd> help all")));
        final java.util.Map<String, List<String>> dpdk = helpSections(t[0]);
        final java.util.Map<String, List<String>> ours = helpSections(t[1]);
        assertEquals(List.copyOf(dpdk.keySet()), List.copyOf(ours.keySet()), "the sections, in order");
        int listed = 0;
        for (final String section : ours.keySet())
        {
            final List<String> theirs = dpdk.get(section);
            int at = 0;
            for (final String entry : ours.get(section))
            {
                final int i = theirs.subList(at, theirs.size()).indexOf(entry);
                assertTrue(i >= 0, section + ": '" + entry + "' is not DPDK's entry (or not in DPDK's order)");
                at += i + 1;
                listed++;
            }
        }
        assertTrue(listed > 60, "help lists the commands testpmd has: " + listed);
    }

    /** Shows, set, start/stop, and the started-port error paths of port start/stop/close/reset/detach, MTU. */
    @Test
    void shouldAnswerThePortsScriptAsDpdkTestpmd(@TempDir final Path dir) throws Exception
    {
        final Path script = dir.resolve("ports.txt");
        Files.write(script, ScriptedSessionTest.fixture("../transcripts/ports.txt").getBytes(StandardCharsets.UTF_8));
        sideBySide(script, "net_null", "-i");
    }

    /** set verbose / record-burst-stats / record-core-cycles / flush_rx, show config txpkts, macs, clear fwd stats. */
    @Test
    void shouldAnswerTheSettingsScriptAsDpdkTestpmd(@TempDir final Path dir) throws Exception
    {
        final Path script = dir.resolve("settings.txt");
        Files.write(script, ScriptedSessionTest.fixture("../transcripts/settings.txt").getBytes(StandardCharsets.UTF_8));
        sideBySide(script, "net_null", "-i");
    }

    /** port config all max-pkt-len / burst, on started then stopped ports. */
    @Test
    void shouldAnswerTheConfigScriptAsDpdkTestpmd(@TempDir final Path dir) throws Exception
    {
        final Path script = dir.resolve("config.txt");
        Files.write(script, ScriptedSessionTest.fixture("../transcripts/config.txt").getBytes(StandardCharsets.UTF_8));
        sideBySide(script, "net_null", "-i");
    }

    /** net_ring refuses MTU and MAC changes (no op: ENOTSUP). */
    @Test
    void shouldRefuseMtuAndMacOnNetRingAsDpdk(@TempDir final Path dir) throws Exception
    {
        final Path script = Files.writeString(dir.resolve("ring.txt"), "port stop all\nport config mtu 0 1400\n" +
            "mac_addr set 0 02:11:22:33:44:55\nport start all\nshow port info 0\nquit\n");
        sideBySide(script, "net_ring", "-i");
    }

    /** Start-up lines: -a, --forward-mode, --cmdline-file, in DPDK's order; auto-start; quit while forwarding. */
    @Test
    void shouldPrintTheStartupLinesAsDpdk(@TempDir final Path dir) throws Exception
    {
        final Path file = Files.writeString(dir.resolve("cmds.txt"), "set nbcore 1\nshow config fwd\n");
        final Path script = Files.writeString(dir.resolve("in.txt"), "quit\n");
        sideBySide(script, "net_null", "-i", "-a", "--forward-mode=mac", "--cmdline-file=" + file);
    }
}
