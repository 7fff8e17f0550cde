package io.ethdev4j.pdump;

import io.ethdev4j.ethdev.BurstTap;
import io.ethdev4j.mbuf.Mbuf;
import org.agrona.UnsafeApi;

import static io.ethdev4j.mbuf.MbufDescriptor.BUF_ADDR_OFFSET;
import static io.ethdev4j.mbuf.MbufDescriptor.DATA_LEN_OFFSET;
import static io.ethdev4j.mbuf.MbufDescriptor.DATA_OFF_OFFSET;
import static io.ethdev4j.mbuf.MbufDescriptor.NEXT_OFFSET;
import static io.ethdev4j.mbuf.MbufDescriptor.PKT_LEN_OFFSET;
import static io.ethdev4j.pdump.CaptureRingDescriptor.*;

/**
 * The producer of one {@link CaptureRingDescriptor capture ring}: the tap on one queue of one port that copies each
 * packet of a burst (up to the snap length, segments followed) into a record of the ring, DPDK's
 * {@code pdump_copy()}. Runs on the lcore polling the queue (its only writer); a packet that finds the ring full is
 * counted in {@code dropped} with the rest of its burst, so the data path never waits for the capture. After a
 * full ring the next {@link #FULL_SKIP_BURSTS} bursts are counted as dropped without reading the consumer's
 * position: a capture that cannot keep up costs the data path a few stores per burst. Allocates nothing.
 * <p>
 * The filter, when there is one, sees each packet's first segment (libpcap's {@code bpf_filter()} over
 * {@code data_len} bytes, with {@code pkt_len} as the wire length); a rejected packet counts in {@code filtered}
 * (packets dropped for a full ring are not filtered first).
 */
public final class CaptureRingWriter implements BurstTap
{
    /** Bursts dropped whole after the ring was found full, before its head is read again. */
    public static final int FULL_SKIP_BURSTS = 32;

    private final long ring;
    private final long records;
    private final int capacity;
    private final int mask;
    private final int snaplen;
    private final BpfProgram filter;

    // producer-private state, written by the queue's lcore only
    private long tail;
    private long headCache;
    private long seen;
    private long filtered;
    private long dropped;
    private int skip;

    /**
     * @param ring     address of the ring's header in the mapped region
     * @param capacity record bytes (a power of two)
     * @param snaplen  bytes kept of each packet
     * @param filter   a program for this writer alone (see {@link BpfProgram#copy()}), or null
     */
    public CaptureRingWriter(final long ring, final int capacity, final int snaplen, final BpfProgram filter)
    {
        this.ring = ring;
        this.records = ring + HEADER_LENGTH;
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.snaplen = snaplen;
        this.filter = filter;
        this.tail = UnsafeApi.getLongVolatile(null, ring + TAIL_OFFSET);
        this.headCache = UnsafeApi.getLongAcquire(null, ring + HEAD_OFFSET);
        this.seen = UnsafeApi.getLong(ring + SEEN_OFFSET);
        this.filtered = UnsafeApi.getLong(ring + FILTERED_OFFSET);
        this.dropped = UnsafeApi.getLong(ring + DROPPED_OFFSET);
    }

    @Override
    public void tap(final Mbuf[] pkts, final int offset, final int n)
    {
        if (skip > 0)
        {
            skip--;
            seen += n;
            dropped += n;
            publishCounters();
            return;
        }
        final long timestamp = System.nanoTime();
        long tail = this.tail;
        boolean headLoaded = false;
        for (int i = offset, end = offset + n; i < end; i++)
        {
            final long m = pkts[i].address();
            final int pktLen = UnsafeApi.getInt(m + PKT_LEN_OFFSET);
            int captured = Math.min(pktLen, snaplen);
            if (filter != null)
            {
                final long data = UnsafeApi.getLong(m + BUF_ADDR_OFFSET) + (UnsafeApi.getShort(m + DATA_OFF_OFFSET) & 0xFFFF);
                final int keep = filter.run(data, UnsafeApi.getShort(m + DATA_LEN_OFFSET) & 0xFFFF, pktLen);
                if (keep == 0)
                {
                    filtered++;
                    continue;
                }
                captured = Integer.compareUnsigned(keep, captured) < 0 ? keep : captured;
            }
            final int stride = recordStride(captured);
            int index = (int)tail & mask;
            final int toEnd = capacity - index;
            final int need = stride <= toEnd ? stride : stride + toEnd;
            if (tail + need - headCache > capacity)
            {
                if (!headLoaded)
                {
                    // the consumer's line is read at most once per burst: a full ring costs no miss per packet
                    headCache = UnsafeApi.getLongAcquire(null, ring + HEAD_OFFSET);
                    headLoaded = true;
                }
                if (tail + need - headCache > capacity)
                {
                    dropped += end - i;
                    skip = FULL_SKIP_BURSTS;
                    break;
                }
            }
            if (stride > toEnd)
            {
                UnsafeApi.putInt(records + index + RECORD_LENGTH_OFFSET, toEnd);
                UnsafeApi.putInt(records + index + RECORD_ORIG_LENGTH_OFFSET, PADDING);
                tail += toEnd;
                index = 0;
            }
            final long rec = records + index;
            UnsafeApi.putInt(rec + RECORD_LENGTH_OFFSET, RECORD_HEADER_LENGTH + captured);
            UnsafeApi.putInt(rec + RECORD_ORIG_LENGTH_OFFSET, pktLen);
            UnsafeApi.putLong(rec + RECORD_TIMESTAMP_OFFSET, timestamp);
            copy(m, rec + RECORD_DATA_OFFSET, captured);
            tail += stride;
        }
        seen += n;
        publishCounters();
        if (tail != this.tail)
        {
            this.tail = tail;
            UnsafeApi.putLongRelease(null, ring + TAIL_OFFSET, tail);
        }
    }

    private void publishCounters()
    {
        UnsafeApi.putLong(ring + SEEN_OFFSET, seen);
        UnsafeApi.putLong(ring + FILTERED_OFFSET, filtered);
        UnsafeApi.putLong(ring + DROPPED_OFFSET, dropped);
    }

    /** Copies the first {@code length} bytes of the packet at mbuf {@code m}, following its segments. */
    private static void copy(final long m, final long dst, final int length)
    {
        long seg = m;
        long to = dst;
        int left = length;
        while (left > 0 && seg != 0)
        {
            final int dataLen = UnsafeApi.getShort(seg + DATA_LEN_OFFSET) & 0xFFFF;
            final int n = Math.min(dataLen, left);
            final long from = UnsafeApi.getLong(seg + BUF_ADDR_OFFSET) + (UnsafeApi.getShort(seg + DATA_OFF_OFFSET) & 0xFFFF);
            UnsafeApi.copyMemory(from, to, n);
            to += n;
            left -= n;
            seg = UnsafeApi.getLong(seg + NEXT_OFFSET);
        }
        if (left > 0)
        {
            UnsafeApi.setMemory(to, left, (byte)0); // a chain shorter than pkt_len: keep the record well formed
        }
    }
}
