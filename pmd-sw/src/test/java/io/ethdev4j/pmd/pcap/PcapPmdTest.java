package io.ethdev4j.pmd.pcap;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.ethdev4j.pmd.pcap.PcapTestFiles.frame;
import static io.ethdev4j.pmd.pcap.PcapTestFiles.pcap;
import static io.ethdev4j.pmd.pcap.PcapTestFiles.write;
import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.*;

class PcapPmdTest
{
    @TempDir
    Path dir;
    private Eal eal;
    private MbufPool pool;
    private final Mbuf[] burst = new Mbuf[64];

    @BeforeEach
    void setUp()
    {
        eal = Eal.init("--no-huge");
        pool = eal.createPktmbufPool("pcap_test", 1023, 0, 0, 2176);
    }

    @AfterEach
    void tearDown()
    {
        if (eal != null)
        {
            eal.close();
        }
    }

    private EthDev startPort(final String devargs)
    {
        final EthDev p = eal.attach(devargs);
        p.configure(1, 1, null);
        p.rxQueueSetup(0, 0, pool, null);
        p.txQueueSetup(0, 0, null);
        p.start();
        return p;
    }

    private static byte[] bytes(final Mbuf m)
    {
        final byte[] b = new byte[m.pktLen()];
        assertEquals(b.length, m.readPacket(b, 0));
        return b;
    }

    /** Receives until the queue returns nothing (at most {@code max} packets); frees them. */
    private List<byte[]> rxAll(final EthDev p, final int max)
    {
        final List<byte[]> out = new ArrayList<>();
        int n;
        while (out.size() < max && (n = p.rxBurst(0, burst, Math.min(32, max - out.size()))) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                assertEquals(p.portId(), burst[i].port());
                out.add(bytes(burst[i]));
                burst[i].free();
            }
        }
        return out;
    }

    /** A packet in {@code segs} segments from the pool. */
    private Mbuf packet(final byte[] data, final int segs)
    {
        final Mbuf head = pool.alloc();
        final int per = (data.length + segs - 1) / segs;
        int off = 0;
        Mbuf m = head;
        for (int s = 0; s < segs; s++)
        {
            final int n = Math.min(per, data.length - off);
            if (s > 0)
            {
                m = pool.alloc();
                m.dataOff(0);
            }
            m.copyFrom(data, off, 0, n);
            m.setLength(n);
            if (s > 0)
            {
                assertTrue(head.chain(m));
            }
            off += n;
        }
        assertEquals(data.length, head.pktLen());
        return head;
    }

    private static void assertSame(final List<byte[]> expected, final List<byte[]> actual)
    {
        assertEquals(expected.size(), actual.size(), "packet count");
        for (int i = 0; i < expected.size(); i++)
        {
            assertArrayEquals(expected.get(i), actual.get(i), "packet " + i);
        }
    }

    // ------------------------------------------------------------------ round trip

    @Test
    void shouldWriteThroughTxAndReadBackThroughRx() throws Exception
    {
        final Path file = dir.resolve("out.pcap");
        final EthDev tx = startPort("net_pcap0,tx_pcap=" + file);
        final List<byte[]> sent = new ArrayList<>();
        final int[] sizes = {60, 64, 100, 1514, 2000, 4000, 9000, 1};
        final int[] segs = {1, 1, 2, 1, 3, 2, 5, 1};
        long bytes = 0;
        for (int i = 0; i < sizes.length; i++)
        {
            final byte[] f = frame(sizes[i], i);
            sent.add(f);
            burst[i] = packet(f, segs[i]);
            bytes += sizes[i];
        }
        assertEquals(sizes.length, tx.txBurst(0, burst, sizes.length));
        final EthStats st = tx.stats();
        assertEquals(sizes.length, st.opackets);
        assertEquals(bytes, st.obytes);
        assertEquals(0, st.oerrors);
        assertEquals(0, pool.inUse());
        tx.stop();
        eal.detach(tx.portId());

        final ByteBuffer hdr = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xA1B23C4D, hdr.getInt(0));
        assertEquals(2, hdr.getShort(4));
        assertEquals(4, hdr.getShort(6));
        assertEquals(65535, hdr.getInt(16));
        assertEquals(1, hdr.getInt(20));

        final long before = System.currentTimeMillis() * 1_000_000L;
        final EthDev rx = startPort("net_pcap1,rx_pcap=" + file);
        assertSame(sent, rxAll(rx, 100));
        assertEquals(0, rx.rxBurst(0, burst, 32), "end of file");
        final EthStats rs = rx.stats();
        assertEquals(sizes.length, rs.ipackets);
        assertEquals(bytes, rs.ibytes);
        final PcapImage img = ((PcapEthDev)rx.ops()).rxImage();
        for (int i = 0; i < img.count(); i++)
        {
            assertTrue(Math.abs(img.timestampNs(i) - before) < 60_000_000_000L, "timestamp near now");
            assertTrue(i == 0 || img.timestampNs(i) >= img.timestampNs(i - 1), "timestamps in order");
        }
        assertEquals(0, pool.inUse());
    }

    @Test
    void shouldReplayHandMadeFilesOfBothByteOrdersAndPcapng() throws Exception
    {
        final byte[][] pkts = {frame(60, 1), frame(1514, 2), frame(3000, 3), frame(61, 4)};
        final List<byte[]> expected = Arrays.asList(pkts);
        final byte[][] files = {
            pcap(LITTLE_ENDIAN, false, pkts),
            pcap(BIG_ENDIAN, false, pkts),
            pcap(LITTLE_ENDIAN, true, pkts),
            pcap(BIG_ENDIAN, true, pkts),
            new PcapTestFiles.Pcapng(LITTLE_ENDIAN).shb().idb(1).epb(0, 1, pkts[0]).unknown(5, 8).epb(0, 2, pkts[1])
                .spb(pkts[2]).epb(0, 3, pkts[3]).bytes(),
            new PcapTestFiles.Pcapng(BIG_ENDIAN).shb().idb(1, 0, 9, 0).epb(0, 1, pkts[0]).epb(0, 2, pkts[1])
                .unknown(0xBAD, 4).epb(0, 3, pkts[2]).pb(0, 4, pkts[3]).bytes(),
        };
        for (int i = 0; i < files.length; i++)
        {
            final Path f = write(dir, "in" + i + ".cap", files[i]);
            final EthDev p = startPort("net_pcap" + i + ",rx_pcap=" + f);
            assertSame(expected, rxAll(p, 100));
            p.stop();
            eal.detach(p.portId());
        }
        assertEquals(0, pool.inUse());
    }

    @Test
    void shouldChainJumboFramesAsEthPcapRxJumbo() throws Exception
    {
        final byte[] jumbo = frame(9000, 7);
        final Path in = write(dir, "jumbo.pcap", pcap(LITTLE_ENDIAN, true, jumbo, frame(2048, 8), frame(2049, 9)));
        final Path out = dir.resolve("jumbo-out.pcap");
        final EthDev p = startPort("net_pcap0,rx_pcap=" + in + ",tx_pcap=" + out);
        assertEquals(3, p.rxBurst(0, burst, 32));
        final Mbuf m = burst[0];
        assertEquals(9000, m.pktLen());
        assertEquals(2048, m.dataLen(), "first segment: data room minus headroom");
        assertEquals(5, m.nbSegs(), "2048 + 4 x 2176 >= 9000");
        for (Mbuf s = m.next(); s != null; s = s.next())
        {
            assertEquals(0, s.dataOff(), "no headroom in later segments");
        }
        assertArrayEquals(jumbo, bytes(m));
        assertEquals(1, burst[1].nbSegs());
        assertEquals(2, burst[2].nbSegs());
        assertEquals(1, burst[2].next().dataLen());
        assertEquals(3, p.txBurst(0, burst, 3));
        assertEquals(0, pool.inUse());
        p.stop();
        try (PcapImage img = PcapFileReader.read(out))
        {
            assertEquals(3, img.count());
            assertArrayEquals(jumbo, img.packet(0));
            assertEquals(2049, img.capLength(2));
        }
    }

    @Test
    void shouldLoopForeverWithInfiniteRx() throws Exception
    {
        final byte[][] pkts = {frame(60, 0), frame(70, 1), frame(80, 2)};
        final Path in = write(dir, "loop.pcap", pcap(BIG_ENDIAN, false, pkts));
        final EthDev p = startPort("net_pcap0,rx_pcap=" + in + ",infinite_rx=1");
        int got = 0;
        for (int round = 0; round < 10; round++)
        {
            assertEquals(4, p.rxBurst(0, burst, 4));
            for (int i = 0; i < 4; i++)
            {
                assertArrayEquals(pkts[(got + i) % 3], bytes(burst[i]));
            }
            Mbuf.freeBulk(burst, 0, 4);
            got += 4;
        }
        p.stop();
        p.start();
        assertEquals(1, p.rxBurst(0, burst, 1));
        assertArrayEquals(pkts[got % 3], bytes(burst[0]), "infinite_rx keeps its place over stop/start");
        burst[0].free();
        final EthStats s = p.stats();
        assertEquals(41, s.ipackets);
        assertEquals(13L * 210 + 60 + 70, s.ibytes);
        assertEquals(0, pool.inUse());
    }

    @Test
    void shouldReplayFromTheStartAfterRestartWithoutInfiniteRx() throws Exception
    {
        final byte[][] pkts = {frame(60, 0), frame(70, 1), frame(80, 2)};
        final Path in = write(dir, "three.pcap", pcap(LITTLE_ENDIAN, false, pkts));
        final EthDev p = startPort("net_pcap0,rx_pcap=" + in);
        assertEquals(2, p.rxBurst(0, burst, 2));
        Mbuf.freeBulk(burst, 0, 2);
        p.stop();
        p.start();
        assertSame(Arrays.asList(pkts), rxAll(p, 10));
    }

    @Test
    void shouldCountNombufAndLoseNoPacket() throws Exception
    {
        final MbufPool small = eal.createPktmbufPool("pcap_small", 8, 0, 0, 2176);
        final byte[][] pkts = new byte[20][];
        for (int i = 0; i < pkts.length; i++)
        {
            pkts[i] = frame(100 + i, i);
        }
        final Path in = write(dir, "many.pcap", pcap(LITTLE_ENDIAN, false, pkts));
        final EthDev p = eal.attach("net_pcap0,rx_pcap=" + in);
        p.configure(1, 1, null);
        p.rxQueueSetup(0, 0, small, null);
        p.txQueueSetup(0, 0, null);
        p.start();
        int next = 0;
        while (next < pkts.length)
        {
            final int n = p.rxBurst(0, burst, 32);
            assertTrue(n > 0);
            for (int i = 0; i < n; i++)
            {
                assertArrayEquals(pkts[next++], bytes(burst[i]));
            }
            Mbuf.freeBulk(burst, 0, n);
        }
        assertEquals(20, p.stats().ipackets);
        assertEquals(2, p.stats().rxNombuf, "bursts cut short by the 8-mbuf pool");
        assertEquals(0, small.inUse());
    }

    @Test
    void shouldReturnNothingWithoutRxPcapAndDropWithoutTxPcap() throws Exception
    {
        final EthDev txOnly = startPort("net_pcap0,tx_pcap=" + dir.resolve("t.pcap"));
        assertEquals(0, txOnly.rxBurst(0, burst, 32));
        final EthDev rxOnly = startPort("net_pcap1,rx_pcap=" + write(dir, "r.pcap", pcap(LITTLE_ENDIAN, true)));
        assertEquals(0, rxOnly.rxBurst(0, burst, 32), "empty file");
        for (int i = 0; i < 5; i++)
        {
            burst[i] = packet(frame(100, i), i % 2 + 1);
        }
        assertEquals(5, rxOnly.txBurst(0, burst, 5));
        assertEquals(5, rxOnly.stats().opackets);
        assertEquals(500, rxOnly.stats().obytes);
        assertEquals(0, pool.inUse());
        rxOnly.statsReset();
        assertEquals(0, rxOnly.stats().opackets);
    }

    @Test
    void shouldBehaveAsAFixedTenGigPortWithOneQueuePair() throws Exception
    {
        final EthDev p = eal.attach("net_pcap0,tx_pcap=" + dir.resolve("x.pcap"));
        assertEquals("net_pcap", p.driverName());
        assertTrue(p.macAddr().toString().toLowerCase().startsWith("02:70:63:61:70:"), p.macAddr().toString());
        assertTrue(p.isPromiscuous());
        final DevInfo info = p.info();
        assertEquals(1, info.maxRxQueues);
        assertEquals(1, info.maxTxQueues);
        assertEquals(Errno.EINVAL, assertThrows(EthDevException.class, () -> p.configure(2, 1, null)).errno());
        p.configure(1, 1, null);
        assertFalse(p.link().isUp());
        p.rxQueueSetup(0, 0, pool, null);
        p.txQueueSetup(0, 0, null);
        p.start();
        assertEquals("Link up at 10 Gbps FDX Fixed", p.link().toString());
        p.setMtu(9000);
        assertEquals(9000, p.mtu());
        p.promiscuousDisable();
        assertFalse(p.isPromiscuous());
        p.stop();
        assertFalse(p.link().isUp());
        p.close();
        assertTrue(p.isReleased());
        assertNull(eal.portByName("net_pcap0"));
    }

    // ------------------------------------------------------------------ probe errors: clear, and no port left

    private EthDevException probeFails(final String devargs, final int errno)
    {
        final int before = eal.portCount();
        final EthDevException ex = assertThrows(EthDevException.class, () -> eal.attach(devargs));
        assertEquals(errno, ex.errno(), ex.getMessage());
        assertEquals(before, eal.portCount(), "no port left after a failed probe");
        assertNull(eal.portByName(devargs.substring(0, devargs.indexOf(','))));
        return ex;
    }

    @Test
    void shouldRejectBadFilesNamingFileOffsetAndProblem() throws Exception
    {
        final byte[] good = pcap(LITTLE_ENDIAN, false, frame(60, 1), frame(100, 2));
        final Path out = dir.resolve("never.pcap");

        final Path shortHeader = write(dir, "short.pcap", Arrays.copyOf(good, 20));
        assertEquals("probe(net_pcap0,rx_pcap=" + shortHeader + ",tx_pcap=" + out + ") failed: EINVAL - rx_pcap=" +
            shortHeader + ": offset 0: truncated file header: 20 of 24 bytes",
            probeFails("net_pcap0,rx_pcap=" + shortHeader + ",tx_pcap=" + out, Errno.EINVAL).getMessage());
        assertFalse(Files.exists(out), "the tx file is not created when the rx file is bad");

        final Path cutRecord = write(dir, "cut.pcap", Arrays.copyOf(good, good.length - 10));
        assertTrue(probeFails("net_pcap0,rx_pcap=" + cutRecord, Errno.EINVAL).getMessage()
            .endsWith("rx_pcap=" + cutRecord + ": offset 116: truncated data of packet 2: incl_len 100 but 90 bytes left"));

        final Path cutHeader = write(dir, "cuthdr.pcap", Arrays.copyOf(good, 24 + 16 + 60 + 3));
        assertTrue(probeFails("net_pcap0,rx_pcap=" + cutHeader, Errno.EINVAL).getMessage()
            .endsWith("offset 100: truncated record header of packet 2: 3 of 16 bytes"));

        final byte[] magic = good.clone();
        magic[3] = 0;
        final Path badMagic = write(dir, "magic.pcap", magic);
        assertTrue(probeFails("net_pcap0,rx_pcap=" + badMagic, Errno.EINVAL).getMessage()
            .contains("rx_pcap=" + badMagic + ": offset 0: bad magic number"));

        final Path sll = write(dir, "sll.pcap", pcap(BIG_ENDIAN, true, 113, new byte[][] {frame(60, 1)},
            new long[1], new long[1]));
        assertTrue(probeFails("net_pcap0,rx_pcap=" + sll, Errno.EINVAL).getMessage()
            .endsWith("offset 20: linktype 113 (LINUX_SLL) not supported: net_pcap replays Ethernet (1) only"));

        final Path ng = write(dir, "wifi.pcapng", new PcapTestFiles.Pcapng(LITTLE_ENDIAN).shb().idb(105).bytes());
        assertTrue(probeFails("net_pcap0,rx_pcap=" + ng, Errno.EINVAL).getMessage()
            .endsWith("offset 36: interface 0: linktype 105 (IEEE802_11) not supported: net_pcap replays Ethernet (1) only"));

        final Path missing = dir.resolve("missing.pcap");
        assertTrue(probeFails("net_pcap0,rx_pcap=" + missing, Errno.ENOENT).getMessage()
            .endsWith("rx_pcap=" + missing + ": cannot read: no such file or directory"));
        assertTrue(probeFails("net_pcap0,rx_pcap=" + dir, Errno.EIO).getMessage().contains("rx_pcap=" + dir));
        assertEquals(0, eal.portCount());
    }

    @Test
    void shouldRejectBadDevargsClearly() throws Exception
    {
        final Path in = write(dir, "ok.pcap", pcap(LITTLE_ENDIAN, false, frame(60, 1)));
        assertTrue(probeFails("net_pcap0,infinite_rx=1,tx_pcap=" + dir.resolve("o.pcap"), Errno.EINVAL).getMessage()
            .endsWith("infinite_rx=1 requires rx_pcap=FILE"));
        assertTrue(probeFails("net_pcap0,infinite_rx=1,rx_pcap=" + write(dir, "e.pcap", pcap(BIG_ENDIAN, false)),
            Errno.EINVAL).getMessage().contains("holds no packet"));
        assertTrue(probeFails("net_pcap0,rx_pcap=", Errno.EINVAL).getMessage().endsWith("rx_pcap needs a file name (rx_pcap=FILE)"));
        assertTrue(probeFails("net_pcap0,infinite_rx=2,rx_pcap=" + in, Errno.EINVAL).getMessage().contains("infinite_rx=2"));
        assertTrue(probeFails("net_pcap0,rx_pcap=" + in + ",bogus=1", Errno.EINVAL).getMessage()
            .contains("unknown devarg 'bogus'"));
        final EthDevException none = assertThrows(EthDevException.class, () -> eal.attach("net_pcap0"));
        assertTrue(none.getMessage().endsWith("no rx or tx given: use rx_pcap=FILE, tx_pcap=FILE, iface=IF, " +
            "rx_iface=IF, rx_iface_in=IF and/or tx_iface=IF"), none.getMessage());
        assertTrue(probeFails("net_pcap0,rx_pcap=" + in + ",tx_pcap=" + dir.resolve("no/such/dir/o.pcap"),
            Errno.ENOENT).getMessage().contains("tx_pcap=" + dir.resolve("no/such/dir/o.pcap") + ": cannot create"));
        assertEquals(0, eal.portCount());
        assertEquals(0, pool.inUse());
    }

    // ------------------------------------------------------------------ EAL

    @Test
    void shouldForwardFromRxFileToTxFileThroughEalInit() throws Exception
    {
        eal.close();
        eal = null;
        final byte[][] pkts = {frame(60, 0), frame(1514, 1), frame(9000, 2), frame(64, 3)};
        final Path in = write(dir, "fwd-in.pcapng", new PcapTestFiles.Pcapng(BIG_ENDIAN).shb().idb(1)
            .epb(0, 1, pkts[0]).epb(0, 2, pkts[1]).epb(0, 3, pkts[2]).epb(0, 4, pkts[3]).bytes());
        final Path out = dir.resolve("fwd-out.pcap");
        try (Eal e = Eal.init("--no-huge", "--vdev", "net_pcap0,rx_pcap=" + in + ",tx_pcap=" + out))
        {
            final EthDev p = e.portByName("net_pcap0");
            assertEquals("net_pcap", p.driverName());
            final MbufPool mp = e.createPktmbufPool("pcap_fwd", 255, 32, 0, 2176);
            p.configure(1, 1, null);
            p.rxQueueSetup(0, 0, mp, null);
            p.txQueueSetup(0, 0, null);
            p.start();
            final int n = p.rxBurst(0, burst, 32);
            assertEquals(4, n);
            assertEquals(4, p.txBurst(0, burst, n));
            assertEquals(0, mp.inUse());
        }
        try (PcapImage img = PcapFileReader.read(out))
        {
            assertEquals(4, img.count());
            for (int i = 0; i < 4; i++)
            {
                assertArrayEquals(pkts[i], img.packet(i));
            }
        }
        final EthDevException ex = assertThrows(EthDevException.class,
            () -> Eal.init("--no-huge", "--vdev", "net_pcap0,rx_pcap=" + dir.resolve("nope.pcap")));
        assertTrue(ex.getMessage().contains("nope.pcap"), ex.getMessage());
    }

    // ------------------------------------------------------------------ hot path

    @Test
    void shouldNotAllocateWhenReplayingAndWriting() throws Exception
    {
        final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean,
            "skipped: needs com.sun.management.ThreadMXBean");
        final com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean)mx;
        final Path in = write(dir, "hot.pcap", pcap(LITTLE_ENDIAN, true, frame(60, 0), frame(1514, 1), frame(3000, 2)));
        final EthDev p = startPort("net_pcap0,rx_pcap=" + in + ",infinite_rx=1,tx_pcap=" + dir.resolve("hot-out.pcap"));
        final long tid = Thread.currentThread().getId();
        // Interpreted and C1 code may allocate what C2 later scalar-replaces (in the JDK's FileChannel path), so
        // warm up until a whole round allocates nothing; a per-packet allocation would never get there.
        final List<Long> rounds = new ArrayList<>();
        for (int round = 0; round < 30; round++)
        {
            final long before = tmx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 2_000; i++)
            {
                final int n = p.rxBurst(0, burst, 32);
                p.txBurst(0, burst, n);
            }
            final long allocated = tmx.getThreadAllocatedBytes(tid) - before;
            rounds.add(allocated);
            if (allocated == 0)
            {
                break;
            }
        }
        assertEquals(0L, rounds.get(rounds.size() - 1), "bytes allocated per round of 2000 rx+tx bursts of 32: " + rounds);
        assertEquals(0, pool.inUse());
    }
}
