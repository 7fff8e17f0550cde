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

    /** EAL's own lines, DPDK's multi-process note, MACs and every number after "name: " masked. */
    static String normalise(final String transcript)
    {
        return transcript.replace("\r", "")
            .replaceAll("(?m)^EAL: .*\n", "")
            .replace("\nPrimary: Sending 'stop_req' request to secondary...\n", "")
            .replaceAll("([0-9A-F]{2}:){5}[0-9A-F]{2}", "XX:XX:XX:XX:XX:XX")
            .replaceAll(": +[0-9]+ *", ": N ");
    }

    private static List<String> command(final List<String> head, final String driver, final String... app)
    {
        final List<String> cmd = new ArrayList<>(head);
        cmd.addAll(List.of("--no-huge", "-m", "512", "--no-pci", "--vdev", driver + "0", "--vdev", driver + "1", "-l",
            "0-1", PREFIX, "--", "--total-num-mbufs=16384"));
        cmd.addAll(List.of(app));
        return cmd;
    }

    /** Runs {@code script} through both testpmds on two {@code driver} ports and compares the transcripts. */
    private static void sideBySide(final Path script, final String driver, final String... app) throws Exception
    {
        Prerequisites.require(Prerequisites.onPath("dpdk-testpmd") && Prerequisites.onPath("stdbuf"),
            "needs dpdk-testpmd 22.11 and stdbuf on PATH (apt-get install dpdk coreutils)");
        final String dpdk = run(command(List.of("stdbuf", "-o0", "-e0", "dpdk-testpmd"), driver, app), script);
        final String java = ProcessHandle.current().info().command().orElse("java");
        final String ours = run(command(List.of(java, "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            TestPmd.class.getName()), driver, app), script);
        assertEquals(normalise(dpdk), normalise(ours));
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
