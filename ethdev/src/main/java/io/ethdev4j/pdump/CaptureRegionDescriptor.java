package io.ethdev4j.pdump;

/**
 * Layout of a capture region: the shared memory a capture client (dumpcap) creates and the application maps when
 * the client enables capture, our counterpart of the ring and mempool {@code dpdk-dumpcap} creates in the
 * hugepage memory it shares with the primary process ({@code lib/pdump}, DPDK 22.11). The client writes the header,
 * the filter and each ring's identity before {@code ENABLE}; after that only the ring positions and counters change
 * ({@link CaptureRingDescriptor}). All values are little-endian (both sides run on the same host).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 magic (u64, "E4JPDUMP")                       |  0  client, before ENABLE
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 version (u32, = 1)                            |  8  client
 *  +---------------------------------------------------------------+
 *  |                 ring_count (u32)                              | 12  client
 *  +---------------------------------------------------------------+
 *  |                 snaplen (u32, bytes kept of each packet)      | 16  client
 *  +---------------------------------------------------------------+
 *  |                 filter_len (u32, BPF instructions, 0 = none)  | 20  client
 *  +---------------------------------------------------------------+
 *  |                 ring_capacity (u32, record bytes per ring)    | 24  client; a power of two
 *  +---------------------------------------------------------------+
 *  |                 reserved (u32)                                | 28
 *  +---------------------------------------------------------------+
 *  |                 region_length (u64, the file's length)        | 32  client
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  /                 reserved (24 bytes)                           / 40
 *  +---------------------------------------------------------------+
 *  |  code (u16)                   | jt (u8)       | jf (u8)       | 64  filter[0] (struct bpf_insn / sock_filter)
 *  |                 k (u32)                                       | 68
 *  +---------------------------------------------------------------+
 *  /                 ... filter[filter_len - 1]                    /
 *  +---------------------------------------------------------------+
 *  /                 ring 0: header + ring_capacity record bytes   / ringOffset(0), 128-byte aligned
 *  +---------------------------------------------------------------+
 *  /                 ... ring ring_count - 1                       / ringOffset(i) = rings + i * ringStride
 *  +---------------------------------------------------------------+
 * </pre>
 * The filter is classic BPF as libpcap's {@code pcap_compile()} produces it for {@code DLT_EN10MB}; the application
 * validates it ({@link BpfProgram#validate}) before running it on its data path.
 */
public final class CaptureRegionDescriptor
{
    /** "E4JPDUMP" read as a little-endian u64. */
    public static final long MAGIC = 0x504D5544504A3445L;
    public static final int VERSION = 1;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = MAGIC_OFFSET + Long.BYTES;
    public static final int RING_COUNT_OFFSET = VERSION_OFFSET + Integer.BYTES;
    public static final int SNAPLEN_OFFSET = RING_COUNT_OFFSET + Integer.BYTES;
    public static final int FILTER_LEN_OFFSET = SNAPLEN_OFFSET + Integer.BYTES;
    public static final int RING_CAPACITY_OFFSET = FILTER_LEN_OFFSET + Integer.BYTES;
    public static final int RESERVED_OFFSET = RING_CAPACITY_OFFSET + Integer.BYTES;
    public static final int REGION_LENGTH_OFFSET = RESERVED_OFFSET + Integer.BYTES;
    public static final int FILTER_OFFSET = 64;
    public static final int HEADER_LENGTH = FILTER_OFFSET;

    /** One classic BPF instruction: code (u16), jt (u8), jf (u8), k (u32). */
    public static final int INSN_LENGTH = 8;
    public static final int INSN_CODE_OFFSET = 0;
    public static final int INSN_JT_OFFSET = 2;
    public static final int INSN_JF_OFFSET = 3;
    public static final int INSN_K_OFFSET = 4;
    /** BPF_MAXINSNS (linux/bpf_common.h, libpcap). */
    public static final int MAX_FILTER_LEN = 4096;

    /** Rings start on a 128-byte boundary (the adjacent-line prefetcher pairs 64-byte lines). */
    public static final int RING_ALIGNMENT = 128;
    /** Limits the application accepts. */
    public static final int MIN_RING_CAPACITY = 1 << 12;
    public static final int MAX_RING_CAPACITY = 1 << 30;
    public static final int MAX_RINGS = 4096;
    public static final int MAX_SNAPLEN = 65535;

    private CaptureRegionDescriptor()
    {
    }

    /** Offset of the first ring after a filter of {@code filterLen} instructions. */
    public static long ringsOffset(final int filterLen)
    {
        final long end = FILTER_OFFSET + (long)filterLen * INSN_LENGTH;
        return (end + RING_ALIGNMENT - 1) & -RING_ALIGNMENT;
    }

    /** Bytes from one ring to the next. */
    public static long ringStride(final int ringCapacity)
    {
        return CaptureRingDescriptor.HEADER_LENGTH + (long)ringCapacity;
    }

    public static long ringOffset(final int filterLen, final int ringCapacity, final int ring)
    {
        return ringsOffset(filterLen) + ring * ringStride(ringCapacity);
    }

    /** The region's length. */
    public static long regionLength(final int filterLen, final int ringCapacity, final int ringCount)
    {
        return ringOffset(filterLen, ringCapacity, ringCount);
    }

    public static long insnOffset(final int index)
    {
        return FILTER_OFFSET + (long)index * INSN_LENGTH;
    }
}
