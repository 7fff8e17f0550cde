package io.ethdev4j.kni.abi;

/**
 * One mempool's memory as the kernel side may touch it: {@code elementCount} mbufs of {@code elementSize} bytes each,
 * the first mbuf header at {@code baseAddress}, and each mbuf's buffer starting {@code bufferOffset} bytes after its
 * header (128 for the header plus the private area). Immutable.
 * <p>
 * The application registers one per pool through {@code KniControl.registerMempool} before its mbufs go on a FIFO
 * (rte_kni.ko needed no such step: it could read any memory of the process that opened /dev/kni). A bad value throws
 * {@link IllegalArgumentException} (EINVAL), as every check in this package does.
 */
public final class MempoolRange
{
    private final int poolId;
    private final long baseAddress;
    private final int elementSize;
    private final int elementCount;
    private final int bufferOffset;
    private final long endAddress;

    public MempoolRange(final int poolId, final long baseAddress, final int elementSize, final int elementCount,
        final int bufferOffset)
    {
        if (baseAddress == 0 || (baseAddress & 7) != 0)
        {
            throw invalid(poolId, "baseAddress=0x" + Long.toHexString(baseAddress), "non-null and 8-byte aligned");
        }
        if (elementSize < 128 + 64 || (elementSize & 7) != 0)
        {
            throw invalid(poolId, "elementSize=" + elementSize, "at least 192 and a multiple of 8");
        }
        if (elementCount <= 0)
        {
            throw invalid(poolId, "elementCount=" + elementCount, "must be > 0");
        }
        if (bufferOffset < 128 || bufferOffset >= elementSize)
        {
            throw invalid(poolId, "bufferOffset=" + bufferOffset, "must be in [128, elementSize)");
        }
        this.poolId = poolId;
        this.baseAddress = baseAddress;
        this.elementSize = elementSize;
        this.elementCount = elementCount;
        this.bufferOffset = bufferOffset;
        this.endAddress = baseAddress + (long)elementSize * elementCount;
    }

    private static IllegalArgumentException invalid(final int poolId, final String value, final String why)
    {
        return new IllegalArgumentException("MempoolRange(pool=" + poolId + ", " + value + ") failed: EINVAL - " + why);
    }

    public int poolId()
    {
        return poolId;
    }

    public long baseAddress()
    {
        return baseAddress;
    }

    public int elementSize()
    {
        return elementSize;
    }

    public int elementCount()
    {
        return elementCount;
    }

    public int bufferOffset()
    {
        return bufferOffset;
    }

    /** One past the last byte. */
    public long endAddress()
    {
        return endAddress;
    }

    /** The largest buf_len an mbuf of this pool may claim. */
    public int maxBufLen()
    {
        return elementSize - bufferOffset;
    }

    public String toString()
    {
        return "MempoolRange{pool=" + poolId + ", base=0x" + Long.toHexString(baseAddress) + ", elementSize=" +
            elementSize + ", elementCount=" + elementCount + ", bufferOffset=" + bufferOffset + '}';
    }
}
