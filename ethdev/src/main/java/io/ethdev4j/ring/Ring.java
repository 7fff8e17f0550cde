package io.ethdev4j.ring;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

abstract class RingPad0
{
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p010, p011, p012, p013, p014, p015;
    byte p016, p017, p018, p019, p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p030, p031;
    byte p032, p033, p034, p035, p036, p037, p038, p039, p040, p041, p042, p043, p044, p045, p046, p047;
    byte p048, p049, p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p060, p061, p062, p063;
}

abstract class RingProducer extends RingPad0
{
    /** Written by producers (CAS when multi-producer), read by producers and consumers. */
    volatile int prodHead;
    /** Written by producers in order with a release store, read by consumers with acquire. */
    volatile int prodTail;
}

abstract class RingPad1 extends RingProducer
{
    byte p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p110, p111, p112, p113, p114, p115;
    byte p116, p117, p118, p119, p120, p121, p122, p123, p124, p125, p126, p127, p128, p129, p130, p131;
    byte p132, p133, p134, p135, p136, p137, p138, p139, p140, p141, p142, p143, p144, p145, p146, p147;
    byte p148, p149, p150, p151, p152, p153, p154, p155, p156, p157, p158, p159, p160, p161, p162, p163;
}

abstract class RingConsumer extends RingPad1
{
    /** Written by consumers (CAS when multi-consumer). */
    volatile int consHead;
    /** Written by consumers in order with a release store, read by producers with acquire. */
    volatile int consTail;
}

abstract class RingPad2 extends RingConsumer
{
    byte p200, p201, p202, p203, p204, p205, p206, p207, p208, p209, p210, p211, p212, p213, p214, p215;
    byte p216, p217, p218, p219, p220, p221, p222, p223, p224, p225, p226, p227, p228, p229, p230, p231;
    byte p232, p233, p234, p235, p236, p237, p238, p239, p240, p241, p242, p243, p244, p245, p246, p247;
    byte p248, p249, p250, p251, p252, p253, p254, p255, p256, p257, p258, p259, p260, p261, p262, p263;
}

/**
 * A bounded lock-free FIFO of references with rte_ring's semantics and algorithm.
 * <ul>
 * <li>{@code size} is a power of two and the capacity is {@code size - 1}; with {@link #F_EXACT_SZ} any
 * {@code count} is accepted and the capacity is exactly {@code count} (the storage is the next power of two).</li>
 * <li>Producer and consumer sides are each single ({@link #F_SP_ENQ}, {@link #F_SC_DEQ}) or multi (the default:
 * heads moved by CAS, tails published in order, as rte_ring's "MP/MC" mode).</li>
 * <li><b>bulk</b> moves all {@code n} objects or none and returns {@code n} or 0; <b>burst</b> moves as many
 * as possible and returns that count.</li>
 * </ul>
 * Head and tail indices are free-running 32-bit counters masked on access, as in DPDK. Slots are not cleared
 * on dequeue (DPDK does not either): a ring holds on to long-lived objects such as mbuf flyweights.
 * <p>
 * Every ring made by {@link #create} is listed (DPDK's "RTE_RING" tailq) until {@link #free()} or until nothing
 * references it any more: {@link #walk} visits them, as rte_ring telemetry's {@code /ring/list} does. Names need not be
 * unique (DPDK's are): the list is for looking, not for lookup.
 * Nothing here allocates after construction.
 */
public final class Ring<E> extends RingPad2
{
    public static final int F_SP_ENQ = 0x1;
    public static final int F_SC_DEQ = 0x2;
    public static final int F_EXACT_SZ = 0x4;
    public static final int F_MP_RTS_ENQ = 0x8;
    public static final int F_MC_RTS_DEQ = 0x10;
    public static final int F_MP_HTS_ENQ = 0x20;
    public static final int F_MC_HTS_DEQ = 0x40;

    /** rte_ring's RTE_RING_SZ_MASK: the largest ring has 2^31 - 1 slots... we cap lower for Java arrays. */
    public static final int MAX_SIZE = 1 << 28;
    /** Names are at most 29 characters (memzone name "RG_" + name). */
    public static final int NAMESIZE = 29;

    /** Rings made and not freed, in creation order (weak: a ring nobody holds drops out). Guarded by itself. */
    private static final List<WeakReference<Ring<?>>> RINGS = new ArrayList<>();

    private static final VarHandle PROD_HEAD;
    private static final VarHandle PROD_TAIL;
    private static final VarHandle CONS_HEAD;
    private static final VarHandle CONS_TAIL;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            PROD_HEAD = lookup.findVarHandle(RingProducer.class, "prodHead", int.class);
            PROD_TAIL = lookup.findVarHandle(RingProducer.class, "prodTail", int.class);
            CONS_HEAD = lookup.findVarHandle(RingConsumer.class, "consHead", int.class);
            CONS_TAIL = lookup.findVarHandle(RingConsumer.class, "consTail", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final String name;
    private final int flags;
    private final int size;
    private final int mask;
    private final int capacity;
    private final boolean singleProducer;
    private final boolean singleConsumer;
    private final Object[] slots;

    private Ring(final String name, final int count, final int flags, final Class<?> elementType)
    {
        this.name = name;
        this.flags = flags;
        if ((flags & F_EXACT_SZ) != 0)
        {
            this.size = nextPowerOfTwo(count + 1);
            this.capacity = count;
        }
        else
        {
            this.size = count;
            this.capacity = count - 1;
        }
        this.mask = size - 1;
        this.singleProducer = (flags & F_SP_ENQ) != 0;
        this.singleConsumer = (flags & F_SC_DEQ) != 0;
        // Storage of the element type: copies between it and the caller's E[] need no per-element type check.
        this.slots = (Object[])java.lang.reflect.Array.newInstance(elementType, size);
    }

    /**
     * rte_ring_create: {@code count} must be a power of two (capacity count − 1) unless {@link #F_EXACT_SZ}.
     *
     * @throws EthDevException EINVAL for a bad name, count or flag set
     */
    public static <E> Ring<E> create(final String name, final int count, final int flags)
    {
        return create(name, count, flags, Object.class);
    }

    /**
     * As {@link #create(String, int, int)}, with storage of {@code elementType}: bulk copies to and from arrays of
     * that exact type are plain memory copies (an {@code Object[]} store would type-check every element).
     */
    public static <E> Ring<E> create(final String name, final int count, final int flags,
        final Class<? super E> elementType)
    {
        final String op = "ringCreate(name=" + name + ", count=" + count + ", flags=0x" + Integer.toHexString(flags) + ")";
        if (name == null || name.isEmpty() || name.length() > NAMESIZE)
        {
            throw EthDevException.of(Errno.EINVAL, op, "name must have 1.." + NAMESIZE + " characters");
        }
        final int known = F_SP_ENQ | F_SC_DEQ | F_EXACT_SZ | F_MP_RTS_ENQ | F_MC_RTS_DEQ | F_MP_HTS_ENQ | F_MC_HTS_DEQ;
        if ((flags & ~known) != 0)
        {
            throw EthDevException.of(Errno.EINVAL, op, "unknown flag bits 0x" + Integer.toHexString(flags & ~known));
        }
        if ((flags & (F_MP_RTS_ENQ | F_MC_RTS_DEQ | F_MP_HTS_ENQ | F_MC_HTS_DEQ)) != 0)
        {
            throw EthDevException.of(Errno.ENOTSUP, op, "RTS/HTS sync modes are not implemented; use MP/MC (no flag) or SP/SC");
        }
        if ((flags & F_EXACT_SZ) != 0)
        {
            if (count < 1 || count >= MAX_SIZE)
            {
                throw EthDevException.of(Errno.EINVAL, op, "count must be in 1.." + (MAX_SIZE - 1));
            }
        }
        else if (count < 2 || count > MAX_SIZE || Integer.bitCount(count) != 1)
        {
            throw EthDevException.of(Errno.EINVAL, op, "count must be a power of two in 2.." + MAX_SIZE +
                " (capacity count-1), or use F_EXACT_SZ");
        }
        final Ring<E> ring = new Ring<>(name, count, flags, elementType);
        synchronized (RINGS)
        {
            RINGS.add(new WeakReference<>(ring));
        }
        return ring;
    }

    /**
     * rte_ring_walk: calls {@code visitor} for every ring made by {@link #create} and not freed, in creation order
     * (control path: it allocates; the visitor runs under the list's lock, so it must not create or free rings).
     */
    public static void walk(final Consumer<Ring<?>> visitor)
    {
        synchronized (RINGS)
        {
            for (final Iterator<WeakReference<Ring<?>>> it = RINGS.iterator(); it.hasNext(); )
            {
                final Ring<?> r = it.next().get();
                if (r == null)
                {
                    it.remove();
                }
                else
                {
                    visitor.accept(r);
                }
            }
        }
    }

    /** rte_ring_free: takes the ring off the list {@link #walk} visits (its memory is the garbage collector's). */
    public void free()
    {
        synchronized (RINGS)
        {
            RINGS.removeIf(w -> w.get() == null || w.get() == this);
        }
    }

    /** The index mask ({@code size - 1}). */
    public int mask()
    {
        return mask;
    }

    public static int nextPowerOfTwo(final int v)
    {
        return v <= 1 ? 1 : Integer.highestOneBit(v - 1) << 1;
    }

    public String name()
    {
        return name;
    }

    public int flags()
    {
        return flags;
    }

    /** Storage size (a power of two). */
    public int size()
    {
        return size;
    }

    /** The most objects the ring holds. */
    public int capacity()
    {
        return capacity;
    }

    public boolean isSingleProducer()
    {
        return singleProducer;
    }

    public boolean isSingleConsumer()
    {
        return singleConsumer;
    }

    /** Objects in the ring now (a snapshot). */
    public int count()
    {
        final int prod = (int)PROD_TAIL.getAcquire(this);
        final int cons = (int)CONS_TAIL.getAcquire(this);
        final int n = prod - cons;
        return Math.min(n, capacity);
    }

    /**
     * The four indexes (rte_ring_dump's ph, pt, ch, ct: producer head and tail, consumer head and tail) as
     * {@code {ph, pt, ch, ct}}: a snapshot for a diagnostic dump (control path).
     */
    public int[] headsAndTails()
    {
        return new int[] {(int)PROD_HEAD.getAcquire(this), (int)PROD_TAIL.getAcquire(this),
            (int)CONS_HEAD.getAcquire(this), (int)CONS_TAIL.getAcquire(this)};
    }

    public int freeCount()
    {
        return capacity - count();
    }

    public boolean isEmpty()
    {
        return count() == 0;
    }

    public boolean isFull()
    {
        return freeCount() == 0;
    }

    // ---------------------------------------------------------------- enqueue

    /** All {@code n} objects or none (rte_ring_enqueue_bulk); returns n or 0. */
    public int enqueueBulk(final E[] objs, final int offset, final int n)
    {
        return doEnqueue(objs, offset, n, true, singleProducer);
    }

    /** As many as fit (rte_ring_enqueue_burst); returns the count. */
    public int enqueueBurst(final E[] objs, final int offset, final int n)
    {
        return doEnqueue(objs, offset, n, false, singleProducer);
    }

    public int mpEnqueueBulk(final E[] objs, final int offset, final int n)
    {
        return doEnqueue(objs, offset, n, true, false);
    }

    public int spEnqueueBulk(final E[] objs, final int offset, final int n)
    {
        return doEnqueue(objs, offset, n, true, true);
    }

    public int mpEnqueueBurst(final E[] objs, final int offset, final int n)
    {
        return doEnqueue(objs, offset, n, false, false);
    }

    public int spEnqueueBurst(final E[] objs, final int offset, final int n)
    {
        return doEnqueue(objs, offset, n, false, true);
    }

    /** rte_ring_enqueue: 0 or -ENOBUFS. */
    public int enqueue(final E obj)
    {
        if (singleProducer)
        {
            final int head = (int)PROD_HEAD.getOpaque(this);
            final int consTail = (int)CONS_TAIL.getAcquire(this);
            if (capacity + consTail - head < 1)
            {
                return -Errno.ENOBUFS;
            }
            PROD_HEAD.setOpaque(this, head + 1);
            slots[head & mask] = obj;
            PROD_TAIL.setRelease(this, head + 1);
            return 0;
        }
        int head;
        do
        {
            head = (int)PROD_HEAD.getVolatile(this);
            final int consTail = (int)CONS_TAIL.getAcquire(this);
            if (capacity + consTail - head < 1)
            {
                return -Errno.ENOBUFS;
            }
        }
        while (!PROD_HEAD.compareAndSet(this, head, head + 1));
        slots[head & mask] = obj;
        while ((int)PROD_TAIL.getAcquire(this) != head)
        {
            Thread.onSpinWait();
        }
        PROD_TAIL.setRelease(this, head + 1);
        return 0;
    }

    private int doEnqueue(final E[] objs, final int offset, final int requested, final boolean fixed, final boolean sp)
    {
        int n = requested;
        int head;
        if (sp)
        {
            head = (int)PROD_HEAD.getOpaque(this);
            final int free = capacity + (int)CONS_TAIL.getAcquire(this) - head;
            if (n > free)
            {
                n = fixed ? 0 : free;
            }
            if (n <= 0)
            {
                return 0;
            }
            PROD_HEAD.setOpaque(this, head + n);
        }
        else
        {
            do
            {
                n = requested;
                head = (int)PROD_HEAD.getVolatile(this);
                final int free = capacity + (int)CONS_TAIL.getAcquire(this) - head;
                if (n > free)
                {
                    n = fixed ? 0 : free;
                }
                if (n <= 0)
                {
                    return 0;
                }
            }
            while (!PROD_HEAD.compareAndSet(this, head, head + n));
        }

        final Object[] slots = this.slots;
        final int idx = head & mask;
        if (idx + n <= size)
        {
            System.arraycopy(objs, offset, slots, idx, n);
        }
        else
        {
            final int first = size - idx;
            System.arraycopy(objs, offset, slots, idx, first);
            System.arraycopy(objs, offset + first, slots, 0, n - first);
        }

        if (!sp)
        {
            while ((int)PROD_TAIL.getAcquire(this) != head)
            {
                Thread.onSpinWait();
            }
        }
        PROD_TAIL.setRelease(this, head + n);
        return n;
    }

    // ---------------------------------------------------------------- dequeue

    /** All {@code n} objects or none (rte_ring_dequeue_bulk); returns n or 0. */
    public int dequeueBulk(final E[] objs, final int offset, final int n)
    {
        return doDequeue(objs, offset, n, true, singleConsumer);
    }

    /** As many as available up to {@code n} (rte_ring_dequeue_burst). */
    public int dequeueBurst(final E[] objs, final int offset, final int n)
    {
        return doDequeue(objs, offset, n, false, singleConsumer);
    }

    public int mcDequeueBulk(final E[] objs, final int offset, final int n)
    {
        return doDequeue(objs, offset, n, true, false);
    }

    public int scDequeueBulk(final E[] objs, final int offset, final int n)
    {
        return doDequeue(objs, offset, n, true, true);
    }

    public int mcDequeueBurst(final E[] objs, final int offset, final int n)
    {
        return doDequeue(objs, offset, n, false, false);
    }

    public int scDequeueBurst(final E[] objs, final int offset, final int n)
    {
        return doDequeue(objs, offset, n, false, true);
    }

    /** rte_ring_dequeue for one object: the object, or null when empty (-ENOENT in C). */
    @SuppressWarnings("unchecked")
    public E dequeue()
    {
        int head;
        if (singleConsumer)
        {
            head = (int)CONS_HEAD.getOpaque(this);
            if ((int)PROD_TAIL.getAcquire(this) - head < 1)
            {
                return null;
            }
            CONS_HEAD.setOpaque(this, head + 1);
        }
        else
        {
            do
            {
                head = (int)CONS_HEAD.getVolatile(this);
                if ((int)PROD_TAIL.getAcquire(this) - head < 1)
                {
                    return null;
                }
            }
            while (!CONS_HEAD.compareAndSet(this, head, head + 1));
        }
        final E obj = (E)slots[head & mask];
        if (!singleConsumer)
        {
            while ((int)CONS_TAIL.getAcquire(this) != head)
            {
                Thread.onSpinWait();
            }
        }
        CONS_TAIL.setRelease(this, head + 1);
        return obj;
    }

    private int doDequeue(final E[] objs, final int offset, final int requested, final boolean fixed, final boolean sc)
    {
        int n = requested;
        int head;
        if (sc)
        {
            head = (int)CONS_HEAD.getOpaque(this);
            final int entries = (int)PROD_TAIL.getAcquire(this) - head;
            if (n > entries)
            {
                n = fixed ? 0 : entries;
            }
            if (n <= 0)
            {
                return 0;
            }
            CONS_HEAD.setOpaque(this, head + n);
        }
        else
        {
            do
            {
                n = requested;
                head = (int)CONS_HEAD.getVolatile(this);
                final int entries = (int)PROD_TAIL.getAcquire(this) - head;
                if (n > entries)
                {
                    n = fixed ? 0 : entries;
                }
                if (n <= 0)
                {
                    return 0;
                }
            }
            while (!CONS_HEAD.compareAndSet(this, head, head + n));
        }

        final Object[] slots = this.slots;
        final int idx = head & mask;
        if (idx + n <= size)
        {
            System.arraycopy(slots, idx, objs, offset, n);
        }
        else
        {
            final int first = size - idx;
            System.arraycopy(slots, idx, objs, offset, first);
            System.arraycopy(slots, 0, objs, offset + first, n - first);
        }

        if (!sc)
        {
            while ((int)CONS_TAIL.getAcquire(this) != head)
            {
                Thread.onSpinWait();
            }
        }
        CONS_TAIL.setRelease(this, head + n);
        return n;
    }

    @Override
    public String toString()
    {
        return "Ring[" + name + ", size=" + size + ", capacity=" + capacity + ", count=" + count() +
            (singleProducer ? ", SP" : ", MP") + (singleConsumer ? "/SC" : "/MC") + "]";
    }
}
