package io.ethdev4j.testpmd.cmd;

/** rte_get_ptype_name for one layer's RTE_PTYPE_* value (lib/mbuf/rte_mbuf_ptype.c), for {@code show port N ptypes}. */
final class PacketTypes
{
    private PacketTypes()
    {
    }

    static String name(final int ptype)
    {
        switch (ptype)
        {
            case 0x1: return "L2_ETHER";
            case 0x2: return "L2_ETHER_TIMESYNC";
            case 0x3: return "L2_ETHER_ARP";
            case 0x4: return "L2_ETHER_LLDP";
            case 0x5: return "L2_ETHER_NSH";
            case 0x6: return "L2_ETHER_VLAN";
            case 0x7: return "L2_ETHER_QINQ";
            case 0x8: return "L2_ETHER_PPPOE";
            case 0x9: return "L2_ETHER_FCOE";
            case 0xa: return "L2_ETHER_MPLS";
            case 0x10: return "L3_IPV4";
            case 0x30: return "L3_IPV4_EXT";
            case 0x40: return "L3_IPV6";
            case 0x90: return "L3_IPV4_EXT_UNKNOWN";
            case 0xc0: return "L3_IPV6_EXT";
            case 0xe0: return "L3_IPV6_EXT_UNKNOWN";
            case 0x100: return "L4_TCP";
            case 0x200: return "L4_UDP";
            case 0x300: return "L4_FRAG";
            case 0x400: return "L4_SCTP";
            case 0x500: return "L4_ICMP";
            case 0x600: return "L4_NONFRAG";
            case 0x700: return "L4_IGMP";
            default:
                final String[] layers = {"L2", "L3", "L4", "TUNNEL", "INNER_L2", "INNER_L3", "INNER_L4"};
                final int layer = Integer.numberOfTrailingZeros(ptype) / 4;
                return (layer < layers.length ? layers[layer] : "UNKNOWN") + "_UNKNOWN";
        }
    }
}
