package io.ethdev4j.mbuf;

/**
 * Layout of the off-heap mbuf header: the first 128 bytes of DPDK v22.11's {@code struct rte_mbuf}
 * (lib/mbuf/rte_mbuf_core.h), byte for byte, so that the KNI kernel side and device models can read it as
 * DPDK's do (rte_kni_mbuf asserts the same offsets). One element of a pool:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     buf_addr (VA, u64)                @0      |
 *  +---------------------------------------------------------------+
 *  |                     buf_iova (u64)                    @8      |
 *  +-------------------------------+-------------------------------+
 *  |   data_off (u16)      @16     |   refcnt (u16)        @18     |
 *  +-------------------------------+-------------------------------+
 *  |   nb_segs (u16)       @20     |   port (u16)          @22     |
 *  +---------------------------------------------------------------+
 *  |                     ol_flags (u64)                    @24     |
 *  +---------------------------------------------------------------+
 *  |   packet_type (u32)   @32     |   pkt_len (u32)       @36     |
 *  +-------------------------------+-------------------------------+
 *  |   data_len (u16)  @40 | vlan_tci (u16) @42 | hash.rss (u32) @44|
 *  +---------------------------------------------------------------+
 *  |   hash.fdir.hi (u32)  @48     | vlan_tci_outer @52 | buf_len @54|
 *  +---------------------------------------------------------------+
 *  |                     pool (u64: our pool id)           @56     |
 *  +---------------------------------------------------------------+
 *  |                     next (VA of next segment, 0)      @64     |
 *  +---------------------------------------------------------------+
 *  |                     tx_offload (u64)                  @72     |
 *  +---------------------------------------------------------------+
 *  |                     shinfo (u64, unused)              @80     |
 *  +-------------------------------+-------------------------------+
 *  |   priv_size (u16)  @88 | timesync (u16) @90 | dynfield1 @92..127 |
 *  +---------------------------------------------------------------+
 *  |   private area (priv_size bytes)                     @128     |
 *  +---------------------------------------------------------------+
 *  |   buffer: headroom + data room (buf_len bytes)  @128+priv      |
 *  +---------------------------------------------------------------+
 * </pre>
 * Differences from DPDK: {@code pool} holds the pool's id (see {@code MbufPool.byId}) instead of a pointer;
 * {@code next} is a virtual address, as in DPDK's user space. Element size is
 * {@code align64(128 + priv_size + data_room)}.
 */
public final class MbufDescriptor
{
    public static final int BUF_ADDR_OFFSET = 0;
    public static final int BUF_IOVA_OFFSET = 8;
    /** rearm_data: data_off, refcnt, nb_segs, port in one 8-byte word. */
    public static final int REARM_DATA_OFFSET = 16;
    public static final int DATA_OFF_OFFSET = 16;
    public static final int REFCNT_OFFSET = 18;
    public static final int NB_SEGS_OFFSET = 20;
    public static final int PORT_OFFSET = 22;
    public static final int OL_FLAGS_OFFSET = 24;
    public static final int PACKET_TYPE_OFFSET = 32;
    public static final int PKT_LEN_OFFSET = 36;
    public static final int DATA_LEN_OFFSET = 40;
    public static final int VLAN_TCI_OFFSET = 42;
    public static final int HASH_OFFSET = 44;
    public static final int VLAN_TCI_OUTER_OFFSET = 52;
    public static final int BUF_LEN_OFFSET = 54;
    public static final int POOL_OFFSET = 56;
    public static final int NEXT_OFFSET = 64;
    public static final int TX_OFFLOAD_OFFSET = 72;
    public static final int SHINFO_OFFSET = 80;
    public static final int PRIV_SIZE_OFFSET = 88;
    public static final int TIMESYNC_OFFSET = 90;
    public static final int DYNFIELD1_OFFSET = 92;

    /** sizeof(struct rte_mbuf). */
    public static final int HEADER_LENGTH = 128;
    /** RTE_PKTMBUF_HEADROOM. */
    public static final int HEADROOM = 128;
    /** RTE_MBUF_DEFAULT_DATAROOM. */
    public static final int DEFAULT_DATAROOM = 2048;
    /** RTE_MBUF_DEFAULT_BUF_SIZE = data room + headroom. */
    public static final int DEFAULT_BUF_SIZE = DEFAULT_DATAROOM + HEADROOM;
    public static final int CACHE_LINE = 64;
    /** RTE_MBUF_MAX_NB_SEGS. */
    public static final int MAX_NB_SEGS = 0xFFFF;
    /** RTE_MBUF_PORT_INVALID. */
    public static final int PORT_INVALID = 0xFFFF;

    /**
     * rearm_data value of a freshly allocated mbuf: data_off = min(HEADROOM, buf_len), refcnt 1, nb_segs 1,
     * port invalid (little endian word).
     */
    public static long rearmWord(final int dataOff)
    {
        return (dataOff & 0xFFFFL) | (1L << 16) | (1L << 32) | ((long)PORT_INVALID << 48);
    }

    public static int elementSize(final int privSize, final int dataRoomSize)
    {
        final int raw = HEADER_LENGTH + privSize + dataRoomSize;
        return (raw + CACHE_LINE - 1) & ~(CACHE_LINE - 1);
    }

    private MbufDescriptor()
    {
    }
}
