package io.ethdev4j.mem;

/**
 * What the memory layer knows of an object pool living in a {@link DmaRegion} (DPDK's mempool, our
 * {@code io.ethdev4j.mbuf.MbufPool}): enough for a memory listener to describe the pool's elements, e.g. KNI's
 * mempool registry, which lets the kernel side follow addresses inside them. Kept here, below {@code mbuf}, so that
 * {@code mem} does not depend on the package built on it.
 */
public interface RegionPool
{
    /** The pool's id, unique among live pools (DPDK's mempool index). */
    int id();

    String name();

    /** Address of the first element. */
    long baseAddress();

    /** Bytes from one element to the next. */
    int elementSize();

    /** Number of elements. */
    int size();

    /** Private area between an element's header and its data. */
    int privSize();
}
