/**
 * {@code net_ixgbe_sim}: the ixgbe PMD over an in-process Intel 82599 model. The model is
 * {@link io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599Model} (register file, side-band behaviour, counters, the wire, strict
 * ordering rules) over its own register table {@link io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599RegisterMap} (datasheet
 * names, native and alias addresses, reset values; written apart from the driver's constants) and intel-common's
 * descriptor engine; {@link io.ethdev4j.pmd.ixgbe.sim.IxgbeSimDevice} presents it as a PCI device and
 * {@link io.ethdev4j.pmd.ixgbe.sim.IxgbeSimPmdProvider} as a vdev.
 * <p>
 * May depend on: {@code io.ethdev4j.pmd.ixgbe}, {@code io.ethdev4j.pmd.intel.sim}, and what {@code pmd.ixgbe} may.
 * {@code pmd.ixgbe} never depends on it.
 */
package io.ethdev4j.pmd.ixgbe.sim;
