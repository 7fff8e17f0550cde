package io.ethdev4j.pci;

/**
 * What a transport learnt about one BAR: its index, size, kind and where it sits (the bus address the transport
 * placed it at for QEMU, the region offset in the device fd for VFIO). A BAR of size 0 is absent.
 */
public final class PciBar
{
    private final int index;
    private final long sizeBytes;
    private final boolean io;
    private final boolean is64Bit;
    private final boolean prefetchable;
    private final long address;

    public PciBar(final int index, final long sizeBytes, final boolean io, final boolean is64Bit,
        final boolean prefetchable, final long address)
    {
        this.index = index;
        this.sizeBytes = sizeBytes;
        this.io = io;
        this.is64Bit = is64Bit;
        this.prefetchable = prefetchable;
        this.address = address;
    }

    public int index()
    {
        return index;
    }

    public long sizeBytes()
    {
        return sizeBytes;
    }

    public boolean isPresent()
    {
        return sizeBytes != 0;
    }

    public boolean isIo()
    {
        return io;
    }

    public boolean is64Bit()
    {
        return is64Bit;
    }

    public boolean isPrefetchable()
    {
        return prefetchable;
    }

    /** Bus address (QEMU transport) or region offset in the device fd (VFIO). */
    public long address()
    {
        return address;
    }

    @Override
    public String toString()
    {
        return "BAR" + index + (sizeBytes == 0 ? " absent" : (io ? " io " : is64Bit ? " mem64 " : " mem32 ") +
            sizeBytes + " bytes @ 0x" + Long.toHexString(address) + (prefetchable ? " prefetchable" : ""));
    }
}
