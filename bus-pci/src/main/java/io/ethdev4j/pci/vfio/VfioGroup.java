package io.ethdev4j.pci.vfio;

import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.SysException;
import io.ethdev4j.sys.Vfio;
import org.agrona.UnsafeApi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An IOMMU group ({@code /dev/vfio/<n>}): opened, checked viable ({@code VFIO_GROUP_GET_STATUS}: every device of the
 * group bound to vfio-pci), attached to the container ({@code VFIO_GROUP_SET_CONTAINER}); hands out device fds
 * ({@code VFIO_GROUP_GET_DEVICE_FD}). Owned by its {@link VfioContainer}; {@link #close()} detaches and closes.
 */
public final class VfioGroup implements AutoCloseable
{
    private final VfioContainer container;
    private final int number;
    private int fd;

    private VfioGroup(final VfioContainer container, final int number, final int fd)
    {
        this.container = container;
        this.number = number;
        this.fd = fd;
    }

    static VfioGroup open(final VfioContainer container, final int number)
    {
        final Path node = container.devDir().resolve(Integer.toString(number));
        final String op = "VfioGroup.open(" + node + ")";
        if (!Files.exists(node))
        {
            throw new PciException(Errno.ENODEV, op, node + " does not exist: no device of IOMMU group " + number +
                " is bound to vfio-pci; bind it with dpdk-devbind.py --bind=vfio-pci <pci address>");
        }
        final int fd;
        try
        {
            fd = LibC.openChecked(node.toString(), LibC.O_RDWR | LibC.O_CLOEXEC, 0);
        }
        catch (final SysException ex)
        {
            throw new PciException(ex.errno() == Errno.EACCES ? Errno.EPERM : ex.errno(), op, ex.getMessage() +
                (ex.errno() == Errno.EBUSY ? ": another process (a VM, DPDK) holds this group" :
                 ex.errno() == Errno.EACCES ? ": run as root or chown " + node + " to this user" : ""), ex);
        }
        try
        {
            final long s = container.scratch();
            Vfio.prepare(s, Vfio.GroupStatus.SIZE, Vfio.GroupStatus.SIZE);
            LibC.ioctlChecked(fd, Vfio.VFIO_GROUP_GET_STATUS, s, "VFIO_GROUP_GET_STATUS(group " + number + ")");
            final int flags = UnsafeApi.getInt(s + Vfio.GroupStatus.FLAGS_OFFSET);
            if ((flags & Vfio.VFIO_GROUP_FLAGS_VIABLE) == 0)
            {
                throw new PciException(Errno.EBUSY, op, "IOMMU group " + number + " is not viable: every device in " +
                    "/sys/kernel/iommu_groups/" + number + "/devices must be bound to vfio-pci (or to no driver); " +
                    "bind them with dpdk-devbind.py --bind=vfio-pci <pci address>");
            }
            UnsafeApi.putInt(s, container.fd());
            LibC.ioctlChecked(fd, Vfio.VFIO_GROUP_SET_CONTAINER, s, "VFIO_GROUP_SET_CONTAINER(group " + number + ")");
            final VfioGroup g = new VfioGroup(container, number, fd);
            try
            {
                container.groupAttached(number);
            }
            catch (final RuntimeException ex)
            {
                g.close();
                throw ex;
            }
            return g;
        }
        catch (final RuntimeException ex)
        {
            LibC.closeQuietly(fd);
            throw ex;
        }
    }

    public int number()
    {
        return number;
    }

    /** VFIO_GROUP_GET_DEVICE_FD with the device's address string. */
    int deviceFd(final PciAddress address)
    {
        final byte[] name = address.toString().getBytes(StandardCharsets.US_ASCII);
        final long buf = UnsafeApi.allocateMemory(name.length + 1);
        try
        {
            for (int i = 0; i < name.length; i++)
            {
                UnsafeApi.putByte(buf + i, name[i]);
            }
            UnsafeApi.putByte(buf + name.length, (byte)0);
            return LibC.ioctlChecked(fd, Vfio.VFIO_GROUP_GET_DEVICE_FD, buf, "VFIO_GROUP_GET_DEVICE_FD(" + address + ")");
        }
        finally
        {
            UnsafeApi.freeMemory(buf);
        }
    }

    /** Detaches from the container and closes. Idempotent. */
    @Override
    public void close()
    {
        if (fd >= 0)
        {
            try
            {
                LibC.ioctlChecked(fd, Vfio.VFIO_GROUP_UNSET_CONTAINER, 0L, "VFIO_GROUP_UNSET_CONTAINER");
            }
            finally
            {
                LibC.closeQuietly(fd);
                fd = -1;
            }
        }
    }

    @Override
    public String toString()
    {
        return "IOMMU group " + number + " (" + container.devDir().resolve(Integer.toString(number)) + ")";
    }
}
