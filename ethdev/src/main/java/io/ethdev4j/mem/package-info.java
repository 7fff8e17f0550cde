/**
 * The runtime's DMA memory (the EAL memory subsystem, simplified): {@link io.ethdev4j.mem.DmaMemory}, the allocator
 * (one memfd per allocation, hugetlbfs-backed when hugepages are configured, IOVA = VA), and
 * {@link io.ethdev4j.mem.DmaRegion}, one mapped piece with its address, IOVA and fd, so a device model or the kernel
 * side can map the same memory.
 * <p>
 * Memory events: {@link io.ethdev4j.mem.MemoryRegistry} registers every region (and the pool in it, seen as a
 * {@link io.ethdev4j.mem.RegionPool}) when allocated and unregisters it when freed; {@link io.ethdev4j.mem.MemoryListener}s
 * (the VFIO container, QEMU NICs, KNI) map or follow it.
 * <p>
 * May depend on: {@code io.ethdev4j.sys}; and, as its one reference upwards, it throws
 * {@code io.ethdev4j.ethdev.EthDevException} (ENOMEM and friends). Nothing else of the core, no driver.
 */
package io.ethdev4j.mem;
