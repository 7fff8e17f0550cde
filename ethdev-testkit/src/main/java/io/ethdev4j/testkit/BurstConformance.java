package io.ethdev4j.testkit;

import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

/**
 * rx/tx burst semantics: empty requests, rx without tx, loopback order and integrity, burst sizes 1..512, array
 * offsets, a full device (partial tx, the caller keeps the rest), multi-segment packets, per-queue delivery, mbufs of
 * a pool created after start.
 * On a {@link PortFixture#nicPair} the same tests run with the wire's rules (see {@link PortFixture}).
 */
public abstract class BurstConformance extends PortConformanceBase
{
    @Test
    void shouldReturnZeroForEmptyRequests()
    {
        startAll();
        final Mbuf[] pkts = new Mbuf[4];
        assertEquals(0, port.rxBurst(0, pkts, 0, 0));
        assertEquals(0, port.txBurst(0, pkts, 0, 0));
        assertNull(pkts[0], "an empty rx request writes nothing");
        assertEquals(0, port.stats().opackets);
    }

    @Test
    void shouldReceiveNothingWhenNothingWasSent()
    {
        if (receivesUnprompted())
        {
            return; // such a port always has packets to give: see shouldReceivePacketsWithoutTx
        }
        startAll();
        // hardware PMDs fill their rx rings with mbufs at start: compare with the count after start, not with 0
        final int heldByRings = pool.inUse();
        final Mbuf[] pkts = new Mbuf[32];
        assertEquals(0, port.rxBurst(0, pkts, 0, 32));
        if (fixture.hasSeparatePeer())
        {
            assertEquals(0, peer.rxBurst(0, pkts, 0, 32));
        }
        assertEquals(heldByRings, pool.inUse(), "an empty rx burst takes no mbuf from the pool");
    }

    @Test
    void shouldReceivePacketsWithoutTx()
    {
        assumeCapability(Capability.RX_WITHOUT_TX);
        startAll();
        final int heldByRings = pool.inUse();
        final Mbuf[] pkts = new Mbuf[32];
        final boolean stimulated = stimulateRx(32);
        final int n = receive(port, 0, pkts, 32);
        assertTrue(n > 0, "rx gave no packet within the timeout");
        if (stimulated)
        {
            assertEquals(32, n, "every frame the peer sent arrives");
        }
        for (int i = 0; i < n; i++)
        {
            final Mbuf m = pkts[i];
            assertNotNull(m);
            if (!has(Capability.POINTERS_ONLY))
            {
                // a pointers-only port (net_ring) hands over the sender's mbufs as they are: pool and port field
                assertSame(pool, m.pool(), "rx packets come from the queue's pool");
                assertEquals(port.portId(), m.port(), "mbuf port field");
            }
            assertTrue(m.pktLen() > 0, "pkt_len");
            assertTrue(m.nbSegs() >= 1);
            assertEquals(1, m.refcnt());
            if (m.isContiguous())
            {
                assertEquals(m.pktLen(), m.dataLen(), "single segment: data_len == pkt_len");
            }
            if (stimulated)
            {
                assertPacket(m, PortFixture.RX_STIMULUS_SEQ + i, PortFixture.RX_STIMULUS_LENGTH);
            }
        }
        assertEquals(heldByRings + (has(Capability.POINTERS_ONLY) ? 0 : n), pool.inUse(),
            "rx hands out what it received and keeps its ring full (a pointers-only port: the sender's mbufs)");
        freeAll(pkts, 0, n);
    }

    @Test
    void shouldLoopBackInOrderWithPayloadIntact()
    {
        assumeLoopbackOrSink();
        startAll();
        final int heldByRings = pool.inUse();
        final int n = 32;
        final Mbuf[] pkts = new Mbuf[n];
        final int[] seqs = new int[n];
        final int[] lengths = new int[n];
        for (int i = 0; i < n; i++)
        {
            assertEquals(1, pool.allocBulk(pkts, i, 1));
            seqs[i] = 1000 + i;
            lengths[i] = 60 + 7 * i;
            fill(pkts[i], seqs[i], lengths[i]);
        }
        assertEquals(n, port.txBurst(0, pkts, 0, n));
        if (has(Capability.TX_SINK))
        {
            // no wire: what it took is gone at once, counted, and (read back where it can be) written in order, intact
            assertEquals(heldByRings, pool.inUse(), "a sink frees every mbuf it took before tx returns");
            assertSunk(seqs, lengths);
            return;
        }
        final Mbuf[] rx = new Mbuf[n];
        assertEquals(n, receive(peer, 0, rx, n));
        for (int i = 0; i < n; i++)
        {
            assertPacket(rx[i], 1000 + i, 60 + 7 * i);
            if (!has(Capability.POINTERS_ONLY))
            {
                assertEquals(peer.portId(), rx[i].port(), "rx sets the receiving port");
            }
        }
        freeAll(rx, 0, n);
        assertEquals(0, drain(peer, 0), "every packet arrives exactly once");
    }

    /**
     * A pool created after start is as good as one made before: the runtime registers it as it is created and the
     * port's transport (VFIO container, QEMU process) maps it then, so its frames arrive intact. No driver maps
     * memory at start.
     */
    @Test
    void shouldTransmitFromAPoolCreatedAfterStart()
    {
        assumeLoopbackOrSink();
        startAll();
        final MbufPool late = eal.createPktmbufPool("ctlate" + port.portId() + "_" + System.nanoTime() % 100000, 63,
            0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        final int n = 16;
        final Mbuf[] pkts = new Mbuf[n];
        final int[] seqs = new int[n];
        final int[] lengths = new int[n];
        assertEquals(n, late.allocBulk(pkts, 0, n));
        for (int i = 0; i < n; i++)
        {
            seqs[i] = 3000 + i;
            lengths[i] = 60 + 5 * i;
            fill(pkts[i], seqs[i], lengths[i]);
        }
        assertEquals(n, port.txBurst(0, pkts, 0, n));
        if (has(Capability.TX_SINK))
        {
            assertEquals(0, late.inUse(), "a sink frees the late pool's mbufs before tx returns");
            assertSunk(seqs, lengths);
            late.close();
            return;
        }
        final Mbuf[] rx = new Mbuf[n];
        assertEquals(n, receive(peer, 0, rx, n), "frames from the late pool arrive");
        for (int i = 0; i < n; i++)
        {
            assertPacket(rx[i], 3000 + i, 60 + 5 * i);
        }
        freeAll(rx, 0, n);
        port.stop();
        if (fixture.hasSeparatePeer())
        {
            peer.stop();
        }
        assertEquals(0, late.inUse(), "every mbuf of the late pool comes back once the ports stop");
        late.close();
    }

    @ParameterizedTest(name = "burst {0}")
    @ValueSource(ints = {1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256, 257, 511, 512})
    void shouldHandleBurstSizesUpTo512(final int burst)
    {
        startAll();
        final int heldByRings = pool.inUse();
        final Mbuf[] pkts = new Mbuf[burst];
        if (has(Capability.RX_WITHOUT_TX))
        {
            final int n = port.rxBurst(0, pkts, 0, burst);
            assertTrue(n >= 0 && n <= burst, "rx returned " + n + " for a burst of " + burst);
            assertEquals(heldByRings + n, pool.inUse());
            freeAll(pkts, 0, n);
        }
        allocPackets(pkts, 0, burst, 0, 64);
        if (has(Capability.TX_LOOPBACK))
        {
            final Mbuf[] rx = new Mbuf[burst];
            int sent = 0;
            int received = 0;
            final long deadline = System.nanoTime() + RX_TIMEOUT_NS;
            while (received < burst && System.nanoTime() - deadline < 0)
            {
                sent += port.txBurst(0, pkts, sent, burst - sent);
                received += peer.rxBurst(0, rx, received, burst - received);
            }
            assertEquals(burst, sent);
            assertEquals(burst, received);
            for (int i = 0; i < burst; i++)
            {
                assertPacket(rx[i], i, 64);
            }
            freeAll(rx, 0, burst);
        }
        else
        {
            final int sent = port.txBurst(0, pkts, 0, burst);
            assertTrue(sent >= 0 && sent <= burst, "tx accepted " + sent + " of " + burst);
            freeAll(pkts, sent, burst - sent);
        }
    }

    @Test
    void shouldHonourArrayOffsets()
    {
        startAll();
        final Mbuf[] pkts = new Mbuf[16];
        allocPackets(pkts, 5, 8, 50, 80);
        final int sent = port.txBurst(0, pkts, 5, 8);
        assertTrue(sent >= 0 && sent <= 8);
        freeAll(pkts, 5 + sent, 8 - sent);
        if (has(Capability.TX_LOOPBACK))
        {
            assertEquals(8, sent);
            final Mbuf[] rx = new Mbuf[16];
            int got = 0;
            final long deadline = System.nanoTime() + RX_TIMEOUT_NS;
            while (got < 8 && System.nanoTime() - deadline < 0)
            {
                got += peer.rxBurst(0, rx, 3 + got, 8 - got);
            }
            assertEquals(8, got);
            assertNull(rx[2], "rx writes nothing before the offset");
            assertNull(rx[11], "rx writes nothing after offset + count");
            for (int i = 0; i < 8; i++)
            {
                assertPacket(rx[3 + i], 50 + i, 80);
            }
            freeAll(rx, 3, 8);
        }
        if (has(Capability.RX_WITHOUT_TX))
        {
            final Mbuf[] rx = new Mbuf[16];
            final int n = stimulateRx(4) ? receive(port, 0, rx, 10, 4) : port.rxBurst(0, rx, 10, 4);
            if (fixture.hasRxStimulus())
            {
                assertEquals(4, n, "every frame the peer sent arrives");
                assertNull(rx[14], "rx writes nothing after offset + count");
            }
            assertNull(rx[9]);
            for (int i = 0; i < n; i++)
            {
                assertNotNull(rx[10 + i]);
            }
            freeAll(rx, 10, n);
        }
    }

    @Test
    void shouldLeaveRefusedPacketsWithTheCallerWhenFull()
    {
        if (has(Capability.TX_SINK))
        {
            checkSinkNeverFull();
            return;
        }
        assumeCapability(Capability.TX_BACKPRESSURE);
        startAll();
        final int heldByRings = pool.inUse();
        final int burst = 32;
        final Mbuf[] pkts = new Mbuf[burst];
        int accepted = 0;
        int seq = 0;
        int last;
        // fill the device: nobody receives (a NIC: its link is down)
        stopTx();
        do
        {
            allocPackets(pkts, 0, burst, seq, 64);
            last = port.txBurst(0, pkts, 0, burst);
            assertTrue(last >= 0 && last <= burst);
            accepted += last;
            seq += last;
            if (last < burst)
            {
                break;
            }
            assertTrue(accepted < pool.size() - heldByRings - burst, "tx never refused a packet: accepted " + accepted);
        }
        while (true);
        // the refused packets are still the caller's, untouched
        for (int i = last; i < burst; i++)
        {
            assertEquals(1, pkts[i].refcnt());
            assertPacket(pkts[i], seq + (i - last), 64);
        }
        assertEquals(0, port.txBurst(0, pkts, last, burst - last), "a full device refuses again");
        assertEquals(heldByRings + accepted + (burst - last), pool.inUse());
        // everything accepted comes out exactly once, in order; then the rest can be sent
        restartTx();
        final Mbuf[] rx = new Mbuf[accepted];
        assertEquals(accepted, receive(peer, 0, rx, accepted));
        for (int i = 0; i < accepted; i++)
        {
            assertPacket(rx[i], i, 64);
        }
        freeAll(rx, 0, accepted);
        final int rest = burst - last;
        assertEquals(rest, port.txBurst(0, pkts, last, rest), "the caller resends what was refused");
        final Mbuf[] tail = new Mbuf[rest];
        assertEquals(rest, receive(peer, 0, tail, rest));
        for (int i = 0; i < rest; i++)
        {
            assertPacket(tail[i], accepted + i, 64);
        }
        freeAll(tail, 0, rest);
        assertEquals(accepted + rest, port.stats().opackets);
    }

    /**
     * A sink is never full: three pools' worth of packets, in bursts of 32, are all taken, each burst's mbufs back in
     * the pool before the next (the pool would run dry otherwise), all counted and (where readable) written in order.
     */
    private void checkSinkNeverFull()
    {
        startAll();
        final int heldByRings = pool.inUse();
        final int burst = 32;
        final int bursts = (pool.size() / burst) * 3;
        final Mbuf[] pkts = new Mbuf[burst];
        final int[] seqs = new int[bursts * burst];
        final int[] lengths = new int[bursts * burst];
        for (int b = 0; b < bursts; b++)
        {
            allocPackets(pkts, 0, burst, b * burst, 64);
            assertEquals(burst, port.txBurst(0, pkts, 0, burst), "a sink takes every burst (burst " + b + ")");
            assertEquals(heldByRings, pool.inUse(), "a sink holds no mbuf after tx returns (burst " + b + ")");
        }
        for (int i = 0; i < seqs.length; i++)
        {
            seqs[i] = i;
            lengths[i] = 64;
        }
        assertSunk(seqs, lengths);
    }

    @Test
    void shouldCarryMultiSegmentPackets()
    {
        startAll();
        final Mbuf[] segs = new Mbuf[3];
        allocPackets(segs, 0, 1, 77, 100);
        assertEquals(2, pool.allocBulk(segs, 1, 2));
        segs[1].append(200);
        segs[2].append(300);
        for (int b = 0; b < 300; b++)
        {
            if (b < 200)
            {
                segs[1].putByte(b, (byte)(b * 7 + 1));
            }
            segs[2].putByte(b, (byte)(b * 13 + 5));
        }
        assertTrue(segs[0].chain(segs[1]));
        assertTrue(segs[0].chain(segs[2]));
        assertEquals(600, segs[0].pktLen());
        assertEquals(3, segs[0].nbSegs());
        final byte[] sentBytes = new byte[600];
        assertEquals(600, segs[0].readPacket(sentBytes, 0));
        final Mbuf[] pkts = {segs[0]};
        final int sent = port.txBurst(0, pkts, 0, 1);
        if (sent == 0)
        {
            pkts[0].free();
            return;
        }
        if (has(Capability.TX_LOOPBACK))
        {
            final Mbuf[] rx = new Mbuf[1];
            assertEquals(1, receive(peer, 0, rx, 1));
            assertEquals(600, rx[0].pktLen());
            if (fixture.keepsSegments())
            {
                assertEquals(3, rx[0].nbSegs());
            }
            assertEquals(77, rx[0].getIntBE(14));
            final byte[] got = new byte[600];
            assertEquals(600, rx[0].readPacket(got, 0), "the segments' data lengths add up to pkt_len");
            assertArrayEquals(sentBytes, got, "every segment's bytes arrive, in order");
            rx[0].free();
        }
        // otherwise the driver owns it now and must free every segment: the leak check verifies that
    }

    @Test
    void shouldDeliverEachQueueToItsPeerQueue()
    {
        if (has(Capability.TX_SINK))
        {
            checkSinkPerQueue();
            return;
        }
        assumeCapability(Capability.TX_LOOPBACK);
        final int nq = Math.min(port.info().maxTxQueues, port.info().maxRxQueues);
        if (nq < 2)
        {
            return;
        }
        if (!fixture.deliversQueueToQueue())
        {
            checkDeliveryByFlow();
            return;
        }
        startAll(2);
        final Mbuf[] pkts = new Mbuf[8];
        allocPackets(pkts, 0, 4, 0, 64);
        allocPackets(pkts, 4, 4, 100, 64);
        assertEquals(4, port.txBurst(0, pkts, 0, 4));
        assertEquals(4, port.txBurst(1, pkts, 4, 4));
        final Mbuf[] rx = new Mbuf[8];
        assertEquals(4, receive(peer, 1, rx, 4));
        for (int i = 0; i < 4; i++)
        {
            assertPacket(rx[i], 100 + i, 64);
        }
        assertEquals(4, receive(peer, 0, rx, 4, 4));
        for (int i = 0; i < 4; i++)
        {
            assertPacket(rx[4 + i], i, 64);
        }
        freeAll(rx, 0, 8);
        assertEquals(0, drain(peer, 0) + drain(peer, 1), "nothing else arrives");
    }

    /**
     * A sink's tx queues each take their own packets: 4 on queue 0 and 4 on queue 1, each counted on its queue, every
     * mbuf back in the pool; with one tx queue, that queue takes all 8.
     */
    private void checkSinkPerQueue()
    {
        final int nq = Math.min(2, port.info().maxTxQueues);
        setUp(port, 1, nq);
        port.start();
        final int heldByRings = pool.inUse();
        final Mbuf[] pkts = new Mbuf[8];
        allocPackets(pkts, 0, 4, 0, 64);
        allocPackets(pkts, 4, 4, 100, 64);
        assertEquals(4, port.txBurst(0, pkts, 0, 4));
        assertEquals(4, port.txBurst(nq - 1, pkts, 4, 4));
        assertEquals(heldByRings, pool.inUse(), "a sink frees every mbuf it took before tx returns");
        final EthStats s = port.stats();
        assertEquals(nq == 2 ? 4 : 8, s.qOpackets[0], "tx queue 0");
        assertEquals(nq == 2 ? 4 : 0, s.qOpackets[1], "tx queue 1");
        assertSunk(new int[] {0, 1, 2, 3, 100, 101, 102, 103}, new int[] {64, 64, 64, 64, 64, 64, 64, 64});
    }

    /**
     * The per-queue test on a NIC wire, where the receiver's RSS picks the rx queue: both ports run RSS over two
     * queues, each tx queue sends its own IPv4/UDP flows interleaved, and every frame must arrive exactly once, each
     * flow on a single rx queue and in order, with the peer's per-queue counters matching where they landed.
     */
    private void checkDeliveryByFlow()
    {
        final EthConf rss = new EthConf();
        rss.rxMqMode = EthConf.MQ_RX_RSS;
        setUp(port, 2, 2, rss);
        port.start();
        setUp(peer, 2, 2, rss);
        peer.start();
        final int flowsPerQueue = 4;
        final int perFlow = 8;
        final int perQueue = flowsPerQueue * perFlow;
        final Mbuf[] pkts = new Mbuf[perQueue];
        for (int q = 0; q < 2; q++)
        {
            assertEquals(perQueue, pool.allocBulk(pkts, 0, perQueue));
            for (int i = 0; i < perQueue; i++)
            {
                TestFrames.fillFlow(pkts[i], fixture.destinationFor(peer), q * flowsPerQueue + i % flowsPerQueue,
                    i / flowsPerQueue);
            }
            assertEquals(perQueue, port.txBurst(q, pkts, 0, perQueue), "tx queue " + q);
        }
        final int flows = 2 * flowsPerQueue;
        final int[] nextSeq = new int[flows];
        final int[] queueOfFlow = new int[flows];
        java.util.Arrays.fill(queueOfFlow, -1);
        final int[] received = new int[2];
        final Mbuf[] rx = new Mbuf[32];
        int total = 0;
        final long deadline = System.nanoTime() + RX_TIMEOUT_NS;
        while (total < 2 * perQueue && System.nanoTime() - deadline < 0)
        {
            for (int q = 0; q < 2; q++)
            {
                final int n = peer.rxBurst(q, rx, 0, rx.length);
                for (int i = 0; i < n; i++)
                {
                    final Mbuf m = rx[i];
                    assertEquals(TestFrames.FLOW_FRAME_LENGTH, m.pktLen(), "pkt_len");
                    final int flow = m.getIntBE(TestFrames.FLOW_ID_OFFSET);
                    assertTrue(flow >= 0 && flow < flows, "flow id " + flow + " (corrupted frame)");
                    if (queueOfFlow[flow] < 0)
                    {
                        queueOfFlow[flow] = q;
                    }
                    assertEquals(queueOfFlow[flow], q, "flow " + flow + " stays on one rx queue");
                    assertEquals(nextSeq[flow]++, m.getIntBE(TestFrames.FLOW_SEQ_OFFSET),
                        "flow " + flow + " arrives in order, each frame once");
                    if (!has(Capability.POINTERS_ONLY))
                    {
                        assertEquals(peer.portId(), m.port(), "rx sets the receiving port");
                    }
                }
                Mbuf.freeBulk(rx, 0, n);
                received[q] += n;
                total += n;
            }
        }
        for (int f = 0; f < flows; f++)
        {
            assertEquals(perFlow, nextSeq[f], "frames of flow " + f + " (tx queue " + f / flowsPerQueue + ")");
        }
        assertEquals(0, drain(peer, 0) + drain(peer, 1), "nothing else arrives");
        final EthStats r = peer.stats();
        assertEquals(received[0], r.qIpackets[0], "peer rx queue 0 counter");
        assertEquals(received[1], r.qIpackets[1], "peer rx queue 1 counter");
        final EthStats s = port.stats();
        assertEquals(perQueue, s.qOpackets[0]);
        assertEquals(perQueue, s.qOpackets[1]);
    }
}
