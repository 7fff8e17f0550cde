package io.ethdev4j.pmd.igb;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.pci.qemu.QemuBinary;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;
import io.ethdev4j.testkit.Prerequisites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;

import static io.ethdev4j.testkit.Capability.*;

/**
 * The igb PMD on QEMU's emulated 82576 against every conformance suite, on a NIC pair: two ports, one QEMU each,
 * cabled to each other, so the loopback, rx and backpressure tests run too (see {@link PortFixture#nicPair}). A fresh
 * pair of QEMU processes per test.
 * <p>
 * The cable is one TCP connection on 127.0.0.1 ({@code netdev=tcp-listen:P} / {@code tcp-connect:P}), not two UDP
 * sockets sending to each other: the suites send 511 frames with one doorbell, which the sending model puts on the
 * wire at once, and the receiving socket's buffer (Linux's default rmem, about 200 small datagrams) dropped up to
 * half of them when the receiving QEMU fell behind (UDP RcvbufErrors); TCP holds them back instead.
 */
class QemuIgbConformanceTest extends EthDevConformance
{
    @Override
    protected PortFixture open()
    {
        Prerequisites.require(QemuBinary.locate().isPresent(), "needs qemu-system-x86_64 >= " +
            QemuBinary.MIN_MAJOR_VERSION + " (run tools/setup-qemu.sh)");
        final int wire = freeTcpPort();
        final Eal eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_qemu_igb0,netdev=tcp-listen:" + wire,
            "--vdev", "net_qemu_igb1,netdev=tcp-connect:" + wire);
        return PortFixture.nicPair(eal, eal.port(0), eal.port(1));
    }

    private static int freeTcpPort()
    {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return s.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
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
        return IgbQemuPmdProvider.DRIVER_NAME;
    }
}
