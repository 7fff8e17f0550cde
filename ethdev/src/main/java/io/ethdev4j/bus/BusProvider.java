package io.ethdev4j.bus;

import java.util.List;

/**
 * A bus plugin (DPDK's {@code RTE_REGISTER_BUS}), found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.ethdev4j.bus.BusProvider}. The runtime opens one {@link Bus} per runtime from it.
 */
public interface BusProvider
{
    /** The bus's name, as {@link Bus#name()}. */
    String name();

    /**
     * Opens the bus for one runtime.
     *
     * @param config  the EAL's device options (allow/block lists, disabled buses).
     * @param drivers every PMD provider the runtime knows; the bus keeps those of its own kind.
     */
    Bus open(BusConfig config, List<PmdProvider> drivers);
}
