package io.ethdev4j.testpmd.ixgbediff;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fake {@code /sys/bus/pci/devices} tree (DPDK reads it from {@code SYSFS_PCI_DEVICES}) with one Intel function
 * that looks bound to {@code uio_pci_generic}: the attribute files DPDK 22.11's bus_pci scan reads ({@code vendor,
 * device, subsystem_*, class, numa_node, max_vfs}), {@code resource} with one 64-bit memory BAR0 of
 * {@link #BAR0_BYTES}, an empty {@code resource0} (the shim turns its mmap into the trapping BAR), the {@code driver}
 * link (DPDK looks at its basename only), {@code uio/uio0} and a 256-byte {@code config} (vendor/device, command =
 * memory + bus master, class, BAR0, subsystem ids), which the shim reads for {@code /sys/class/uio/uio0/device/config}.
 */
public final class FakePciSysfs
{
    public static final String BDF = "0000:01:00.0";
    public static final int BAR0_BYTES = 512 * 1024;
    private static final long BAR0_PHYS = 0xFE00_0000L;

    private FakePciSysfs()
    {
    }

    /** Writes the tree under {@code root}/devices and returns that directory (the value of SYSFS_PCI_DEVICES). */
    public static Path create(final Path root, final int deviceId) throws IOException
    {
        final Path devices = root.resolve("devices");
        final Path d = devices.resolve(BDF);
        final Path drivers = root.resolve("drivers/uio_pci_generic");
        Files.createDirectories(d.resolve("uio/uio0"));
        Files.createDirectories(drivers);
        write(d.resolve("vendor"), "0x8086");
        write(d.resolve("device"), String.format("0x%04x", deviceId));
        write(d.resolve("subsystem_vendor"), "0x8086");
        write(d.resolve("subsystem_device"), "0x0003");
        write(d.resolve("class"), "0x020000");
        write(d.resolve("numa_node"), "0");
        write(d.resolve("max_vfs"), "0");
        write(d.resolve("revision"), "0x01");
        final StringBuilder res = new StringBuilder(String.format("0x%016x 0x%016x 0x%016x%n", BAR0_PHYS,
            BAR0_PHYS + BAR0_BYTES - 1, 0x140204L)); // IORESOURCE_MEM | MEM_64 | SIZEALIGN (as the kernel prints)
        for (int i = 1; i < 13; i++)
        {
            res.append(String.format("0x%016x 0x%016x 0x%016x%n", 0, 0, 0));
        }
        write(d.resolve("resource"), res.toString());
        try (RandomAccessFile f = new RandomAccessFile(d.resolve("resource0").toFile(), "rw"))
        {
            f.setLength(BAR0_BYTES);
        }
        Files.createSymbolicLink(d.resolve("driver"), d.relativize(drivers));
        write(d.resolve("uio/uio0/dev"), "250:0");
        write(d.resolve("uio/uio0/name"), "uio0");
        final ByteBuffer c = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        c.putShort(0x00, (short)0x8086).putShort(0x02, (short)deviceId);
        c.putShort(0x04, (short)0x0006).putShort(0x06, (short)0x0010); // command: memory + master; status: cap list
        c.put(0x08, (byte)0x01).put(0x0B, (byte)0x02);                 // revision 1, class 02 00 00 (Ethernet)
        c.putInt(0x10, (int)BAR0_PHYS | 0x4);                           // BAR0: 64-bit memory
        c.putShort(0x2C, (short)0x8086).putShort(0x2E, (short)0x0003);
        c.put(0x3D, (byte)1);                                           // interrupt pin INTA
        Files.write(d.resolve("config"), c.array());
        return devices;
    }

    private static void write(final Path p, final String s) throws IOException
    {
        Files.writeString(p, s + "\n", StandardCharsets.US_ASCII);
    }
}
