package io.ethdev4j.pci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a sysfs-shaped tree (bus/pci/devices with class 0x020000, drivers, kernel/iommu_groups) in a temporary directory. */
public final class FakeSysfs
{
    private final Path root;

    public FakeSysfs(final Path root)
    {
        this.root = root;
    }

    public Path root()
    {
        return root;
    }

    /** Adds a function; {@code driver} null = unbound, {@code group} &lt; 0 = no IOMMU group. */
    public FakeSysfs device(final String address, final int vendor, final int device, final String driver,
        final int group) throws IOException
    {
        final Path dir = root.resolve("devices/pci0000:00").resolve(address);
        Files.createDirectories(dir);
        Files.write(dir.resolve("vendor"), String.format("0x%04x%n", vendor).getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("device"), String.format("0x%04x%n", device).getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("class"), "0x020000\n".getBytes(StandardCharsets.US_ASCII)); // Ethernet controller
        final Path devices = Files.createDirectories(root.resolve("bus/pci/devices"));
        Files.createSymbolicLink(devices.resolve(address), dir);
        if (driver != null)
        {
            final Path drv = Files.createDirectories(root.resolve("bus/pci/drivers").resolve(driver));
            Files.createSymbolicLink(dir.resolve("driver"), drv);
        }
        if (group >= 0)
        {
            final Path g = Files.createDirectories(root.resolve("kernel/iommu_groups/" + group + "/devices"));
            Files.createSymbolicLink(dir.resolve("iommu_group"), g.getParent());
            Files.createSymbolicLink(g.resolve(address), dir);
        }
        return this;
    }
}
