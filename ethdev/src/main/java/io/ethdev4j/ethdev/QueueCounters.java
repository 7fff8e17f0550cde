package io.ethdev4j.ethdev;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

abstract class QueueCountersPad
{
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p010, p011, p012, p013, p014, p015;
    byte p016, p017, p018, p019, p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p030, p031;
    byte p032, p033, p034, p035, p036, p037, p038, p039, p040, p041, p042, p043, p044, p045, p046, p047;
    byte p048, p049, p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p060, p061, p062, p063;
}

abstract class QueueCountersFields extends QueueCountersPad
{
    long packets;
    long bytes;
    long errors;
    long missed;
    long nombuf;
}

/**
 * A queue's counters. Writer: the one lcore polling the queue (single writer, release stores, no atomics).
 * Readers: any thread (stats get), with acquire loads. Padded against false sharing with neighbouring queues.
 * Reset is done by the control thread while the writer may run; a concurrent increment can survive a reset,
 * as with DPDK's software counters.
 */
public final class QueueCounters extends QueueCountersFields
{
    byte q000, q001, q002, q003, q004, q005, q006, q007, q008, q009, q010, q011, q012, q013, q014, q015;
    byte q016, q017, q018, q019, q020, q021, q022, q023, q024, q025, q026, q027, q028, q029, q030, q031;
    byte q032, q033, q034, q035, q036, q037, q038, q039, q040, q041, q042, q043, q044, q045, q046, q047;
    byte q048, q049, q050, q051, q052, q053, q054, q055, q056, q057, q058, q059, q060, q061, q062, q063;

    private static final VarHandle PACKETS;
    private static final VarHandle BYTES;
    private static final VarHandle ERRORS;
    private static final VarHandle MISSED;
    private static final VarHandle NOMBUF;

    static
    {
        try
        {
            final MethodHandles.Lookup l = MethodHandles.lookup();
            PACKETS = l.findVarHandle(QueueCountersFields.class, "packets", long.class);
            BYTES = l.findVarHandle(QueueCountersFields.class, "bytes", long.class);
            ERRORS = l.findVarHandle(QueueCountersFields.class, "errors", long.class);
            MISSED = l.findVarHandle(QueueCountersFields.class, "missed", long.class);
            NOMBUF = l.findVarHandle(QueueCountersFields.class, "nombuf", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** Writer only: adds a burst's packets and bytes. */
    public void add(final long nPackets, final long nBytes)
    {
        PACKETS.setRelease(this, packets + nPackets);
        BYTES.setRelease(this, bytes + nBytes);
    }

    public void addErrors(final long n)
    {
        ERRORS.setRelease(this, errors + n);
    }

    public void addMissed(final long n)
    {
        MISSED.setRelease(this, missed + n);
    }

    public void addNombuf(final long n)
    {
        NOMBUF.setRelease(this, nombuf + n);
    }

    public long packets()
    {
        return (long)PACKETS.getAcquire(this);
    }

    public long bytes()
    {
        return (long)BYTES.getAcquire(this);
    }

    public long errors()
    {
        return (long)ERRORS.getAcquire(this);
    }

    public long missed()
    {
        return (long)MISSED.getAcquire(this);
    }

    public long nombuf()
    {
        return (long)NOMBUF.getAcquire(this);
    }

    public void reset()
    {
        PACKETS.setRelease(this, 0L);
        BYTES.setRelease(this, 0L);
        ERRORS.setRelease(this, 0L);
        MISSED.setRelease(this, 0L);
        NOMBUF.setRelease(this, 0L);
    }
}
