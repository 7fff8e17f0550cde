/**
 * The runtime's DMA memory (the EAL memory subsystem, simplified): {@link io.ethdev4j.mem.DmaMemory}, the allocator
 * (one memfd per allocation, hugetlbfs-backed when hugepages are configured, IOVA = VA), and
 * {@link io.ethdev4j.mem.DmaRegion}, one mapped piece with its address, IOVA and fd, so a device model or the kernel
 * side can map the same memory.
 * <p>
 * May depend on: {@code io.ethdev4j.sys}; and, as its one reference upwards, it throws
 * {@code io.ethdev4j.ethdev.EthDevException} (ENOMEM and friends). Nothing else of the core, no driver.
 */
package io.ethdev4j.mem;
