package io.ethdev4j.kniapp;

import io.ethdev4j.pci.qemu.QemuBinary;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The KNI test plan on a real NIC model: the application's port 0 is the igb PMD driving QEMU's 82576, whose netdev
 * is a TAP in the tester's namespace. {@code vEth0_0} up (the callback restarts the igb port), ping through the NIC,
 * a wrong address unanswered, MTU 1300 (stop, reconfigure, start the igb port) with a ping that needs it, down
 * ({@link KniAppFixture#upPingMtuDown}). One test: QEMU is slow to start.
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

        f.upPingMtuDown(app, 15_000);
    }
}
