package io.ethdev4j.mem;

/**
 * Told of every DMA region of one {@link MemoryRegistry} (DPDK's {@code rte_mem_event_callback_register}, and
 * {@code rte_mempool_event_callback_register} for the regions that hold a pool, {@link DmaRegion#mempool()}).
 * <p>
 * Subscribing ({@link MemoryRegistry#addListener}) first replays every region already registered, in registration
 * order (as {@code rte_memseg_walk} followed by the callback), so a listener that joins late sees the same regions as
 * one that was there from the start. Each region is announced once and withdrawn once.
 * <p>
 * Callbacks run on the control path, in the thread that allocates or frees the memory (the one creating or freeing
 * a pool, configuring or closing a port), one at a time: the registry's lock is held. A callback must not allocate
 * or free DMA memory nor (un)subscribe listeners of the same registry (that is refused), and must not wait for
 * another thread that might.
 */
public interface MemoryListener
{
    /**
     * A region became usable, and nothing has been put in it for a device yet: make it reachable (map it for DMA,
     * let a kernel side follow the pool's mbufs). Throwing refuses the region: the listeners told before are told
     * {@link #onUnregister}, the memory is freed and the allocation (pool creation, port configure) fails with what
     * was thrown. So throw {@code EthDevException} naming what failed, with its errno.
     */
    void onRegister(DmaRegion region);

    /**
     * A region is about to be freed (its memory is still mapped during the call): stop using it. Not a veto: what is
     * thrown is logged and the other listeners are still told.
     */
    void onUnregister(DmaRegion region);
}
