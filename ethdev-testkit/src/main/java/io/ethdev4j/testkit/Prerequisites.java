package io.ethdev4j.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gates for tests that need root, network namespaces, TAP, tcpdump or QEMU: on a machine without the
 * prerequisite the test is skipped with the reason; under {@code CI=true} a missing prerequisite is a failure.
 */
public final class Prerequisites
{
    private Prerequisites()
    {
    }

    public static boolean isCi()
    {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or, under CI=true, fails) the calling test unless {@code present}. */
    public static void require(final boolean present, final String what)
    {
        if (present)
        {
            return;
        }
        if (isCi())
        {
            Assertions.fail("prerequisite missing under CI=true: " + what);
        }
        Assumptions.abort("skipped: " + what);
    }

    public static boolean isRoot()
    {
        return "root".equals(System.getProperty("user.name"));
    }

    public static void requireRoot()
    {
        require(isRoot(), "needs root (uid 0)");
    }

    public static void requireTun()
    {
        requireRoot();
        require(Files.exists(Path.of("/dev/net/tun")), "needs /dev/net/tun (TAP devices)");
    }

    /** True if {@code command} is an executable on PATH. */
    public static boolean onPath(final String command)
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return false;
        }
        for (final String dir : path.split(":"))
        {
            if (Files.isExecutable(Path.of(dir, command)))
            {
                return true;
            }
        }
        return false;
    }

    public static void requireCommand(final String command)
    {
        require(onPath(command), "needs '" + command + "' on PATH");
    }
}
