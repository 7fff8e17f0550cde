package io.ethdev4j.pdump;

import org.agrona.UnsafeApi;

import static io.ethdev4j.pdump.CaptureRingDescriptor.*;

/**
 * The consumer of one {@link CaptureRingDescriptor capture ring} (the capture client's side; one thread):
 * {@link #next()} positions on the next packet record (skipping padding), its fields are read in place, then
 * {@link #consume()} passes it and {@link #commit()} hands the space back to the producer (one store-release for
 * a batch). Allocates nothing.
 */
public final class CaptureRingReader
{
    private final long ring;
    private final long records;
    private final int capacity;
    private final int mask;
    private long head;
    private long tailCache;
    private long current = -1;

    /** @param ring address of the ring's header, {@code capacity} record bytes after it */
    public CaptureRingReader(final long ring, final int capacity)
    {
        this.ring = ring;
        this.records = ring + HEADER_LENGTH;
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.head = UnsafeApi.getLongAcquire(null, ring + HEAD_OFFSET);
        this.tailCache = head;
    }

    public int port()
    {
        return UnsafeApi.getShort(ring + PORT_OFFSET) & 0xFFFF;
    }

    public int queue()
    {
        return UnsafeApi.getShort(ring + QUEUE_OFFSET) & 0xFFFF;
    }

    public int direction()
    {
        return UnsafeApi.getInt(ring + DIRECTION_OFFSET);
    }

    /**
     * Positions on the next packet record.
     *
     * @return false if the ring holds none now
     * @throws IllegalStateException if the ring holds a record that cannot be (the producer broke the layout)
     */
    public boolean next()
    {
        if (current >= 0)
        {
            return true;
        }
        while (true)
        {
            if (head == tailCache)
            {
                tailCache = UnsafeApi.getLongAcquire(null, ring + TAIL_OFFSET);
                if (head == tailCache)
                {
                    return false;
                }
            }
            final int index = (int)head & mask;
            final long rec = records + index;
            final int length = UnsafeApi.getInt(rec + RECORD_LENGTH_OFFSET);
            final int orig = UnsafeApi.getInt(rec + RECORD_ORIG_LENGTH_OFFSET);
            if (orig == PADDING)
            {
                if (length != capacity - index)
                {
                    throw new IllegalStateException("capture ring: padding record of " + length + " bytes at " + index +
                        ", " + (capacity - index) + " expected");
                }
                head += length;
                continue;
            }
            if (length < RECORD_HEADER_LENGTH || recordStride(length - RECORD_HEADER_LENGTH) > capacity - index ||
                head + recordStride(length - RECORD_HEADER_LENGTH) > tailCache)
            {
                throw new IllegalStateException("capture ring: record of " + length + " bytes at " + index +
                    " (capacity " + capacity + ", " + (tailCache - head) + " bytes published)");
            }
            current = rec;
            return true;
        }
    }

    /** The current record's timestamp: CLOCK_MONOTONIC ns ({@code System.nanoTime()} of the application). */
    public long timestamp()
    {
        return UnsafeApi.getLong(current + RECORD_TIMESTAMP_OFFSET);
    }

    public int originalLength()
    {
        return UnsafeApi.getInt(current + RECORD_ORIG_LENGTH_OFFSET);
    }

    public int capturedLength()
    {
        return UnsafeApi.getInt(current + RECORD_LENGTH_OFFSET) - RECORD_HEADER_LENGTH;
    }

    public long dataAddress()
    {
        return current + RECORD_DATA_OFFSET;
    }

    /** Passes the current record. */
    public void consume()
    {
        head += recordStride(capturedLength());
        current = -1;
    }

    /** Gives the consumed space back to the producer. */
    public void commit()
    {
        UnsafeApi.putLongRelease(null, ring + HEAD_OFFSET, head);
    }

    /** Packets the application's tap was shown. */
    public long seen()
    {
        return UnsafeApi.getLongAcquire(null, ring + SEEN_OFFSET);
    }

    public long filtered()
    {
        return UnsafeApi.getLongAcquire(null, ring + FILTERED_OFFSET);
    }

    /** Packets that found the ring full. */
    public long dropped()
    {
        return UnsafeApi.getLongAcquire(null, ring + DROPPED_OFFSET);
    }
}
