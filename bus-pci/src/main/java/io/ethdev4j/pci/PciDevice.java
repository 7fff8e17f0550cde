package io.ethdev4j.pci;

import io.ethdev4j.sys.Errno;

/**
 * The device-access SPI poll-mode drivers program against: one PCI function, reached through a transport
 * (kernel VFIO for real NICs, a QEMU device model over mpqemu for tests and demos).
 * <p>
 * Control operations throw {@link PciException} naming the operation, the device and the value. BAR register
 * accessors are the only calls a data path may make (doorbells); they allocate nothing. Config and BAR accessors
 * are not meant to be called from several threads at once unless the implementation says so.
 * <p>
 * DMA: the driver puts descriptors and buffers in the runtime's memory ({@code EalServices.memory()}, pools made
 * by {@code Eal.createPktmbufPool}) and gives the device the IOVA. The transport, not the driver, makes that memory
 * reachable: it follows the runtime's memory events ({@link DmaRegionMapper} on {@code DmaMemory.registry()}) and
 * maps every device region as it is allocated, unmaps it as it is freed. Both transports use IOVA = the process's
 * virtual address. Memory outside the runtime's registry is never mapped: the IOMMU refuses the device access.
 */
public interface PciDevice extends AutoCloseable
{
    /** The function's address (for QEMU, the address the model sits at inside its QEMU). */
    PciAddress address();

    /** Vendor and device id, read from config space when the device was opened. */
    PciId id();

    /** A short description for messages: address, id and transport ("0000:00:03.0 8086:10c9 via qemu pid 123"). */
    String describe();

    int readConfig8(int offset);

    int readConfig16(int offset);

    int readConfig32(int offset);

    void writeConfig8(int offset, int value);

    void writeConfig16(int offset, int value);

    void writeConfig32(int offset, int value);

    /** The BAR's size, kind and placement; size 0 when the device does not implement it. */
    PciBar bar(int index);

    /** 32-bit register read at {@code offset} bytes into BAR {@code bar}. */
    int read32(int bar, long offset);

    void write32(int bar, long offset, int value);

    long read64(int bar, long offset);

    void write64(int bar, long offset, long value);

    /**
     * Where BAR {@code bar} is mapped into this process (its register at {@code offset} is at this address plus
     * {@code offset}), or 0 when its registers are reached some other way (messages to QEMU, an in-process model).
     * A driver may store to a doorbell there directly instead of calling {@link #write32}: the data-path fast path.
     * The address is valid until {@link #close()}.
     */
    default long mappedBarAddress(final int bar)
    {
        return 0;
    }

    /** Function-level reset of the device's registers (config space, BAR placement and DMA maps are kept). */
    void reset();

    /** Whether {@link #enableMsixEventFd} can deliver interrupts on this transport. */
    default boolean supportsInterruptEventFds()
    {
        return false;
    }

    /**
     * Routes MSI-X vector {@code vector} to an eventfd the caller owns (VFIO_DEVICE_SET_IRQS). Optional: a poll-mode
     * driver needs none; transports without it throw {@code ENOTSUP}.
     */
    default void enableMsixEventFd(final int vector, final int eventFd)
    {
        throw new PciException(Errno.ENOTSUP, "enableMsixEventFd(vector=" + vector + ")",
            describe() + ": this transport delivers no interrupts to eventfds (point MSI-X at DMA memory and poll)");
    }

    /** Releases mappings, fds and (for QEMU) the process; idempotent. */
    @Override
    void close();
}
