package io.ethdev4j.pmd.intel;

/**
 * Advanced transmit data descriptor (16 bytes), as the 82576/I350 (datasheet §7.2.2.3, DPDK
 * {@code union e1000_adv_tx_desc}) and the 82599/X540 (datasheet §7.2.3.2, DPDK {@code union ixgbe_adv_tx_desc})
 * share it.
 * <pre>
 * read (driver -> NIC):
 *   0                                 8                         12                        16
 *   +---------------------------------+-------------------------+-------------------------+
 *   | buffer_addr (u64, IOVA)         | cmd_type_len (u32)      | olinfo_status (u32)     |
 *   +---------------------------------+-------------------------+-------------------------+
 *   cmd_type_len: 15:0 DTALEN | 23:20 DTYP (3 = data) | 24 EOP | 25 IFCS | 27 RS | 29 DEXT
 *   olinfo_status: 31:14 PAYLEN
 * write-back (NIC -> driver): 12 status (u32), bit 0 DD
 * </pre>
 * Who writes: the driver writes the read format; the NIC writes DD into the status word of descriptors with RS.
 */
public final class AdvTxDescriptor
{
    public static final int BUFFER_ADDR_OFFSET = 0;
    public static final int CMD_TYPE_LEN_OFFSET = 8;
    public static final int OLINFO_STATUS_OFFSET = 12;
    public static final int WB_STATUS_OFFSET = 12;
    public static final int LENGTH = 16;

    public static final int DTALEN_MASK = 0xFFFF;
    public static final int DTYP_DATA = 0x0030_0000;
    public static final int DCMD_EOP = 0x0100_0000;
    public static final int DCMD_IFCS = 0x0200_0000;
    public static final int DCMD_RS = 0x0800_0000;
    public static final int DCMD_DEXT = 0x2000_0000;
    public static final int PAYLEN_SHIFT = 14;
    public static final int STATUS_DD = 0x1;

    private AdvTxDescriptor()
    {
    }
}
