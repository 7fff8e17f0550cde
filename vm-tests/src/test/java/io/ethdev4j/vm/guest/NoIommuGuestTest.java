package io.ethdev4j.vm.guest;

import io.ethdev4j.eal.Eal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A machine without an IOMMU (tools/vm-test.sh --no-iommu): vfio-pci refuses to bind, and the runtime says the
 * IOMMU is what is missing, not the binding.
 */
@Tag("no-iommu")
class NoIommuGuestTest
{
    @Test
    void shouldSayTheIommuIsMissing()
    {
        Guest.require();
        assertFalse(Guest.hasIommu(), "guest booted with an IOMMU: run with tools/vm-test.sh --no-iommu");
        final String a = Guest.ports().get(0);
        assertFalse(Files.exists(Path.of("/sys/bus/pci/devices", a, "iommu_group")), "the kernel gave " + a +
            " an IOMMU group");
        final RuntimeException ex = assertThrows(RuntimeException.class,
            () -> Eal.init("--no-huge", "-m", "64", "-a", a).close());
        assertTrue(ex.getMessage().contains(a + " has no IOMMU group: enable the IOMMU (VT-d/AMD-Vi in firmware, " +
            "intel_iommu=on or amd_iommu=on on the kernel command line)"), ex.getMessage());
    }
}
