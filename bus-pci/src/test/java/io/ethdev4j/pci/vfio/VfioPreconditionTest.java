package io.ethdev4j.pci.vfio;

import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pci.PciBus;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.pci.FakeSysfs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Without VFIO on this machine: every failure before the first ioctl says what is wrong and what to do. */
class VfioPreconditionTest
{
    @TempDir
    Path tmp;
    private PciBus bus;

    @BeforeEach
    void buildTree() throws Exception
    {
        new FakeSysfs(tmp.resolve("sys"))
            .device("0000:01:00.0", 0x8086, 0x10c9, "vfio-pci", 12)
            .device("0000:01:00.1", 0x8086, 0x10c9, "igb", 12)
            .device("0000:02:00.0", 0x8086, 0x1521, "vfio-pci", 13)
            .device("0000:03:00.0", 0x8086, 0x10fb, null, 14)
            .device("0000:04:00.0", 0x8086, 0x10fb, "ixgbe", 15)
            .device("0000:05:00.0", 0x8086, 0x1521, "vfio-pci", -1)
            .device("0000:06:00.0", 0x8086, 0x1521, "vfio-pci", 16)
            .device("0000:06:00.1", 0x8086, 0x1521, null, 16);
        bus = new PciBus(tmp.resolve("sys"));
    }

    private PciException failure(final String address)
    {
        return assertThrows(PciException.class, () -> VfioDevice.checkBindable(bus, PciAddress.parse(address)));
    }

    @Test
    void shouldTellHowToBindAnUnboundDevice()
    {
        final PciException ex = failure("03:00.0");
        assertEquals(Errno.ENODEV, ex.errno());
        assertTrue(ex.getMessage().contains("not bound to any driver"), ex.getMessage());
        assertTrue(ex.getMessage().contains("dpdk-devbind.py --bind=vfio-pci 0000:03:00.0"), ex.getMessage());
    }

    @Test
    void shouldTellWhichDriverHoldsTheDevice()
    {
        final PciException ex = failure("0000:04:00.0");
        assertEquals(Errno.EBUSY, ex.errno());
        assertTrue(ex.getMessage().contains("bound to ixgbe, not vfio-pci"), ex.getMessage());
        assertTrue(ex.getMessage().contains("--bind=vfio-pci 0000:04:00.0"), ex.getMessage());
    }

    @Test
    void shouldNameTheDevicesThatMakeTheGroupNonViable()
    {
        final PciException ex = failure("01:00.0");
        assertEquals(Errno.EBUSY, ex.errno());
        assertTrue(ex.getMessage().contains("IOMMU group 12 is not viable"), ex.getMessage());
        assertTrue(ex.getMessage().contains("0000:01:00.1 (8086:10c9, driver igb)"), ex.getMessage());
    }

    @Test
    void shouldExplainAMissingIommuGroup()
    {
        final PciException ex = failure("05:00.0");
        assertEquals(Errno.ENODEV, ex.errno());
        assertTrue(ex.getMessage().contains("intel_iommu=on"), ex.getMessage());
    }

    @Test
    void shouldAcceptViableGroupsIncludingUnboundMembers()
    {
        assertEquals(13, VfioDevice.checkBindable(bus, PciAddress.parse("02:00.0")).iommuGroup());
        assertEquals(16, VfioDevice.checkBindable(bus, PciAddress.parse("06:00.0")).iommuGroup());
    }

    @Test
    void shouldExplainMissingDevVfio()
    {
        final PciException ex = assertThrows(PciException.class, () -> VfioContainer.open(tmp.resolve("dev/vfio")));
        assertEquals(Errno.ENODEV, ex.errno());
        assertTrue(ex.getMessage().contains("does not exist"), ex.getMessage());
        assertTrue(ex.getMessage().contains("modprobe vfio-pci"), ex.getMessage());
        assertTrue(ex.getMessage().contains("dpdk-devbind.py --bind=vfio-pci"), ex.getMessage());
    }

    @Test
    void shouldExplainAMissingDeviceWhenOpening()
    {
        final PciException ex = failure("09:00.0");
        assertEquals(Errno.ENODEV, ex.errno());
        assertTrue(ex.getMessage().contains("lspci"), ex.getMessage());
    }
}
