package io.ethdev4j.kni.kernel.datapath;

import io.ethdev4j.kni.abi.MempoolRange;
import io.ethdev4j.sys.Errno;

import java.util.Arrays;

/** A copy-on-write {@link MempoolRegistry}: the application adds a pool before handing its mbufs to KNI. */
public final class MutableMempoolRegistry implements MempoolRegistry
{
    private volatile MempoolRange[] ranges = new MempoolRange[0];

    public MempoolRange[] ranges()
    {
        return ranges;
    }

    /**
     * Adds a pool; its memory must not overlap a registered one.
     *
     * @return 0, {@code -EEXIST} when a pool with that id is registered, or {@code -EINVAL} when the memory overlaps a
     *     registered pool's.
     */
    public synchronized int register(final MempoolRange range)
    {
        for (final MempoolRange r : ranges)
        {
            if (r.poolId() == range.poolId())
            {
                return -Errno.EEXIST;
            }
            if (range.baseAddress() < r.endAddress() && r.baseAddress() < range.endAddress())
            {
                return -Errno.EINVAL;
            }
        }
        final MempoolRange[] next = Arrays.copyOf(ranges, ranges.length + 1);
        next[next.length - 1] = range;
        ranges = next;
        return 0;
    }

    /** Removes a pool; only once no KNI uses its mbufs any more. */
    public synchronized boolean unregister(final int poolId)
    {
        final MempoolRange[] cur = ranges;
        for (int i = 0; i < cur.length; i++)
        {
            if (cur[i].poolId() == poolId)
            {
                final MempoolRange[] next = new MempoolRange[cur.length - 1];
                System.arraycopy(cur, 0, next, 0, i);
                System.arraycopy(cur, i + 1, next, i, cur.length - i - 1);
                ranges = next;
                return true;
            }
        }
        return false;
    }
}
