package io.ethdev4j.pmd.ixgbe;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.pmd.ixgbe.sim.IxgbeSimPmdProvider;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ethdev4j.testkit.Capability.*;

/**
 * The ixgbe PMD on two in-process 82599 models cabled to each other (wire mode, one named cable per test), in strict
 * mode (a datasheet ordering rule broken fails the access), against every conformance suite: loopback through the
 * peer, rx stimulated by the peer, backpressure by link down, RSS spreading, stats, lifecycle, control calls.
 */
class IxgbeSimConformanceTest extends EthDevConformance
{
    private static final AtomicInteger CABLE = new AtomicInteger();

    @Override
    protected PortFixture open()
    {
        final String cable = "ixconf" + CABLE.incrementAndGet();
        final Eal eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_ixgbe_sim0,mode=wire,wire=" + cable,
            "--vdev", "net_ixgbe_sim1,mode=wire,wire=" + cable);
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
        return IxgbeSimPmdProvider.DRIVER_NAME;
    }
}
