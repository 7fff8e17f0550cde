package io.ethdev4j.pci.qemu;

/**
 * The mpqemu wire format between a proxy (us) and QEMU's {@code x-remote-object}: QEMU
 * {@code include/hw/remote/mpqemu-link.h} (byte-identical from 7.2 to 10.0). Native x86-64 little-endian structs
 * over an AF_UNIX stream socket; file descriptors travel as SCM_RIGHTS on the header's {@code sendmsg}.
 * <pre>
 * header (16 bytes), then {@code size} payload bytes:
 *   0          4          8                        16
 *   +----------+----------+------------------------+----------------
 *   | cmd i32  | pad      | size u64 (payload only)| payload ...
 *   +----------+----------+------------------------+----------------
 *
 * PciConfDataMsg (12):  0 addr u32 | 4 val u32 | 8 len i32 (1, 2 or 4)
 * BarAccessMsg   (24):  0 addr u64 (absolute bus address, not a BAR offset) | 8 val u64 | 16 size u32 (1,2,4,8)
 *                       | 20 memory bool (1 = memory space, 0 = I/O space) | 21..23 pad
 * SyncSysmemMsg (192):  0 gpas[8] u64 | 64 sizes[8] u64 | 128 offsets[8] i64 (file offsets)
 * RET payload     (8):  0 u64 (value read, 0 = write ok, UINT64_MAX = error); DEVICE_RESET's RET has size 0
 * </pre>
 * SYNC_SYSMEM carries 1..7 fds, one per region, and replaces every region the remote had; it and SET_IRQFD get no
 * reply. QEMU treats any invalid message or failed access as fatal and exits (status 0) after sending RET.
 */
public final class MpqemuMessage
{
    public static final int CMD_SYNC_SYSMEM = 0;
    public static final int CMD_RET = 1;
    public static final int CMD_PCI_CFGWRITE = 2;
    public static final int CMD_PCI_CFGREAD = 3;
    public static final int CMD_BAR_WRITE = 4;
    public static final int CMD_BAR_READ = 5;
    public static final int CMD_SET_IRQFD = 6;
    public static final int CMD_DEVICE_RESET = 7;

    public static final int HEADER_CMD_OFFSET = 0;
    public static final int HEADER_SIZE_OFFSET = 8;
    public static final int HEADER_LENGTH = 16;

    public static final int CONF_ADDR_OFFSET = 0;
    public static final int CONF_VAL_OFFSET = 4;
    public static final int CONF_LEN_OFFSET = 8;
    public static final int CONF_LENGTH = 12;

    public static final int BAR_ADDR_OFFSET = 0;
    public static final int BAR_VAL_OFFSET = 8;
    public static final int BAR_SIZE_OFFSET = 16;
    public static final int BAR_MEMORY_OFFSET = 20;
    public static final int BAR_LENGTH = 24;

    public static final int MAX_REGIONS = 8;
    /** mpqemu_msg_valid() rejects num_fds &gt;= REMOTE_MAX_FDS (8). */
    public static final int MAX_FDS = 7;
    public static final int SYSMEM_GPAS_OFFSET = 0;
    public static final int SYSMEM_SIZES_OFFSET = SYSMEM_GPAS_OFFSET + 8 * MAX_REGIONS;
    public static final int SYSMEM_OFFSETS_OFFSET = SYSMEM_SIZES_OFFSET + 8 * MAX_REGIONS;
    public static final int SYSMEM_LENGTH = SYSMEM_OFFSETS_OFFSET + 8 * MAX_REGIONS;

    public static final int RET_VALUE_OFFSET = 0;
    public static final int RET_LENGTH = 8;

    /** Largest payload (SyncSysmemMsg). */
    public static final int MAX_PAYLOAD = SYSMEM_LENGTH;

    private MpqemuMessage()
    {
    }

    public static String commandName(final int cmd)
    {
        switch (cmd)
        {
            case CMD_SYNC_SYSMEM: return "SYNC_SYSMEM";
            case CMD_RET: return "RET";
            case CMD_PCI_CFGWRITE: return "PCI_CFGWRITE";
            case CMD_PCI_CFGREAD: return "PCI_CFGREAD";
            case CMD_BAR_WRITE: return "BAR_WRITE";
            case CMD_BAR_READ: return "BAR_READ";
            case CMD_SET_IRQFD: return "SET_IRQFD";
            case CMD_DEVICE_RESET: return "DEVICE_RESET";
            default: return "cmd " + cmd;
        }
    }
}
