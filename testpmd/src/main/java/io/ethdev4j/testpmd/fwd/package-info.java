/**
 * testpmd's forwarding engines, one class per engine as DPDK has one file per engine (io, mac, macswap, rxonly,
 * txonly, flowgen, icmpecho), the engine table, streams and the forwarding lcore's duty cycle
 * ({@link io.ethdev4j.testpmd.fwd.FwdLcore}). Hot path: nothing here allocates, logs or throws after
 * {@code streamInit}.
 * <p>
 * May depend on: the core's port and buffer API ({@code io.ethdev4j.ethdev}, {@code io.ethdev4j.mbuf}; the rest of
 * the core if an engine needs it), {@code io.ethdev4j.sys}, HdrHistogram's recorder (--latencystats). Never on {@code io.ethdev4j.testpmd} or
 * {@code testpmd.cmd} (they drive the engines, not the reverse), and never on a bus or driver module.
 */
package io.ethdev4j.testpmd.fwd;
