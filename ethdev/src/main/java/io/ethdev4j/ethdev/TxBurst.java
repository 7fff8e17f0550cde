package io.ethdev4j.ethdev;

import io.ethdev4j.mbuf.Mbuf;

/**
 * A transmit queue's burst function (rte_eth_tx_burst), chosen when the port starts. One lcore per queue.
 * Hot path: never throws, never allocates.
 */
public interface TxBurst
{
    /**
     * Sends {@code pkts[offset .. offset + nbPkts)} in order. The driver owns (and eventually frees) the first
     * {@code n} returned; the caller keeps the rest.
     *
     * @return the number accepted, 0..nbPkts
     */
    int txBurst(Mbuf[] pkts, int offset, int nbPkts);
}
