package io.ethdev4j.ethdev;

import io.ethdev4j.mbuf.Mbuf;

/**
 * A receive queue's burst function (rte_eth_rx_burst), chosen when the port starts. One lcore per queue.
 * Hot path: never throws, never allocates.
 */
public interface RxBurst
{
    /**
     * Receives up to {@code nbPkts} packets into {@code pkts[offset .. offset + n)}.
     *
     * @return the number received, 0..nbPkts
     */
    int rxBurst(Mbuf[] pkts, int offset, int nbPkts);
}
