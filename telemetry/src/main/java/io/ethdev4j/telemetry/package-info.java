/**
 * DPDK's telemetry library (lib/telemetry): the v2 socket ({@code dpdk_telemetry.v2} in the runtime directory,
 * SOCK_SEQPACKET, DPDK's greeting and JSON framing) served by {@link io.ethdev4j.telemetry.TelemetryServer}, the
 * command registry ({@link io.ethdev4j.telemetry.Telemetry}, {@code rte_telemetry_register_cmd}), the reply data
 * and its JSON ({@link io.ethdev4j.telemetry.TelData}, {@link io.ethdev4j.telemetry.TelJson}), and the runtime's own
 * commands ({@code /eal/*}, {@code /ethdev/*}, {@code /mempool/*}, {@code /ring/*}). Started as an
 * {@code EalPlugin}: the core does not depend on it; other libraries (KNI) register their commands with it.
 * <p>
 * May depend on: the core ({@code eal}, {@code ethdev}, {@code mbuf}, {@code ring}) and {@code io.ethdev4j.sys}
 * (AF_UNIX sockets). Never a bus, a driver or an application. Telemetry threads are control threads: nothing here
 * runs on an lcore or takes a lock a burst takes.
 */
package io.ethdev4j.telemetry;
