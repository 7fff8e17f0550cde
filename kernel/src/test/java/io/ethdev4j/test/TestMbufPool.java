package io.ethdev4j.test;

import io.ethdev4j.kni.abi.MempoolRange;
import org.agrona.UnsafeApi;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

import static io.ethdev4j.kni.abi.KniMbufDescriptor.*;

/** Mbufs laid out as rte_mbuf v22.11 (header 128, no private area, 2176-byte buffer), with a simple free list. */
public final class TestMbufPool
{
    public static final int BUF_LEN = 2048 + RTE_PKTMBUF_HEADROOM;
    public static final int ELEMENT_SIZE = HEADER_LENGTH + BUF_LEN;

    private final int poolId;
    private final long base;
    private final int count;
    private final ArrayDeque<Long> free = new ArrayDeque<>();
    private final Set<Long> out = new HashSet<>();

    public TestMbufPool(final TestMemory memory, final int poolId, final int count)
    {
        this.poolId = poolId;
        this.count = count;
        this.base = memory.allocate((long)ELEMENT_SIZE * count, 64);
        for (int i = 0; i < count; i++)
        {
            final long m = base + (long)i * ELEMENT_SIZE;
            reset(m);
            free.add(m);
        }
    }

    public void reset(final long m)
    {
        UnsafeApi.setMemory(m, HEADER_LENGTH, (byte)0);
        UnsafeApi.putLong(m + BUF_ADDR_OFFSET, m + HEADER_LENGTH);
        UnsafeApi.putLong(m + BUF_IOVA_OFFSET, m + HEADER_LENGTH);
        UnsafeApi.putShort(m + DATA_OFF_OFFSET, (short)RTE_PKTMBUF_HEADROOM);
        UnsafeApi.putShort(m + REFCNT_OFFSET, (short)1);
        UnsafeApi.putShort(m + NB_SEGS_OFFSET, (short)1);
        UnsafeApi.putShort(m + BUF_LEN_OFFSET, (short)BUF_LEN);
        UnsafeApi.putLong(m + POOL_OFFSET, poolId);
    }

    public MempoolRange range()
    {
        return new MempoolRange(poolId, base, ELEMENT_SIZE, count, HEADER_LENGTH);
    }

    public synchronized long alloc()
    {
        final Long m = free.poll();
        if (m == null)
        {
            return 0;
        }
        reset(m);
        out.add(m);
        return m;
    }

    public synchronized void free(final long m)
    {
        if (!out.remove(m))
        {
            throw new IllegalStateException("double free or foreign mbuf 0x" + Long.toHexString(m));
        }
        free.add(m);
    }

    public synchronized int available()
    {
        return free.size();
    }

    public int count()
    {
        return count;
    }

    public long base()
    {
        return base;
    }

    /** Writes a frame into a fresh single-segment mbuf. */
    public long allocFrame(final byte[] frame)
    {
        final long m = alloc();
        if (m == 0)
        {
            return 0;
        }
        final long data = m + HEADER_LENGTH + RTE_PKTMBUF_HEADROOM;
        for (int i = 0; i < frame.length; i++)
        {
            UnsafeApi.putByte(data + i, frame[i]);
        }
        UnsafeApi.putShort(m + DATA_LEN_OFFSET, (short)frame.length);
        UnsafeApi.putInt(m + PKT_LEN_OFFSET, frame.length);
        return m;
    }

    public static byte[] frame(final long m)
    {
        final int len = UnsafeApi.getInt(m + PKT_LEN_OFFSET);
        final long data = UnsafeApi.getLong(m + BUF_ADDR_OFFSET) + (UnsafeApi.getShort(m + DATA_OFF_OFFSET) & 0xFFFF);
        final byte[] b = new byte[len];
        for (int i = 0; i < len; i++)
        {
            b[i] = UnsafeApi.getByte(data + i);
        }
        return b;
    }
}
