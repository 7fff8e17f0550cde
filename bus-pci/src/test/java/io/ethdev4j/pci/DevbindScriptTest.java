package io.ethdev4j.pci;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * tools/dpdk-devbind.sh against a fake sysfs tree ({@code ETHDEV4J_SYSFS}): the status listing, the sysfs writes a
 * bind and an unbind make, and usage errors. {@code --status} on the real /sys must work on any machine.
 */
class DevbindScriptTest
{
    private static final Path SCRIPT = Path.of("..", "tools", "dpdk-devbind.sh").toAbsolutePath().normalize();

    @TempDir
    Path tmp;
    private Path sysfs;

    private record Result(int rc, String out, String err)
    {
    }

    @BeforeEach
    void buildTree() throws Exception
    {
        sysfs = tmp.resolve("sys");
        new FakeSysfs(sysfs)
            .device("0000:01:00.0", 0x8086, 0x10c9, "vfio-pci", 12)
            .device("0000:01:00.1", 0x8086, 0x10c9, "igb", 13)
            .device("0000:04:00.0", 0x8086, 0x1521, null, 16)
            .device("0000:00:1f.2", 0x8086, 0x2922, "ahci", -1);
        Files.writeString(sysfs.resolve("devices/pci0000:00/0000:00:1f.2/class"), "0x010601\n");
        Files.createDirectories(sysfs.resolve("devices/pci0000:00/0000:01:00.1/net/enp1s0f1"));
        Files.writeString(sysfs.resolve("devices/pci0000:00/0000:01:00.1/driver_override"), "(null)\n");
    }

    private Result run(final boolean fake, final String... args) throws IOException, InterruptedException
    {
        final List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        final ProcessBuilder pb = new ProcessBuilder(cmd);
        if (fake)
        {
            pb.environment().put("ETHDEV4J_SYSFS", sysfs.toString());
            pb.environment().put("ETHDEV4J_VFIO_DEV", tmp.resolve("dev/vfio").toString());
        }
        pb.redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        final Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS))
        {
            p.destroyForcibly();
            fail("dpdk-devbind.sh " + String.join(" ", args) + " did not finish in 30 s");
        }
        return new Result(p.exitValue(), Files.readString(tmp.resolve("out")), Files.readString(tmp.resolve("err")));
    }

    private static void assertNoTrace(final Result r)
    {
        assertFalse(r.err.contains("line ") || r.err.contains("unbound variable") || r.err.contains("command not found"),
            "a message, not a shell trace: " + r.err);
    }

    @Test
    void shouldListNetworkDevicesByDriverOnThisMachine() throws Exception
    {
        final Result r = run(false, "--status");
        assertEquals(0, r.rc, r.err);
        assertTrue(r.out.contains("Network devices using DPDK-compatible driver\n"), r.out);
        assertTrue(r.out.contains("Network devices using kernel driver\n"), r.out);
        assertTrue(r.out.contains("Other Network devices\n"), r.out);
        assertNoTrace(r);
    }

    @Test
    void shouldListOnlyNetworkDevicesOfAFakeTree() throws Exception
    {
        final Result r = run(true, "--status");
        assertEquals(0, r.rc, r.err);
        assertEquals(String.join("\n",
            "",
            "Network devices using DPDK-compatible driver",
            "============================================",
            "0000:01:00.0 '8086:10c9' drv=vfio-pci",
            "",
            "Network devices using kernel driver",
            "===================================",
            "0000:01:00.1 '8086:10c9' if=enp1s0f1 drv=igb",
            "",
            "Other Network devices",
            "=====================",
            "0000:04:00.0 '8086:1521'",
            "",
            "Note: " + tmp.resolve("dev/vfio") + "/vfio does not exist: VFIO is not loaded (--bind=vfio-pci loads it; " +
                "the IOMMU must be on: intel_iommu=on or amd_iommu=on iommu=pt on the kernel command line).",
            ""), r.out);
    }

    @Test
    void shouldUnbindSetTheOverrideAndBindToVfioPci() throws Exception
    {
        final Result r = run(true, "--bind=vfio-pci", "01:00.1");
        assertEquals(0, r.rc, r.err);
        assertEquals("0000:01:00.1", Files.readString(sysfs.resolve("bus/pci/drivers/igb/unbind")));
        assertEquals("vfio-pci", Files.readString(sysfs.resolve("devices/pci0000:00/0000:01:00.1/driver_override")));
        assertEquals("0000:01:00.1", Files.readString(sysfs.resolve("bus/pci/drivers/vfio-pci/bind")));
        assertTrue(r.out.contains("0000:01:00.1: bound to vfio-pci (was igb)"), r.out);
    }

    @Test
    void shouldSkipADeviceAlreadyBound() throws Exception
    {
        final Result r = run(true, "--bind", "vfio-pci", "0000:01:00.0");
        assertEquals(0, r.rc, r.err);
        assertTrue(r.out.contains("0000:01:00.0 already bound to driver vfio-pci"), r.out);
        assertFalse(Files.exists(sysfs.resolve("bus/pci/drivers/vfio-pci/bind")));
    }

    @Test
    void shouldUnbindAndClearTheOverride() throws Exception
    {
        final Result r = run(true, "--unbind", "0000:01:00.1");
        assertEquals(0, r.rc, r.err);
        assertEquals("0000:01:00.1", Files.readString(sysfs.resolve("bus/pci/drivers/igb/unbind")));
        assertEquals("\n", Files.readString(sysfs.resolve("devices/pci0000:00/0000:01:00.1/driver_override")));
    }

    @Test
    void shouldRejectBadAddressesAndUsageWithAMessage() throws Exception
    {
        Result r = run(true, "--bind=vfio-pci", "eth0");
        assertEquals(2, r.rc);
        assertTrue(r.err.contains("'eth0' is not a PCI address (expected DDDD:BB:DD.F"), r.err);
        assertNoTrace(r);

        r = run(true, "--bind=vfio-pci", "0000:09:00.0");
        assertEquals(1, r.rc);
        assertTrue(r.err.contains("error: no PCI device 0000:09:00.0"), r.err);
        assertNoTrace(r);

        r = run(true, "--bind=vfio-pci", "00:1f.2");
        assertEquals(1, r.rc);
        assertTrue(r.err.contains("0000:00:1f.2 is not a network device (class 0x010601); use --force"), r.err);

        r = run(true, "--bind=e1000e", "04:00.0");
        assertEquals(1, r.rc);
        assertTrue(r.err.contains("driver e1000e is not loaded"), r.err);

        r = run(true, "--unbind");
        assertEquals(2, r.rc);
        assertTrue(r.err.contains("--unbind needs at least one PCI address"), r.err);

        r = run(true, "--frobnicate");
        assertEquals(2, r.rc);
        assertTrue(r.err.contains("unknown option '--frobnicate'"), r.err);

        r = run(true);
        assertEquals(2, r.rc);
        assertTrue(r.err.contains("nothing to do"), r.err);
    }

    @Test
    void shouldRefuseToBindOnThisMachineWithAReasonNeverATrace() throws Exception
    {
        final Result r = run(false, "--bind=vfio-pci", "0000:7f:1f.7");
        assertEquals(1, r.rc);
        assertTrue(r.err.contains("no PCI device 0000:7f:1f.7"), r.err);
        assertNoTrace(r);
    }
}
