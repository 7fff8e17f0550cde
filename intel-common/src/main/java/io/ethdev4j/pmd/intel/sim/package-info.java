/**
 * The data-moving half of a simulated advanced-descriptor NIC ({@link io.ethdev4j.pmd.intel.sim.SimDescriptorEngine}
 * over the ring registers a {@link io.ethdev4j.pmd.intel.sim.SimRegisterFile} exposes, in a
 * {@link io.ethdev4j.pmd.intel.sim.SimMode}), for benchmarks and driver tests without hardware or QEMU.
 * <p>
 * May depend on: {@code io.ethdev4j.pmd.intel} (the descriptor layouts), and what that package may. Never on a
 * NIC's PMD: each NIC's simulated device ({@code pmd.igb.sim}) builds on this package.
 */
package io.ethdev4j.pmd.intel.sim;
