package io.ethdev4j.ethdev;

import io.ethdev4j.mbuf.Mbuf;

/**
 * The tx burst function {@link EthDev#start()} installs: the queue's tap when one is installed (rte_eth_tx_burst's
 * {@code pre_tx_burst_cbs}: the packets offered, seen before the driver owns and perhaps frees them), then the
 * driver's queue. Without a tap the cost is one load and one branch per burst.
 */
final class TappedTxBurst implements TxBurst
{
    private final TxBurst queue;
    private final TapSlot slot;

    TappedTxBurst(final TxBurst queue, final TapSlot slot)
    {
        this.queue = queue;
        this.slot = slot;
    }

    @Override
    public int txBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        if (slot.tap != null)
        {
            slot.run(pkts, offset, nbPkts);
        }
        return queue.txBurst(pkts, offset, nbPkts);
    }
}
