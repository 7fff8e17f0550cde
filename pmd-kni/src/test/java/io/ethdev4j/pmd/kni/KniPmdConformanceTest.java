package io.ethdev4j.pmd.kni;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestNetns;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static io.ethdev4j.testkit.Capability.*;

/**
 * The conformance suites on net_kni, on a NIC pair ({@link PortFixture#nicPair}): two net_kni ports whose interfaces
 * are cabled to each other in a namespace of the test's own, so the loopback, rx and backpressure tests run too.
 * <p>
 * The cable is a tc ingress redirect each way: what the kernel receives on one interface (what its port sent) leaves
 * the other unchanged towards that port ({@code u32 match u32 0 0 action mirred egress redirect}). The ports'
 * {@code script=} sets it up when each interface is created (at its port's first start, before any traffic): the
 * interface goes up and gets an ingress qdisc, and the second one wires both directions. The namespace has IPv6
 * disabled and the interfaces have no addresses, so the kernel sends nothing of its own on the wire, and the kernel
 * counters behind imissed/oerrors cannot move behind a test's back. A fresh runtime (two new interfaces) per test.
 * <p>
 * A KNI, like a NIC's rx ring, holds empty mbufs on alloc_q from the start (rte_kni_alloc pre-fills, rx_burst
 * refills): the suites compare the pool's in-use count with the count after start, and check that the pool is full
 * again once the ports are closed.
 */
class KniPmdConformanceTest extends EthDevConformance
{
    /** Interface names unique to this process, as the KNI library's names are global to a runtime's kernel side. */
    private static final String IF_A = "knikcw" + ProcessHandle.current().pid() + "a";
    private static final String IF_B = "knikcw" + ProcessHandle.current().pid() + "b";

    private static TestNetns ns;
    private static Path script;

    @BeforeAll
    static void namespaceAndCable() throws IOException
    {
        NetAdmin.require();
        ns = new TestNetns();
        // interfaces made from now on in the namespace get no IPv6 (no link-local address, no ND/MLD frames)
        ns.exec("sysctl", "-q", "-w", "net.ipv6.conf.default.disable_ipv6=1", "net.ipv6.conf.all.disable_ipv6=1");
        script = Files.createTempFile("kni-cable-", ".sh", PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
        Files.writeString(script, String.join("\n",
            "#!/bin/sh",
            "# net_kni script=: $1 was just created (its port's first start), in the test's namespace",
            "set -e",
            "ip link set dev \"$1\" up",
            "tc qdisc add dev \"$1\" ingress",
            "if [ \"$1\" = " + IF_A + " ]; then other=" + IF_B + "; else other=" + IF_A + "; fi",
            "if ip link show dev \"$other\" >/dev/null 2>&1; then",
            "  for d in \"$1 $other\" \"$other $1\"; do",
            "    set -- $d",
            "    tc filter add dev \"$1\" parent ffff: protocol all u32 match u32 0 0 action mirred egress redirect dev \"$2\"",
            "  done",
            "fi",
            ""));
    }

    @AfterAll
    static void removeNamespace() throws IOException
    {
        if (ns != null)
        {
            ns.close();
        }
        if (script != null)
        {
            Files.deleteIfExists(script);
        }
    }

    @Override
    protected PortFixture open()
    {
        final String args = ",netns=" + ns.name() + ",script=" + script;
        final Eal eal = Eal.init("--no-huge", "-m", "512", "--vdev", "net_" + IF_A + args, "--vdev", "net_" + IF_B + args);
        return PortFixture.nicPair(eal, eal.port(0), eal.port(1));
    }

    @Override
    protected Set<Capability> capabilities()
    {
        return Capability.onNicPair(LINK_FOLLOWS_START, LINK_UP_DOWN, MTU_SET, MAC_SET, PROMISCUOUS, ALLMULTICAST);
    }

    @Override
    protected String driverName()
    {
        return "net_kni";
    }
}
