package io.ethdev4j.testkit;

import io.ethdev4j.sys.LibC;
import org.agrona.UnsafeApi;

/**
 * Shared DMA memory for device tests: a memfd mapped MAP_SHARED, so a QEMU device model can map the same pages.
 * Stands in for the runtime's DMA regions until the ethdev memory layer exists. IOVA = virtual address.
 */
public final class MemfdRegion implements AutoCloseable
{
    private final int fd;
    private final long address;
    private final long length;
    private boolean closed;

    public MemfdRegion(final String name, final long length)
    {
        this.length = length;
        this.fd = LibC.memfdCreate(name, LibC.MFD_CLOEXEC);
        long addr = 0;
        try
        {
            LibC.ftruncateChecked(fd, length);
            addr = LibC.mmapChecked(0, length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
        }
        catch (final RuntimeException ex)
        {
            LibC.closeQuietly(fd);
            throw ex;
        }
        this.address = addr;
        UnsafeApi.setMemory(address, length, (byte)0);
    }

    public int fd()
    {
        return fd;
    }

    public long address()
    {
        return address;
    }

    public long length()
    {
        return length;
    }

    /** Unmaps, then closes the fd. Idempotent. */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            LibC.munmapChecked(address, length);
            LibC.closeChecked(fd);
        }
    }
}
