package io.ethdev4j.pmd.igb;

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
 * The igb PMD on the PCI bus ({@code net_e1000_igb}, DPDK's name): 82576 and I350 functions bound to vfio-pci,
 * found by the runtime's scan or named with {@code -a 0000:01:00.0[,link_wait_ms=N]}. Device ids from DPDK's
 * {@code pci_id_igb_map} (e1000_hw.h).
 */
public final class IgbPmdProvider implements PciPmdProvider
{
    public static final String DRIVER_NAME = "net_e1000_igb";

    /** 82576: copper, fiber, serdes, quad copper, quad copper ET2, NS, NS serdes, serdes quad. */
    public static final List<Integer> IDS_82576 = List.of(0x10C9, 0x10E6, 0x10E7, 0x10E8, 0x1526, 0x150A, 0x1518,
        0x150D);
    /** I350: copper, fiber, serdes, SGMII, DA4. */
    public static final List<Integer> IDS_I350 = List.of(0x1521, 0x1522, 0x1523, 0x1524, 0x1546);

    private static final List<PciId> IDS;

    static
    {
        final List<PciId> ids = new ArrayList<>();
        for (final int d : IDS_82576)
        {
            ids.add(new PciId(PciId.VENDOR_INTEL, d));
        }
        for (final int d : IDS_I350)
        {
            ids.add(new PciId(PciId.VENDOR_INTEL, d));
        }
        IDS = Collections.unmodifiableList(ids);
    }

    /** The MAC generation of a claimed id, or null. */
    public static IgbEthDev.MacType macType(final PciId id)
    {
        if (id.vendorId() != PciId.VENDOR_INTEL)
        {
            return null;
        }
        return IDS_82576.contains(id.deviceId()) ? IgbEthDev.MacType.E82576 :
            IDS_I350.contains(id.deviceId()) ? IgbEthDev.MacType.I350 : null;
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
        final IgbEthDev.MacType type = macType(dev.id());
        if (type == null)
        {
            throw EthDevException.of(Errno.ENOTSUP, "probe(" + ctx.name() + ")", dev.id() + " is not an igb device");
        }
        return IgbEthDev.probe(ctx.data(), ctx.eal(), dev, type, IntelPciDevargs.linkWaitMs(ctx), dev);
    }
}
