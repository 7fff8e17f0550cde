package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.Mbuf;

/** rxonly: receive and free (app/test-pmd/rxonly.c). */
public final class RxOnlyFwd extends FwdEngine
{
    public RxOnlyFwd()
    {
        super("rxonly");
    }

    @Override
    public void forward(final FwdStream fs)
    {
        final Mbuf[] pkts = fs.pkts;
        final int n = fs.rx.rxBurst(pkts, 0, fs.burst);
        if (n == 0)
        {
            return;
        }
        fs.rxPackets += n;
        Mbuf.freeBulk(pkts, 0, n);
    }
}
