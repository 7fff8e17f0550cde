package io.ethdev4j.pci;

import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class PciBusTest
{
    @TempDir
    Path tmp;
    private PciBus bus;

    @BeforeEach
    void buildTree() throws Exception
    {
        new FakeSysfs(tmp)
            .device("0000:01:00.0", 0x8086, 0x10c9, "vfio-pci", 12)
            .device("0000:01:00.1", 0x8086, 0x10c9, "igb", 12)
            .device("0000:02:00.0", 0x8086, 0x1521, "vfio-pci", 13)
            .device("0000:03:00.0", 0x8086, 0x10fb, null, 14)
            .device("0000:00:1f.2", 0x8086, 0x2922, "ahci", -1);
        Files.createDirectories(tmp.resolve("bus/pci/devices/not-a-device"));
        bus = new PciBus(tmp);
    }

    @Test
    void shouldScanEveryFunctionWithIdsDriverAndGroupInAddressOrder()
    {
        final List<PciBus.Entry> all = bus.scan();
        assertEquals(List.of("0000:00:1f.2", "0000:01:00.0", "0000:01:00.1", "0000:02:00.0", "0000:03:00.0"),
            all.stream().map(e -> e.address().toString()).collect(Collectors.toList()));
        final PciBus.Entry igb = all.get(2);
        assertEquals(PciId.of(0x8086, 0x10c9), igb.id());
        assertEquals("igb", igb.driver());
        assertEquals(12, igb.iommuGroup());
        assertNull(all.get(4).driver());
        assertEquals(-1, all.get(0).iommuGroup());
    }

    @Test
    void shouldFindTheDevicesBoundToVfioPci()
    {
        final List<PciBus.Entry> vfio = bus.boundTo(PciBus.VFIO_PCI_DRIVER);
        assertEquals(2, vfio.size());
        assertEquals("0000:01:00.0 8086:10c9 driver=vfio-pci iommu_group=12", vfio.get(0).toString());
        assertEquals(PciId.parse("8086:1521"), vfio.get(1).id());
    }

    @Test
    void shouldReportAMissingDeviceWithENODEV()
    {
        final PciException ex = assertThrows(PciException.class, () -> bus.read(PciAddress.parse("05:00.0")));
        assertEquals(Errno.ENODEV, ex.errno());
        assertTrue(ex.getMessage().contains("0000:05:00.0"), ex.getMessage());
    }

    @Test
    void shouldSeeAnEmptyBusWhenSysfsHasNoPciDevices(@TempDir final Path empty)
    {
        assertTrue(new PciBus(empty).scan().isEmpty());
    }
}
