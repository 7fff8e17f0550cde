package io.ethdev4j.testpmd.ixgbediff;

import io.ethdev4j.testkit.Prerequisites;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code dpdk-testpmd} (DPDK 22.11, its own net_ixgbe) on one port whose BAR0 is a {@link BarModel} in this
 * JVM: builds {@code tools/ixgbe-diff/ixgbe-diff-shim.c} with gcc, writes a {@link FakePciSysfs} tree, starts a
 * {@link ModelServer} and runs testpmd with the shim preloaded ({@code --no-huge}, IOVA as VA, so its memory is one
 * memfd the server maps). Skipped (failed under CI=true) without {@code dpdk-testpmd} or {@code gcc}.
 */
final class ShimmedDpdkTestPmd extends ScriptedTestPmd
{
    private static Path shimLibrary;

    private final ModelServer server;
    private final Process process;
    private final OutputStream stdin;
    private final Thread pump;

    /** Skips (fails under CI=true) unless dpdk-testpmd and gcc are on PATH. */
    static void requirePrerequisites()
    {
        Prerequisites.requireCommand("dpdk-testpmd");
        Prerequisites.requireCommand("gcc");
    }

    /** The shim built once per JVM from the repository's source into {@code dir}. */
    static synchronized Path shim(final Path dir) throws IOException, InterruptedException
    {
        if (shimLibrary != null && Files.exists(shimLibrary))
        {
            return shimLibrary;
        }
        final Path source = repositoryRoot().resolve("tools/ixgbe-diff/ixgbe-diff-shim.c");
        final Path lib = dir.resolve("libixgbediffshim.so");
        final Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-fPIC", "-shared", "-o",
            lib.toString(), source.toString(), "-ldl").redirectErrorStream(true).start();
        final String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0)
        {
            throw new IllegalStateException("gcc failed to build " + source + ":\n" + out);
        }
        shimLibrary = lib;
        return lib;
    }

    static Path repositoryRoot()
    {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("tools/ixgbe-diff/ixgbe-diff-shim.c")))
        {
            p = p.getParent();
        }
        if (p == null)
        {
            throw new IllegalStateException("tools/ixgbe-diff/ixgbe-diff-shim.c not found above " +
                Path.of("").toAbsolutePath());
        }
        return p;
    }

    /**
     * Starts testpmd on device {@code deviceId} served by {@code server} (already listening); {@code appArgs} follow
     * {@code -- -i}.
     */
    ShimmedDpdkTestPmd(final Path work, final ModelServer server, final int deviceId, final String... appArgs)
        throws IOException, InterruptedException
    {
        this.server = server;
        this.process = start(work, server, deviceId, appArgs);
        this.stdin = process.getOutputStream();
        final InputStream in = process.getInputStream();
        this.pump = new Thread(() ->
        {
            final byte[] buf = new byte[8192];
            try
            {
                int n;
                while ((n = in.read(buf)) > 0)
                {
                    sink.write(buf, 0, n);
                }
            }
            catch (final IOException ex)
            {
                // process gone
            }
        }, "dpdk-testpmd-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Builds the shim and the fake sysfs tree and starts testpmd; closes {@code server} if that fails. */
    private static Process start(final Path work, final ModelServer server, final int deviceId,
        final String... appArgs) throws IOException, InterruptedException
    {
        try
        {
            final Path lib = shim(work);
            final Path sysfs = FakePciSysfs.create(work.resolve("sys"), deviceId);
            final List<String> cmd = new ArrayList<>(List.of("dpdk-testpmd", "-l", "0-1", "--no-huge", "-m", "256",
                "--iova-mode=va", "--no-shconf", "--file-prefix=ethdev4j-ixgbediff-" + ProcessHandle.current().pid(),
                "-a", FakePciSysfs.BDF, "--", "-i"));
            cmd.addAll(List.of(appArgs));
            final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            final Map<String, String> env = pb.environment();
            env.put("LD_PRELOAD", lib.toString());
            env.put("SYSFS_PCI_DEVICES", sysfs.toString());
            env.put("IXGBE_DIFF_SOCKET", server.socket().toString());
            env.put("IXGBE_DIFF_BDF", FakePciSysfs.BDF);
            return pb.start();
        }
        catch (final IOException | InterruptedException | RuntimeException ex)
        {
            server.close();
            throw ex;
        }
    }

    @Override
    boolean alive()
    {
        return process.isAlive();
    }

    @Override
    OutputStream stdin()
    {
        return stdin;
    }

    @Override
    int finish(final long timeoutMs) throws IOException, InterruptedException
    {
        stdin.close();
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
        {
            throw new AssertionError("dpdk-testpmd did not exit within " + timeoutMs + " ms\n" + output());
        }
        pump.join(5_000);
        return process.exitValue();
    }

    @Override
    String diagnostics()
    {
        return "process " + (process.isAlive() ? "running" : "exit code " + process.exitValue()) +
            ", model server failure: " + server.failure();
    }

    @Override
    public void close() throws IOException
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
            try
            {
                process.waitFor(10, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        server.close();
    }
}
