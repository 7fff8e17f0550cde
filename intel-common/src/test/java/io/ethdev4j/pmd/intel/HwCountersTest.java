package io.ethdev4j.pmd.intel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Clear-on-read accumulation: 32-bit registers summed into 64 bits, low/high pairs combined, xstats in order. */
class HwCountersTest
{
    private static final int CRCERRS = 0x4000;
    private static final int GPRC = 0x4074;
    private static final int TORL = 0x40C0;

    private static final HwCounterList LIST = HwCounterList.builder()
        .xstat("rx_crc_errors", CRCERRS)
        .xstat64("rx_total_bytes", TORL)
        .counter(GPRC)
        .build();

    private static RecordingPciDevice device()
    {
        final RecordingPciDevice dev = new RecordingPciDevice();
        dev.clearOnRead.addAll(List.of(CRCERRS, GPRC, TORL, TORL + 4));
        return dev;
    }

    @Test
    void shouldAccumulateEveryReadPast32Bits()
    {
        final RecordingPciDevice dev = device();
        final HwCounters hw = new HwCounters(dev, LIST);
        dev.regs.put(GPRC, 0xFFFF_FFF0);
        hw.update();
        dev.regs.put(GPRC, 0x20);
        hw.update();
        assertEquals(0xFFFF_FFF0L + 0x20, hw.get(GPRC), "no wrap at 2^32");
        hw.update();
        assertEquals(0xFFFF_FFF0L + 0x20, hw.get(GPRC), "cleared on read: nothing counted twice");
    }

    @Test
    void shouldCombineLowAndHighRegisters()
    {
        final RecordingPciDevice dev = device();
        final HwCounters hw = new HwCounters(dev, LIST);
        dev.regs.put(TORL, 0x8000_0001);
        dev.regs.put(TORL + 4, 0x3);
        hw.update();
        dev.regs.put(TORL, 0x10);
        hw.update();
        assertEquals(0x3_8000_0011L, hw.get(TORL));
    }

    @Test
    void shouldGiveXstatsInListOrderAndForgetOnClear()
    {
        final RecordingPciDevice dev = device();
        final HwCounters hw = new HwCounters(dev, LIST);
        assertEquals(List.of("rx_crc_errors", "rx_total_bytes"), LIST.xstatNames());
        dev.regs.put(CRCERRS, 5);
        dev.regs.put(TORL, 640);
        final long[] values = new long[2];
        hw.xstatsGet(values);
        assertArrayEquals(new long[] {5, 640}, values);
        dev.regs.put(CRCERRS, 1);
        hw.clear();
        hw.xstatsGet(values);
        assertArrayEquals(new long[] {0, 0}, values, "what was pending at the reset is forgotten too");
        assertThrows(IllegalArgumentException.class, () -> hw.get(0x4010));
        assertThrows(IllegalArgumentException.class, () -> HwCounterList.builder().counter(GPRC).xstat("x", GPRC));
    }
}
