/**
 * The port API ({@code rte_ethdev}): {@link io.ethdev4j.ethdev.EthDev}, one port's lifecycle and DPDK's error
 * semantics around a driver's control operations ({@link io.ethdev4j.ethdev.EthDevOps}, the ops SPI); the burst
 * functions a driver installs apart from them ({@link io.ethdev4j.ethdev.RxBurst}, {@link io.ethdev4j.ethdev.TxBurst});
 * the port's data and configuration structs ({@code rte_eth_conf}, {@code _dev_info}, {@code _stats}, {@code _link},
 * xstats, MAC address); per-queue counters; and {@link io.ethdev4j.ethdev.EthDevException}, the control-path error.
 * <p>
 * May depend on: {@code io.ethdev4j.mbuf} (what bursts move), {@code io.ethdev4j.sys}. Not on {@code bus} or
 * {@code eal} (they use this package, not the reverse), and on no driver.
 */
package io.ethdev4j.ethdev;
