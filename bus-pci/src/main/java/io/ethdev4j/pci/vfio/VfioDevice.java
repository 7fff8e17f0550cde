package io.ethdev4j.pci.vfio;

import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pci.PciBar;
import io.ethdev4j.pci.PciBus;
import io.ethdev4j.pci.PciConfig;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.pci.PciId;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.PosixFile;
import io.ethdev4j.sys.SysException;
import io.ethdev4j.sys.Vfio;
import org.agrona.UnsafeApi;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A PCI function bound to vfio-pci, reached through the kernel (ixy's {@code libixy-vfio.c} and DPDK's
 * {@code eal_vfio.c} sequence): sysfs checks (bound to vfio-pci, has an IOMMU group, the group is viable) →
 * group (opened once per container) → {@code VFIO_GROUP_GET_DEVICE_FD} → {@code VFIO_DEVICE_GET_INFO} →
 * {@code VFIO_DEVICE_GET_REGION_INFO} for config space and each BAR → {@code mmap} of the memory BARs that allow
 * it → COMMAND |= MEMORY | MASTER. Registers are then plain volatile loads/stores on the mapping (no syscall).
 * DMA: the device reaches what the shared {@link VfioContainer} mapped (the runtime's device memory, IOVA = VA).
 * <p>
 * {@link #close()}: clears bus mastering, unmaps the BARs, closes the device fd (reverse order, idempotent). The
 * group and the container stay with the container's owner.
 */
public final class VfioDevice implements PciDevice
{
    private static final int NUM_BARS = 6;
    /** Drivers a group member may have and still leave the group viable (kernel vfio_dev_driver_allowed). */
    private static final Set<String> GROUP_COMPATIBLE_DRIVERS = Set.of(PciBus.VFIO_PCI_DRIVER, "pci-stub", "pcieport");

    private final VfioContainer container;
    private final PciAddress address;
    private final PciId id;
    private final int group;
    private final PciBar[] bars = new PciBar[NUM_BARS];
    private final long[] barMapping = new long[NUM_BARS];
    private final long[] barSize = new long[NUM_BARS];
    private final long[] barRegionOffset = new long[NUM_BARS];
    private final long scratch;
    private long configOffset;
    private int deviceFlags;
    private int fd;
    private boolean scratchFreed;

    private VfioDevice(final VfioContainer container, final PciAddress address, final PciId id, final int group)
    {
        this.container = container;
        this.address = address;
        this.id = id;
        this.group = group;
        this.scratch = UnsafeApi.allocateMemory(64);
        this.fd = -1;
    }

    /**
     * The sysfs preconditions, checked before any VFIO call: the device exists, has an IOMMU group, is bound to
     * vfio-pci, and every other device of that group is bound to vfio-pci, pci-stub, pcieport or nothing.
     *
     * @return the device's sysfs entry
     */
    public static PciBus.Entry checkBindable(final PciBus bus, final PciAddress address)
    {
        final String op = "VfioDevice.open(" + address + ")";
        final String bind = "bind it with dpdk-devbind.py --bind=vfio-pci " + address;
        final PciBus.Entry e = bus.read(address);
        // first: without an IOMMU group nothing can bind to vfio-pci, so "not bound" would send the user the wrong way
        if (e.iommuGroup() < 0)
        {
            throw new PciException(Errno.ENODEV, op, address + " has no IOMMU group: enable the IOMMU (VT-d/AMD-Vi in " +
                "firmware, intel_iommu=on or amd_iommu=on on the kernel command line)");
        }
        if (e.driver() == null)
        {
            throw new PciException(Errno.ENODEV, op, address + " (" + e.id() + ") is not bound to any driver: " + bind);
        }
        if (!e.isBoundTo(PciBus.VFIO_PCI_DRIVER))
        {
            throw new PciException(Errno.EBUSY, op, address + " (" + e.id() + ") is bound to " + e.driver() +
                ", not vfio-pci: " + bind);
        }
        final Path members = bus.sysfs().resolve("kernel/iommu_groups/" + e.iommuGroup() + "/devices");
        if (Files.isDirectory(members))
        {
            final List<String> offenders = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(members))
            {
                for (final Path m : ds)
                {
                    final PciAddress other;
                    try
                    {
                        other = PciAddress.parse(m.getFileName().toString());
                    }
                    catch (final IllegalArgumentException ignore)
                    {
                        continue;
                    }
                    final PciBus.Entry oe = bus.read(other);
                    if (oe.driver() != null && !GROUP_COMPATIBLE_DRIVERS.contains(oe.driver()))
                    {
                        offenders.add(other + " (" + oe.id() + ", driver " + oe.driver() + ")");
                    }
                }
            }
            catch (final IOException ex)
            {
                throw new PciException(Errno.EIO, op, "cannot list " + members + ": " + ex, ex);
            }
            if (!offenders.isEmpty())
            {
                offenders.sort(null);
                throw new PciException(Errno.EBUSY, op, "IOMMU group " + e.iommuGroup() + " is not viable: " +
                    String.join(", ", offenders) + " must also be bound to vfio-pci (dpdk-devbind.py " +
                    "--bind=vfio-pci <pci address>) or unbound");
            }
        }
        return e;
    }

    /** Opens {@code address} in {@code container}, after {@link #checkBindable}. */
    public static VfioDevice open(final VfioContainer container, final PciBus bus, final PciAddress address)
    {
        final PciBus.Entry e = checkBindable(bus, address);
        final VfioGroup g = container.group(e.iommuGroup());
        final VfioDevice d = new VfioDevice(container, address, e.id(), e.iommuGroup());
        try
        {
            d.fd = g.deviceFd(address);
            d.init();
            return d;
        }
        catch (final RuntimeException ex)
        {
            d.close();
            throw ex;
        }
    }

    private void init()
    {
        Vfio.prepare(scratch, Vfio.DeviceInfo.SIZE, Vfio.DeviceInfo.SIZE);
        LibC.ioctlChecked(fd, Vfio.VFIO_DEVICE_GET_INFO, scratch, "VFIO_DEVICE_GET_INFO(" + address + ")");
        deviceFlags = UnsafeApi.getInt(scratch + Vfio.DeviceInfo.FLAGS_OFFSET);
        final int numRegions = UnsafeApi.getInt(scratch + Vfio.DeviceInfo.NUM_REGIONS_OFFSET);
        if ((deviceFlags & Vfio.VFIO_DEVICE_FLAGS_PCI) == 0 || numRegions <= Vfio.VFIO_PCI_CONFIG_REGION_INDEX)
        {
            throw new PciException(Errno.ENOTSUP, "VfioDevice.open(" + address + ")", "not a vfio-pci device (flags=0x" +
                Integer.toHexString(deviceFlags) + ", regions=" + numRegions + ")");
        }
        configOffset = regionInfo(Vfio.VFIO_PCI_CONFIG_REGION_INDEX)[1];
        for (int i = 0; i < NUM_BARS; i++)
        {
            final long[] info = regionInfo(Vfio.VFIO_PCI_BAR0_REGION_INDEX + i);
            final int flags = (int)info[2];
            barSize[i] = info[0];
            barRegionOffset[i] = info[1];
            final int barReg = barSize[i] == 0 ? 0 : readConfig32(PciConfig.barOffset(i));
            final boolean io = (barReg & PciConfig.PCI_BASE_ADDRESS_SPACE_IO) != 0;
            final boolean is64 = !io && (barReg & PciConfig.PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
                PciConfig.PCI_BASE_ADDRESS_MEM_TYPE_64;
            bars[i] = new PciBar(i, barSize[i], io, is64, (barReg & PciConfig.PCI_BASE_ADDRESS_MEM_PREFETCH) != 0,
                barRegionOffset[i]);
            if (barSize[i] != 0 && !io && (flags & Vfio.VFIO_REGION_INFO_FLAG_MMAP) != 0)
            {
                barMapping[i] = LibC.mmapChecked(0, barSize[i], LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd,
                    barRegionOffset[i]);
            }
        }
        writeConfig16(PciConfig.PCI_COMMAND, readConfig16(PciConfig.PCI_COMMAND) | PciConfig.PCI_COMMAND_MEMORY |
            PciConfig.PCI_COMMAND_MASTER);
    }

    /** @return {size, offset, flags} */
    private long[] regionInfo(final int index)
    {
        Vfio.prepare(scratch, Vfio.RegionInfo.SIZE, Vfio.RegionInfo.SIZE);
        UnsafeApi.putInt(scratch + Vfio.RegionInfo.INDEX_OFFSET, index);
        LibC.ioctlChecked(fd, Vfio.VFIO_DEVICE_GET_REGION_INFO, scratch, "VFIO_DEVICE_GET_REGION_INFO(" + address +
            ", index=" + index + ")");
        return new long[] {UnsafeApi.getLong(scratch + Vfio.RegionInfo.SIZE_OFFSET),
            UnsafeApi.getLong(scratch + Vfio.RegionInfo.OFFSET_OFFSET),
            UnsafeApi.getInt(scratch + Vfio.RegionInfo.FLAGS_OFFSET)};
    }

    @Override
    public PciAddress address()
    {
        return address;
    }

    @Override
    public PciId id()
    {
        return id;
    }

    @Override
    public String describe()
    {
        return address + " " + id + " via vfio (IOMMU group " + group + ")";
    }

    private void checkConfig(final String op, final int offset, final int len)
    {
        if (fd < 0)
        {
            throw new PciException(Errno.EBADF, op, describe() + " is closed");
        }
        if (offset < 0 || offset + len > PciConfig.PCIE_CONFIG_SIZE || (offset & (len - 1)) != 0)
        {
            throw new PciException(Errno.EINVAL, op + "(offset=0x" + Integer.toHexString(offset) + ")", describe() +
                ": offset must be " + len + "-byte aligned and inside the config space");
        }
    }

    private synchronized long configRead(final int offset, final int len)
    {
        checkConfig("readConfig" + len * 8, offset, len);
        PosixFile.preadFully(fd, scratch, len, configOffset + offset, "config read " + address);
        return len == 1 ? UnsafeApi.getByte(scratch) & 0xFF : len == 2 ? UnsafeApi.getShort(scratch) & 0xFFFF :
            UnsafeApi.getInt(scratch) & 0xFFFF_FFFFL;
    }

    private synchronized void configWrite(final int offset, final int len, final int value)
    {
        checkConfig("writeConfig" + len * 8, offset, len);
        UnsafeApi.putInt(scratch, value);
        PosixFile.pwriteFully(fd, scratch, len, configOffset + offset, "config write " + address);
    }

    @Override
    public int readConfig8(final int offset)
    {
        return (int)configRead(offset, 1);
    }

    @Override
    public int readConfig16(final int offset)
    {
        return (int)configRead(offset, 2);
    }

    @Override
    public int readConfig32(final int offset)
    {
        return (int)configRead(offset, 4);
    }

    @Override
    public void writeConfig8(final int offset, final int value)
    {
        configWrite(offset, 1, value);
    }

    @Override
    public void writeConfig16(final int offset, final int value)
    {
        configWrite(offset, 2, value);
    }

    @Override
    public void writeConfig32(final int offset, final int value)
    {
        configWrite(offset, 4, value);
    }

    @Override
    public PciBar bar(final int index)
    {
        if (index < 0 || index >= NUM_BARS)
        {
            throw new PciException(Errno.EINVAL, "bar(index=" + index + ")", describe() + ": BAR index is 0..5");
        }
        return bars[index];
    }

    private long mapped(final String op, final int bar, final long offset, final int size)
    {
        if (bar < 0 || bar >= NUM_BARS || barMapping[bar] == 0 || offset < 0 || offset + size > barSize[bar] ||
            (offset & (size - 1)) != 0)
        {
            throw new PciException(Errno.EINVAL, op + "(bar=" + bar + ", offset=0x" + Long.toHexString(offset) + ")",
                describe() + ": no mapped BAR there, or not " + size + "-byte aligned");
        }
        return barMapping[bar] + offset;
    }

    @Override
    public int read32(final int bar, final long offset)
    {
        return UnsafeApi.getIntVolatile(null, mapped("read32", bar, offset, 4));
    }

    @Override
    public void write32(final int bar, final long offset, final int value)
    {
        // a release store, as DPDK's rte_write32 (rte_io_wmb, then the store; on x86 one mov): earlier stores (the
        // descriptors before a doorbell) are visible first; no trailing full fence (a volatile store's lock add)
        UnsafeApi.putIntRelease(null, mapped("write32", bar, offset, 4), value);
    }

    /** The BAR's mmap of the device fd (0 for an I/O or unmappable BAR, and after {@link #close()}). */
    @Override
    public long mappedBarAddress(final int bar)
    {
        return bar < 0 || bar >= NUM_BARS ? 0 : barMapping[bar];
    }

    @Override
    public long read64(final int bar, final long offset)
    {
        return UnsafeApi.getLongVolatile(null, mapped("read64", bar, offset, 8));
    }

    @Override
    public void write64(final int bar, final long offset, final long value)
    {
        UnsafeApi.putLongRelease(null, mapped("write64", bar, offset, 8), value);
    }

    @Override
    public synchronized void reset()
    {
        if ((deviceFlags & Vfio.VFIO_DEVICE_FLAGS_RESET) == 0)
        {
            throw new PciException(Errno.ENOTSUP, "reset()", describe() + ": the kernel offers no reset for this device");
        }
        try
        {
            LibC.ioctlChecked(fd, Vfio.VFIO_DEVICE_RESET, 0L, "VFIO_DEVICE_RESET(" + address + ")");
        }
        catch (final SysException ex)
        {
            throw new PciException(ex.errno(), "reset()", describe() + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public boolean supportsInterruptEventFds()
    {
        return true;
    }

    @Override
    public synchronized void enableMsixEventFd(final int vector, final int eventFd)
    {
        final int size = Vfio.IrqSet.SIZE + 4;
        Vfio.prepare(scratch, size, size);
        UnsafeApi.putInt(scratch + Vfio.IrqSet.FLAGS_OFFSET, Vfio.VFIO_IRQ_SET_DATA_EVENTFD |
            Vfio.VFIO_IRQ_SET_ACTION_TRIGGER);
        UnsafeApi.putInt(scratch + Vfio.IrqSet.INDEX_OFFSET, Vfio.VFIO_PCI_MSIX_IRQ_INDEX);
        UnsafeApi.putInt(scratch + Vfio.IrqSet.START_OFFSET, vector);
        UnsafeApi.putInt(scratch + Vfio.IrqSet.COUNT_OFFSET, 1);
        UnsafeApi.putInt(scratch + Vfio.IrqSet.DATA_OFFSET, eventFd);
        LibC.ioctlChecked(fd, Vfio.VFIO_DEVICE_SET_IRQS, scratch, "VFIO_DEVICE_SET_IRQS(" + address + ", MSI-X vector " +
            vector + ")");
    }

    /** Bus mastering off, BARs unmapped, device fd closed; idempotent. */
    @Override
    public synchronized void close()
    {
        if (fd >= 0)
        {
            try
            {
                writeConfig16(PciConfig.PCI_COMMAND, readConfig16(PciConfig.PCI_COMMAND) & ~PciConfig.PCI_COMMAND_MASTER);
            }
            catch (final RuntimeException ignore)
            {
                // best effort on the way out
            }
            for (int i = NUM_BARS - 1; i >= 0; i--)
            {
                if (barMapping[i] != 0)
                {
                    LibC.munmapChecked(barMapping[i], barSize[i]);
                    barMapping[i] = 0;
                }
            }
            LibC.closeQuietly(fd);
            fd = -1;
        }
        if (!scratchFreed)
        {
            scratchFreed = true;
            UnsafeApi.freeMemory(scratch);
        }
    }
}
