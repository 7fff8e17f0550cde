/**
 * What the Intel PMDs share (DPDK's {@code drivers/net/intel/common}): the advanced rx/tx descriptor layouts,
 * {@link io.ethdev4j.pmd.intel.IntelRxQueue} and {@link io.ethdev4j.pmd.intel.IntelTxQueue} with their
 * {@link io.ethdev4j.pmd.intel.TailRegister}s, one port's queue set, ring programming from a per-NIC
 * {@link io.ethdev4j.pmd.intel.QueueRegisterMap}, clear-on-read hardware counters, RSS programming, and the DMA
 * regions a port maps for its device.
 * <p>
 * May depend on: {@code io.ethdev4j.pci} (the device-access SPI; not a transport), the core's SPI
 * ({@code io.ethdev4j.bus}, {@code ethdev}, {@code mbuf}, {@code mem}, {@code ring}), {@code io.ethdev4j.eal.Log}
 * only of the runtime, {@code io.ethdev4j.sys}, Agrona. Never on a NIC's PMD ({@code pmd.igb}), another PMD, KNI or
 * testpmd: the NIC drivers depend on this package. Nor on its {@code sim} subpackage, which builds on it.
 */
package io.ethdev4j.pmd.intel;
