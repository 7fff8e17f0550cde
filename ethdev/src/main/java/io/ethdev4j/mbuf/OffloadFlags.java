package io.ethdev4j.mbuf;

/** Mbuf offload flags (rte_mbuf_core.h, v22.11 names without the RTE_MBUF_F_ prefix). */
public final class OffloadFlags
{
    public static final long RX_VLAN = 1L;
    public static final long RX_RSS_HASH = 1L << 1;
    public static final long RX_FDIR = 1L << 2;
    public static final long RX_IP_CKSUM_BAD = 1L << 4;
    public static final long RX_L4_CKSUM_BAD = 1L << 3;
    public static final long RX_IP_CKSUM_GOOD = 1L << 7;
    public static final long RX_L4_CKSUM_GOOD = 1L << 8;
    public static final long RX_VLAN_STRIPPED = 1L << 6;
    public static final long RX_IEEE1588_PTP = 1L << 9;
    public static final long TX_VLAN = 1L << 57;
    public static final long TX_IP_CKSUM = 1L << 54;
    public static final long TX_IPV4 = 1L << 55;
    public static final long TX_IPV6 = 1L << 56;
    public static final long TX_L4_MASK = 3L << 52;
    /** The mbuf is attached to another mbuf's buffer (RTE_MBUF_F_INDIRECT). */
    public static final long INDIRECT = 1L << 62;
    /** The buffer is external (RTE_MBUF_F_EXTERNAL). */
    public static final long EXTERNAL = 1L << 61;

    private OffloadFlags()
    {
    }
}
