package io.ethdev4j.pmd.pcap;

import org.agrona.BufferUtil;

import java.nio.ByteBuffer;

/**
 * A validated capture file, memory-mapped: its format, packet count and captured bytes, and readers that walk its
 * packets ({@link #reader}). Nothing is kept per packet, so a file of any number of packets costs the same heap.
 * Made by {@link PcapFileReader#read} on the control path; {@link #close()} unmaps it.
 */
final class PcapImage implements AutoCloseable
{
    private final String format;
    private final int count;
    private final long totalBytes;
    private final int maxIfaces;
    private ByteBuffer data;
    private final long address;

    PcapImage(final String format, final ByteBuffer data, final int count, final long totalBytes, final int maxIfaces)
    {
        this.format = format;
        this.data = data;
        this.address = data.capacity() == 0 ? 0 : BufferUtil.address(data);
        this.count = count;
        this.totalBytes = totalBytes;
        this.maxIfaces = maxIfaces;
    }

    /** E.g. "pcap, little-endian, ns timestamps" or "pcapng, big-endian". */
    String format()
    {
        return format;
    }

    int count()
    {
        return count;
    }

    /** Sum of the captured lengths. */
    long totalBytes()
    {
        return totalBytes;
    }

    /** Address of the file's first byte (a reader's {@link PcapFileReader#dataOffset} is relative to it). */
    long address()
    {
        return address;
    }

    /** A reader at the first packet (the file was validated: it does not throw). Control path. */
    PcapFileReader reader()
    {
        try
        {
            return new PcapFileReader(data, maxIfaces);
        }
        catch (final PcapFormatException ex)
        {
            throw new IllegalStateException("validated file no longer parses: " + ex.getMessage(), ex);
        }
    }

    /** A reader at packet {@code i} (tests, diagnostics: walks from the start). */
    private PcapFileReader at(final int i)
    {
        if (i < 0 || i >= count)
        {
            throw new IndexOutOfBoundsException("packet " + i + " of " + count);
        }
        final PcapFileReader r = reader();
        try
        {
            for (int k = 0; k <= i; k++)
            {
                r.next();
            }
        }
        catch (final PcapFormatException ex)
        {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
        return r;
    }

    /** Address of packet {@code i}'s first data byte. */
    long dataAddress(final int i)
    {
        return address + at(i).dataOffset();
    }

    /** File offset of packet {@code i}'s data. */
    int dataOffset(final int i)
    {
        return at(i).dataOffset();
    }

    int capLength(final int i)
    {
        return at(i).capLength();
    }

    int origLength(final int i)
    {
        return at(i).origLength();
    }

    long timestampNs(final int i)
    {
        return at(i).timestampNs();
    }

    /** A copy of packet {@code i}'s captured bytes (tests, diagnostics). */
    byte[] packet(final int i)
    {
        final PcapFileReader r = at(i);
        final byte[] b = new byte[r.capLength()];
        data.get(r.dataOffset(), b);
        return b;
    }

    boolean isClosed()
    {
        return data == null;
    }

    /** Unmaps the file; the rx queue must no longer run. Idempotent. */
    @Override
    public void close()
    {
        final ByteBuffer b = data;
        if (b != null)
        {
            data = null;
            BufferUtil.free(b);
        }
    }
}
