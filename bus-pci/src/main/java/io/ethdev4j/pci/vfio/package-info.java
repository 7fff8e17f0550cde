/**
 * The kernel VFIO transport of a {@code PciDevice} (ixy's {@code libixy-vfio.c}, DPDK's {@code eal_vfio.c}): the
 * container ({@link io.ethdev4j.pci.vfio.VfioContainer}, one IOMMU context for the process), IOMMU groups
 * ({@link io.ethdev4j.pci.vfio.VfioGroup}) and devices ({@link io.ethdev4j.pci.vfio.VfioDevice}: mapped BARs,
 * config space, DMA maps, MSI-X eventfds).
 * <p>
 * May depend on: {@code io.ethdev4j.pci} (the SPI it implements), {@code io.ethdev4j.sys} (the VFIO ioctls), Agrona;
 * the core's SPI packages as {@code pci} may. Never on the runtime ({@code eal}, {@code Log} aside), a PMD, KNI or
 * testpmd.
 */
package io.ethdev4j.pci.vfio;
