package io.ethdev4j.pmd.pcap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

import static io.ethdev4j.pmd.pcap.PcapTestFiles.frame;
import static io.ethdev4j.pmd.pcap.PcapTestFiles.pcap;
import static io.ethdev4j.pmd.pcap.PcapTestFiles.write;
import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.*;

class PcapFileReaderTest
{
    @TempDir
    Path dir;

    private PcapImage read(final byte[] content) throws Exception
    {
        return PcapFileReader.read(write(dir, "f.pcap", content));
    }

    private PcapFormatException bad(final byte[] content)
    {
        return assertThrows(PcapFormatException.class, () -> read(content));
    }

    @Test
    void shouldReadClassicPcapInBothByteOrdersAndResolutions() throws Exception
    {
        final byte[][] pkts = {frame(60, 1), frame(1514, 2), frame(0, 3), frame(97, 4)};
        final long[] sec = {1_700_000_000L, 1_700_000_001L, 1_700_000_002L, 4_000_000_000L};
        final long[] frac = {0, 999_999, 123, 5};
        for (final ByteOrder order : new ByteOrder[] {LITTLE_ENDIAN, BIG_ENDIAN})
        {
            for (final boolean nanos : new boolean[] {false, true})
            {
                try (PcapImage img = read(pcap(order, nanos, 1, pkts, sec, frac)))
                {
                    final String what = img.format();
                    assertTrue(what.startsWith("pcap, " + (order == LITTLE_ENDIAN ? "little" : "big")), what);
                    assertEquals(pkts.length, img.count(), what);
                    for (int i = 0; i < pkts.length; i++)
                    {
                        assertArrayEquals(pkts[i], img.packet(i), what + " packet " + i);
                        assertEquals(pkts[i].length, img.origLength(i));
                        assertEquals(sec[i] * 1_000_000_000L + frac[i] * (nanos ? 1 : 1000), img.timestampNs(i), what);
                    }
                    assertEquals(60 + 1514 + 97, img.totalBytes());
                }
            }
        }
    }

    @Test
    void shouldReadAnEmptyPcap() throws Exception
    {
        try (PcapImage img = read(pcap(LITTLE_ENDIAN, false)))
        {
            assertEquals(0, img.count());
        }
    }

    @Test
    void shouldReadPcapngInBothByteOrdersSkippingUnknownBlocks() throws Exception
    {
        for (final ByteOrder order : new ByteOrder[] {LITTLE_ENDIAN, BIG_ENDIAN})
        {
            final byte[] a = frame(61, 1);
            final byte[] b = frame(1500, 2);
            final byte[] c = frame(64, 3);
            final byte[] d = frame(9000, 4);
            final byte[] content = new PcapTestFiles.Pcapng(order).shb()
                .idb(1)                            // interface 0: µs
                .unknown(4, 12)                    // name resolution block
                .idb(1, 0, 9, 0)                   // interface 1: ns
                .epb(0, 1_700_000_000_123_456L, a)
                .unknown(0x40000BAD, 20)           // custom block
                .epb(1, 1_700_000_000_123_456_789L, b)
                .unknown(5, 24)                    // interface statistics
                .spb(c)
                .pb(1, 42, d)
                .bytes();
            try (PcapImage img = read(content))
            {
                assertEquals("pcapng, " + (order == LITTLE_ENDIAN ? "little" : "big") + "-endian", img.format());
                assertEquals(4, img.count());
                assertArrayEquals(a, img.packet(0));
                assertArrayEquals(b, img.packet(1));
                assertArrayEquals(c, img.packet(2));
                assertArrayEquals(d, img.packet(3));
                assertEquals(1_700_000_000_123_456_000L, img.timestampNs(0));
                assertEquals(1_700_000_000_123_456_789L, img.timestampNs(1));
                assertEquals(42, img.timestampNs(3));
            }
        }
    }

    @Test
    void shouldReadPcapngSectionsOfDifferentByteOrdersAndTimestampOptions() throws Exception
    {
        final byte[] a = frame(70, 1);
        final byte[] b = frame(80, 2);
        final byte[] content = new PcapTestFiles.Pcapng(LITTLE_ENDIAN).shb()
            .idb(1, 0, 0x80 | 10, 0)               // 2^-10 s
            .epb(0, (5L << 10) | 512, a)           // 5.5 s
            .shb(BIG_ENDIAN)
            .idb(1, 40, 3, 100)                    // ms, +100 s, snaplen 40
            .epb(0, 2500, b)                       // 2.5 s + 100 s
            .spb(b)                                // cut to the snaplen
            .bytes();
        try (PcapImage img = read(content))
        {
            assertEquals("pcapng, mixed byte orders", img.format());
            assertEquals(3, img.count());
            assertEquals(5_500_000_000L, img.timestampNs(0));
            assertEquals(102_500_000_000L, img.timestampNs(1));
            assertArrayEquals(Arrays.copyOf(b, 40), img.packet(2));
            assertEquals(80, img.origLength(2));
        }
    }

    @Test
    void shouldConvertTimestampResolutions()
    {
        assertEquals(1_000_000_000L, PcapFileReader.toNanos(1_000_000L, 6));
        assertEquals(7L, PcapFileReader.toNanos(7L, 9));
        assertEquals(7L, PcapFileReader.toNanos(7000L, 12));
        assertEquals(1_500_000_000L, PcapFileReader.toNanos(3L, 0x81));
        assertEquals(1_000_000_000L + 500_000_000L, PcapFileReader.toNanos((1L << 40) | (1L << 39), 0x80 | 40));
    }

    @Test
    void shouldRejectTruncatedFileHeader()
    {
        final PcapFormatException ex = bad(Arrays.copyOf(pcap(LITTLE_ENDIAN, false), 10));
        assertEquals(0, ex.offset());
        assertEquals("truncated file header: 10 of 24 bytes", ex.problem());
        assertEquals("truncated file header: 0 of 24 bytes (not a pcap file)", bad(new byte[0]).problem());
    }

    @Test
    void shouldRejectTruncatedRecordHeaderAndData()
    {
        final byte[] ok = pcap(BIG_ENDIAN, true, frame(60, 1), frame(100, 2));
        final PcapFormatException header = bad(Arrays.copyOf(ok, 24 + 16 + 60 + 5));
        assertEquals(100, header.offset());
        assertEquals("truncated record header of packet 2: 5 of 16 bytes", header.problem());
        final PcapFormatException data = bad(Arrays.copyOf(ok, ok.length - 1));
        assertEquals(24 + 16 + 60 + 16, data.offset());
        assertEquals("truncated data of packet 2: incl_len 100 but 99 bytes left", data.problem());
    }

    @Test
    void shouldRejectBadMagicVersionAndLinktype()
    {
        final byte[] f = pcap(LITTLE_ENDIAN, false, frame(60, 1));
        f[0] = 0x12;
        assertTrue(bad(f).problem().startsWith("bad magic number: the file starts 12c3b2a1, not a pcap file"), bad(f).problem());

        final byte[] v = pcap(LITTLE_ENDIAN, false, frame(60, 1));
        v[4] = 1;
        assertEquals("pcap version 1.4 not supported (need 2.x)", bad(v).problem());

        final byte[] sll = pcap(BIG_ENDIAN, false, 113, new byte[][] {frame(60, 1)}, new long[1], new long[1]);
        final PcapFormatException ex = bad(sll);
        assertEquals(20, ex.offset());
        assertEquals("linktype 113 (LINUX_SLL) not supported: net_pcap replays Ethernet (1) only", ex.problem());
    }

    @Test
    void shouldRejectAbsurdCaptureLength()
    {
        final byte[] f = pcap(LITTLE_ENDIAN, false, frame(60, 1));
        f[24 + 8 + 3] = 0x10;  // incl_len 0x1000003c
        final PcapFormatException ex = bad(f);
        assertEquals(32, ex.offset());
        assertTrue(ex.problem().contains("larger than the maximum 262144"), ex.problem());
    }

    @Test
    void shouldRejectBrokenPcapng()
    {
        final byte[] wrongLink = new PcapTestFiles.Pcapng(BIG_ENDIAN).shb().idb(1).idb(101).bytes();
        final PcapFormatException link = bad(wrongLink);
        assertEquals(28 + 32 + 8, link.offset());
        assertEquals("interface 1: linktype 101 (RAW) not supported: net_pcap replays Ethernet (1) only", link.problem());

        final byte[] full = new PcapTestFiles.Pcapng(LITTLE_ENDIAN).shb().idb(1).epb(0, 0, frame(100, 1)).bytes();
        final PcapFormatException cut = bad(Arrays.copyOf(full, full.length - 8));
        assertEquals(28 + 32, cut.offset());
        assertTrue(cut.problem().startsWith("truncated block type 00000006: block_total_length 140 but 132 bytes left"),
            cut.problem());

        final byte[] noIdb = new PcapTestFiles.Pcapng(LITTLE_ENDIAN).shb().epb(0, 0, frame(60, 1)).bytes();
        assertEquals("Enhanced Packet Block of packet 1: interface_id 0 but the section describes 0 interface(s)",
            bad(noIdb).problem());

        final byte[] bom = new PcapTestFiles.Pcapng(LITTLE_ENDIAN).shb().bytes();
        bom[8] = 0;
        assertEquals(8, bad(bom).offset());

        final byte[] trailer = new PcapTestFiles.Pcapng(LITTLE_ENDIAN).shb().idb(1).bytes();
        trailer[trailer.length - 4] = 8;
        assertTrue(bad(trailer).problem().contains("trailing block_total_length 8 differs from 32"), bad(trailer).problem());

        final byte[] tail = new PcapTestFiles.Pcapng(LITTLE_ENDIAN).shb().idb(1).raw(new byte[] {6, 0, 0, 0, 1}).bytes();
        assertEquals("truncated block header: 5 of 12 bytes", bad(tail).problem());
    }
}
