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
 * The igb PMD over the in-process simulator in loopback mode (tx queue q arrives on rx queue q, cut by SRRCTL's buffer
 * size, as a NIC in MAC loopback) against every conformance suite ({@link PortFixture#nicLoopback}); the transmitter
 * stops while the link is set down (TCTL.EN), which the backpressure test uses. Nothing arrives unasked on a
 * self-loop: RX_WITHOUT_TX is covered on a cabled pair by QemuIgbConformanceTest and, over vfio-pci,
 * VfioIgbConformanceGuestTest.
 */
class IgbSimConformanceTest extends EthDevConformance
{
    @Override
    protected PortFixture open()
    {
        final Eal eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_igb_sim0,mode=loopback");
        return PortFixture.nicLoopback(eal, eal.port(0));
    }

    @Override
    protected Set<Capability> capabilities()
    {
        return EnumSet.of(TX_LOOPBACK, TX_BACKPRESSURE, LINK_FOLLOWS_START, LINK_UP_DOWN, MTU_SET, MAC_SET, PROMISCUOUS, ALLMULTICAST,
            RESET);
    }

    @Override
    protected String driverName()
    {
        return IgbSimPmdProvider.DRIVER_NAME;
    }
}
