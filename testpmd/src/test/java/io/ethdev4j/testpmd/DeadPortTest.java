package io.ethdev4j.testpmd;

import io.ethdev4j.testpmd.deadpmd.DeadPortPmdProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 defect: {@code show port stats all} and {@code stop} stopped at the first port whose device died. They
 * report that port's error as DPDK does (nic_stats_display / fwd_stats_display) and go on with the others.
 */
class DeadPortTest
{
    @Test
    void shouldReportADeadPortAndGoOnWithTheOthers()
    {
        DeadPortPmdProvider.kill();
        try
        {
            final Sessions s = Sessions.runRaw("show port stats all\nstart\nstop\nquit\n", "--no-huge", "-m", "512",
                "--no-pci", "--vdev", "net_deadtest0", "--vdev", "net_null1", "-l", "0-1", "--",
                "--total-num-mbufs=16384", "-i");
            assertEquals(0, s.rc, s.err);
            assertTrue(s.err.contains("nic_stats_display: Error: failed to get stats (port 0): -5"), s.err);
            assertTrue(s.out.contains("  ######################## NIC statistics for port 1  ########################\n"),
                s.out);
            assertTrue(s.err.contains("fwd_stats_display: Error: failed to get stats (port 0): -5"), s.err);
            assertTrue(s.out.contains("  ---------------------- Forward statistics for port 1  ----------------------\n"),
                s.out);
            assertTrue(s.out.contains("  +++++++++++++++ Accumulated forward statistics for all ports+++++++++++++++\n"),
                s.out);
            assertTrue(s.out.contains("\nDone.\n"), s.out);
            assertTrue(s.out.endsWith("\nBye...\n"), s.out);
        }
        finally
        {
            DeadPortPmdProvider.revive();
        }
    }
}
