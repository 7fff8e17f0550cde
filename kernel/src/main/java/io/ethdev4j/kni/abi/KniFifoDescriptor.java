package io.ethdev4j.kni.abi;

/**
 * Layout of one KNI FIFO, identical to DPDK v22.11 {@code struct rte_kni_fifo} (lib/kni/rte_kni_common.h;
 * operations in lib/kni/rte_kni_fifo.h and kernel/linux/kni/kni_fifo.h).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 write (u32, next slot to write)               |  0  producer only
 *  +---------------------------------------------------------------+
 *  |                 read (u32, next slot to read)                 |  4  consumer only
 *  +---------------------------------------------------------------+
 *  |                 len (u32, slots, power of two)                |  8  set once at init
 *  +---------------------------------------------------------------+
 *  |                 elem_size (u32, = 8)                          | 12  set once at init
 *  +---------------------------------------------------------------+
 *  |                 buffer[0] (u64 address)                       | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 ...  buffer[len - 1]                          | 16 + 8 * (len - 1)
 *  +---------------------------------------------------------------+
 * </pre>
 * Empty when {@code write == read}; full when {@code ((write + 1) & (len - 1)) == read}, so the capacity is
 * {@code len - 1}. One producer and one consumer: the producer stores entries and then store-releases
 * {@code write}; the consumer load-acquires {@code write}, reads entries and store-releases {@code read}
 * (the kernel module's {@code smp_load_acquire}/{@code smp_store_release}).
 * DPDK sizes every FIFO memzone (and the sync zone) {@link #KNI_FIFO_SIZE} = 8208 bytes for
 * {@link #KNI_FIFO_COUNT_MAX} = 1024 slots.
 */
public final class KniFifoDescriptor
{
    public static final int WRITE_OFFSET = 0;
    public static final int READ_OFFSET = WRITE_OFFSET + Integer.BYTES;
    public static final int LEN_OFFSET = READ_OFFSET + Integer.BYTES;
    public static final int ELEM_SIZE_OFFSET = LEN_OFFSET + Integer.BYTES;
    public static final int BUFFER_OFFSET = ELEM_SIZE_OFFSET + Integer.BYTES;
    /** sizeof(struct rte_kni_fifo) without the flexible buffer. */
    public static final int HEADER_LENGTH = BUFFER_OFFSET;

    /** Every entry is a {@code void *}: an 8-byte address. */
    public static final int ELEM_SIZE = Long.BYTES;
    /** KNI_FIFO_COUNT_MAX in rte_kni_common.h. */
    public static final int KNI_FIFO_COUNT_MAX = 1024;
    /** KNI_FIFO_SIZE = KNI_FIFO_COUNT_MAX * sizeof(void *) + sizeof(struct rte_kni_fifo) = 8208. */
    public static final int KNI_FIFO_SIZE = KNI_FIFO_COUNT_MAX * ELEM_SIZE + HEADER_LENGTH;

    private KniFifoDescriptor()
    {
    }

    /** Bytes needed for a FIFO of {@code len} slots. */
    public static long lengthBytes(final int len)
    {
        return HEADER_LENGTH + (long)len * ELEM_SIZE;
    }

    public static long entryOffset(final int slot)
    {
        return BUFFER_OFFSET + (long)slot * ELEM_SIZE;
    }
}
