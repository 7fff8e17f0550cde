package io.ethdev4j.testpmd.knid;

import io.ethdev4j.test.Shell;
import io.ethdev4j.testkit.Prerequisites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An unprivileged user made by a test ({@code useradd}, no home, no login shell) and removed on close, with a
 * private work directory and the test JVM's class path copied where that user can read it (the jars of
 * {@code /root/.m2} are not). {@link #command} runs a command as that user through {@code setpriv}: its uid and gid,
 * no supplementary groups, no capabilities (none inheritable, an empty bounding set), no new privileges.
 */
final class TestUser implements AutoCloseable
{
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String name;
    private final int uid;
    private final int gid;
    private final Path dir;
    private final String classPath;
    private boolean closed;

    /** Skips (fails under CI=true) without root, useradd, userdel and setpriv. */
    static void require()
    {
        Prerequisites.requireRoot();
        for (final String c : new String[] {"useradd", "userdel", "setpriv"})
        {
            Prerequisites.requireCommand(c);
        }
    }

    TestUser()
    {
        name = "kd15u" + ProcessHandle.current().pid() % 100_000 + "x" + SEQ.incrementAndGet();
        Shell.ok("useradd", "--no-create-home", "--no-user-group", "--shell", "/usr/sbin/nologin", "--gid", "nogroup",
            name);
        try
        {
            uid = Integer.parseInt(Shell.ok("id", "-u", name).trim());
            gid = Integer.parseInt(Shell.ok("id", "-g", name).trim());
            dir = Files.createTempDirectory("kd15-" + name + "-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            classPath = readableClassPath(dir.resolve("lib"));
            final Path home = dir.resolve("home");
            Files.createDirectories(home);
            Shell.ok("chown", name, home.toString());
        }
        catch (final IOException | RuntimeException ex)
        {
            Shell.run("userdel", name);
            throw ex instanceof IOException ? new UncheckedIOException((IOException)ex) : (RuntimeException)ex;
        }
    }

    /** The class path with every jar copied to {@code lib} (0755): directories under /work are readable already. */
    private static String readableClassPath(final Path lib) throws IOException
    {
        Files.createDirectories(lib);
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        final List<String> out = new ArrayList<>();
        int i = 0;
        for (final String e : System.getProperty("java.class.path").split(":"))
        {
            final Path p = Path.of(e);
            if (Files.isRegularFile(p))
            {
                final Path copy = lib.resolve(i++ + "-" + p.getFileName());
                Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                out.add(copy.toString());
            }
            else
            {
                out.add(e);
            }
        }
        return String.join(":", out);
    }

    String name()
    {
        return name;
    }

    int uid()
    {
        return uid;
    }

    /** A directory (0755) the test may put sockets in. */
    Path dir()
    {
        return dir;
    }

    /** {@code setpriv ... -- cmd}: runs {@code cmd} as this user without any capability. */
    List<String> command(final String... cmd)
    {
        final List<String> all = new ArrayList<>(Arrays.asList("setpriv", "--reuid=" + uid, "--regid=" + gid,
            "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--",
            "env", "-i", "HOME=" + dir.resolve("home"), "PATH=/usr/bin:/bin:/usr/sbin:/sbin", "TERM=dumb"));
        all.addAll(Arrays.asList(cmd));
        return all;
    }

    /** {@code java} with the test's class path (readable copy) running {@code mainClass}. */
    static List<String> java(final String classPath, final String mainClass, final String... args)
    {
        final String java = ProcessHandle.current().info().command().orElse("java");
        final List<String> cmd = new ArrayList<>(List.of(java, "--add-exports",
            "java.base/jdk.internal.misc=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath, mainClass));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** As {@link #java}, run as this user. */
    List<String> javaAsUser(final String mainClass, final String... args)
    {
        return command(java(classPath, mainClass, args).toArray(new String[0]));
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        Shell.run("userdel", name);
        Shell.run("rm", "-rf", dir.toString());
    }
}
