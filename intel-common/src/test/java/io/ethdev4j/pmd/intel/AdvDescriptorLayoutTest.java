package io.ethdev4j.pmd.intel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Descriptor offsets against the 82576 (§7.1.5, §7.2.2.3) and 82599 (§7.1.6, §7.2.3.2) datasheets. */
class AdvDescriptorLayoutTest
{
    @Test
    void shouldMatchTheAdvancedTxDescriptorLayout()
    {
        assertEquals(0, AdvTxDescriptor.BUFFER_ADDR_OFFSET);
        assertEquals(8, AdvTxDescriptor.CMD_TYPE_LEN_OFFSET);
        assertEquals(12, AdvTxDescriptor.OLINFO_STATUS_OFFSET);
        assertEquals(12, AdvTxDescriptor.WB_STATUS_OFFSET);
        assertEquals(16, AdvTxDescriptor.LENGTH);
        assertEquals(0x2B30_0000, AdvTxDescriptor.DTYP_DATA | AdvTxDescriptor.DCMD_DEXT |
            AdvTxDescriptor.DCMD_EOP | AdvTxDescriptor.DCMD_IFCS | AdvTxDescriptor.DCMD_RS);
    }

    @Test
    void shouldMatchTheAdvancedRxDescriptorLayout()
    {
        assertEquals(0, AdvRxDescriptor.PKT_ADDR_OFFSET);
        assertEquals(8, AdvRxDescriptor.HDR_ADDR_OFFSET);
        assertEquals(0, AdvRxDescriptor.WB_PKT_INFO_OFFSET);
        assertEquals(4, AdvRxDescriptor.WB_RSS_HASH_OFFSET);
        assertEquals(8, AdvRxDescriptor.WB_STATUS_ERROR_OFFSET);
        assertEquals(12, AdvRxDescriptor.WB_LENGTH_OFFSET);
        assertEquals(14, AdvRxDescriptor.WB_VLAN_OFFSET);
        assertEquals(16, AdvRxDescriptor.LENGTH);
        assertEquals(1 << 29, AdvRxDescriptor.ERROR_RXE);
        assertEquals(1 << 23, AdvRxDescriptor.ERROR_HBO);
    }
}
