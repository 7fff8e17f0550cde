package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;

/**
 * txonly: sends bursts of one fixed UDP frame (app/test-pmd/txonly.c): Eth(src = tx port MAC, dst = peer) /
 * IPv4 198.18.0.1 → 198.18.0.2, TTL 64 / UDP 9 → 9, {@code --txpkts} bytes (64 by default). With several
 * {@code --txpkts} / {@code set txpkts} lengths each frame is a chain of that many mbufs of those lengths
 * (pkt_burst_prepare); with {@code set txsplit rand}, of 1..n of them at random, its IP and UDP lengths and IP
 * checksum those of the shorter frame (update_pkt_header).
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
        // a segment holds at most the pool's data room after the headroom: longer ones are cut there
        final int room = fs.pool.dataRoomSize() - MbufDescriptor.HEADROOM;
        fs.template = PacketTemplate.udp(Math.min(p.txPktLen, room), fs.peerMac, fs.txPortMac, p.txIpSrc, p.txIpDst,
            p.txUdpSrc, p.txUdpDst);
        if (fs.template.length > room)
        {
            fs.template = java.util.Arrays.copyOf(fs.template, room);
        }
        fs.txSegs = p.txSegs.clone();
        for (int i = 0; i < fs.txSegs.length; i++)
        {
            fs.txSegs[i] = Math.min(fs.txSegs[i], room);
        }
        fs.txSplitRand = p.txSplitRand;
        fs.segTemplates = null;
        fs.segBuf = null;
        final int k = fs.txSegs.length;
        if (k > 1)
        {
            fs.segTemplates = new byte[k + 1][];
            int len = 0;
            for (int n = 1; n <= k; n++)
            {
                len += fs.txSegs[n - 1];
                final byte[] full = PacketTemplate.udp(len, fs.peerMac, fs.txPortMac, p.txIpSrc, p.txIpDst, p.txUdpSrc,
                    p.txUdpDst);
                // a frame shorter than its headers is cut to its length (DPDK writes past it)
                fs.segTemplates[n] = full.length == len ? full : java.util.Arrays.copyOf(full, len);
            }
            fs.segBuf = new Mbuf[fs.pkts.length * (k - 1)];
            fs.rand = 0x9E37_79B9_7F4A_7C15L ^ ((long)fs.txPort << 32 | fs.txQueue);
        }
    }

    @Override
    public void forward(final FwdStream fs)
    {
        sendBurst(fs);
    }

    /** One generated burst (also what {@code start tx_first} sends before the real engine runs). */
    public static void sendBurst(final FwdStream fs)
    {
        if (fs.segTemplates != null)
        {
            sendSegmented(fs);
            return;
        }
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

    /** A burst of chained frames: the first segments from {@code pkts}, the later ones from {@code segBuf}. */
    private static void sendSegmented(final FwdStream fs)
    {
        final Mbuf[] pkts = fs.pkts;
        final Mbuf[] more = fs.segBuf;
        final int[] segs = fs.txSegs;
        final int k = segs.length;
        final int n = fs.burst;
        if (fs.pool.allocBulk(pkts, 0, n) == 0)
        {
            return;
        }
        if (fs.pool.allocBulk(more, 0, n * (k - 1)) == 0)
        {
            Mbuf.freeBulk(pkts, 0, n);
            return;
        }
        final int port = fs.txPort;
        int spare = 0;
        for (int i = 0; i < n; i++)
        {
            int nb = k;
            if (fs.txSplitRand)
            {
                long x = fs.rand;
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                fs.rand = x;
                nb = (int)Long.remainderUnsigned(x, k) + 1;
            }
            final byte[] t = fs.segTemplates[nb];
            final Mbuf first = pkts[i];
            Mbuf seg = first;
            int off = 0;
            for (int s = 0; s < nb; s++)
            {
                if (s > 0)
                {
                    final Mbuf next = more[spare++];
                    seg.next(next);
                    seg = next;
                }
                final int len = segs[s];
                final int copy = Math.max(0, Math.min(len, t.length - off));
                if (copy > 0)
                {
                    seg.copyFrom(t, off, 0, copy);
                }
                seg.dataLen(len);
                off += len;
            }
            seg.next(null);
            first.nbSegs(nb);
            first.pktLen(off);
            first.port(port);
        }
        if (spare < n * (k - 1))
        {
            Mbuf.freeBulk(more, spare, n * (k - 1) - spare);
        }
        FwdStream.sendOrDrop(fs, fs.tx, pkts, n);
    }
}
