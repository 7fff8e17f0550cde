/**
 * The bus and driver SPI ({@code rte_bus}, {@code rte_driver}): {@link io.ethdev4j.bus.Bus} and its plugin
 * {@link io.ethdev4j.bus.BusProvider}, the driver plugin {@link io.ethdev4j.bus.PmdProvider} (found with
 * {@link java.util.ServiceLoader}), what a probe receives ({@link io.ethdev4j.bus.ProbeContext},
 * {@link io.ethdev4j.bus.EalServices}: the runtime's services as a driver may use them), devargs parsing, and the
 * virtual-device bus ({@link io.ethdev4j.bus.VdevBus}, {@link io.ethdev4j.bus.VdevPmdProvider}).
 * <p>
 * May depend on: {@code io.ethdev4j.ethdev}, {@code io.ethdev4j.mbuf}, {@code io.ethdev4j.mem},
 * {@code io.ethdev4j.ring}, {@code io.ethdev4j.sys}. Never on {@code io.ethdev4j.eal}: the runtime implements
 * {@code EalServices} and drives the buses, and a bus or driver sees it only through this package. Never on a bus
 * or driver module.
 */
package io.ethdev4j.bus;
