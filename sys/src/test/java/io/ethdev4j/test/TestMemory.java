package io.ethdev4j.test;

import io.ethdev4j.sys.LibC;
import org.agrona.UnsafeApi;

/** A shared memfd mapping, as the application side allocates it, with a bump allocator. */
public final class TestMemory implements AutoCloseable
{
    private final int fd;
    private final long address;
    private final long length;
    private long used;
    private boolean closed;

    public TestMemory(final long length)
    {
        this.length = (length + 4095) & ~4095L;
        fd = LibC.memfdCreate("kni-test", LibC.MFD_CLOEXEC);
        try
        {
            LibC.ftruncateChecked(fd, this.length);
            address = LibC.mmapChecked(0, this.length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
        }
        catch (final RuntimeException ex)
        {
            LibC.closeQuietly(fd);
            throw ex;
        }
        UnsafeApi.setMemory(address, this.length, (byte)0);
    }

    public long allocate(final long bytes, final int align)
    {
        final long start = (used + align - 1) & ~(long)(align - 1);
        if (start + bytes > length)
        {
            throw new IllegalStateException("TestMemory full");
        }
        used = start + bytes;
        return address + start;
    }

    public long address()
    {
        return address;
    }

    public void close()
    {
        if (!closed)
        {
            closed = true;
            LibC.munmapChecked(address, length);
            LibC.closeQuietly(fd);
        }
    }
}
