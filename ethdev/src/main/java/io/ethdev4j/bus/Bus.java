package io.ethdev4j.bus;

/** The bus a driver sits on; DPDK probes PCI first and the virtual-device bus last. */
public enum Bus
{
    PCI,
    VDEV
}
