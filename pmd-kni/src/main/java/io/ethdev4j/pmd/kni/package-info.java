/**
 * The {@code net_kni} PMD (DPDK's drivers/net/kni): a port whose other end is a Linux interface, built on the KNI
 * library.
 * <p>
 * May depend on: {@link io.ethdev4j.kni} (the library), {@link io.ethdev4j.kni.abi} (counter ids, MTU constants), the
 * ethdev SPI ({@code io.ethdev4j.bus}, {@code .ethdev}, {@code .eal}, {@code .mbuf}, {@code .sys}). Never
 * {@code io.ethdev4j.kni.kernel..}.
 */
package io.ethdev4j.pmd.kni;
