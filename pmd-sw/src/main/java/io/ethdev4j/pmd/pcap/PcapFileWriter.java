package io.ethdev4j.pmd.pcap;

import io.ethdev4j.mbuf.Mbuf;
import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import static io.ethdev4j.pmd.pcap.PcapFileDescriptor.*;

/**
 * Writes packets to a classic pcap file as DPDK's net_pcap does (pcap_open_dead_with_tstamp_precision(EN10MB,
 * 65535, NANO) + pcap_dump): little-endian, nanosecond magic {@code a1b23c4d}, version 2.4, snaplen 65535,
 * linktype Ethernet; see {@link PcapFileDescriptor}. Records are built in a preallocated direct buffer and
 * written with one {@link FileChannel#write} when the buffer is full and on {@link #flush()}: nothing is allocated
 * per packet. Timestamps are the wall clock at open plus {@link System#nanoTime()} since then.
 * <p>
 * One writer thread (the tx lcore); {@link #flush()} and {@link #close()} are for the control thread once the
 * port is stopped. An I/O error in {@link #write} is remembered: later packets are refused and the next flush
 * or close throws it.
 */
final class PcapFileWriter implements AutoCloseable
{
    /** Bytes buffered before a write(2): room for at least 3 full-snaplen records. */
    static final int BUFFER_LENGTH = 1 << 18;

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer buf;
    private final long bufAddress;
    private final long epochNs;
    private final long nanoBase;
    private IOException failure;
    private boolean closed;

    private PcapFileWriter(final Path path, final FileChannel channel)
    {
        this.path = path;
        this.channel = channel;
        this.buf = ByteBuffer.allocateDirect(BUFFER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        this.bufAddress = BufferUtil.address(buf);
        final Instant now = Instant.now();
        this.nanoBase = System.nanoTime();
        this.epochNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Creates (or truncates) {@code path} and writes the file header at once, so the file is valid when empty. */
    static PcapFileWriter open(final Path path) throws IOException
    {
        final FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
        final PcapFileWriter w;
        try
        {
            w = new PcapFileWriter(path, ch);
            w.buf.putInt(MAGIC_OFFSET, MAGIC_NSEC);
            w.buf.putShort(VERSION_MAJOR_OFFSET, (short)VERSION_MAJOR);
            w.buf.putShort(VERSION_MINOR_OFFSET, (short)VERSION_MINOR);
            w.buf.putInt(THISZONE_OFFSET, 0);
            w.buf.putInt(SIGFIGS_OFFSET, 0);
            w.buf.putInt(SNAPLEN_OFFSET, WRITE_SNAPLEN);
            w.buf.putInt(LINKTYPE_OFFSET, LINKTYPE_ETHERNET);
            w.buf.position(FILE_HEADER_LENGTH);
            w.flush();
        }
        catch (final IOException | RuntimeException ex)
        {
            try
            {
                ch.close();
            }
            catch (final IOException suppressed)
            {
                ex.addSuppressed(suppressed);
            }
            throw ex;
        }
        return w;
    }

    Path path()
    {
        return path;
    }

    /**
     * Appends one packet, walking its segment chain, with the current time as timestamp. Packets longer than the
     * snaplen are cut to it (orig_len keeps the full length).
     *
     * @return the bytes of packet data written (incl_len), or -1 if the file has failed
     */
    int write(final Mbuf m)
    {
        if (failure != null)
        {
            return -1;
        }
        final int pktLen = m.pktLen();
        final int cap = Math.min(pktLen, WRITE_SNAPLEN);
        if (buf.remaining() < RECORD_HEADER_LENGTH + cap && !drain())
        {
            return -1;
        }
        final int pos = buf.position();
        final long ts = epochNs + (System.nanoTime() - nanoBase);
        long dst = bufAddress + pos + RECORD_HEADER_LENGTH;
        int left = cap;
        Mbuf seg = m;
        while (left > 0 && seg != null)
        {
            final int n = Math.min(seg.dataLen(), left);
            UnsafeApi.copyMemory(null, seg.dataAddress(), null, dst, n);
            dst += n;
            left -= n;
            seg = seg.next();
        }
        final int incl = cap - left;  // a chain shorter than its pkt_len: write what is there
        buf.putInt(pos + TS_SEC_OFFSET, (int)(ts / 1_000_000_000L));
        buf.putInt(pos + TS_FRAC_OFFSET, (int)(ts % 1_000_000_000L));
        buf.putInt(pos + INCL_LEN_OFFSET, incl);
        buf.putInt(pos + ORIG_LEN_OFFSET, pktLen);
        buf.position(pos + RECORD_HEADER_LENGTH + incl);
        return incl;
    }

    /** Writes the buffer out; false (and the failure remembered) on an I/O error. */
    private boolean drain()
    {
        buf.flip();
        try
        {
            while (buf.hasRemaining())
            {
                channel.write(buf);
            }
            return true;
        }
        catch (final IOException ex)
        {
            failure = ex;
            return false;
        }
        finally
        {
            buf.clear();
        }
    }

    /** Writes what is buffered; throws the first I/O error this writer met. */
    void flush() throws IOException
    {
        if (closed)
        {
            return;
        }
        if (failure == null && buf.position() > 0)
        {
            drain();
        }
        if (failure != null)
        {
            throw failure;
        }
    }

    /** Flushes and closes the file; idempotent. */
    @Override
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        try
        {
            flush();
        }
        finally
        {
            closed = true;
            channel.close();
            BufferUtil.free(buf);
        }
    }
}
