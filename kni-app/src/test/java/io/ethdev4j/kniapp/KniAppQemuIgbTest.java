package io.ethdev4j.kniapp;

import io.ethdev4j.pci.qemu.QemuBinary;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Shell;
import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The KNI test plan on a real NIC model: the application's port 0 is the igb PMD driving QEMU's 82576, whose netdev
 * is a TAP in the tester's namespace. {@code vEth0_0} up (the callback restarts the igb port), ping through the NIC,
 * MTU 1300 (stop, reconfigure, start the igb port) with a ping that needs it, down. One test: QEMU is slow to start.
 * Needs root, /dev/net/tun, ping and QEMU >= {@value QemuBinary#MIN_MAJOR_VERSION}.
 */
class KniAppQemuIgbTest
{
    private static final String TAP = "k11igb0";

    private KniAppFixture f;

    @AfterEach
    void tearDown()
    {
        if (f != null)
        {
            f.close();
        }
    }

    @Test
    void shouldBridgeAnIgbPortToItsKniInterface()
    {
        NetAdmin.require();
        Prerequisites.requireCommand("ping");
        Prerequisites.require(QemuBinary.locate().isPresent(), "needs qemu-system-x86_64 >= " +
            QemuBinary.MIN_MAJOR_VERSION + " (run tools/setup-qemu.sh)");
        f = new KniAppFixture(false);
        final KniApp app = f.start(f.argvQemuIgb(TAP, new String[0], "-p", "0x1", "-P", "-m", "--config=(0,0,1,1)"));
        assertNotNull(app, "the application did not start: " + f.printed());
        assertEquals("net_qemu_igb", app.eal().port(0).driverName());
        f.testerTap(TAP);
        assertTrue(f.link("vEth0_0").contains("52:54:00:e4:11:01"), "the igb port's MAC: " + f.link("vEth0_0"));

        f.dut.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "vEth0_0");
        f.dut.exec("ip", "link", "set", "vEth0_0", "up");
        f.awaitPrinted("APP: Configure network interface of 0 up");
        Await.until("vEth0_0 carrier from the igb link (-m)", 15_000, () -> f.link("vEth0_0").contains("LOWER_UP"));
        Await.until("198.18.0.2 answers through the igb port", 15_000,
            () -> f.dut.tryExec("ping", "-c", "1", "-W", "1", KniAppFixture.TESTER_IP).exit == 0);
        final Shell.Result ping = f.dut.tryExec("ping", "-n", "-c", "5", "-i", "0.2", "-W", "2", KniAppFixture.TESTER_IP);
        assertTrue(ping.output.contains("5 packets transmitted, 5 received"), ping.output);

        f.dut.exec("ip", "link", "set", "vEth0_0", "mtu", "1300");
        f.awaitPrinted("APP: Change MTU of port 0 to 1300");
        Await.until("igb port 0 at MTU 1300, started", 15_000,
            () -> app.eal().port(0).mtu() == 1300 && app.eal().port(0).isStarted());
        Await.until("a 1272-byte ping (1300-byte packet) answers after the restart", 15_000,
            () -> f.dut.tryExec("ping", "-c", "1", "-W", "1", "-s", "1272", "-M", "do", KniAppFixture.TESTER_IP).exit == 0);

        f.dut.exec("ip", "link", "set", "vEth0_0", "down");
        f.awaitPrinted("APP: Configure network interface of 0 down");
        Await.until("igb port 0 stopped", 10_000, () -> !app.eal().port(0).isStarted());
        app.stop();
        assertEquals(0, f.awaitExit(), f.printed());
    }
}
