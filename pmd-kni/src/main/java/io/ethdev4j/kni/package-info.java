/**
 * The KNI library, DPDK's {@code rte_kni_*} ({@link io.ethdev4j.kni.KniContext} = rte_kni_init/alloc/release/close,
 * {@link io.ethdev4j.kni.Kni} = one KNI: bursts, requests, link), the application side of KNI.
 * <p>
 * May depend on: the runtime ({@code io.ethdev4j.eal}, {@code .mbuf}, {@code .mem}, {@code .ethdev}, {@code .sys}),
 * and of the kernel module only its published interface: {@link io.ethdev4j.kni.abi} (shared memory) and
 * {@link io.ethdev4j.kni.control} (the control channel). Never {@code io.ethdev4j.kni.kernel..}: the kernel side may
 * be another process.
 */
package io.ethdev4j.kni;
