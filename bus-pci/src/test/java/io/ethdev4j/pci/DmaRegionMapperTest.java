package io.ethdev4j.pci;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.mem.DmaMemory;
import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.sys.Errno;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a DMA transport does with the runtime's memory events (the VFIO container and each QEMU NIC use this mapper):
 * one mapping per device region, made when the region is registered, undone when it is freed, while its pages are
 * still there; host-only regions left alone; a failed mapping refuses the allocation.
 */
class DmaRegionMapperTest
{
    private final DmaMemory memory = new DmaMemory(true, 0);
    private final List<String> iommuOps = new ArrayList<>();
    private DmaRegionMapper mapper;

    /** An IOMMU that records "map NAME" / "unmap NAME", checks one mapping per IOVA and reads each page it maps. */
    private final class RecordingIommu implements DmaRegionMapper.Iommu
    {
        private final List<Long> mappedIovas = new ArrayList<>();
        private long refuseLength = -1;

        @Override
        public void map(final DmaRegion region)
        {
            if (region.length() == refuseLength)
            {
                throw new PciException(Errno.ENOMEM, "VFIO_IOMMU_MAP_DMA(size=" + region.length() + ")",
                    "RLIMIT_MEMLOCK exceeded");
            }
            assertFalse(mappedIovas.contains(region.iova()), "mapped twice: " + region);
            mappedIovas.add(region.iova());
            iommuOps.add("map " + region.name());
        }

        @Override
        public void unmap(final DmaRegion region)
        {
            assertTrue(mappedIovas.remove(region.iova()), "unmapped but never mapped: " + region);
            UnsafeApi.getLong(region.address()); // the pages are still there: unmap comes before munmap
            iommuOps.add("unmap " + region.name());
        }
    }

    private final RecordingIommu iommu = new RecordingIommu();

    @AfterEach
    void close()
    {
        if (mapper != null)
        {
            mapper.close();
        }
        memory.close();
    }

    @Test
    void shouldMapEachDeviceRegionOnceWhenRegisteredAndUnmapItWhenFreed()
    {
        mapper = DmaRegionMapper.subscribe(memory.registry(), iommu, "test iommu");
        final DmaRegion rings = memory.allocate("rings", 8192);
        assertEquals(List.of("map rings"), iommuOps);
        assertEquals(List.of(rings), mapper.mapped());
        rings.close();
        assertEquals(List.of("map rings", "unmap rings"), iommuOps);
        assertTrue(mapper.mapped().isEmpty());
    }

    @Test
    void shouldMapWhatExistedBeforeSubscribingAndPoolsMadeLater()
    {
        final DmaRegion early = memory.allocate("early", 4096);
        mapper = DmaRegionMapper.subscribe(memory.registry(), iommu, "test iommu");
        assertEquals(List.of("map early"), iommuOps, "replayed at subscription (ports probed after the pool)");
        // a pool made after the ports started: mapped as it is created, no driver involved
        final MbufPool late = MbufPool.create(memory, "drm_late", 63, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        assertEquals(List.of("map early", "map mempool:drm_late"), iommuOps);
        late.close();
        early.close();
        assertEquals(List.of("map early", "map mempool:drm_late", "unmap mempool:drm_late", "unmap early"), iommuOps);
    }

    @Test
    void shouldMapAPoolOnceHoweverManyPortsUseIt()
    {
        mapper = DmaRegionMapper.subscribe(memory.registry(), iommu, "test iommu");
        final MbufPool shared = MbufPool.create(memory, "drm_shared", 255, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        // two ports set up rx queues on it and transmit from it: nothing more is mapped, by anyone
        memory.allocate("rings:port0", 4096);
        memory.allocate("rings:port1", 4096);
        shared.close();
        assertEquals(List.of("map mempool:drm_shared", "map rings:port0", "map rings:port1",
            "unmap mempool:drm_shared"), iommuOps);
    }

    @Test
    void shouldLeaveHostOnlyRegionsAlone()
    {
        mapper = DmaRegionMapper.subscribe(memory.registry(), iommu, "test iommu");
        final DmaRegion fifo = memory.allocate("kni_tx_q", 4096, DmaRegion.Use.HOST);
        fifo.close();
        assertTrue(iommuOps.isEmpty(), "a KNI FIFO is never a device's");
    }

    @Test
    void shouldRefuseTheAllocationWithTheTransportsErrnoWhenTheMappingFails()
    {
        mapper = DmaRegionMapper.subscribe(memory.registry(), iommu, "test iommu");
        iommu.refuseLength = 16384;
        final EthDevException ex = assertThrows(EthDevException.class, () -> memory.allocate("too_big", 16384));
        assertEquals(Errno.ENOMEM, ex.errno());
        assertTrue(ex.getMessage().contains("test iommu") && ex.getMessage().contains("RLIMIT_MEMLOCK exceeded"),
            ex.getMessage());
        assertEquals(0, memory.allocatedBytes(), "nothing allocated");
        assertTrue(mapper.mapped().isEmpty());
        memory.allocate("fits", 4096);
        assertEquals(List.of("map fits"), iommuOps);
    }

    @Test
    void shouldFollowNothingAfterClose()
    {
        mapper = DmaRegionMapper.subscribe(memory.registry(), iommu, "test iommu");
        final DmaRegion kept = memory.allocate("kept", 4096);
        mapper.close();
        mapper.close();
        memory.allocate("after", 4096);
        kept.close();
        assertEquals(List.of("map kept"), iommuOps, "the transport drops its own mappings when it closes");
        assertEquals(0, memory.registry().listenerCount());
    }
}
