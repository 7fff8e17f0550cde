package io.ethdev4j.mem;

import io.ethdev4j.sys.LibC;

import java.nio.file.Path;

/**
 * A piece of DMA-able memory: a shared mapping of a memfd or a hugetlbfs file with its virtual address,
 * its IOVA (IOVA = VA, as DPDK's default IOVA mode "va") and the file descriptor, so that a device model or the
 * kernel side of KNI can map the very same pages.
 * <p>
 * Registered with its memory's {@link MemoryRegistry} from allocation until {@link #close()}; {@link #use()} says
 * whether devices may be given addresses in it, {@link #mempool()} whether it holds a pool. The name is for people
 * (messages, {@code /proc/PID/maps} shows {@code memfd:ethdev4j:NAME}); nothing looks regions up by it.
 * <p>
 * {@link #close()} unregisters (the listeners let go while the pages are still there), unmaps and closes the fd;
 * it is idempotent.
 */
public final class DmaRegion implements AutoCloseable
{
    /** Who may be handed addresses inside a region. */
    public enum Use
    {
        /** Devices DMA to and from it (descriptor rings, mempools): the transports map it into their IOMMU. */
        DEVICE,
        /**
         * Shared by the application and host software only, never given to a device (KNI's FIFOs and sync area,
         * read by the KNI kernel side): registered like any region, not mapped for devices.
         */
        HOST
    }

    private final String name;
    private final long address;
    private final long iova;
    private final long length;
    private final int fd;
    private final Use use;
    private final long pageSize;
    private final Path file;
    private final DmaMemory owner;
    /** Set once, by {@link DmaMemory#allocateMempool}, before the region is registered. */
    private volatile RegionPool mempool;
    private volatile boolean closed;

    DmaRegion(final DmaMemory owner, final String name, final Use use, final long address, final long length,
        final int fd, final long pageSize, final Path file)
    {
        this.owner = owner;
        this.name = name;
        this.use = use;
        this.address = address;
        this.iova = address;
        this.length = length;
        this.fd = fd;
        this.pageSize = pageSize;
        this.file = file;
    }

    public String name()
    {
        return name;
    }

    /** Virtual address of the first byte. */
    public long address()
    {
        return address;
    }

    /** IO virtual address of the first byte (IOVA = VA). */
    public long iova()
    {
        return iova;
    }

    public long length()
    {
        return length;
    }

    /** The memfd behind the mapping; valid until {@link #close()}. */
    public int fd()
    {
        return fd;
    }

    public boolean hugepages()
    {
        return pageSize > DmaMemory.PAGE_4K;
    }

    /** The page size backing the region: 4096, or a hugepage size. */
    public long pageSize()
    {
        return pageSize;
    }

    /** The hugetlbfs file behind the region ({@code /dev/hugepages/rtemap_0}), or null for a memfd. */
    public Path file()
    {
        return file;
    }

    public Use use()
    {
        return use;
    }

    /** The memory this region was allocated from (its registry is the one that announced it). */
    public DmaMemory memory()
    {
        return owner;
    }

    /** The pool whose mbufs live in this region ({@code MbufPool.create}), or null for any other memory. */
    public RegionPool mempool()
    {
        return mempool;
    }

    void mempool(final RegionPool pool)
    {
        this.mempool = pool;
    }

    public boolean contains(final long va, final long len)
    {
        return va >= address && len >= 0 && va + len <= address + length && va + len >= va;
    }

    /** VA → IOVA for an address inside this region. */
    public long iovaOf(final long va)
    {
        return va - address + iova;
    }

    public boolean isClosed()
    {
        return closed;
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        // first, while the pages are still there: the listeners let go (devices unmapped, pools forgotten)
        owner.registry().unregister(this);
        synchronized (this)
        {
            if (closed)
            {
                return;
            }
            closed = true;
        }
        try
        {
            LibC.munmapChecked(address, length);
        }
        finally
        {
            DmaMemory.deleteQuietly(file);
            LibC.closeQuietly(fd);
            owner.released(this);
        }
    }

    @Override
    public String toString()
    {
        return "DmaRegion[" + name + ", va=0x" + Long.toHexString(address) + ", len=" + length +
            ", " + DmaMemory.pageName(pageSize) + "s" + (file != null ? ", " + file : "") +
            (use == Use.HOST ? ", host only" : "") + "]";
    }
}
