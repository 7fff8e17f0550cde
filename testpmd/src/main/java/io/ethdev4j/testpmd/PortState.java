package io.ethdev4j.testpmd;

import io.ethdev4j.ethdev.EthStats;

/**
 * What testpmd remembers per port (a slice of DPDK's struct rte_port): whether it must be configured again before
 * its next start, the counters at {@code start} (forward statistics are deltas against them) and those at the last
 * {@code show port stats} (the "since last show" rates). Control thread only.
 */
public final class PortState
{
    long prevNs;
    long prevRxPkts;
    long prevTxPkts;
    long prevRxBytes;
    long prevTxBytes;
    /** Stats at `start` (fwd stats are deltas against them). */
    final EthStats atStart = new EthStats();
    /** Configure (queues, MTU) before the next start: new port, changed queue counts, reset. */
    boolean needReconfig = true;

    /** `clear port stats`: rates and the stop deltas restart from zero. */
    void atStartReset()
    {
        atStart.clear();
        prevNs = 0;
        prevRxPkts = prevTxPkts = prevRxBytes = prevTxBytes = 0;
    }
}
