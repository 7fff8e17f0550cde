package io.ethdev4j.testkit;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
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
    /** Mbufs in the suite's pool: enough for a full 1024-slot ring plus a 512 burst and caches. */
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
        pool = eal.createPktmbufPool("ct" + POOL_SEQ.incrementAndGet(), POOL_SIZE, POOL_CACHE, 0,
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

    /** Skips the test (with the reason) unless the driver has {@code c}. */
    protected final void assumeCapability(final Capability c)
    {
        Assumptions.assumeTrue(has(c), () -> driverName() + " does not declare " + c);
    }

    // ------------------------------------------------------------------ port setup

    /** configure(nrxq, ntxq) and set up every queue with 0 descriptors (the driver's default) and the pool. */
    protected final void setUp(final EthDev dev, final int nbRxq, final int nbTxq)
    {
        dev.configure(nbRxq, nbTxq, null);
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
     * Allocates {@code n} packets into {@code pkts[offset..]}: packet i has length {@code lengthOf(i)} and carries
     * its sequence number {@code seqBase + i} as a big-endian int at byte 14 (after an Ethernet header with
     * locally administered addresses), so receivers can check order and integrity.
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

    protected static void fill(final Mbuf m, final int seq, final int length)
    {
        assertTrue(length >= 18 && length <= m.tailroom(), "bad test packet length " + length);
        m.append(length);
        for (int b = 0; b < 12; b++)
        {
            m.putByte(b, (byte)(b == 0 || b == 6 ? 0x02 : b));
        }
        m.putShortBE(12, 0x88B5);
        m.putIntBE(14, seq);
        for (int b = 18; b < length; b++)
        {
            m.putByte(b, (byte)(seq + b));
        }
    }

    /** Asserts {@code m} is the packet {@link #fill} made for {@code seq} with {@code length} bytes. */
    protected static void assertPacket(final Mbuf m, final int seq, final int length)
    {
        assertEquals(length, m.pktLen(), "pkt_len of packet " + seq);
        assertEquals(seq, m.getIntBE(14), "sequence number (order or corruption)");
        assertEquals(0x88B5, m.getShortBE(12), "ether type of packet " + seq);
        if (m.isContiguous())
        {
            for (int b = 18; b < length; b++)
            {
                if (m.getByte(b) != (byte)(seq + b))
                {
                    fail("payload byte " + b + " of packet " + seq + " corrupted");
                }
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
