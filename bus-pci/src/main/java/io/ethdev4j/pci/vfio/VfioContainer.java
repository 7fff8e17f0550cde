package io.ethdev4j.pci.vfio;

import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.mem.MemoryRegistry;
import io.ethdev4j.pci.DmaRegionMapper;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.SysException;
import io.ethdev4j.sys.Vfio;
import org.agrona.UnsafeApi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A VFIO container ({@code /dev/vfio/vfio}): one IOMMU context shared by every device of the process, so all DMA
 * memory is visible to all NICs (as ixy and DPDK do). Sequence (kernel {@code Documentation/driver-api/vfio.rst}):
 * open, {@code VFIO_GET_API_VERSION} == {@code VFIO_API_VERSION}, {@code VFIO_CHECK_EXTENSION(TYPE1v2 or TYPE1)};
 * after the first group joins, {@code VFIO_SET_IOMMU}; then {@code VFIO_IOMMU_MAP_DMA} with IOVA = VA.
 * <p>
 * Owns its groups (opened on demand, shared by the devices of one group) and its DMA mappings. The mappings follow
 * the runtime's memory ({@link #mapMemory}, DPDK's {@code vfio_mem_event_callback}): every device region of the
 * runtime is mapped once, when it is registered, for all the container's devices, and unmapped when it is freed;
 * drivers map nothing. Two ports sharing a pool share its one mapping. {@link #close()} stops following the memory,
 * unmaps every mapping, closes the groups, then the container fd: reverse order, idempotent.
 */
public final class VfioContainer implements AutoCloseable
{
    public static final Path DEFAULT_DEV_DIR = Paths.get("/dev/vfio");
    private static final int SCRATCH_SIZE = 64;

    private final Path devDir;
    private final long scratch;
    private final int iommuType;
    private final Map<Integer, VfioGroup> groups = new HashMap<>();
    private final List<long[]> mappings = new ArrayList<>(); // {iova, size}
    private DmaRegionMapper memoryMapper;
    private boolean iommuSet;
    private int fd;

    private VfioContainer(final Path devDir, final int fd, final int iommuType, final long scratch)
    {
        this.devDir = devDir;
        this.fd = fd;
        this.iommuType = iommuType;
        this.scratch = scratch;
    }

    public static VfioContainer open()
    {
        return open(DEFAULT_DEV_DIR);
    }

    /** Opens {@code <devDir>/vfio} and checks the API version and a type1 IOMMU. */
    public static VfioContainer open(final Path devDir)
    {
        final Path node = devDir.resolve("vfio");
        final String op = "VfioContainer.open(" + node + ")";
        if (!Files.exists(node))
        {
            throw new PciException(Errno.ENODEV, op, "VFIO is not available: " + node + " does not exist. Load the " +
                "driver (modprobe vfio-pci), enable the IOMMU (intel_iommu=on or amd_iommu=on on the kernel command " +
                "line) and bind the NIC with dpdk-devbind.py --bind=vfio-pci <pci address>");
        }
        final int fd;
        try
        {
            fd = LibC.openChecked(node.toString(), LibC.O_RDWR | LibC.O_CLOEXEC, 0);
        }
        catch (final SysException ex)
        {
            throw new PciException(ex.errno() == Errno.EACCES ? Errno.EPERM : ex.errno(), op, ex.getMessage() +
                (ex.errno() == Errno.EACCES ? ": run as root or chown the /dev/vfio nodes to this user" : ""), ex);
        }
        final long scratch = UnsafeApi.allocateMemory(SCRATCH_SIZE);
        try
        {
            final int version = LibC.ioctlChecked(fd, Vfio.VFIO_GET_API_VERSION, 0L, "VFIO_GET_API_VERSION");
            if (version != Vfio.VFIO_API_VERSION)
            {
                throw new PciException(Errno.ENOTSUP, op, "VFIO API version " + version + ", expected " +
                    Vfio.VFIO_API_VERSION);
            }
            final int type;
            if (LibC.ioctlChecked(fd, Vfio.VFIO_CHECK_EXTENSION, Vfio.VFIO_TYPE1v2_IOMMU, "VFIO_CHECK_EXTENSION") == 1)
            {
                type = Vfio.VFIO_TYPE1v2_IOMMU;
            }
            else if (LibC.ioctlChecked(fd, Vfio.VFIO_CHECK_EXTENSION, Vfio.VFIO_TYPE1_IOMMU, "VFIO_CHECK_EXTENSION") == 1)
            {
                type = Vfio.VFIO_TYPE1_IOMMU;
            }
            else
            {
                throw new PciException(Errno.ENOTSUP, op, "the kernel offers no type1 IOMMU (no-IOMMU mode is not " +
                    "supported: it needs physical addresses); enable the IOMMU in firmware and on the kernel command line");
            }
            return new VfioContainer(devDir, fd, type, scratch);
        }
        catch (final RuntimeException ex)
        {
            UnsafeApi.freeMemory(scratch);
            LibC.closeQuietly(fd);
            throw ex;
        }
    }

    public int fd()
    {
        return fd;
    }

    public Path devDir()
    {
        return devDir;
    }

    public int iommuType()
    {
        return iommuType;
    }

    /** The group {@code number}, opened (and attached) on first use. */
    synchronized VfioGroup group(final int number)
    {
        checkOpen("group(" + number + ")");
        VfioGroup g = groups.get(number);
        if (g == null)
        {
            g = VfioGroup.open(this, number);
            groups.put(number, g);
        }
        return g;
    }

    /** Called by a group right after VFIO_GROUP_SET_CONTAINER: the first one selects the IOMMU model. */
    synchronized void groupAttached(final int number)
    {
        if (!iommuSet)
        {
            LibC.ioctlChecked(fd, Vfio.VFIO_SET_IOMMU, iommuType, "VFIO_SET_IOMMU(group " + number + ")");
            iommuSet = true;
        }
    }

    /**
     * Follows {@code registry} (the runtime's memory) from now on: maps every device region registered there now and
     * each one registered later, unmaps each one freed. Once per container, after a group is attached (the first
     * device opened): VFIO_IOMMU_MAP_DMA needs the IOMMU model set.
     *
     * @throws io.ethdev4j.ethdev.EthDevException a region that cannot be mapped (e.g. ENOMEM: the locked-memory
     *     limit; nothing stays mapped), EEXIST when the container follows a registry already.
     */
    public void mapMemory(final MemoryRegistry registry)
    {
        synchronized (this)
        {
            checkOpen("mapMemory");
            if (memoryMapper != null)
            {
                throw new PciException(Errno.EEXIST, "mapMemory",
                    "the VFIO container follows a runtime's memory already");
            }
        }
        // subscribed outside this lock: callbacks take the registry's lock, then this one
        final DmaRegionMapper m = DmaRegionMapper.subscribe(registry, new DmaRegionMapper.Iommu()
        {
            @Override
            public void map(final DmaRegion region)
            {
                mapDma(region.address(), region.iova(), region.length());
            }

            @Override
            public void unmap(final DmaRegion region)
            {
                unmapDma(region.iova(), region.length());
            }
        }, "VFIO container " + devDir.resolve("vfio"));
        synchronized (this)
        {
            memoryMapper = m;
        }
    }

    /** Whether {@link #mapMemory} subscribed this container to a runtime's memory. */
    public synchronized boolean followsMemory()
    {
        return memoryMapper != null;
    }

    /** The DMA mappings held now: {iova, size} pairs in mapping order (a copy; for tests and diagnostics). */
    public synchronized List<long[]> mappings()
    {
        final List<long[]> copy = new ArrayList<>();
        for (final long[] m : mappings)
        {
            copy.add(m.clone());
        }
        return copy;
    }

    /**
     * Maps {@code size} bytes at virtual address {@code va} for DMA at {@code iova} (read and write). Each region is
     * mapped once (the memory mapper calls this): mapping it again, or anything overlapping, is the kernel's EEXIST.
     */
    synchronized void mapDma(final long va, final long iova, final long size)
    {
        final String op = "VFIO_IOMMU_MAP_DMA(va=0x" + Long.toHexString(va) + ", iova=0x" + Long.toHexString(iova) +
            ", size=" + size + ")";
        checkOpen(op);
        if (!iommuSet)
        {
            throw new PciException(Errno.EINVAL, op, "no group is attached to the container yet: open a device first");
        }
        if (size <= 0 || (size & 0xFFF) != 0 || (va & 0xFFF) != 0 || (iova & 0xFFF) != 0)
        {
            throw new PciException(Errno.EINVAL, op, "va, iova and size must be multiples of 4096");
        }
        Vfio.prepare(scratch, Vfio.DmaMap.SIZE, Vfio.DmaMap.SIZE);
        UnsafeApi.putInt(scratch + Vfio.DmaMap.FLAGS_OFFSET, Vfio.VFIO_DMA_MAP_FLAG_READ | Vfio.VFIO_DMA_MAP_FLAG_WRITE);
        UnsafeApi.putLong(scratch + Vfio.DmaMap.VADDR_OFFSET, va);
        UnsafeApi.putLong(scratch + Vfio.DmaMap.IOVA_OFFSET, iova);
        UnsafeApi.putLong(scratch + Vfio.DmaMap.SIZE_OFFSET, size);
        try
        {
            LibC.ioctlChecked(fd, Vfio.VFIO_IOMMU_MAP_DMA, scratch, "VFIO_IOMMU_MAP_DMA");
        }
        catch (final SysException ex)
        {
            throw new PciException(ex.errno(), op, ex.getMessage() + (ex.errno() == Errno.ENOMEM ?
                ": " + pinFailure(size) : ""), ex);
        }
        mappings.add(new long[] {iova, size});
    }

    /**
     * Why MAP_DMA said ENOMEM, and the fix. VFIO type1 pins every page it maps and, unless the process has
     * CAP_IPC_LOCK, counts the pinned pages against RLIMIT_MEMLOCK (kernel vfio_iommu_type1.c, vfio_pin_pages_remote;
     * it logs "RLIMIT_MEMLOCK (N) exceeded"); with CAP_IPC_LOCK there is no limit and ENOMEM means memory is short.
     */
    private String pinFailure(final long size)
    {
        long mapped = 0;
        for (final long[] m : mappings)
        {
            mapped += m[1];
        }
        final long limit = memlockLimitBytes();
        if (hasCapIpcLock() || limit == Long.MAX_VALUE)
        {
            return "the kernel could not pin " + size + " more bytes for DMA (" + mapped + " already pinned; no " +
                "locked-memory limit applies to this process, so the machine is short of memory)";
        }
        return "VFIO pins every page mapped for DMA and counts it against the locked-memory limit (RLIMIT_MEMLOCK), " +
            (limit < 0 ? "unknown" : limit + " bytes (ulimit -l " + (limit >> 10) + ")") + " for this process: " +
            mapped + " bytes are already mapped and this mapping needs " + size + " more. Raise the limit (ulimit " +
            "-l unlimited in the shell that starts the program, memlock in /etc/security/limits.conf, " +
            "LimitMEMLOCK=infinity for a systemd service) or run as root";
    }

    /** The soft RLIMIT_MEMLOCK from /proc/self/limits, Long.MAX_VALUE for unlimited, -1 if unreadable. */
    private static long memlockLimitBytes()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/limits")))
            {
                if (line.startsWith("Max locked memory"))
                {
                    final String soft = line.substring("Max locked memory".length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        }
        catch (final IOException | RuntimeException ignore)
        {
            // the message then says "unknown"
        }
        return -1;
    }

    /** Whether CAP_IPC_LOCK (bit 14) is in CapEff of /proc/self/status. */
    private static boolean hasCapIpcLock()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
            {
                if (line.startsWith("CapEff:"))
                {
                    return (Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16) & (1L << 14)) != 0;
                }
            }
        }
        catch (final IOException | RuntimeException ignore)
        {
            // unknown: assume the limit applies, which is the common case
        }
        return false;
    }

    /** Unmaps what {@link #mapDma} mapped at {@code iova} (VFIO_IOMMU_UNMAP_DMA), for every device of the container. */
    synchronized void unmapDma(final long iova, final long size)
    {
        final String op = "VFIO_IOMMU_UNMAP_DMA(iova=0x" + Long.toHexString(iova) + ", size=" + size + ")";
        checkOpen(op);
        for (int i = 0; i < mappings.size(); i++)
        {
            final long[] m = mappings.get(i);
            if (m[0] == iova && m[1] == size)
            {
                mappings.remove(i);
                unmapOne(iova, size);
                return;
            }
        }
        throw new PciException(Errno.ENOENT, op, "no such mapping");
    }

    private void unmapOne(final long iova, final long size)
    {
        Vfio.prepare(scratch, Vfio.DmaUnmap.SIZE, Vfio.DmaUnmap.SIZE);
        UnsafeApi.putLong(scratch + Vfio.DmaUnmap.IOVA_OFFSET, iova);
        UnsafeApi.putLong(scratch + Vfio.DmaUnmap.SIZE_OFFSET, size);
        LibC.ioctlChecked(fd, Vfio.VFIO_IOMMU_UNMAP_DMA, scratch, "VFIO_IOMMU_UNMAP_DMA");
    }

    long scratch()
    {
        return scratch;
    }

    private void checkOpen(final String op)
    {
        if (fd < 0)
        {
            throw new PciException(Errno.EBADF, op, "the VFIO container is closed");
        }
    }

    /** Stops following the memory, unmaps all DMA (newest first), closes the groups, then the container. Idempotent. */
    @Override
    public void close()
    {
        final DmaRegionMapper m;
        synchronized (this)
        {
            m = memoryMapper;
            memoryMapper = null;
        }
        if (m != null)
        {
            m.close(); // outside this lock, as the callbacks take the registry's lock first
        }
        closeIommu();
    }

    private synchronized void closeIommu()
    {
        if (fd < 0)
        {
            return;
        }
        RuntimeException first = null;
        for (int i = mappings.size() - 1; i >= 0; i--)
        {
            try
            {
                unmapOne(mappings.get(i)[0], mappings.get(i)[1]);
            }
            catch (final RuntimeException ex)
            {
                first = first == null ? ex : first;
            }
        }
        mappings.clear();
        for (final VfioGroup g : groups.values())
        {
            try
            {
                g.close();
            }
            catch (final RuntimeException ex)
            {
                first = first == null ? ex : first;
            }
        }
        groups.clear();
        LibC.closeQuietly(fd);
        fd = -1;
        UnsafeApi.freeMemory(scratch);
        if (first != null)
        {
            throw first;
        }
    }
}
