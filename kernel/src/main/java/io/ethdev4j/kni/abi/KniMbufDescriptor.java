package io.ethdev4j.kni.abi;

import org.agrona.UnsafeApi;

/**
 * The kernel side's view of an mbuf header: DPDK v22.11 {@code struct rte_kni_mbuf} (lib/kni/rte_kni_common.h),
 * which must match {@code struct rte_mbuf} (lib/mbuf/rte_mbuf_core.h) at every offset it names. It is also the
 * layout the ethdev module's Mbuf writes.
 *
 * <pre>
 *   0        8        16   18   20   22   24                 32       36       40   42   44               52   54   56       64       72 ... 128
 *  +--------+--------+----+----+----+----+--------+--------+--------+----+----+----+--------+--------+----+----+--------+--------+-----------+
 *  |buf_addr|buf_iova|doff|ref |nseg|port|   ol_flags      |ptype   |pkt_len  |dlen|vlan|  hash (8)       |vlo |blen|  pool  |  next  | (unused)  |
 *  |  u64   |  u64   |u16 |u16 |u16 |u16 |     u64         | u32    |  u32    |u16 |u16 |                 |u16 |u16 |  u64   |  u64   |           |
 *  +--------+--------+----+----+----+----+--------+--------+--------+----+----+----+--------+--------+----+----+--------+--------+-----------+
 *   doff = data_off, ref = refcnt, nseg = nb_segs, ptype = packet_type, dlen = data_len, vlan = vlan_tci,
 *   vlo = vlan_tci_outer, blen = buf_len; pool = the application's mempool id; next = VA of the next segment's
 *   header or 0. The header is 128 bytes (two cache lines); the private area and then the buffer follow.
 * </pre>
 * The frame of a segment is {@code [buf_addr + data_off, buf_addr + data_off + data_len)}.
 */
public final class KniMbufDescriptor
{
    public static final int BUF_ADDR_OFFSET = 0;
    public static final int BUF_IOVA_OFFSET = 8;
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
    /** sizeof(struct rte_mbuf) = sizeof(struct rte_kni_mbuf) = 128. */
    public static final int HEADER_LENGTH = 128;

    /** RTE_PKTMBUF_HEADROOM. */
    public static final int RTE_PKTMBUF_HEADROOM = 128;
    /** RTE_ETHER_HDR_LEN. */
    public static final int RTE_ETHER_HDR_LEN = 14;
    /** ETH_ZLEN: the kernel module pads frames it hands to the application to this length. */
    public static final int ETH_ZLEN = 60;

    private KniMbufDescriptor()
    {
    }

    /**
     * A frame of {@code length} bytes was read to {@code data}, the data of the one-segment mbuf at {@code m}: pads it
     * to {@link #ETH_ZLEN} with zeros as the module does and sets pkt_len = data_len. Returns the final length.
     */
    public static int finishFrame(final long m, final long data, final int length)
    {
        int len = length;
        if (len < ETH_ZLEN)
        {
            UnsafeApi.setMemory(data + len, ETH_ZLEN - len, (byte)0);
            len = ETH_ZLEN;
        }
        UnsafeApi.putInt(null, m + PKT_LEN_OFFSET, len);
        UnsafeApi.putShort(null, m + DATA_LEN_OFFSET, (short)len);
        return len;
    }
}
