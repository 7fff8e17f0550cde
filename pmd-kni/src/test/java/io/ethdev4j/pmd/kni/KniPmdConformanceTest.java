package io.ethdev4j.pmd.kni;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestNetns;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.EnumSet;
import java.util.Set;

import static io.ethdev4j.testkit.Capability.*;

/**
 * The conformance suites on net_kni. The interface is made in a namespace of the test's own, and the kernel side
 * runs DPDK's test mode lo_mode_fifo (what the port sends comes back on its rx queue, first segment only), so the
 * kernel-side counters that feed imissed/oerrors cannot move behind a test's back. TX_LOOPBACK is not declared: the
 * loopback copies only a packet's first segment, as rte_kni.ko's.
 * <p>
 * A KNI, like a NIC's rx ring, holds empty mbufs on alloc_q from the start (rte_kni_alloc pre-fills, rx_burst
 * refills): the suites compare the pool's in-use count with the count after start, and check that the pool is full
 * again once the port is closed.
 */
class KniPmdConformanceTest extends EthDevConformance
{
    private static TestNetns ns;

    @BeforeAll
    static void namespace()
    {
        NetAdmin.require();
        ns = new TestNetns();
    }

    @AfterAll
    static void removeNamespace()
    {
        if (ns != null)
        {
            ns.close();
        }
    }

    @Override
    protected PortFixture open()
    {
        final Eal eal = Eal.init("--no-huge", "-m", "512", "--kni-lo-mode=lo_mode_fifo", "--vdev",
            "net_kni0,netns=" + ns.name());
        return PortFixture.single(eal, eal.port(0));
    }

    @Override
    protected Set<Capability> capabilities()
    {
        return EnumSet.of(LINK_FOLLOWS_START, MTU_SET, MAC_SET, PROMISCUOUS, ALLMULTICAST);
    }

    @Override
    protected String driverName()
    {
        return "net_kni";
    }
}
