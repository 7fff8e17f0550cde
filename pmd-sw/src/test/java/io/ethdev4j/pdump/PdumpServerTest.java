package io.ethdev4j.pdump;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.ethdev4j.pdump.CaptureRingDescriptor.DIRECTION_RX;
import static io.ethdev4j.pdump.CaptureRingDescriptor.DIRECTION_TX;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The application side of capture on real ports (net_ring looped to itself, net_null): the control channel, taps
 * installed on running ports, records of rx and tx bursts, detaching on DISABLE and on disconnect, errors.
 */
class PdumpServerTest
{
    private static final int CAPACITY = 1 << 16;

    @TempDir
    Path dir;
    private Eal eal;
    private MbufPool pool;
    private Path runtimeDir;
    private int regions;

    @BeforeEach
    void start()
    {
        eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_ring0", "--vdev", "net_null0,size=64");
        pool = eal.createPktmbufPool("pdump_test", 2047, 0, 0, 2176);
        for (final EthDev p : eal.ports())
        {
            p.configure(1, 1, null);
            p.rxQueueSetup(0, 0, pool, null);
            p.txQueueSetup(0, 0, null);
            p.start();
        }
        runtimeDir = eal.runtimeDir();
        assertTrue(Files.exists(runtimeDir.resolve(PdumpProtocol.SOCKET_NAME)), "the runtime listens for captures");
    }

    @AfterEach
    void stop()
    {
        final EthDev port = eal.port(0);
        eal.close();
        assertFalse(Files.exists(runtimeDir.resolve(PdumpProtocol.SOCKET_NAME)), "socket removed");
        assertFalse(port.hasRxTap(0), "taps removed");
        assertFalse(port.hasTxTap(0), "taps removed");
        assertEquals(0, pool.inUse(), "mbufs leaked");
    }

    private CaptureRegion region(final int snaplen, final int[] ports, final int[] queues, final int[] dirs)
    {
        return CaptureRegion.create(dir.resolve("region" + ++regions), snaplen, CAPACITY, null, ports, queues, dirs);
    }

    /** Sends n 64-byte frames whose first byte is seed.. on the looped ring port, then receives them. */
    private void loop(final int n, final int seed)
    {
        final EthDev ring = eal.port(0);
        final Mbuf[] pkts = new Mbuf[n];
        assertEquals(n, pool.allocBulk(pkts, 0, n));
        for (int i = 0; i < n; i++)
        {
            pkts[i].append(64);
            pkts[i].putByte(0, (byte)(seed + i));
        }
        assertEquals(n, ring.txBurst(0, pkts, n));
        assertEquals(n, ring.rxBurst(0, pkts, n));
        Mbuf.freeBulk(pkts, 0, n);
    }

    private static int drain(final CaptureRingReader r, final int firstByte)
    {
        int n = 0;
        while (r.next())
        {
            assertEquals(64, r.originalLength());
            assertEquals((byte)(firstByte + n), UnsafeApi.getByte(r.dataAddress()));
            r.consume();
            n++;
        }
        r.commit();
        return n;
    }

    @Test
    void shouldListThePorts()
    {
        try (PdumpClient c = PdumpClient.connect(runtimeDir))
        {
            final List<PdumpProtocol.PortInfo> ports = c.ports();
            assertEquals(2, ports.size());
            assertEquals(0, ports.get(0).portId());
            assertEquals("net_ring0", ports.get(0).name());
            assertEquals("net_ring", ports.get(0).driver());
            assertEquals(1, ports.get(0).nbRxQueues());
            assertEquals("net_null0", ports.get(1).name());
            assertEquals(eal.port(1).macAddr(), ports.get(1).mac());
            assertTrue(ports.get(1).linkUp());
            assertEquals(10000, ports.get(1).speedMbps());
        }
    }

    @Test
    void shouldSwitchPromiscuousModeForTheCapture()
    {
        try (PdumpClient c = PdumpClient.connect(runtimeDir))
        {
            eal.port(0).promiscuousDisable();
            assertFalse(c.ports().get(0).promiscuous());
            c.promiscuous(0, true);
            assertTrue(eal.port(0).isPromiscuous());
            assertTrue(c.ports().get(0).promiscuous());
            c.promiscuous(0, false);
            assertFalse(eal.port(0).isPromiscuous());
            assertTrue(c.ports().get(1).promiscuous(), "net_null is promiscuous, as DPDK's");
            assertEquals(Errno.ENOTSUP, assertThrows(EthDevException.class, () -> c.promiscuous(1, false)).errno());
            assertEquals(Errno.ENODEV, assertThrows(EthDevException.class, () -> c.promiscuous(9, true)).errno());
        }
    }

    @Test
    void shouldNotListenWithoutSharedConfig()
    {
        try (Eal other = Eal.init("--no-pci", "--in-memory", "--file-prefix", "pdump_inmem" + ProcessHandle.current().pid()))
        {
            assertFalse(Files.exists(other.runtimeDir().resolve(PdumpProtocol.SOCKET_NAME)));
            final EthDevException ex = assertThrows(EthDevException.class, () -> PdumpClient.connect(other.runtimeDir()));
            assertEquals(Errno.ENOENT, ex.errno());
        }
    }

    @Test
    void shouldCaptureRxAndTxOfARunningPortUntilDisabled()
    {
        final RxBurst rxHeld = eal.port(0).rxQueue(0);
        final Path file = dir.resolve("region1");
        try (PdumpClient c = PdumpClient.connect(runtimeDir);
            CaptureRegion region = region(2176, new int[] {0, 0}, new int[] {0, 0}, new int[] {DIRECTION_RX, DIRECTION_TX}))
        {
            loop(3, 100);
            c.enable(file);
            assertTrue(eal.port(0).hasRxTap(0));
            assertSame(rxHeld, eal.port(0).rxQueue(0), "the burst function a forwarding loop holds is not replaced");
            loop(5, 10);
            final CaptureRingReader rx = new CaptureRingReader(region.ring(0), CAPACITY);
            final CaptureRingReader tx = new CaptureRingReader(region.ring(1), CAPACITY);
            assertEquals(5, drain(tx, 10), "tx: the packets offered");
            assertEquals(5, drain(rx, 10), "rx: the packets received");
            assertEquals(5, rx.seen());
            assertEquals(0, rx.dropped());
            c.disable();
            assertFalse(eal.port(0).hasRxTap(0));
            loop(4, 50);
            assertEquals(0, drain(rx, 0), "nothing after DISABLE");
            assertEquals(5, rx.seen());
        }
    }

    @Test
    void shouldDetachWhenTheClientGoesAway() throws Exception
    {
        final PdumpClient c = PdumpClient.connect(runtimeDir);
        try (CaptureRegion ignored = region(128, new int[] {1}, new int[] {0}, new int[] {DIRECTION_TX}))
        {
            c.enable(dir.resolve("region1"));
            assertTrue(eal.port(1).hasTxTap(0));
            c.close();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (eal.port(1).hasTxTap(0) && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
            assertFalse(eal.port(1).hasTxTap(0), "tap removed after the client disconnected");
        }
    }

    @Test
    void shouldKeepTheTapAcrossStopAndStart()
    {
        try (PdumpClient c = PdumpClient.connect(runtimeDir);
            CaptureRegion region = region(128, new int[] {0}, new int[] {0}, new int[] {DIRECTION_RX}))
        {
            c.enable(dir.resolve("region1"));
            eal.port(0).stop();
            eal.port(0).start();
            loop(2, 7);
            assertEquals(2, drain(new CaptureRingReader(region.ring(0), CAPACITY), 7));
        }
    }

    @Test
    void shouldRefuseWhatItCannotCapture()
    {
        try (PdumpClient c = PdumpClient.connect(runtimeDir); PdumpClient other = PdumpClient.connect(runtimeDir);
            CaptureRegion r1 = region(128, new int[] {0}, new int[] {0}, new int[] {DIRECTION_RX});
            CaptureRegion r2 = region(128, new int[] {0}, new int[] {0}, new int[] {DIRECTION_RX});
            CaptureRegion r3 = region(128, new int[] {0, 0}, new int[] {0, 3}, new int[] {DIRECTION_TX, DIRECTION_TX});
            CaptureRegion r4 = region(128, new int[] {7}, new int[] {0}, new int[] {DIRECTION_TX}))
        {
            c.enable(dir.resolve("region1"));
            EthDevException ex = assertThrows(EthDevException.class, () -> c.enable(dir.resolve("region2")));
            assertEquals(Errno.EBUSY, ex.errno());
            ex = assertThrows(EthDevException.class, () -> other.enable(dir.resolve("region2")));
            assertEquals(Errno.EEXIST, ex.errno(), "a second capture of the same queue");
            assertEquals("addRxTap(port=0, queue=0) failed: EEXIST - rx queue 0 already has a tap", ex.getMessage());
            ex = assertThrows(EthDevException.class, () -> other.enable(dir.resolve("region3")));
            assertEquals(Errno.EINVAL, ex.errno());
            assertFalse(eal.port(0).hasTxTap(0), "all or nothing: the tap of the good ring was removed again");
            ex = assertThrows(EthDevException.class, () -> other.enable(dir.resolve("region4")));
            assertEquals(Errno.ENODEV, ex.errno());
            ex = assertThrows(EthDevException.class, () -> other.enable(dir.resolve("nosuchfile")));
            assertEquals(Errno.EINVAL, ex.errno());
            UnsafeApi.putInt(r2.address() + CaptureRegionDescriptor.VERSION_OFFSET, 9);
            c.disable();
            ex = assertThrows(EthDevException.class, () -> other.enable(dir.resolve("region2")));
            assertTrue(ex.getMessage().endsWith("failed: EINVAL - version 9, this application speaks 1"), ex.getMessage());
        }
    }

    /**
     * An lcore forwards net_null → net_null at full speed while a client attaches and detaches again and again:
     * each detach unmaps the region the tap wrote to, so a tap still running after DISABLE would crash the JVM.
     */
    @Test
    void shouldAttachAndDetachWhileAnLcoreForwards() throws Exception
    {
        final EthDev nul = eal.port(1);
        final RxBurst rx = nul.rxQueue(0);
        final TxBurst tx = nul.txQueue(0);
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong forwarded = new AtomicLong();
        final Thread lcore = new Thread(() ->
        {
            final Mbuf[] pkts = new Mbuf[32];
            long n = 0;
            while (!stop.get())
            {
                final int got = rx.rxBurst(pkts, 0, 32);
                final int sent = tx.txBurst(pkts, 0, got);
                Mbuf.freeBulk(pkts, sent, got - sent);
                n += got;
            }
            forwarded.set(n);
        });
        lcore.start();
        try
        {
            for (int i = 0; i < 30; i++)
            {
                try (PdumpClient c = PdumpClient.connect(runtimeDir);
                    CaptureRegion region = region(64, new int[] {1, 1}, new int[] {0, 0}, new int[] {DIRECTION_RX, DIRECTION_TX}))
                {
                    c.enable(dir.resolve("region" + regions));
                    final CaptureRingReader r = new CaptureRingReader(region.ring(0), CAPACITY);
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (r.seen() == 0 && System.nanoTime() < deadline)
                    {
                        Thread.onSpinWait();
                    }
                    assertTrue(r.seen() > 0, "the running lcore's bursts reach the tap");
                    if (i % 2 == 0)
                    {
                        c.disable();
                    }
                    // odd rounds: close() without DISABLE; the application detaches when it sees the connection end
                }
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while ((nul.hasRxTap(0) || nul.hasTxTap(0)) && System.nanoTime() < deadline)
                {
                    Thread.onSpinWait();
                }
                Files.deleteIfExists(dir.resolve("region" + regions));
            }
        }
        finally
        {
            stop.set(true);
            lcore.join();
        }
        assertTrue(forwarded.get() > 0);
        assertTrue(lcore.getState() == Thread.State.TERMINATED);
    }
}
