package io.ethdev4j.kni.kernel.datapath;

import io.ethdev4j.kni.abi.KniCounter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counters of one KNI interface, indexed by {@link KniCounter} (rx = application → kernel, tx = kernel → application,
 * plus the safety counters the module never had).
 * <p>
 * Writer: the KNI thread serving the interface (single writer, plain read + release store); readers: any thread,
 * with acquire loads. Slots are spaced a cache line apart at both ends to keep readers' lines away from neighbours.
 */
public final class KniDeviceStats
{
    private static final int PAD = 8;
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] values = new long[PAD + KniCounter.COUNT + PAD];

    /** Writer thread only. */
    public void add(final int counter, final long delta)
    {
        final int i = PAD + counter;
        LONGS.setRelease(values, i, (long)LONGS.get(values, i) + delta);
    }

    public long get(final int counter)
    {
        return (long)LONGS.getAcquire(values, PAD + counter);
    }

    /** Copies every counter into {@code into[0 .. min(into.length, KniCounter.COUNT))}. */
    public void copyTo(final long[] into)
    {
        for (int c = 0; c < KniCounter.COUNT && c < into.length; c++)
        {
            into[c] = get(c);
        }
    }

    public String toString()
    {
        final StringBuilder sb = new StringBuilder("{");
        for (int c = 0; c < KniCounter.COUNT; c++)
        {
            sb.append(c == 0 ? "" : ", ").append(KniCounter.name(c)).append('=').append(get(c));
        }
        return sb.append('}').toString();
    }
}
