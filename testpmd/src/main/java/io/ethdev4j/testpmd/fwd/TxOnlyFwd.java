package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.Mbuf;

/**
 * txonly: sends bursts of one fixed UDP frame (app/test-pmd/txonly.c): Eth(src = tx port MAC, dst = peer) /
 * IPv4 198.18.0.1 → 198.18.0.2, TTL 64 / UDP 9 → 9, {@code --txpkts} bytes (64 by default).
 */
public final class TxOnlyFwd extends FwdEngine
{
    public TxOnlyFwd()
    {
        super("txonly");
    }

    @Override
    public void streamInit(final FwdStream fs, final FwdParams p)
    {
        fs.template = PacketTemplate.udp(p.txPktLen, fs.peerMac, fs.txPortMac, p.txIpSrc, p.txIpDst, p.txUdpSrc,
            p.txUdpDst);
    }

    @Override
    public void forward(final FwdStream fs)
    {
        sendBurst(fs);
    }

    /** One generated burst (also what {@code start tx_first} sends before the real engine runs). */
    public static void sendBurst(final FwdStream fs)
    {
        final Mbuf[] pkts = fs.pkts;
        final int n = fs.burst;
        if (fs.pool.allocBulk(pkts, 0, n) == 0)
        {
            return;
        }
        final byte[] t = fs.template;
        final int len = t.length;
        final int port = fs.txPort;
        for (int i = 0; i < n; i++)
        {
            final Mbuf m = pkts[i];
            m.copyFrom(t, 0, 0, len);
            m.setLength(len);
            m.port(port);
        }
        FwdStream.sendOrDrop(fs, fs.tx, pkts, n);
    }
}
