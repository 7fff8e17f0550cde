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
import java.util.function.Function;

/**
 * The runtime's DMA memory allocator (EAL's memory subsystem, much simplified).
 * <p>
 * Each allocation is its own memfd mapped {@code MAP_SHARED|MAP_POPULATE}. With hugepages configured
 * ({@code HugePages_Free} in /proc/meminfo) and {@code --no-huge} absent, the memfd is created with
 * {@code MFD_HUGETLB|MFD_HUGE_2MB} and its length rounded up to 2 MiB; otherwise 4 KiB pages are used.
 * A limit ({@code -m} in MB; 0 = unlimited) bounds the total: going over it, or the kernel refusing the memory,
 * is {@code ENOMEM} with the sizes in the message.
 * <p>
 * Every region is registered with this memory's {@link #registry()} as soon as it is allocated (a pool's region
 * once the pool is built, {@link #allocateMempool}) and unregistered when it is freed: the memory events the
 * transports map for DMA and KNI follows. A runtime's memory is {@code Eal.memory()}; memory made with
 * {@code new DmaMemory(...)} or {@link #defaultMemory()} has a registry of its own that no runtime listens to.
 */
public final class DmaMemory implements AutoCloseable
{
    public static final long PAGE_4K = 4096;
    public static final long PAGE_2M = 2L * 1024 * 1024;

    private final boolean useHugepages;
    private final long limitBytes;
    private final MemoryRegistry registry = new MemoryRegistry();
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

    /**
     * A process-wide allocator on 4 KiB memfd pages, for objects created outside a runtime (tests, tools). No runtime
     * listens to its registry: its regions are not mapped for any runtime's devices.
     */
    public static DmaMemory defaultMemory()
    {
        return DEFAULT;
    }

    /** The live regions of this memory and their listeners (the memory events). */
    public MemoryRegistry registry()
    {
        return registry;
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

    /** Allocates {@code length} bytes, zeroed, for devices ({@link DmaRegion.Use#DEVICE}). */
    public DmaRegion allocate(final String name, final long length)
    {
        return allocate(name, length, DmaRegion.Use.DEVICE);
    }

    /**
     * Allocates {@code length} bytes (rounded up to the page size), zeroed, and registers them: every listener of
     * {@link #registry()} has accepted the region when this returns.
     *
     * @throws EthDevException ENOMEM (limit, kernel), or what a listener threw refusing the region (e.g. the VFIO
     *     container's MAP_DMA failing); the memory is freed then.
     */
    public DmaRegion allocate(final String name, final long length, final DmaRegion.Use use)
    {
        final DmaRegion region = map(name, length, use);
        try
        {
            registry.register(region);
        }
        catch (final RuntimeException ex)
        {
            region.close();
            throw ex;
        }
        return region;
    }

    /**
     * Allocates the region of a mempool and registers it once {@code build} has made the pool in it, so that
     * listeners see it with its {@link DmaRegion#mempool()}. If {@code build} or a listener throws, the memory is
     * freed and this throws (the caller forgets the pool it built).
     */
    public <P extends RegionPool> P allocateMempool(final String name, final long length,
        final Function<DmaRegion, P> build)
    {
        final DmaRegion region = map(name, length, DmaRegion.Use.DEVICE);
        try
        {
            final P pool = build.apply(region);
            region.mempool(pool);
            registry.register(region);
            return pool;
        }
        catch (final RuntimeException ex)
        {
            region.close();
            throw ex;
        }
    }

    private DmaRegion map(final String name, final long length, final DmaRegion.Use use)
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
            final DmaRegion region = new DmaRegion(this, name, use, va, rounded, fd, huge);
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

    /** The regions currently allocated, oldest first (a copy); {@link #registry()} says which are registered. */
    public synchronized List<DmaRegion> regions()
    {
        return new ArrayList<>(regions);
    }

    /** Closes (unregisters and frees) every region still allocated, newest first. */
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
