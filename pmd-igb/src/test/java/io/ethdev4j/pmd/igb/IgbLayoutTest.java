package io.ethdev4j.pmd.igb;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Register addresses against the 82576 datasheet (§8), and the queue register map the shared ring code uses. */
class IgbLayoutTest
{
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

    @Test
    void shouldMapEveryQueueRegisterToItsDatasheetName()
    {
        final IgbQueueRegisterMap map = IgbQueueRegisterMap.INSTANCE;
        for (int q = 0; q < 16; q++)
        {
            assertEquals(IgbRegs.RDBAL(q), map.RDBAL(q));
            assertEquals(IgbRegs.RDBAH(q), map.RDBAH(q));
            assertEquals(IgbRegs.RDLEN(q), map.RDLEN(q));
            assertEquals(IgbRegs.SRRCTL(q), map.SRRCTL(q));
            assertEquals(IgbRegs.RDH(q), map.RDH(q));
            assertEquals(IgbRegs.RDT(q), map.RDT(q));
            assertEquals(IgbRegs.RXDCTL(q), map.RXDCTL(q));
            assertEquals(IgbRegs.TDBAL(q), map.TDBAL(q));
            assertEquals(IgbRegs.TDBAH(q), map.TDBAH(q));
            assertEquals(IgbRegs.TDLEN(q), map.TDLEN(q));
            assertEquals(IgbRegs.TDH(q), map.TDH(q));
            assertEquals(IgbRegs.TDT(q), map.TDT(q));
            assertEquals(IgbRegs.TXDCTL(q), map.TXDCTL(q));
        }
        assertEquals(IgbRegs.SRRCTL_DROP_EN, map.srrctlDropEn());
        assertEquals(IgbRegs.SRRCTL_BSIZEPKT_MASK, map.srrctlBsizePktMask());
    }
}
