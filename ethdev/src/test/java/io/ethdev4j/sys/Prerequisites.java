package io.ethdev4j.sys;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ethdev module's own copy of {@code io.ethdev4j.testkit.Prerequisites} (ethdev's tests cannot depend on
 * ethdev-testkit, which depends on ethdev), with identical semantics: a missing prerequisite skips the test with the
 * reason, and fails it under {@code CI=true}.
 */
final class Prerequisites
{
    private Prerequisites()
    {
    }

    static boolean isCi()
    {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static void require(final boolean present, final String what)
    {
        if (present)
        {
            return;
        }
        if (isCi())
        {
            Assertions.fail("prerequisite missing under CI=true: " + what);
        }
        Assumptions.assumeTrue(false, "skipped: " + what);
    }

    static boolean onPath(final String command)
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

    /** gcc on PATH, for tests that compare our constants with the system headers. */
    static String requireGcc()
    {
        require(onPath("gcc"), "needs 'gcc' on PATH (apt-get install gcc libc6-dev linux-libc-dev)");
        return "gcc";
    }
}
