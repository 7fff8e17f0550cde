package io.ethdev4j.ethdev;

/** struct rte_eth_link: speed in Mbps, duplex, autoneg, status; {@link #toString()} is rte_eth_link_to_str. */
public final class EthLink
{
    public static final int SPEED_NONE = 0;
    public static final int SPEED_10M = 10;
    public static final int SPEED_100M = 100;
    public static final int SPEED_1G = 1000;
    public static final int SPEED_10G = 10000;
    /** RTE_ETH_SPEED_NUM_UNKNOWN. */
    public static final int SPEED_UNKNOWN = -1;

    public static final EthLink DOWN = new EthLink(SPEED_NONE, false, false, false);

    private final int speedMbps;
    private final boolean fullDuplex;
    private final boolean autoneg;
    private final boolean up;

    public EthLink(final int speedMbps, final boolean fullDuplex, final boolean autoneg, final boolean up)
    {
        this.speedMbps = speedMbps;
        this.fullDuplex = fullDuplex;
        this.autoneg = autoneg;
        this.up = up;
    }

    public int speedMbps()
    {
        return speedMbps;
    }

    public boolean fullDuplex()
    {
        return fullDuplex;
    }

    public boolean autoneg()
    {
        return autoneg;
    }

    public boolean isUp()
    {
        return up;
    }

    public EthLink withStatus(final boolean status)
    {
        return new EthLink(speedMbps, fullDuplex, autoneg, status);
    }

    /** rte_eth_link_speed_to_str. */
    public static String speedToString(final int speedMbps)
    {
        switch (speedMbps)
        {
            case 0: return "None";
            case 10: return "10 Mbps";
            case 100: return "100 Mbps";
            case 1000: return "1 Gbps";
            case 2500: return "2.5 Gbps";
            case 5000: return "5 Gbps";
            case 10000: return "10 Gbps";
            case 20000: return "20 Gbps";
            case 25000: return "25 Gbps";
            case 40000: return "40 Gbps";
            case 50000: return "50 Gbps";
            case 56000: return "56 Gbps";
            case 100000: return "100 Gbps";
            case 200000: return "200 Gbps";
            case 400000: return "400 Gbps";
            case SPEED_UNKNOWN: return "Unknown";
            default: return "Invalid";
        }
    }

    /** "Link up at 10 Gbps FDX Fixed" or "Link down" (rte_eth_link_to_str). */
    @Override
    public String toString()
    {
        if (!up)
        {
            return "Link down";
        }
        return "Link up at " + speedToString(speedMbps) + " " + (fullDuplex ? "FDX" : "HDX") + " " +
            (autoneg ? "Autoneg" : "Fixed");
    }

    @Override
    public boolean equals(final Object o)
    {
        if (!(o instanceof EthLink))
        {
            return false;
        }
        final EthLink l = (EthLink)o;
        return l.speedMbps == speedMbps && l.fullDuplex == fullDuplex && l.autoneg == autoneg && l.up == up;
    }

    @Override
    public int hashCode()
    {
        return speedMbps * 8 + (fullDuplex ? 4 : 0) + (autoneg ? 2 : 0) + (up ? 1 : 0);
    }
}
