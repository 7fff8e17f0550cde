package io.ethdev4j.vm.guest;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.pmd.igb.IgbPmdProvider;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;

import java.util.Set;

import static io.ethdev4j.testkit.Capability.*;

/**
 * The driver conformance suite on net_e1000_igb over Linux's vfio-pci: the guest's two igb ports, cabled to each
 * other through QEMU's hub, so the loopback, peer, rx-without-tx and backpressure tests all run (0 skipped).
 */
class VfioIgbConformanceGuestTest extends EthDevConformance
{
    @Override
    protected PortFixture open()
    {
        Guest.require();
        final String[] p = Guest.pair();
        // link_wait_ms: start and set-link-up wait for autonegotiation, which a real PHY (and QEMU's) takes time for
        final Eal eal = Eal.init("--no-huge", "-m", "64",
            "-a", p[0] + ",link_wait_ms=3000", "-a", p[1] + ",link_wait_ms=3000");
        return PortFixture.nicPair(eal, eal.port(0), eal.port(1));
    }

    @Override
    protected Set<Capability> capabilities()
    {
        return Capability.onNicPair(LINK_FOLLOWS_START, LINK_UP_DOWN, MTU_SET, MAC_SET, PROMISCUOUS, ALLMULTICAST,
            RESET);
    }

    @Override
    protected String driverName()
    {
        return IgbPmdProvider.DRIVER_NAME;
    }
}
