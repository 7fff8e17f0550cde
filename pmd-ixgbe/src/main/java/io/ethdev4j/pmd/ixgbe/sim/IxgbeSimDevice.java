package io.ethdev4j.pmd.ixgbe.sim;

import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pci.PciBar;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.pci.PciId;
import io.ethdev4j.sys.Errno;

/**
 * The {@link Ixgbe82599Model} as a {@link PciDevice} for the ixgbe PMD ({@code net_ixgbe_sim}): BAR0 is the model's
 * register file, config space holds the ids. A closed device fails every access with EIO, as a dead transport does.
 */
public final class IxgbeSimDevice implements PciDevice
{
    private final Ixgbe82599Model model;
    private final PciId id;
    private final PciAddress address;
    private boolean closed;

    public IxgbeSimDevice(final Ixgbe82599Model model, final int slot)
    {
        this.model = model;
        this.id = new PciId(PciId.VENDOR_INTEL, model.deviceId());
        this.address = PciAddress.of(0, 0, 4 + slot, 0);
    }

    public Ixgbe82599Model model()
    {
        return model;
    }

    @Override
    public PciAddress address()
    {
        return address;
    }

    @Override
    public PciId id()
    {
        return id;
    }

    @Override
    public String describe()
    {
        return address + " " + id + " via the in-process 82599 model (" + model.mode() + ")";
    }

    @Override
    public int readConfig8(final int offset)
    {
        return readConfig32(offset & ~3) >>> (8 * (offset & 3)) & 0xFF;
    }

    @Override
    public int readConfig16(final int offset)
    {
        return readConfig32(offset & ~3) >>> (8 * (offset & 2)) & 0xFFFF;
    }

    @Override
    public int readConfig32(final int offset)
    {
        return offset == 0 ? model.deviceId() << 16 | PciId.VENDOR_INTEL : 0;
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
        return new PciBar(index, index == 0 ? Ixgbe82599RegisterMap.BAR0_BYTES : 0, false, false, false, 0);
    }

    private void check(final int bar, final long offset, final String op)
    {
        if (closed)
        {
            throw new PciException(Errno.EIO, op + "(offset=0x" + Long.toHexString(offset) + ")", describe() +
                " is closed");
        }
        if (bar != 0)
        {
            throw new PciException(Errno.EINVAL, op + "(bar=" + bar + ")", "the 82599 model has BAR0 only");
        }
    }

    @Override
    public int read32(final int bar, final long offset)
    {
        check(bar, offset, "read32");
        return model.read32(offset);
    }

    @Override
    public void write32(final int bar, final long offset, final int value)
    {
        check(bar, offset, "write32");
        model.write32(offset, value);
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
    public void reset()
    {
        model.write32(0, 1 << 26);
    }

    @Override
    public void close()
    {
        closed = true;
        model.disconnect();
    }
}
