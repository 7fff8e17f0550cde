/**
 * The shared-memory ABI between a KNI application and the kernel side — DPDK v22.11 {@code rte_kni_common.h} and
 * {@code rte_kni_fifo.h}: the FIFO layout and its operations ({@link io.ethdev4j.kni.abi.KniFifo},
 * {@link io.ethdev4j.kni.abi.KniFifoDescriptor}), the kernel's view of an mbuf
 * ({@link io.ethdev4j.kni.abi.KniMbufDescriptor}), the request in the sync area and its ids
 * ({@link io.ethdev4j.kni.abi.KniRequest}, {@link io.ethdev4j.kni.abi.KniRequestId}), the create call's device info
 * ({@link io.ethdev4j.kni.abi.KniDeviceInfo}), plus what both sides agree on beyond DPDK: which memory holds mbufs
 * ({@link io.ethdev4j.kni.abi.MempoolRange}) and the per-interface counter ids
 * ({@link io.ethdev4j.kni.abi.KniCounter}).
 * <p>
 * Both sides use these classes; they hold no state of either side. Bad values are
 * {@link java.lang.IllegalArgumentException}s (all EINVAL).
 * <p>
 * May depend on: the JDK and Agrona ({@code UnsafeApi}) only — nothing else of ethdev4j.
 */
package io.ethdev4j.kni.abi;
