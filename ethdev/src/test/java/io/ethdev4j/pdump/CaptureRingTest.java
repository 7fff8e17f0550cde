package io.ethdev4j.pdump;

import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class CaptureRingTest
{
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final int CAPACITY = 4096;

    @TempDir
    Path dir;
    private MbufPool pool;
    private CaptureRegion region;

    @BeforeEach
    void createPool()
    {
        pool = MbufPool.create("crt" + SEQ.incrementAndGet(), 255, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
    }

    @AfterEach
    void close()
    {
        if (region != null)
        {
            region.close();
        }
        assertEquals(0, pool.inUse(), "mbufs leaked");
        pool.close();
    }

    private CaptureRegion region(final int snaplen, final long[] filter)
    {
        region = CaptureRegion.create(dir.resolve("region"), snaplen, CAPACITY, filter, new int[] {3, 3},
            new int[] {0, 1}, new int[] {CaptureRingDescriptor.DIRECTION_RX, CaptureRingDescriptor.DIRECTION_TX});
        return region;
    }

    private Mbuf packet(final int length, final int seed)
    {
        final Mbuf m = pool.alloc();
        m.append(length);
        for (int i = 0; i < length; i++)
        {
            m.putByte(i, (byte)(seed + i));
        }
        return m;
    }

    private static byte[] record(final CaptureRingReader r)
    {
        final byte[] b = new byte[r.capturedLength()];
        for (int i = 0; i < b.length; i++)
        {
            b[i] = UnsafeApi.getByte(r.dataAddress() + i);
        }
        return b;
    }

    @Test
    void shouldCopyBurstsIntoRecordsTheReaderSeesInOrder()
    {
        final CaptureRegion reg = region(100, null);
        assertNull(reg.validate(), "no filter");
        assertEquals(2, reg.ringCount());
        assertEquals(3, reg.ringPort(1));
        assertEquals(1, reg.ringQueue(1));
        assertEquals(CaptureRingDescriptor.DIRECTION_TX, reg.ringDirection(1));
        final CaptureRingWriter w = new CaptureRingWriter(reg.ring(0), CAPACITY, 100, null);
        final CaptureRingReader r = new CaptureRingReader(reg.ring(0), CAPACITY);
        assertFalse(r.next());
        final Mbuf[] pkts = {null, packet(60, 1), packet(150, 2)};
        final long before = System.nanoTime();
        w.tap(pkts, 1, 2);
        assertTrue(r.next());
        assertEquals(60, r.originalLength());
        assertEquals(60, r.capturedLength());
        assertTrue(r.timestamp() >= before && r.timestamp() <= System.nanoTime());
        assertEquals(1, record(r)[0]);
        assertEquals(60, record(r)[59]);
        assertTrue(r.next(), "next() stays on an unconsumed record");
        assertEquals(60, r.capturedLength());
        r.consume();
        assertTrue(r.next());
        assertEquals(150, r.originalLength());
        assertEquals(100, r.capturedLength(), "snaplen 100");
        assertEquals(2 + 99, record(r)[99]);
        r.consume();
        r.commit();
        assertFalse(r.next());
        assertEquals(2, r.seen());
        assertEquals(0, r.dropped());
        assertEquals(0, r.filtered());
        assertEquals(3, r.port());
        Mbuf.freeBulk(pkts, 1, 2);
    }

    @Test
    void shouldDropWhatDoesNotFitAndWrapWithPadding()
    {
        final CaptureRegion reg = region(1000, null);
        final CaptureRingWriter w = new CaptureRingWriter(reg.ring(1), CAPACITY, 1000, null);
        final CaptureRingReader r = new CaptureRingReader(reg.ring(1), CAPACITY);
        final Mbuf[] pkts = new Mbuf[5];
        for (int i = 0; i < 5; i++)
        {
            pkts[i] = packet(1000, i);
        }
        // ring 0: six 1016-byte records, four fit: the fifth does not, and the sixth is dropped with it
        final CaptureRingWriter w0 = new CaptureRingWriter(reg.ring(0), CAPACITY, 1000, null);
        w0.tap(new Mbuf[] {pkts[0], pkts[1], pkts[2], pkts[3], pkts[4], pkts[0]}, 0, 6);
        assertEquals(2, new CaptureRingReader(reg.ring(0), CAPACITY).dropped());
        w.tap(pkts, 0, 5); // 1016-byte records: 4 fit in 4096, the fifth is dropped
        assertEquals(1, r.dropped());
        assertEquals(5, r.seen());
        for (int i = 0; i < CaptureRingWriter.FULL_SKIP_BURSTS; i++)
        {
            w.tap(pkts, 0, 2); // after a full ring whole bursts are dropped, without reading the consumer's head
        }
        assertEquals(1 + 2 * CaptureRingWriter.FULL_SKIP_BURSTS, r.dropped());
        for (int i = 0; i < 3; i++)
        {
            assertTrue(r.next());
            assertEquals(i, record(r)[0]);
            r.consume();
        }
        r.commit(); // 3 records free: the next two go to 3048.. (one fits before the end? 1048 left: yes) then wrap
        w.tap(pkts, 0, 2);
        assertEquals(1 + 2 * CaptureRingWriter.FULL_SKIP_BURSTS, r.dropped(), "room again");
        assertTrue(r.next());
        assertEquals(3, record(r)[0], "the fourth of the first burst");
        r.consume();
        assertTrue(r.next());
        assertEquals(0, record(r)[0]);
        r.consume();
        assertTrue(r.next(), "the record after the padding, at offset 0");
        assertEquals(1, record(r)[0]);
        r.consume();
        r.commit();
        assertFalse(r.next());
        Mbuf.freeBulk(pkts, 0, 5);
    }

    @Test
    void shouldFollowSegmentsOfAChainedPacket()
    {
        final CaptureRegion reg = region(2000, null);
        final CaptureRingWriter w = new CaptureRingWriter(reg.ring(0), CAPACITY, 2000, null);
        final CaptureRingReader r = new CaptureRingReader(reg.ring(0), CAPACITY);
        final Mbuf head = packet(40, 10);
        assertTrue(head.chain(packet(30, 50)));
        assertEquals(70, head.pktLen());
        w.tap(new Mbuf[] {head}, 0, 1);
        assertTrue(r.next());
        final byte[] b = record(r);
        assertEquals(70, b.length);
        assertEquals(10 + 39, b[39]);
        assertEquals(50, b[40]);
        assertEquals(50 + 29, b[69]);
        head.free();
    }

    @Test
    void shouldCountWhatTheFilterRejects()
    {
        final long[] filter = new long[BpfProgramTest.UDP_PORT_53.length];
        for (int i = 0; i < filter.length; i++)
        {
            final int[] insn = BpfProgramTest.UDP_PORT_53[i];
            filter[i] = CaptureRegion.packInsn(insn[0], insn[1], insn[2], insn[3]);
        }
        final CaptureRegion reg = region(256, filter);
        final BpfProgram program = reg.validate();
        assertEquals(20, program.length());
        final CaptureRingWriter w = new CaptureRingWriter(reg.ring(0), CAPACITY, 256, program.copy());
        final CaptureRingReader r = new CaptureRingReader(reg.ring(0), CAPACITY);
        final Mbuf dns = packet(60, 0);
        dns.putByte(12, (byte)0x08);
        dns.putByte(13, (byte)0);
        dns.putByte(14, (byte)0x45);
        dns.putByte(20, (byte)0);
        dns.putByte(21, (byte)0);
        dns.putByte(23, (byte)17);
        dns.putByte(36, (byte)0);
        dns.putByte(37, (byte)53);
        final Mbuf other = packet(60, 0);
        w.tap(new Mbuf[] {other, dns, other}, 0, 3);
        assertEquals(3, r.seen());
        assertEquals(2, r.filtered());
        assertTrue(r.next());
        assertEquals(53, record(r)[37]);
        r.consume();
        assertFalse(r.next());
        dns.free();
        other.free();
    }

    @Test
    void shouldRefuseARegionWhoseHeaderLies()
    {
        final CaptureRegion reg = region(100, null);
        UnsafeApi.putInt(reg.address() + CaptureRegionDescriptor.RING_CAPACITY_OFFSET, 5000);
        assertEquals("ring_capacity 5000 is not a power of two within 4096..1073741824",
            assertThrows(IllegalArgumentException.class, reg::validate).getMessage());
        UnsafeApi.putInt(reg.address() + CaptureRegionDescriptor.RING_CAPACITY_OFFSET, 8192);
        assertTrue(assertThrows(IllegalArgumentException.class, reg::validate).getMessage().startsWith("region_length"));
        UnsafeApi.putInt(reg.address() + CaptureRegionDescriptor.RING_CAPACITY_OFFSET, CAPACITY);
        UnsafeApi.putInt(reg.address() + CaptureRegionDescriptor.SNAPLEN_OFFSET, 3000);
        assertEquals("ring_capacity 4096 cannot hold two records of snaplen 3000",
            assertThrows(IllegalArgumentException.class, reg::validate).getMessage());
    }
}
