package io.ethdev4j.pmd.pcap;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 defect: net_pcap loaded the whole file and per-record arrays into memory, so a 2 GB pcap of small records
 * ended in OutOfMemoryError. The file is mapped and walked; memory does not grow with it. Files are sparse (a pcap
 * header, then zeros: empty records), so the test writes almost nothing to disk.
 */
class PcapLargeFileTest
{
    /** A pcap file header (µs, little-endian, Ethernet) then {@code size - 24} zero bytes. */
    private static Path sparsePcap(final Path dir, final long size) throws IOException
    {
        final Path f = dir.resolve("big.pcap");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw"))
        {
            final ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
            raf.write(h.array());
            raf.setLength(size);
        }
        return f;
    }

    @Test
    void shouldWalkA2GbFileOfSmallRecordsInBoundedMemory(@TempDir final Path dir) throws Exception
    {
        // 134 217 726 records of 16 bytes: a per-record index alone would need 2.7 GB of heap (surefire gives 1 GB)
        final long records = (PcapFileReader.MAX_FILE_LENGTH - 24) / 16;
        final Path f = sparsePcap(dir, 24 + records * 16);
        try (PcapImage img = PcapFileReader.read(f))
        {
            assertEquals(records, img.count());
            assertEquals(0, img.totalBytes());
            final PcapFileReader r = img.reader();
            assertTrue(r.next());
            assertEquals(24 + 16, r.dataOffset());
        }
    }

    @Test
    void shouldRefuseAFileTooLargeToMapWithAClearError(@TempDir final Path dir) throws Exception
    {
        final Path f = sparsePcap(dir, 3L << 30);
        final EthDevException ex = assertThrows(EthDevException.class,
            () -> Eal.init("--no-huge", "-m", "64", "--vdev", "net_pcap0,rx_pcap=" + f).close());
        assertEquals(Errno.EINVAL, ex.errno(), ex.getMessage());
        assertTrue(ex.getMessage().contains("rx_pcap=" + f + ": offset 0: file is 3221225472 bytes; at most " +
            "2147483647 can be replayed"), ex.getMessage());
    }
}
