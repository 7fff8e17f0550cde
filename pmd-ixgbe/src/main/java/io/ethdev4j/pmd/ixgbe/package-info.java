/**
 * The ixgbe poll-mode driver ({@code net_ixgbe}): Intel 82599, X540 and X550T over any {@link io.ethdev4j.pci.PciDevice}
 * (kernel VFIO, the in-process 82599 model). {@link io.ethdev4j.pmd.ixgbe.IxgbeEthDev} is the control path in the
 * datasheet's order; queues, ring programming, counters and RSS tables are intel-common's
 * ({@code io.ethdev4j.pmd.intel}), driven by {@link io.ethdev4j.pmd.ixgbe.IxgbeQueueRegisterMap} and the
 * register names of {@link io.ethdev4j.pmd.ixgbe.IxgbeRegs}.
 * <p>
 * May depend on: {@code io.ethdev4j.pmd.intel}, {@code io.ethdev4j.pci} (and its VFIO transport), the core's SPI,
 * {@code eal.Log}, {@code sys}. Never on its model ({@code pmd.ixgbe.sim}), KNI or the applications.
 */
package io.ethdev4j.pmd.ixgbe;
