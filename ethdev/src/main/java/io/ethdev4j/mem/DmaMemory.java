package io.ethdev4j.mem;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.SysException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's DMA memory allocator (EAL's memory subsystem, much simplified).
 * <p>
 * Each allocation is its own memfd mapped {@code MAP_SHARED|MAP_POPULATE}. With hugepages configured
 * ({@code HugePages_Free} in /proc/meminfo) and {@code --no-huge} absent, the memfd is created with
 * {@code MFD_HUGETLB|MFD_HUGE_2MB} and its length rounded up to 2 MiB; otherwise 4 KiB pages are used.
 * A limit ({@code -m} in MB; 0 = unlimited) bounds the total: going over it, or the kernel refusing the memory,
 * is {@code ENOMEM} with the sizes in the message.
 */
public final class DmaMemory implements AutoCloseable
{
    public static final long PAGE_4K = 4096;
    public static final long PAGE_2M = 2L * 1024 * 1024;

    private final boolean useHugepages;
    private final long limitBytes;
    private final List<DmaRegion> regions = new ArrayList<>();
    private long allocatedBytes;

    /**
     * @param noHuge     {@code --no-huge}: never use hugepages
     * @param limitBytes total limit ({@code -m}), 0 for none
     */
    public DmaMemory(final boolean noHuge, final long limitBytes)
    {
        this.useHugepages = !noHuge && freeHugepages() > 0;
        this.limitBytes = limitBytes;
    }

    private static final DmaMemory DEFAULT = new DmaMemory(true, 0);

    /** A process-wide allocator on 4 KiB memfd pages, for objects created outside a runtime (tests, tools). */
    public static DmaMemory defaultMemory()
    {
        return DEFAULT;
    }

    public boolean usesHugepages()
    {
        return useHugepages;
    }

    public synchronized long allocatedBytes()
    {
        return allocatedBytes;
    }

    public long limitBytes()
    {
        return limitBytes;
    }

    /** Allocates {@code length} bytes (rounded up to the page size), zeroed. */
    public DmaRegion allocate(final String name, final long length)
    {
        if (length <= 0)
        {
            throw EthDevException.of(Errno.EINVAL, "dmaAllocate(name=" + name + ", length=" + length + ")",
                "length must be positive");
        }
        final boolean huge = useHugepages && hugepagesFit(length);
        final long page = huge ? PAGE_2M : PAGE_4K;
        final long rounded = (length + page - 1) & ~(page - 1);
        synchronized (this)
        {
            if (limitBytes > 0 && allocatedBytes + rounded > limitBytes)
            {
                throw EthDevException.of(Errno.ENOMEM, "dmaAllocate(name=" + name + ", length=" + length + ")",
                    "request of " + rounded + " bytes exceeds the memory limit: " + allocatedBytes + " of " +
                    limitBytes + " bytes (-m " + (limitBytes >> 20) + ") already allocated");
            }
            allocatedBytes += rounded;
        }
        int fd = -1;
        try
        {
            fd = LibC.memfdCreate("ethdev4j:" + name, LibC.MFD_CLOEXEC | (huge ? LibC.MFD_HUGETLB | LibC.MFD_HUGE_2MB : 0));
            LibC.ftruncateChecked(fd, rounded);
            final long va = LibC.mmapChecked(0, rounded, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_SHARED | LibC.MAP_POPULATE, fd, 0);
            final DmaRegion region = new DmaRegion(this, name, va, rounded, fd, huge);
            synchronized (this)
            {
                regions.add(region);
            }
            return region;
        }
        catch (final SysException ex)
        {
            LibC.closeQuietly(fd);
            synchronized (this)
            {
                allocatedBytes -= rounded;
            }
            final int errno = ex.errno() == Errno.ENOSPC || ex.errno() == Errno.EINVAL ? Errno.ENOMEM : ex.errno();
            throw new EthDevException(errno, "dmaAllocate(name=" + name + ", length=" + length + ") failed: " +
                Errno.name(errno) + " - cannot get " + rounded + " bytes of " + (huge ? "2 MiB hugepage" : "4 KiB page") +
                " memory (" + allocatedBytes() + " bytes already allocated): " + ex.getMessage(), ex);
        }
    }

    synchronized void released(final DmaRegion region)
    {
        if (regions.remove(region))
        {
            allocatedBytes -= region.length();
        }
    }

    /** The regions currently allocated, e.g. to map them into a device (VFIO_IOMMU_MAP_DMA, SYNC_SYSMEM). */
    public synchronized List<DmaRegion> regions()
    {
        return new ArrayList<>(regions);
    }

    /** Closes every region still allocated. */
    @Override
    public void close()
    {
        final List<DmaRegion> copy;
        synchronized (this)
        {
            copy = new ArrayList<>(regions);
        }
        for (int i = copy.size() - 1; i >= 0; i--)
        {
            copy.get(i).close();
        }
    }

    private static boolean hugepagesFit(final long length)
    {
        return freeHugepages() * PAGE_2M >= length;
    }

    /** HugePages_Free from /proc/meminfo (0 when absent). */
    public static long freeHugepages()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/meminfo")))
            {
                if (line.startsWith("HugePages_Free:"))
                {
                    return Long.parseLong(line.substring("HugePages_Free:".length()).trim());
                }
            }
        }
        catch (final IOException | NumberFormatException ignore)
        {
            // no hugepage information: treat as none
        }
        return 0;
    }
}
