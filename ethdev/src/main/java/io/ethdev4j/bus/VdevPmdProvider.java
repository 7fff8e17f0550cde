package io.ethdev4j.bus;

import io.ethdev4j.ethdev.EthDevOps;

import java.util.List;

/**
 * A driver on the virtual-device bus ({@code --vdev net_null0}, DPDK's {@code RTE_PMD_REGISTER_VDEV}): it makes its
 * port from the devargs alone. A vdev name matches the longest driver name or alias it starts with
 * ({@code net_ring0} → {@code net_ring}).
 */
public interface VdevPmdProvider extends PmdProvider
{
    /** Other names a vdev may start with (DPDK's aliases, e.g. {@code eth_null}). */
    default List<String> aliases()
    {
        return List.of();
    }

    /**
     * Probes the device and returns its control ops. The devargs' keys have been checked against
     * {@link #devargs()}; values are the driver's to validate. On failure throw {@code EthDevException} having
     * released whatever was taken: no partial port.
     */
    EthDevOps probe(ProbeContext ctx);
}
