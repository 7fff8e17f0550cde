package io.ethdev4j.pmd.ixgbe;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599Model;
import io.ethdev4j.pmd.ixgbe.sim.IxgbeSimDevice;
import io.ethdev4j.pmd.ixgbe.sim.IxgbeSimPmdProvider;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ethdev4j.testkit.Capability.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ixgbe PMD on two in-process 82599 models cabled to each other (wire mode, one named cable per test), in strict
 * mode (a datasheet ordering rule broken fails the access), against every conformance suite: loopback through the
 * peer, rx stimulated by the peer, backpressure by link down, RSS spreading, stats, lifecycle, control calls.
 */
class IxgbeSimConformanceTest extends EthDevConformance
{
    private static final AtomicInteger CABLE = new AtomicInteger();
    private final List<Ixgbe82599Model> models = new ArrayList<>();

    @Override
    protected PortFixture open()
    {
        final String cable = "ixconf" + CABLE.incrementAndGet();
        final Eal eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_ixgbe_sim0,mode=wire,wire=" + cable,
            "--vdev", "net_ixgbe_sim1,mode=wire,wire=" + cable);
        for (int p = 0; p < 2; p++)
        {
            models.add(((IxgbeSimDevice)((IxgbeEthDev)eal.port(p).ops()).device()).model());
        }
        return PortFixture.nicPair(eal, eal.port(0), eal.port(1));
    }

    /**
     * After each suite test (the suite closed its fixture): no datasheet ordering rule was broken. Strict mode throws
     * at the access, but a doorbell's exception ends in the queue's failed state (TailRegister), so check the record.
     */
    @AfterEach
    void noOrderingViolations()
    {
        for (final Ixgbe82599Model m : models)
        {
            assertEquals(List.of(), m.violations());
        }
        models.clear();
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
