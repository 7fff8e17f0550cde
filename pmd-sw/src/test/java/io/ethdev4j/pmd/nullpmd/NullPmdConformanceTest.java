package io.ethdev4j.pmd.nullpmd;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;

import java.util.EnumSet;
import java.util.Set;

import static io.ethdev4j.testkit.Capability.*;

/** net_null against every conformance suite: rx makes packets, tx frees them. */
class NullPmdConformanceTest extends EthDevConformance
{
    @Override
    protected PortFixture open()
    {
        final Eal eal = Eal.init("--no-huge", "--vdev", "net_null0,size=64");
        return PortFixture.single(eal, eal.port(0));
    }

    @Override
    protected Set<Capability> capabilities()
    {
        // as DPDK's net_null: no promiscuous, all-multicast or link up/down ops (both modes stay on)
        return EnumSet.of(RX_WITHOUT_TX, TX_SINK, LINK_FOLLOWS_START, MTU_SET, MAC_SET);
    }

    @Override
    protected String driverName()
    {
        return "net_null";
    }
}
