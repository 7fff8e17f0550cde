package io.ethdev4j.pmd.ixgbe;

import io.ethdev4j.pci.PciId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** net_ixgbe's claim: DPDK v22.11's 82599 ids, X540, X550T; not the 82598, X550EM or virtual functions. */
class IxgbePmdProviderTest
{
    @Test
    void shouldClaimEvery82599IdDpdkClaimsAndTheCheapX5x0s()
    {
        final IxgbePmdProvider p = new IxgbePmdProvider();
        assertEquals("net_ixgbe", p.driverName());
        assertEquals(15 + 2 + 2, p.pciIds().size());
        for (final int d : List.of(0x10F7, 0x1514, 0x1517, 0x10F8, 0x10F9, 0x10FB, 0x152A, 0x1529, 0x1507, 0x154D,
            0x154A, 0x1558, 0x1557, 0x10FC, 0x151C))
        {
            assertEquals(IxgbeEthDev.MacType.E82599, IxgbePmdProvider.macType(new PciId(PciId.VENDOR_INTEL, d)),
                Integer.toHexString(d));
        }
        assertEquals(IxgbeEthDev.MacType.X540, IxgbePmdProvider.macType(new PciId(PciId.VENDOR_INTEL, 0x1528)));
        assertEquals(IxgbeEthDev.MacType.X550, IxgbePmdProvider.macType(new PciId(PciId.VENDOR_INTEL, 0x15D1)));
        for (final int d : List.of(0x10B6, 0x10ED, 0x1515, 0x15AB, 0x15C8, 0x10C9))
        {
            assertNull(IxgbePmdProvider.macType(new PciId(PciId.VENDOR_INTEL, d)), Integer.toHexString(d));
        }
        assertNull(IxgbePmdProvider.macType(new PciId(0x1AF4, 0x10FB)), "not Intel");
        assertTrue(p.devargs().containsKey("link_wait_ms"));
    }
}
