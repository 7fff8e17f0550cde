package io.ethdev4j.pmd.ring;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;

import java.util.EnumSet;
import java.util.Set;

import static io.ethdev4j.testkit.Capability.*;

/** net_ring alone: the port is wired to itself, so what queue q sends, queue q receives. */
class RingPmdConformanceTest extends EthDevConformance
{
    /** As DPDK's net_ring: no mtu_set, no mac_addr_set (ENOTSUP); bursts move pointers only (no bytes, no port). */
    static final Set<Capability> RING_CAPABILITIES = EnumSet.of(TX_LOOPBACK, TX_BACKPRESSURE, LINK_FOLLOWS_START,
        LINK_UP_DOWN, PROMISCUOUS, ALLMULTICAST, POINTERS_ONLY);

    @Override
    protected PortFixture open()
    {
        final Eal eal = Eal.init("--no-huge", "--vdev", "net_ring0");
        return PortFixture.loopback(eal, eal.port(0));
    }

    @Override
    protected Set<Capability> capabilities()
    {
        return RING_CAPABILITIES;
    }

    @Override
    protected String driverName()
    {
        return "net_ring";
    }
}
