package io.ethdev4j.pmd.pcap;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Set;

import static io.ethdev4j.testkit.Capability.*;

/**
 * The conformance suites on net_pcap's live interfaces, on a NIC pair ({@link PortFixture#nicPair}): two net_pcap
 * ports, {@code iface=} one end each of a veth pair in a namespace of the test's own ({@link PcapVethPair}), so the
 * loopback, rx (the peer sends the stimulus) and backpressure (setLinkDown sets the interface down) tests run too.
 * A fresh runtime and fresh sockets per test; the pair is set up again before each, in case a test left it down.
 */
class PcapLivePmdConformanceTest extends EthDevConformance
{
    private static PcapVethPair veth;

    @BeforeAll
    static void vethPair()
    {
        veth = new PcapVethPair('c');
    }

    @AfterAll
    static void removeVethPair()
    {
        if (veth != null)
        {
            veth.close();
        }
    }

    @Override
    protected PortFixture open()
    {
        veth.up();
        final Eal eal = Eal.init("--no-huge", "-m", "512");
        try
        {
            final EthDev a = veth.attach(eal, "net_pcap0,iface=" + veth.a);
            final EthDev b = veth.attach(eal, "net_pcap1,iface=" + veth.b);
            return PortFixture.nicPair(eal, a, b);
        }
        catch (final RuntimeException ex)
        {
            eal.close();
            throw ex;
        }
    }

    @Override
    protected Set<Capability> capabilities()
    {
        return Capability.onNicPair(LINK_FOLLOWS_START, LINK_UP_DOWN, MTU_SET, MAC_SET, PROMISCUOUS, ALLMULTICAST);
    }

    @Override
    protected String driverName()
    {
        return "net_pcap";
    }
}
