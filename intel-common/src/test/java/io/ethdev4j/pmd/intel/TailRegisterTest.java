package io.ethdev4j.pmd.intel;

import io.ethdev4j.pci.PciException;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The doorbell: a store into a mapped BAR, or a register write through the device; failures are values. */
class TailRegisterTest
{
    @Test
    void shouldStoreIntoTheMappedBarWithoutCallingTheDevice()
    {
        final RecordingPciDevice dev = new RecordingPciDevice();
        final long bar = UnsafeApi.allocateMemory(RecordingPciDevice.BAR0_SIZE);
        try
        {
            dev.mappedAt = bar;
            final TailRegister tdt = TailRegister.of(dev, 0, 0x6018);
            assertTrue(tdt.isMapped());
            assertTrue(tdt.write(511));
            assertEquals(511, UnsafeApi.getIntVolatile(null, bar + 0x6018));
            assertTrue(dev.writes.isEmpty(), "no call into the device: " + dev.writes);

            tdt.detach();
            assertFalse(tdt.isMapped());
            assertTrue(tdt.write(7));
            assertEquals(new RecordingPciDevice.Write(0x6018, 7), dev.writes.get(0), "after detach: through the device");
        }
        finally
        {
            UnsafeApi.freeMemory(bar);
        }
    }

    @Test
    void shouldWriteThroughTheDeviceWhenNothingIsMappedAndReportAFailure()
    {
        final RecordingPciDevice dev = new RecordingPciDevice();
        final TailRegister rdt = TailRegister.of(dev, 0, 0xC018);
        assertFalse(rdt.isMapped());
        assertTrue(rdt.write(31));
        assertEquals(31, dev.regs.get(0xC018));
        dev.failing = true;
        assertFalse(rdt.write(32), "a dead transport is a value, not an exception");
    }

    @Test
    void shouldRefuseARegisterOutsideTheMappedBar()
    {
        final RecordingPciDevice dev = new RecordingPciDevice();
        dev.mappedAt = 0x1000_0000L; // never dereferenced
        assertThrows(PciException.class, () -> TailRegister.of(dev, 0, RecordingPciDevice.BAR0_SIZE));
        assertThrows(PciException.class, () -> TailRegister.of(dev, 0, 0x6019));
    }
}
