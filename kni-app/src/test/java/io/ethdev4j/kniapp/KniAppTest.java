package io.ethdev4j.kniapp;

import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.kni.Kni;
import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.Proc;
import io.ethdev4j.test.Shell;
import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * DPDK's KNI test plan (test_plans/kni_test_plan.rst) on a software port: the application as users run it
 * ({@code -p 0x1 -P -m --config="(0,0,1,1)"}), its interface {@code vEth0_0} configured with {@code ip}, pinged
 * through, captured with tcpdump, asked with ethtool, and the statistics of {@code lo_mode_fifo_skb}.
 */
class KniAppTest
{
    private static final String[] TEST_PLAN_APP = {"-p", "0x1", "-P", "-m", "--config=(0,0,1,1)"};

    private KniAppFixture f;

    @AfterEach
    void tearDown()
    {
        if (f != null)
        {
            f.close();
        }
    }

    /** The test plan's application on port 0 = net_kni0 (wire: kni0 in the tester's namespace, up). */
    private KniApp start(final boolean ipv6)
    {
        NetAdmin.require();
        f = new KniAppFixture(ipv6);
        // --kni-carrier=off (the default): vEth0_0's carrier comes from -m, the tester's kni0's from its net_kni port
        final KniApp app = f.start(f.argvKniWire(new String[0], TEST_PLAN_APP));
        assertNotNull(app, "the application did not start: " + f.printed());
        f.testerUp();
        return app;
    }

    @Test
    void shouldConfigureAndPingThroughTheKniInterfaceAsTheTestPlan()
    {
        Prerequisites.requireCommand("ping");
        final KniApp app = start(true);
        f.awaitPrinted("APP: KNI Running");
        assertTrue(f.printed().contains("APP: Initialising port 0 ..."), f.printed());
        assertTrue(f.printed().contains("Port 0 Link up at"), f.printed());
        final String link = f.link("vEth0_0");
        assertTrue(link.contains("mtu " + app.eal().port(0).mtu()), "the MTU of the port: " + link);
        assertTrue(link.contains(app.eal().port(0).macAddr().toString().toLowerCase()), "the MAC of the port: " + link);

        // up: the callback restarts the port; -m raises the carrier from the port's link
        f.dut.exec("ip", "link", "set", "vEth0_0", "up");
        f.awaitPrinted("APP: Configure network interface of 0 up");
        Await.until("vEth0_0 carrier from the port's link", 10_000, () -> f.link("vEth0_0").contains("LOWER_UP"));
        f.awaitPrinted("APP: vEth0_0 NIC Link up at");
        Await.until("IPv6 link-local address (DAD done)", 10_000, () ->
        {
            final String a = f.dut.exec("ip", "-6", "addr", "show", "dev", "vEth0_0");
            return a.contains("fe80::") && !a.contains("tentative");
        });

        // add an address, ping and ping6 through the port, a wrong address gets nothing
        f.dut.exec("ip", "addr", "add", "198.18.0.1/24", "dev", "vEth0_0");
        assertTrue(f.dut.exec("ip", "addr", "show", "dev", "vEth0_0").contains("198.18.0.1/24"));
        Await.until("198.18.0.2 answers", 10_000,
            () -> f.dut.tryExec("ping", "-c", "1", "-W", "1", KniAppFixture.TESTER_IP).exit == 0);
        final Shell.Result ping = f.dut.tryExec("ping", "-n", "-c", "5", "-i", "0.2", "-W", "2", KniAppFixture.TESTER_IP);
        assertTrue(ping.output.contains("5 packets transmitted, 5 received"), ping.output);
        final String testerLl = linkLocal(f.tester.exec("ip", "-6", "addr", "show", "dev", "kni0"));
        final Shell.Result[] last = new Shell.Result[1];
        try
        {
            Await.until("tester's link-local answers", 10_000, () ->
            {
                last[0] = f.dut.tryExec("ping", "-6", "-c", "1", "-W", "1", testerLl + "%vEth0_0");
                return last[0].exit == 0;
            });
        }
        catch (final AssertionError ex)
        {
            fail(ex.getMessage() + ": " + last[0] + " / " + f.dut.exec("ip", "-6", "addr") + " / " +
                f.tester.exec("ip", "-6", "addr") + " / " + f.dut.exec("ip", "-6", "neigh"), ex);
        }
        final Shell.Result ping6 = f.dut.tryExec("ping", "-6", "-n", "-c", "3", "-i", "0.2", "-W", "2",
            testerLl + "%vEth0_0");
        assertTrue(ping6.output.contains("3 packets transmitted, 3 received"), ping6.output);
        final Shell.Result wrong = f.dut.tryExec("ping", "-n", "-c", "2", "-i", "0.2", "-W", "1", "198.18.0.99");
        assertTrue(wrong.output.contains("2 packets transmitted, 0 received"), wrong.output);
        f.dut.exec("ip", "addr", "del", "198.18.0.1/24", "dev", "vEth0_0");
        assertFalse(f.dut.exec("ip", "addr", "show", "dev", "vEth0_0").contains("198.18.0.1"));

        // statistics: what went through is counted per port, SIGUSR1's table shows it, SIGUSR2 zeroes it
        assertTrue(app.stats().get(0, KniAppStats.RX_PACKETS) >= 5 && app.stats().get(0, KniAppStats.TX_PACKETS) >= 5,
            "rx/tx " + app.stats().get(0, KniAppStats.RX_PACKETS) + "/" + app.stats().get(0, KniAppStats.TX_PACKETS));
        app.printStats();
        f.awaitPrinted(" Port    Lcore(RX/TX)    rx_packets    rx_dropped    tx_packets    tx_dropped");
        assertTrue(Pattern.compile("\\n {6}0 {10}0/ 1 +[1-9]\\d* +0 +[1-9]\\d* +0\\n").matcher(f.printed()).find(),
            f.printed());
        app.resetStats();
        f.awaitPrinted("** Statistics have been reset **");
        assertEquals(0, app.stats().get(0, KniAppStats.RX_DROPPED) + app.stats().get(0, KniAppStats.TX_DROPPED));

        // MTU 1300: the callback stops, reconfigures and restarts the port
        f.dut.exec("ip", "link", "set", "vEth0_0", "mtu", "1300");
        f.awaitPrinted("APP: Change MTU of port 0 to 1300");
        Await.until("port 0 MTU 1300 and started", 10_000,
            () -> app.eal().port(0).mtu() == 1300 && app.eal().port(0).isStarted());
        assertTrue(f.link("vEth0_0").contains("mtu 1300"));

        // promiscuous and all-multicast: no callback in the example, the library applies them to the port
        f.dut.exec("ip", "link", "set", "vEth0_0", "allmulticast", "on");
        f.dut.exec("ip", "link", "set", "vEth0_0", "allmulticast", "off");
        Await.until("port 0 all-multicast off, as vEth0_0", 10_000, () -> !app.eal().port(0).isAllmulticast());
        f.dut.exec("ip", "link", "set", "vEth0_0", "promisc", "on");
        f.dut.exec("ip", "link", "set", "vEth0_0", "promisc", "off");
        Await.until("port 0 promiscuous off, as vEth0_0", 10_000, () -> !app.eal().port(0).isPromiscuous());
        // MAC: the callback sets the port's
        f.dut.exec("ip", "link", "set", "vEth0_0", "address", "02:00:00:00:0c:01");
        f.awaitPrinted("APP: Configure mac address of 0");
        Await.until("port 0 MAC 02:00:00:00:0c:01", 10_000,
            () -> "02:00:00:00:0c:01".equalsIgnoreCase(app.eal().port(0).macAddr().toString()));

        // down: the port stops
        f.dut.exec("ip", "link", "set", "vEth0_0", "down");
        f.awaitPrinted("APP: Configure network interface of 0 down");
        Await.until("port 0 stopped", 10_000, () -> !app.eal().port(0).isStarted());

        app.stop();
        assertEquals(0, f.awaitExit(), f.printed());
        assertTrue(f.printed().contains("SIGRTMIN/SIGINT/SIGTERM received. KNI processing stopping."));
        assertNotEquals(0, f.dut.tryExec("ip", "link", "show", "vEth0_0").exit, "vEth0_0 released");
    }

    /**
     * The test plan on a software port with a real wire: port 0 is {@code net_pcap} on one end of a veth pair
     * ({@code iface=}, AF_PACKET, the interface's MAC with {@code phy_mac=1}), the other end in the tester's namespace
     * ({@link KniAppFixture#argvPcapVeth}); vEth0_0 takes the port's MAC, then {@link KniAppFixture#upPingMtuDown}.
     */
    @Test
    void shouldBridgeAPcapPortOnAVethToItsKniInterface()
    {
        NetAdmin.require();
        Prerequisites.requireCommand("ping");
        f = new KniAppFixture(false);
        final KniApp app = f.start(f.argvPcapVeth("k11pcap0", "k11pcap1", new String[0], "-p", "0x1", "-P", "-m",
            "--config=(0,0,1,1)"));
        assertNotNull(app, "the application did not start: " + f.printed());
        assertEquals("net_pcap", app.eal().port(0).driverName());
        final String vethMac = f.dut.exec("cat", "/sys/class/net/k11pcap0/address").trim();
        assertTrue(f.link("vEth0_0").contains(vethMac), "the port's MAC (" + vethMac + "): " + f.link("vEth0_0"));

        f.upPingMtuDown(app, 10_000);
        assertTrue(app.stats().get(0, KniAppStats.RX_PACKETS) >= 6 && app.stats().get(0, KniAppStats.TX_PACKETS) >= 6,
            "rx/tx " + app.stats().get(0, KniAppStats.RX_PACKETS) + "/" + app.stats().get(0, KniAppStats.TX_PACKETS));
    }

    /**
     * Frames of every kind the test plan lists, sent by the tester into the physical port, all seen by tcpdump on
     * vEth0_0: TCP, UDP, ICMP, plain IP (protocol 253), VLAN-tagged, and raw Ethernet (ethertype 0x88b5).
     */
    @Test
    void shouldDeliverEveryFrameKindToTcpdumpOnTheKniInterface()
    {
        Prerequisites.requireCommand("tcpdump");
        Prerequisites.requireCommand("python3");
        final KniApp app = start(false);
        f.dut.exec("ip", "link", "set", "vEth0_0", "up");
        f.awaitPrinted("APP: Configure network interface of 0 up");
        Await.until("vEth0_0 carrier", 10_000, () -> f.link("vEth0_0").contains("LOWER_UP"));
        final String mac = app.eal().port(0).macAddr().toString().toLowerCase();
        try (Proc dump = new Proc("ip", "netns", "exec", f.dut.name(), "tcpdump", "-i", "vEth0_0", "-e", "-n", "-l",
            "-Q", "in", "ether", "src", "02:00:00:00:0b:01"))
        {
            Await.until("tcpdump listening", 10_000, () -> dump.outputContains("listening on"));
            f.tester.exec("python3", "-c", SEND_FRAMES, "kni0", mac);
            Await.until("6 frames captured: " + dump.output(), 10_000, () -> countLines(dump.output()) >= 6);
            final String o = dump.output();
            assertTrue(o.contains("198.18.0.2.40000 > 198.18.0.1.80: Flags [S]"), "TCP: " + o);
            assertTrue(o.contains("198.18.0.2.40001 > 198.18.0.1.9: UDP"), "UDP: " + o);
            assertTrue(o.contains("ICMP echo request"), "ICMP: " + o);
            assertTrue(o.contains("ip-proto-253"), "plain IP: " + o);
            assertTrue(o.contains("vlan 100") && o.contains("198.18.0.2.40002 > 198.18.0.1.9: UDP"), "VLAN: " + o);
            assertTrue(o.contains("ethertype Unknown (0x88b5)"), "raw Ethernet: " + o);
        }
    }

    /** ethtool on a KNI interface: what a TAP answers, and what it cannot (README, "The KNI sample application"). */
    @Test
    void shouldAnswerEthtoolAsATap()
    {
        Prerequisites.requireCommand("ethtool");
        start(false);
        final Shell.Result i = f.dut.tryExec("ethtool", "-i", "vEth0_0");
        assertTrue(i.exit == 0 && i.output.contains("driver: tun") && i.output.contains("bus-info: tap"), i.output);
        final Shell.Result k = f.dut.tryExec("ethtool", "-k", "vEth0_0");
        assertTrue(k.exit == 0 && k.output.contains("Features for vEth0_0"), k.output);
        final Shell.Result plain = f.dut.tryExec("ethtool", "vEth0_0");
        assertTrue(plain.exit == 0 && plain.output.contains("Settings for vEth0_0"), plain.output);
        // what a TAP has no answer for (rte_kni.ko answered -S from its own counters, -a and -g neither)
        final Shell.Result s = f.dut.tryExec("ethtool", "-S", "vEth0_0");
        assertTrue(s.output.contains("no stats available"), s.output);
        final Shell.Result a = f.dut.tryExec("ethtool", "-a", "vEth0_0");
        assertTrue(a.output.contains("Operation not supported"), a.output);
        final Shell.Result g = f.dut.tryExec("ethtool", "-g", "vEth0_0");
        assertTrue(g.output.contains("Operation not supported"), g.output);
    }

    /**
     * {@code --kni-lo-mode=lo_mode_fifo_skb}: 5 frames into the port (from its net_ring peer) are looped back by the
     * kernel side and leave the port again; the interface's RX and TX (the kernel side's counters: a TAP's own counters,
     * {@code ip -s link}, do not see a loop that bypasses it) and the application's rx/tx statistics go up by 5.
     */
    @Test
    void shouldCountFiveFramesInAndOutInLoModeFifoSkb()
    {
        NetAdmin.require();
        f = new KniAppFixture(false);
        final KniApp app = f.start(KniAppFixture.argvRingPair(new String[] {"--kni-lo-mode=lo_mode_fifo_skb"},
            TEST_PLAN_APP));
        assertNotNull(app, "the application did not start: " + f.printed());
        f.awaitPrinted("APP: Lcore 1 is writing to port 0");
        final EthDev peer = app.eal().port(1);
        final MbufPool pool = app.eal().createPktmbufPool("peer_pool", 512, 0, 0, KniApp.MBUF_DATA_SZ);
        try
        {
            peer.configure(1, 1, new EthConf());
            peer.rxQueueSetup(0, 0, pool, null);
            peer.txQueueSetup(0, 0, null);
            peer.start();
            final Kni kni = app.args().port(0).kni(0);
            final long[] before = new long[KniCounter.COUNT];
            kni.readKernelCounters(before);
            final Mbuf[] frames = new Mbuf[5];
            final byte[] frame = new byte[60];
            System.arraycopy(app.eal().port(0).macAddr().toBytes(), 0, frame, 0, 6);
            frame[6] = 0x02;
            frame[11] = 0x01;
            frame[12] = (byte)0x88;
            frame[13] = (byte)0xb5;
            for (int i = 0; i < frames.length; i++)
            {
                frames[i] = pool.alloc();
                frames[i].append(frame.length);
                frames[i].copyFrom(frame, 0, 0, frame.length);
            }
            assertEquals(5, peer.txBurst(0, frames, 5));
            final Mbuf[] back = new Mbuf[32];
            final int[] received = {0};
            final long[] after = new long[KniCounter.COUNT];
            Await.until("5 frames back at the peer", 10_000, () ->
            {
                final int n = peer.rxBurst(0, back, 32);
                received[0] += n;
                Mbuf.freeBulk(back, 0, n);
                kni.readKernelCounters(after);
                return received[0] >= 5;
            });
            assertEquals(5, received[0]);
            assertEquals(5, after[KniCounter.RX_PACKETS] - before[KniCounter.RX_PACKETS], "interface RX");
            assertEquals(5, after[KniCounter.TX_PACKETS] - before[KniCounter.TX_PACKETS], "interface TX");
            assertEquals(5, app.stats().get(0, KniAppStats.RX_PACKETS), "port -> KNI");
            assertEquals(5, app.stats().get(0, KniAppStats.TX_PACKETS), "KNI -> port");
        }
        finally
        {
            // the application first: the kernel side may still hand peer_pool mbufs back on free_q, which its rx
            // lcore frees; its exit closes the runtime, the peer port and peer_pool with it
            app.stop();
            f.awaitExit();
        }
    }

    private static String linkLocal(final String ipAddrShow)
    {
        final Matcher m = Pattern.compile("inet6 (fe80::[0-9a-f:]+)/64").matcher(ipAddrShow);
        assertTrue(m.find(), ipAddrShow);
        return m.group(1);
    }

    private static int countLines(final String tcpdumpOutput)
    {
        int n = 0;
        for (final String line : tcpdumpOutput.split("\n"))
        {
            if (line.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d+ .*"))
            {
                n++;
            }
        }
        return n;
    }

    /**
     * Sends 6 frames on interface argv[1] to MAC argv[2] from 02:00:00:00:0b:01: TCP SYN, UDP, ICMP echo, IP
     * protocol 253, VLAN 100 + UDP, raw ethertype 0x88b5.
     */
    private static final String SEND_FRAMES = String.join("\n",
        "import socket, struct, sys",
        "ifname, dst = sys.argv[1], bytes.fromhex(sys.argv[2].replace(':', ''))",
        "src = bytes.fromhex('02000000 0b01'.replace(' ', ''))",
        "def csum(b):",
        "    if len(b) % 2: b += b'\\0'",
        "    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))",
        "    while s >> 16: s = (s & 0xffff) + (s >> 16)",
        "    return ~s & 0xffff",
        "def ip(proto, payload):",
        "    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0,",
        "        socket.inet_aton('198.18.0.2'), socket.inet_aton('198.18.0.1'))",
        "    return h[:10] + struct.pack('!H', csum(h)) + h[12:] + payload",
        "def udp(sport, dport):",
        "    return struct.pack('!HHHH', sport, dport, 8 + 4, 0) + b'kni!'",
        "tcp = struct.pack('!HHIIBBHHH', 40000, 80, 1, 0, 5 << 4, 0x02, 64240, 0, 0)",
        "icmp = struct.pack('!BBHHH', 8, 0, 0, 1, 1) + b'kni!'",
        "icmp = icmp[:2] + struct.pack('!H', csum(icmp)) + icmp[4:]",
        "eth = dst + src",
        "frames = [eth + b'\\x08\\x00' + ip(6, tcp), eth + b'\\x08\\x00' + ip(17, udp(40001, 9)),",
        "    eth + b'\\x08\\x00' + ip(1, icmp), eth + b'\\x08\\x00' + ip(253, b'kni-raw-ip'),",
        "    eth + b'\\x81\\x00' + struct.pack('!H', 100) + b'\\x08\\x00' + ip(17, udp(40002, 9)),",
        "    eth + b'\\x88\\xb5' + b'kni raw ethernet frame'.ljust(46, b'.')]",
        "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)",
        "s.bind((ifname, 0))",
        "for f in frames: s.send(f.ljust(60, b'\\0'))");
}
