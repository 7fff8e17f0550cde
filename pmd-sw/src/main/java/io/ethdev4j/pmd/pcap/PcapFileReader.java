package io.ethdev4j.pmd.pcap;

import org.agrona.BufferUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static io.ethdev4j.pmd.pcap.PcapFileDescriptor.*;
import static io.ethdev4j.pmd.pcap.PcapngBlockDescriptor.*;

/**
 * Walks a pcap or pcapng file one packet at a time, validating every header on the way (see
 * {@link PcapFileDescriptor} and {@link PcapngBlockDescriptor} for the layouts). Both byte orders; pcap with µs
 * or ns timestamps; pcapng with any number of sections and interfaces, Enhanced, Simple and (obsolete) Packet
 * Blocks, other blocks skipped. Only Ethernet link types are accepted.
 * <p>
 * The file is memory-mapped, never copied into the heap, and the reader keeps no per-packet state: {@link #read}
 * walks it once to validate it and count its packets, then each rx queue walks it with its own reader
 * ({@link #next}), so memory stays bounded whatever the file's size. {@link #next} allocates nothing unless the
 * file is bad (it was validated at probe).
 */
final class PcapFileReader
{
    /** Largest file replayed: one mapping. */
    static final long MAX_FILE_LENGTH = Integer.MAX_VALUE;
    /** Interfaces of one pcapng section held without growing (more grow the tables, on the control path at probe). */
    private static final int INITIAL_IFACES = 8;

    private final ByteBuffer buf;
    private final int limit;
    /** Packets returned so far (the messages' "packet N" is count + 1). */
    private int count;
    private boolean pcapng;
    private boolean nanos;
    private ByteOrder pcapOrder;
    private ByteOrder sectionOrder;
    private boolean mixed;
    private int off;
    private boolean found;

    // the packet {@link #next} stopped at
    private int dataOffset;
    private int capLength;
    private int origLength;
    private long timestampNs;

    PcapFileReader(final ByteBuffer buf) throws PcapFormatException
    {
        this(buf, INITIAL_IFACES);
    }

    /** A reader whose interface tables hold {@code ifaces} interfaces (the most a validated file's sections have). */
    PcapFileReader(final ByteBuffer buf, final int ifaces) throws PcapFormatException
    {
        this.buf = buf.duplicate();
        this.limit = buf.limit();
        final int n = Math.max(ifaces, 1);
        ifaceSnaplen = new int[n];
        ifaceResol = new int[n];
        ifaceOffsetSec = new long[n];
        rewind();
    }

    /** The most interfaces one section described so far. */
    int maxIfaces()
    {
        return maxIfaces;
    }

    /**
     * Maps and validates {@code file}: every header, every packet counted, nothing kept per packet.
     *
     * @throws IOException          the file cannot be read (missing, not readable, too large to map...)
     * @throws PcapFormatException  the content is not a pcap/pcapng file of Ethernet frames, or is truncated
     */
    static PcapImage read(final Path file) throws IOException, PcapFormatException
    {
        final ByteBuffer buf;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long size = ch.size();
            if (size > MAX_FILE_LENGTH)
            {
                throw new PcapFormatException(0, "file is " + size + " bytes; at most " + MAX_FILE_LENGTH +
                    " can be replayed (one mapping); split it, e.g. editcap -c");
            }
            buf = size == 0 ? ByteBuffer.allocateDirect(0) : ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        try
        {
            final PcapFileReader r = new PcapFileReader(buf);
            long totalBytes = 0;
            while (r.next())
            {
                totalBytes += r.capLength;
            }
            return new PcapImage(r.format(), buf, r.count, totalBytes, r.maxIfaces());
        }
        catch (final PcapFormatException | RuntimeException ex)
        {
            BufferUtil.free(buf);
            throw ex;
        }
    }

    /** Back to the first packet. */
    void rewind() throws PcapFormatException
    {
        count = 0;
        mixed = false;
        sectionOrder = null;
        nbIfaces = 0;
        open();
    }

    /** Packets returned since {@link #rewind}. */
    int position()
    {
        return count;
    }

    int dataOffset()
    {
        return dataOffset;
    }

    int capLength()
    {
        return capLength;
    }

    int origLength()
    {
        return origLength;
    }

    long timestampNs()
    {
        return timestampNs;
    }

    /**
     * Moves to the next packet; false at the end of the file. The packet is then {@link #dataOffset},
     * {@link #capLength}, {@link #origLength}, {@link #timestampNs}.
     */
    boolean next() throws PcapFormatException
    {
        return pcapng ? nextPcapng() : nextPcap();
    }

    /** E.g. "pcap, little-endian, ns timestamps" or "pcapng, big-endian" (after a full walk for pcapng). */
    String format()
    {
        return pcapng ? "pcapng, " + (mixed ? "mixed byte orders" : name(sectionOrder)) :
            "pcap, " + name(pcapOrder) + ", " + (nanos ? "ns" : "µs") + " timestamps";
    }

    private void open() throws PcapFormatException
    {
        if (limit < 4)
        {
            throw new PcapFormatException(0, "truncated file header: " + limit + " of " + FILE_HEADER_LENGTH +
                " bytes (not a pcap file)");
        }
        buf.order(ByteOrder.LITTLE_ENDIAN);
        final int magicLe = buf.getInt(MAGIC_OFFSET);
        if (magicLe == SHB_TYPE)
        {
            pcapng = true;
            off = 0;
            return;
        }
        final int magicBe = Integer.reverseBytes(magicLe);
        if (magicLe == MAGIC_USEC || magicLe == MAGIC_NSEC)
        {
            openPcap(ByteOrder.LITTLE_ENDIAN, magicLe == MAGIC_NSEC);
            return;
        }
        if (magicBe == MAGIC_USEC || magicBe == MAGIC_NSEC)
        {
            openPcap(ByteOrder.BIG_ENDIAN, magicBe == MAGIC_NSEC);
            return;
        }
        throw new PcapFormatException(MAGIC_OFFSET, String.format(
            "bad magic number: the file starts %08x, not a pcap file (a1b2c3d4 or a1b23c4d, in either byte order) " +
            "nor a pcapng file (0a0d0d0a)", magicBe));
    }

    // ------------------------------------------------------------------ classic pcap

    private void openPcap(final ByteOrder order, final boolean nanos) throws PcapFormatException
    {
        this.pcapOrder = order;
        this.nanos = nanos;
        buf.order(order);
        if (limit < FILE_HEADER_LENGTH)
        {
            throw new PcapFormatException(0, "truncated file header: " + limit + " of " + FILE_HEADER_LENGTH + " bytes");
        }
        final int major = u16(VERSION_MAJOR_OFFSET);
        final int minor = u16(VERSION_MINOR_OFFSET);
        if (major != VERSION_MAJOR)
        {
            throw new PcapFormatException(VERSION_MAJOR_OFFSET, "pcap version " + major + "." + minor +
                " not supported (need " + VERSION_MAJOR + ".x)");
        }
        final int linktype = buf.getInt(LINKTYPE_OFFSET) & LINKTYPE_MASK;
        checkLinktype(LINKTYPE_OFFSET, linktype);
        off = FILE_HEADER_LENGTH;
    }

    private boolean nextPcap() throws PcapFormatException
    {
        final long nsPerFrac = nanos ? 1 : 1000;
        if (off < limit)
        {
            final int left = limit - off;
            if (left < RECORD_HEADER_LENGTH)
            {
                throw new PcapFormatException(off, "truncated record header of packet " + (count + 1) + ": " + left +
                    " of " + RECORD_HEADER_LENGTH + " bytes");
            }
            final long sec = u32(off + TS_SEC_OFFSET);
            final long frac = u32(off + TS_FRAC_OFFSET);
            final long incl = u32(off + INCL_LEN_OFFSET);
            final long orig = u32(off + ORIG_LEN_OFFSET);
            if (incl > MAX_SNAPLEN)
            {
                throw new PcapFormatException(off + INCL_LEN_OFFSET, "packet " + (count + 1) + ": incl_len " + incl +
                    " larger than the maximum " + MAX_SNAPLEN + " (corrupt file)");
            }
            if (incl > left - RECORD_HEADER_LENGTH)
            {
                throw new PcapFormatException(off + RECORD_HEADER_LENGTH, "truncated data of packet " + (count + 1) +
                    ": incl_len " + incl + " but " + (left - RECORD_HEADER_LENGTH) + " bytes left");
            }
            add(off + RECORD_HEADER_LENGTH, (int)incl, (int)Math.min(orig, Integer.MAX_VALUE),
                sec * 1_000_000_000L + frac * nsPerFrac);
            off += RECORD_HEADER_LENGTH + (int)incl;
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ pcapng

    /** Per-interface state of the current section. */
    private int nbIfaces;
    private int maxIfaces;
    private int[] ifaceSnaplen;
    private int[] ifaceResol;
    private long[] ifaceOffsetSec;

    private boolean nextPcapng() throws PcapFormatException
    {
        found = false;
        while (!found && off < limit)
        {
            final int left = limit - off;
            if (left < BLOCK_MIN_LENGTH)
            {
                throw new PcapFormatException(off, "truncated block header: " + left + " of " + BLOCK_MIN_LENGTH +
                    " bytes");
            }
            buf.order(ByteOrder.LITTLE_ENDIAN);
            final int type = buf.getInt(off + BLOCK_TYPE_OFFSET);
            if (type == SHB_TYPE)
            {
                final ByteOrder o = sectionOrder(off);
                mixed |= sectionOrder != null && o != sectionOrder;
                sectionOrder = o;
                nbIfaces = 0;
            }
            else if (sectionOrder == null)
            {
                throw new PcapFormatException(off, String.format("first block has type %08x; a pcapng file " +
                    "starts with a Section Header Block (%08x)", type, SHB_TYPE));
            }
            buf.order(sectionOrder);
            final int blockType = buf.getInt(off + BLOCK_TYPE_OFFSET);
            final long total = u32(off + BLOCK_TOTAL_LENGTH_OFFSET);
            if (total < BLOCK_MIN_LENGTH || (total & 3) != 0)
            {
                throw new PcapFormatException(off + BLOCK_TOTAL_LENGTH_OFFSET, String.format("block type %08x: " +
                    "block_total_length %d is not a multiple of 4 of at least %d", blockType, total, BLOCK_MIN_LENGTH));
            }
            if (total > left)
            {
                throw new PcapFormatException(off, String.format("truncated block type %08x: block_total_length %d " +
                    "but %d bytes left", blockType, total, left));
            }
            final int len = (int)total;
            final long trailer = u32(off + len - BLOCK_TRAILER_LENGTH);
            if (trailer != total)
            {
                throw new PcapFormatException(off + len - BLOCK_TRAILER_LENGTH, String.format("block type %08x: " +
                    "trailing block_total_length %d differs from %d at its start", blockType, trailer, total));
            }
            switch (blockType)
            {
                case SHB_TYPE:
                    checkMin(off, len, SHB_MIN_LENGTH, "Section Header Block");
                    final int major = u16(off + SHB_MAJOR_VERSION_OFFSET);
                    if (major != SHB_MAJOR_VERSION)
                    {
                        throw new PcapFormatException(off + SHB_MAJOR_VERSION_OFFSET, "pcapng version " + major + "." +
                            u16(off + SHB_MINOR_VERSION_OFFSET) + " not supported (need " + SHB_MAJOR_VERSION + ".x)");
                    }
                    break;
                case IDB_TYPE:
                    interfaceBlock(off, len);
                    break;
                case EPB_TYPE:
                case PB_TYPE:
                    enhancedPacketBlock(off, len, blockType == PB_TYPE);
                    break;
                case SPB_TYPE:
                    simplePacketBlock(off, len);
                    break;
                default:
                    break;  // name resolution, statistics, secrets, custom...: not ours
            }
            off += len;
        }
        return found;
    }

    private ByteOrder sectionOrder(final int off) throws PcapFormatException
    {
        if (limit - off < SHB_BYTE_ORDER_MAGIC_OFFSET + 4)
        {
            throw new PcapFormatException(off, "truncated Section Header Block: " + (limit - off) + " bytes left");
        }
        buf.order(ByteOrder.LITTLE_ENDIAN);
        final int bom = buf.getInt(off + SHB_BYTE_ORDER_MAGIC_OFFSET);
        if (bom == BYTE_ORDER_MAGIC)
        {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (Integer.reverseBytes(bom) == BYTE_ORDER_MAGIC)
        {
            return ByteOrder.BIG_ENDIAN;
        }
        throw new PcapFormatException(off + SHB_BYTE_ORDER_MAGIC_OFFSET, String.format(
            "bad byte-order magic %08x in Section Header Block (expected 1a2b3c4d)", Integer.reverseBytes(bom)));
    }

    private void interfaceBlock(final int off, final int len) throws PcapFormatException
    {
        checkMin(off, len, IDB_MIN_LENGTH, "Interface Description Block");
        final int linktype = u16(off + IDB_LINKTYPE_OFFSET);
        if (linktype != LINKTYPE_ETHERNET)
        {
            throw new PcapFormatException(off + IDB_LINKTYPE_OFFSET, "interface " + nbIfaces + ": linktype " +
                linktype + " (" + linktypeName(linktype) + ") not supported: net_pcap replays Ethernet (" +
                LINKTYPE_ETHERNET + ") only");
        }
        final long snap = u32(off + IDB_SNAPLEN_OFFSET);
        int resol = DEFAULT_TSRESOL;
        long offsetSec = 0;
        final int end = off + len - BLOCK_TRAILER_LENGTH;
        int o = off + IDB_OPTIONS_OFFSET;
        while (o + OPTION_VALUE_OFFSET <= end)
        {
            final int code = u16(o + OPTION_CODE_OFFSET);
            final int olen = u16(o + OPTION_LENGTH_OFFSET);
            if (code == OPT_ENDOFOPT)
            {
                break;
            }
            if (o + OPTION_VALUE_OFFSET + olen > end)
            {
                throw new PcapFormatException(o, "interface " + nbIfaces + ": option " + code + " of " + olen +
                    " bytes runs past the end of its block");
            }
            if (code == OPT_IF_TSRESOL && olen >= 1)
            {
                resol = buf.get(o + OPTION_VALUE_OFFSET) & 0xFF;
                final int exp = resol & 0x7F;
                if ((resol & 0x80) == 0 ? exp > 18 : exp > 62)
                {
                    throw new PcapFormatException(o + OPTION_VALUE_OFFSET, "interface " + nbIfaces + ": if_tsresol " +
                        resol + " not supported");
                }
            }
            else if (code == OPT_IF_TSOFFSET && olen >= 8)
            {
                offsetSec = buf.getLong(o + OPTION_VALUE_OFFSET);
            }
            o += OPTION_VALUE_OFFSET + align4(olen);
        }
        if (nbIfaces == ifaceResol.length)
        {
            ifaceSnaplen = Arrays.copyOf(ifaceSnaplen, nbIfaces * 2);
            ifaceResol = Arrays.copyOf(ifaceResol, nbIfaces * 2);
            ifaceOffsetSec = Arrays.copyOf(ifaceOffsetSec, nbIfaces * 2);
        }
        ifaceSnaplen[nbIfaces] = snap == 0 || snap > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int)snap;
        ifaceResol[nbIfaces] = resol;
        ifaceOffsetSec[nbIfaces] = offsetSec;
        nbIfaces++;
        maxIfaces = Math.max(maxIfaces, nbIfaces);
    }

    private void enhancedPacketBlock(final int off, final int len, final boolean obsolete) throws PcapFormatException
    {
        final String what = obsolete ? "Packet Block" : "Enhanced Packet Block";
        checkMin(off, len, EPB_MIN_LENGTH, what);
        final long iface = obsolete ? u16(off + PB_INTERFACE_ID_OFFSET) : u32(off + EPB_INTERFACE_ID_OFFSET);
        if (iface >= nbIfaces)
        {
            throw new PcapFormatException(off + EPB_INTERFACE_ID_OFFSET, what + " of packet " + (count + 1) +
                ": interface_id " + iface + " but the section describes " + nbIfaces + " interface(s)");
        }
        final long ts = (u32(off + EPB_TIMESTAMP_HIGH_OFFSET) << 32) | u32(off + EPB_TIMESTAMP_LOW_OFFSET);
        final long cap = u32(off + EPB_CAPTURED_LENGTH_OFFSET);
        final long orig = u32(off + EPB_ORIGINAL_LENGTH_OFFSET);
        final long room = len - EPB_DATA_OFFSET - BLOCK_TRAILER_LENGTH;
        if (cap > MAX_SNAPLEN)
        {
            throw new PcapFormatException(off + EPB_CAPTURED_LENGTH_OFFSET, what + " of packet " + (count + 1) +
                ": captured_packet_length " + cap + " larger than the maximum " + MAX_SNAPLEN + " (corrupt file)");
        }
        if (align4((int)cap) > room)
        {
            throw new PcapFormatException(off + EPB_CAPTURED_LENGTH_OFFSET, what + " of packet " + (count + 1) +
                ": captured_packet_length " + cap + " does not fit in its block_total_length " + len);
        }
        final int i = (int)iface;
        add(off + EPB_DATA_OFFSET, (int)cap, (int)Math.min(orig, Integer.MAX_VALUE),
            toNanos(ts, ifaceResol[i]) + ifaceOffsetSec[i] * 1_000_000_000L);
    }

    private void simplePacketBlock(final int off, final int len) throws PcapFormatException
    {
        checkMin(off, len, SPB_MIN_LENGTH, "Simple Packet Block");
        if (nbIfaces == 0)
        {
            throw new PcapFormatException(off, "Simple Packet Block of packet " + (count + 1) +
                " but the section describes no interface");
        }
        final long orig = u32(off + SPB_ORIGINAL_LENGTH_OFFSET);
        final long cap = Math.min(Math.min(orig, ifaceSnaplen[0]), len - SPB_MIN_LENGTH);
        if (cap > MAX_SNAPLEN)
        {
            throw new PcapFormatException(off + SPB_ORIGINAL_LENGTH_OFFSET, "Simple Packet Block of packet " +
                (count + 1) + ": captured length " + cap + " larger than the maximum " + MAX_SNAPLEN);
        }
        add(off + SPB_DATA_OFFSET, (int)cap, (int)Math.min(orig, Integer.MAX_VALUE), 0);
    }

    /** A timestamp in units of 10^-n (bit 7 clear) or 2^-n (bit 7 set) seconds, to nanoseconds. */
    static long toNanos(final long ts, final int tsresol)
    {
        final int exp = tsresol & 0x7F;
        if ((tsresol & 0x80) == 0)
        {
            if (exp <= 9)
            {
                long mul = 1;
                for (int k = exp; k < 9; k++)
                {
                    mul *= 10;
                }
                return ts * mul;
            }
            long div = 1;
            for (int k = 9; k < exp; k++)
            {
                div *= 10;
            }
            return Long.divideUnsigned(ts, div);
        }
        final long sec = ts >>> exp;
        final long frac = exp == 0 ? 0 : ts & ((1L << exp) - 1);
        // frac / 2^exp seconds in ns without overflow: frac < 2^exp, and frac * 10^9 fits in 63 bits for exp <= 33
        final long fracNs = exp <= 33 ? (frac * 1_000_000_000L) >>> exp : ((frac >>> (exp - 33)) * 1_000_000_000L) >>> 33;
        return sec * 1_000_000_000L + fracNs;
    }

    // ------------------------------------------------------------------ helpers

    private void checkLinktype(final int offset, final int linktype) throws PcapFormatException
    {
        if (linktype != LINKTYPE_ETHERNET)
        {
            throw new PcapFormatException(offset, "linktype " + linktype + " (" + linktypeName(linktype) +
                ") not supported: net_pcap replays Ethernet (" + LINKTYPE_ETHERNET + ") only");
        }
    }

    private static void checkMin(final int off, final int len, final int min, final String what)
        throws PcapFormatException
    {
        if (len < min)
        {
            throw new PcapFormatException(off + BLOCK_TOTAL_LENGTH_OFFSET, what + ": block_total_length " + len +
                " is less than its minimum " + min);
        }
    }

    private void add(final int dataOffset, final int capLength, final int origLength, final long tsNs)
    {
        this.dataOffset = dataOffset;
        this.capLength = capLength;
        this.origLength = origLength;
        this.timestampNs = tsNs;
        this.found = true;
        count++;
    }

    private long u32(final int offset)
    {
        return buf.getInt(offset) & 0xFFFF_FFFFL;
    }

    private int u16(final int offset)
    {
        return buf.getShort(offset) & 0xFFFF;
    }

    private static String name(final ByteOrder order)
    {
        return order == null ? "no section" : order == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
    }
}
