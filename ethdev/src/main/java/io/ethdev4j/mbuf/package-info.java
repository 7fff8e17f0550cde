/**
 * Packet buffers: the off-heap {@code rte_mbuf} header layout ({@link io.ethdev4j.mbuf.MbufDescriptor}, byte for
 * byte DPDK v22.11's first 128 bytes), the {@link io.ethdev4j.mbuf.Mbuf} flyweight over it, offload flags, and the
 * pool ({@link io.ethdev4j.mbuf.MbufPool}: {@code rte_pktmbuf_pool_create} over a DMA region and a ring, with
 * per-lcore caches, {@link io.ethdev4j.mbuf.MbufCache}).
 * <p>
 * May depend on: {@code io.ethdev4j.mem}, {@code io.ethdev4j.ring}, {@code io.ethdev4j.sys}, Agrona. Two references
 * upwards remain, and no others may be added: {@code io.ethdev4j.eal.Lcore} (which cache the calling lcore uses) and
 * {@code io.ethdev4j.ethdev.EthDevException}. Never {@code ethdev}'s ports, {@code bus}, or a driver.
 */
package io.ethdev4j.mbuf;
