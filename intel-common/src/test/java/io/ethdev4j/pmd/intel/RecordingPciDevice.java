package io.ethdev4j.pmd.intel;

import io.ethdev4j.pci.PciId;
import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pci.PciBar;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.sys.Errno;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A PciDevice for unit tests: BAR0 registers in a map, every write logged in order, reads of registers listed with
 * {@link #clearOnRead} return their value once; optionally "mapped" at a given address, or failing every access.
 */
final class RecordingPciDevice implements PciDevice
{
    static final int BAR0_SIZE = 512 * 1024;

    /** One register write. */
    record Write(int offset, int value)
    {
        @Override
        public String toString()
        {
            return "0x" + Integer.toHexString(offset) + "=0x" + Integer.toHexString(value);
        }
    }

    final List<Write> writes = new ArrayList<>();
    final Map<Integer, Integer> regs = new HashMap<>();
    final List<Integer> clearOnRead = new ArrayList<>();
    /** Registers that read 0 whatever was written (a queue that never enables). */
    final List<Integer> readsZero = new ArrayList<>();
    long mappedAt;
    boolean failing;

    @Override
    public PciAddress address()
    {
        return PciAddress.of(0, 0, 4, 0);
    }

    @Override
    public PciId id()
    {
        return new PciId(PciId.VENDOR_INTEL, 0x10FB);
    }

    @Override
    public String describe()
    {
        return "recording test device";
    }

    @Override
    public int readConfig8(final int offset)
    {
        return 0;
    }

    @Override
    public int readConfig16(final int offset)
    {
        return 0;
    }

    @Override
    public int readConfig32(final int offset)
    {
        return 0;
    }

    @Override
    public void writeConfig8(final int offset, final int value)
    {
    }

    @Override
    public void writeConfig16(final int offset, final int value)
    {
    }

    @Override
    public void writeConfig32(final int offset, final int value)
    {
    }

    @Override
    public PciBar bar(final int index)
    {
        return new PciBar(index, index == 0 ? BAR0_SIZE : 0, false, false, false, 0);
    }

    private void check(final String op)
    {
        if (failing)
        {
            throw new PciException(Errno.EIO, op, describe() + " is gone");
        }
    }

    @Override
    public int read32(final int bar, final long offset)
    {
        check("read32");
        if (readsZero.contains((int)offset))
        {
            return 0;
        }
        final int v = regs.getOrDefault((int)offset, 0);
        if (clearOnRead.contains((int)offset))
        {
            regs.put((int)offset, 0);
        }
        return v;
    }

    @Override
    public void write32(final int bar, final long offset, final int value)
    {
        check("write32");
        writes.add(new Write((int)offset, value));
        regs.put((int)offset, value);
    }

    @Override
    public long read64(final int bar, final long offset)
    {
        return (read32(bar, offset) & 0xFFFF_FFFFL) | (long)read32(bar, offset + 4) << 32;
    }

    @Override
    public void write64(final int bar, final long offset, final long value)
    {
        write32(bar, offset, (int)value);
        write32(bar, offset + 4, (int)(value >>> 32));
    }

    @Override
    public long mappedBarAddress(final int bar)
    {
        return bar == 0 ? mappedAt : 0;
    }

    @Override
    public void reset()
    {
    }

    @Override
    public void close()
    {
    }
}
