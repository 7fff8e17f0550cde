package io.ethdev4j.pmd.pcap;

/**
 * Layout of a classic libpcap capture file (pcap-savefile(5); draft-ietf-opsawg-pcap-04 sections 4 and 5).
 * Every field is an unsigned 32- or 16-bit integer in the byte order of the machine that wrote the file; the
 * reader learns that order from {@code magic_number}, which also gives the timestamp resolution.
 * <p>
 * File header, 24 bytes at offset 0:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |   magic_number: a1b2c3d4 (ts in µs) or a1b23c4d (ts in ns) @0 |
 *  +-------------------------------+-------------------------------+
 *  |   version_major (2)       @4  |   version_minor (4)       @6  |
 *  +-------------------------------+-------------------------------+
 *  |   thiszone (reserved, 0)                                  @8  |
 *  +---------------------------------------------------------------+
 *  |   sigfigs (reserved, 0)                                   @12 |
 *  +---------------------------------------------------------------+
 *  |   snaplen: largest incl_len a writer promises             @16 |
 *  +-------+-+---------------------+-------------------------------+
 *  |FCS len|f|  reserved (0)       |   linktype (1 = Ethernet) @20 |
 *  +-------+-+---------------------+-------------------------------+
 * </pre>
 * ({@code linktype} is the low 16 bits of the 32-bit field at 20; the upper bits carry the FCS length.)
 * <p>
 * Each packet record: a 16-byte header, then {@code incl_len} bytes of packet data, no padding:
 * <pre>
 *  +---------------------------------------------------------------+
 *  |   ts_sec: seconds since 1970-01-01 UTC                    @0  |
 *  +---------------------------------------------------------------+
 *  |   ts_usec (µs magic) or ts_nsec (ns magic)                @4  |
 *  +---------------------------------------------------------------+
 *  |   incl_len: bytes of packet data that follow              @8  |
 *  +---------------------------------------------------------------+
 *  |   orig_len: length of the packet on the wire              @12 |
 *  +---------------------------------------------------------------+
 *  |   packet data (incl_len bytes)                            @16 |
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class PcapFileDescriptor
{
    /** Magic of a file with microsecond timestamps, as read in the writer's byte order. */
    public static final int MAGIC_USEC = 0xA1B2C3D4;
    /** Magic of a file with nanosecond timestamps. */
    public static final int MAGIC_NSEC = 0xA1B23C4D;
    /** PCAP_VERSION_MAJOR. */
    public static final int VERSION_MAJOR = 2;
    /** PCAP_VERSION_MINOR. */
    public static final int VERSION_MINOR = 4;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_MAJOR_OFFSET = 4;
    public static final int VERSION_MINOR_OFFSET = 6;
    public static final int THISZONE_OFFSET = 8;
    public static final int SIGFIGS_OFFSET = 12;
    public static final int SNAPLEN_OFFSET = 16;
    public static final int LINKTYPE_OFFSET = 20;
    public static final int FILE_HEADER_LENGTH = 24;

    public static final int TS_SEC_OFFSET = 0;
    /** ts_usec or ts_nsec, by the magic. */
    public static final int TS_FRAC_OFFSET = 4;
    public static final int INCL_LEN_OFFSET = 8;
    public static final int ORIG_LEN_OFFSET = 12;
    public static final int RECORD_HEADER_LENGTH = 16;

    /** The link-type bits of the field at {@link #LINKTYPE_OFFSET} (LT_LINKTYPE in libpcap). */
    public static final int LINKTYPE_MASK = 0xFFFF;
    /** LINKTYPE_ETHERNET (DLT_EN10MB): the only link type this PMD carries. */
    public static final int LINKTYPE_ETHERNET = 1;
    /** libpcap's MAXIMUM_SNAPLEN: larger incl_len values mark a corrupt file. */
    public static final int MAX_SNAPLEN = 262144;
    /** Snapshot length this PMD writes (RTE_ETH_PCAP_SNAPSHOT_LEN). */
    public static final int WRITE_SNAPLEN = 65535;

    private PcapFileDescriptor()
    {
    }

    /** A short name for well-known link types, for error messages (pcap-linktype(7)). */
    public static String linktypeName(final int linktype)
    {
        switch (linktype)
        {
            case 0: return "NULL";
            case 1: return "ETHERNET";
            case 101: return "RAW";
            case 105: return "IEEE802_11";
            case 113: return "LINUX_SLL";
            case 127: return "IEEE802_11_RADIOTAP";
            case 228: return "IPV4";
            case 229: return "IPV6";
            case 276: return "LINUX_SLL2";
            default: return "unknown";
        }
    }
}
