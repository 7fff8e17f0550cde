package io.ethdev4j.testpmd.fwd;

/**
 * The protocol constants the header-parsing engines share (csum, 5tswap, icmpecho): EtherTypes and tag lengths,
 * IP protocol numbers, and the byte offsets of the fields they read or rewrite, as in the RFCs' header layouts.
 */
final class Headers
{
    static final int ETHER_HDR_LEN = 14;
    static final int VLAN_HDR_LEN = 4;
    static final int ETHER_TYPE_IPV4 = 0x0800;
    static final int ETHER_TYPE_ARP = 0x0806;
    static final int ETHER_TYPE_IPV6 = 0x86DD;
    static final int ETHER_TYPE_VLAN = 0x8100;
    static final int ETHER_TYPE_QINQ = 0x88A8;
    /** IPv4: total length at 2, protocol at 9, checksum at 10, source address at 12, destination at 16. */
    static final int IPV4_MIN_HDR_LEN = 20;
    static final int IPV4_TOTAL_LEN_OFFSET = 2;
    static final int IPV4_PROTO_OFFSET = 9;
    static final int IPV4_CKSUM_OFFSET = 10;
    static final int IPV4_SRC_OFFSET = 12;
    /** IPv6: payload length at 4, next header at 6, source address at 8, destination at 24. */
    static final int IPV6_HDR_LEN = 40;
    static final int IPV6_PAYLOAD_LEN_OFFSET = 4;
    static final int IPV6_PROTO_OFFSET = 6;
    static final int IPV6_SRC_OFFSET = 8;
    static final int IPPROTO_ICMP = 1;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_UDP = 17;

    private Headers()
    {
    }
}
