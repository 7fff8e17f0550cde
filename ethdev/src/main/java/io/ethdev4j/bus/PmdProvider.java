package io.ethdev4j.bus;

import java.util.Map;

/**
 * A poll-mode driver plugin, found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.ethdev4j.bus.PmdProvider}). It names its driver ({@code net_null}) and the devargs it
 * takes; it sits on one bus, which it says by the interface it implements and which types its probe:
 * {@link VdevPmdProvider} ({@code probe(ctx)}) or {@code io.ethdev4j.pci.PciPmdProvider} (module bus-pci: the PCI
 * ids it claims, {@code probe(ctx, pciDevice)}).
 */
public interface PmdProvider
{
    /** Driver name, e.g. {@code net_null}. */
    String driverName();

    /** Devargs keys and a short description of their values (RTE_PMD_REGISTER_PARAM_STRING). */
    Map<String, String> devargs();
}
