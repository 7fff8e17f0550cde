package io.ethdev4j.kniapp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * struct kni_interface_stats for every port: packets from the NIC sent to (or dropped before) the KNI, and from the
 * KNI sent to (or dropped before) the NIC. Writers: the port's rx lcore (rx_*) and tx lcore (tx_*), one each, with
 * opaque stores; readers: the SIGUSR1 printer; {@link #reset()} (SIGUSR2) zeroes them as the example's memset does,
 * racing the writers as it does.
 * <pre>
 *  per port, 4 longs: rx_packets @0 | rx_dropped @1 | tx_packets @2 | tx_dropped @3, ports 8 longs (64 B) apart
 * </pre>
 */
public final class KniAppStats
{
    public static final int RX_PACKETS = 0;
    public static final int RX_DROPPED = 1;
    public static final int TX_PACKETS = 2;
    public static final int TX_DROPPED = 3;
    /** Longs per port: the 4 counters then padding, so two ports never share a cache line. */
    private static final int STRIDE = 8;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] values = new long[KniAppArgs.RTE_MAX_ETHPORTS * STRIDE + STRIDE];

    /** Adds {@code n} to one counter; called by its one writer lcore only. */
    public void add(final int port, final int counter, final long n)
    {
        final int i = STRIDE + port * STRIDE + counter;
        SLOT.setOpaque(values, i, (long)SLOT.getOpaque(values, i) + n);
    }

    public long get(final int port, final int counter)
    {
        return (long)SLOT.getOpaque(values, STRIDE + port * STRIDE + counter);
    }

    /** memset(&kni_stats, 0, ...). */
    public void reset()
    {
        for (int i = 0; i < values.length; i++)
        {
            SLOT.setOpaque(values, i, 0L);
        }
    }
}
