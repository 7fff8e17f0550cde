package io.ethdev4j.kni.abi;

/**
 * Layout of {@code struct rte_kni_request} (DPDK v22.11 lib/kni/rte_kni_common.h, {@code __attribute__((__packed__))}),
 * as GCC lays it out on x86-64: 17 bytes, no padding.
 *
 * <pre>
 *   byte:  0       4                               12  13              17
 *         +-------+-------------------------------+---+---------------+
 *         |req_id |  union (8 bytes)              |bf | result (s32)  |
 *         | (u32) |                               |   |               |
 *         +-------+-------------------------------+---+---------------+
 *
 *   union @4:  new_mtu  u32 @4..7        (CHANGE_MTU)
 *              if_up    u8  @4           (CFG_NETWORK_IF)
 *              mac_addr u8[6] @4..9      (CHANGE_MAC_ADDR)
 *              promiscusity u8 @4        (CHANGE_PROMISC)
 *              allmulti u8 @4            (CHANGE_ALLMULTI)
 *   bf @12:    bit 0 = async (int32_t async : 1); the other 7 bits are unused and written as 0
 *   result @13: int32, unaligned; written by the application (0 = accepted, else -errno)
 * </pre>
 * The request travels by address: the kernel copies it into the sync area and enqueues the sync area's address
 * on req_q; the application writes {@code result} in place and enqueues the same address on resp_q.
 */
public final class KniRequestDescriptor
{
    public static final int REQ_ID_OFFSET = 0;
    public static final int UNION_OFFSET = REQ_ID_OFFSET + Integer.BYTES;
    public static final int UNION_LENGTH = 8;
    public static final int NEW_MTU_OFFSET = UNION_OFFSET;
    public static final int IF_UP_OFFSET = UNION_OFFSET;
    public static final int MAC_ADDR_OFFSET = UNION_OFFSET;
    public static final int MAC_ADDR_LENGTH = 6;
    public static final int PROMISCUSITY_OFFSET = UNION_OFFSET;
    public static final int ALLMULTI_OFFSET = UNION_OFFSET;
    /** Byte holding the {@code async:1} bit field, in bit 0. */
    public static final int ASYNC_BYTE_OFFSET = UNION_OFFSET + UNION_LENGTH;
    public static final int ASYNC_BIT = 0x1;
    public static final int RESULT_OFFSET = ASYNC_BYTE_OFFSET + 1;
    /** sizeof(struct rte_kni_request) = 17. */
    public static final int LENGTH = RESULT_OFFSET + Integer.BYTES;

    private KniRequestDescriptor()
    {
    }
}
