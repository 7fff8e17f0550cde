package io.ethdev4j.pmd.intel;

/**
 * Advanced receive descriptor, one-buffer mode (16 bytes), as the 82576/I350 (datasheet §7.1.5, DPDK
 * {@code union e1000_adv_rx_desc}) and the 82599/X540 (datasheet §7.1.6, DPDK {@code union ixgbe_adv_rx_desc}) share
 * it: the NIC uses it when SRRCTL.DESCTYPE = 001 (ADV_ONEBUF). QEMU's igb implements only this format.
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
 *   pkt info: 3:0 RSS type, 16:4 packet type (82599: also RSC count 20:17, HDR_LEN 30:21, SPH 31)
 *   status_error: bit 0 DD, bit 1 EOP (extended status 19:0); errors in 31:20, RXE at 29 and HBO at 23 on both
 * </pre>
 * Who writes: the driver writes the read format when it arms a slot; the NIC overwrites the whole 16 bytes with the
 * write-back, DD last.
 */
public final class AdvRxDescriptor
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
    /** RX data error (CRC, symbol, sequence...): errors field bit 29 (E1000_RXDEXT_STATERR_RXE; 82599 the same). */
    public static final int ERROR_RXE = 0x2000_0000;
    /** Header buffer overflow (split modes only; impossible in one-buffer mode). */
    public static final int ERROR_HBO = 0x0080_0000;

    private AdvRxDescriptor()
    {
    }
}
