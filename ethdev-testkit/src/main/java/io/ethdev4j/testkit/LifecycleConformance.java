package io.ethdev4j.testkit;

import io.ethdev4j.ethdev.DescLimits;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import org.junit.jupiter.api.Test;

import static io.ethdev4j.sys.Errno.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Port lifecycle (configure → queue setup → start → stop → close) with DPDK's wrong-state errors, queue setup
 * limits, and release on close.
 */
public abstract class LifecycleConformance extends PortConformanceBase
{
    // ------------------------------------------------------------------ wrong state

    @Test
    void shouldStartUnconfiguredAndStopped()
    {
        assertFalse(port.isConfigured());
        assertFalse(port.isStarted());
        assertFalse(port.isReleased());
        assertSame(port, eal.port(port.portId()));
    }

    @Test
    void shouldRejectStartBeforeConfigureWithEinval()
    {
        assertErrno(EINVAL, "start", port, port::start);
        assertFalse(port.isStarted());
    }

    @Test
    void shouldRejectQueueSetupBeforeConfigureWithEinval()
    {
        assertErrno(EINVAL, "rxQueueSetup", port, () -> port.rxQueueSetup(0, 0, pool, null));
        assertErrno(EINVAL, "txQueueSetup", port, () -> port.txQueueSetup(0, 0, null));
    }

    @Test
    void shouldRejectStartWithoutQueueSetupWithEinval()
    {
        port.configure(1, 1, null);
        final EthDevException ex = assertErrno(EINVAL, "start", port, port::start);
        assertTrue(ex.getMessage().contains("queue 0"), ex.getMessage());
        port.rxQueueSetup(0, 0, pool, null);
        assertErrno(EINVAL, "start", port, port::start);
        port.txQueueSetup(0, 0, null);
        port.start();
        assertTrue(port.isStarted());
    }

    @Test
    void shouldRejectQueueSetupWhileStartedWithEbusy()
    {
        setUp(port, 1, 1);
        port.start();
        assertErrno(EBUSY, "rxQueueSetup", port, () -> port.rxQueueSetup(0, 0, pool, null));
        assertErrno(EBUSY, "txQueueSetup", port, () -> port.txQueueSetup(0, 0, null));
        assertTrue(port.isStarted());
    }

    @Test
    void shouldRejectConfigureWhileStartedWithEbusy()
    {
        setUp(port, 1, 1);
        port.start();
        assertErrno(EBUSY, "configure", port, () -> port.configure(1, 1, null));
        assertTrue(port.isStarted());
        assertEquals(1, port.nbRxQueues());
    }

    @Test
    void shouldRejectCloseWhileStartedWithEinvalAndStayUsable()
    {
        setUp(port, 1, 1);
        port.start();
        assertErrno(EINVAL, "close", port, port::close);
        assertFalse(port.isReleased());
        assertTrue(eal.isValidPort(port.portId()));
        port.stop();
        port.start();
        assertTrue(port.isStarted());
    }

    @Test
    void shouldTreatRepeatedStartAndStopAsNoOps()
    {
        setUp(port, 1, 1);
        port.stop();
        port.start();
        port.start();
        assertTrue(port.isStarted());
        port.stop();
        port.stop();
        assertFalse(port.isStarted());
        port.start();
        assertTrue(port.isStarted());
    }

    @Test
    void shouldMoveNothingWhileStopped()
    {
        setUp(port, 1, 1);
        port.start();
        port.stop();
        // a port may hold empty rx mbufs while stopped (NIC rx rings, KNI's alloc_q): compare with that, not with 0
        final int heldByRings = pool.inUse();
        final Mbuf[] pkts = new Mbuf[8];
        assertEquals(0, port.rxBurst(0, pkts, 0, 8), "rx on a stopped port");
        assertEquals(heldByRings, pool.inUse(), "rx on a stopped port takes no mbuf from the pool");
        allocPackets(pkts, 0, 8, 0, 64);
        assertEquals(0, port.txBurst(0, pkts, 0, 8), "tx on a stopped port");
        assertEquals(heldByRings + 8, pool.inUse(), "the caller still owns refused packets");
        freeAll(pkts, 0, 8);
        final EthStats s = port.stats();
        assertEquals(0, s.opackets);
        assertEquals(0, s.ipackets);
    }

    @Test
    void shouldMoveNothingOnInvalidQueueIds()
    {
        startAll();
        final Mbuf[] pkts = new Mbuf[4];
        assertEquals(0, port.rxBurst(-1, pkts, 0, 4));
        assertEquals(0, port.rxBurst(EthDev.MAX_QUEUES_PER_PORT, pkts, 0, 4));
        assertEquals(0, port.rxBurst(1, pkts, 0, 4), "queue 1 is not configured");
        allocPackets(pkts, 0, 4, 0, 64);
        assertEquals(0, port.txBurst(1, pkts, 0, 4));
        assertEquals(0, port.txBurst(-1, pkts, 0, 4));
        freeAll(pkts, 0, 4);
    }

    @Test
    void shouldUseDefaultQueueCountsForZeroQueues()
    {
        final DevInfo info = port.info();
        port.configure(0, 0, null);
        assertTrue(port.isConfigured());
        assertEquals(info.defaultNbRxQueues > 0 ? info.defaultNbRxQueues : 1, port.nbRxQueues());
        assertEquals(info.defaultNbTxQueues > 0 ? info.defaultNbTxQueues : 1, port.nbTxQueues());
    }

    @Test
    void shouldRejectMoreQueuesThanTheDeviceHasWithEinval()
    {
        final DevInfo info = port.info();
        final int tooManyRx = info.maxRxQueues + 1;
        final EthDevException ex = assertErrno(EINVAL, "configure", port, () -> port.configure(tooManyRx, 1, null));
        assertTrue(ex.getMessage().contains(Integer.toString(tooManyRx)), "message names the value: " + ex.getMessage());
        assertErrno(EINVAL, "configure", port, () -> port.configure(1, info.maxTxQueues + 1, null));
        assertErrno(EINVAL, "configure", port, () -> port.configure(EthDev.MAX_QUEUES_PER_PORT + 1, 1, null));
        assertFalse(port.isConfigured(), "a failed first configure leaves the port unconfigured");
    }

    @Test
    void shouldNeedQueueSetupAgainAfterReconfigure()
    {
        setUp(port, 1, 1);
        port.start();
        port.stop();
        final int nq = Math.min(2, Math.min(port.info().maxRxQueues, port.info().maxTxQueues));
        port.configure(nq, nq, null);
        assertEquals(nq, port.nbRxQueues());
        assertErrno(EINVAL, "start", port, port::start);
        for (int q = 0; q < nq; q++)
        {
            port.rxQueueSetup(q, 0, pool, null);
            port.txQueueSetup(q, 0, null);
        }
        port.start();
        assertEquals(nq, port.info().nbRxQueues);
    }

    // ------------------------------------------------------------------ queue setup limits

    @Test
    void shouldRejectQueueIdsOutOfRangeWithEinval()
    {
        port.configure(1, 1, null);
        assertErrno(EINVAL, "rxQueueSetup", port, () -> port.rxQueueSetup(1, 0, pool, null));
        assertErrno(EINVAL, "rxQueueSetup", port, () -> port.rxQueueSetup(-1, 0, pool, null));
        final EthDevException ex = assertErrno(EINVAL, "txQueueSetup", port, () -> port.txQueueSetup(1, 0, null));
        assertTrue(ex.getMessage().contains("queue=1"), ex.getMessage());
        assertErrno(EINVAL, "txQueueSetup", port, () -> port.txQueueSetup(-1, 0, null));
    }

    @Test
    void shouldRejectDescriptorCountsOutsideTheLimitsWithEinval()
    {
        port.configure(1, 1, null);
        final DevInfo info = port.info();
        checkDescLimits("rxQueueSetup", info.rxDescLim, n -> port.rxQueueSetup(0, n, pool, null));
        checkDescLimits("txQueueSetup", info.txDescLim, n -> port.txQueueSetup(0, n, null));
    }

    private interface DescSetup
    {
        void setup(int nbDesc);
    }

    private void checkDescLimits(final String op, final DescLimits lim, final DescSetup setup)
    {
        assertTrue(lim.nbMin <= lim.nbMax && lim.nbAlign >= 1, op + " limits " + lim);
        final EthDevException ex = assertErrno(EINVAL, op, port, () -> setup.setup(lim.nbMax + 1));
        assertTrue(ex.getMessage().contains("nb_desc(=" + (lim.nbMax + 1) + ")"), ex.getMessage());
        if (lim.nbMin > 1)
        {
            assertErrno(EINVAL, op, port, () -> setup.setup(lim.nbMin - 1));
        }
        if (lim.nbAlign > 1 && lim.nbMin + 1 <= lim.nbMax)
        {
            assertErrno(EINVAL, op, port, () -> setup.setup(alignedAtLeast(lim, 1) + 1));
        }
        setup.setup(alignedAtLeast(lim, 1));
        setup.setup(lim.nbMax - lim.nbMax % lim.nbAlign);
    }

    private static int alignedAtLeast(final DescLimits lim, final int n)
    {
        final int v = Math.max(n, lim.nbMin);
        return (v + lim.nbAlign - 1) / lim.nbAlign * lim.nbAlign;
    }

    @Test
    void shouldUseTheRingSizeHintForZeroDescriptors()
    {
        final DevInfo info = port.info();
        setUp(port, 1, 1);
        assertEquals(info.defaultRxRingSize > 0 ? info.defaultRxRingSize : EthDev.FALLBACK_RING_SIZE, port.data().rxDesc(0));
        assertEquals(info.defaultTxRingSize > 0 ? info.defaultTxRingSize : EthDev.FALLBACK_RING_SIZE, port.data().txDesc(0));
        assertSame(pool, port.data().rxPool(0));
    }

    @Test
    void shouldRejectMissingOrClosedPoolWithEinval()
    {
        port.configure(1, 1, null);
        assertErrno(EINVAL, "rxQueueSetup", port, () -> port.rxQueueSetup(0, 0, null, null));
        final MbufPool closed = eal.createPktmbufPool("ctclosed" + port.portId() + "_" + System.nanoTime() % 100000,
            63, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        closed.close();
        assertErrno(EINVAL, "rxQueueSetup", port, () -> port.rxQueueSetup(0, 0, closed, null));
    }

    @Test
    void shouldRejectPoolWhoseDataRoomIsTooSmallWithEinval()
    {
        port.configure(1, 1, null);
        final int need = MbufDescriptor.HEADROOM + port.info().minRxBufSize;
        try (MbufPool small = eal.createPktmbufPool("ctsmall" + port.portId() + "_" + System.nanoTime() % 100000,
            63, 0, 0, need - 1))
        {
            final EthDevException ex = assertErrno(EINVAL, "rxQueueSetup", port, () -> port.rxQueueSetup(0, 0, small, null));
            assertTrue(ex.getMessage().contains(Integer.toString(need - 1)) && ex.getMessage().contains(Integer.toString(need)),
                "message names the data room and the need: " + ex.getMessage());
        }
        try (MbufPool enough = eal.createPktmbufPool("ctenough" + port.portId() + "_" + System.nanoTime() % 100000,
            63, 0, 0, Math.max(need, MbufDescriptor.HEADROOM + 64)))
        {
            port.rxQueueSetup(0, 0, enough, null);
            port.rxQueueSetup(0, 0, pool, null);
        }
    }

    @Test
    void shouldAcceptQueueSetupTwiceWhileStopped()
    {
        setUp(port, 1, 1);
        port.rxQueueSetup(0, 0, pool, null);
        port.txQueueSetup(0, 0, null);
        port.start();
        port.stop();
        port.rxQueueSetup(0, 0, pool, null);
        port.txQueueSetup(0, 0, null);
        port.start();
        assertTrue(port.isStarted());
    }

    // ------------------------------------------------------------------ close and release

    @Test
    void shouldReleaseThePortOnCloseAndAnswerEnodevAfterwards()
    {
        setUp(port, 1, 1);
        port.start();
        port.stop();
        final int id = port.portId();
        port.close();
        assertTrue(port.isReleased());
        assertFalse(eal.isValidPort(id));
        assertFalse(eal.ports().contains(port));
        assertThrows(EthDevException.class, () -> eal.port(id));
        assertEquals(ENODEV, assertThrows(EthDevException.class, () -> eal.port(id)).errno());

        assertErrno(ENODEV, "infoGet", port, port::info);
        assertErrno(ENODEV, "configure", port, () -> port.configure(1, 1, null));
        assertErrno(ENODEV, "rxQueueSetup", port, () -> port.rxQueueSetup(0, 0, pool, null));
        assertErrno(ENODEV, "txQueueSetup", port, () -> port.txQueueSetup(0, 0, null));
        assertErrno(ENODEV, "start", port, port::start);
        assertErrno(ENODEV, "stop", port, port::stop);
        assertErrno(ENODEV, "statsGet", port, port::stats);
        assertErrno(ENODEV, "statsReset", port, port::statsReset);
        assertErrno(ENODEV, "xstatsGetNames", port, port::xstatsNames);
        assertErrno(ENODEV, "linkGet", port, port::link);
        assertErrno(ENODEV, "setMtu", port, () -> port.setMtu(1500));
        assertErrno(ENODEV, "mtuGet", port, port::mtu);
        assertErrno(ENODEV, "macAddrGet", port, port::macAddr);
        assertErrno(ENODEV, "setMacAddr", port, () -> port.setMacAddr(MacAddress.parse("02:00:00:00:00:01")));
        assertErrno(ENODEV, "promiscuousEnable", port, port::promiscuousEnable);
        assertErrno(ENODEV, "promiscuousGet", port, port::isPromiscuous);
        assertErrno(ENODEV, "allmulticastEnable", port, port::allmulticastEnable);
        assertErrno(ENODEV, "setLinkUp", port, port::setLinkUp);

        final Mbuf[] pkts = new Mbuf[4];
        assertEquals(0, port.rxBurst(0, pkts, 0, 4), "bursts on a closed port move nothing");
        port.close();
        assertTrue(port.isReleased(), "a second close is a no-op");
    }

    @Test
    void shouldCloseAConfiguredButNeverStartedPort()
    {
        setUp(port, 1, 1);
        port.close();
        assertTrue(port.isReleased());
    }

    @Test
    void shouldFreeMbufsHeldByTheDeviceOnClose()
    {
        assumeLoopbackOrSink();
        startAll();
        final int heldByRings = pool.inUse();
        final Mbuf[] pkts = new Mbuf[64];
        allocPackets(pkts, 0, 64, 0, 100);
        final int sent = port.txBurst(0, pkts, 0, 64);
        assertEquals(64, sent);
        if (has(Capability.TX_SINK))
        {
            // a sink holds nothing after tx: close has nothing of these to free, and frees what rx queues hold
            assertEquals(heldByRings, pool.inUse(), "a sink frees every mbuf it took before tx returns");
            port.stop();
            port.close();
            assertEquals(0, pool.inUse(), "close must free the mbufs the device still holds");
            return;
        }
        // a driver may free what it has already sent within the tx call itself (rte_kni_tx_burst frees free_q after
        // its put, net_tap after its write): at most what it accepted is still held, never more
        final int held = pool.inUse() - heldByRings;
        assertTrue(held >= 0 && held <= 64, "the device holds at most what it accepted: " + held + " of 64");
        port.stop();
        if (fixture.hasSeparatePeer())
        {
            peer.stop();
            peer.close();
        }
        port.close();
        assertEquals(0, pool.inUse(), "close must free the mbufs the device still holds");
    }

    @Test
    void shouldDetachOnlyAStoppedPort()
    {
        setUp(port, 1, 1);
        port.start();
        final EthDevException ex = assertThrows(EthDevException.class, () -> eal.detach(port.portId()));
        assertEquals(EBUSY, ex.errno());
        port.stop();
        eal.detach(port.portId());
        assertTrue(port.isReleased());
        assertFalse(eal.isValidPort(port.portId()));
    }

    @Test
    void shouldResetOrReportEnotsupLeavingThePortUsable()
    {
        startAll();
        if (has(Capability.RESET))
        {
            port.reset();
            assertFalse(port.isStarted());
            assertErrno(EINVAL, "start", port, port::start);
            setUp(port, 1, 1);
            port.start();
        }
        else
        {
            assertErrno(ENOTSUP, "reset", port, port::reset);
            port.start();
            assertTrue(port.isStarted(), "a port whose driver has no reset is still configured and set up");
        }
        final Mbuf[] pkts = new Mbuf[4];
        allocPackets(pkts, 0, 4, 0, 64);
        final int sent = port.txBurst(0, pkts, 0, 4);
        freeAll(pkts, sent, 4 - sent);
    }
}
