package io.ethdev4j.pmd.ixgbe.sim;

import io.ethdev4j.pmd.intel.sim.SimDma;
import io.ethdev4j.pmd.intel.sim.SimMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * I2CCTL (0x00028) as an idle I2C bus with its pull-ups and no SFP module: each line reads what the host drives
 * (CLK_IN = CLK_OUT, DATA_IN = DATA_OUT), so no device stretches the clock and no address is acknowledged. Intel's
 * bit-banged SFP probe (DPDK's ixgbe_identify_sfp_module) then ends at once with "SFP not present"; with the inputs
 * stuck at 0 it spent about 270,000 register accesses in clock-stretching timeouts (found by the differential run).
 */
class Ixgbe82599I2cBusTest
{
    private static final int I2CCTL = 0x00028;

    @Test
    void shouldReadBackTheLinesTheHostDrives()
    {
        final Ixgbe82599Model m = new Ixgbe82599Model(0x10FB, Ixgbe82599Model.DEFAULT_MAC, SimMode.WIRE, false,
            SimDma.IDENTITY);
        assertEquals(0, m.read32(I2CCTL), "reset: both lines driven low");
        m.write32(I2CCTL, 0x2);
        assertEquals(0x3, m.read32(I2CCTL), "clock released: CLK_IN high, nobody stretches it");
        m.write32(I2CCTL, 0xA);
        assertEquals(0xF, m.read32(I2CCTL), "data released: DATA_IN high, i.e. no ACK");
        m.write32(I2CCTL, 0x8);
        assertEquals(0xC, m.read32(I2CCTL), "clock low again, data still released");
        m.write32(I2CCTL, 0x5);
        assertEquals(0x0, m.read32(I2CCTL), "the input bits cannot be written");
    }
}
