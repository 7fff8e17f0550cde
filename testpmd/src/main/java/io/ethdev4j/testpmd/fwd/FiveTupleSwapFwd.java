package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.Mbuf;

import static io.ethdev4j.testpmd.fwd.Headers.*;

/**
 * 5tswap (app/test-pmd/5tswap.c): swaps source and destination of layers 2, 3 and 4 — MAC addresses, then past any
 * VLAN/QinQ tags the IPv4 or IPv6 addresses, then the UDP or TCP ports — stopping at the first layer it does not
 * know, and sends the packets back out. Headers that do not fit in the first segment are left as they are.
 */
public final class FiveTupleSwapFwd extends FwdEngine
{
    /** TCP and UDP: source port at 0, destination port at 2. */
    static final int L4_PORTS_LEN = 4;

    public FiveTupleSwapFwd()
    {
        super("5tswap");
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
            swap(pkts[i]);
        }
        FwdStream.sendOrDrop(fs, fs.tx, pkts, n);
    }

    /** Swaps what it can of the 5-tuple of {@code m} in place. Hot path: no allocation. */
    static void swap(final Mbuf m)
    {
        final int len = m.dataLen();
        if (len < ETHER_HDR_LEN)
        {
            return;
        }
        MacSwapFwd.swapMacs(m);
        int off = ETHER_HDR_LEN;
        int proto = m.getShortBE(12) & 0xFFFF;
        while ((proto == ETHER_TYPE_VLAN || proto == ETHER_TYPE_QINQ) && off + VLAN_HDR_LEN <= len)
        {
            proto = m.getShortBE(off + 2) & 0xFFFF;
            off += VLAN_HDR_LEN;
        }
        final int next;
        if (proto == ETHER_TYPE_IPV4 && off + IPV4_MIN_HDR_LEN <= len)
        {
            swapInts(m, off + IPV4_SRC_OFFSET, off + IPV4_SRC_OFFSET + 4);
            next = m.getByte(off + IPV4_PROTO_OFFSET) & 0xFF;
            off += (m.getByte(off) & 0x0F) << 2;
        }
        else if (proto == ETHER_TYPE_IPV6 && off + IPV6_HDR_LEN <= len)
        {
            for (int k = 0; k < 16; k += 4)
            {
                swapInts(m, off + IPV6_SRC_OFFSET + k, off + IPV6_SRC_OFFSET + 16 + k);
            }
            next = m.getByte(off + IPV6_PROTO_OFFSET) & 0xFF;
            off += IPV6_HDR_LEN;
        }
        else
        {
            return;
        }
        if ((next == IPPROTO_UDP || next == IPPROTO_TCP) && off + L4_PORTS_LEN <= len)
        {
            final int src = m.getShortBE(off);
            m.putShortBE(off, m.getShortBE(off + 2));
            m.putShortBE(off + 2, src);
        }
    }

    private static void swapInts(final Mbuf m, final int a, final int b)
    {
        final int x = m.getIntBE(a);
        m.putIntBE(a, m.getIntBE(b));
        m.putIntBE(b, x);
    }
}
