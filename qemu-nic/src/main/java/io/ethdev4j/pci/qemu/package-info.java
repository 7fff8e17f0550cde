/**
 * A {@code PciDevice} on a QEMU device model, for tests and demos without a VM: the QEMU process
 * ({@link io.ethdev4j.pci.qemu.QemuNicProcess}, {@link io.ethdev4j.pci.qemu.QemuBinary}), the mpqemu protocol and
 * channel ({@link io.ethdev4j.pci.qemu.MpqemuMessage}, {@link io.ethdev4j.pci.qemu.MpqemuChannel}), the device over
 * it ({@link io.ethdev4j.pci.qemu.MpqemuPciDevice}), QMP, and the NIC's backend
 * ({@link io.ethdev4j.pci.qemu.QemuNetdev}).
 * <p>
 * May depend on: {@code io.ethdev4j.pci} and {@code io.ethdev4j.pci.vfio} (the bus-pci module), the core's SPI
 * packages, {@code io.ethdev4j.eal.Log} only of the runtime, {@code io.ethdev4j.sys}, Agrona. Never on a PMD, KNI
 * or testpmd.
 */
package io.ethdev4j.pci.qemu;
