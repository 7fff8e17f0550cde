package io.ethdev4j.sys;

import org.agrona.UnsafeApi;

/**
 * Linux VFIO: ioctl numbers, flags and the argument structures, from {@code <linux/vfio.h>} (uapi, unchanged in
 * layout since 4.x; checked against the build machine's header by {@code NativeLayoutTest}, which compiles a C
 * program that prints every number used here). All ioctls are {@code _IO(VFIO_TYPE ';', VFIO_BASE 100 + n)}.
 * <p>
 * Structures are filled in native scratch memory by the caller (control path only) and passed by address.
 */
public final class Vfio
{
    public static final int VFIO_API_VERSION = 0;
    public static final int VFIO_TYPE1_IOMMU = 1;
    public static final int VFIO_TYPE1v2_IOMMU = 3;
    public static final int VFIO_NOIOMMU_IOMMU = 8;

    public static final long VFIO_GET_API_VERSION = io(0);
    public static final long VFIO_CHECK_EXTENSION = io(1);
    public static final long VFIO_SET_IOMMU = io(2);
    public static final long VFIO_GROUP_GET_STATUS = io(3);
    public static final long VFIO_GROUP_SET_CONTAINER = io(4);
    public static final long VFIO_GROUP_UNSET_CONTAINER = io(5);
    public static final long VFIO_GROUP_GET_DEVICE_FD = io(6);
    public static final long VFIO_DEVICE_GET_INFO = io(7);
    public static final long VFIO_DEVICE_GET_REGION_INFO = io(8);
    public static final long VFIO_DEVICE_GET_IRQ_INFO = io(9);
    public static final long VFIO_DEVICE_SET_IRQS = io(10);
    public static final long VFIO_DEVICE_RESET = io(11);
    public static final long VFIO_IOMMU_GET_INFO = io(12);
    public static final long VFIO_IOMMU_MAP_DMA = io(13);
    public static final long VFIO_IOMMU_UNMAP_DMA = io(14);

    public static final int VFIO_GROUP_FLAGS_VIABLE = 1;
    public static final int VFIO_GROUP_FLAGS_CONTAINER_SET = 1 << 1;
    public static final int VFIO_DEVICE_FLAGS_RESET = 1;
    public static final int VFIO_DEVICE_FLAGS_PCI = 1 << 1;
    public static final int VFIO_REGION_INFO_FLAG_READ = 1;
    public static final int VFIO_REGION_INFO_FLAG_WRITE = 1 << 1;
    public static final int VFIO_REGION_INFO_FLAG_MMAP = 1 << 2;
    public static final int VFIO_IRQ_INFO_EVENTFD = 1;
    public static final int VFIO_IRQ_SET_DATA_NONE = 1;
    public static final int VFIO_IRQ_SET_DATA_BOOL = 1 << 1;
    public static final int VFIO_IRQ_SET_DATA_EVENTFD = 1 << 2;
    public static final int VFIO_IRQ_SET_ACTION_MASK = 1 << 3;
    public static final int VFIO_IRQ_SET_ACTION_UNMASK = 1 << 4;
    public static final int VFIO_IRQ_SET_ACTION_TRIGGER = 1 << 5;
    public static final int VFIO_DMA_MAP_FLAG_READ = 1;
    public static final int VFIO_DMA_MAP_FLAG_WRITE = 1 << 1;

    public static final int VFIO_PCI_BAR0_REGION_INDEX = 0;
    public static final int VFIO_PCI_BAR5_REGION_INDEX = 5;
    public static final int VFIO_PCI_ROM_REGION_INDEX = 6;
    public static final int VFIO_PCI_CONFIG_REGION_INDEX = 7;
    public static final int VFIO_PCI_NUM_REGIONS = 9;
    public static final int VFIO_PCI_INTX_IRQ_INDEX = 0;
    public static final int VFIO_PCI_MSI_IRQ_INDEX = 1;
    public static final int VFIO_PCI_MSIX_IRQ_INDEX = 2;

    private static final int VFIO_TYPE = ';';
    private static final int VFIO_BASE = 100;

    private Vfio()
    {
    }

    /** _IO(VFIO_TYPE, VFIO_BASE + n): no size or direction bits. */
    private static long io(final int n)
    {
        return ((long)VFIO_TYPE << 8) | (VFIO_BASE + n);
    }

    /**
     * {@code struct vfio_group_status} (8 bytes).
     * <pre>
     *  0        4        8
     *  +--------+--------+
     *  | argsz  | flags  |
     *  +--------+--------+
     * </pre>
     */
    public static final class GroupStatus
    {
        public static final int ARGSZ_OFFSET = 0;
        public static final int FLAGS_OFFSET = 4;
        public static final int SIZE = 8;

        private GroupStatus()
        {
        }
    }

    /**
     * {@code struct vfio_device_info} (20 bytes).
     * <pre>
     *  0        4        8             12         16           20
     *  +--------+--------+-------------+----------+------------+
     *  | argsz  | flags  | num_regions | num_irqs | cap_offset |
     *  +--------+--------+-------------+----------+------------+
     * </pre>
     */
    public static final class DeviceInfo
    {
        public static final int ARGSZ_OFFSET = 0;
        public static final int FLAGS_OFFSET = 4;
        public static final int NUM_REGIONS_OFFSET = 8;
        public static final int NUM_IRQS_OFFSET = 12;
        public static final int CAP_OFFSET_OFFSET = 16;
        public static final int SIZE = 20;

        private DeviceInfo()
        {
        }
    }

    /**
     * {@code struct vfio_region_info} (32 bytes).
     * <pre>
     *  0        4        8        12           16                24                32
     *  +--------+--------+--------+------------+-----------------+-----------------+
     *  | argsz  | flags  | index  | cap_offset | size (u64)      | offset (u64)    |
     *  +--------+--------+--------+------------+-----------------+-----------------+
     * </pre>
     * {@code offset} is where the region starts in the device fd (for pread/pwrite/mmap).
     */
    public static final class RegionInfo
    {
        public static final int ARGSZ_OFFSET = 0;
        public static final int FLAGS_OFFSET = 4;
        public static final int INDEX_OFFSET = 8;
        public static final int CAP_OFFSET_OFFSET = 12;
        public static final int SIZE_OFFSET = 16;
        public static final int OFFSET_OFFSET = 24;
        public static final int SIZE = 32;

        private RegionInfo()
        {
        }
    }

    /**
     * {@code struct vfio_irq_info} (16 bytes).
     * <pre>
     *  0        4        8        12       16
     *  +--------+--------+--------+--------+
     *  | argsz  | flags  | index  | count  |
     *  +--------+--------+--------+--------+
     * </pre>
     */
    public static final class IrqInfo
    {
        public static final int ARGSZ_OFFSET = 0;
        public static final int FLAGS_OFFSET = 4;
        public static final int INDEX_OFFSET = 8;
        public static final int COUNT_OFFSET = 12;
        public static final int SIZE = 16;

        private IrqInfo()
        {
        }
    }

    /**
     * {@code struct vfio_irq_set} (20 bytes + data: one s32 eventfd per vector for DATA_EVENTFD).
     * <pre>
     *  0        4        8        12       16       20
     *  +--------+--------+--------+--------+--------+------------
     *  | argsz  | flags  | index  | start  | count  | data[] ...
     *  +--------+--------+--------+--------+--------+------------
     * </pre>
     */
    public static final class IrqSet
    {
        public static final int ARGSZ_OFFSET = 0;
        public static final int FLAGS_OFFSET = 4;
        public static final int INDEX_OFFSET = 8;
        public static final int START_OFFSET = 12;
        public static final int COUNT_OFFSET = 16;
        public static final int DATA_OFFSET = 20;
        public static final int SIZE = 20;

        private IrqSet()
        {
        }
    }

    /**
     * {@code struct vfio_iommu_type1_dma_map} (32 bytes).
     * <pre>
     *  0        4        8                 16                24                32
     *  +--------+--------+-----------------+-----------------+-----------------+
     *  | argsz  | flags  | vaddr (u64)     | iova (u64)      | size (u64)      |
     *  +--------+--------+-----------------+-----------------+-----------------+
     * </pre>
     */
    public static final class DmaMap
    {
        public static final int ARGSZ_OFFSET = 0;
        public static final int FLAGS_OFFSET = 4;
        public static final int VADDR_OFFSET = 8;
        public static final int IOVA_OFFSET = 16;
        public static final int SIZE_OFFSET = 24;
        public static final int SIZE = 32;

        private DmaMap()
        {
        }
    }

    /**
     * {@code struct vfio_iommu_type1_dma_unmap} (24 bytes; the kernel writes back the unmapped size).
     * <pre>
     *  0        4        8                 16                24
     *  +--------+--------+-----------------+-----------------+
     *  | argsz  | flags  | iova (u64)      | size (u64)      |
     *  +--------+--------+-----------------+-----------------+
     * </pre>
     */
    public static final class DmaUnmap
    {
        public static final int ARGSZ_OFFSET = 0;
        public static final int FLAGS_OFFSET = 4;
        public static final int IOVA_OFFSET = 8;
        public static final int SIZE_OFFSET = 16;
        public static final int SIZE = 24;

        private DmaUnmap()
        {
        }
    }

    /** ioctl with a native struct argument; throws {@link SysException} naming {@code what}. */
    public static int ioctl(final int fd, final long request, final long argAddr, final String what)
    {
        return LibC.ioctlChecked(fd, request, argAddr, what);
    }

    /** Zeroes {@code size} bytes at {@code addr} and writes {@code argsz} at offset 0 (every VFIO struct starts so). */
    public static void prepare(final long addr, final int size, final int argsz)
    {
        UnsafeApi.setMemory(addr, size, (byte)0);
        UnsafeApi.putInt(addr, argsz);
    }
}
