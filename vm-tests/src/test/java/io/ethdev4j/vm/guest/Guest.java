package io.ethdev4j.vm.guest;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a guest test knows about the machine {@code tools/vm-test.sh} booted: the variables its command line
 * exports ({@code VM_TEST_*}), and how to start another JVM with the same class path (testpmd, a second process).
 * Guest tests run only there: on the host they are excluded from the build and, run by hand, skip with the reason.
 */
public final class Guest
{
    /** The JVM options every ethdev4j process needs (as the parent pom's {@code ethdev4j.jvm.args}). */
    public static final List<String> JVM_ARGS = List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
        "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1");

    private Guest()
    {
    }

    /** Skips the calling test unless it runs inside the tools/vm-test.sh guest. */
    public static void require()
    {
        Assumptions.assumeTrue("1".equals(System.getenv("ETHDEV4J_IN_VM")),
            "runs inside the guest of tools/vm-test.sh only (ETHDEV4J_IN_VM=1)");
    }

    private static String env(final String name)
    {
        final String v = System.getenv(name);
        return v == null ? "" : v.trim();
    }

    /** The PCI addresses of the igb ports on vfio-pci wired to each other (one QEMU hub), in bus order. */
    public static List<String> ports()
    {
        final String v = env("VM_TEST_PORTS");
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("\\s+"));
    }

    /** The first two wired ports; fails when the guest was booted with fewer. */
    public static String[] pair()
    {
        final List<String> p = ports();
        Assertions.assertTrue(p.size() >= 2, "the guest has " + p.size() + " wired igb ports, the test needs 2 " +
            "(tools/vm-test.sh --nics 2)");
        return new String[] {p.get(0), p.get(1)};
    }

    /** The igb left on the kernel's igb driver (tools/vm-test.sh --error-devices), or "" without. */
    public static String kernelBoundIgb()
    {
        return env("VM_TEST_KERNEL_IGB");
    }

    /** The vfio-pci igb whose IOMMU group also holds a virtio device on virtio-pci (--error-devices), or "". */
    public static String sharedGroupIgb()
    {
        return env("VM_TEST_SHARED_GROUP_IGB");
    }

    public static boolean hasIommu()
    {
        return !"0".equals(env("VM_TEST_IOMMU"));
    }

    /** 2 MiB hugepages reserved in the guest (mounted at /dev/hugepages when non-zero). */
    public static int hugepages()
    {
        final String v = env("VM_TEST_HUGEPAGES");
        return v.isEmpty() ? 0 : Integer.parseInt(v);
    }

    /** The IOMMU group number of a PCI device, read from sysfs. */
    public static int iommuGroup(final String pciAddress)
    {
        try
        {
            return Integer.parseInt(Files.readSymbolicLink(Path.of("/sys/bus/pci/devices", pciAddress, "iommu_group"))
                .getFileName().toString());
        }
        catch (final IOException ex)
        {
            throw new AssertionError(pciAddress + " has no IOMMU group: " + ex, ex);
        }
    }

    /** A command line starting a JVM on this JVM's class path with {@code mainClass} and {@code args}. */
    public static List<String> javaCommand(final String mainClass, final String... args)
    {
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_ARGS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }
}
