package io.ethdev4j.pci;

import io.ethdev4j.sys.Errno;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The PCI bus as sysfs shows it: {@code <sysfs>/bus/pci/devices/<DDDD:BB:DD.F>/} with {@code vendor},
 * {@code device} (text {@code 0x8086}), a {@code driver} symlink to the bound driver and an {@code iommu_group}
 * symlink whose last component is the group number. DPDK's EAL scans the same files
 * ({@code drivers/bus/pci/linux/pci.c}).
 * <p>
 * The root is a parameter so that tests can scan a fake tree in a temporary directory.
 */
public final class PciBus
{
    public static final String VFIO_PCI_DRIVER = "vfio-pci";
    public static final Path DEFAULT_SYSFS = Paths.get("/sys");

    private final Path sysfs;

    public PciBus(final Path sysfs)
    {
        this.sysfs = sysfs;
    }

    public static PciBus system()
    {
        return new PciBus(DEFAULT_SYSFS);
    }

    public Path sysfs()
    {
        return sysfs;
    }

    public Path devicesDir()
    {
        return sysfs.resolve("bus/pci/devices");
    }

    public Path deviceDir(final PciAddress address)
    {
        return devicesDir().resolve(address.toString());
    }

    /** One PCI function as sysfs describes it. */
    public static final class Entry
    {
        private final PciAddress address;
        private final PciId id;
        private final String driver;
        private final int iommuGroup;

        Entry(final PciAddress address, final PciId id, final String driver, final int iommuGroup)
        {
            this.address = address;
            this.id = id;
            this.driver = driver;
            this.iommuGroup = iommuGroup;
        }

        public PciAddress address()
        {
            return address;
        }

        public PciId id()
        {
            return id;
        }

        /** The bound driver's name, or null when unbound. */
        public String driver()
        {
            return driver;
        }

        /** The IOMMU group number, or -1 when the device has none (no IOMMU, or IOMMU disabled). */
        public int iommuGroup()
        {
            return iommuGroup;
        }

        public boolean isBoundTo(final String driverName)
        {
            return driverName.equals(driver);
        }

        @Override
        public String toString()
        {
            return address + " " + id + " driver=" + (driver == null ? "none" : driver) +
                (iommuGroup < 0 ? "" : " iommu_group=" + iommuGroup);
        }
    }

    /** Every PCI function, in address order. A missing devices directory is an empty bus. */
    public List<Entry> scan()
    {
        final Path dir = devicesDir();
        if (!Files.isDirectory(dir))
        {
            return Collections.emptyList();
        }
        final List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir))
        {
            for (final Path p : ds)
            {
                final PciAddress address;
                try
                {
                    address = PciAddress.parse(p.getFileName().toString());
                }
                catch (final IllegalArgumentException ignore)
                {
                    continue; // not a function directory
                }
                entries.add(read(address));
            }
        }
        catch (final IOException ex)
        {
            throw new PciException(Errno.EIO, "PciBus.scan(" + dir + ")", ex.toString(), ex);
        }
        entries.sort((a, b) -> a.address.compareTo(b.address));
        return entries;
    }

    /** The functions bound to {@code driverName} (e.g. {@link #VFIO_PCI_DRIVER}). */
    public List<Entry> boundTo(final String driverName)
    {
        final List<Entry> result = new ArrayList<>();
        for (final Entry e : scan())
        {
            if (e.isBoundTo(driverName))
            {
                result.add(e);
            }
        }
        return result;
    }

    /** One function's sysfs entry; ENODEV naming the path when it does not exist. */
    public Entry read(final PciAddress address)
    {
        final Path dir = deviceDir(address);
        if (!Files.isDirectory(dir))
        {
            throw new PciException(Errno.ENODEV, "PciBus.read(" + address + ")", "no such PCI device: " + dir +
                " does not exist (list devices with lspci -D)");
        }
        final PciId id = PciId.of(readHex(dir.resolve("vendor")), readHex(dir.resolve("device")));
        final String driver = linkName(dir.resolve("driver"));
        final String group = linkName(dir.resolve("iommu_group"));
        int iommuGroup = -1;
        if (group != null)
        {
            try
            {
                iommuGroup = Integer.parseInt(group);
            }
            catch (final NumberFormatException ex)
            {
                throw new PciException(Errno.EINVAL, "PciBus.read(" + address + ")", "iommu_group link ends in '" +
                    group + "', not a number");
            }
        }
        return new Entry(address, id, driver, iommuGroup);
    }

    private static int readHex(final Path file)
    {
        try
        {
            return PciId.parseHex16(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII));
        }
        catch (final IOException | NumberFormatException ex)
        {
            throw new PciException(Errno.EIO, "PciBus.read(" + file + ")", "expected a 16-bit hex id like 0x8086: " + ex);
        }
    }

    private static String linkName(final Path link)
    {
        if (!Files.isSymbolicLink(link))
        {
            return null;
        }
        try
        {
            final Path target = Files.readSymbolicLink(link);
            final Path name = target.getFileName();
            return name == null ? null : name.toString();
        }
        catch (final IOException ex)
        {
            throw new PciException(Errno.EIO, "readlink(" + link + ")", ex.toString(), ex);
        }
    }
}
