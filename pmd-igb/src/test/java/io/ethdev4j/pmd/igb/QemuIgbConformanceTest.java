package io.ethdev4j.pmd.igb;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.pci.qemu.QemuBinary;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;
import io.ethdev4j.testkit.Prerequisites;

import java.util.EnumSet;
import java.util.Set;

import static io.ethdev4j.testkit.Capability.*;

/**
 * The igb PMD on QEMU's emulated 82576 against every conformance suite: one QEMU per test, its wire a UDP socket on
 * 127.0.0.1 that sends to itself (frames the port sends come back but are dropped by the MAC filter unless
 * promiscuous). No TX_LOOPBACK in the suites' sense (a NIC re-segments and spreads by RSS); end-to-end traffic is in
 * {@link QemuIgbTrafficTest}.
 */
class QemuIgbConformanceTest extends EthDevConformance
{
    @Override
    protected PortFixture open()
    {
        Prerequisites.require(QemuBinary.locate().isPresent(), "needs qemu-system-x86_64 >= " +
            QemuBinary.MIN_MAJOR_VERSION + " (run tools/setup-qemu.sh)");
        final Eal eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_qemu_igb0,netdev=udp:" + QemuIgbTrafficTest.freeUdpPort());
        return PortFixture.single(eal, eal.port(0));
    }

    @Override
    protected Set<Capability> capabilities()
    {
        return EnumSet.of(LINK_FOLLOWS_START, LINK_UP_DOWN, MTU_SET, MAC_SET, PROMISCUOUS, ALLMULTICAST, RESET);
    }

    @Override
    protected String driverName()
    {
        return IgbQemuPmdProvider.DRIVER_NAME;
    }
}
