package io.ethdev4j.pmd.ixgbe;

import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciId;
import io.ethdev4j.pci.PciPmdProvider;
import io.ethdev4j.pmd.intel.IntelPciDevargs;
import io.ethdev4j.sys.Errno;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The ixgbe PMD on the PCI bus ({@code net_ixgbe}, DPDK's name): 82599, X540 and X550 (copper) functions bound to
 * vfio-pci. Device ids from DPDK v22.11's {@code pci_id_ixgbe_map} (ixgbe_type.h): every 82599 id it claims, the
 * X540 and the X550T. Not claimed: the 82598 (a different MAC), the X550EM (registers moved by MAC type, firmware
 * PHY) and every virtual function.
 */
public final class IxgbePmdProvider implements PciPmdProvider
{
    public static final String DRIVER_NAME = "net_ixgbe";

    /** 82599: KX4, KX4_MEZZ, KR, COMBO_BACKPLANE, CX4, SFP, BACKPLANE_FCOE, SFP_FCOE, SFP_EM, SFP_SF2, SFP_SF_QP,
     * QSFP_SF_QP, 82599EN_SFP, XAUI_LOM, T3_LOM. */
    public static final List<Integer> IDS_82599 = List.of(0x10F7, 0x1514, 0x1517, 0x10F8, 0x10F9, 0x10FB, 0x152A,
        0x1529, 0x1507, 0x154D, 0x154A, 0x1558, 0x1557, 0x10FC, 0x151C);
    /** X540T, X540T1. */
    public static final List<Integer> IDS_X540 = List.of(0x1528, 0x1560);
    /** X550T, X550T1. */
    public static final List<Integer> IDS_X550 = List.of(0x1563, 0x15D1);

    private static final List<PciId> IDS;

    static
    {
        final List<PciId> ids = new ArrayList<>();
        for (final List<Integer> family : List.of(IDS_82599, IDS_X540, IDS_X550))
        {
            for (final int d : family)
            {
                ids.add(new PciId(PciId.VENDOR_INTEL, d));
            }
        }
        IDS = Collections.unmodifiableList(ids);
    }

    /** The MAC generation of a claimed id, or null. */
    public static IxgbeEthDev.MacType macType(final PciId id)
    {
        if (id.vendorId() != PciId.VENDOR_INTEL)
        {
            return null;
        }
        final int d = id.deviceId();
        return IDS_82599.contains(d) ? IxgbeEthDev.MacType.E82599 : IDS_X540.contains(d) ?
            IxgbeEthDev.MacType.X540 : IDS_X550.contains(d) ? IxgbeEthDev.MacType.X550 : null;
    }

    @Override
    public String driverName()
    {
        return DRIVER_NAME;
    }

    @Override
    public List<PciId> pciIds()
    {
        return IDS;
    }

    @Override
    public Map<String, String> devargs()
    {
        return IntelPciDevargs.help();
    }

    @Override
    public EthDevOps probe(final ProbeContext ctx, final PciDevice dev)
    {
        final IxgbeEthDev.MacType type = macType(dev.id());
        if (type == null)
        {
            throw EthDevException.of(Errno.ENOTSUP, "probe(" + ctx.name() + ")", dev.id() + " is not an ixgbe device "
                + "this driver supports (82599, X540, X550T)");
        }
        return IxgbeEthDev.probe(ctx.data(), ctx.eal(), dev, type, IntelPciDevargs.linkWaitMs(ctx), dev);
    }
}
