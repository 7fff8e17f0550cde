/**
 * What the software PMDs of the {@code pmd-sw} module ({@code net_null}, {@code net_ring}, {@code net_pcap}) share:
 * {@link io.ethdev4j.pmd.SoftwarePortOps}, a fixed 10G link and statistics summed from the queues. The PMDs
 * themselves are the subpackages, one per driver.
 * <p>
 * May depend on: the core's SPI ({@code io.ethdev4j.bus}, {@code ethdev}, {@code mbuf}, {@code mem}, {@code ring}),
 * {@code io.ethdev4j.eal.Log} only of the runtime, {@code io.ethdev4j.sys}. Never on PCI, another PMD module, KNI or
 * testpmd.
 */
package io.ethdev4j.pmd;
