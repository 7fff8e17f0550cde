package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.Mbuf;

import static io.ethdev4j.testpmd.fwd.Headers.*;

/**
 * icmpecho: answers ARP requests and ICMP echo requests on the receiving port; everything else is dropped
 * (app/test-pmd/icmpecho.c). Replies go out on the rx port's queue {@code txQueue}.
 */
public final class IcmpEchoFwd extends FwdEngine
{
    static final int ARP_OP_REQUEST = 1;
    static final int ARP_OP_REPLY = 2;
    static final int ICMP_ECHO_REQUEST = 8;
    static final int ICMP_ECHO_REPLY = 0;

    public IcmpEchoFwd()
    {
        super("icmpecho");
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
        int replies = 0;
        for (int i = 0; i < n; i++)
        {
            final Mbuf m = pkts[i];
            if (reply(m, fs.rxPortMac))
            {
                pkts[replies++] = m;
            }
            else
            {
                m.free();
            }
        }
        if (replies > 0)
        {
            FwdStream.sendOrDrop(fs, fs.txOnRxPort, pkts, replies);
        }
    }

    /** Rewrites {@code m} into the reply in place; false when it is not something we answer. */
    static boolean reply(final Mbuf m, final long portMac)
    {
        final int len = m.dataLen();
        if (len < 14)
        {
            return false;
        }
        final int type = m.getShortBE(12);
        if (type == ETHER_TYPE_ARP)
        {
            if (len < 42 || m.getShortBE(14 + 6) != ARP_OP_REQUEST)
            {
                return false;
            }
            // eth: dst = requester, src = us
            copyMac(m, 6, 0);
            putMac(m, 6, portMac);
            final int a = 14;
            m.putShortBE(a + 6, ARP_OP_REPLY);
            final int sip = m.getIntBE(a + 14);
            final int tip = m.getIntBE(a + 24);
            copyMac(m, a + 8, a + 18);          // tha = sha
            putMac(m, a + 8, portMac);         // sha = us
            m.putIntBE(a + 14, tip);
            m.putIntBE(a + 24, sip);
            return true;
        }
        if (type != ETHER_TYPE_IPV4 || len < 34)
        {
            return false;
        }
        final int ihl = (m.getByte(14) & 0x0F) * 4;
        if (m.getByte(14 + 9) != IPPROTO_ICMP || len < 14 + ihl + 8 || (m.getByte(14 + ihl) & 0xFF) != ICMP_ECHO_REQUEST ||
            m.getByte(14 + ihl + 1) != 0)
        {
            return false;
        }
        MacSwapFwd.swapMacs(m);
        final int src = m.getIntBE(14 + 12);
        final int dst = m.getIntBE(14 + 16);
        m.putIntBE(14 + 12, dst);
        m.putIntBE(14 + 16, src);
        final int icmp = 14 + ihl;
        m.putByte(icmp, (byte)ICMP_ECHO_REPLY);
        // RFC 1624: type 8 → 0 in the high byte of the first word
        int sum = (~m.getShortBE(icmp + 2) & 0xFFFF) + (~(ICMP_ECHO_REQUEST << 8) & 0xFFFF) + (ICMP_ECHO_REPLY << 8);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        m.putShortBE(icmp + 2, ~sum & 0xFFFF);
        return true;
    }

    private static void copyMac(final Mbuf m, final int from, final int to)
    {
        final int hi = m.getShortBE(from);
        final int lo = m.getIntBE(from + 2);
        m.putShortBE(to, hi);
        m.putIntBE(to + 2, lo);
    }

    private static void putMac(final Mbuf m, final int off, final long mac)
    {
        m.putShortBE(off, (int)(mac >>> 32) & 0xFFFF);
        m.putIntBE(off + 2, (int)mac);
    }
}
