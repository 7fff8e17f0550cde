/**
 * {@code net_pcap} (DPDK's {@code drivers/net/pcap}): rx replays a pcap or pcapng file, tx writes a pcap file tcpdump
 * reads, or both receive and send on a live Linux interface through an AF_PACKET socket
 * ({@link io.ethdev4j.pmd.pcap.PcapIface}) — {@link io.ethdev4j.pmd.pcap.PcapPmdProvider}, its control operations
 * and queues (file and live), the file layouts ({@link io.ethdev4j.pmd.pcap.PcapFileDescriptor},
 * {@link io.ethdev4j.pmd.pcap.PcapngBlockDescriptor}), the reader, the writer and the parsed image. A bad file is a
 * package-private checked {@code PcapFormatException} (byte offset and problem) that the provider turns into an
 * EINVAL {@code EthDevException}.
 * <p>
 * May depend on: the core's SPI ({@code io.ethdev4j.bus}, {@code ethdev}, {@code mbuf}, {@code mem}, {@code ring}),
 * the module's shared {@code io.ethdev4j.pmd}, {@code io.ethdev4j.eal.Log} only of the runtime,
 * {@code io.ethdev4j.sys}, Agrona. Never on the other software PMDs' packages, PCI, KNI, another PMD module or
 * testpmd.
 */
package io.ethdev4j.pmd.pcap;
