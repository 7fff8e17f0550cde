package io.ethdev4j.ethdev;

import io.ethdev4j.mbuf.Mbuf;

/**
 * The rx burst function {@link EthDev#start()} installs: the driver's queue, then the queue's tap when one is
 * installed (rte_eth_rx_burst's {@code post_rx_burst_cbs}). Without a tap the cost is one load and one branch per
 * burst.
 */
final class TappedRxBurst implements RxBurst
{
    private final RxBurst queue;
    private final TapSlot slot;

    TappedRxBurst(final RxBurst queue, final TapSlot slot)
    {
        this.queue = queue;
        this.slot = slot;
    }

    @Override
    public int rxBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        final int n = queue.rxBurst(pkts, offset, nbPkts);
        if (slot.tap != null)
        {
            slot.run(pkts, offset, n);
        }
        return n;
    }
}
