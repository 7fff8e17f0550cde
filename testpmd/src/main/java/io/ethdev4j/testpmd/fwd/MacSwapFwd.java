package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.Mbuf;

/** macswap: swap source and destination MAC (app/test-pmd/macswap.c). */
public final class MacSwapFwd extends FwdEngine
{
    public MacSwapFwd()
    {
        super("macswap");
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
        for (int i = 0; i < n; i++)
        {
            swapMacs(pkts[i]);
        }
        FwdStream.sendOrDrop(fs, fs.tx, pkts, n);
    }

    static void swapMacs(final Mbuf m)
    {
        final int d0 = m.getIntBE(0);
        final int d1 = m.getShortBE(4);
        final int s0 = m.getShortBE(6);
        final int s1 = m.getIntBE(8);
        m.putShortBE(0, s0);
        m.putIntBE(2, s1);
        m.putIntBE(6, d0);
        m.putShortBE(10, d1);
    }
}
