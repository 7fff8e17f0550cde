package io.ethdev4j.pdump;

/**
 * Layout of one capture ring inside a {@link CaptureRegionDescriptor capture region}: a single-producer,
 * single-consumer ring of variable-length packet records for one (port, queue, direction). The producer is the
 * application's lcore polling that queue (through its queue's {@link io.ethdev4j.ethdev.BurstTap tap}), the
 * consumer the capture client. One ring per queue keeps every ring single-producer although a port's queues run on
 * different lcores (DPDK's pdump shares one multi-producer {@code rte_ring} among them).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-------------------------------+
 *  |       port (u16)              |       queue (u16)             |   0  client, before ENABLE
 *  +-------------------------------+-------------------------------+
 *  |       direction (u32: 0 = rx/inbound, 1 = tx/outbound)        |   4  client
 *  +---------------------------------------------------------------+
 *  /       padding to 128                                          /   8
 *  +---------------------------------------------------------------+
 *  |       tail (u64, bytes ever written; the producer position)   | 128  producer, store-release per burst
 *  +---------------------------------------------------------------+
 *  /       padding to 256                                          / 136
 *  +---------------------------------------------------------------+
 *  |       seen (u64, packets the tap was shown)                   | 256  producer, per burst; the consumer reads
 *  +---------------------------------------------------------------+       them once, after DISABLE
 *  |       filtered (u64, packets the filter rejected)             | 264  producer
 *  +---------------------------------------------------------------+
 *  |       dropped (u64, packets that found the ring full)         | 272  producer
 *  +---------------------------------------------------------------+
 *  /       padding to 384                                          / 280
 *  +---------------------------------------------------------------+
 *  |       head (u64, bytes ever consumed; the consumer position)  | 384  consumer, store-release
 *  +---------------------------------------------------------------+
 *  /       padding to 512                                          / 392
 *  +---------------------------------------------------------------+
 *  /       records (ring_capacity bytes)                           / 512
 *  +---------------------------------------------------------------+
 * </pre>
 * A record starts on an 8-byte boundary at {@code position & (ring_capacity - 1)} and never wraps: when it does not
 * fit before the end, the producer fills the rest with a padding record and starts again at 0.
 * <pre>
 *  +---------------------------------------------------------------+
 *  |       length (i32, header + captured bytes, unpadded)         |   0
 *  +---------------------------------------------------------------+
 *  |       orig_length (i32, the packet's pkt_len; -1 = padding)   |   4
 *  +---------------------------------------------------------------+
 *  |       timestamp (i64, CLOCK_MONOTONIC ns of the burst)        |   8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  /       captured bytes (min(pkt_len, snaplen)), padded to 8     /  16
 *  +---------------------------------------------------------------+
 * </pre>
 * The producer writes a burst's records, then its counters, then store-releases {@code tail}; the consumer
 * load-acquires {@code tail}, reads records up to it and store-releases {@code head}. The counters are apart from
 * {@code tail}, which the consumer polls, so that counting drops does not move the line it polls. Free space is
 * {@code ring_capacity - (tail - head)}; a record that does not fit is not written and counts in {@code dropped}
 * with the rest of its burst, as {@code rte_ring_enqueue_burst} leaves the rest: the data path never waits for
 * the consumer. The timestamp is one {@code System.nanoTime()} per burst (DPDK's
 * pdump reads the TSC once per burst too); the consumer turns it into wall-clock time.
 */
public final class CaptureRingDescriptor
{
    public static final int PORT_OFFSET = 0;
    public static final int QUEUE_OFFSET = PORT_OFFSET + Short.BYTES;
    public static final int DIRECTION_OFFSET = QUEUE_OFFSET + Short.BYTES;
    /** Each field group on its own 128-byte pair of cache lines (the adjacent-line prefetcher pairs them). */
    public static final int LINE_PAIR = 128;
    public static final int TAIL_OFFSET = LINE_PAIR;
    public static final int SEEN_OFFSET = 2 * LINE_PAIR;
    public static final int FILTERED_OFFSET = SEEN_OFFSET + Long.BYTES;
    public static final int DROPPED_OFFSET = FILTERED_OFFSET + Long.BYTES;
    public static final int HEAD_OFFSET = 3 * LINE_PAIR;
    public static final int HEADER_LENGTH = 4 * LINE_PAIR;

    public static final int DIRECTION_RX = 0;
    public static final int DIRECTION_TX = 1;

    public static final int RECORD_LENGTH_OFFSET = 0;
    public static final int RECORD_ORIG_LENGTH_OFFSET = RECORD_LENGTH_OFFSET + Integer.BYTES;
    public static final int RECORD_TIMESTAMP_OFFSET = RECORD_ORIG_LENGTH_OFFSET + Integer.BYTES;
    public static final int RECORD_DATA_OFFSET = RECORD_TIMESTAMP_OFFSET + Long.BYTES;
    public static final int RECORD_HEADER_LENGTH = RECORD_DATA_OFFSET;
    public static final int RECORD_ALIGNMENT = 8;
    /** orig_length of a padding record. */
    public static final int PADDING = -1;

    private CaptureRingDescriptor()
    {
    }

    /** Bytes a record with {@code capturedBytes} of packet data takes in the ring. */
    public static int recordStride(final int capturedBytes)
    {
        return (RECORD_HEADER_LENGTH + capturedBytes + RECORD_ALIGNMENT - 1) & -RECORD_ALIGNMENT;
    }
}
