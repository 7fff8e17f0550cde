package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.Mbuf;

/** mac: destination MAC = the peer of the tx port, source MAC = the tx port's (app/test-pmd/macfwd.c). */
public final class MacFwd extends FwdEngine
{
    public MacFwd()
    {
        super("mac");
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
        final int dstHi = (int)(fs.peerMac >>> 16);
        final int dstLo = (int)fs.peerMac & 0xFFFF;
        final int srcHi = (int)(fs.txPortMac >>> 32) & 0xFFFF;
        final int srcLo = (int)fs.txPortMac;
        for (int i = 0; i < n; i++)
        {
            final Mbuf m = pkts[i];
            m.putIntBE(0, dstHi);
            m.putShortBE(4, dstLo);
            m.putShortBE(6, srcHi);
            m.putIntBE(8, srcLo);
        }
        FwdStream.sendOrDrop(fs, fs.tx, pkts, n);
    }
}
