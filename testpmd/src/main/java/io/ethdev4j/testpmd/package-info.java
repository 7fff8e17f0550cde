/**
 * testpmd (DPDK's {@code app/test-pmd}), split as DPDK splits it: the launcher ({@link io.ethdev4j.testpmd.TestPmd}),
 * the settings in one {@link io.ethdev4j.testpmd.TestPmdConfig} filled by {@link io.ethdev4j.testpmd.Parameters},
 * port control ({@link io.ethdev4j.testpmd.PortControl}, {@link io.ethdev4j.testpmd.PortState}), forwarding control
 * over a {@link io.ethdev4j.testpmd.FwdConfig} of streams ({@link io.ethdev4j.testpmd.FwdControl}) and the output
 * formats ({@link io.ethdev4j.testpmd.Displays}). What it prints on its out and err streams is its user interface
 * (DPDK's formats), not diagnostics; diagnostics go through {@code io.ethdev4j.eal.Log}.
 * <p>
 * May depend on: the core (the runtime included), {@code io.ethdev4j.sys}, its subpackages {@code testpmd.cmd} and
 * {@code testpmd.fwd}, JLine, HdrHistogram (latency statistics). Never on a bus or driver module: the PCI bus and the PMDs are found at run time with
 * {@link java.util.ServiceLoader}. Nothing depends on testpmd.
 */
package io.ethdev4j.testpmd;
