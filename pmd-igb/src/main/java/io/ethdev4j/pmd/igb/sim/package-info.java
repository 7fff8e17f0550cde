/**
 * {@code net_igb_sim}: the igb PMD over an in-process 82576 ({@link io.ethdev4j.pmd.igb.sim.IgbSimDevice}, its
 * register file on intel-common's simulated descriptor engine) that completes descriptors at once, loops back or
 * wires two ports — for benchmarks and driver tests without QEMU ({@link io.ethdev4j.pmd.igb.sim.IgbSimPmdProvider}).
 * <p>
 * May depend on: {@code io.ethdev4j.pmd.igb}, {@code io.ethdev4j.pmd.intel.sim}, and what {@code pmd.igb} may.
 * {@code pmd.igb} never depends on it.
 */
package io.ethdev4j.pmd.igb.sim;
