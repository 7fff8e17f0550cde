package io.ethdev4j.kniapp;

import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Shell;
import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The KNI test plan on a software port with a real wire: the application's port 0 is {@code net_pcap} on one end of a
 * veth pair ({@code iface=}, AF_PACKET, the interface's MAC with {@code phy_mac=1}), the other end in the tester's
 * namespace. {@code vEth0_0} takes the port's MAC, goes up (the callback restarts the port, {@code -m} raises its
 * carrier from the port's link), pings through the wire, takes MTU 1300 (stop, reconfigure, start) with a ping that
 * needs it, goes down. Needs root and ping.
 */
class KniAppPcapVethTest
{
    private static final String VETH_DUT = "k11pcap0";
    private static final String VETH_TESTER = "k11pcap1";

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
    void shouldBridgeAPcapPortOnAVethToItsKniInterface()
    {
        NetAdmin.require();
        Prerequisites.requireCommand("ping");
        f = new KniAppFixture(false);
        final KniApp app = f.start(f.argvPcapVeth(VETH_DUT, VETH_TESTER, new String[0], "-p", "0x1", "-P", "-m",
            "--config=(0,0,1,1)"));
        assertNotNull(app, "the application did not start: " + f.printed());
        assertEquals("net_pcap", app.eal().port(0).driverName());
        final String vethMac = f.dut.exec("cat", "/sys/class/net/" + VETH_DUT + "/address").trim();
        assertTrue(f.link("vEth0_0").contains(vethMac), "the port's MAC (" + vethMac + "): " + f.link("vEth0_0"));

        f.dut.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "vEth0_0");
        f.dut.exec("ip", "link", "set", "vEth0_0", "up");
        f.awaitPrinted("APP: Configure network interface of 0 up");
        Await.until("vEth0_0 carrier from the port's link (-m)", 10_000, () -> f.link("vEth0_0").contains("LOWER_UP"));
        Await.until("198.18.0.2 answers through the veth", 10_000,
            () -> f.dut.tryExec("ping", "-c", "1", "-W", "1", KniAppFixture.TESTER_IP).exit == 0);
        final Shell.Result ping = f.dut.tryExec("ping", "-n", "-c", "5", "-i", "0.2", "-W", "2", KniAppFixture.TESTER_IP);
        assertTrue(ping.output.contains("5 packets transmitted, 5 received"), ping.output);
        final Shell.Result wrong = f.dut.tryExec("ping", "-n", "-c", "2", "-i", "0.2", "-W", "1", "198.18.0.99");
        assertTrue(wrong.output.contains("2 packets transmitted, 0 received"), wrong.output);

        f.dut.exec("ip", "link", "set", "vEth0_0", "mtu", "1300");
        f.awaitPrinted("APP: Change MTU of port 0 to 1300");
        Await.until("port 0 at MTU 1300, started", 10_000,
            () -> app.eal().port(0).mtu() == 1300 && app.eal().port(0).isStarted());
        Await.until("a 1272-byte ping (1300-byte packet) answers after the restart", 10_000,
            () -> f.dut.tryExec("ping", "-c", "1", "-W", "1", "-s", "1272", "-M", "do", KniAppFixture.TESTER_IP).exit == 0);

        f.dut.exec("ip", "link", "set", "vEth0_0", "down");
        f.awaitPrinted("APP: Configure network interface of 0 down");
        Await.until("port 0 stopped", 10_000, () -> !app.eal().port(0).isStarted());
        app.stop();
        assertEquals(0, f.awaitExit(), f.printed());
        assertTrue(app.stats().get(0, KniAppStats.RX_PACKETS) >= 6 && app.stats().get(0, KniAppStats.TX_PACKETS) >= 6,
            "rx/tx " + app.stats().get(0, KniAppStats.RX_PACKETS) + "/" + app.stats().get(0, KniAppStats.TX_PACKETS));
    }
}
