/**
 * {@link io.ethdev4j.ring.Ring}: a bounded lock-free FIFO of references with {@code rte_ring}'s semantics and
 * algorithm (single/multi producer and consumer, bulk and burst), the backend of the mempools and of {@code net_ring}.
 * <p>
 * May depend on: {@code io.ethdev4j.sys} ({@code Errno}); and, as its one reference upwards, it throws
 * {@code io.ethdev4j.ethdev.EthDevException} for bad arguments at creation. Nothing else of the core, no driver.
 */
package io.ethdev4j.ring;
