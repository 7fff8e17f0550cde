package io.ethdev4j.vm.guest;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The life of a port on Linux's vfio-pci, each step followed by frames passing between the guest's two wired igb
 * ports: stop/start and reset; close while the other port goes on; testpmd's close, detach and re-attach; the
 * device handed to a second process once the first has closed it; and a process killed with SIGKILL while it
 * forwards, after which the IOMMU groups must be usable again at once.
 */
class VfioLifecycleGuestTest extends WiredPairGuestTest
{
    private static final long CHILD_EXIT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);
    /** After SIGKILL the kernel may need a moment to release the group: retry opening for at most this long. */
    private static final long REOPEN_RETRY_NS = TimeUnit.SECONDS.toNanos(2);


    /** EAL options opening the two wired ports, one lcore, 4 KiB pages. */
    private String[] eal()
    {
        // --no-shconf: two processes on the default prefix would meet on its config lock first; what these tests
        // check is the kernel's own refusal of a VFIO group another process holds
        return new String[] {"-l", "0", "--no-huge", "-m", "64", "--no-shconf", "-a", ports[0], "-a", ports[1]};
    }

    @Test
    void shouldPassTrafficAfterStopStartResetAndTheOtherPortsClose()
    {
        try (Eal eal = Eal.init(eal()))
        {
            final WirePair wire = new WirePair(eal, "lifecycle");
            final int inUse = wire.pool.inUse();
            wire.startBoth();
            wire.exchangeBothWays(32);

            for (final EthDev d : wire.ports)
            {
                d.stop();
            }
            assertEquals(inUse, wire.pool.inUse(), "stop must return every mbuf the rings held");
            wire.startBoth();
            wire.exchangeBothWays(32);

            // reset: stop, hardware reset (CTRL.RST, PHY autonegotiation again); the port must be configured again
            for (final EthDev d : wire.ports)
            {
                d.reset();
                assertFalse(d.isConfigured(), "a reset port must be configured again");
            }
            assertEquals(inUse, wire.pool.inUse(), "reset must return every mbuf the rings held");
            wire.startBoth();
            wire.exchangeBothWays(32);

            // closing port 0 must release port 0 only: port 1 (same container, same pool) goes on, and its DMA
            // reaches memory still mapped for it (port 0 mapped the pool first; a DMAR fault would say otherwise)
            wire.ports[0].stop();
            wire.ports[0].close();
            final EthDev p1 = wire.ports[1];
            assertEquals(32, wire.transmit(1, 32), "frames port 1 sent after port 0 was closed");
            assertEquals(List.of(), dmaFaultsSoFar(), "port 1's DMA after port 0 was closed");

            p1.stop();
            assertEquals(inUse, wire.pool.inUse(), "mbufs leaked over stop/start/reset/close");
        }
    }

    @Test
    void shouldForwardAgainAfterTestPmdClosesDetachesAndReattachesAPort()
    {
        final String[] argv = {"-l", "0-1", "--no-huge", "-m", "256", "-a", ports[0], "-a", ports[1], "--", "-i",
            "--total-num-mbufs=8192"};
        try (TestPmdSession s = TestPmdSession.start(argv))
        {
            s.assertIoForwarding(1, 1000);

            // the DPDK sequence: stop, close, detach (after close the port id is already free), attach, start
            assertTrue(s.command("port stop 0").contains("Done"), s.transcript());
            assertTrue(s.command("port close 0").contains("Port 0 is closed"), s.transcript());
            s.command("port detach 0");
            String out = s.command("port attach " + ports[0]);
            assertTrue(out.contains("Port 0 is attached. Now total ports is 2"), out + "\n" + s.transcript());
            out = s.command("port start all");
            assertTrue(out.contains("Configuring Port 0"), out + "\n" + s.transcript());
            s.assertIoForwarding(1, 1000);

            // detach of a stopped, not closed port closes it on the way; the other port this time
            s.command("port stop 1");
            assertTrue(s.command("port detach 1").contains("Device is detached"), s.transcript());
            assertTrue(s.command("port attach " + ports[1]).contains("Port 1 is attached. Now total ports is 2"),
                s.transcript());
            s.command("port start 1");
            s.assertIoForwarding(1, 1000);
            s.assertNoMbufLeak();
        }
    }

    @Test
    void shouldHandThePortsToAnotherProcessOnlyOnceTheirOwnerClosedThem()
    {
        final Eal eal = Eal.init(eal());
        try (ChildJvm child = ChildJvm.start(PortOwnerMain.class.getName(), eal()))
        {
            try
            {
                final WirePair wire = new WirePair(eal, "first-owner");
                wire.startBoth();
                wire.exchangeBothWays(32);
                // while this process holds the groups, the kernel refuses them to the other one
                final String busy = child.await("^BUSY .*$", ChildJvm.START_TIMEOUT_NS).group();
                assertTrue(busy.contains("another process (a VM, DPDK) holds this group"), busy);
            }
            finally
            {
                eal.close();
            }
            child.send("retry");
            child.await("^CLOSED$", CHILD_EXIT_TIMEOUT_NS);
            assertEquals(0, child.awaitExit(CHILD_EXIT_TIMEOUT_NS), child.output());
            assertTrue(child.output().contains("OPENED 2 ports") && child.output().contains("TRAFFIC OK"),
                child.output());
        }
        finally
        {
            eal.close();
        }
    }

    @Test
    void shouldReuseThePortsAtOnceAfterTheirOwnerWasKilledWhileForwarding()
    {
        final String[] testpmd = {"-l", "0-1", "--no-huge", "-m", "256", "-a", ports[0], "-a", ports[1], "--",
            "--tx-first", "--total-num-mbufs=8192", "--stats-period=1"};
        try (ChildJvm child = ChildJvm.start("io.ethdev4j.testpmd.TestPmd", testpmd))
        {
            // the stats screen every second: wait until both ports have received (it forwards, DMA in flight)
            child.await("NIC statistics for port 1 +#+\\s+RX-packets: [1-9]", ChildJvm.START_TIMEOUT_NS);
            child.await("NIC statistics for port 0 +#+\\s+RX-packets: [1-9]", TimeUnit.SECONDS.toNanos(10));
            child.kill();
            assertEquals(137, child.process().exitValue(), "killed by SIGKILL");
        }
        final long t0 = System.nanoTime();
        Eal eal = null;
        int attempts = 0;
        EthDevException last = null;
        while (eal == null && System.nanoTime() - t0 < REOPEN_RETRY_NS)
        {
            attempts++;
            try
            {
                eal = Eal.init(eal());
            }
            catch (final EthDevException ex)
            {
                if (ex.errno() != Errno.EBUSY)
                {
                    throw ex;
                }
                last = ex;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
        final long reopenMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertNotNull(eal, "the ports were still busy " + reopenMs + " ms after the owner was killed: " + last);
        System.out.println("VFIO groups reusable " + reopenMs + " ms after SIGKILL (" + attempts + " attempt(s))");
        try
        {
            final WirePair wire = new WirePair(eal, "after-kill");
            final int inUse = wire.pool.inUse();
            wire.startBoth();
            wire.exchangeBothWays(32);
            wire.ports[0].stop();
            wire.ports[1].stop();
            assertEquals(inUse, wire.pool.inUse(), "mbufs leaked");
        }
        finally
        {
            eal.close();
        }
    }
}
