package io.ethdev4j.kni.kernel.datapath;

import io.ethdev4j.kni.abi.MempoolRange;
import org.agrona.UnsafeApi;

import static io.ethdev4j.kni.abi.KniMbufDescriptor.BUF_ADDR_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.BUF_LEN_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.DATA_LEN_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.DATA_OFF_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.NB_SEGS_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.NEXT_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.PKT_LEN_OFFSET;

/**
 * Checks every mbuf address read from a FIFO before anything behind it is used — the safety rte_kni.ko never had
 * (it followed whatever userspace put on a FIFO).
 * <p>
 * A segment is accepted when its header address lies inside a registered {@link MempoolRange} on an element
 * boundary, {@code buf_addr == header + bufferOffset}, {@code buf_len <= elementSize - bufferOffset} and
 * {@code data_off + data_len <= buf_len}. A chain is accepted when {@code 1 <= nb_segs <= MAX_SEGS}, exactly
 * {@code nb_segs} segments are linked by {@code next} (each one checked, the last one's {@code next == 0}, so a loop
 * can never be followed further than {@code nb_segs}) and the data lengths add up to {@code pkt_len}.
 * <p>
 * One instance per KNI thread: it keeps a gather list for the accepted chain. Allocates nothing per call.
 */
public final class MbufValidator
{
    /** Result codes (negative) — each has a counter ({@link io.ethdev4j.kni.abi.KniCounter}). */
    public static final int BAD_ADDRESS = -1;
    public static final int BAD_BUFFER = -2;
    public static final int BAD_CHAIN = -3;
    public static final int TOO_BIG = -4;

    /** Longest chain followed; a longer {@code nb_segs} is refused. */
    public static final int MAX_SEGS = 64;
    /** Largest frame handed to a TAP (IP_MAX_MTU + Ethernet header). */
    public static final int MAX_FRAME = 65535 + 14;

    private final MempoolRegistry registry;
    private MempoolRange[] ranges;
    private final long[] segAddr = new long[MAX_SEGS];
    private final int[] segLen = new int[MAX_SEGS];
    private int segCount;
    private int lastPool;

    public MbufValidator(final MempoolRegistry registry)
    {
        this.registry = registry;
        this.ranges = registry.ranges();
    }

    /** Picks up pools registered since the last call (once per pass). */
    public void refresh()
    {
        ranges = registry.ranges();
    }

    /**
     * @return the index of the range holding the mbuf header at {@code m} on an element boundary, or
     *     {@link #BAD_ADDRESS}.
     */
    public int findPool(final long m)
    {
        final MempoolRange[] rs = ranges;
        final int n = rs.length;
        int idx = lastPool;
        for (int i = 0; i < n; i++, idx++)
        {
            if (idx >= n)
            {
                idx = 0;
            }
            final MempoolRange r = rs[idx];
            final long base = r.baseAddress();
            if (m >= base && m < r.endAddress())
            {
                if ((m - base) % r.elementSize() != 0)
                {
                    return BAD_ADDRESS;
                }
                lastPool = idx;
                return idx;
            }
        }
        return BAD_ADDRESS;
    }

    /** Checks one segment's header fields; {@code pool} from {@link #findPool}. Returns 0 or a negative code. */
    public int checkSegment(final long m, final int pool)
    {
        final MempoolRange r = ranges[pool];
        final long bufAddr = UnsafeApi.getLong(null, m + BUF_ADDR_OFFSET);
        final int bufLen = UnsafeApi.getShort(null, m + BUF_LEN_OFFSET) & 0xFFFF;
        final int dataOff = UnsafeApi.getShort(null, m + DATA_OFF_OFFSET) & 0xFFFF;
        final int dataLen = UnsafeApi.getShort(null, m + DATA_LEN_OFFSET) & 0xFFFF;
        if (bufAddr != m + r.bufferOffset() || bufLen > r.maxBufLen() || dataOff + dataLen > bufLen)
        {
            return BAD_BUFFER;
        }
        return 0;
    }

    /**
     * Checks an empty mbuf from alloc_q: head in a pool, buffer where it must be, room for {@code ETH_ZLEN}.
     *
     * @return the number of bytes that may be written at {@code buf_addr + data_off}, or a negative code.
     */
    public int checkEmpty(final long m)
    {
        final int pool = findPool(m);
        if (pool < 0)
        {
            return pool;
        }
        final MempoolRange r = ranges[pool];
        final long bufAddr = UnsafeApi.getLong(null, m + BUF_ADDR_OFFSET);
        final int bufLen = UnsafeApi.getShort(null, m + BUF_LEN_OFFSET) & 0xFFFF;
        final int dataOff = UnsafeApi.getShort(null, m + DATA_OFF_OFFSET) & 0xFFFF;
        if (bufAddr != m + r.bufferOffset() || bufLen > r.maxBufLen() || dataOff + 60 > bufLen)
        {
            return BAD_BUFFER;
        }
        return bufLen - dataOff;
    }

    /**
     * Checks a whole chain starting at {@code m} (whose head already passed {@link #findPool}) and records its
     * segments for {@link #segmentAddress}/{@link #segmentLength}.
     *
     * @return pkt_len (≥ 0) or a negative code.
     */
    public int checkChain(final long m, final int headPool)
    {
        segCount = 0;
        final int nbSegs = UnsafeApi.getShort(null, m + NB_SEGS_OFFSET) & 0xFFFF;
        final long pktLen = UnsafeApi.getInt(null, m + PKT_LEN_OFFSET) & 0xFFFFFFFFL;
        if (nbSegs == 0 || nbSegs > MAX_SEGS)
        {
            return BAD_CHAIN;
        }
        if (pktLen > MAX_FRAME)
        {
            return TOO_BIG;
        }
        long seg = m;
        int pool = headPool;
        long total = 0;
        for (int i = 0; i < nbSegs; i++)
        {
            if (i > 0)
            {
                pool = findPool(seg);
                if (pool < 0)
                {
                    return BAD_CHAIN;
                }
            }
            final int rc = checkSegment(seg, pool);
            if (rc < 0)
            {
                return rc;
            }
            final int dataLen = UnsafeApi.getShort(null, seg + DATA_LEN_OFFSET) & 0xFFFF;
            final int dataOff = UnsafeApi.getShort(null, seg + DATA_OFF_OFFSET) & 0xFFFF;
            segAddr[i] = UnsafeApi.getLong(null, seg + BUF_ADDR_OFFSET) + dataOff;
            segLen[i] = dataLen;
            total += dataLen;
            seg = UnsafeApi.getLong(null, seg + NEXT_OFFSET);
        }
        if (seg != 0 || total != pktLen)
        {
            return BAD_CHAIN;
        }
        segCount = nbSegs;
        return (int)pktLen;
    }

    public int segmentCount()
    {
        return segCount;
    }

    public long segmentAddress(final int i)
    {
        return segAddr[i];
    }

    public int segmentLength(final int i)
    {
        return segLen[i];
    }
}
