package io.ethdev4j.pmd.ring;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;

import java.util.Set;

/** Two net_ring ports wired back to back with {@code peer=}: what net_ring0 sends, net_ring1 receives. */
class RingPairPmdConformanceTest extends EthDevConformance
{
    @Override
    protected PortFixture open()
    {
        final Eal eal = Eal.init("--no-huge", "--vdev", "net_ring0", "--vdev", "net_ring1,peer=net_ring0");
        return PortFixture.pair(eal, eal.port(0), eal.port(1));
    }

    @Override
    protected Set<Capability> capabilities()
    {
        return RingPmdConformanceTest.RING_CAPABILITIES;
    }

    @Override
    protected String driverName()
    {
        return "net_ring";
    }
}
