package io.ethdev4j.pci;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.mem.MemoryListener;
import io.ethdev4j.mem.MemoryRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * What a DMA transport listens with (DPDK's {@code vfio_mem_event_callback}): keeps what its devices can reach equal
 * to the {@link DmaRegion.Use#DEVICE} regions of one runtime's memory. Each such region is mapped once when it is
 * registered (or when the transport subscribes, for the regions already there) and unmapped once when it is freed;
 * {@link DmaRegion.Use#HOST} regions are left alone. The kernel VFIO container uses one per runtime, each QEMU-hosted
 * NIC one per device.
 * <p>
 * A mapping that fails refuses the region: the allocation (pool creation, port configure) fails with
 * {@code EthDevException} carrying the transport's errno and message, rather than the device faulting later.
 * Control path only; callbacks run under the registry's lock (see {@link MemoryListener}).
 */
public final class DmaRegionMapper implements MemoryListener, AutoCloseable
{
    /** The transport's side: make one region reachable by its devices at {@link DmaRegion#iova()}, or not. */
    public interface Iommu
    {
        /** @throws PciException naming the transport's operation and errno when the region cannot be mapped. */
        void map(DmaRegion region);

        void unmap(DmaRegion region);
    }

    private final MemoryRegistry registry;
    private final Iommu iommu;
    private final String owner;
    /** Written under the registry's lock (callbacks), read by {@link #mapped()} under this object's. */
    private final List<DmaRegion> mapped = new ArrayList<>();

    private DmaRegionMapper(final MemoryRegistry registry, final Iommu iommu, final String owner)
    {
        this.registry = registry;
        this.iommu = iommu;
        this.owner = owner;
    }

    /**
     * Subscribes a mapper for {@code iommu} to {@code registry}: every device region registered now is mapped before
     * this returns.
     *
     * @param owner names the transport in messages ("VFIO container /dev/vfio/vfio", "qemu pid 123")
     * @throws EthDevException what mapping an existing region threw (nothing stays mapped then).
     */
    public static DmaRegionMapper subscribe(final MemoryRegistry registry, final Iommu iommu, final String owner)
    {
        final DmaRegionMapper m = new DmaRegionMapper(registry, iommu, owner);
        registry.addListener(m);
        return m;
    }

    @Override
    public void onRegister(final DmaRegion region)
    {
        if (region.use() != DmaRegion.Use.DEVICE)
        {
            return;
        }
        synchronized (this)
        {
            if (mapped.contains(region))
            {
                return;
            }
        }
        try
        {
            iommu.map(region);
        }
        catch (final PciException ex)
        {
            throw new EthDevException(ex.errno(), "dmaMap(" + region + ", " + owner + ") failed: " + ex.getMessage(),
                ex);
        }
        synchronized (this)
        {
            mapped.add(region);
        }
    }

    @Override
    public void onUnregister(final DmaRegion region)
    {
        synchronized (this)
        {
            if (!mapped.remove(region))
            {
                return;
            }
        }
        iommu.unmap(region);
    }

    /** The regions mapped through this mapper now, in mapping order (a copy). */
    public synchronized List<DmaRegion> mapped()
    {
        return new ArrayList<>(mapped);
    }

    /**
     * Stops listening. The mappings stay: the transport is closing and drops them all at once (the VFIO container
     * unmaps what it holds, a QEMU process exits). Idempotent.
     */
    @Override
    public void close()
    {
        registry.removeListener(this);
    }

    @Override
    public String toString()
    {
        return "DmaRegionMapper[" + owner + "]";
    }
}
