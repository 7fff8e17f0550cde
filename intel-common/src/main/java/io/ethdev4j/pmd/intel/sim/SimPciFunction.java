package io.ethdev4j.pmd.intel.sim;

import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pci.PciBar;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciId;

/**
 * What every in-process NIC model presents as a PCI function besides its registers: the address and ids, a config
 * space that holds only the vendor and device id (writes ignored), one memory BAR0 of the model's size, and 64-bit
 * accesses as two 32-bit ones (low first). A model ({@code IgbSimDevice}, {@code IxgbeSimDevice}) brings
 * {@link #read32}, {@link #write32}, {@link #reset}, {@link #close} and {@link #describe}.
 */
public abstract class SimPciFunction implements PciDevice
{
    private final PciId id;
    private final PciAddress address;
    private final int bar0Bytes;

    protected SimPciFunction(final PciId id, final PciAddress address, final int bar0Bytes)
    {
        this.id = id;
        this.address = address;
        this.bar0Bytes = bar0Bytes;
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
        return offset == 0 ? id.deviceId() << 16 | id.vendorId() : 0;
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
        return new PciBar(index, index == 0 ? bar0Bytes : 0, false, false, false, 0);
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
}
