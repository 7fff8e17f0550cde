package io.ethdev4j.pmd.igb;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Descriptor offsets and register addresses against the 82576 datasheet (§7.1.5, §7.2.2.3, §8). */
class IgbLayoutTest
{
    @Test
    void shouldMatchTheAdvancedTxDescriptorLayout()
    {
        assertEquals(0, IgbAdvTxDescriptor.BUFFER_ADDR_OFFSET);
        assertEquals(8, IgbAdvTxDescriptor.CMD_TYPE_LEN_OFFSET);
        assertEquals(12, IgbAdvTxDescriptor.OLINFO_STATUS_OFFSET);
        assertEquals(12, IgbAdvTxDescriptor.WB_STATUS_OFFSET);
        assertEquals(16, IgbAdvTxDescriptor.LENGTH);
        assertEquals(0x2B30_0000, IgbAdvTxDescriptor.DTYP_DATA | IgbAdvTxDescriptor.DCMD_DEXT |
            IgbAdvTxDescriptor.DCMD_EOP | IgbAdvTxDescriptor.DCMD_IFCS | IgbAdvTxDescriptor.DCMD_RS);
    }

    @Test
    void shouldMatchTheAdvancedRxDescriptorLayout()
    {
        assertEquals(0, IgbAdvRxDescriptor.PKT_ADDR_OFFSET);
        assertEquals(8, IgbAdvRxDescriptor.HDR_ADDR_OFFSET);
        assertEquals(0, IgbAdvRxDescriptor.WB_PKT_INFO_OFFSET);
        assertEquals(4, IgbAdvRxDescriptor.WB_RSS_HASH_OFFSET);
        assertEquals(8, IgbAdvRxDescriptor.WB_STATUS_ERROR_OFFSET);
        assertEquals(12, IgbAdvRxDescriptor.WB_LENGTH_OFFSET);
        assertEquals(14, IgbAdvRxDescriptor.WB_VLAN_OFFSET);
        assertEquals(16, IgbAdvRxDescriptor.LENGTH);
    }

    @Test
    void shouldPlaceQueueRegistersAsThe82576Datasheet()
    {
        assertEquals(0xC000, IgbRegs.RDBAL(0));
        assertEquals(0xC028, IgbRegs.RXDCTL(0));
        assertEquals(0xC04C, IgbRegs.SRRCTL(1));
        assertEquals(0xE3D8, IgbRegs.TDT(15));
        assertEquals(0x5400, IgbRegs.RAL(0));
        assertEquals(0x5404, IgbRegs.RAH(0));
        assertEquals(0x0420_1340, IgbRegs.mdicWrite(IgbRegs.PHY_BMCR, 0x1340));
    }
}
