package io.ethdev4j.testpmd.ixgbediff;

/** A BAR that is plain memory: what is written reads back (for the protocol and decoder tests). */
final class RamBar implements BarModel
{
    final int[] regs = new int[FakePciSysfs.BAR0_BYTES / 4];

    @Override
    public int read32(final int offset)
    {
        return regs[offset >> 2];
    }

    @Override
    public void write32(final int offset, final int value)
    {
        regs[offset >> 2] = value;
    }
}
