package io.ethdev4j.testpmd.guard;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guard, not a timing test: the compiled burst paths call no native method. A child JVM runs the paths
 * ({@link BurstPaths#main}) until C2 has compiled them, with HotSpot's inlining report on for the burst methods and
 * everything in the mbuf and ring packages ({@code -XX:CompileCommand=PrintInlining,...}): a call the JIT keeps to a
 * {@code native} method that is not an intrinsic is reported as {@code native method} in the tree of the method
 * that makes it (intrinsics are reported as {@code (intrinsic)} and cost no call). No such line may appear. The same
 * run on a path that calls {@code Unsafe.arrayBaseOffset} per packet (the call issue 13 found in {@code Mbuf.copyFrom})
 * must show one.
 */
class NativeCallGuardTest
{
    /** Methods whose inlining trees are printed: the burst entry points and the hot libraries. */
    private static final String[] REPORTED = {"*::rxBurst", "*::txBurst", "*::forward", "*::sendBurst",
        "*::sendOrDrop", "io.ethdev4j.testpmd.guard.BurstPaths::run*", "io.ethdev4j.mbuf.*::*",
        "io.ethdev4j.ring.*::*", "io.ethdev4j.pmd.intel.*::*"};

    /** The child's report: the lines naming a native method, and whether each path ran to the end. */
    private static List<String> nativeCalls(final String... paths) throws IOException, InterruptedException
    {
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-exports");
        cmd.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-XX:+UseParallelGC");
        cmd.add("-XX:+UnlockDiagnosticVMOptions");
        cmd.add("-XX:CompileCommand=quiet");
        for (final String m : REPORTED)
        {
            cmd.add("-XX:CompileCommand=PrintInlining," + m);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BurstPaths.class.getName());
        cmd.addAll(List.of(paths));
        final Path log = Files.createTempFile("native-guard", ".txt");
        try
        {
            final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS))
            {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the child JVM did not finish within 120 s: " + tail(log));
            }
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), "child JVM failed: " + tail(log));
            for (final String path : paths)
            {
                assertTrue(lines.contains("GUARD-DONE " + path), path + " did not run to the end: " + tail(log));
            }
            assertTrue(lines.stream().anyMatch(l -> l.contains("inline")), "no inlining report at all (did " +
                "-XX:CompileCommand=PrintInlining change?): " + tail(log));
            return lines.stream().filter(l -> l.contains("native method")).collect(Collectors.toList());
        }
        finally
        {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(final Path log) throws IOException
    {
        final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(File.separator.equals("/") ? "\n" : "\r\n",
            lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Test
    void shouldCallNoNativeMethodOnTheBurstPaths() throws Exception
    {
        final List<String> natives = nativeCalls(BurstPaths.GOOD);
        assertTrue(natives.isEmpty(), "native calls compiled into burst paths:\n" + String.join("\n", natives));
    }

    @Test
    void shouldCatchAPathThatCallsANativeMethodPerPacket() throws Exception
    {
        final List<String> natives = nativeCalls("bad-native");
        assertFalse(natives.isEmpty(), "the guard missed Unsafe.arrayBaseOffset called per packet");
        assertTrue(natives.stream().anyMatch(l -> l.contains("arrayBaseOffset")), String.join("\n", natives));
    }
}
