package io.ethdev4j.pci;

/**
 * PCI configuration-space header (type 0) offsets and COMMAND bits, PCI Local Bus Specification 3.0 §6.1
 * (Linux {@code include/uapi/linux/pci_regs.h} names).
 * <pre>
 *  0x00 vendor (u16) | 0x02 device (u16) | 0x04 command (u16) | 0x06 status (u16)
 *  0x08 revision (u8) | 0x09 class (u24) | 0x0c cache line, latency, header type, BIST
 *  0x10..0x24 BAR0..BAR5 (u32 each; a 64-bit BAR takes two) | 0x2c subsystem vendor | 0x2e subsystem id
 *  0x34 capabilities pointer (u8) | 0x3c interrupt line (u8) | 0x3d interrupt pin (u8)
 * </pre>
 */
public final class PciConfig
{
    public static final int PCI_VENDOR_ID = 0x00;
    public static final int PCI_DEVICE_ID = 0x02;
    public static final int PCI_COMMAND = 0x04;
    public static final int PCI_STATUS = 0x06;
    public static final int PCI_REVISION_ID = 0x08;
    public static final int PCI_CLASS_REVISION = 0x08;
    public static final int PCI_HEADER_TYPE = 0x0E;
    public static final int PCI_BASE_ADDRESS_0 = 0x10;
    public static final int PCI_SUBSYSTEM_VENDOR_ID = 0x2C;
    public static final int PCI_SUBSYSTEM_ID = 0x2E;
    public static final int PCI_CAPABILITY_LIST = 0x34;

    public static final int PCI_COMMAND_IO = 0x1;
    public static final int PCI_COMMAND_MEMORY = 0x2;
    public static final int PCI_COMMAND_MASTER = 0x4;
    public static final int PCI_COMMAND_INTX_DISABLE = 0x400;

    public static final int PCI_BASE_ADDRESS_SPACE_IO = 0x1;
    public static final int PCI_BASE_ADDRESS_MEM_TYPE_MASK = 0x6;
    public static final int PCI_BASE_ADDRESS_MEM_TYPE_64 = 0x4;
    public static final int PCI_BASE_ADDRESS_MEM_PREFETCH = 0x8;
    public static final int PCI_BASE_ADDRESS_MEM_MASK = ~0xF;
    public static final int PCI_BASE_ADDRESS_IO_MASK = ~0x3;

    public static final int PCI_CAP_ID_MSIX = 0x11;
    /** Size of the PCIe extended configuration space. */
    public static final int PCIE_CONFIG_SIZE = 4096;

    private PciConfig()
    {
    }

    public static int barOffset(final int bar)
    {
        return PCI_BASE_ADDRESS_0 + 4 * bar;
    }
}
