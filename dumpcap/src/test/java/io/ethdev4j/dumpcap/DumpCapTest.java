package io.ethdev4j.dumpcap;

import io.ethdev4j.pdump.PdumpClient;
import io.ethdev4j.pdump.PdumpProtocol.PortInfo;
import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.ethdev4j.pmd.pcap.PcapngBlockDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * dumpcap against testpmd running in this JVM: the options, the pcapng it writes, forwarding while it captures.
 * Each test starts testpmd with its own --file-prefix and runs dumpcap's main entry in process (a real unix socket
 * and a real shared-memory region in /dev/shm, as between two processes).
 */
class DumpCapTest
{
    private static final List<String> NULL_PORTS = List.of("net_null0,size=64", "net_null1,size=64");
    /** 100 kpps per port: for captures bounded by time, whose files must stay small. */
    private static final List<String> PACED_PORTS = List.of("net_null0,size=64,rate=100000",
        "net_null1,size=64,rate=100000");

    @TempDir
    Path dir;

    /** One dumpcap run: exit status, stdout, stderr. */
    record Run(int rc, String out, String err) {}

    static Run dumpcap(final AtomicBoolean quit, final String... argv)
    {
        final ByteArrayOutputStream o = new ByteArrayOutputStream();
        final ByteArrayOutputStream e = new ByteArrayOutputStream();
        final int rc = DumpCap.run(argv, new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8), quit);
        return new Run(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static Run dumpcap(final String... argv)
    {
        return dumpcap(new AtomicBoolean(), argv);
    }

    private static String[] args(final RunningTestPmd app, final String... more)
    {
        final List<String> a = new ArrayList<>(List.of("--file-prefix", app.prefix));
        a.addAll(Arrays.asList(more));
        return a.toArray(String[]::new);
    }

    @Test
    void shouldListInterfacesAndRefuseUnknownOnes() throws Exception
    {
        try (RunningTestPmd app = new RunningTestPmd(NULL_PORTS))
        {
            final Run list = dumpcap(args(app, "-D"));
            assertEquals(0, list.rc(), list.err());
            assertEquals("0. net_null0\n1. net_null1\n", list.out());
            final Run bad = dumpcap(args(app, "-i", "7", "-c", "1", "-w", dir.resolve("x").toString()));
            assertEquals(1, bad.rc());
            assertEquals("Invalid port number 7\n", bad.err());
            final Run badName = dumpcap(args(app, "-i", "net_nothing", "-c", "1"));
            assertEquals("Specified port_number \"net_nothing\" is not a valid number\n", badName.err());
        }
    }

    @Test
    void shouldSayWhenNoApplicationRuns()
    {
        final Run r = dumpcap("--file-prefix", "no_such_app_" + ProcessHandle.current().pid(), "-D");
        assertEquals(1, r.rc());
        assertTrue(r.err().startsWith("EAL init failed: is primary process running? (--file-prefix no_such_app_"), r.err());
        assertTrue(r.err().contains("mp_pdump) failed: ENOENT"), r.err());
    }

    /**
     * -c by index while testpmd forwards: exactly the count, both directions of the port with their epb_flags, one
     * interface block, the statistics block; testpmd forwards on during and after the capture.
     */
    @Test
    void shouldCaptureCountPacketsOfAPortByIndexWhileItForwards() throws Exception
    {
        // paced ports: unpaced net_null forwards ~100 Mpps here, and the first 500 records merged by time could all
        // be rx ones (the tx ring dropping meanwhile), which made the outbound check below fail now and then
        try (RunningTestPmd app = new RunningTestPmd(PACED_PORTS))
        {
            final Path file = dir.resolve("c.pcapng");
            final long before = app.rxPackets(0);
            final Run r = dumpcap(args(app, "-i", "0", "-c", "500", "-w", file.toString()));
            assertEquals(0, r.rc(), r.err());
            assertEquals("Capturing on 'net_null0'\n", r.out());
            assertTrue(r.err().startsWith("File: " + file + "\nPackets captured: 0 "), r.err());
            assertTrue(r.err().matches("(?s).*\\b500 \nPackets received/dropped on interface 'net_null0': \\d+/\\d+ \\(\\d+\\.\\d\\)\n"),
                r.err());
            final PcapngFile f = PcapngFile.read(file);
            assertEquals(List.of(new PcapngFile.Interface("net_null0", 2176, null)), f.interfaces);
            assertEquals(500, f.packets.size());
            assertTrue(f.count(0, EPB_FLAG_INBOUND) > 0, "rx packets (inbound)");
            assertTrue(f.count(0, EPB_FLAG_OUTBOUND) > 0, "tx packets (outbound)");
            for (final PcapngFile.Packet p : f.packets)
            {
                assertEquals(64, p.capturedLength());
                assertEquals(64, p.originalLength());
                assertEquals(0, p.queue());
            }
            for (int i = 1; i < f.packets.size(); i++)
            {
                assertTrue(f.packets.get(i).timestampNs() >= f.packets.get(i - 1).timestampNs(), "merged by time");
            }
            final long now = System.currentTimeMillis() * 1_000_000L;
            assertTrue(Math.abs(f.packets.get(0).timestampNs() - now) < TimeUnit.MINUTES.toNanos(1), "wall clock");
            assertEquals(1, f.stats.size());
            assertEquals(500L, f.stats.get(0).counters().get(OPT_ISB_USRDELIV));
            assertTrue(f.stats.get(0).counters().get(OPT_ISB_IFRECV) >= 500);
            final long during = app.rxPackets(0);
            assertTrue(during > before, "testpmd forwarded while captured");
            RunningTestPmd.await(() -> rx(app) > during, "testpmd to forward after the capture");
            assertTrue(f.application.startsWith("dumpcap 1.0"), f.application);
        }
    }

    private static long rx(final RunningTestPmd app)
    {
        try
        {
            return app.rxPackets(0);
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** -i by name, two interfaces, -s: an interface block each, in -i order, packets cut to the snap length. */
    @Test
    void shouldCaptureTwoInterfacesByNameWithASnapLength() throws Exception
    {
        try (RunningTestPmd app = new RunningTestPmd(List.of("net_null0,size=200", "net_null1,size=200")))
        {
            final Path file = dir.resolve("s.pcapng");
            final Run r = dumpcap(args(app, "-i", "net_null1", "-i", "net_null0", "-s", "100", "-c", "2000", "-q",
                "-w", file.toString()));
            assertEquals(0, r.rc(), r.err());
            assertEquals("Capturing on 'net_null1' and 'net_null0'\n", r.out());
            assertFalse(r.err().contains("Packets captured"), "-q");
            final PcapngFile f = PcapngFile.read(file);
            assertEquals(List.of(new PcapngFile.Interface("net_null1", 100, null),
                new PcapngFile.Interface("net_null0", 100, null)), f.interfaces);
            assertEquals(2000, f.packets.size());
            assertTrue(f.packets.stream().anyMatch(p -> p.interfaceId() == 0));
            assertTrue(f.packets.stream().anyMatch(p -> p.interfaceId() == 1));
            for (final PcapngFile.Packet p : f.packets)
            {
                assertEquals(100, p.capturedLength());
                assertEquals(200, p.originalLength());
            }
            assertEquals(2, f.stats.size());
        }
    }

    /** -a duration: ends by itself; the file is complete (statistics block written). No timing is asserted. */
    @Test
    void shouldStopAfterADuration() throws Exception
    {
        try (RunningTestPmd app = new RunningTestPmd(PACED_PORTS))
        {
            final Path file = dir.resolve("d.pcapng");
            final Run r = dumpcap(args(app, "-a", "duration:1", "-w", file.toString(), "-q"));
            assertEquals(0, r.rc(), r.err());
            final PcapngFile f = PcapngFile.read(file);
            assertEquals("net_null0", f.interfaces.get(0).name(), "no -i: the first port");
            assertFalse(f.packets.isEmpty());
            assertEquals(1, f.stats.size());
            assertEquals((long)f.packets.size(), f.stats.get(0).counters().get(OPT_ISB_USRDELIV));
        }
    }

    /**
     * The capture ring fills while nobody drains it: testpmd keeps forwarding (the data path does not wait for the
     * capture) and the taps count what did not fit as dropped.
     */
    @Test
    void shouldCountDropsAndNeverBlockForwarding() throws Exception
    {
        try (RunningTestPmd app = new RunningTestPmd(NULL_PORTS); PdumpClient client = PdumpClient.connect(app.runtimeDir()))
        {
            final List<PortInfo> ports = client.ports();
            try (CaptureSession s = CaptureSession.open(client, List.of(ports.get(0)), 64, null, 0))
            {
                RunningTestPmd.await(() -> s.dropped(0) > 0, "the ring to overflow");
                final long rx1 = app.rxPackets(0);
                RunningTestPmd.await(() -> rx(app) > rx1 + 100_000, "testpmd to forward on with a full capture ring");
                final long dropped = s.dropped(0);
                RunningTestPmd.await(() -> s.dropped(0) > dropped, "more drops");
                s.disable();
                assertTrue(s.seen(0) > s.dropped(0));
            }
        }
    }

    /** A capture from a known pcap (net_pcap, replayed): the bytes written are the bytes of the file's frames. */
    @Test
    void shouldWriteTheBytesThePortReceived() throws Exception
    {
        final byte[][] frames = frames(12);
        final Path pcap = pcap(frames);
        try (RunningTestPmd app = new RunningTestPmd(List.of("net_pcap0,rx_pcap=" + pcap + ",infinite_rx=1",
            "net_null0")))
        {
            final Path file = dir.resolve("p.pcapng");
            final Run r = dumpcap(args(app, "-i", "net_pcap0", "-c", "300", "-q", "-w", file.toString()));
            assertEquals(0, r.rc(), r.err());
            final PcapngFile f = PcapngFile.read(file);
            int inbound = 0;
            for (final PcapngFile.Packet p : f.packets)
            {
                if (p.flags() == EPB_FLAG_INBOUND)
                {
                    final int seq = p.data()[frames[0].length - 1] & 0xFF;
                    assertArrayEquals(frames[seq % frames.length], p.data(), "frame " + seq);
                    inbound++;
                }
            }
            assertTrue(inbound > 0);
        }
    }

    /** -f: libpcap's compiler, the program run by the application; if_filter and isb_filteraccept in the file. */
    @Test
    void shouldCaptureOnlyWhatTheFilterAccepts() throws Exception
    {
        Prerequisites.require(io.ethdev4j.sys.LibPcap.isAvailable(), "needs libpcap");
        final byte[][] frames = frames(12);
        try (RunningTestPmd app = new RunningTestPmd(List.of("net_pcap0,rx_pcap=" + pcap(frames) + ",infinite_rx=1",
            "net_null0")))
        {
            final Path file = dir.resolve("f.pcapng");
            final Run r = dumpcap(args(app, "-i", "0", "-f", "udp port 53", "-c", "100", "-q", "-w", file.toString()));
            assertEquals(0, r.rc(), r.err());
            final PcapngFile f = PcapngFile.read(file);
            assertEquals("udp port 53", f.interfaces.get(0).filter());
            assertEquals(100, f.packets.size());
            for (final PcapngFile.Packet p : f.packets)
            {
                assertEquals(53, p.data()[37], "udp port 53 only");
                if (p.flags() == EPB_FLAG_INBOUND)
                {
                    assertEquals(0, (p.data()[frames[0].length - 1] & 0xFF) % 3, "only the DNS frames (every third)");
                }
                // outbound: net_null0's 64-byte packets sent to net_pcap0 in mbufs that last held a DNS frame pass too
            }
            final var counters = f.stats.get(0).counters();
            assertTrue(counters.get(OPT_ISB_FILTERACCEPT) < counters.get(OPT_ISB_IFRECV), counters.toString());
            final Run bad = dumpcap(args(app, "-f", "udp prot 53"));
            assertEquals(1, bad.rc());
            assertEquals("Invalid capture filter \"udp prot 53\": for interface 'net_pcap0'\n\n" +
                "can't parse filter expression: syntax error\n\n", bad.err());
            final Run d = dumpcap(args(app, "-d", "-f", "ip"));
            assertEquals(0, d.rc(), d.err());
            assertEquals("cBPF program (4 insns)\n(000) ldh      [12]\n(001) jeq      #0x800           jt 2\tjf 3\n" +
                "(002) ret      #2176\n(003) ret      #0\n", d.out());
        }
    }

    /** As dpdk-dumpcap: the captured port is promiscuous while captured and back as it was after; -p leaves it. */
    @Test
    void shouldSwitchThePortPromiscuousForTheCapture() throws Exception
    {
        // net_null cannot leave promiscuous mode (as DPDK's): port 0 is a net_ring looped to itself, fed by the
        // paced net_null1 through io forwarding
        try (RunningTestPmd app = new RunningTestPmd(List.of("net_ring0", "net_null1,size=64,rate=100000"));
            PdumpClient client = PdumpClient.connect(app.runtimeDir()))
        {
            app.command("set promisc 0 off");
            RunningTestPmd.await(() -> !client.ports().get(0).promiscuous(), "promiscuous off");
            for (final boolean p : new boolean[] {false, true})
            {
                final AtomicBoolean quit = new AtomicBoolean();
                final Run[] result = new Run[1];
                final List<String> argv = new ArrayList<>(List.of(args(app, "-i", "0", "-q", "-w", dir.resolve("p" + p).toString())));
                if (p)
                {
                    argv.add("-p");
                }
                final Thread t = new Thread(() -> result[0] = dumpcap(quit, argv.toArray(String[]::new)));
                t.start();
                RunningTestPmd.await(() -> Files.exists(dir.resolve("p" + p)) && size(dir.resolve("p" + p)) > 1000,
                    "the capture to run");
                assertEquals(!p, client.ports().get(0).promiscuous(), p ? "-p: left alone" : "on while captured");
                quit.set(true);
                t.join(TimeUnit.SECONDS.toMillis(60));
                assertEquals(0, result[0].rc(), result[0].err());
                assertFalse(client.ports().get(0).promiscuous(), "as it was before");
            }
        }
    }

    /** The application quits while dumpcap captures with no stop condition: dumpcap notices and finishes the file. */
    @Test
    void shouldEndWhenTheApplicationExits() throws Exception
    {
        final Path file = dir.resolve("e.pcapng");
        final RunningTestPmd app = new RunningTestPmd(PACED_PORTS);
        final Run[] result = new Run[1];
        final Thread t = new Thread(() -> result[0] = dumpcap(args(app, "-q", "-w", file.toString())));
        t.start();
        RunningTestPmd.await(() -> Files.exists(file) && size(file) > 10_000, "packets in the file");
        app.close();
        t.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(t.isAlive(), "dumpcap did not notice that testpmd quit");
        assertEquals(0, result[0].rc(), result[0].err());
        assertTrue(result[0].err().contains("Primary process is no longer active, exiting..."), result[0].err());
        final PcapngFile f = PcapngFile.read(file);
        assertEquals(1, f.stats.size(), "statistics written from the counters in the shared region");
    }

    private static long size(final Path p)
    {
        try
        {
            return Files.size(p);
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }

    /** tshark and capinfos read what dumpcap writes: names, directions, queue, counts. */
    @Test
    void shouldBeReadByWiresharkTools() throws Exception
    {
        Prerequisites.requireCommand("tshark");
        Prerequisites.requireCommand("capinfos");
        try (RunningTestPmd app = new RunningTestPmd(NULL_PORTS))
        {
            final Path file = dir.resolve("t.pcapng");
            final Run r = dumpcap(args(app, "-i", "0", "-i", "1", "-c", "1000", "-q", "-w", file.toString()));
            assertEquals(0, r.rc(), r.err());
            final List<String> fields = tool("tshark", "-r", file.toString(), "-T", "fields", "-E", "separator=,",
                "-e", "frame.interface_name", "-e", "frame.packet_flags_direction", "-e", "frame.interface_queue");
            assertEquals(1000, fields.size());
            assertTrue(fields.contains("net_null0,0x00000001,0"), "inbound on net_null0");
            assertTrue(fields.contains("net_null0,0x00000002,0"), "outbound on net_null0");
            assertTrue(fields.stream().allMatch(l -> l.matches("net_null[01],0x0000000[12],0")), fields.toString());
            final String info = String.join("\n", tool("capinfos", file.toString()));
            assertTrue(info.contains("Number of packets:   1000"), info);
            assertTrue(info.contains("Number of interfaces in file: 2"), info);
            assertTrue(info.contains("Name = net_null1"), info);
            assertTrue(info.contains("Number of stat entries = 1"), info);
        }
    }

    static List<String> tool(final String... cmd) throws Exception
    {
        final Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
        return out.lines().toList();
    }

    /** Ethernet/IPv4/UDP frames, the last byte a sequence number; every third to port 53, the others to 9. */
    static byte[][] frames(final int n)
    {
        final byte[][] f = new byte[n][];
        for (int i = 0; i < n; i++)
        {
            final byte[] b = new byte[70];
            for (int k = 0; k < 6; k++)
            {
                b[k] = (byte)(0x02 + k);
                b[6 + k] = (byte)(0x12 + k);
            }
            b[12] = 0x08;
            b[14] = 0x45;
            b[17] = 56; // total length 56
            b[22] = 64;
            b[23] = 17;
            b[26] = (byte)198;
            b[27] = 18;
            b[29] = 1;
            b[30] = (byte)198;
            b[31] = 18;
            b[33] = 2;
            b[35] = 7; // src port 7
            b[37] = (byte)(i % 3 == 0 ? 53 : 9);
            b[39] = 36; // udp length
            b[69] = (byte)i;
            f[i] = b;
        }
        return f;
    }

    /** A classic little-endian µs pcap of {@code frames}. */
    private Path pcap(final byte[][] frames) throws IOException
    {
        final Path p = dir.resolve("in.pcap");
        final ByteBuffer b = ByteBuffer.allocate(24 + frames.length * (16 + 128)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int i = 0; i < frames.length; i++)
        {
            b.putInt(1_700_000_000).putInt(i).putInt(frames[i].length).putInt(frames[i].length).put(frames[i]);
        }
        b.flip();
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE))
        {
            ch.write(b);
        }
        return p;
    }
}
