package io.ethdev4j.bus;

import io.ethdev4j.ethdev.EthDevOps;

import java.util.List;
import java.util.Map;

/**
 * A poll-mode driver plugin, found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.ethdev4j.bus.PmdProvider}). It names its driver ({@code net_null}), its bus
 * (vdev, or PCI with the vendor/device ids it claims) and the devargs it takes; a vdev name matches by prefix
 * ({@code net_ring0} → {@code net_ring}).
 */
public interface PmdProvider
{
    /** Driver name, e.g. {@code net_null}. */
    String driverName();

    /** Other names a vdev may start with (DPDK's aliases, e.g. {@code eth_null}). */
    default List<String> aliases()
    {
        return List.of();
    }

    Bus bus();

    /** PCI ids claimed (PCI drivers only). */
    default List<PciId> pciIds()
    {
        return List.of();
    }

    /** Devargs keys and a short description of their values (RTE_PMD_REGISTER_PARAM_STRING). */
    Map<String, String> devargs();

    /**
     * Probes the device and returns its control ops. The devargs' keys have been checked against
     * {@link #devargs()}; values are the driver's to validate. On failure throw {@code EthDevException} having
     * released whatever was taken: no partial port.
     */
    EthDevOps probe(ProbeContext ctx);
}
