package io.ethdev4j.mbuf;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static io.ethdev4j.mbuf.MbufDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

class MbufTest
{
    private static final AtomicInteger SEQ = new AtomicInteger();
    private MbufPool pool;
    private MbufPool clones;

    @BeforeEach
    void createPools()
    {
        pool = MbufPool.create("mbt" + SEQ.incrementAndGet(), 63, 0, 0, DEFAULT_BUF_SIZE);
        clones = MbufPool.create("mbc" + SEQ.incrementAndGet(), 7, 0, 0, 0);
    }

    @AfterEach
    void checkNoLeaksAndClose()
    {
        try
        {
            assertEquals(0, pool.inUse(), "mbufs leaked");
            assertEquals(0, clones.inUse(), "clone mbufs leaked");
        }
        finally
        {
            pool.close();
            clones.close();
        }
    }

    @Test
    void shouldMatchDpdk2211RteMbufLayout()
    {
        assertEquals(0, BUF_ADDR_OFFSET);
        assertEquals(8, BUF_IOVA_OFFSET);
        assertEquals(16, REARM_DATA_OFFSET);
        assertEquals(16, DATA_OFF_OFFSET);
        assertEquals(18, REFCNT_OFFSET);
        assertEquals(20, NB_SEGS_OFFSET);
        assertEquals(22, PORT_OFFSET);
        assertEquals(24, OL_FLAGS_OFFSET);
        assertEquals(32, PACKET_TYPE_OFFSET);
        assertEquals(36, PKT_LEN_OFFSET);
        assertEquals(40, DATA_LEN_OFFSET);
        assertEquals(42, VLAN_TCI_OFFSET);
        assertEquals(44, HASH_OFFSET);
        assertEquals(52, VLAN_TCI_OUTER_OFFSET);
        assertEquals(54, BUF_LEN_OFFSET);
        assertEquals(56, POOL_OFFSET);
        assertEquals(64, NEXT_OFFSET);
        assertEquals(72, TX_OFFLOAD_OFFSET);
        assertEquals(80, SHINFO_OFFSET);
        assertEquals(88, PRIV_SIZE_OFFSET);
        assertEquals(90, TIMESYNC_OFFSET);
        assertEquals(92, DYNFIELD1_OFFSET);
        assertEquals(128, HEADER_LENGTH);
        assertEquals(128, HEADROOM);
        assertEquals(2048, DEFAULT_DATAROOM);
        assertEquals(2176, DEFAULT_BUF_SIZE);
        assertEquals(0xFFFF, MAX_NB_SEGS);
        assertEquals(0xFFFF, PORT_INVALID);
        assertEquals(64, CACHE_LINE);
        assertEquals(2304, elementSize(0, 2176));
        assertEquals(192, elementSize(8, 0));
        assertEquals(0xFFFF_0001_0001_0080L, rearmWord(128));
    }

    @Test
    void shouldWriteFieldsWhereTheLayoutSays()
    {
        final Mbuf m = pool.alloc();
        m.setLength(100);
        m.port(3);
        m.vlanTci(0x123);
        m.rssHash(0xCAFEBABE);
        m.packetType(0x11);
        m.olFlags(OffloadFlags.RX_RSS_HASH);
        final long a = m.address();
        assertEquals(100, org.agrona.UnsafeApi.getShort(a + DATA_LEN_OFFSET));
        assertEquals(100, org.agrona.UnsafeApi.getInt(a + PKT_LEN_OFFSET));
        assertEquals(3, org.agrona.UnsafeApi.getShort(a + PORT_OFFSET));
        assertEquals(0x123, org.agrona.UnsafeApi.getShort(a + VLAN_TCI_OFFSET));
        assertEquals(0xCAFEBABE, org.agrona.UnsafeApi.getInt(a + HASH_OFFSET));
        assertEquals(0x11, org.agrona.UnsafeApi.getInt(a + PACKET_TYPE_OFFSET));
        assertEquals(OffloadFlags.RX_RSS_HASH, org.agrona.UnsafeApi.getLong(a + OL_FLAGS_OFFSET));
        assertEquals(m.bufAddr(), org.agrona.UnsafeApi.getLong(a + BUF_ADDR_OFFSET));
        assertEquals(pool.id(), org.agrona.UnsafeApi.getLong(a + POOL_OFFSET));
        assertEquals(1, org.agrona.UnsafeApi.getShort(a + REFCNT_OFFSET));
        assertEquals(1, org.agrona.UnsafeApi.getShort(a + NB_SEGS_OFFSET));
        assertEquals(DEFAULT_BUF_SIZE, org.agrona.UnsafeApi.getShort(a + BUF_LEN_OFFSET));
        m.free();
        final Mbuf again = pool.alloc();
        assertEquals(0, again.olFlags(), "alloc resets");
        assertEquals(0xFFFF, again.port());
        assertEquals(0, again.pktLen());
        again.free();
    }

    @Test
    void shouldPrependAppendAdjAndTrimAsDpdk()
    {
        final Mbuf m = pool.alloc();
        final long data = m.dataAddress();
        assertEquals(data, m.append(100));
        assertEquals(100, m.pktLen());
        assertEquals(data + 100, m.append(20));
        assertEquals(120, m.dataLen());
        assertEquals(-1, m.append(m.tailroom() + 1), "no room: NULL");
        assertEquals(120, m.pktLen(), "a failed append changes nothing");
        assertEquals(data - 14, m.prepend(14));
        assertEquals(134, m.pktLen());
        assertEquals(114, m.headroom());
        assertEquals(-1, m.prepend(115));
        assertEquals(data, m.adj(14));
        assertEquals(120, m.pktLen());
        assertEquals(-1, m.adj(121));
        assertTrue(m.trim(20));
        assertEquals(100, m.pktLen());
        assertEquals(100, m.dataLen());
        assertFalse(m.trim(101));
        assertEquals(100, m.pktLen());
        assertEquals(-1, m.prepend(-1));
        m.free();
    }

    @Test
    void shouldChainSegmentsAndFreeTheWholeChain()
    {
        final Mbuf a = pool.alloc();
        final Mbuf b = pool.alloc();
        final Mbuf c = pool.alloc();
        a.append(100);
        b.append(200);
        c.append(300);
        assertTrue(b.chain(c));
        assertEquals(2, b.nbSegs());
        assertEquals(500, b.pktLen());
        assertTrue(a.chain(b));
        assertEquals(3, a.nbSegs());
        assertEquals(600, a.pktLen());
        assertEquals(200, b.pktLen(), "a chained tail's pkt_len becomes its data_len");
        assertSame(b, a.next());
        assertSame(c, a.lastSegment());
        assertFalse(a.isContiguous());
        final long tail = a.append(50);
        assertEquals(c.dataAddress() + 300, tail, "append grows the last segment");
        assertEquals(650, a.pktLen());
        assertTrue(a.trim(50));
        assertEquals(300, c.dataLen());
        final byte[] all = new byte[1000];
        assertEquals(600, a.readPacket(all, 0));
        assertEquals(3, pool.inUse());
        a.free();
        assertEquals(0, pool.inUse(), "free releases every segment");
        final Mbuf fresh = pool.alloc();
        assertNull(fresh.next(), "segments return unchained");
        assertEquals(1, fresh.nbSegs());
        fresh.free();
    }

    @Test
    void shouldRefuseChainsBeyondMaxSegments()
    {
        final Mbuf a = pool.alloc();
        final Mbuf b = pool.alloc();
        a.nbSegs(MAX_NB_SEGS);
        assertFalse(a.chain(b), "-EOVERFLOW");
        a.nbSegs(1);
        assertNull(a.next());
        a.free();
        b.free();
    }

    @Test
    void shouldHonourTheRefcount()
    {
        final Mbuf m = pool.alloc();
        assertEquals(2, m.refcntUpdate(1));
        m.free();
        assertEquals(1, pool.inUse(), "one reference left");
        assertEquals(1, m.refcnt());
        m.free();
        assertEquals(0, pool.inUse());
        final Mbuf s = pool.alloc();
        s.refcntUpdate(2);
        s.freeSeg();
        s.freeSeg();
        assertEquals(1, pool.inUse());
        s.freeSeg();
        assertEquals(0, pool.inUse());
    }

    @Test
    void shouldCloneByAttachingAndFreeBothSidesInAnyOrder()
    {
        final Mbuf a = pool.alloc();
        final Mbuf b = pool.alloc();
        a.append(60);
        a.putIntBE(0, 0x01020304);
        a.port(5);
        a.vlanTci(7);
        b.append(40);
        a.chain(b);
        final Mbuf c = a.cloneTo(clones);
        assertNotNull(c);
        assertTrue(c.isIndirect());
        assertFalse(c.isDirect());
        assertEquals(100, c.pktLen());
        assertEquals(2, c.nbSegs());
        assertEquals(a.dataAddress(), c.dataAddress(), "the clone shares the data");
        assertEquals(0x01020304, c.getIntBE(0));
        assertEquals(5, c.port());
        assertEquals(7, c.vlanTci());
        assertSame(a, c.directMbuf());
        assertEquals(2, a.refcnt());
        assertEquals(2, b.refcnt());
        a.free();
        assertEquals(2, pool.inUse(), "the clone keeps the direct mbufs");
        assertEquals(0x01020304, c.getIntBE(0));
        c.free();
        assertEquals(0, pool.inUse());
        assertEquals(0, clones.inUse());

        final Mbuf d = pool.alloc();
        d.append(10);
        final Mbuf e = d.cloneTo(clones);
        e.free();
        assertEquals(1, d.refcnt());
        d.free();
    }

    @Test
    void shouldDetachToItsOwnBuffer()
    {
        final Mbuf d = pool.alloc();
        d.append(80);
        final Mbuf i = pool.alloc();
        final long own = i.bufAddr();
        i.attach(d);
        assertEquals(d.bufAddr(), i.bufAddr());
        assertEquals(80, i.dataLen());
        assertEquals(2, d.refcnt());
        i.detach();
        assertTrue(i.isDirect());
        assertEquals(own, i.bufAddr());
        assertEquals(pool.dataRoomSize(), i.bufLen());
        assertEquals(HEADROOM, i.dataOff());
        assertEquals(0, i.dataLen(), "rte_pktmbuf_detach clears data_len");
        assertEquals(1, d.refcnt());
        i.free();
        d.free();
    }

    @Test
    void shouldReturnNullWhenTheClonePoolIsShortWithoutLeaking()
    {
        final Mbuf[] held = new Mbuf[7];
        assertEquals(6, clones.getBulk(held, 0, 6));
        final Mbuf a = pool.alloc();
        final Mbuf b = pool.alloc();
        a.append(10);
        b.append(10);
        a.chain(b);
        assertNull(a.cloneTo(clones), "needs 2, only 1 left");
        assertEquals(1, a.refcnt());
        assertEquals(1, b.refcnt());
        assertEquals(6, clones.inUse());
        clones.putBulk(held, 0, 6);
        a.free();
    }

    @Test
    void shouldFreeBulkMixedPacketsAndPools()
    {
        try (MbufPool other = MbufPool.create("mbo" + SEQ.incrementAndGet(), 15, 0, 0, 256))
        {
            final Mbuf[] pkts = new Mbuf[6];
            pkts[0] = pool.alloc();
            pkts[1] = pool.alloc();
            pkts[2] = other.alloc();
            pkts[3] = pool.alloc();
            pkts[3].chain(pool.alloc());
            pkts[4] = pool.alloc();
            pkts[4].refcntUpdate(1);
            pkts[5] = other.alloc();
            Mbuf.freeBulk(pkts, 0, 6);
            assertEquals(1, pool.inUse(), "the shared one keeps a reference");
            assertEquals(0, other.inUse());
            pkts[4].free();
        }
    }
}
