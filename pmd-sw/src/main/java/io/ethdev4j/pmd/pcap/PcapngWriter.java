package io.ethdev4j.pmd.pcap;

import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;

import static io.ethdev4j.pmd.pcap.PcapngBlockDescriptor.*;

/**
 * Writes a pcapng capture as DPDK's {@code lib/pcapng} does for {@code dpdk-dumpcap}: one Section Header Block
 * (shb_os, shb_userappl, opt_comment), an Interface Description Block per interface (if_name, if_description,
 * if_MACaddr, if_speed, if_tsresol = 9: nanoseconds, if_filter, if_hardware), an Enhanced Packet Block per packet
 * (epb_flags with the direction, epb_queue), and Interface Statistics Blocks (isb_starttime, isb_endtime,
 * isb_ifrecv, isb_ifdrop, isb_filteraccept, isb_usrdeliv). Layouts in {@link PcapngBlockDescriptor}; little-endian.
 * <p>
 * Blocks are built in a preallocated direct buffer and written to the channel when it is full and on
 * {@link #flush()}: {@link #writePacket} allocates nothing. One thread.
 */
public final class PcapngWriter implements AutoCloseable
{
    /** Buffered bytes before a write(2). */
    public static final int BUFFER_LENGTH = 1 << 20;

    private final WritableByteChannel channel;
    private final ByteBuffer buf;
    private final long bufAddress;
    private int interfaces;
    private long bytesWritten;
    private boolean closed;

    private PcapngWriter(final WritableByteChannel channel)
    {
        this.channel = channel;
        this.buf = ByteBuffer.allocateDirect(BUFFER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        this.bufAddress = BufferUtil.address(buf);
    }

    /**
     * Starts a capture file on {@code channel} with its section header (any of the strings may be null).
     *
     * @param os          shb_os, e.g. "Linux 6.1.0-18-amd64"
     * @param application shb_userappl
     * @param comment     opt_comment (dumpcap's --capture-comment)
     */
    public static PcapngWriter open(final WritableByteChannel channel, final String os, final String application,
        final String comment)
    {
        final PcapngWriter w = new PcapngWriter(channel);
        final int start = w.begin(SHB_TYPE);
        w.buf.putInt(BYTE_ORDER_MAGIC);
        w.buf.putShort((short)SHB_MAJOR_VERSION);
        w.buf.putShort((short)0);
        w.buf.putLong(-1L);
        w.option(OPT_COMMENT, comment);
        w.option(OPT_SHB_OS, os);
        w.option(OPT_SHB_USERAPPL, application);
        w.end(start, true);
        return w;
    }

    /**
     * Writes an Interface Description Block (Ethernet) and returns the interface id its packets name.
     *
     * @param mac       6 bytes, or null
     * @param speedBps  if_speed, 0 = not given
     * @param filter    the capture filter (if_filter, libpcap syntax), or null
     * @param hardware  if_hardware, or null
     */
    public int addInterface(final String name, final String description, final byte[] mac, final long speedBps,
        final int snaplen, final String filter, final String hardware)
    {
        room(4096);
        final int start = begin(IDB_TYPE);
        buf.putShort((short)PcapFileDescriptor.LINKTYPE_ETHERNET);
        buf.putShort((short)0);
        buf.putInt(snaplen);
        optionHeader(OPT_IF_TSRESOL, 1);
        buf.put((byte)TSRESOL_NS);
        pad();
        option(OPT_IF_NAME, name);
        option(OPT_IF_DESCRIPTION, description);
        if (mac != null)
        {
            optionHeader(OPT_IF_MACADDR, 6);
            buf.put(mac, 0, 6);
            pad();
        }
        if (speedBps != 0)
        {
            optionHeader(OPT_IF_SPEED, Long.BYTES);
            buf.putLong(speedBps);
        }
        if (filter != null)
        {
            final byte[] f = filter.getBytes(StandardCharsets.UTF_8);
            optionHeader(OPT_IF_FILTER, 1 + f.length);
            buf.put((byte)0);
            buf.put(f);
            pad();
        }
        option(OPT_IF_HARDWARE, hardware);
        end(start, true);
        return interfaces++;
    }

    /**
     * Writes an Enhanced Packet Block.
     *
     * @param timestampNs nanoseconds since the epoch
     * @param data        address of the captured bytes
     * @param flags       epb_flags: {@link PcapngBlockDescriptor#EPB_FLAG_INBOUND} or {@code _OUTBOUND}
     * @param queue       epb_queue
     * @return the bytes the block takes in the file
     */
    public int writePacket(final int interfaceId, final long timestampNs, final long data, final int capturedLength,
        final int originalLength, final int flags, final int queue) throws IOException
    {
        final int padded = align4(capturedLength);
        final int total = EPB_DATA_OFFSET + padded + 2 * (OPTION_VALUE_OFFSET + Integer.BYTES) + OPTION_VALUE_OFFSET +
            BLOCK_TRAILER_LENGTH;
        if (buf.remaining() < total)
        {
            drain();
        }
        final int p = buf.position();
        final long a = bufAddress + p;
        UnsafeApi.putInt(a + BLOCK_TYPE_OFFSET, EPB_TYPE);
        UnsafeApi.putInt(a + BLOCK_TOTAL_LENGTH_OFFSET, total);
        UnsafeApi.putInt(a + EPB_INTERFACE_ID_OFFSET, interfaceId);
        UnsafeApi.putInt(a + EPB_TIMESTAMP_HIGH_OFFSET, (int)(timestampNs >>> 32));
        UnsafeApi.putInt(a + EPB_TIMESTAMP_LOW_OFFSET, (int)timestampNs);
        UnsafeApi.putInt(a + EPB_CAPTURED_LENGTH_OFFSET, capturedLength);
        UnsafeApi.putInt(a + EPB_ORIGINAL_LENGTH_OFFSET, originalLength);
        UnsafeApi.copyMemory(data, a + EPB_DATA_OFFSET, capturedLength);
        UnsafeApi.setMemory(a + EPB_DATA_OFFSET + capturedLength, padded - capturedLength, (byte)0);
        long o = a + EPB_DATA_OFFSET + padded;
        UnsafeApi.putShort(o, (short)OPT_EPB_FLAGS);
        UnsafeApi.putShort(o + 2, (short)Integer.BYTES);
        UnsafeApi.putInt(o + 4, flags);
        o += 8;
        UnsafeApi.putShort(o, (short)OPT_EPB_QUEUE);
        UnsafeApi.putShort(o + 2, (short)Integer.BYTES);
        UnsafeApi.putInt(o + 4, queue);
        o += 8;
        UnsafeApi.putInt(o, OPT_ENDOFOPT);
        UnsafeApi.putInt(o + 4, total);
        buf.position(p + total);
        return total;
    }

    /**
     * Writes an Interface Statistics Block; a negative count is left out.
     *
     * @param timestampNs when the counts were taken (ns since the epoch); also isb_endtime
     * @param startNs     isb_starttime
     */
    public void writeStats(final int interfaceId, final long timestampNs, final long startNs, final long ifRecv,
        final long ifDrop, final long filterAccept, final long userDelivered) throws IOException
    {
        room(256);
        final int start = begin(ISB_TYPE);
        buf.putInt(interfaceId);
        buf.putInt((int)(timestampNs >>> 32));
        buf.putInt((int)timestampNs);
        timestampOption(OPT_ISB_STARTTIME, startNs);
        timestampOption(OPT_ISB_ENDTIME, timestampNs);
        counter(OPT_ISB_IFRECV, ifRecv);
        counter(OPT_ISB_IFDROP, ifDrop);
        counter(OPT_ISB_FILTERACCEPT, filterAccept);
        counter(OPT_ISB_USRDELIV, userDelivered);
        end(start, true);
    }

    /** Bytes handed to the channel plus those buffered. */
    public long bytesWritten()
    {
        return bytesWritten + buf.position();
    }

    public void flush() throws IOException
    {
        drain();
    }

    @Override
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            drain();
        }
        finally
        {
            channel.close();
        }
    }

    // ------------------------------------------------------------------ block building

    private void room(final int bytes)
    {
        if (buf.remaining() < bytes)
        {
            try
            {
                drain();
            }
            catch (final IOException ex)
            {
                throw new java.io.UncheckedIOException(ex);
            }
        }
    }

    private int begin(final int type)
    {
        final int start = buf.position();
        buf.putInt(type);
        buf.putInt(0);
        return start;
    }

    /** Closes the option list (when {@code options}), then writes the block's total length at both ends. */
    private void end(final int start, final boolean options)
    {
        if (options)
        {
            optionHeader(OPT_ENDOFOPT, 0);
        }
        final int total = buf.position() - start + BLOCK_TRAILER_LENGTH;
        buf.putInt(total);
        buf.putInt(start + BLOCK_TOTAL_LENGTH_OFFSET, total);
    }

    private void optionHeader(final int code, final int length)
    {
        buf.putShort((short)code);
        buf.putShort((short)length);
    }

    private void option(final int code, final String value)
    {
        if (value == null)
        {
            return;
        }
        final byte[] b = value.getBytes(StandardCharsets.UTF_8);
        optionHeader(code, b.length);
        buf.put(b);
        pad();
    }

    private void counter(final int code, final long value)
    {
        if (value >= 0)
        {
            optionHeader(code, Long.BYTES);
            buf.putLong(value);
        }
    }

    /** A u64 timestamp option: upper 32 bits first, as the block header's timestamp. */
    private void timestampOption(final int code, final long ns)
    {
        optionHeader(code, Long.BYTES);
        buf.putInt((int)(ns >>> 32));
        buf.putInt((int)ns);
    }

    private void pad()
    {
        while ((buf.position() & 3) != 0)
        {
            buf.put((byte)0);
        }
    }

    private void drain() throws IOException
    {
        buf.flip();
        try
        {
            while (buf.hasRemaining())
            {
                bytesWritten += channel.write(buf);
            }
        }
        finally
        {
            buf.clear();
        }
    }
}
