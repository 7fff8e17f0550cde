package io.ethdev4j.pmd.igb;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.Xstat;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pci.qemu.MpqemuPciDevice;
import io.ethdev4j.pci.qemu.QemuBinary;
import io.ethdev4j.pci.qemu.QemuNicProcess;
import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Traffic through QEMU's igb with the wire a UDP socket pair on 127.0.0.1 (one datagram = one frame): the test is the
 * other end of the cable. Frames both ways byte-exact with matching counters, a forwarding loop, jumbo frames in
 * chained mbufs both ways, and RSS spreading IPv4/UDP flows over four queues.
 */
class QemuIgbTrafficTest
{
    private static final byte[] PEER_MAC = {0x02, 0, 0, 0, 0, 0x02};
    private static final long TIMEOUT_NS = 10_000_000_000L;

    private DatagramSocket peer;
    private int qemuPort;
    private Eal eal;
    private EthDev port;
    private MbufPool pool;
    private byte[] portMac;

    static int freeUdpPort()
    {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            return s.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @BeforeEach
    void startPeer() throws IOException
    {
        Prerequisites.require(QemuBinary.locate().isPresent(), "needs qemu-system-x86_64 >= " +
            QemuBinary.MIN_MAJOR_VERSION + " (run tools/setup-qemu.sh)");
        peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer.setSoTimeout(5000);
        qemuPort = freeUdpPort();
    }

    private void open(final int queues, final int mtu)
    {
        eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_qemu_igb0,netdev=udp:" + qemuPort + ":" +
            peer.getLocalPort() + ",mac=52:54:00:aa:00:01");
        port = eal.port(0);
        portMac = port.macAddr().toBytes();
        pool = eal.createPktmbufPool("traffic", 4095, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        final EthConf conf = new EthConf();
        conf.mtu = mtu;
        conf.rxMqMode = queues > 1 ? EthConf.MQ_RX_RSS : EthConf.MQ_RX_NONE;
        port.configure(queues, queues, conf);
        for (int q = 0; q < queues; q++)
        {
            port.rxQueueSetup(q, 256, pool, null);
            port.txQueueSetup(q, 256, null);
        }
        port.start();
        assertTrue(port.link().isUp(), "link after start: " + port.link());
    }

    @AfterEach
    void close()
    {
        if (eal != null)
        {
            port.stop();
            port.close();
            assertEquals(0, pool.inUse(), "mbufs leaked");
            eal.close();
        }
        if (peer != null)
        {
            peer.close();
        }
    }

    private void send(final byte[] frame) throws IOException
    {
        peer.send(new DatagramPacket(frame, frame.length, InetAddress.getLoopbackAddress(), qemuPort));
    }

    private byte[] receiveAtPeer() throws IOException
    {
        final byte[] buf = new byte[16384];
        final DatagramPacket p = new DatagramPacket(buf, buf.length);
        peer.receive(p);
        return Arrays.copyOf(buf, p.getLength());
    }

    /** An Ethernet frame, ethertype 0x88B5, counting payload. */
    private static byte[] frame(final byte[] dst, final byte[] src, final int length, final int seq)
    {
        final byte[] f = new byte[length];
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        f[12] = (byte)0x88;
        f[13] = (byte)0xB5;
        f[14] = (byte)(seq >>> 8);
        f[15] = (byte)seq;
        for (int i = 16; i < length; i++)
        {
            f[i] = (byte)(i * 7 + seq);
        }
        return f;
    }

    private int receive(final int queue, final Mbuf[] out, final int offset, final int expected)
    {
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        int got = 0;
        while (got < expected && System.nanoTime() - deadline < 0)
        {
            got += port.rxBurst(queue, out, offset + got, expected - got);
        }
        return got;
    }

    private static byte[] contents(final Mbuf m)
    {
        final byte[] b = new byte[m.pktLen()];
        assertEquals(b.length, m.readPacket(b, 0));
        return b;
    }

    private Mbuf mbufOf(final byte[] f)
    {
        final Mbuf m = pool.alloc();
        assertNotNull(m);
        m.append(f.length);
        m.copyFrom(f, 0, 0, f.length);
        return m;
    }

    @Test
    void shouldCarryFramesBothWaysByteExactWithMatchingCounters() throws IOException
    {
        open(1, 1500);
        final int n = 100;
        for (int i = 0; i < n; i++)
        {
            send(frame(portMac, PEER_MAC, 60 + i, i));
        }
        final Mbuf[] rx = new Mbuf[n];
        assertEquals(n, receive(0, rx, 0, n));
        long rxBytes = 0;
        for (int i = 0; i < n; i++)
        {
            assertArrayEquals(frame(portMac, PEER_MAC, 60 + i, i), contents(rx[i]), "frame " + i);
            rxBytes += rx[i].pktLen();
        }
        Mbuf.freeBulk(rx, 0, n);

        final Mbuf[] tx = new Mbuf[n];
        long txBytes = 0;
        for (int i = 0; i < n; i++)
        {
            tx[i] = mbufOf(frame(PEER_MAC, portMac, 64 + i, 1000 + i));
            txBytes += 64 + i;
        }
        int sent = 0;
        while (sent < n)
        {
            sent += port.txBurst(0, tx, sent, n - sent);
        }
        for (int i = 0; i < n; i++)
        {
            assertArrayEquals(frame(PEER_MAC, portMac, 64 + i, 1000 + i), receiveAtPeer(), "frame " + i);
        }
        final EthStats s = port.stats();
        assertEquals(n, s.ipackets, "GPRC");
        assertEquals(rxBytes, s.ibytes, "GORC less CRC");
        assertEquals(n, s.qIpackets[0]);
        assertEquals(n, s.opackets, "GPTC");
        assertEquals(txBytes, s.obytes, "GOTC less CRC");
        assertEquals(n, s.qOpackets[0]);
        assertEquals(0, s.ierrors + s.oerrors + s.imissed + s.rxNombuf, s.toString());
        final List<Xstat> xs = port.xstats();
        assertEquals(n, xs.stream().filter(x -> x.name().equals("rx_total_packets")).findFirst().get().value());
        assertEquals(n, xs.stream().filter(x -> x.name().equals("tx_total_packets")).findFirst().get().value());
    }

    /**
     * The QEMU process follows the runtime's memory: a pool created after start is put into QEMU's memory as it is
     * created (the driver maps nothing), so frames sent from it reach the wire byte-exact; freeing it takes it out.
     */
    @Test
    void shouldMapAPoolCreatedAfterStartIntoQemuAndUnmapItWhenFreed() throws IOException
    {
        open(1, 1500);
        final QemuNicProcess qemu = ((MpqemuPciDevice)((IgbEthDev)port.ops()).device()).process();
        assertEquals(eal.memory().registry().regions(), qemu.mappedRegions(), "rings and pool, mapped by QEMU");
        final MbufPool late = eal.createPktmbufPool("traffic_late", 255, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        assertTrue(qemu.mappedRegions().contains(late.region()), "mapped as it was created");
        final int n = 20;
        final Mbuf[] tx = new Mbuf[n];
        for (int i = 0; i < n; i++)
        {
            final byte[] f = frame(PEER_MAC, portMac, 60 + i, 3000 + i);
            tx[i] = late.alloc();
            tx[i].append(f.length);
            tx[i].copyFrom(f, 0, 0, f.length);
        }
        int sent = 0;
        while (sent < n)
        {
            sent += port.txBurst(0, tx, sent, n - sent);
        }
        for (int i = 0; i < n; i++)
        {
            assertArrayEquals(frame(PEER_MAC, portMac, 60 + i, 3000 + i), receiveAtPeer(), "frame " + i);
        }
        port.stop();
        assertEquals(0, late.inUse(), "the tx ring gave the late pool's mbufs back");
        late.close();
        assertFalse(qemu.mappedRegions().contains(late.region()), "taken out of QEMU when freed");
        assertEquals(eal.memory().registry().regions(), qemu.mappedRegions());
        port.start();
    }

    @Test
    void shouldForwardWhatItReceivesBackToTheSender() throws IOException
    {
        open(1, 1500);
        final int n = 500;
        final Mbuf[] burst = new Mbuf[32];
        int forwarded = 0;
        int sentByPeer = 0;
        int backAtPeer = 0;
        final long t0 = System.nanoTime();
        while (backAtPeer < n && System.nanoTime() - t0 < TIMEOUT_NS)
        {
            while (sentByPeer < n && sentByPeer - backAtPeer < 64)
            {
                send(frame(portMac, PEER_MAC, 64, sentByPeer++));
            }
            final int got = port.rxBurst(0, burst, 0, 32);
            for (int i = 0; i < got; i++)
            {
                // MAC swap, as testpmd's macswap engine
                final Mbuf m = burst[i];
                for (int b = 0; b < 6; b++)
                {
                    final byte d = m.getByte(b);
                    m.putByte(b, m.getByte(6 + b));
                    m.putByte(6 + b, d);
                }
            }
            int sent = 0;
            while (sent < got)
            {
                sent += port.txBurst(0, burst, sent, got - sent);
            }
            forwarded += got;
            peer.setSoTimeout(got == 0 ? 1 : 5000);
            for (int i = 0; i < got; i++)
            {
                final byte[] f = receiveAtPeer();
                assertArrayEquals(frame(PEER_MAC, portMac, 64, backAtPeer), f, "frame " + backAtPeer + " in order");
                backAtPeer++;
            }
        }
        final double us = (System.nanoTime() - t0) / 1e3 / n;
        assertEquals(n, forwarded);
        assertEquals(n, backAtPeer);
        final EthStats s = port.stats();
        assertEquals(n, s.ipackets);
        assertEquals(n, s.opackets);
        assertEquals(n, s.qIpackets[0]);
        assertEquals(n, s.qOpackets[0]);
        System.out.printf("forwarded %d frames peer -> igb -> peer, %.1f us per frame round trip%n", n, us);
    }

    @Test
    void shouldReceiveAndSendJumboFramesInChainedMbufs() throws IOException
    {
        open(1, 9000);
        final byte[] big = frame(portMac, PEER_MAC, 9000 + 14, 7);
        send(big);
        final Mbuf[] rx = new Mbuf[1];
        assertEquals(1, receive(0, rx, 0, 1));
        assertEquals(big.length, rx[0].pktLen());
        assertEquals(5, rx[0].nbSegs(), "9014 bytes in 2 KiB buffers");
        assertArrayEquals(big, contents(rx[0]));
        assertEquals(1, port.txBurst(0, rx, 0, 1), "sent back as the chain it arrived in");
        assertArrayEquals(big, receiveAtPeer());
        send(frame(portMac, PEER_MAC, 1514 + 14 + 9000, 8)); // above RLPML: dropped by the device
        send(frame(portMac, PEER_MAC, 100, 9));
        assertEquals(1, receive(0, rx, 0, 1));
        assertEquals(100, rx[0].pktLen());
        rx[0].free();
    }

    @Test
    void shouldSpreadIpv4UdpFlowsOverQueuesWithRss() throws IOException
    {
        open(4, 1500);
        final int n = 64;
        for (int i = 0; i < n; i++)
        {
            send(udp4(portMac, PEER_MAC, 10000 + i));
        }
        final Mbuf[] rx = new Mbuf[32];
        final int[] perQueue = new int[4];
        int total = 0;
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        while (total < n && System.nanoTime() - deadline < 0)
        {
            for (int q = 0; q < 4; q++)
            {
                final int got = port.rxBurst(q, rx, 0, 32);
                for (int i = 0; i < got; i++)
                {
                    assertNotEquals(0, rx[i].rssHash(), "RSS hash in the mbuf");
                }
                Mbuf.freeBulk(rx, 0, got);
                perQueue[q] += got;
                total += got;
            }
        }
        assertEquals(n, total);
        int used = 0;
        for (final int c : perQueue)
        {
            used += c > 0 ? 1 : 0;
        }
        assertTrue(used >= 2, "flows spread over several queues: " + Arrays.toString(perQueue));
        final EthStats s = port.stats();
        for (int q = 0; q < 4; q++)
        {
            assertEquals(perQueue[q], s.qIpackets[q]);
        }
        System.out.println("RSS spread of " + n + " flows over 4 queues: " + Arrays.toString(perQueue));
    }

    /** Ethernet + IPv4 + UDP, source port {@code sport}, checksums left 0 (the PMD does not check them). */
    private static byte[] udp4(final byte[] dst, final byte[] src, final int sport)
    {
        final byte[] f = new byte[60];
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        f[12] = 0x08;
        f[14] = 0x45;
        f[17] = 46; // total length 46
        f[22] = 64;
        f[23] = 17;
        f[26] = 10;
        f[29] = 1;
        f[30] = 10;
        f[33] = 2;
        f[34] = (byte)(sport >>> 8);
        f[35] = (byte)sport;
        f[36] = 0x30;
        f[37] = 0x39;
        f[39] = 26;
        return f;
    }
}
