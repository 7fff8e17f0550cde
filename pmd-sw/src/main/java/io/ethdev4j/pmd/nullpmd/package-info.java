/**
 * {@code net_null} (DPDK's {@code drivers/net/null}): rx returns fresh packets of a set size, tx frees them —
 * {@link io.ethdev4j.pmd.nullpmd.NullPmdProvider}, its control operations and its rx/tx queues.
 * <p>
 * May depend on: the core's SPI ({@code io.ethdev4j.bus}, {@code ethdev}, {@code mbuf}, {@code mem}, {@code ring}),
 * the module's shared {@code io.ethdev4j.pmd}, {@code io.ethdev4j.eal.Log} only of the runtime,
 * {@code io.ethdev4j.sys}, Agrona. Never on the other software PMDs' packages, PCI, KNI, another PMD module or
 * testpmd.
 */
package io.ethdev4j.pmd.nullpmd;
