package io.ethdev4j.ethdev;

import io.ethdev4j.mbuf.Mbuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

abstract class TapSlotPad
{
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p010, p011, p012, p013, p014, p015;
    byte p016, p017, p018, p019, p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p030, p031;
    byte p032, p033, p034, p035, p036, p037, p038, p039, p040, p041, p042, p043, p044, p045, p046, p047;
    byte p048, p049, p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p060, p061, p062, p063;
}

abstract class TapSlotFields extends TapSlotPad
{
    /** Writer: the control thread ({@link EthDev#addRxTap} and friends). Reader: the queue's lcore, every burst. */
    volatile BurstTap tap;
    /** Writer: the queue's lcore, only while a tap is installed. Reader: the control thread removing the tap. */
    volatile int running;
}

/**
 * One queue's tap slot (the head of DPDK's {@code post_rx_burst_cbs[queue]} / {@code pre_tx_burst_cbs[queue]}, one
 * entry). A slot lives as long as its port, so an installed tap survives stop, start and reconfiguration.
 * <p>
 * The data path reads {@link #tap} once per burst: with no tap that is its whole cost (a plain load and a
 * well-predicted branch). With a tap it runs {@link #run}, which announces itself in {@link #running} (a volatile
 * store, so the re-read of {@code tap} after it cannot be reordered before it), and the control thread clears the tap
 * and then waits until {@code running} is 0 ({@link #awaitQuiescent}): after that no lcore is inside, or will enter, the
 * removed tap, so its owner may unmap the memory the tap writes to (DPDK leaves that wait to the application).
 * Padded against false sharing with the neighbouring queues' slots.
 */
final class TapSlot extends TapSlotFields
{
    byte q000, q001, q002, q003, q004, q005, q006, q007, q008, q009, q010, q011, q012, q013, q014, q015;
    byte q016, q017, q018, q019, q020, q021, q022, q023, q024, q025, q026, q027, q028, q029, q030, q031;
    byte q032, q033, q034, q035, q036, q037, q038, q039, q040, q041, q042, q043, q044, q045, q046, q047;
    byte q048, q049, q050, q051, q052, q053, q054, q055, q056, q057, q058, q059, q060, q061, q062, q063;

    private static final VarHandle RUNNING;

    static
    {
        try
        {
            RUNNING = MethodHandles.lookup().findVarHandle(TapSlotFields.class, "running", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** The data path, when {@link #tap} was seen set: runs the tap unless it has just been removed. */
    void run(final Mbuf[] pkts, final int offset, final int n)
    {
        running = 1;
        try
        {
            final BurstTap t = tap;
            if (t != null && n > 0)
            {
                t.tap(pkts, offset, n);
            }
        }
        finally
        {
            RUNNING.setRelease(this, 0);
        }
    }

    /** Control thread, after clearing {@link #tap}: waits until no lcore runs the tap it held. */
    void awaitQuiescent()
    {
        while (running != 0)
        {
            Thread.onSpinWait();
        }
    }
}
