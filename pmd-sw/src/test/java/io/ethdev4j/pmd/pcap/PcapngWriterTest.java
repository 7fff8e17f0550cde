package io.ethdev4j.pmd.pcap;

import org.agrona.UnsafeApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.ethdev4j.pmd.pcap.PcapngBlockDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

class PcapngWriterTest
{
    private static final long T0 = 1_764_000_000_123_456_789L;
    private static final int[] LENGTHS = {60, 61, 1514, 0, 63};

    @TempDir
    Path dir;

    /** Two interfaces, packets both ways (one truncated to 100 of 1514 bytes), then the statistics. */
    private Path write() throws IOException
    {
        final Path file = dir.resolve("w.pcapng");
        final long buf = UnsafeApi.allocateMemory(2048);
        try (PcapngWriter w = PcapngWriter.open(FileChannel.open(file, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE), "Linux 6.1", "dumpcap test", "a comment"))
        {
            assertEquals(0, w.addInterface("net_null0", "port 0 (net_null)", new byte[] {2, 0, 0, 0, 0, 1},
                10_000_000_000L, 2176, "udp port 53", "net_null"));
            assertEquals(1, w.addInterface("net_ring0", null, null, 0, 100, null, null));
            for (int i = 0; i < LENGTHS.length; i++)
            {
                for (int b = 0; b < 1514; b++)
                {
                    UnsafeApi.putByte(buf + b, (byte)(i * 7 + b));
                }
                final int cap = Math.min(LENGTHS[i], i == 2 ? 100 : 2176);
                w.writePacket(i % 2, T0 + i * 1000L, buf, cap, LENGTHS[i], i % 2 == 0 ? EPB_FLAG_INBOUND : EPB_FLAG_OUTBOUND, i);
            }
            w.writeStats(0, T0 + 10_000, T0 - 5, 42, 7, 30, 3);
            w.writeStats(1, T0 + 10_000, T0 - 5, 2, 0, -1, 2);
            assertTrue(w.bytesWritten() > 0);
        }
        finally
        {
            UnsafeApi.freeMemory(buf);
        }
        return file;
    }

    @Test
    void shouldFrameEveryBlockAndReadBackWithOurReader() throws Exception
    {
        final Path file = write();
        final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        final List<Integer> types = new ArrayList<>();
        int off = 0;
        while (off < b.limit())
        {
            final int type = b.getInt(off + BLOCK_TYPE_OFFSET);
            final int len = b.getInt(off + BLOCK_TOTAL_LENGTH_OFFSET);
            assertEquals(0, len % 4, "block at " + off + " is a multiple of 4 bytes");
            assertEquals(len, b.getInt(off + len - 4), "trailing length of the block at " + off);
            types.add(type);
            if (type == ISB_TYPE && b.getInt(off + ISB_INTERFACE_ID_OFFSET) == 0)
            {
                // options: starttime, endtime, ifrecv 42, ifdrop 7, filteraccept 30, usrdeliv 3
                int o = off + ISB_OPTIONS_OFFSET;
                final List<Long> values = new ArrayList<>();
                while (b.getShort(o) != OPT_ENDOFOPT)
                {
                    final int code = b.getShort(o);
                    if (code >= OPT_ISB_IFRECV)
                    {
                        values.add(b.getLong(o + OPTION_VALUE_OFFSET));
                    }
                    o += OPTION_VALUE_OFFSET + align4(b.getShort(o + OPTION_LENGTH_OFFSET));
                }
                assertEquals(List.of(42L, 7L, 30L, 3L), values);
            }
            off += len;
        }
        assertEquals(List.of(SHB_TYPE, IDB_TYPE, IDB_TYPE, EPB_TYPE, EPB_TYPE, EPB_TYPE, EPB_TYPE, EPB_TYPE, ISB_TYPE,
            ISB_TYPE), types);
        try (PcapImage img = PcapFileReader.read(file))
        {
            assertEquals(5, img.count());
            assertEquals(100, img.capLength(2));
            assertEquals(1514, img.origLength(2));
            assertEquals(61, img.capLength(1));
            assertEquals(0, img.capLength(3));
            assertEquals(T0 + 4000, img.timestampNs(4));
            assertEquals((byte)(2 * 7 + 99), UnsafeApi.getByte(img.dataAddress(2) + 99));
        }
    }

    @Test
    void shouldBeReadByTshark() throws Exception
    {
        PcapTestFiles.requireCommand("tshark");
        final Path file = write();
        final List<String> out = run("tshark", "-r", file.toString(), "-T", "fields", "-E", "separator=,",
            "-e", "frame.interface_name", "-e", "frame.packet_flags_direction", "-e", "frame.interface_queue",
            "-e", "frame.len", "-e", "frame.cap_len", "-e", "frame.time_epoch");
        assertEquals(List.of(
            "net_null0,0x00000001,0,60,60,1764000000.123456789",
            "net_ring0,0x00000002,1,61,61,1764000000.123457789",
            "net_null0,0x00000001,2,1514,100,1764000000.123458789",
            "net_ring0,0x00000002,3,0,0,1764000000.123459789",
            "net_null0,0x00000001,4,63,63,1764000000.123460789"), out, "direction 1 = inbound, 2 = outbound");
    }

    @Test
    void shouldBeReadByCapinfos() throws Exception
    {
        PcapTestFiles.requireCommand("capinfos");
        final String out = String.join("\n", run("capinfos", write().toString()));
        assertTrue(out.contains("File type:           Wireshark/... - pcapng"), out);
        assertTrue(out.contains("Number of packets:   5"), out);
        assertTrue(out.contains("Capture comment:     a comment"), out);
        assertTrue(out.contains("Capture oper-sys:    Linux 6.1"), out);
        assertTrue(out.contains("Capture application: dumpcap test"), out);
        assertTrue(out.contains("Number of interfaces in file: 2"), out);
        assertTrue(out.contains("Name = net_null0"), out);
        assertTrue(out.contains("Description = port 0 (net_null)"), out);
        assertTrue(out.contains("Capture length = 2176"), out);
        assertTrue(out.contains("Time precision = nanoseconds (9)"), out);
        assertTrue(out.contains("Hardware = net_null"), out);
        assertTrue(out.contains("Speed = 10000000000"), out);
        assertTrue(out.contains("Filter string = udp port 53"), out);
        assertTrue(out.contains("Number of stat entries = 1"), out);
    }

    static List<String> run(final String... cmd) throws IOException, InterruptedException
    {
        final Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd) + " timed out");
        final String out = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + out);
        return out.lines().toList();
    }
}
