package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.Mbuf;

/** io: rx burst → tx burst unchanged (app/test-pmd/iofwd.c). */
public final class IoFwd extends FwdEngine
{
    public IoFwd()
    {
        super("io");
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
        FwdStream.sendOrDrop(fs, fs.tx, pkts, n);
    }
}
