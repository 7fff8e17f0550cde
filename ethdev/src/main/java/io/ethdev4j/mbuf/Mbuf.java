package io.ethdev4j.mbuf;

import org.agrona.UnsafeApi;

import static io.ethdev4j.mbuf.MbufDescriptor.*;

/**
 * A flyweight over one off-heap mbuf (see {@link MbufDescriptor} for the layout). Each pool creates exactly one
 * {@code Mbuf} per element when it is created; nothing here allocates.
 * <p>
 * Semantics follow DPDK's rte_mbuf: headroom, data offset/length, packet length over a chain of segments
 * ({@code next}, {@code nb_segs}), refcount-aware free of a whole chain, indirect mbufs by attach/clone.
 * Methods that DPDK gives a NULL/-1 result return -1 (addresses) or false here; none throws on the hot path.
 */
public final class Mbuf
{
    /** Offset of a byte[]'s first element: read once (Unsafe.arrayBaseOffset is a native call, not an intrinsic). */
    private static final long BYTE_ARRAY_BASE = UnsafeApi.arrayBaseOffset(byte[].class);

    private final long addr;
    private final MbufPool pool;
    private final int index;

    Mbuf(final MbufPool pool, final int index, final long addr)
    {
        this.pool = pool;
        this.index = index;
        this.addr = addr;
    }

    /** Virtual address of the mbuf header. */
    public long address()
    {
        return addr;
    }

    /** The pool this mbuf belongs to. */
    public MbufPool pool()
    {
        return pool;
    }

    /** Element index in its pool. */
    public int index()
    {
        return index;
    }

    /** The flyweight for the mbuf header at {@code va}, which must belong to a live pool. */
    public static Mbuf fromAddress(final long va)
    {
        return MbufPool.byId((int)UnsafeApi.getLong(va + POOL_OFFSET)).mbufAt(va);
    }

    // ------------------------------------------------------------------ fields

    public long bufAddr()
    {
        return UnsafeApi.getLong(addr + BUF_ADDR_OFFSET);
    }

    public long bufIova()
    {
        return UnsafeApi.getLong(addr + BUF_IOVA_OFFSET);
    }

    public int bufLen()
    {
        return UnsafeApi.getShort(addr + BUF_LEN_OFFSET) & 0xFFFF;
    }

    public int dataOff()
    {
        return UnsafeApi.getShort(addr + DATA_OFF_OFFSET) & 0xFFFF;
    }

    public void dataOff(final int off)
    {
        UnsafeApi.putShort(addr + DATA_OFF_OFFSET, (short)off);
    }

    public int refcnt()
    {
        // rte_mbuf_refcnt_read: a relaxed load (an x86 mov, no fence); the atomic update below orders what matters
        return UnsafeApi.getShortOpaque(null, addr + REFCNT_OFFSET) & 0xFFFF;
    }

    public void refcnt(final int value)
    {
        // rte_mbuf_refcnt_set: a relaxed store
        UnsafeApi.putShortOpaque(null, addr + REFCNT_OFFSET, (short)value);
    }

    /** rte_mbuf_refcnt_update: adds {@code delta} and returns the new value (atomic unless it is 1, as DPDK). */
    public int refcntUpdate(final int delta)
    {
        if (refcnt() == 1 && delta == -1)
        {
            refcnt(0);
            return 0;
        }
        return (UnsafeApi.getAndAddShort(null, addr + REFCNT_OFFSET, (short)delta) + delta) & 0xFFFF;
    }

    public int nbSegs()
    {
        return UnsafeApi.getShort(addr + NB_SEGS_OFFSET) & 0xFFFF;
    }

    public void nbSegs(final int n)
    {
        UnsafeApi.putShort(addr + NB_SEGS_OFFSET, (short)n);
    }

    public int port()
    {
        return UnsafeApi.getShort(addr + PORT_OFFSET) & 0xFFFF;
    }

    public void port(final int port)
    {
        UnsafeApi.putShort(addr + PORT_OFFSET, (short)port);
    }

    public long olFlags()
    {
        return UnsafeApi.getLong(addr + OL_FLAGS_OFFSET);
    }

    public void olFlags(final long flags)
    {
        UnsafeApi.putLong(addr + OL_FLAGS_OFFSET, flags);
    }

    public int packetType()
    {
        return UnsafeApi.getInt(addr + PACKET_TYPE_OFFSET);
    }

    public void packetType(final int type)
    {
        UnsafeApi.putInt(addr + PACKET_TYPE_OFFSET, type);
    }

    /** Total length of the packet over all segments. */
    public int pktLen()
    {
        return UnsafeApi.getInt(addr + PKT_LEN_OFFSET);
    }

    public void pktLen(final int len)
    {
        UnsafeApi.putInt(addr + PKT_LEN_OFFSET, len);
    }

    /** Length of this segment's data. */
    public int dataLen()
    {
        return UnsafeApi.getShort(addr + DATA_LEN_OFFSET) & 0xFFFF;
    }

    public void dataLen(final int len)
    {
        UnsafeApi.putShort(addr + DATA_LEN_OFFSET, (short)len);
    }

    /** Sets data_len and pkt_len together, for a single-segment packet. */
    public void setLength(final int len)
    {
        UnsafeApi.putShort(addr + DATA_LEN_OFFSET, (short)len);
        UnsafeApi.putInt(addr + PKT_LEN_OFFSET, len);
    }

    public int vlanTci()
    {
        return UnsafeApi.getShort(addr + VLAN_TCI_OFFSET) & 0xFFFF;
    }

    public void vlanTci(final int tci)
    {
        UnsafeApi.putShort(addr + VLAN_TCI_OFFSET, (short)tci);
    }

    public int vlanTciOuter()
    {
        return UnsafeApi.getShort(addr + VLAN_TCI_OUTER_OFFSET) & 0xFFFF;
    }

    public int rssHash()
    {
        return UnsafeApi.getInt(addr + HASH_OFFSET);
    }

    public void rssHash(final int hash)
    {
        UnsafeApi.putInt(addr + HASH_OFFSET, hash);
    }

    public long txOffload()
    {
        return UnsafeApi.getLong(addr + TX_OFFLOAD_OFFSET);
    }

    public void txOffload(final long value)
    {
        UnsafeApi.putLong(addr + TX_OFFLOAD_OFFSET, value);
    }

    /** Next segment, or null. */
    public Mbuf next()
    {
        final long n = UnsafeApi.getLong(addr + NEXT_OFFSET);
        return n == 0 ? null : fromAddress(n);
    }

    public long nextAddress()
    {
        return UnsafeApi.getLong(addr + NEXT_OFFSET);
    }

    public void next(final Mbuf m)
    {
        UnsafeApi.putLong(addr + NEXT_OFFSET, m == null ? 0 : m.addr);
    }

    public boolean isIndirect()
    {
        return (olFlags() & OffloadFlags.INDIRECT) != 0;
    }

    public boolean isDirect()
    {
        return (olFlags() & (OffloadFlags.INDIRECT | OffloadFlags.EXTERNAL)) == 0;
    }

    public boolean isContiguous()
    {
        return nbSegs() == 1;
    }

    /** Address of the first data byte of this segment. */
    public long dataAddress()
    {
        return bufAddr() + dataOff();
    }

    /** IOVA of the first data byte of this segment. */
    public long dataIova()
    {
        return bufIova() + dataOff();
    }

    /** Private area address (priv_size bytes after the header). */
    public long privAddress()
    {
        return addr + HEADER_LENGTH;
    }

    public int headroom()
    {
        return dataOff();
    }

    /** Free space after this segment's data. */
    public int tailroom()
    {
        return bufLen() - dataOff() - dataLen();
    }

    public Mbuf lastSegment()
    {
        Mbuf m = this;
        long n;
        while ((n = m.nextAddress()) != 0)
        {
            m = fromAddress(n);
        }
        return m;
    }

    // ------------------------------------------------------------------ data operations

    /** rte_pktmbuf_reset: the state of a freshly allocated mbuf. */
    public void reset()
    {
        UnsafeApi.putLong(addr + NEXT_OFFSET, 0);
        UnsafeApi.putLong(addr + OL_FLAGS_OFFSET, olFlags() & OffloadFlags.EXTERNAL);
        UnsafeApi.putLong(addr + PACKET_TYPE_OFFSET, 0);
        UnsafeApi.putLong(addr + DATA_LEN_OFFSET, 0);
        UnsafeApi.putLong(addr + TX_OFFLOAD_OFFSET, 0);
        UnsafeApi.putShort(addr + VLAN_TCI_OUTER_OFFSET, (short)0);
        UnsafeApi.putShort(addr + NB_SEGS_OFFSET, (short)1);
        UnsafeApi.putShort(addr + PORT_OFFSET, (short)PORT_INVALID);
        UnsafeApi.putShort(addr + DATA_OFF_OFFSET, (short)Math.min(HEADROOM, bufLen()));
    }

    /** rte_pktmbuf_prepend: grows the first segment by {@code len} at the front; the new data address or -1. */
    public long prepend(final int len)
    {
        final int off = dataOff();
        if (len < 0 || len > off)
        {
            return -1;
        }
        dataOff(off - len);
        dataLen(dataLen() + len);
        pktLen(pktLen() + len);
        return bufAddr() + off - len;
    }

    /** rte_pktmbuf_append: grows the last segment by {@code len}; the address of the added bytes or -1. */
    public long append(final int len)
    {
        final Mbuf last = lastSegment();
        if (len < 0 || len > last.tailroom())
        {
            return -1;
        }
        final long tail = last.dataAddress() + last.dataLen();
        last.dataLen(last.dataLen() + len);
        pktLen(pktLen() + len);
        return tail;
    }

    /** rte_pktmbuf_adj: removes {@code len} bytes from the front of the first segment; new data address or -1. */
    public long adj(final int len)
    {
        final int dl = dataLen();
        if (len < 0 || len > dl)
        {
            return -1;
        }
        dataLen(dl - len);
        dataOff(dataOff() + len);
        pktLen(pktLen() - len);
        return dataAddress();
    }

    /** rte_pktmbuf_trim: removes {@code len} bytes from the end of the last segment; false if it has fewer. */
    public boolean trim(final int len)
    {
        final Mbuf last = lastSegment();
        if (len < 0 || len > last.dataLen())
        {
            return false;
        }
        last.dataLen(last.dataLen() - len);
        pktLen(pktLen() - len);
        return true;
    }

    /**
     * rte_pktmbuf_chain: appends {@code tail} (a packet of its own) to this packet.
     *
     * @return false (-EOVERFLOW in C) if the segment count would exceed {@link MbufDescriptor#MAX_NB_SEGS}
     */
    public boolean chain(final Mbuf tail)
    {
        if (nbSegs() + tail.nbSegs() > MAX_NB_SEGS)
        {
            return false;
        }
        lastSegment().next(tail);
        nbSegs(nbSegs() + tail.nbSegs());
        pktLen(pktLen() + tail.pktLen());
        tail.pktLen(tail.dataLen());
        return true;
    }

    /**
     * rte_pktmbuf_prefree_seg: drops one reference of this segment; returns true when the segment must go back
     * to its pool (it has been detached, unlinked and its refcnt reset to 1).
     */
    boolean prefreeSeg()
    {
        if (refcnt() == 1)
        {
            if (!isDirect())
            {
                detach();
            }
            if (nextAddress() != 0)
            {
                UnsafeApi.putLong(addr + NEXT_OFFSET, 0);
                nbSegs(1);
            }
            return true;
        }
        if (refcntUpdate(-1) == 0)
        {
            if (!isDirect())
            {
                detach();
            }
            if (nextAddress() != 0)
            {
                UnsafeApi.putLong(addr + NEXT_OFFSET, 0);
                nbSegs(1);
            }
            refcnt(1);
            return true;
        }
        return false;
    }

    /** rte_pktmbuf_free: frees every segment of the chain, honouring refcounts. */
    public void free()
    {
        Mbuf m = this;
        while (m != null)
        {
            final long n = m.nextAddress();
            if (m.prefreeSeg())
            {
                m.pool.put(m);
            }
            m = n == 0 ? null : fromAddress(n);
        }
    }

    /** rte_pktmbuf_free_seg: frees this segment only. */
    public void freeSeg()
    {
        if (prefreeSeg())
        {
            pool.put(this);
        }
    }

    /**
     * rte_pktmbuf_free_bulk: frees {@code n} packets; runs of simple mbufs (one segment, refcnt 1, direct) of the
     * same pool go back in one bulk put.
     */
    public static void freeBulk(final Mbuf[] pkts, final int offset, final int n)
    {
        int runStart = offset;
        MbufPool runPool = null;
        final int end = offset + n;
        for (int i = offset; i < end; i++)
        {
            final Mbuf m = pkts[i];
            final boolean simple = m.nextAddress() == 0 && m.refcnt() == 1 && m.isDirect();
            if (simple && m.pool == runPool)
            {
                continue;
            }
            if (runPool != null && i > runStart)
            {
                runPool.putBulk(pkts, runStart, i - runStart);
            }
            if (simple)
            {
                runPool = m.pool;
                runStart = i;
            }
            else
            {
                runPool = null;
                m.free();
                runStart = i + 1;
            }
        }
        if (runPool != null && end > runStart)
        {
            runPool.putBulk(pkts, runStart, end - runStart);
        }
    }

    /** For an indirect mbuf: the direct mbuf whose buffer it uses (kept in the unused shinfo slot). */
    public Mbuf directMbuf()
    {
        return isIndirect() ? fromAddress(UnsafeApi.getLong(addr + SHINFO_OFFSET)) : this;
    }

    /**
     * rte_pktmbuf_attach: makes this (direct, refcnt 1, unchained) mbuf an indirect mbuf sharing {@code m}'s
     * buffer and metadata of its first segment.
     */
    public void attach(final Mbuf m)
    {
        final Mbuf md = m.directMbuf();
        md.refcntUpdate(1);
        UnsafeApi.putLong(addr + BUF_ADDR_OFFSET, m.bufAddr());
        UnsafeApi.putLong(addr + BUF_IOVA_OFFSET, m.bufIova());
        UnsafeApi.putShort(addr + BUF_LEN_OFFSET, (short)m.bufLen());
        UnsafeApi.putLong(addr + SHINFO_OFFSET, md.addr);
        UnsafeApi.putLong(addr + NEXT_OFFSET, 0);
        dataOff(m.dataOff());
        dataLen(m.dataLen());
        port(m.port());
        vlanTci(m.vlanTci());
        UnsafeApi.putShort(addr + VLAN_TCI_OUTER_OFFSET, (short)m.vlanTciOuter());
        txOffload(m.txOffload());
        UnsafeApi.putLong(addr + HASH_OFFSET, UnsafeApi.getLong(m.addr + HASH_OFFSET));
        olFlags(m.olFlags() | OffloadFlags.INDIRECT);
        packetType(m.packetType());
        pktLen(dataLen());
        nbSegs(1);
    }

    /** rte_pktmbuf_detach: gives an indirect mbuf its own buffer back and drops its reference on the direct one. */
    public void detach()
    {
        if (!isIndirect())
        {
            return;
        }
        final Mbuf md = fromAddress(UnsafeApi.getLong(addr + SHINFO_OFFSET));
        pool.initBuffer(this);
        UnsafeApi.putLong(addr + SHINFO_OFFSET, 0);
        dataLen(0);
        olFlags(0);
        if (md.refcntUpdate(-1) == 0)
        {
            UnsafeApi.putLong(md.addr + NEXT_OFFSET, 0);
            md.nbSegs(1);
            md.refcnt(1);
            md.pool.put(md);
        }
    }

    /**
     * rte_pktmbuf_clone: a new packet from {@code clonePool} whose segments are indirect mbufs attached to this
     * packet's segments; null if the pool cannot supply them (nothing is leaked then).
     */
    public Mbuf cloneTo(final MbufPool clonePool)
    {
        final Mbuf mc = clonePool.alloc();
        if (mc == null)
        {
            return null;
        }
        Mbuf mi = mc;
        Mbuf md = this;
        int nseg = 0;
        while (true)
        {
            mi.attach(md);
            nseg++;
            final Mbuf nextMd = md.next();
            if (nextMd == null)
            {
                break;
            }
            final Mbuf nmi = clonePool.alloc();
            if (nmi == null)
            {
                mc.nbSegs(nseg);
                mc.free();
                return null;
            }
            mi.next(nmi);
            mi = nmi;
            md = nextMd;
        }
        mc.nbSegs(nseg);
        mc.pktLen(pktLen());
        return mc;
    }

    // ------------------------------------------------------------------ byte access (first segment)

    public byte getByte(final int offset)
    {
        return UnsafeApi.getByte(dataAddress() + offset);
    }

    public void putByte(final int offset, final byte value)
    {
        UnsafeApi.putByte(dataAddress() + offset, value);
    }

    /** Network-order 16-bit read at {@code offset} into the data. */
    public int getShortBE(final int offset)
    {
        return Short.reverseBytes(UnsafeApi.getShort(dataAddress() + offset)) & 0xFFFF;
    }

    public void putShortBE(final int offset, final int value)
    {
        UnsafeApi.putShort(dataAddress() + offset, Short.reverseBytes((short)value));
    }

    public int getIntBE(final int offset)
    {
        return Integer.reverseBytes(UnsafeApi.getInt(dataAddress() + offset));
    }

    public void putIntBE(final int offset, final int value)
    {
        UnsafeApi.putInt(dataAddress() + offset, Integer.reverseBytes(value));
    }

    /** Copies {@code len} bytes of {@code src} into this segment's data at {@code offset}. */
    public void copyFrom(final byte[] src, final int srcOffset, final int offset, final int len)
    {
        UnsafeApi.copyMemory(src, BYTE_ARRAY_BASE + srcOffset, null, dataAddress() + offset, len);
    }

    /** Copies {@code len} bytes of this segment's data at {@code offset} into {@code dst}. */
    public void copyTo(final int offset, final byte[] dst, final int dstOffset, final int len)
    {
        UnsafeApi.copyMemory(null, dataAddress() + offset, dst, BYTE_ARRAY_BASE + dstOffset, len);
    }

    /**
     * Copies the whole packet (all segments) into {@code dst}; returns the bytes copied (at most dst.length - dstOffset).
     */
    public int readPacket(final byte[] dst, final int dstOffset)
    {
        int done = 0;
        final int room = dst.length - dstOffset;
        Mbuf m = this;
        while (m != null && done < room)
        {
            final int n = Math.min(m.dataLen(), room - done);
            m.copyTo(0, dst, dstOffset + done, n);
            done += n;
            m = m.next();
        }
        return done;
    }

    @Override
    public String toString()
    {
        return "Mbuf[pool=" + pool.name() + ", idx=" + index + ", pkt_len=" + pktLen() + ", data_len=" + dataLen() +
            ", nb_segs=" + nbSegs() + ", refcnt=" + refcnt() + ", port=" + port() + "]";
    }
}
