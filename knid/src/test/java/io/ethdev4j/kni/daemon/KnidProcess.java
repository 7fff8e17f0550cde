package io.ethdev4j.kni.daemon;

import io.ethdev4j.kni.daemon.server.KnidMain;
import io.ethdev4j.test.Await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * knid as a process of its own ({@link KnidMain} in a child JVM with the test's class path, output to a file), for
 * tests whose client is the test's JVM: a client's memory is mapped by knid at the client's addresses, which an
 * in-process knid has taken already.
 */
final class KnidProcess implements AutoCloseable
{
    private final Process process;
    private final Path log;

    /** Starts knid with {@code args} and waits (60 s at most) until it says it is ready. */
    KnidProcess(final Path dir, final String name, final String... args)
    {
        log = dir.resolve(name + ".log");
        final List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(KnidMain.class.getName());
        cmd.addAll(List.of(args));
        try
        {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("starting knid: " + cmd, ex);
        }
        try
        {
            Await.until("knid ready (" + log + ")", 60_000, () -> output().contains("ready on") || !process.isAlive());
            if (!process.isAlive())
            {
                throw new AssertionError("knid exited: " + output());
            }
        }
        catch (final RuntimeException | Error ex)
        {
            close();
            throw ex;
        }
    }

    long pid()
    {
        return process.pid();
    }

    String output()
    {
        try
        {
            return Files.exists(log) ? Files.readString(log) : "";
        }
        catch (final IOException ex)
        {
            return "";
        }
    }

    /** The fds knid has open now. */
    int openFds()
    {
        final String[] fds = new File("/proc/" + pid() + "/fd").list();
        return fds == null ? -1 : fds.length;
    }

    /** SIGKILL: knid dies as a crash would end it, releasing nothing itself. */
    void kill()
    {
        process.destroyForcibly();
        waitFor();
    }

    private void waitFor()
    {
        try
        {
            if (!process.waitFor(15, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                process.waitFor(15, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM (knid releases its clients' interfaces), SIGKILL if it has not ended in 15 s. */
    @Override
    public void close()
    {
        if (process.isAlive())
        {
            process.destroy();
            waitFor();
        }
    }
}
