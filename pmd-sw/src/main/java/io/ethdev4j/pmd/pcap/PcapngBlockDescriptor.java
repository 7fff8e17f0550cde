package io.ethdev4j.pmd.pcap;

/**
 * Layout of the pcapng blocks this PMD reads and {@link PcapngWriter} writes (draft-ietf-opsawg-pcapng-02,
 * sections 3, 4.1-4.3, 4.4 and 4.6; the obsolete Packet Block of appendix A). A file is a sequence of blocks; each is a multiple of 4 bytes long and
 * framed by its total length twice:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |   block_type                                              @0  |
 *  +---------------------------------------------------------------+
 *  |   block_total_length                                      @4  |
 *  +---------------------------------------------------------------+
 *  /   block body (variable, padded to 32 bits)                @8  /
 *  +---------------------------------------------------------------+
 *  |   block_total_length (again)                  @total_length-4 |
 *  +---------------------------------------------------------------+
 * </pre>
 * Section Header Block (type 0x0A0D0D0A, a palindrome): starts every section and sets its byte order by the
 * byte-order magic; interfaces are numbered from 0 within a section.
 * <pre>
 *  |   block_type = 0x0A0D0D0A                                 @0  |
 *  |   block_total_length (>= 28)                              @4  |
 *  |   byte_order_magic = 0x1A2B3C4D                           @8  |
 *  |   major_version (1)       @12 |   minor_version (0)       @14 |
 *  |   section_length (i64, -1 = not given)                    @16 |
 *  /   options                                                 @24 /
 * </pre>
 * Interface Description Block (type 1): one per interface, in interface-id order.
 * <pre>
 *  |   block_type = 1                                          @0  |
 *  |   block_total_length (>= 20)                              @4  |
 *  |   linktype (1 = Ethernet) @8  |   reserved                @10 |
 *  |   snaplen (0 = no limit)                                  @12 |
 *  /   options: if_tsresol (9, 1 byte), if_tsoffset (14, i64 s) @16 /
 * </pre>
 * Enhanced Packet Block (type 6):
 * <pre>
 *  |   block_type = 6                                          @0  |
 *  |   block_total_length (>= 32)                              @4  |
 *  |   interface_id                                            @8  |
 *  |   timestamp (upper 32 bits), in if_tsresol units          @12 |
 *  |   timestamp (lower 32 bits)                               @16 |
 *  |   captured_packet_length                                  @20 |
 *  |   original_packet_length                                  @24 |
 *  /   packet data, padded to 32 bits                          @28 /
 *  /   options                                                     /
 * </pre>
 * Simple Packet Block (type 3): a packet of interface 0, no timestamp; its captured length is
 * min(original_packet_length, snaplen of interface 0, block_total_length - 16).
 * <pre>
 *  |   block_type = 3                                          @0  |
 *  |   block_total_length (>= 16)                              @4  |
 *  |   original_packet_length                                  @8  |
 *  /   packet data, padded to 32 bits                          @12 /
 * </pre>
 * Packet Block (type 2, obsolete): as the EPB with {@code interface_id} (u16 @8) and {@code drops_count}
 * (u16 @10) instead of a 32-bit interface id.
 * <p>
 * Interface Statistics Block (type 5, written by {@link PcapngWriter}, skipped by the reader):
 * <pre>
 *  |   block_type = 5                                          @0  |
 *  |   block_total_length (>= 24)                              @4  |
 *  |   interface_id                                            @8  |
 *  |   timestamp (upper 32 bits)                               @12 |
 *  |   timestamp (lower 32 bits)                               @16 |
 *  /   options: isb_starttime, isb_endtime, isb_ifrecv, isb_ifdrop, isb_filteraccept, isb_usrdeliv @20 /
 * </pre>
 * An option is {@code code (u16) | length (u16) | value, padded to 32 bits}; code 0 ends the list. Every other
 * block type (name resolution, interface statistics, decryption secrets, custom...) is skipped by the reader.
 */
public final class PcapngBlockDescriptor
{
    public static final int BLOCK_TYPE_OFFSET = 0;
    public static final int BLOCK_TOTAL_LENGTH_OFFSET = 4;
    public static final int BLOCK_BODY_OFFSET = 8;
    /** Type, length and trailing length: the smallest possible block. */
    public static final int BLOCK_MIN_LENGTH = 12;
    /** Size of the trailing copy of block_total_length. */
    public static final int BLOCK_TRAILER_LENGTH = 4;

    public static final int SHB_TYPE = 0x0A0D0D0A;
    public static final int SHB_BYTE_ORDER_MAGIC_OFFSET = 8;
    public static final int SHB_MAJOR_VERSION_OFFSET = 12;
    public static final int SHB_MINOR_VERSION_OFFSET = 14;
    public static final int SHB_SECTION_LENGTH_OFFSET = 16;
    public static final int SHB_OPTIONS_OFFSET = 24;
    public static final int SHB_MIN_LENGTH = 28;
    public static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    public static final int SHB_MAJOR_VERSION = 1;

    public static final int IDB_TYPE = 0x00000001;
    public static final int IDB_LINKTYPE_OFFSET = 8;
    public static final int IDB_RESERVED_OFFSET = 10;
    public static final int IDB_SNAPLEN_OFFSET = 12;
    public static final int IDB_OPTIONS_OFFSET = 16;
    public static final int IDB_MIN_LENGTH = 20;

    public static final int EPB_TYPE = 0x00000006;
    public static final int EPB_INTERFACE_ID_OFFSET = 8;
    public static final int EPB_TIMESTAMP_HIGH_OFFSET = 12;
    public static final int EPB_TIMESTAMP_LOW_OFFSET = 16;
    public static final int EPB_CAPTURED_LENGTH_OFFSET = 20;
    public static final int EPB_ORIGINAL_LENGTH_OFFSET = 24;
    public static final int EPB_DATA_OFFSET = 28;
    public static final int EPB_MIN_LENGTH = 32;

    public static final int SPB_TYPE = 0x00000003;
    public static final int SPB_ORIGINAL_LENGTH_OFFSET = 8;
    public static final int SPB_DATA_OFFSET = 12;
    public static final int SPB_MIN_LENGTH = 16;

    public static final int PB_TYPE = 0x00000002;
    public static final int PB_INTERFACE_ID_OFFSET = 8;
    public static final int PB_DROPS_COUNT_OFFSET = 10;
    public static final int PB_TIMESTAMP_HIGH_OFFSET = 12;
    public static final int PB_TIMESTAMP_LOW_OFFSET = 16;
    public static final int PB_CAPTURED_LENGTH_OFFSET = 20;
    public static final int PB_ORIGINAL_LENGTH_OFFSET = 24;
    public static final int PB_DATA_OFFSET = 28;
    public static final int PB_MIN_LENGTH = 32;

    public static final int ISB_TYPE = 0x00000005;
    public static final int ISB_INTERFACE_ID_OFFSET = 8;
    public static final int ISB_TIMESTAMP_HIGH_OFFSET = 12;
    public static final int ISB_TIMESTAMP_LOW_OFFSET = 16;
    public static final int ISB_OPTIONS_OFFSET = 20;
    public static final int ISB_MIN_LENGTH = 24;

    public static final int OPTION_CODE_OFFSET = 0;
    public static final int OPTION_LENGTH_OFFSET = 2;
    public static final int OPTION_VALUE_OFFSET = 4;
    public static final int OPT_ENDOFOPT = 0;
    /** opt_comment (UTF-8), in any block. */
    public static final int OPT_COMMENT = 1;
    public static final int OPT_SHB_HARDWARE = 2;
    public static final int OPT_SHB_OS = 3;
    public static final int OPT_SHB_USERAPPL = 4;
    public static final int OPT_IF_NAME = 2;
    public static final int OPT_IF_DESCRIPTION = 3;
    /** if_MACaddr: 6 bytes. */
    public static final int OPT_IF_MACADDR = 6;
    /** if_speed: u64 bits per second. */
    public static final int OPT_IF_SPEED = 8;
    /** if_filter: one byte (0 = libpcap filter string) then the filter. */
    public static final int OPT_IF_FILTER = 11;
    public static final int OPT_IF_HARDWARE = 15;
    /** epb_flags: u32; bits 0-1 the direction. */
    public static final int OPT_EPB_FLAGS = 2;
    /** epb_queue: u32, the queue the packet was seen on. */
    public static final int OPT_EPB_QUEUE = 6;
    public static final int EPB_FLAG_INBOUND = 1;
    public static final int EPB_FLAG_OUTBOUND = 2;
    /** isb_starttime / isb_endtime: u64 timestamps in the interface's resolution. */
    public static final int OPT_ISB_STARTTIME = 2;
    public static final int OPT_ISB_ENDTIME = 3;
    /** isb_ifrecv: u64 packets the interface received. */
    public static final int OPT_ISB_IFRECV = 4;
    /** isb_ifdrop: u64 packets dropped for lack of resources. */
    public static final int OPT_ISB_IFDROP = 5;
    /** isb_filteraccept: u64 packets the filter accepted. */
    public static final int OPT_ISB_FILTERACCEPT = 6;
    /** isb_usrdeliv: u64 packets delivered to the user (written to the file). */
    public static final int OPT_ISB_USRDELIV = 8;
    /** if_tsresol: one byte; bit 7 clear = 10^-n s, set = 2^-n s. Default 6 (µs). */
    public static final int OPT_IF_TSRESOL = 9;
    /** if_tsoffset: i64 seconds added to every timestamp of the interface. */
    public static final int OPT_IF_TSOFFSET = 14;
    /** Nanosecond timestamps (if_tsresol = 9), as DPDK's rte_pcapng writes. */
    public static final int TSRESOL_NS = 9;
    public static final int DEFAULT_TSRESOL = 6;

    private PcapngBlockDescriptor()
    {
    }

    /** Rounds a length up to the 32-bit boundary that pads block bodies and options. */
    public static int align4(final int length)
    {
        return (length + 3) & ~3;
    }
}
