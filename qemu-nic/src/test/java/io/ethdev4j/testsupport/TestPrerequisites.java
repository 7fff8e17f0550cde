package io.ethdev4j.testsupport;

import io.ethdev4j.pci.qemu.QemuBinary;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The qemu-nic module's test gate, with {@code io.ethdev4j.testkit.Prerequisites}' rules: a missing prerequisite
 * skips the test with the reason, and fails it under {@code CI=true}.
 */
public final class TestPrerequisites
{
    private TestPrerequisites()
    {
    }

    public static boolean isCi()
    {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

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

    public static boolean onPath(final String command)
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return false;
        }
        for (final String dir : path.split(":"))
        {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command)))
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

    /** A qemu-system-x86_64 &gt;= 8 (the igb model), or skip/fail naming how to get one. */
    public static QemuBinary requireQemu()
    {
        final Optional<QemuBinary> qemu = QemuBinary.locate();
        require(qemu.isPresent(), "needs qemu-system-x86_64 >= " + QemuBinary.MIN_MAJOR_VERSION +
            " (looked at $ETHDEV4J_QEMU, PATH and tools/.cache/qemu); run tools/setup-qemu.sh");
        return qemu.get();
    }

    /** gcc on PATH, for tests that compare our constants with the system headers. */
    public static String requireGcc()
    {
        require(onPath("gcc"), "needs 'gcc' on PATH (apt-get install gcc libc6-dev linux-libc-dev)");
        return "gcc";
    }
}
