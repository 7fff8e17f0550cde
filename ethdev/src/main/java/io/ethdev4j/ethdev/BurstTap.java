package io.ethdev4j.ethdev;

import io.ethdev4j.mbuf.Mbuf;

/**
 * An observer of one queue's bursts (DPDK's rx/tx callbacks, as {@code lib/pdump} uses them): installed with
 * {@link EthDev#addRxTap} / {@link EthDev#addTxTap} while the port runs, called by the lcore polling the queue with
 * the packets of each burst: after the driver's rx burst with what it received, before the driver's tx burst with
 * what the application offers (a tx driver may free packets at once, so they are seen before it takes them).
 * <p>
 * A tap only reads the packets: it must not free, keep or change them. Hot path: it never throws, never blocks and
 * allocates nothing; work it cannot do at once (a full capture ring) it counts and drops.
 */
public interface BurstTap
{
    /** Sees {@code pkts[offset .. offset + n)}, {@code n > 0}. */
    void tap(Mbuf[] pkts, int offset, int n);
}
