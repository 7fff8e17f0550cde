package io.ethdev4j.pmd.ixgbe;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599Model;
import io.ethdev4j.pmd.ixgbe.sim.IxgbeSimDevice;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.ethdev4j.pmd.intel.AdvRxDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The ixgbe PMD on the strict 82599 model: jumbo frames scattered and chained mbufs sent, CRC strip, the statistics
 * errata, rx_nombuf, RSS, the X540 path, clear errors; every test ends with the model's violation list empty.
 */
class IxgbeSimPmdTest
{
    private Eal eal;
    private EthDev port;
    private Ixgbe82599Model model;
    private MbufPool pool;

    private void open(final String devargs, final int poolSize, final int nbDesc, final int mtu, final int queues)
    {
        eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_ixgbe_sim0," + devargs);
        port = eal.port(0);
        model = ((IxgbeSimDevice)((IxgbeEthDev)port.ops()).device()).model();
        pool = eal.createPktmbufPool("ixsim", poolSize, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        final EthConf conf = new EthConf();
        conf.mtu = mtu;
        if (queues > 1)
        {
            conf.rxMqMode = EthConf.MQ_RX_RSS;
        }
        port.configure(queues, queues, conf);
        for (int q = 0; q < queues; q++)
        {
            port.rxQueueSetup(q, nbDesc, pool, null);
            port.txQueueSetup(q, nbDesc, null);
        }
        port.start();
    }

    @AfterEach
    void close()
    {
        if (eal != null)
        {
            port.stop();
            port.close();
            assertEquals(0, pool.inUse(), "mbufs leaked");
            assertEquals(List.of(), model.violations(), "datasheet ordering rules broken");
            eal.close();
        }
    }

    private byte[] frame(final int length, final int seed)
    {
        final byte[] f = new byte[length];
        for (int i = 0; i < length; i++)
        {
            f[i] = (byte)(i * 31 + seed);
        }
        System.arraycopy(port.macAddr().toBytes(), 0, f, 0, 6);
        f[6] = 0x02;
        return f;
    }

    private static byte[] contents(final Mbuf m)
    {
        final byte[] b = new byte[m.pktLen()];
        assertEquals(b.length, m.readPacket(b, 0));
        return b;
    }

    @Test
    void shouldSendAChainedMbufAsOneFrameAndReceiveAJumboFrameScattered()
    {
        open("mode=loopback", 1023, 256, 9710, 1);
        assertEquals(9728 << 16, model.peek("MAXFRS", 0), "MAXFRS.MFS = MTU + 18");
        assertTrue((model.peek("HLREG0", 0) & 0x4) != 0, "JUMBOEN above 1518 bytes");
        final byte[] f = frame(9724, 7); // 9710 + 14: the largest frame the MTU allows
        final Mbuf[] segs = new Mbuf[5];
        assertEquals(5, pool.allocBulk(segs, 0, 5));
        for (int i = 0; i < 5; i++)
        {
            final int len = Math.min(2000, f.length - 2000 * i);
            segs[i].append(len);
            segs[i].copyFrom(f, 2000 * i, 0, len);
            if (i > 0)
            {
                assertTrue(segs[0].chain(segs[i]));
            }
        }
        assertEquals(1, port.txBurst(0, new Mbuf[] {segs[0]}, 0, 1));
        final Mbuf[] rx = new Mbuf[4];
        assertEquals(1, port.rxBurst(0, rx, 0, 4));
        assertEquals(9724, rx[0].pktLen());
        assertEquals(5, rx[0].nbSegs(), "2 KiB buffers (SRRCTL.BSIZEPKT = 2)");
        assertArrayEquals(f, contents(rx[0]), "CRC stripped, bytes intact");
        rx[0].free();
        final EthStats s = port.stats();
        assertEquals(1, s.ipackets);
        assertEquals(1, s.opackets);
        assertEquals(9724, s.ibytes, "GORC without CRC (stripped)");
        assertEquals(9724, s.obytes, "GOTC less 4 bytes of CRC per packet");
        assertEquals(1, s.qIpackets[0]);
    }

    @Test
    void shouldDropAFrameAboveTheMtuAsOversize()
    {
        open("mode=wire", 1023, 64, 1500, 1);
        assertTrue(model.inject(frame(1514, 1)), "1514 + CRC = 1518: fits");
        assertFalse(model.inject(frame(1515, 2)), "1519 bytes with CRC: ROC");
        final Mbuf[] rx = new Mbuf[4];
        assertEquals(1, port.rxBurst(0, rx, 0, 4));
        rx[0].free();
        final EthStats s = port.stats();
        assertEquals(1, s.ipackets);
        assertEquals(1, s.ierrors, "ROC counts in ierrors");
        assertEquals(1, xstat("rx_oversize_errors"));
        assertEquals(2, xstat("rx_total_packets"));
    }

    private long xstat(final String name)
    {
        return port.xstats().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().value();
    }

    /** GPRC counts missed packets too (the errata): ipackets must not. */
    @Test
    void shouldNotCountMissedPacketsAsReceived()
    {
        open("mode=wire", 1023, 32, 1500, 1);
        int took = 0;
        for (int i = 0; i < 40; i++)
        {
            took += model.inject(frame(60, i)) ? 1 : 0;
        }
        assertEquals(31, took, "32 descriptors, one kept back by the tail");
        final EthStats s = port.stats();
        assertEquals(31, s.ipackets, "GPRC (40) less MPC (9)");
        assertEquals(9, s.imissed);
        assertEquals(31 * 60, s.ibytes);
        final Mbuf[] rx = new Mbuf[64];
        final int n = port.rxBurst(0, rx, 0, 64);
        assertEquals(31, n);
        Mbuf.freeBulk(rx, 0, n);
    }

    @Test
    void shouldNameXstatsAsDpdk()
    {
        open("mode=wire", 1023, 64, 1500, 1);
        final List<String> names = port.xstatsNames();
        assertTrue(names.containsAll(List.of("rx_crc_errors", "rx_illegal_byte_errors", "mac_local_errors",
            "rx_size_1024_to_max_packets", "rx_total_bytes", "tx_size_1024_to_max_packets",
            "rx_mac_short_packet_dropped", "rx_l3_l4_xsum_error")), names.toString());
        final Mbuf[] pkts = new Mbuf[3];
        assertEquals(3, pool.allocBulk(pkts, 0, 3));
        for (final Mbuf m : pkts)
        {
            m.append(100);
        }
        assertEquals(3, port.txBurst(0, pkts, 0, 3));
        assertEquals(3, xstat("tx_total_packets"));
        assertEquals(3, xstat("tx_size_65_to_127_packets"), "104 bytes with CRC");
        for (int i = 0; i < 3; i++)
        {
            assertNotNull(model.pollTransmitted());
        }
    }

    @Test
    void shouldCountRxNombufWhenThePoolRunsDryAndRecover()
    {
        open("mode=wire", 72, 64, 1500, 1);
        final Mbuf[] held = new Mbuf[64];
        int got = 0;
        for (int i = 0; i < 40; i++)
        {
            assertTrue(model.inject(frame(60, i)));
            got += port.rxBurst(0, held, got, 64 - got);
        }
        assertEquals(40, got);
        assertTrue(port.stats().rxNombuf > 0, "rx_nombuf counted");
        Mbuf.freeBulk(held, 0, got);
        assertTrue(model.inject(frame(60, 99)));
        final Mbuf[] rx = new Mbuf[64];
        int more = 0;
        for (int i = 0; i < 4 && more == 0; i++)
        {
            more = port.rxBurst(0, rx, 0, 64);
        }
        assertEquals(1, more);
        rx[0].free();
    }

    @Test
    void shouldCountBadWriteBacksAsErrors()
    {
        open("mode=wire", 1023, 64, 1500, 1);
        assertTrue(model.writeBack(0, 4096, STATUS_DD | STATUS_EOP), "longer than the 2 KiB buffer");
        assertTrue(model.writeBack(0, 100, STATUS_DD | STATUS_EOP | ERROR_RXE), "82599 RXE, bit 29");
        assertTrue(model.inject(frame(64, 1)));
        final Mbuf[] rx = new Mbuf[16];
        assertEquals(1, port.rxBurst(0, rx, 0, 16));
        rx[0].free();
        assertEquals(2, port.stats().ierrors);
    }

    /** RSS: IPv4/UDP flows spread over 4 queues, each flow on one queue, as RETA[hash] says. */
    @Test
    void shouldSpreadFlowsOverQueuesByRss()
    {
        open("mode=wire", 2047, 128, 1500, 4);
        assertEquals(1, model.peek("MRQC", 0) & 0xF, "MRQC written at Intel's 0x05818, read at 0x0EC80");
        final int[] perQueue = new int[4];
        final Mbuf[] rx = new Mbuf[32];
        for (int flow = 0; flow < 64; flow++)
        {
            final byte[] f = frame(60, 0);
            f[12] = 0x08;
            f[13] = 0x00;
            f[14] = 0x45;
            f[23] = 17;
            f[26] = (byte)198;
            f[27] = 18;
            f[28] = 0;
            f[29] = (byte)flow;
            f[30] = (byte)198;
            f[31] = 18;
            f[32] = 1;
            f[33] = 1;
            f[34] = (byte)(flow >> 8);
            f[35] = (byte)flow;
            f[36] = 0x12;
            f[37] = 0x34;
            assertTrue(model.inject(f));
            for (int q = 0; q < 4; q++)
            {
                final int n = port.rxBurst(q, rx, 0, 32);
                perQueue[q] += n;
                for (int i = 0; i < n; i++)
                {
                    assertEquals(q, rx[i].rssHash() & 0x7F & 3, "RETA round robin over 4: queue = hash & 3");
                }
                Mbuf.freeBulk(rx, 0, n);
            }
        }
        for (int q = 0; q < 4; q++)
        {
            assertTrue(perQueue[q] > 4, "queue " + q + " got " + perQueue[q] + " of 64 flows");
        }
    }

    @Test
    void shouldLinkAnX540ByItsPhyAndReportTenGig()
    {
        open("mode=loopback,device_id=0x1528", 1023, 64, 1500, 1);
        assertEquals(IxgbeEthDev.MacType.X540, ((IxgbeEthDev)port.ops()).macType());
        assertTrue(port.link().isUp());
        assertEquals(10_000, port.link().speedMbps());
        assertEquals(0, model.peek("AUTOC", 0) & 0x1000, "X540: AUTOC is not touched");
    }

    /** Instant mode (the benchmark's): the rings armed before RXEN are completed when the receiver starts. */
    @Test
    void shouldCompleteEveryArmedDescriptorInInstantModeAndRefillEachBurst()
    {
        open("mode=instant", 1023, 64, 1500, 1);
        final Mbuf[] pkts = new Mbuf[32];
        for (int round = 0; round < 10; round++)
        {
            final int n = port.rxBurst(0, pkts, 0, 32);
            assertEquals(32, n, "round " + round);
            assertEquals(60, pkts[0].pktLen());
            int sent = 0;
            while (sent < n)
            {
                sent += port.txBurst(0, pkts, sent, n - sent);
            }
        }
        assertEquals(320, port.stats().opackets);
    }

    @Test
    void shouldSpreadOverAnX550sTableWithItsExtension()
    {
        open("mode=wire,device_id=0x1563", 1023, 64, 1500, 4);
        assertEquals(IxgbeEthDev.MacType.X550, ((IxgbeEthDev)port.ops()).macType());
        assertEquals(512, port.info().retaSize, "RETA 128 + ERETA 384");
        assertTrue(port.link().isUp());
    }

    /** The device limit: 128 queues each way, the upper 64 in the 0x0D000 rx block; queue 127 loops back. */
    @Test
    void shouldRunAllOneHundredTwentyEightQueues()
    {
        eal = Eal.init("--no-huge", "-m", "512", "--no-pci", "--vdev", "net_ixgbe_sim0,mode=loopback");
        port = eal.port(0);
        model = ((IxgbeSimDevice)((IxgbeEthDev)port.ops()).device()).model();
        pool = eal.createPktmbufPool("ixsim", 8191, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        assertEquals(128, port.info().maxRxQueues);
        port.configure(128, 128, new EthConf());
        for (int q = 0; q < 128; q++)
        {
            port.rxQueueSetup(q, 32, pool, null);
            port.txQueueSetup(q, 32, null);
        }
        port.start();
        assertEquals(1 << 25, model.peek("RXDCTL", 127) & (1 << 25), "RXDCTL(127) at 0x0D000 + 0x40·63 + 0x28");
        final Mbuf[] one = new Mbuf[1];
        assertEquals(1, pool.allocBulk(one, 0, 1));
        final byte[] f = frame(100, 5);
        one[0].append(100);
        one[0].copyFrom(f, 0, 0, 100);
        assertEquals(1, port.txBurst(127, one, 0, 1));
        final Mbuf[] rx = new Mbuf[4];
        assertEquals(1, port.rxBurst(127, rx, 0, 4));
        assertArrayEquals(f, contents(rx[0]));
        rx[0].free();
    }

    /** The model's destination filter through the driver's FCTRL and RAR0: other unicast only when promiscuous. */
    @Test
    void shouldTakeOtherUnicastOnlyWhenPromiscuousAndFollowAMacChange()
    {
        open("mode=wire", 1023, 64, 1500, 1);
        port.promiscuousDisable();
        final byte[] other = frame(60, 1);
        other[5] ^= 0x55;
        assertFalse(model.inject(other), "not ours, not promiscuous");
        assertTrue(model.inject(frame(60, 2)), "ours");
        port.promiscuousEnable();
        assertTrue(model.inject(other), "promiscuous");
        port.promiscuousDisable();
        port.setMacAddr(MacAddress.of(Arrays.copyOf(other, 6)));
        assertTrue(model.inject(other), "the new MAC in RAR0");
        final Mbuf[] rx = new Mbuf[8];
        final int n = port.rxBurst(0, rx, 0, 8);
        assertEquals(3, n);
        Mbuf.freeBulk(rx, 0, n);
    }

    @Test
    void shouldRefuseRssOverSixteenQueuesOffloadsFixedSpeedsAndLoopback()
    {
        eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_ixgbe_sim0,mode=wire");
        port = eal.port(0);
        model = ((IxgbeSimDevice)((IxgbeEthDev)port.ops()).device()).model();
        pool = eal.createPktmbufPool("ixsim", 511, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        final EthConf conf = new EthConf();
        conf.rxMqMode = EthConf.MQ_RX_RSS;
        final EthDevException ex = assertThrows(EthDevException.class, () -> port.configure(17, 1, conf));
        assertEquals(Errno.EINVAL, ex.errno());
        assertTrue(ex.getMessage().contains("at most 16 queues"), ex.getMessage());
        conf.rxMqMode = EthConf.MQ_RX_NONE;
        conf.rxOffloads = 0x2; // RTE_ETH_RX_OFFLOAD_IPV4_CKSUM
        final EthDevException off = assertThrows(EthDevException.class, () -> port.configure(1, 1, conf));
        assertEquals(Errno.EINVAL, off.errno());
        assertTrue(off.getMessage().contains("Rx offloads 0x2 doesn't match"), off.getMessage());
        conf.rxOffloads = 0;
        conf.linkSpeeds = 0x100;
        assertEquals(Errno.ENOTSUP, assertThrows(EthDevException.class, () -> port.configure(1, 1, conf)).errno());
        conf.linkSpeeds = 0;
        conf.lpbkMode = 1;
        assertEquals(Errno.ENOTSUP, assertThrows(EthDevException.class, () -> port.configure(1, 1, conf)).errno());
        conf.lpbkMode = 0;
        port.configure(128, 128, conf);
        port.configure(1, 1, conf);
        port.rxQueueSetup(0, 64, pool, null);
        port.txQueueSetup(0, 64, null);
        port.start();
    }

    @Test
    void shouldRefuseBadDevargsClearly()
    {
        for (final String bad : List.of("mode=fast", "device_id=0x10c9", "strict=yes", "mode=loopback,wire=x"))
        {
            final RuntimeException ex = assertThrows(RuntimeException.class,
                () -> Eal.init("--no-huge", "--no-pci", "--vdev", "net_ixgbe_sim0," + bad).close());
            assertTrue(ex.getMessage().contains(bad.substring(bad.lastIndexOf(',') + 1)), ex.getMessage());
        }
    }
}
