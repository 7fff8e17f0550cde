package io.ethdev4j.testkit;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What every conformance suite shares: a fresh {@link PortFixture} per test from the subclass, an mbuf pool on
 * the fixture's runtime, helpers to set up ports and move packets, and the leak check: after every test the
 * ports are stopped and closed (which must free every mbuf a driver holds) and the pool's in-use count must be
 * what it was before the test.
 * <p>
 * A PMD runs the suites with a thin subclass that supplies {@link #open()}, {@link #capabilities()} and
 * {@link #driverName()}; see {@link EthDevConformance} for all suites at once.
 */
@ExtendWith(NameThePortOnFailure.class)
public abstract class PortConformanceBase
{
    /**
     * Mbufs in the suite's pool beyond what NIC rx rings hold: enough for a full 1024-slot ring plus a 512 burst and
     * caches. The pool itself is {@link PortFixture#poolSize} of this ({@link #pool}{@code .size()}).
     */
    protected static final int POOL_SIZE = 2047;
    protected static final int POOL_CACHE = 32;
    /** Bound for waiting on a packet to come back (polling, no sleeping). */
    protected static final long RX_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);

    private static final AtomicInteger POOL_SEQ = new AtomicInteger();

    protected PortFixture fixture;
    protected Eal eal;
    protected EthDev port;
    /** Receives what {@link #port} sends; null without loopback. */
    protected EthDev peer;
    protected MbufPool pool;
    private int inUseBefore;

    /** A fresh runtime with the port under test (and its peer, if any). Called before every test. */
    protected abstract PortFixture open();

    /** What the driver can do. */
    protected abstract Set<Capability> capabilities();

    /** The driver name {@code DevInfo.driverName} must report (e.g. {@code net_null}). */
    protected abstract String driverName();

    @BeforeEach
    final void openFixture()
    {
        fixture = open();
        eal = fixture.eal();
        port = fixture.port();
        peer = fixture.peer();
        pool = eal.createPktmbufPool("ct" + POOL_SEQ.incrementAndGet(), fixture.poolSize(POOL_SIZE), POOL_CACHE, 0,
            MbufDescriptor.DEFAULT_BUF_SIZE);
        inUseBefore = pool.inUse();
    }

    @AfterEach
    final void closeFixtureAndCheckLeaks()
    {
        try
        {
            final List<EthDev> ports = new ArrayList<>();
            ports.add(port);
            if (fixture.hasSeparatePeer())
            {
                ports.add(peer);
            }
            for (final EthDev p : ports)
            {
                if (!p.isReleased())
                {
                    p.stop();
                    p.close();
                }
            }
            assertEquals(inUseBefore, pool.inUse(), "mbufs leaked: pool in-use count after the test (ports closed) " +
                "differs from before");
            assertEquals(0, fixture.stimulusInUse(), "mbufs leaked: the peer did not free the rx stimulus it sent");
        }
        finally
        {
            fixture.close();
        }
    }

    // ------------------------------------------------------------------ capabilities

    protected final boolean has(final Capability c)
    {
        return capabilities().contains(c);
    }

    /** The byte count the port's counters must show for {@code bytes} of traffic: 0 for a {@code POINTERS_ONLY} PMD. */
    protected final long countedBytes(final long bytes)
    {
        return has(Capability.POINTERS_ONLY) ? 0 : bytes;
    }

    /** Skips the test (with the reason) unless the driver has {@code c}. */
    protected final void assumeCapability(final Capability c)
    {
        Assumptions.assumeTrue(has(c), () -> driverName() + " does not declare " + c);
    }

    /** Skips unless the port loops traffic back (TX_LOOPBACK) or is a TX_SINK, whose branch checks what a sink does. */
    protected final void assumeLoopbackOrSink()
    {
        if (!has(Capability.TX_SINK))
        {
            assumeCapability(Capability.TX_LOOPBACK);
        }
    }

    /**
     * True when the port has packets to give without anyone asking (RX_WITHOUT_TX on net_null, pcap), so "nothing
     * arrives unless sent" cannot be checked; false on a NIC pair, where frames arrive only by {@link #stimulateRx}.
     */
    protected final boolean receivesUnprompted()
    {
        return has(Capability.RX_WITHOUT_TX) && !fixture.hasRxStimulus();
    }

    // ------------------------------------------------------------------ port setup

    /** configure(nrxq, ntxq) and set up every queue with 0 descriptors (the driver's default) and the pool. */
    protected final void setUp(final EthDev dev, final int nbRxq, final int nbTxq)
    {
        setUp(dev, nbRxq, nbTxq, null);
    }

    /** As {@link #setUp(EthDev, int, int)} with a configuration (e.g. RSS for a NIC's multi-queue rx). */
    protected final void setUp(final EthDev dev, final int nbRxq, final int nbTxq, final EthConf conf)
    {
        dev.configure(nbRxq, nbTxq, conf);
        for (int q = 0; q < nbRxq; q++)
        {
            dev.rxQueueSetup(q, 0, pool, null);
        }
        for (int q = 0; q < nbTxq; q++)
        {
            dev.txQueueSetup(q, 0, null);
        }
    }

    /** Sets up and starts the port under test and its separate peer with {@code nbQueues} queue pairs. */
    protected final void startAll(final int nbQueues)
    {
        setUp(port, nbQueues, nbQueues);
        port.start();
        if (fixture.hasSeparatePeer())
        {
            setUp(peer, nbQueues, nbQueues);
            peer.start();
        }
    }

    protected final void startAll()
    {
        startAll(1);
    }

    // ------------------------------------------------------------------ packets

    /**
     * Allocates {@code n} packets into {@code pkts[offset..]}: packet i has {@code length} bytes and carries
     * its sequence number {@code seqBase + i} as a big-endian int at byte 14 (after an Ethernet header with
     * locally administered addresses), so receivers can check order and integrity. See {@link #fill}.
     */
    protected final void allocPackets(final Mbuf[] pkts, final int offset, final int n, final int seqBase,
        final int length)
    {
        assertEquals(n, pool.allocBulk(pkts, offset, n), "pool could not supply " + n + " mbufs");
        for (int i = 0; i < n; i++)
        {
            fill(pkts[offset + i], seqBase + i, length);
        }
    }

    /**
     * Appends {@code length} bytes to {@code m}: the test frame for {@code seq} (layout in {@link TestFrames}),
     * addressed so that the peer accepts it ({@link PortFixture#destinationFor}: its own MAC on a NIC wire).
     */
    protected final void fill(final Mbuf m, final int seq, final int length)
    {
        TestFrames.fillSeq(m, fixture.destinationFor(peer), seq, length);
    }

    /** Asserts {@code m} is the packet {@link #fill} made for {@code seq} with {@code length} bytes. */
    protected static void assertPacket(final Mbuf m, final int seq, final int length)
    {
        TestFrames.assertSeq(m, seq, length);
    }

    /**
     * {@link Capability#TX_SINK}'s check once the port took the frames {@code seqs[i]} of {@code lengths[i]} bytes
     * (and nothing else since the fixture opened): its counters say so, and where the fixture reads the port's output
     * back, exactly those frames were written, in order and intact. Stops the port first (a driver may buffer until
     * then).
     */
    protected final void assertSunk(final int[] seqs, final int[] lengths)
    {
        long bytes = 0;
        for (final int l : lengths)
        {
            bytes += l;
        }
        final EthStats s = port.stats();
        assertEquals(seqs.length, s.opackets, "a sink counts every packet it took");
        assertEquals(countedBytes(bytes), s.obytes, "a sink counts every byte it took");
        assertEquals(0, s.oerrors);
        port.stop();
        if (fixture.hasTxRecord())
        {
            final List<byte[]> written = fixture.txRecord();
            assertEquals(seqs.length, written.size(), "frames the port wrote");
            for (int i = 0; i < seqs.length; i++)
            {
                TestFrames.assertSeq(written.get(i), seqs[i], lengths[i]);
            }
        }
    }

    protected static void freeAll(final Mbuf[] pkts, final int offset, final int n)
    {
        for (int i = offset; i < offset + n; i++)
        {
            pkts[i].free();
            pkts[i] = null;
        }
    }

    /**
     * Polls {@code dev}'s rx queue until {@code expected} packets arrived in {@code out[0..]} (or the timeout ran
     * out); returns how many arrived. Never asks for more than {@code expected}.
     */
    protected static int receive(final EthDev dev, final int queue, final Mbuf[] out, final int expected)
    {
        return receive(dev, queue, out, 0, expected);
    }

    /** As {@link #receive(EthDev, int, Mbuf[], int)}, into {@code out[offset..]}. */
    protected static int receive(final EthDev dev, final int queue, final Mbuf[] out, final int offset, final int expected)
    {
        final long deadline = System.nanoTime() + RX_TIMEOUT_NS;
        int got = 0;
        while (got < expected && System.nanoTime() - deadline < 0)
        {
            final int n = dev.rxBurst(queue, out, offset + got, Math.min(expected - got, 512));
            got += n;
            if (n == 0)
            {
                Thread.onSpinWait();
            }
        }
        return got;
    }

    /**
     * Receives at the peer what the port sent on tx queue {@code txQueue}: waits (up to {@link #RX_TIMEOUT_NS}) for
     * {@code expected} packets, then takes whatever else is pending, frees all and returns the count. A software
     * wire delivers on the peer's queue {@code txQueue}, at once; on a NIC wire frames are still in flight when tx
     * returns and the receiving NIC picks the queue, so every rx queue of the peer is polled. This replaces an
     * immediate {@link #drain} of the peer, which a NIC wire would fail by timing alone.
     */
    protected final int collectAtPeer(final int txQueue, final int expected)
    {
        if (fixture.deliversQueueToQueue())
        {
            final Mbuf[] rx = new Mbuf[Math.max(1, expected)];
            final int got = receive(peer, txQueue, rx, expected);
            freeAll(rx, 0, got);
            return got + drain(peer, txQueue);
        }
        int total = 0;
        for (final int n : collectAtPeerByQueue(expected))
        {
            total += n;
        }
        return total;
    }

    /**
     * Polls every rx queue of the peer until {@code expected} packets arrived in all (or {@link #RX_TIMEOUT_NS}
     * passed), then drains them all once more; frees everything and returns the count per rx queue. For NIC wires,
     * where the receiver's RSS, not the sender's tx queue, decides the rx queue.
     */
    protected final int[] collectAtPeerByQueue(final int expected)
    {
        final int nq = peer.nbRxQueues();
        final int[] perQueue = new int[nq];
        final Mbuf[] rx = new Mbuf[64];
        int total = 0;
        final long deadline = System.nanoTime() + RX_TIMEOUT_NS;
        while (total < expected && System.nanoTime() - deadline < 0)
        {
            int got = 0;
            for (int q = 0; q < nq; q++)
            {
                final int n = peer.rxBurst(q, rx, 0, Math.min(rx.length, expected - total - got));
                Mbuf.freeBulk(rx, 0, n);
                perQueue[q] += n;
                got += n;
            }
            total += got;
            if (got == 0)
            {
                Thread.onSpinWait();
            }
        }
        for (int q = 0; q < nq; q++)
        {
            perQueue[q] += drain(peer, q);
        }
        return perQueue;
    }

    /**
     * For RX_WITHOUT_TX tests: makes {@code n} frames arrive at the port when the fixture has to (a NIC pair's peer
     * sends them, see {@link PortFixture#stimulateRx}; frame i is the packet {@code RX_STIMULUS_SEQ + i}) and
     * asserts that all were sent; returns false, doing nothing, for ports that receive unprompted.
     */
    protected final boolean stimulateRx(final int n)
    {
        if (!fixture.hasRxStimulus())
        {
            return false;
        }
        assertEquals(n, fixture.stimulateRx(n), "the peer could not send the rx stimulus");
        return true;
    }

    /**
     * For TX_BACKPRESSURE tests: makes the port's tx back up when nobody receives. Nothing to do where a full device
     * comes from nobody receiving; on a NIC pair the link is set down, since a NIC transmits onto the wire whether
     * anyone receives or not but stops without a link. {@link #restartTx} undoes it.
     */
    protected final void stopTx()
    {
        if (fixture.stopsTxOnlyByLinkDown())
        {
            assertTrue(has(Capability.LINK_UP_DOWN), "TX_BACKPRESSURE on " + fixture + " stops tx with setLinkDown: " +
                driverName() + " must declare LINK_UP_DOWN");
            port.setLinkDown();
        }
    }

    /** Undoes {@link #stopTx}: sets the link up and waits (up to {@link #RX_TIMEOUT_NS}) until it reports up. */
    protected final void restartTx()
    {
        if (fixture.stopsTxOnlyByLinkDown())
        {
            port.setLinkUp();
            final long deadline = System.nanoTime() + RX_TIMEOUT_NS;
            while (!port.link().isUp() && System.nanoTime() - deadline < 0)
            {
                Thread.onSpinWait();
            }
            assertTrue(port.link().isUp(), "link after setLinkUp: " + port.link());
        }
    }

    /** Receives and frees everything pending on {@code dev}'s queue right now; returns the count. */
    protected static int drain(final EthDev dev, final int queue)
    {
        final Mbuf[] buf = new Mbuf[64];
        int total = 0;
        int n;
        while ((n = dev.rxBurst(queue, buf, 0, buf.length)) > 0)
        {
            Mbuf.freeBulk(buf, 0, n);
            total += n;
        }
        return total;
    }

    // ------------------------------------------------------------------ errors

    /**
     * Asserts that {@code call} throws {@link EthDevException} with {@code errno} and a message naming the
     * operation {@code op} and the port; returns the exception.
     */
    protected final EthDevException assertErrno(final int errno, final String op, final EthDev dev, final Executable call)
    {
        final EthDevException ex = assertThrows(EthDevException.class, call, "expected " + Errno.name(errno) + " from " + op);
        assertEquals(Errno.name(errno), ex.errnoName(), () -> "errno of " + op + ": " + ex.getMessage());
        assertEquals(-errno, ex.diag());
        assertTrue(ex.getMessage().startsWith(op + "(port=" + dev.portId()),
            () -> "message should name the operation and port, got: " + ex.getMessage());
        assertTrue(ex.getMessage().contains(Errno.name(errno)), () -> "message should name the errno: " + ex.getMessage());
        return ex;
    }
}
