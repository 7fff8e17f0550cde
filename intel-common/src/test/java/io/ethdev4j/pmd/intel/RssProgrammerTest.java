package io.ethdev4j.pmd.intel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** RSSRK and RETA packing (82576 §8.10.23-24; 82599 RETA/RSSRK with the same byte order). */
class RssProgrammerTest
{
    private static final int RETA = 0x5C00;
    private static final int RSSRK = 0x5C80;

    @Test
    void shouldWriteTheDefaultKeyLittleEndianPerRegister()
    {
        final RecordingPciDevice dev = new RecordingPciDevice();
        new RssProgrammer(RSSRK, RETA, 128).writeDefaultKey(dev);
        assertEquals(10, dev.writes.size());
        assertEquals(0xDA56_5A6D, dev.regs.get(RSSRK), "key bytes 6d 5a 56 da");
        assertEquals(0xFA01_ACBE, dev.regs.get(RSSRK + 36), "key bytes be ac 01 fa");
        assertEquals(RssProgrammer.KEY_BYTES, RssProgrammer.defaultKey().length);
    }

    @Test
    void shouldSpreadTheTableRoundRobinFourEntriesPerRegister()
    {
        final RecordingPciDevice dev = new RecordingPciDevice();
        new RssProgrammer(RSSRK, RETA, 128).writeReta(dev, 3);
        assertEquals(32, dev.writes.size());
        assertEquals(0x0002_0100, dev.regs.get(RETA), "entries 0..3 -> queues 0,1,2,0, entry i in byte i & 3");
        assertEquals(0x0100_0201, dev.regs.get(RETA + 4), "entries 4..7 -> queues 1,2,0,1");
        assertEquals(0x0100_0201, dev.regs.get(RETA + 124), "entries 124..127 -> 1,2,0,1");
        assertThrows(IllegalArgumentException.class, () -> new RssProgrammer(RSSRK, RETA, 130));
    }
}
