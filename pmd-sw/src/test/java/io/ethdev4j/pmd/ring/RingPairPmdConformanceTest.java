package io.ethdev4j.pmd.ring;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;

import java.util.EnumSet;
import java.util.Set;

/**
 * Two net_ring ports wired back to back with {@code peer=}: what net_ring0 sends, net_ring1 receives, and the other
 * way round (frames arriving at net_ring0 unasked: net_ring1 sends them, {@link PortFixture#stimulateRx}).
 */
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
        final Set<Capability> c = EnumSet.copyOf(RingPmdConformanceTest.RING_CAPABILITIES);
        c.add(Capability.RX_WITHOUT_TX);
        return c;
    }

    @Override
    protected String driverName()
    {
        return "net_ring";
    }
}
