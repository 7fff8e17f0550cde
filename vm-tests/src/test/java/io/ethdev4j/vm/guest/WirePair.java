package io.ethdev4j.vm.guest;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The guest's two wired igb ports driven through {@link EthDev} directly, with one mbuf pool: set up, start, wait
 * for the link, and send numbered frames from one port to the other, checking on the receiving side that exactly
 * those frames arrive, in order, with their payload intact. Every wait is bounded. No JUnit in here: the child process of
 * {@link VfioLifecycleGuestTest} ({@link PortOwnerMain}) uses it too; failures are {@link AssertionError}s.
 */
final class WirePair
{
    static final int POOL_SIZE = 2047;
    static final long LINK_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    static final long RX_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    private static final int FRAME_BYTES = 64;
    private static final int ETHER_TYPE = 0x88B5; // IEEE local experimental
    private static final long POLL_PACE_NS = TimeUnit.MILLISECONDS.toNanos(5);

    final Eal eal;
    final MbufPool pool;
    final EthDev[] ports;
    private final Mbuf[] burst = new Mbuf[64];
    private int seq;

    WirePair(final Eal eal, final String poolName)
    {
        this.eal = eal;
        this.pool = eal.createPktmbufPool(poolName, POOL_SIZE, 32, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        this.ports = new EthDev[] {eal.port(0), eal.port(1)};
    }

    /** configure 1+1 queues (driver's ring sizes), start, and wait for the link. */
    void start(final int port)
    {
        final EthDev d = ports[port];
        if (!d.isConfigured())
        {
            d.configure(1, 1, null);
            d.rxQueueSetup(0, 0, pool, null);
            d.txQueueSetup(0, 0, null);
        }
        d.start();
        awaitLinkUp(d);
    }

    void startBoth()
    {
        start(0);
        start(1);
    }

    static void awaitLinkUp(final EthDev d)
    {
        final long deadline = System.nanoTime() + LINK_TIMEOUT_NS;
        while (!d.link().isUp())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError(d.name() + " (port " + d.portId() + "): link not up within " +
                    TimeUnit.NANOSECONDS.toMillis(LINK_TIMEOUT_NS) + " ms after start");
            }
            LockSupport.parkNanos(POLL_PACE_NS);
        }
    }

    /** Replaces port {@code index} (after a re-attach). */
    void port(final int index, final EthDev d)
    {
        ports[index] = d;
    }

    /** Sends {@code n} (at most 64) numbered frames from port {@code from} and receives exactly them on the other. */
    void exchange(final int from, final int n)
    {
        final EthDev tx = ports[from];
        final EthDev rx = ports[1 - from];
        final String what = n + " frames " + tx.name() + " (port " + tx.portId() + ") -> " + rx.name() + " (port " +
            rx.portId() + ")";
        if (pool.allocBulk(burst, 0, n) != n)
        {
            throw new AssertionError(what + ": the pool has " + pool.available() + " free mbufs");
        }
        final int first = seq;
        final long dst = rx.macAddr().toLong();
        final long src = tx.macAddr().toLong();
        for (int i = 0; i < n; i++)
        {
            final Mbuf m = burst[i];
            m.append(FRAME_BYTES);
            m.putShortBE(0, (int)(dst >>> 32));
            m.putIntBE(2, (int)dst);
            m.putShortBE(6, (int)(src >>> 32));
            m.putIntBE(8, (int)src);
            m.putShortBE(12, ETHER_TYPE);
            m.putIntBE(14, seq++);
            for (int b = 18; b < FRAME_BYTES; b++)
            {
                m.putByte(b, (byte)(b ^ i));
            }
        }
        final long deadline = System.nanoTime() + RX_TIMEOUT_NS;
        int sent = 0;
        while (sent < n)
        {
            sent += tx.txBurst(0, burst, sent, n - sent);
            if (sent < n && System.nanoTime() - deadline > 0)
            {
                Mbuf.freeBulk(burst, sent, n - sent);
                throw new AssertionError(what + ": only " + sent + " accepted by txBurst within " +
                    TimeUnit.NANOSECONDS.toMillis(RX_TIMEOUT_NS) + " ms");
            }
        }
        int got = 0;
        while (got < n)
        {
            final int k = rx.rxBurst(0, burst, 0, burst.length);
            for (int i = 0; i < k; i++)
            {
                final Mbuf m = burst[i];
                final boolean ours = m.pktLen() == FRAME_BYTES && m.getShortBE(12) == ETHER_TYPE;
                final int s = ours ? m.getIntBE(14) : -1;
                int badByte = -1;
                for (int b = 18; ours && badByte < 0 && b < m.dataLen(); b++)
                {
                    badByte = m.getByte(b) == (byte)(b ^ got) ? -1 : b;
                }
                m.free();
                if (!ours)
                {
                    continue; // not ours (nothing else should be on this wire, but do not count it)
                }
                if (s != first + got || badByte >= 0)
                {
                    Mbuf.freeBulk(burst, i + 1, k - i - 1);
                    throw new AssertionError(what + ": frame " + got + (s != first + got ? " carries sequence " + s +
                        ", expected " + (first + got) : " has a corrupted payload at byte " + badByte));
                }
                got++;
            }
            if (k == 0)
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new AssertionError(what + ": " + got + " received within " +
                        TimeUnit.NANOSECONDS.toMillis(RX_TIMEOUT_NS) + " ms; sender " + stats(tx) + ", receiver " +
                        stats(rx));
                }
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Sends {@code n} (at most 64) broadcast frames from port {@code from} without receiving them (the other port may
     * be gone); returns by how much the port's opackets grew once it has sent them, or after {@link #RX_TIMEOUT_NS}.
     */
    long transmit(final int from, final int n)
    {
        final EthDev tx = ports[from];
        final EthStats before = new EthStats();
        tx.statsGet(before);
        if (pool.allocBulk(burst, 0, n) != n)
        {
            throw new AssertionError("transmit: the pool has " + pool.available() + " free mbufs");
        }
        for (int i = 0; i < n; i++)
        {
            final Mbuf m = burst[i];
            m.append(FRAME_BYTES);
            m.putShortBE(0, 0xFFFF);
            m.putIntBE(2, 0xFFFF_FFFF);
            m.putShortBE(6, (int)(tx.macAddr().toLong() >>> 32));
            m.putIntBE(8, (int)tx.macAddr().toLong());
            m.putShortBE(12, ETHER_TYPE);
            m.putIntBE(14, seq++);
        }
        final long deadline = System.nanoTime() + RX_TIMEOUT_NS;
        int sent = 0;
        while (sent < n && System.nanoTime() - deadline < 0)
        {
            sent += tx.txBurst(0, burst, sent, n - sent);
        }
        Mbuf.freeBulk(burst, sent, n - sent);
        final EthStats now = new EthStats();
        do
        {
            LockSupport.parkNanos(POLL_PACE_NS);
            tx.statsGet(now);
        }
        while (now.opackets - before.opackets < sent && System.nanoTime() - deadline < 0);
        return now.opackets - before.opackets;
    }

    /** Both ways, {@code n} frames each. */
    void exchangeBothWays(final int n)
    {
        exchange(0, n);
        exchange(1, n);
    }

    static String stats(final EthDev d)
    {
        final EthStats s = new EthStats();
        d.statsGet(s);
        return "{rx=" + s.ipackets + ", missed=" + s.imissed + ", rxerr=" + s.ierrors + ", tx=" + s.opackets + "}";
    }
}
