package io.ethdev4j.vm.guest;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.EthDev;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The error messages docs/igb.md promises, produced by the real kernel's sysfs and VFIO (the guest's error
 * devices, tools/vm-test.sh --error-devices): an igb on the kernel's igb driver, and a vfio-pci igb whose IOMMU
 * group also holds a virtio device on virtio-pci.
 */
class VfioErrorsGuestTest
{
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void captureLog()
    {
        Guest.require();
        assertFalse(Guest.kernelBoundIgb().isEmpty(), "guest booted without --error-devices");
        Log.output(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog()
    {
        Log.output(System.err);
    }

    private static String initFailure(final String... argv)
    {
        final RuntimeException ex = assertThrows(RuntimeException.class, () -> Eal.init(argv).close(),
            "Eal.init must refuse " + String.join(" ", argv));
        return ex.getMessage();
    }

    @Test
    void shouldNameTheKernelDriverAndTheFixWhenTheAllowedPortIsBoundToIgb()
    {
        final String a = Guest.kernelBoundIgb();
        final String msg = initFailure("--no-huge", "-m", "64", "-a", a);
        assertTrue(msg.contains(a + " (8086:10c9) is bound to igb, not vfio-pci: bind it with " +
            "dpdk-devbind.py --bind=vfio-pci " + a), msg);
    }

    @Test
    void shouldNameTheDeviceInTheWayWhenTheGroupIsNotViable()
    {
        final String a = Guest.sharedGroupIgb();
        final int group = Guest.iommuGroup(a);
        final String msg = initFailure("--no-huge", "-m", "64", "-a", a);
        assertTrue(msg.contains("IOMMU group " + group + " is not viable: "), msg);
        assertTrue(msg.matches("(?s).*0000:[0-9a-f]{2}:02\\.0 \\(1af4:1005, driver virtio-pci\\) must also be bound " +
            "to vfio-pci.*"), "names the virtio-rng function on virtio-pci: " + msg);
    }

    @Test
    void shouldProbeTheUsablePortsAndExplainTheOthersWithoutAnAllowList()
    {
        try (Eal eal = Eal.init("--no-huge", "-m", "128"))
        {
            final List<EthDev> ports = eal.ports();
            assertEquals(2, ports.size(), "ports: " + ports + "\nlog:\n" + log);
            final List<String> names = List.of(ports.get(0).name(), ports.get(1).name());
            assertEquals(Guest.ports(), names, "the wired ports, in PCI address order");
        }
        final String text = log.toString(StandardCharsets.UTF_8);
        final String k = Guest.kernelBoundIgb();
        assertTrue(text.contains("PCI device " + k + " 8086:10c9 (net_e1000_igb) is bound to igb, not vfio-pci: " +
            "skipped (to use it: dpdk-devbind.py --bind=vfio-pci " + k + ")"), text);
        assertTrue(text.contains(Guest.sharedGroupIgb()) && text.contains("is not viable"), text);
    }
}
