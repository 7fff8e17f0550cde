package io.ethdev4j.pmd.igb;

/**
 * 82576 advanced receive descriptor, one-buffer mode (16 bytes), datasheet §7.1.5 (DPDK
 * {@code union e1000_adv_rx_desc}). QEMU's igb implements only this format (SRRCTL.DESCTYPE = ADV_ONEBUF).
 * <pre>
 * read (driver -> NIC):
 *   0                                 8                                 16
 *   +---------------------------------+---------------------------------+
 *   | pkt_addr (u64, IOVA)            | hdr_addr (u64; 0 also clears DD)|
 *   +---------------------------------+---------------------------------+
 * write-back (NIC -> driver):
 *   0                 4                 8                 12        14        16
 *   +-----------------+-----------------+-----------------+---------+---------+
 *   | pkt info / type | RSS hash        | status_error    | length  | vlan    |
 *   +-----------------+-----------------+-----------------+---------+---------+
 *   status_error: bit 0 DD, bit 1 EOP; errors in 31:20
 * </pre>
 */
public final class IgbAdvRxDescriptor
{
    public static final int PKT_ADDR_OFFSET = 0;
    public static final int HDR_ADDR_OFFSET = 8;
    public static final int WB_PKT_INFO_OFFSET = 0;
    public static final int WB_RSS_HASH_OFFSET = 4;
    public static final int WB_STATUS_ERROR_OFFSET = 8;
    public static final int WB_LENGTH_OFFSET = 12;
    public static final int WB_VLAN_OFFSET = 14;
    public static final int LENGTH = 16;

    public static final int STATUS_DD = 0x1;
    public static final int STATUS_EOP = 0x2;
    /** RX data error (CRC, symbol, sequence...): errors field bit 29 (E1000_RXDEXT_STATERR_RXE). */
    public static final int ERROR_RXE = 0x2000_0000;
    /** Header buffer overflow (split modes only; impossible in one-buffer mode). */
    public static final int ERROR_HBO = 0x0080_0000;

    private IgbAdvRxDescriptor()
    {
    }
}
