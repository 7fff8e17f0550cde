package io.ethdev4j.pmd.pcap;

import org.agrona.BufferUtil;

import java.nio.ByteBuffer;

/**
 * A capture file parsed and validated in full: the file's bytes in one direct buffer and, per packet, where its
 * data starts, its captured and original length and its timestamp in nanoseconds since the epoch. Made by
 * {@link PcapFileReader} on the control path; the rx queue only reads it. {@link #close()} frees the buffer.
 */
final class PcapImage implements AutoCloseable
{
    private final String format;
    private final int count;
    private final int[] dataOffsets;
    private final int[] capLengths;
    private final int[] origLengths;
    private final long[] timestampsNs;
    private final long totalBytes;
    private ByteBuffer data;
    private final long address;

    PcapImage(final String format, final ByteBuffer data, final int count, final int[] dataOffsets,
        final int[] capLengths, final int[] origLengths, final long[] timestampsNs)
    {
        this.format = format;
        this.data = data;
        this.address = BufferUtil.address(data);
        this.count = count;
        this.dataOffsets = dataOffsets;
        this.capLengths = capLengths;
        this.origLengths = origLengths;
        this.timestampsNs = timestampsNs;
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            total += capLengths[i];
        }
        this.totalBytes = total;
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

    /** Address of packet {@code i}'s first data byte. */
    long dataAddress(final int i)
    {
        return address + dataOffsets[i];
    }

    /** File offset of packet {@code i}'s data. */
    int dataOffset(final int i)
    {
        return dataOffsets[i];
    }

    int capLength(final int i)
    {
        return capLengths[i];
    }

    int origLength(final int i)
    {
        return origLengths[i];
    }

    long timestampNs(final int i)
    {
        return timestampsNs[i];
    }

    /** A copy of packet {@code i}'s captured bytes (tests, diagnostics). */
    byte[] packet(final int i)
    {
        final byte[] b = new byte[capLengths[i]];
        data.get(dataOffsets[i], b);
        return b;
    }

    boolean isClosed()
    {
        return data == null;
    }

    /** Frees the file image; the rx queue must no longer run. Idempotent. */
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
