package io.ethdev4j.pmd.intel;

import io.ethdev4j.pci.PciDevice;

import java.util.Arrays;

/**
 * One port's running totals of its NIC's clear-on-read statistics registers ({@link HwCounterList}): every
 * {@link #update()} reads each register once and adds it to a 64-bit total, so 32-bit registers never wrap for the
 * application and nothing is lost between reads. A 64-bit counter is read low then high (the high read completes the
 * pair on both 82576 and 82599) and added as {@code low | high << 32}. Control path; not thread-safe.
 */
public final class HwCounters
{
    private final PciDevice dev;
    private final HwCounterList list;
    private final long[] totals;

    public HwCounters(final PciDevice dev, final HwCounterList list)
    {
        this.dev = dev;
        this.list = list;
        this.totals = new long[list.size()];
    }

    public HwCounterList list()
    {
        return list;
    }

    /** Reads every register (clearing it) and accumulates. */
    public void update()
    {
        for (int i = 0; i < totals.length; i++)
        {
            final int reg = list.reg(i);
            if (list.is64(i))
            {
                final long lo = dev.read32(0, reg) & 0xFFFF_FFFFL;
                final long hi = dev.read32(0, reg + 4) & 0xFFFF_FFFFL;
                totals[i] += lo | hi << 32;
            }
            else
            {
                totals[i] += dev.read32(0, reg) & 0xFFFF_FFFFL;
            }
        }
    }

    /** Reads every register and forgets all totals (stats reset, and after a hardware reset). */
    public void clear()
    {
        update();
        Arrays.fill(totals, 0);
    }

    /** The total of {@code reg} (a 64-bit counter by its low register) as of the last {@link #update()}. */
    public long get(final int reg)
    {
        final int i = list.indexOf(reg);
        if (i < 0)
        {
            throw new IllegalArgumentException("register 0x" + Integer.toHexString(reg) + " is not in the list");
        }
        return totals[i];
    }

    /** Updates, then fills {@code values} with the xstats in {@link HwCounterList#xstatNames()} order. */
    public void xstatsGet(final long[] values)
    {
        update();
        final int n = Math.min(values.length, list.xstatNames().size());
        System.arraycopy(totals, 0, values, 0, n);
    }
}
