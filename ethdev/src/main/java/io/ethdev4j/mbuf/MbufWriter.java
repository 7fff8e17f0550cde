package io.ethdev4j.mbuf;

import io.ethdev4j.sys.Tun;
import org.agrona.UnsafeApi;

/**
 * Writes one packet as one frame to a file descriptor (a TAP, a packet socket): {@code write(2)} for one segment,
 * {@code writev(2)} gathering a chain's segments. Owns a native {@code struct iovec} array for up to
 * {@link #maxSegs()} segments, made once: a write allocates nothing. One thread at a time.
 * <pre>
 *   struct iovec[maxSegs]:  0         8         16
 *                           | base u64 | len u64 |   (16 bytes each)
 * </pre>
 */
public final class MbufWriter implements AutoCloseable
{
    /** Returned by {@link #write} for a chain of more than {@link #maxSegs()} segments (nothing written). */
    public static final long TOO_MANY_SEGS = -2;
    private static final int IOVEC_LENGTH = 16;

    private final int maxSegs;
    /** The iovec array; 0 once closed. */
    private long iov;

    public MbufWriter(final int maxSegs)
    {
        if (maxSegs < 1)
        {
            throw new IllegalArgumentException("MbufWriter(maxSegs=" + maxSegs + "): EINVAL - need at least 1");
        }
        this.maxSegs = maxSegs;
        this.iov = UnsafeApi.allocateMemory((long)maxSegs * IOVEC_LENGTH);
    }

    public int maxSegs()
    {
        return maxSegs;
    }

    /**
     * One frame out; the mbuf stays the caller's.
     *
     * @return the bytes written, -1 with the errno left for {@link Tun#lastErrno()}, or {@link #TOO_MANY_SEGS}.
     */
    public long write(final int fd, final Mbuf m)
    {
        final int segs = m.nbSegs();
        if (segs == 1)
        {
            return Tun.writeFrame(fd, m.dataAddress(), m.dataLen());
        }
        if (segs > maxSegs)
        {
            return TOO_MANY_SEGS;
        }
        Mbuf s = m;
        for (int k = 0; k < segs; k++)
        {
            UnsafeApi.putLong(iov + (long)k * IOVEC_LENGTH, s.dataAddress());
            UnsafeApi.putLong(iov + (long)k * IOVEC_LENGTH + 8, s.dataLen());
            s = s.next();
        }
        return Tun.writevFrame(fd, iov, segs);
    }

    /** Frees the iovec array (idempotent); no write after. */
    @Override
    public void close()
    {
        if (iov != 0)
        {
            UnsafeApi.freeMemory(iov);
            iov = 0;
        }
    }
}
