package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.mbuf.Mbuf;

/**
 * {@code --latencystats}: a stream's rx burst that notes when it returned packets (one System.nanoTime per
 * non-empty burst, as DPDK's latencystats rx callback takes one timestamp per burst), for
 * {@link FwdStream#sendOrDrop} to record the rx→tx latency. Installed in place of the stream's rx by the control
 * thread at start, only when the option is on, so the forwarding call site stays monomorphic without it.
 */
public final class LatencyRxBurst implements RxBurst
{
    private final RxBurst rx;
    private final FwdStream fs;

    public LatencyRxBurst(final RxBurst rx, final FwdStream fs)
    {
        this.rx = rx;
        this.fs = fs;
    }

    @Override
    public int rxBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        final int n = rx.rxBurst(pkts, offset, nbPkts);
        if (n != 0)
        {
            fs.rxNs = System.nanoTime();
        }
        return n;
    }
}
