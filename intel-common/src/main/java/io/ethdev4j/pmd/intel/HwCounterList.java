package io.ethdev4j.pmd.intel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The clear-on-read statistics registers one NIC reports, in order: the xstats (with DPDK's names, as the NIC's
 * {@code rte_*_stats_strings} table) and the registers read besides them for the basic stats. A 64-bit counter is
 * named by its low register; the high one follows at +4 and is read right after it (low first, as the 82576 §8.19 and
 * 82599 §8.2.3.23 datasheets ask). Immutable; built once per NIC with {@link #builder()}.
 */
public final class HwCounterList
{
    private final List<String> xstatNames;
    private final int[] regs;
    private final boolean[] is64;

    private HwCounterList(final List<String> xstatNames, final int[] regs, final boolean[] is64)
    {
        this.xstatNames = xstatNames;
        this.regs = regs;
        this.is64 = is64;
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** The xstat names, in the order {@link HwCounters#xstatsGet} fills values. */
    public List<String> xstatNames()
    {
        return xstatNames;
    }

    /** How many registers (pairs counted once) are read per update. */
    public int size()
    {
        return regs.length;
    }

    int reg(final int i)
    {
        return regs[i];
    }

    boolean is64(final int i)
    {
        return is64[i];
    }

    /** The position of {@code reg} in the list (-1 when absent). */
    int indexOf(final int reg)
    {
        for (int i = 0; i < regs.length; i++)
        {
            if (regs[i] == reg)
            {
                return i;
            }
        }
        return -1;
    }

    /** Xstats first, in {@code rte_*_stats_strings} order; then the registers only the basic stats need. */
    public static final class Builder
    {
        private final List<String> names = new ArrayList<>();
        private final List<Integer> xstatRegs = new ArrayList<>();
        private final List<Boolean> xstat64 = new ArrayList<>();
        private final List<Integer> otherRegs = new ArrayList<>();
        private final List<Boolean> other64 = new ArrayList<>();

        private Builder()
        {
        }

        /** A 32-bit clear-on-read register reported as xstat {@code name}. */
        public Builder xstat(final String name, final int reg)
        {
            return add(name, reg, false);
        }

        /** A 64-bit counter (low register {@code lowReg}, high at +4) reported as xstat {@code name}. */
        public Builder xstat64(final String name, final int lowReg)
        {
            return add(name, lowReg, true);
        }

        /** A 32-bit register read for the basic stats only. */
        public Builder counter(final int reg)
        {
            return addOther(reg, false);
        }

        /** A 64-bit counter read for the basic stats only. */
        public Builder counter64(final int lowReg)
        {
            return addOther(lowReg, true);
        }

        private Builder add(final String name, final int reg, final boolean wide)
        {
            checkNew(reg);
            names.add(name);
            xstatRegs.add(reg);
            xstat64.add(wide);
            return this;
        }

        private Builder addOther(final int reg, final boolean wide)
        {
            checkNew(reg);
            otherRegs.add(reg);
            other64.add(wide);
            return this;
        }

        private void checkNew(final int reg)
        {
            if (xstatRegs.contains(reg) || otherRegs.contains(reg))
            {
                throw new IllegalArgumentException("register 0x" + Integer.toHexString(reg) + " listed twice");
            }
        }

        public HwCounterList build()
        {
            final int n = xstatRegs.size() + otherRegs.size();
            final int[] regs = new int[n];
            final boolean[] wide = new boolean[n];
            for (int i = 0; i < n; i++)
            {
                final boolean x = i < xstatRegs.size();
                regs[i] = x ? xstatRegs.get(i) : otherRegs.get(i - xstatRegs.size());
                wide[i] = x ? xstat64.get(i) : other64.get(i - xstatRegs.size());
            }
            return new HwCounterList(Collections.unmodifiableList(new ArrayList<>(names)), regs,
                Arrays.copyOf(wide, n));
        }
    }
}
