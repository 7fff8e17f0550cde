package io.ethdev4j.pmd.igb;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.pmd.igb.sim.IgbSimPmdProvider;
import io.ethdev4j.testkit.PortFixture;

import java.util.EnumSet;
import java.util.Set;

import static io.ethdev4j.testkit.Capability.*;

/**
 * The igb PMD over the in-process simulator in wire mode (what it sends leaves; nothing arrives unasked) against
 * every conformance suite. A NIC delivers by RSS and re-segments by buffer size, so it has no TX_LOOPBACK in the
 * suites' sense (tx queue q to rx queue q, mbuf for mbuf); loopback is covered by IgbSimPmdTest and the QEMU tests.
 */
class IgbSimConformanceTest extends EthDevConformance
{
    @Override
    protected PortFixture open()
    {
        final Eal eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_igb_sim0,mode=wire");
        return PortFixture.single(eal, eal.port(0));
    }

    @Override
    protected Set<Capability> capabilities()
    {
        return EnumSet.of(LINK_FOLLOWS_START, LINK_UP_DOWN, MTU_SET, MAC_SET, PROMISCUOUS, ALLMULTICAST, RESET);
    }

    @Override
    protected String driverName()
    {
        return IgbSimPmdProvider.DRIVER_NAME;
    }
}
