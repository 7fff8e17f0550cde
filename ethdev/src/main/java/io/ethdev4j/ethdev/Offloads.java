package io.ethdev4j.ethdev;

/**
 * Offload bits and their names (RTE_ETH_RX_OFFLOAD_*, RTE_ETH_TX_OFFLOAD_* in lib/ethdev/rte_ethdev.h, v22.11;
 * names as rte_eth_dev_rx_offload_name / rte_eth_dev_tx_offload_name give them) and the VLAN offload masks of
 * rte_eth_dev_set_vlan_offload.
 */
public final class Offloads
{
    public static final long RX_VLAN_STRIP = 1L;
    public static final long RX_IPV4_CKSUM = 1L << 1;
    public static final long RX_UDP_CKSUM = 1L << 2;
    public static final long RX_TCP_CKSUM = 1L << 3;
    public static final long RX_TCP_LRO = 1L << 4;
    public static final long RX_QINQ_STRIP = 1L << 5;
    public static final long RX_VLAN_FILTER = 1L << 9;
    public static final long RX_VLAN_EXTEND = 1L << 10;
    public static final long RX_SCATTER = 1L << 13;
    public static final long RX_KEEP_CRC = 1L << 16;
    public static final long RX_RSS_HASH = 1L << 19;

    public static final long TX_VLAN_INSERT = 1L;
    public static final long TX_IPV4_CKSUM = 1L << 1;
    public static final long TX_UDP_CKSUM = 1L << 2;
    public static final long TX_TCP_CKSUM = 1L << 3;
    public static final long TX_SCTP_CKSUM = 1L << 4;
    public static final long TX_OUTER_IPV4_CKSUM = 1L << 7;
    public static final long TX_QINQ_INSERT = 1L << 8;
    public static final long TX_MULTI_SEGS = 1L << 15;
    public static final long TX_OUTER_UDP_CKSUM = 1L << 20;

    /** rte_eth_dev_set_vlan_offload's offload_mask bits (RTE_ETH_*_OFFLOAD) and the changed-mask bits (*_MASK). */
    public static final int VLAN_STRIP_OFFLOAD = 0x1;
    public static final int VLAN_FILTER_OFFLOAD = 0x2;
    public static final int VLAN_EXTEND_OFFLOAD = 0x4;
    public static final int QINQ_STRIP_OFFLOAD = 0x8;
    public static final int VLAN_STRIP_MASK = 0x1;
    public static final int VLAN_FILTER_MASK = 0x2;
    public static final int VLAN_EXTEND_MASK = 0x4;
    public static final int QINQ_STRIP_MASK = 0x8;

    /** enum rte_vlan_type. */
    public static final int VLAN_TYPE_UNKNOWN = 0;
    public static final int VLAN_TYPE_INNER = 1;
    public static final int VLAN_TYPE_OUTER = 2;

    /** Rx offload names by bit number (null: no such offload). */
    private static final String[] RX_NAMES = names(new Object[][] {
        {0, "VLAN_STRIP"}, {1, "IPV4_CKSUM"}, {2, "UDP_CKSUM"}, {3, "TCP_CKSUM"}, {4, "TCP_LRO"}, {5, "QINQ_STRIP"},
        {6, "OUTER_IPV4_CKSUM"}, {7, "MACSEC_STRIP"}, {9, "VLAN_FILTER"}, {10, "VLAN_EXTEND"}, {13, "SCATTER"},
        {14, "TIMESTAMP"}, {15, "SECURITY"}, {16, "KEEP_CRC"}, {17, "SCTP_CKSUM"}, {18, "OUTER_UDP_CKSUM"},
        {19, "RSS_HASH"}, {20, "BUFFER_SPLIT"}});

    private static final String[] TX_NAMES = names(new Object[][] {
        {0, "VLAN_INSERT"}, {1, "IPV4_CKSUM"}, {2, "UDP_CKSUM"}, {3, "TCP_CKSUM"}, {4, "SCTP_CKSUM"}, {5, "TCP_TSO"},
        {6, "UDP_TSO"}, {7, "OUTER_IPV4_CKSUM"}, {8, "QINQ_INSERT"}, {9, "VXLAN_TNL_TSO"}, {10, "GRE_TNL_TSO"},
        {11, "IPIP_TNL_TSO"}, {12, "GENEVE_TNL_TSO"}, {13, "MACSEC_INSERT"}, {14, "MT_LOCKFREE"}, {15, "MULTI_SEGS"},
        {16, "MBUF_FAST_FREE"}, {17, "SECURITY"}, {18, "UDP_TNL_TSO"}, {19, "IP_TNL_TSO"}, {20, "OUTER_UDP_CKSUM"},
        {21, "SEND_ON_TIMESTAMP"}});

    private Offloads()
    {
    }

    private static String[] names(final Object[][] table)
    {
        final String[] n = new String[64];
        for (final Object[] e : table)
        {
            n[(Integer)e[0]] = (String)e[1];
        }
        return n;
    }

    /** rte_eth_dev_rx_offload_name for a single bit: its name, or {@code UNKNOWN}. */
    public static String rxName(final long offload)
    {
        return name(RX_NAMES, offload);
    }

    /** rte_eth_dev_tx_offload_name. */
    public static String txName(final long offload)
    {
        return name(TX_NAMES, offload);
    }

    private static String name(final String[] names, final long offload)
    {
        if (Long.bitCount(offload) != 1)
        {
            return "UNKNOWN";
        }
        final String n = names[Long.numberOfTrailingZeros(offload)];
        return n == null ? "UNKNOWN" : n;
    }
}
