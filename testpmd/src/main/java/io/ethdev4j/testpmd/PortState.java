package io.ethdev4j.testpmd;

import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.MacAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * What testpmd remembers per port (a slice of DPDK's struct rte_port): whether it must be configured again before
 * its next start, the counters at {@code start} (forward statistics are deltas against them) and those at the last
 * {@code show port stats} (the "since last show" rates), and the settings the shell gives it: its rx/tx offloads
 * (dev_conf.rxmode/txmode.offloads, applied at each configure), csum's parse-tunnel, the tx VLAN ids, the multicast
 * addresses it filters (mc_addr_pool). Control thread only.
 */
public final class PortState
{
    /** dev_conf.rxmode.offloads / txmode.offloads: what the port is configured with. */
    public long rxOffloads;
    public long txOffloads;
    /** csum parse-tunnel. */
    public boolean parseTunnel;
    /** tx_vlan set: the VLAN id (and outer one for QinQ) inserted on transmit. */
    public int txVlanId;
    public int txVlanIdOuter;
    /** mcast_addr add: the multicast addresses given to the port, in the order added. */
    public final List<MacAddress> mcAddrs = new ArrayList<>();
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
