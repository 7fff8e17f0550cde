package io.ethdev4j.pci;

import io.ethdev4j.bus.PmdProvider;
import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.ethdev.EthDevOps;

import java.util.List;

/**
 * A driver on the PCI bus (DPDK's {@code RTE_PMD_REGISTER_PCI} with its {@code rte_pci_id} table), listed in
 * {@code META-INF/services/io.ethdev4j.bus.PmdProvider} like every PMD. The PCI bus probes a function whose
 * vendor/device id the driver claims, bound to vfio-pci and opened through VFIO.
 */
public interface PciPmdProvider extends PmdProvider
{
    /** The vendor/device ids the driver claims. */
    List<PciId> pciIds();

    /**
     * Probes the function and returns its control ops. The devargs' keys have been checked against
     * {@link #devargs()}. A successful probe takes ownership of {@code dev}: the driver closes it in
     * {@code close()}. If probe throws, the bus closes it (release anything else taken before throwing).
     */
    EthDevOps probe(ProbeContext ctx, PciDevice dev);
}
