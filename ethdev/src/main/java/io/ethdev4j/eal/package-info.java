/**
 * The runtime (DPDK's EAL): {@link io.ethdev4j.eal.Eal} (options, memory, lcores, buses probed the DPDK way, the
 * port table), its command line ({@link io.ethdev4j.eal.EalArgs}, bad options as
 * {@link io.ethdev4j.eal.EalArgsException}, EINVAL), lcores ({@link io.ethdev4j.eal.Lcore},
 * {@link io.ethdev4j.eal.LcoreThread}) and the logging API {@link io.ethdev4j.eal.Log} (over
 * {@code io.ethdev4j.sys.RteLog}).
 * <p>
 * May depend on: every core package ({@code bus}, {@code ethdev}, {@code mbuf}, {@code mem}, {@code ring}) and
 * {@code io.ethdev4j.sys}. Never on a bus or driver module: those are found at run time with
 * {@link java.util.ServiceLoader}. Buses and drivers may use {@link io.ethdev4j.eal.Log} from here, nothing else;
 * they reach the runtime through {@code io.ethdev4j.bus.EalServices}.
 */
package io.ethdev4j.eal;
