/**
 * The PCI bus (DPDK's {@code drivers/bus/pci} on Linux, VFIO only): addresses and ids, the sysfs scan
 * ({@link io.ethdev4j.pci.PciBus}), {@code -a}/{@code -b}/{@code --no-pci} and probing
 * ({@link io.ethdev4j.pci.VfioPciBus}, plugged in by {@link io.ethdev4j.pci.PciBusProvider}), the device-access SPI
 * drivers program against ({@link io.ethdev4j.pci.PciDevice}: BARs, config space, DMA mapping, interrupts), the
 * PCI driver plugin ({@link io.ethdev4j.pci.PciPmdProvider}) and {@link io.ethdev4j.pci.PciException}.
 * <p>
 * May depend on: the core's SPI ({@code io.ethdev4j.bus}, {@code ethdev}, {@code mbuf}, {@code mem}, {@code ring}),
 * {@code io.ethdev4j.eal.Log} only of the runtime, {@code io.ethdev4j.sys}, and its transport
 * {@code io.ethdev4j.pci.vfio}. Never on a transport of another module ({@code pci.qemu}), a PMD, KNI or testpmd.
 */
package io.ethdev4j.pci;
