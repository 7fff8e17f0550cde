/**
 * The igb PMD (82576 / I350, DPDK's {@code drivers/net/intel/e1000} igb part): the control path
 * ({@link io.ethdev4j.pmd.igb.IgbEthDev}) over any {@code PciDevice}, the registers with datasheet names
 * ({@link io.ethdev4j.pmd.igb.IgbRegs}), its queue register map and hardware statistics, and its providers:
 * {@code net_e1000_igb} on the PCI bus ({@link io.ethdev4j.pmd.igb.IgbPmdProvider}) and {@code net_qemu_igb} on
 * QEMU's emulated 82576 ({@link io.ethdev4j.pmd.igb.IgbQemuPmdProvider}). Queues and bursts are intel-common's.
 * <p>
 * May depend on: {@code io.ethdev4j.pmd.intel}, {@code io.ethdev4j.pci} and its transports ({@code pci.vfio},
 * {@code pci.qemu}), the core's SPI ({@code io.ethdev4j.bus}, {@code ethdev}, {@code mbuf}, {@code mem},
 * {@code ring}), {@code io.ethdev4j.eal.Log} only of the runtime, {@code io.ethdev4j.sys}. Never on another PMD
 * ({@code pmd.kni}, the software PMDs), KNI or testpmd.
 */
package io.ethdev4j.pmd.igb;
