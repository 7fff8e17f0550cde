package io.ethdev4j.pmd.pcap;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.ethdev4j.pmd.pcap.PcapTestFiles.frame;
import static io.ethdev4j.pmd.pcap.PcapTestFiles.requireCommand;
import static org.junit.jupiter.api.Assertions.*;

/** Interop with libpcap/wireshark tools; skipped (failed under CI=true) when a tool is missing. */
class PcapToolsTest
{
    private static final int[] SIZES = {60, 1514, 9000, 64, 2049};

    @TempDir
    Path dir;

    private static List<String> run(final Path dir, final String... cmd) throws IOException, InterruptedException
    {
        final Path log = dir.resolve("cmd-" + System.nanoTime() + ".out");
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd) + " timed out");
        final List<String> out = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + String.join("\n", out));
        return out;
    }

    /** Writes {@link #SIZES} frames (the jumbo one chained) through a net_pcap tx queue. */
    private Path writeThroughTx() throws Exception
    {
        final Path out = dir.resolve("tx.pcap");
        try (Eal eal = Eal.init("--no-huge", "--vdev", "net_pcap0,tx_pcap=" + out))
        {
            final MbufPool pool = eal.createPktmbufPool("pcap_tools", 255, 0, 0, 2176);
            final EthDev p = eal.port(0);
            p.configure(1, 1, null);
            p.rxQueueSetup(0, 0, pool, null);
            p.txQueueSetup(0, 0, null);
            p.start();
            final Mbuf[] pkts = new Mbuf[SIZES.length];
            for (int i = 0; i < SIZES.length; i++)
            {
                final byte[] f = frame(SIZES[i], i);
                Mbuf head = null;
                for (int off = 0; off < f.length; off += 2000)
                {
                    final Mbuf m = pool.alloc();
                    final int n = Math.min(2000, f.length - off);
                    m.copyFrom(f, off, 0, n);
                    m.setLength(n);
                    if (head == null)
                    {
                        head = m;
                    }
                    else
                    {
                        assertTrue(head.chain(m));
                    }
                }
                pkts[i] = head;
            }
            assertEquals(SIZES.length, p.txBurst(0, pkts, SIZES.length));
            p.stop();
        }
        return out;
    }

    @Test
    void shouldWriteAFileTcpdumpReads() throws Exception
    {
        requireCommand("tcpdump");
        final Path f = writeThroughTx();
        final List<String> lines = run(dir, "tcpdump", "-r", f.toString(), "-nn", "-e", "--nano");
        final List<String> headers = new ArrayList<>();
        for (final String l : lines)
        {
            if (l.contains("ethertype"))
            {
                headers.add(l);
            }
        }
        assertEquals(SIZES.length, headers.size(), headers.toString());
        for (int i = 0; i < SIZES.length; i++)
        {
            assertTrue(headers.get(i).contains("02:00:00:00:00:0" + i + " > ff:ff:ff:ff:ff:ff"), headers.get(i));
            assertTrue(headers.get(i).endsWith("length " + SIZES[i] + ": "), headers.get(i));
        }
    }

    @Test
    void shouldWriteAFileTsharkReads() throws Exception
    {
        requireCommand("tshark");
        final Path f = writeThroughTx();
        final List<String> lines = run(dir, "tshark", "-r", f.toString(), "-T", "fields", "-e", "frame.len",
            "-e", "frame.cap_len", "-e", "eth.src");
        final List<String> rows = new ArrayList<>();
        for (final String l : lines)
        {
            if (!l.isBlank() && Character.isDigit(l.charAt(0)))
            {
                rows.add(l);
            }
        }
        assertEquals(SIZES.length, rows.size(), lines.toString());
        for (int i = 0; i < SIZES.length; i++)
        {
            assertEquals(SIZES[i] + "\t" + SIZES[i] + "\t02:00:00:00:00:0" + i, rows.get(i));
        }
    }

    /** A text2pcap input: each packet as offset-prefixed hex lines. */
    private Path hexdump(final byte[][] pkts) throws IOException
    {
        final StringBuilder sb = new StringBuilder();
        for (final byte[] p : pkts)
        {
            for (int off = 0; off < p.length; off += 16)
            {
                sb.append(String.format("%06x", off));
                for (int i = off; i < Math.min(off + 16, p.length); i++)
                {
                    sb.append(String.format(" %02x", p[i] & 0xFF));
                }
                sb.append('\n');
            }
        }
        final Path txt = dir.resolve("pkts.txt");
        Files.writeString(txt, sb.toString());
        return txt;
    }

    private void assertReplays(final Path file, final byte[][] pkts, final String format) throws Exception
    {
        try (PcapImage img = PcapFileReader.read(file))
        {
            assertTrue(img.format().startsWith(format), img.format());
            assertEquals(pkts.length, img.count());
            for (int i = 0; i < pkts.length; i++)
            {
                assertArrayEquals(pkts[i], img.packet(i), "packet " + i + " of " + file);
            }
        }
        try (Eal eal = Eal.init("--no-huge", "--vdev", "net_pcap0,rx_pcap=" + file))
        {
            final MbufPool pool = eal.createPktmbufPool("pcap_replay", 255, 0, 0, 2176);
            final EthDev p = eal.port(0);
            p.configure(1, 1, null);
            p.rxQueueSetup(0, 0, pool, null);
            p.txQueueSetup(0, 0, null);
            p.start();
            final Mbuf[] got = new Mbuf[32];
            assertEquals(pkts.length, p.rxBurst(0, got, 32));
            for (int i = 0; i < pkts.length; i++)
            {
                final byte[] b = new byte[got[i].pktLen()];
                got[i].readPacket(b, 0);
                assertArrayEquals(pkts[i], b);
            }
            Mbuf.freeBulk(got, 0, pkts.length);
            assertEquals(0, pool.inUse());
        }
    }

    @Test
    void shouldReplayWhatText2pcapTcpdumpAndEditcapWrite() throws Exception
    {
        requireCommand("text2pcap");
        final byte[][] pkts = {frame(60, 1), frame(1514, 2), frame(9000, 3), frame(333, 4)};
        final Path txt = hexdump(pkts);

        final Path pcap = dir.resolve("t2p.pcap");
        run(dir, "text2pcap", "-F", "pcap", txt.toString(), pcap.toString());
        assertReplays(pcap, pkts, "pcap, little-endian, µs");

        final Path ng = dir.resolve("t2p.pcapng");
        run(dir, "text2pcap", "-n", txt.toString(), ng.toString());
        assertReplays(ng, pkts, "pcapng, little-endian");

        requireCommand("tcpdump");
        final Path td = dir.resolve("tcpdump.pcap");
        run(dir, "tcpdump", "-r", pcap.toString(), "-w", td.toString());
        assertReplays(td, pkts, "pcap, little-endian, µs");

        requireCommand("editcap");
        final Path ns = dir.resolve("nsec.pcap");
        run(dir, "editcap", "-F", "nsecpcap", pcap.toString(), ns.toString());
        assertReplays(ns, pkts, "pcap, little-endian, ns");
    }
}
