package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.Mbuf;

/**
 * flowgen: sends UDP frames over {@code --flowgen-flows} (1024) flows 198.18.0.0 → 198.19.0.0+flow, UDP
 * 1000 → 1001; received packets are counted and dropped (app/test-pmd/flowgen.c).
 * <p>
 * DPDK's flowgen uses 10.254/16 → 10.253/16 instead. We keep generated traffic inside the benchmarking range
 * 198.18.0.0/15 (RFC 2544), so flowgen on a KNI or TAP-backed port never addresses a real private network.
 */
public final class FlowGenFwd extends FwdEngine
{
    static final int IP_SRC = (198 << 24) | (18 << 16);
    static final int IP_DST = (198 << 24) | (19 << 16);
    private int flows = 1024;

    public FlowGenFwd()
    {
        super("flowgen");
    }

    @Override
    public void streamInit(final FwdStream fs, final FwdParams p)
    {
        flows = p.flowgenFlows;
        fs.template = PacketTemplate.udp(p.txPktLen, fs.peerMac, fs.txPortMac, IP_SRC, IP_DST, 1000, 1001);
        fs.flowIndex = 0;
    }

    @Override
    public void forward(final FwdStream fs)
    {
        final Mbuf[] pkts = fs.pkts;
        final int nrx = fs.rx.rxBurst(pkts, 0, fs.burst);
        if (nrx > 0)
        {
            fs.rxPackets += nrx;
            Mbuf.freeBulk(pkts, 0, nrx);
        }
        final int n = fs.burst;
        if (fs.pool.allocBulk(pkts, 0, n) == 0)
        {
            return;
        }
        final byte[] t = fs.template;
        final int len = t.length;
        final int baseCksum = ((t[PacketTemplate.IP_CKSUM_OFFSET] & 0xFF) << 8) | (t[PacketTemplate.IP_CKSUM_OFFSET + 1] & 0xFF);
        int flow = fs.flowIndex;
        final int nbFlows = flows;
        for (int i = 0; i < n; i++)
        {
            final Mbuf m = pkts[i];
            m.copyFrom(t, 0, 0, len);
            m.setLength(len);
            m.port(fs.txPort);
            m.putIntBE(PacketTemplate.IP_DST_OFFSET, IP_DST + flow);
            // RFC 1624 incremental update: the template's checksum covers IP_DST (+0); add the flow index
            int sum = (~baseCksum & 0xFFFF) + (flow & 0xFFFF) + (flow >>> 16);
            sum = (sum & 0xFFFF) + (sum >>> 16);
            sum = (sum & 0xFFFF) + (sum >>> 16);
            m.putShortBE(PacketTemplate.IP_CKSUM_OFFSET, ~sum & 0xFFFF);
            flow = flow + 1 >= nbFlows ? 0 : flow + 1;
        }
        fs.flowIndex = flow;
        FwdStream.sendOrDrop(fs, fs.tx, pkts, n);
    }
}
