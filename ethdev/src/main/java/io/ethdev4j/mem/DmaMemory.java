package io.ethdev4j.mem;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.PosixFile;
import io.ethdev4j.sys.RteLog;
import io.ethdev4j.sys.SysException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The runtime's DMA memory allocator (EAL's memory subsystem, much simplified): each allocation is one shared
 * mapping of its own file, zeroed, populated, with its fd kept (a device model or the KNI kernel side maps the same
 * pages).
 * <ul>
 * <li>Hugepages, as DPDK finds them ({@link HugepageInfo}): the page sizes with free pages and a hugetlbfs mount
 * ({@code dpdk-hugepages.py --setup 1G} reserves pages of the default size and mounts {@code /dev/hugepages});
 * {@code --huge-dir DIR} uses the mount at DIR only and fails the start-up when it has none with free pages, as
 * DPDK does. An allocation is a file {@code <mount>/<file-prefix>map_<n>} (DPDK's {@code rtemap_<n>}) of whole
 * pages of the largest size not larger than the request (so a small pool does not take a 1 GiB page), held with
 * a lock while mapped and removed when freed; files of a dead process with the same prefix are removed at start-up
 * (DPDK's {@code clear_hugedir}). With {@code --in-memory} a size without a mount is used through an anonymous
 * {@code memfd_create(MFD_HUGETLB | MFD_HUGE_<size>)}, as DPDK's in-memory mode does. When the pages run out the
 * allocation fails with ENOMEM, as DPDK's.</li>
 * <li>4 KiB pages (memfd) with {@code --no-huge}, and when the system has no usable hugepages at all (unlike
 * DPDK, which refuses to start: ethdev4j runs on machines without hugepages).</li>
 * </ul>
 * A limit ({@code -m} in MB; 0 = unlimited) bounds the total: going over it, or the kernel refusing the memory, is
 * {@code ENOMEM} with the sizes in the message.
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
    /** MFD_HUGE_SHIFT: log2(page size) goes in bits 26.. of memfd_create's flags. */
    private static final int MFD_HUGE_SHIFT = 26;

    /** Usable hugepage sizes, largest first; empty = 4 KiB memfd pages. */
    private final List<HugepageInfo.PageSize> hugepages;
    private final HugepageInfo.Roots roots;
    private final String hugeDir;
    private final String filePrefix;
    private final long limitBytes;
    private final MemoryRegistry registry = new MemoryRegistry();
    private final List<DmaRegion> regions = new ArrayList<>();
    private long allocatedBytes;
    private int nextFile;

    private DmaMemory(final List<HugepageInfo.PageSize> hugepages, final HugepageInfo.Roots roots,
        final String hugeDir, final String filePrefix, final long limitBytes)
    {
        this.hugepages = hugepages;
        this.roots = roots;
        this.hugeDir = hugeDir;
        this.filePrefix = filePrefix;
        this.limitBytes = limitBytes;
    }

    /**
     * 4 KiB pages ({@code noHuge}), or the system's hugepages as {@link #open} finds them with no {@code --huge-dir}.
     *
     * @param limitBytes total limit ({@code -m}), 0 for none
     */
    public DmaMemory(final boolean noHuge, final long limitBytes)
    {
        this(noHuge ? List.of() : usable(HugepageInfo.scan(HugepageInfo.Roots.SYSTEM, null), false, null),
            HugepageInfo.Roots.SYSTEM, null, "rte", limitBytes);
        if (!noHuge)
        {
            clearStaleFiles();
        }
    }

    /**
     * The runtime's memory: EAL's hugepage_info_init with {@code --no-huge}, {@code --huge-dir},
     * {@code --file-prefix} and {@code --in-memory}.
     *
     * @throws EthDevException ENOMEM when {@code hugeDir} is given and no hugetlbfs with free pages is mounted there
     */
    public static DmaMemory open(final boolean noHuge, final long limitBytes, final String hugeDir,
        final String filePrefix, final boolean inMemory, final HugepageInfo.Roots roots)
    {
        if (noHuge)
        {
            return new DmaMemory(List.of(), roots, null, filePrefix, limitBytes);
        }
        final List<HugepageInfo.PageSize> usable = usable(HugepageInfo.scan(roots, hugeDir), inMemory, hugeDir);
        if (usable.isEmpty() && hugeDir != null)
        {
            throw EthDevException.of(Errno.ENOMEM, "hugepageInfoInit(--huge-dir " + hugeDir + ")",
                "Cannot get hugepage information: no hugetlbfs with free pages is mounted at " + hugeDir +
                " (dpdk-hugepages.py --setup 1G reserves 1 GiB of pages and mounts /dev/hugepages)");
        }
        if (usable.isEmpty())
        {
            RteLog.debug("EAL", "No available hugepages reported: using 4 KiB pages (as --no-huge)");
        }
        final DmaMemory m = new DmaMemory(usable, roots, hugeDir, filePrefix, limitBytes);
        m.clearStaleFiles();
        return m;
    }

    /** The sizes DPDK would use: free pages and a mount (or --in-memory); notices as DPDK's for the others. */
    private static List<HugepageInfo.PageSize> usable(final List<HugepageInfo.PageSize> sizes, final boolean inMemory,
        final String hugeDir)
    {
        final List<HugepageInfo.PageSize> list = new ArrayList<>();
        for (final HugepageInfo.PageSize s : sizes)
        {
            if (s.mountPoint() == null && !inMemory)
            {
                if (s.totalPages() > 0)
                {
                    RteLog.notice("EAL", s.totalPages() + " hugepages of size " + s.sizeBytes() + " reserved, but no " +
                        "mounted hugetlbfs found for that size" + (hugeDir == null ? "" : " at " + hugeDir));
                }
                continue;
            }
            if (s.freePages() == 0)
            {
                RteLog.debug("EAL", "No available " + s.kb() + " hugepages reported");
                continue;
            }
            list.add(s);
        }
        return list;
    }

    /** clear_hugedir: removes {@code <prefix>map_*} files that no live process holds locked. */
    private void clearStaleFiles()
    {
        for (final HugepageInfo.PageSize s : hugepages)
        {
            if (s.mountPoint() == null)
            {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(s.mountPoint(), filePrefix + "map_*"))
            {
                for (final Path f : files)
                {
                    int fd = -1;
                    try
                    {
                        fd = LibC.openChecked(f.toString(), LibC.O_RDWR | LibC.O_CLOEXEC, 0);
                        if (PosixFile.tryWriteLock(fd, f.toString()))
                        {
                            Files.deleteIfExists(f);
                        }
                    }
                    catch (final SysException | IOException ignore)
                    {
                        // not ours to remove
                    }
                    finally
                    {
                        LibC.closeQuietly(fd);
                    }
                }
            }
            catch (final IOException ignore)
            {
                // unreadable mount: nothing to clear
            }
        }
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
        return !hugepages.isEmpty();
    }

    /** The hugepage sizes this allocator uses, largest first (empty: 4 KiB pages). */
    public List<HugepageInfo.PageSize> hugepageSizes()
    {
        return hugepages;
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
        final String op = "dmaAllocate(name=" + name + ", length=" + length + ")";
        if (length <= 0)
        {
            throw EthDevException.of(Errno.EINVAL, op, "length must be positive");
        }
        final HugepageInfo.PageSize size = hugepages.isEmpty() ? null : pageSizeFor(op, length);
        final long page = size == null ? PAGE_4K : size.sizeBytes();
        final long rounded = (length + page - 1) & -page;
        synchronized (this)
        {
            if (limitBytes > 0 && allocatedBytes + rounded > limitBytes)
            {
                throw EthDevException.of(Errno.ENOMEM, op, "request of " + rounded + " bytes exceeds the memory limit: " +
                    allocatedBytes + " of " + limitBytes + " bytes (-m " + (limitBytes >> 20) + ") already allocated");
            }
            allocatedBytes += rounded;
        }
        int fd = -1;
        Path file = null;
        try
        {
            if (size == null)
            {
                // sealable: a KNI daemon (tools/knid) maps it too and requires F_SEAL_SHRINK first
                fd = LibC.memfdCreate("ethdev4j:" + name, LibC.MFD_CLOEXEC | LibC.MFD_ALLOW_SEALING);
            }
            else if (size.mountPoint() == null)
            {
                fd = LibC.memfdCreate("ethdev4j:" + name, LibC.MFD_CLOEXEC | LibC.MFD_ALLOW_SEALING | LibC.MFD_HUGETLB |
                    Long.numberOfTrailingZeros(page) << MFD_HUGE_SHIFT);
            }
            else
            {
                synchronized (this)
                {
                    while (true)
                    {
                        file = size.mountPoint().resolve(filePrefix + "map_" + nextFile++);
                        try
                        {
                            fd = LibC.openChecked(file.toString(), LibC.O_RDWR | LibC.O_CREAT | LibC.O_EXCL |
                                LibC.O_CLOEXEC, 0600);
                            break;
                        }
                        catch (final SysException ex)
                        {
                            if (ex.errno() != Errno.EEXIST)
                            {
                                file = null;
                                throw ex;
                            }
                        }
                    }
                }
                PosixFile.tryWriteLock(fd, file.toString()); // in use: a clear_hugedir of another process leaves it
            }
            LibC.ftruncateChecked(fd, rounded);
            final long va = LibC.mmapChecked(0, rounded, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_SHARED | LibC.MAP_POPULATE, fd, 0);
            final DmaRegion region = new DmaRegion(this, name, use, va, rounded, fd, page, file);
            synchronized (this)
            {
                regions.add(region);
            }
            return region;
        }
        catch (final SysException ex)
        {
            LibC.closeQuietly(fd);
            deleteQuietly(file);
            synchronized (this)
            {
                allocatedBytes -= rounded;
            }
            final int errno = ex.errno() == Errno.ENOSPC || ex.errno() == Errno.EINVAL ? Errno.ENOMEM : ex.errno();
            throw new EthDevException(errno, op + " failed: " + Errno.name(errno) + " - cannot get " + rounded +
                " bytes of " + pageName(page) + " memory" + (file != null ? " in " + file.getParent() : "") + " (" +
                allocatedBytes() + " bytes already allocated): " + ex.getMessage(), ex);
        }
    }

    /**
     * The largest usable page size not larger than the request (the smallest one for a request smaller than every
     * size) with enough free pages now.
     */
    private HugepageInfo.PageSize pageSizeFor(final String op, final long length)
    {
        final List<HugepageInfo.PageSize> now = HugepageInfo.scan(roots, hugeDir);
        HugepageInfo.PageSize best = null;
        for (int i = hugepages.size() - 1; i >= 0; i--)
        {
            final HugepageInfo.PageSize s = hugepages.get(i);
            final long pages = (length + s.sizeBytes() - 1) / s.sizeBytes();
            if (free(now, s) >= pages && (best == null || s.sizeBytes() <= length))
            {
                best = s;
            }
        }
        if (best == null)
        {
            final StringBuilder sb = new StringBuilder();
            for (final HugepageInfo.PageSize s : hugepages)
            {
                sb.append(sb.length() == 0 ? "" : ", ").append(free(now, s)).append(" free ").append(s.kb())
                    .append(" pages").append(s.mountPoint() != null ? " at " + s.mountPoint() : " (in-memory)");
            }
            throw EthDevException.of(Errno.ENOMEM, op, "not enough hugepages: " + sb + " (" + allocatedBytes() +
                " bytes already allocated; reserve more with dpdk-hugepages.py, or run with --no-huge)");
        }
        return best;
    }

    private static long free(final List<HugepageInfo.PageSize> now, final HugepageInfo.PageSize s)
    {
        for (final HugepageInfo.PageSize n : now)
        {
            if (n.sizeBytes() == s.sizeBytes())
            {
                return n.freePages();
            }
        }
        return 0;
    }

    static String pageName(final long page)
    {
        return page == PAGE_4K ? "4 KiB page" : page >= 1L << 30 ? (page >> 30) + " GiB hugepage" :
            (page >> 20) + " MiB hugepage";
    }

    static void deleteQuietly(final Path file)
    {
        if (file != null)
        {
            try
            {
                Files.deleteIfExists(file);
            }
            catch (final IOException ignore)
            {
                // best effort
            }
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

    /** HugePages_Free from /proc/meminfo (0 when absent): the default page size's free pages. */
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
