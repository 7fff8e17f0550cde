package io.ethdev4j.pmd.pcap;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.NetDev;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * net_pcap on live interfaces beyond the conformance suites, on a veth pair of the test's own ({@link PcapVethPair}):
 * directions ({@code rx_iface} sees both, {@code rx_iface_in} only incoming, nobody its own tx), {@code phy_mac},
 * the interface's promiscuous mode, the kernel's drops as imissed, jumbo frames gathered on tx and chained on rx,
 * oerrors for a frame the interface refuses, backpressure while the link is down, what arrives while stopped, and
 * that no socket outlives a port or a failed probe.
 */
class PcapLiveIfaceTest
{
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    private static final int ETHER_TYPE = 0x88B5;
    private static PcapVethPair veth;
    private Eal eal;
    private MbufPool pool;

    @BeforeAll
    static void vethPair()
    {
        veth = new PcapVethPair('l');
    }

    @AfterAll
    static void removeVethPair()
    {
        if (veth != null)
        {
            veth.close();
        }
    }

    @BeforeEach
    void runtime()
    {
        veth.up();
        eal = Eal.init("--no-huge", "-m", "256");
        pool = eal.createPktmbufPool("pcaplive", 8191, 0, 0, 2176);
    }

    @AfterEach
    void close()
    {
        try
        {
            for (int p = 0; p < 8; p++)
            {
                final EthDev d = eal.isValidPort(p) ? eal.port(p) : null;
                if (d != null && !d.isReleased())
                {
                    d.stop();
                    d.close();
                }
            }
            assertEquals(0, pool.inUse(), "mbufs leaked");
        }
        finally
        {
            eal.close();
        }
    }

    private EthDev start(final String devargs)
    {
        final EthDev d = veth.attach(eal, devargs);
        d.configure(1, 1, null);
        d.rxQueueSetup(0, 0, pool, null);
        d.txQueueSetup(0, 0, null);
        d.start();
        return d;
    }

    /** Sends {@code n} frames of {@code length} bytes, sequence numbers from {@code seq}; returns how many tx took. */
    private int send(final EthDev d, final int n, final int seq, final int length)
    {
        final Mbuf[] pkts = new Mbuf[n];
        assertEquals(n, pool.allocBulk(pkts, 0, n));
        for (int i = 0; i < n; i++)
        {
            fill(pkts[i], seq + i, length);
        }
        int sent = 0;
        while (sent < n)
        {
            final int k = d.txBurst(0, pkts, sent, Math.min(256, n - sent));
            if (k == 0)
            {
                break;
            }
            sent += k;
        }
        Mbuf.freeBulk(pkts, sent, n - sent);
        return sent;
    }

    private static void fill(final Mbuf m, final int seq, final int length)
    {
        m.append(length);
        for (int b = 0; b < 6; b++)
        {
            m.putByte(b, (byte)0xFF);
            m.putByte(6 + b, (byte)(0x02 + b));
        }
        m.putShortBE(12, ETHER_TYPE);
        m.putIntBE(14, seq);
        for (int b = 18; b < length; b++)
        {
            m.putByte(b, (byte)(seq + b));
        }
    }

    /** Receives until {@code expected} frames came (or 5 s passed), then what else is pending; checks and frees. */
    private static int receive(final EthDev d, final int expected, final int firstSeq, final int length)
    {
        final Mbuf[] rx = new Mbuf[64];
        int got = 0;
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        while (System.nanoTime() - deadline < 0)
        {
            final int n = d.rxBurst(0, rx, 0, rx.length);
            for (int i = 0; i < n; i++)
            {
                final Mbuf m = rx[i];
                assertEquals(length, m.pktLen(), "pkt_len");
                assertEquals(firstSeq + got + i, m.getIntBE(14), "in order, each once");
                assertEquals(d.portId(), m.port());
            }
            Mbuf.freeBulk(rx, 0, n);
            got += n;
            if (n == 0 && got >= expected)
            {
                break;
            }
        }
        return got;
    }

    @Test
    void shouldSeeBothDirectionsWithRxIfaceAndOnlyIncomingWithRxIfaceIn()
    {
        final EthDev in = start("net_pcap0,rx_iface_in=" + veth.a + ",tx_iface=" + veth.a);
        final EthDev both = start("net_pcap1,rx_iface=" + veth.a);
        final EthDev far = start("net_pcap2,iface=" + veth.b);
        assertEquals(5, send(in, 5, 100, 80));
        assertEquals(5, receive(far, 5, 100, 80), "the other end receives what tx_iface sent");
        assertEquals(5, receive(both, 5, 100, 80), "rx_iface sees what leaves the interface too");
        assertEquals(0, receive(in, 0, 0, 0), "rx_iface_in does not see what leaves the interface");
        assertEquals(0, receive(far, 0, 0, 0), "iface= does not see what its port sent... nor anything else");
        assertEquals(3, send(far, 3, 200, 90));
        assertEquals(3, receive(in, 3, 200, 90), "rx_iface_in sees what arrives");
        assertEquals(3, receive(both, 3, 200, 90));
        assertEquals(0, receive(far, 0, 0, 0), "iface= never sees its own tx");
        final EthStats s = in.stats();
        assertEquals(5, s.opackets);
        assertEquals(5 * 80, s.obytes);
        assertEquals(3, s.ipackets);
        assertEquals(3 * 90, s.ibytes);
        assertEquals(0, s.oerrors);
        assertEquals(0, both.stats().opackets, "rx_iface alone drops tx (eth_tx_drop): nothing sent");
        assertEquals(0, in.info().ifIndex, "DPDK reports if_index for iface= only");
        assertTrue(far.info().ifIndex > 0);
    }

    @Test
    void shouldTakeTheInterfaceMacWithPhyMac()
    {
        final EthDev phy = veth.attach(eal, "net_pcap0,iface=" + veth.a + ",phy_mac=1");
        assertEquals(MacAddress.of(veth.hwAddr(veth.a)), phy.macAddr());
        final EthDev generated = veth.attach(eal, "net_pcap1,iface=" + veth.b + ",phy_mac=0");
        assertEquals(0x02_70_63_61_70_00L, generated.macAddr().toLong() & ~0xFFL, generated.macAddr().toString());
    }

    /** The interface's promiscuity count ({@code ip -d link}: what packet sockets' memberships add up to). */
    private static int promiscuity(final String ifname)
    {
        final String out = veth.exec("ip", "-d", "-o", "link", "show", "dev", ifname);
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile(" promiscuity (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void shouldHoldTheInterfacePromiscuousWhileStartedAndPromiscuous()
    {
        final EthDev d = start("net_pcap0,iface=" + veth.a);
        assertTrue(d.isPromiscuous());
        assertEquals(1, promiscuity(veth.a), "pcap_open_live(promisc=1)");
        d.promiscuousDisable();
        assertEquals(0, promiscuity(veth.a));
        d.promiscuousEnable();
        assertEquals(1, promiscuity(veth.a));
        d.stop();
        assertEquals(0, promiscuity(veth.a), "released at stop, as closing the capture");
        d.start();
        assertEquals(1, promiscuity(veth.a), "restored at start");
        d.stop();
        d.close();
        assertEquals(0, promiscuity(veth.a));
    }

    @Test
    void shouldCountTheKernelsDropsAsImissed()
    {
        final EthDev tx = start("net_pcap0,iface=" + veth.a);
        final EthDev rx = start("net_pcap1,iface=" + veth.b);
        final int n = 6000;
        assertEquals(n, send(tx, n, 0, 1500));
        final Mbuf[] buf = new Mbuf[64];
        long got = 0;
        int k;
        while ((k = rx.rxBurst(0, buf, 0, buf.length)) > 0)
        {
            Mbuf.freeBulk(buf, 0, k);
            got += k;
        }
        final EthStats s = rx.stats();
        assertEquals(got, s.ipackets);
        assertTrue(s.imissed > 0, "a 2 MiB buffer cannot hold " + n + " frames of 1500 bytes: " + s);
        assertEquals(n, s.ipackets + s.imissed, "every frame received or counted missed: " + s);
        rx.stop();
        rx.start();
        assertEquals(s.imissed, rx.stats().imissed, "imissed survives stop/start");
        rx.statsReset();
        assertEquals(0, rx.stats().imissed);
    }

    @Test
    void shouldGatherJumboChainsOnTxAndChainThemOnRx()
    {
        veth.exec("ip", "link", "set", "dev", veth.a, "mtu", "9000");
        veth.exec("ip", "link", "set", "dev", veth.b, "mtu", "9000");
        try
        {
            final EthDev tx = start("net_pcap0,iface=" + veth.a);
            final EthDev rx = start("net_pcap1,iface=" + veth.b);
            final int len = 9014;
            final byte[] sent = new byte[len];
            Mbuf head = null;
            int done = 0;
            while (done < len)
            {
                final Mbuf seg = pool.alloc();
                final int n = Math.min(seg.tailroom(), len - done);
                seg.append(n);
                for (int b = 0; b < n; b++)
                {
                    sent[done + b] = (byte)((done + b) * 31 + 7);
                    seg.putByte(b, sent[done + b]);
                }
                done += n;
                if (head == null)
                {
                    head = seg;
                }
                else
                {
                    assertTrue(head.chain(seg));
                }
            }
            assertEquals(len, head.pktLen());
            assertTrue(head.nbSegs() > 4, "a chain: " + head.nbSegs());
            final Mbuf[] pkts = {head};
            assertEquals(1, tx.txBurst(0, pkts, 0, 1));
            assertEquals(len, tx.stats().obytes);
            final Mbuf[] out = new Mbuf[1];
            final long deadline = System.nanoTime() + TIMEOUT_NS;
            while (rx.rxBurst(0, out, 0, 1) == 0 && System.nanoTime() - deadline < 0)
            {
                Thread.onSpinWait();
            }
            assertNotNull(out[0], "the jumbo frame arrives");
            assertEquals(len, out[0].pktLen());
            assertTrue(out[0].nbSegs() > 1, "longer than an mbuf: chained (eth_pcap_rx_jumbo)");
            final byte[] got = new byte[len];
            assertEquals(len, out[0].readPacket(got, 0));
            assertArrayEquals(sent, got);
            out[0].free();
            assertEquals(len, rx.stats().ibytes);
        }
        finally
        {
            veth.exec("ip", "link", "set", "dev", veth.a, "mtu", "1500");
            veth.exec("ip", "link", "set", "dev", veth.b, "mtu", "1500");
        }
    }

    @Test
    void shouldDropAndCountWhatTheInterfaceRefusesButBackUpWhileTheLinkIsDown()
    {
        final EthDev tx = start("net_pcap0,iface=" + veth.a);
        final EthDev rx = start("net_pcap1,iface=" + veth.b);
        final Mbuf[] pkts = new Mbuf[3];
        assertEquals(3, pool.allocBulk(pkts, 0, 3));
        fill(pkts[0], 1, 64);
        fill(pkts[1], 2, 1500 + 14 + 1);  // one byte over the MTU: EMSGSIZE
        fill(pkts[2], 2, 64);
        assertEquals(3, tx.txBurst(0, pkts, 0, 3), "a frame the interface refuses is dropped, the burst goes on");
        final EthStats s = tx.stats();
        assertEquals(2, s.opackets);
        assertEquals(1, s.oerrors);
        assertEquals(2, receive(rx, 2, 1, 64), "the frames around the refused one");

        tx.setLinkDown();
        assertEquals(0, veth.flags(veth.a) & NetDev.IFF_UP, "setLinkDown sets the interface down");
        assertFalse(tx.link().isUp());
        assertEquals(0, send(tx, 4, 10, 64), "nothing leaves a down interface: the caller keeps it all");
        assertEquals(2, tx.stats().opackets);
        assertEquals(1, tx.stats().oerrors, "refused is not an error");
        tx.setLinkUp();
        assertNotEquals(0, veth.flags(veth.a) & NetDev.IFF_UP);
        assertTrue(tx.link().isUp());
        assertEquals(4, send(tx, 4, 10, 64), "tx resumes at once after setLinkUp");
        assertEquals(4, receive(rx, 4, 10, 64));
    }

    @Test
    void shouldNotDeliverWhatArrivedWhileStopped()
    {
        final EthDev tx = start("net_pcap0,iface=" + veth.a);
        final EthDev rx = start("net_pcap1,iface=" + veth.b);
        rx.stop();
        assertEquals(8, send(tx, 8, 0, 64));
        rx.start();
        assertEquals(0, receive(rx, 0, 0, 64), "a fresh capture at start, as DPDK reopens it");
        assertEquals(2, send(tx, 2, 50, 64));
        assertEquals(2, receive(rx, 2, 50, 64));
    }

    @Test
    void shouldCloseEverySocketWithThePortAndAfterAFailedProbe()
    {
        final java.util.Set<String> before = OpenSockets.now();
        final EthDevException ex = assertThrows(EthDevException.class,
            () -> veth.attach(eal, "net_pcap0,rx_iface=" + veth.a + ",tx_iface=pcvnosuch0"));
        assertEquals(Errno.ENODEV, ex.errno(), ex.getMessage());
        assertTrue(ex.getMessage().endsWith("tx_iface=pcvnosuch0: no such network interface"), ex.getMessage());
        assertEquals(java.util.Set.of(), OpenSockets.since(before), "the rx socket opened before the failure is closed");
        assertEquals(0, eal.portCount());
        final EthDev d = start("net_pcap0,rx_iface=" + veth.a + ",tx_iface=" + veth.b);
        assertEquals(3, OpenSockets.since(before).size(), "rx and tx packet sockets, the netdev control socket");
        d.stop();
        d.close();
        assertEquals(java.util.Set.of(), OpenSockets.since(before), "close closes the sockets and the control socket");
    }

    @Test
    void shouldNotAllocateOnTheHotPath()
    {
        final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean,
            "skipped: needs com.sun.management.ThreadMXBean");
        final com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean)mx;
        final EthDev a = start("net_pcap0,iface=" + veth.a);
        final EthDev b = start("net_pcap1,iface=" + veth.b);
        final Mbuf[] burst = new Mbuf[32];
        assertEquals(32, pool.allocBulk(burst, 0, 32));
        for (int i = 0; i < 32; i++)
        {
            fill(burst[i], i, i % 2 == 0 ? 64 : 1514);
        }
        int held = 32;
        final long tid = Thread.currentThread().getId();
        final java.util.List<Long> rounds = new java.util.ArrayList<>();
        for (int round = 0; round < 30; round++)
        {
            final long before = tmx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 500; i++)
            {
                // ping-pong the same 32 frames: tx on one end, rx (and empty polls) on the other, and back
                final EthDev from = (i & 1) == 0 ? a : b;
                final EthDev to = (i & 1) == 0 ? b : a;
                final int sent = from.txBurst(0, burst, 0, held);
                Mbuf.freeBulk(burst, sent, held - sent);
                int got = 0;
                for (int poll = 0; poll < 100_000 && got < sent; poll++)
                {
                    got += to.rxBurst(0, burst, got, sent - got);
                }
                held = got;
            }
            final long allocated = tmx.getThreadAllocatedBytes(tid) - before;
            rounds.add(allocated);
            if (allocated == 0)
            {
                break;
            }
        }
        Mbuf.freeBulk(burst, 0, held);
        assertEquals(32, held, "every frame kept going round");
        assertEquals(0L, rounds.get(rounds.size() - 1), "bytes allocated per round of 500 tx+rx bursts: " + rounds);
    }
}
