package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.Mbuf;

import static io.ethdev4j.testpmd.fwd.Headers.*;

/**
 * csum (app/test-pmd/csumonly.c), as it runs on a port without checksum offloads: the MACs are rewritten as mac
 * does (destination the peer, source the tx port), then past VLAN/QinQ tags the IPv4 header checksum and the TCP
 * checksum, and the UDP checksum unless it is 0 (no checksum), are computed in software over IPv4 or IPv6 (no
 * extension headers). Tunnels are not parsed and SCTP's CRC is left as it is; headers and data that are not all
 * in the first segment are left as they are. No allocation per packet.
 */
public final class CsumFwd extends FwdEngine
{
    static final int TCP_CKSUM_OFFSET = 16;
    static final int TCP_MIN_HDR_LEN = 20;
    static final int UDP_CKSUM_OFFSET = 6;
    static final int UDP_HDR_LEN = 8;

    public CsumFwd()
    {
        super("csum");
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
            if (m.dataLen() >= ETHER_HDR_LEN)
            {
                m.putIntBE(0, dstHi);
                m.putShortBE(4, dstLo);
                m.putShortBE(6, srcHi);
                m.putIntBE(8, srcLo);
                checksums(m);
            }
        }
        FwdStream.sendOrDrop(fs, fs.tx, pkts, n);
    }

    /** The IPv4 header and TCP/UDP checksums of {@code m}, in software. Hot path. */
    static void checksums(final Mbuf m)
    {
        final int len = m.dataLen();
        int off = ETHER_HDR_LEN;
        int type = m.getShortBE(12) & 0xFFFF;
        while ((type == ETHER_TYPE_VLAN || type == ETHER_TYPE_QINQ) && off + VLAN_HDR_LEN <= len)
        {
            type = m.getShortBE(off + 2) & 0xFFFF;
            off += VLAN_HDR_LEN;
        }
        final int l3 = off;
        final int proto;
        final int l4;
        final int l4Len;
        final long pseudo;
        if (type == ETHER_TYPE_IPV4 && l3 + IPV4_MIN_HDR_LEN <= len)
        {
            final int ihl = (m.getByte(l3) & 0x0F) << 2;
            if (ihl < IPV4_MIN_HDR_LEN || l3 + ihl > len)
            {
                return;
            }
            m.putShortBE(l3 + IPV4_CKSUM_OFFSET, 0);
            m.putShortBE(l3 + IPV4_CKSUM_OFFSET, ~fold(sum(m, l3, ihl, 0)) & 0xFFFF);
            proto = m.getByte(l3 + IPV4_PROTO_OFFSET) & 0xFF;
            l4 = l3 + ihl;
            l4Len = (m.getShortBE(l3 + IPV4_TOTAL_LEN_OFFSET) & 0xFFFF) - ihl;
            pseudo = sum(m, l3 + IPV4_SRC_OFFSET, 8, 0) + proto + (l4Len & 0xFFFF);
        }
        else if (type == ETHER_TYPE_IPV6 && l3 + IPV6_HDR_LEN <= len)
        {
            proto = m.getByte(l3 + IPV6_PROTO_OFFSET) & 0xFF;
            l4 = l3 + IPV6_HDR_LEN;
            l4Len = m.getShortBE(l3 + IPV6_PAYLOAD_LEN_OFFSET) & 0xFFFF;
            pseudo = sum(m, l3 + IPV6_SRC_OFFSET, 32, 0) + proto + l4Len;
        }
        else
        {
            return;
        }
        if (l4Len <= 0 || l4 + l4Len > len)
        {
            return;
        }
        if (proto == IPPROTO_UDP && l4Len >= UDP_HDR_LEN && m.getShortBE(l4 + UDP_CKSUM_OFFSET) != 0)
        {
            m.putShortBE(l4 + UDP_CKSUM_OFFSET, 0);
            final int c = ~fold(sum(m, l4, l4Len, pseudo)) & 0xFFFF;
            m.putShortBE(l4 + UDP_CKSUM_OFFSET, c == 0 ? 0xFFFF : c);
        }
        else if (proto == IPPROTO_TCP && l4Len >= TCP_MIN_HDR_LEN)
        {
            m.putShortBE(l4 + TCP_CKSUM_OFFSET, 0);
            m.putShortBE(l4 + TCP_CKSUM_OFFSET, ~fold(sum(m, l4, l4Len, pseudo)) & 0xFFFF);
        }
    }

    /** The one's-complement sum of {@code n} bytes from {@code off} (an odd last byte padded with zero), plus {@code acc}. */
    static long sum(final Mbuf m, final int off, final int n, final long acc)
    {
        long s = acc;
        int i = 0;
        for (; i + 4 <= n; i += 4)
        {
            s += m.getIntBE(off + i) & 0xFFFF_FFFFL;
        }
        for (; i + 2 <= n; i += 2)
        {
            s += m.getShortBE(off + i) & 0xFFFF;
        }
        if (i < n)
        {
            s += (m.getByte(off + i) & 0xFF) << 8;
        }
        return s;
    }

    static int fold(final long sum)
    {
        long s = sum;
        while ((s >>> 16) != 0)
        {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int)s;
    }
}
