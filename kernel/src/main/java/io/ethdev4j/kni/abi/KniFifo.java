package io.ethdev4j.kni.abi;

import org.agrona.UnsafeApi;

import static io.ethdev4j.kni.abi.KniFifoDescriptor.BUFFER_OFFSET;
import static io.ethdev4j.kni.abi.KniFifoDescriptor.ELEM_SIZE;
import static io.ethdev4j.kni.abi.KniFifoDescriptor.ELEM_SIZE_OFFSET;
import static io.ethdev4j.kni.abi.KniFifoDescriptor.KNI_FIFO_COUNT_MAX;
import static io.ethdev4j.kni.abi.KniFifoDescriptor.LEN_OFFSET;
import static io.ethdev4j.kni.abi.KniFifoDescriptor.READ_OFFSET;
import static io.ethdev4j.kni.abi.KniFifoDescriptor.WRITE_OFFSET;

/**
 * Flyweight over one {@link KniFifoDescriptor KNI FIFO} in shared memory: the operations of DPDK's
 * {@code kni_fifo_put/get/count/free_count}, for either side.
 * <p>
 * Safety beyond DPDK: {@link #attach(long)} validates {@code len} and {@code elem_size} once and keeps the mask in
 * this object; every later index read from shared memory is masked with that cached mask, so a peer that
 * scribbles over the header can make this side see wrong entries but never read or write outside the FIFO.
 * <p>
 * Thread safety: one thread produces and one thread consumes, as in DPDK. Methods allocate nothing.
 */
public final class KniFifo
{
    private long address;
    private int mask;

    /**
     * Initialises a FIFO in memory the caller owns ({@code kni_fifo_init}): write = read = 0, len, elem_size = 8.
     *
     * @param address start of at least {@link KniFifoDescriptor#lengthBytes(int)} bytes, 8-byte aligned.
     * @param len     slots, a power of two in [2, {@link KniFifoDescriptor#KNI_FIFO_COUNT_MAX}].
     */
    public static void init(final long address, final int len)
    {
        checkLen("init", address, len);
        checkAlignment("init", address);
        UnsafeApi.putInt(null, address + WRITE_OFFSET, 0);
        UnsafeApi.putInt(null, address + READ_OFFSET, 0);
        UnsafeApi.putInt(null, address + LEN_OFFSET, len);
        UnsafeApi.putIntRelease(null, address + ELEM_SIZE_OFFSET, ELEM_SIZE);
    }

    /**
     * Points this flyweight at an initialised FIFO and validates its header.
     *
     * @return this.
     * @throws IllegalArgumentException naming the address and the bad field.
     */
    public KniFifo attach(final long address)
    {
        checkAlignment("attach", address);
        final int len = UnsafeApi.getIntVolatile(null, address + LEN_OFFSET);
        checkLen("attach", address, len);
        final int elemSize = UnsafeApi.getInt(null, address + ELEM_SIZE_OFFSET);
        if (elemSize != ELEM_SIZE)
        {
            throw new IllegalArgumentException("KniFifo.attach(address=0x" + Long.toHexString(address) +
                ") failed: EINVAL - elem_size=" + elemSize + ", expected " + ELEM_SIZE);
        }
        this.address = address;
        this.mask = len - 1;
        return this;
    }

    public long address()
    {
        return address;
    }

    /** len: the number of slots; the capacity is len - 1. */
    public int len()
    {
        return mask + 1;
    }

    public int capacity()
    {
        return mask;
    }

    /**
     * Producer: enqueues up to {@code n} entries from {@code data[offset..]} ({@code kni_fifo_put}).
     *
     * @return the number enqueued.
     */
    public int put(final long[] data, final int offset, final int n)
    {
        final long base = address;
        final int m = mask;
        final int read = UnsafeApi.getIntAcquire(null, base + READ_OFFSET);
        int write = UnsafeApi.getInt(null, base + WRITE_OFFSET) & m;
        int i = 0;
        while (i < n)
        {
            final int next = (write + 1) & m;
            if (next == (read & m))
            {
                break;
            }
            UnsafeApi.putLong(null, base + BUFFER_OFFSET + (long)write * ELEM_SIZE, data[offset + i]);
            write = next;
            i++;
        }
        UnsafeApi.putIntRelease(null, base + WRITE_OFFSET, write);
        return i;
    }

    /** Producer: enqueues one entry; returns false when full. */
    public boolean put(final long entry)
    {
        final long base = address;
        final int m = mask;
        final int read = UnsafeApi.getIntAcquire(null, base + READ_OFFSET);
        final int write = UnsafeApi.getInt(null, base + WRITE_OFFSET) & m;
        final int next = (write + 1) & m;
        if (next == (read & m))
        {
            return false;
        }
        UnsafeApi.putLong(null, base + BUFFER_OFFSET + (long)write * ELEM_SIZE, entry);
        UnsafeApi.putIntRelease(null, base + WRITE_OFFSET, next);
        return true;
    }

    /**
     * Consumer: dequeues up to {@code n} entries into {@code data[offset..]} ({@code kni_fifo_get}).
     *
     * @return the number dequeued.
     */
    public int get(final long[] data, final int offset, final int n)
    {
        final long base = address;
        final int m = mask;
        final int write = UnsafeApi.getIntAcquire(null, base + WRITE_OFFSET) & m;
        int read = UnsafeApi.getInt(null, base + READ_OFFSET) & m;
        int i = 0;
        while (i < n && read != write)
        {
            data[offset + i] = UnsafeApi.getLong(null, base + BUFFER_OFFSET + (long)read * ELEM_SIZE);
            read = (read + 1) & m;
            i++;
        }
        UnsafeApi.putIntRelease(null, base + READ_OFFSET, read);
        return i;
    }

    /** Consumer: dequeues one entry, or returns {@code emptyValue} when empty. */
    public long get(final long emptyValue)
    {
        final long base = address;
        final int m = mask;
        final int write = UnsafeApi.getIntAcquire(null, base + WRITE_OFFSET) & m;
        final int read = UnsafeApi.getInt(null, base + READ_OFFSET) & m;
        if (read == write)
        {
            return emptyValue;
        }
        final long entry = UnsafeApi.getLong(null, base + BUFFER_OFFSET + (long)read * ELEM_SIZE);
        UnsafeApi.putIntRelease(null, base + READ_OFFSET, (read + 1) & m);
        return entry;
    }

    /** Entries waiting: {@code (len + write - read) & (len - 1)}. Exact for the consumer, a lower bound otherwise. */
    public int count()
    {
        final int write = UnsafeApi.getIntAcquire(null, address + WRITE_OFFSET);
        final int read = UnsafeApi.getIntAcquire(null, address + READ_OFFSET);
        return (write - read) & mask;
    }

    /** Free slots: {@code (read - write - 1) & (len - 1)}. Exact for the producer, a lower bound otherwise. */
    public int freeCount()
    {
        final int write = UnsafeApi.getIntAcquire(null, address + WRITE_OFFSET);
        final int read = UnsafeApi.getIntAcquire(null, address + READ_OFFSET);
        return (read - write - 1) & mask;
    }

    public boolean isEmpty()
    {
        return count() == 0;
    }

    private static void checkLen(final String op, final long address, final int len)
    {
        if (len < 2 || len > KNI_FIFO_COUNT_MAX || (len & (len - 1)) != 0)
        {
            throw new IllegalArgumentException("KniFifo." + op + "(address=0x" + Long.toHexString(address) +
                ") failed: EINVAL - len=" + len + ", must be a power of two in [2, " + KNI_FIFO_COUNT_MAX + "]");
        }
    }

    private static void checkAlignment(final String op, final long address)
    {
        if (address == 0 || (address & (ELEM_SIZE - 1)) != 0)
        {
            throw new IllegalArgumentException("KniFifo." + op + "(address=0x" + Long.toHexString(address) +
                ") failed: EINVAL - address must be non-null and 8-byte aligned");
        }
    }

    public String toString()
    {
        return "KniFifo{address=0x" + Long.toHexString(address) + ", len=" + len() + '}';
    }
}
