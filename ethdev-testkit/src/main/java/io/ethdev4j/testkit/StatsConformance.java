package io.ethdev4j.testkit;

import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.Xstat;
import io.ethdev4j.mbuf.Mbuf;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Basic stats and xstats: counts and bytes match the traffic, per-queue counters, reset, xstats consistency. */
public abstract class StatsConformance extends PortConformanceBase
{
    private static final List<String> BASIC_XSTATS = List.of("rx_good_packets", "tx_good_packets", "rx_good_bytes",
        "tx_good_bytes", "rx_missed_errors", "rx_errors", "tx_errors", "rx_mbuf_allocation_errors");

    private static void assertZero(final EthStats s, final String when)
    {
        assertEquals(0, s.ipackets, "ipackets " + when);
        assertEquals(0, s.opackets, "opackets " + when);
        assertEquals(0, s.ibytes, "ibytes " + when);
        assertEquals(0, s.obytes, "obytes " + when);
        assertEquals(0, s.ierrors, "ierrors " + when);
        assertEquals(0, s.oerrors, "oerrors " + when);
        assertEquals(0, s.imissed, "imissed " + when);
        assertEquals(0, s.rxNombuf, "rx_nombuf " + when);
        for (int q = 0; q < EthStats.QUEUE_STAT_CNTRS; q++)
        {
            assertEquals(0, s.qIpackets[q] | s.qOpackets[q] | s.qIbytes[q] | s.qObytes[q] | s.qErrors[q],
                "queue " + q + " counters " + when);
        }
    }

    /** Sends {@code n} packets of lengths 60, 61, ... on queue {@code q}; returns {accepted, acceptedBytes}. */
    private long[] send(final EthDev dev, final int q, final int n, final int seqBase)
    {
        final Mbuf[] pkts = new Mbuf[n];
        long bytes = 0;
        for (int i = 0; i < n; i++)
        {
            assertEquals(1, pool.allocBulk(pkts, i, 1));
            fill(pkts[i], seqBase + i, 60 + i);
        }
        final int sent = dev.txBurst(q, pkts, 0, n);
        for (int i = 0; i < sent; i++)
        {
            bytes += 60 + i;
        }
        freeAll(pkts, sent, n - sent);
        return new long[] {sent, bytes};
    }

    @Test
    void shouldStartWithZeroStats()
    {
        startAll();
        assertZero(port.stats(), "after configure and start");
    }

    @Test
    void shouldCountTransmittedPacketsAndBytes()
    {
        startAll();
        final long[] tx = send(port, 0, 50, 0);
        final EthStats s = port.stats();
        assertEquals(tx[0], s.opackets);
        assertEquals(countedBytes(tx[1]), s.obytes);
        assertEquals(tx[0], s.qOpackets[0]);
        assertEquals(countedBytes(tx[1]), s.qObytes[0]);
        assertEquals(50, tx[0], "50 packets fit any device");
        if (fixture.hasSeparatePeer())
        {
            assertEquals(0, peer.stats().opackets, "the peer sent nothing");
        }
        if (!receivesUnprompted() && !fixture.isSelfWiredNic())
        {
            // (a NIC wired to itself counts its own frames as they arrive, before any rx burst)
            assertEquals(0, s.ipackets, "sending counts no rx on the sender");
        }
    }

    @Test
    void shouldCountReceivedPacketsAndBytes()
    {
        startAll();
        final Mbuf[] rx = new Mbuf[64];
        long expectedPackets;
        long expectedBytes = 0;
        EthDev receiver = port;
        if (has(Capability.TX_LOOPBACK))
        {
            receiver = peer;
            final long[] tx = send(port, 0, 40, 0);
            assertEquals(40, tx[0]);
            assertEquals(40, receive(peer, 0, rx, 40));
            expectedPackets = 40;
            expectedBytes = tx[1];
        }
        else if (has(Capability.RX_WITHOUT_TX))
        {
            expectedPackets = receive(port, 0, rx, 40);
        }
        else
        {
            assertZero(port.stats(), "without traffic");
            return;
        }
        long seen = 0;
        for (int i = 0; i < expectedPackets; i++)
        {
            seen += rx[i].pktLen();
        }
        if (has(Capability.TX_LOOPBACK))
        {
            assertEquals(expectedBytes, seen, "received bytes equal sent bytes");
        }
        freeAll(rx, 0, (int)expectedPackets);
        final EthStats s = receiver.stats();
        assertEquals(expectedPackets, s.ipackets);
        assertEquals(countedBytes(seen), s.ibytes);
        assertEquals(expectedPackets, s.qIpackets[0]);
        assertEquals(countedBytes(seen), s.qIbytes[0]);
        assertEquals(0, s.ierrors);
    }

    @Test
    void shouldMatchSenderAndReceiverCountersOnLoopback()
    {
        assumeLoopbackOrSink();
        startAll();
        final long[] tx = send(port, 0, 100, 0);
        if (has(Capability.TX_SINK))
        {
            // no receiver: the sender's counters against what was sent (and, where readable, what was written)
            assertEquals(100, tx[0]);
            final int[] seqs = new int[100];
            final int[] lengths = new int[100];
            for (int i = 0; i < 100; i++)
            {
                seqs[i] = i;
                lengths[i] = 60 + i;
            }
            assertSunk(seqs, lengths);
            return;
        }
        final Mbuf[] rx = new Mbuf[100];
        assertEquals(100, receive(peer, 0, rx, 100));
        freeAll(rx, 0, 100);
        final EthStats sender = port.stats();
        final EthStats receiver = peer.stats();
        assertEquals(sender.opackets, receiver.ipackets);
        assertEquals(sender.obytes, receiver.ibytes);
        assertEquals(countedBytes(tx[1]), receiver.ibytes);
    }

    @Test
    void shouldCountPerQueue()
    {
        final int nq = Math.min(port.info().maxTxQueues, port.info().maxRxQueues);
        if (nq < 2)
        {
            return;
        }
        startAll(2);
        final long[] q0 = send(port, 0, 3, 0);
        final long[] q1 = send(port, 1, 5, 100);
        final EthStats s = port.stats();
        assertEquals(3, s.qOpackets[0]);
        assertEquals(5, s.qOpackets[1]);
        assertEquals(countedBytes(q0[1]), s.qObytes[0]);
        assertEquals(countedBytes(q1[1]), s.qObytes[1]);
        assertEquals(8, s.opackets);
        assertEquals(countedBytes(q0[1] + q1[1]), s.obytes);
        if (has(Capability.TX_LOOPBACK) && fixture.deliversQueueToQueue())
        {
            assertEquals(5, drain(peer, 1));
            assertEquals(3, drain(peer, 0));
            final EthStats r = peer.stats();
            assertEquals(3, r.qIpackets[0]);
            assertEquals(5, r.qIpackets[1]);
            assertEquals(countedBytes(q1[1]), r.qIbytes[1]);
        }
        else if (has(Capability.TX_LOOPBACK))
        {
            // a NIC wire: the receiver picks the rx queue; its per-queue counters must say where the 8 went
            final int[] perQueue = collectAtPeerByQueue(8);
            final EthStats r = peer.stats();
            assertEquals(8, perQueue[0] + perQueue[1], "the peer receives what both tx queues sent, once");
            assertEquals(perQueue[0], r.qIpackets[0]);
            assertEquals(perQueue[1], r.qIpackets[1]);
            assertEquals(8, r.ipackets);
            assertEquals(countedBytes(q0[1] + q1[1]), r.qIbytes[0] + r.qIbytes[1]);
        }
    }

    @Test
    void shouldResetStats()
    {
        startAll();
        send(port, 0, 20, 0);
        if (has(Capability.TX_LOOPBACK))
        {
            assertEquals(20, collectAtPeer(0, 20));
        }
        if (has(Capability.RX_WITHOUT_TX))
        {
            final Mbuf[] rx = new Mbuf[8];
            final int n = stimulateRx(8) ? receive(port, 0, rx, 8) : port.rxBurst(0, rx, 0, 8);
            freeAll(rx, 0, n);
            if (fixture.hasRxStimulus())
            {
                assertEquals(8, n, "every frame the peer sent arrives");
                assertEquals(8, port.stats().ipackets, "counted before the reset");
            }
        }
        assertNotEquals(0, port.stats().opackets);
        port.statsReset();
        assertZero(port.stats(), "after reset");
        if (fixture.hasSeparatePeer())
        {
            peer.statsReset();
            assertZero(peer.stats(), "after reset (peer)");
        }
        final long[] again = send(port, 0, 7, 100);
        final EthStats s = port.stats();
        assertEquals(7, s.opackets, "counting restarts from zero");
        assertEquals(countedBytes(again[1]), s.obytes);
        if (has(Capability.TX_LOOPBACK))
        {
            assertEquals(7, collectAtPeer(0, 7));
            assertEquals(7, peer.stats().ipackets);
        }
    }

    @Test
    void shouldExposeXstatsConsistentWithStats()
    {
        final int nq = Math.min(2, Math.min(port.info().maxTxQueues, port.info().maxRxQueues));
        startAll(nq);
        send(port, 0, 9, 0);
        if (has(Capability.TX_LOOPBACK))
        {
            assertEquals(9, collectAtPeer(0, 9));
        }
        final List<String> names = port.xstatsNames();
        final List<Xstat> xs = port.xstats();
        assertEquals(names.size(), xs.size(), "one value per name");
        assertEquals(names.size(), new HashSet<>(names).size(), "xstat names are unique: " + names);
        assertEquals(BASIC_XSTATS, names.subList(0, BASIC_XSTATS.size()), "the basic xstats come first, in DPDK's order");
        for (int q = 0; q < nq; q++)
        {
            assertTrue(names.contains("rx_q" + q + "_packets") && names.contains("rx_q" + q + "_bytes") &&
                names.contains("rx_q" + q + "_errors") && names.contains("tx_q" + q + "_packets") &&
                names.contains("tx_q" + q + "_bytes"), "per-queue xstats of queue " + q + ": " + names);
        }
        assertFalse(names.contains("rx_q" + nq + "_packets"), "no xstats for unconfigured queues");
        final EthStats s = port.stats();
        for (int i = 0; i < xs.size(); i++)
        {
            final Xstat x = xs.get(i);
            assertEquals(i, x.id());
            assertEquals(names.get(i), x.name());
            assertTrue(x.value() >= 0, x.toString());
            switch (x.name())
            {
                case "rx_good_packets": assertEquals(s.ipackets, x.value()); break;
                case "tx_good_packets": assertEquals(s.opackets, x.value()); break;
                case "rx_good_bytes": assertEquals(s.ibytes, x.value()); break;
                case "tx_good_bytes": assertEquals(s.obytes, x.value()); break;
                case "rx_missed_errors": assertEquals(s.imissed, x.value()); break;
                case "rx_errors": assertEquals(s.ierrors, x.value()); break;
                case "tx_errors": assertEquals(s.oerrors, x.value()); break;
                case "rx_mbuf_allocation_errors": assertEquals(s.rxNombuf, x.value()); break;
                case "tx_q0_packets": assertEquals(s.qOpackets[0], x.value()); break;
                case "tx_q0_bytes": assertEquals(s.qObytes[0], x.value()); break;
                case "rx_q0_packets": assertEquals(s.qIpackets[0], x.value()); break;
                default: break;
            }
        }
        assertEquals(9, xs.get(names.indexOf("tx_good_packets")).value());
        assertEquals(9, xs.get(names.indexOf("tx_q0_packets")).value());
    }

    @Test
    void shouldResetXstats()
    {
        startAll();
        send(port, 0, 5, 0);
        if (has(Capability.TX_LOOPBACK))
        {
            assertEquals(5, collectAtPeer(0, 5));
        }
        port.xstatsReset();
        for (final Xstat x : port.xstats())
        {
            if (BASIC_XSTATS.contains(x.name()) || x.name().matches("[rt]x_q\\d+_.*"))
            {
                assertEquals(0, x.value(), x.name() + " after xstats reset");
            }
        }
        assertZero(port.stats(), "after xstats reset");
    }
}
