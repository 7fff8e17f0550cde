package io.ethdev4j.mem;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.RteLog;

import java.util.ArrayList;
import java.util.List;

/**
 * The live DMA regions of one {@link DmaMemory} (the runtime's, {@code Eal.memory().registry()}) and who wants to
 * hear of them: DPDK's memory events. Every region the memory hands out is registered here before anyone can put
 * data in it, and unregistered before its pages go away; a pool's region is registered once the pool is built
 * ({@link DmaRegion#mempool()}), so a listener sees pools with their identity.
 * <pre>
 *   DmaMemory.allocate, MbufPool.create ─register──►  MemoryRegistry  ─onRegister───► VFIO container: MAP_DMA
 *   DmaRegion.close, MbufPool.close     ─unregister─►                   ─onUnregister─► QEMU NIC: SYNC_SYSMEM
 *                                                                                       KNI: the kernel side's pools
 * </pre>
 * Who listens: the transports that make memory reachable by devices (the PCI bus's VFIO container, once per runtime;
 * each QEMU-hosted NIC), and consumers of pool identities (the KNI library). Drivers do not: memory registered here
 * is reachable by the runtime's devices, so a driver never maps memory nor looks regions up.
 * <p>
 * Order: {@code onRegister} goes to the listeners in the order they subscribed, {@code onUnregister} in the reverse
 * order (the first subscriber, usually the IOMMU, is the last to let go). {@link #addListener} replays the regions
 * registered so far, in registration order. A listener that throws in {@code onRegister} refuses the region: the
 * listeners already told are told {@code onUnregister} (reverse order) and the allocation fails.
 * <p>
 * Control path only: every method takes the registry's lock, callbacks run under it. Data paths never call here
 * (a pool's get/put does not touch the registry).
 */
public final class MemoryRegistry
{
    private final List<DmaRegion> regions = new ArrayList<>();
    private final List<MemoryListener> listeners = new ArrayList<>();
    /** The thread running callbacks now (null when none): a callback re-entering the registry is refused. */
    private Thread dispatching;

    MemoryRegistry()
    {
    }

    /** Announces {@code region} to every listener; if one refuses, the others are told it is gone and this throws. */
    synchronized void register(final DmaRegion region)
    {
        final String op = "memoryRegister(" + region + ")";
        checkNotDispatching(op);
        if (regions.contains(region))
        {
            throw EthDevException.of(Errno.EEXIST, op, "already registered");
        }
        dispatching = Thread.currentThread();
        try
        {
            for (int i = 0; i < listeners.size(); i++)
            {
                try
                {
                    listeners.get(i).onRegister(region);
                }
                catch (final RuntimeException ex)
                {
                    for (int j = i - 1; j >= 0; j--)
                    {
                        withdraw(listeners.get(j), region);
                    }
                    throw ex;
                }
            }
            regions.add(region);
        }
        finally
        {
            dispatching = null;
        }
    }

    /**
     * Withdraws {@code region} from every listener (reverse order); a region not registered is ignored. Refused (and
     * nothing changed) from inside a callback.
     */
    synchronized void unregister(final DmaRegion region)
    {
        if (!regions.contains(region))
        {
            return;
        }
        checkNotDispatching("memoryUnregister(" + region + ")");
        regions.remove(region);
        dispatching = Thread.currentThread();
        try
        {
            for (int i = listeners.size() - 1; i >= 0; i--)
            {
                withdraw(listeners.get(i), region);
            }
        }
        finally
        {
            dispatching = null;
        }
    }

    private static void withdraw(final MemoryListener listener, final DmaRegion region)
    {
        try
        {
            listener.onUnregister(region);
        }
        catch (final RuntimeException ex)
        {
            RteLog.err("MEM", "memory listener " + listener + " failed to let go of " + region + ": " + ex.getMessage());
        }
    }

    /**
     * Subscribes {@code listener}: it is told {@link MemoryListener#onRegister} for every region registered so far
     * (registration order), then of every change. If it throws during the replay, it is told
     * {@link MemoryListener#onUnregister} for the regions it accepted (reverse order), is not subscribed, and this
     * throws what it threw.
     *
     * @throws EthDevException EEXIST when it is subscribed already.
     */
    public synchronized void addListener(final MemoryListener listener)
    {
        final String op = "memoryListen(" + listener + ")";
        checkNotDispatching(op);
        if (listeners.contains(listener))
        {
            throw EthDevException.of(Errno.EEXIST, op, "already listening");
        }
        dispatching = Thread.currentThread();
        try
        {
            for (int i = 0; i < regions.size(); i++)
            {
                try
                {
                    listener.onRegister(regions.get(i));
                }
                catch (final RuntimeException ex)
                {
                    for (int j = i - 1; j >= 0; j--)
                    {
                        withdraw(listener, regions.get(j));
                    }
                    throw ex;
                }
            }
            listeners.add(listener);
        }
        finally
        {
            dispatching = null;
        }
    }

    /**
     * Unsubscribes {@code listener}; it is told nothing more (what it made of the regions, e.g. IOMMU mappings, is
     * its own to undo). Idempotent.
     *
     * @return whether it was subscribed.
     */
    public synchronized boolean removeListener(final MemoryListener listener)
    {
        checkNotDispatching("memoryUnlisten(" + listener + ")");
        return listeners.remove(listener);
    }

    /** Whether {@code region} is registered here now (allocated from this registry's memory and not freed). */
    public synchronized boolean isRegistered(final DmaRegion region)
    {
        return regions.contains(region);
    }

    /** The registered region holding the byte at virtual address {@code va}, or null. */
    public synchronized DmaRegion regionOf(final long va)
    {
        for (final DmaRegion r : regions)
        {
            if (r.contains(va, 1))
            {
                return r;
            }
        }
        return null;
    }

    /** The registered regions, in registration order (a copy). */
    public synchronized List<DmaRegion> regions()
    {
        return new ArrayList<>(regions);
    }

    /** How many listeners are subscribed. */
    public synchronized int listenerCount()
    {
        return listeners.size();
    }

    private void checkNotDispatching(final String op)
    {
        if (dispatching == Thread.currentThread())
        {
            throw EthDevException.of(Errno.EBUSY, op, "called from a memory listener's callback; a listener must " +
                "not allocate or free DMA memory nor (un)subscribe listeners");
        }
    }
}
