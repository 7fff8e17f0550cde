package io.ethdev4j.ethdev;

/** struct rte_eth_conf, reduced to what the ethdev layer and our PMDs use. Mutable, copied at configure. */
public final class EthConf
{
    public static final int MQ_RX_NONE = 0;
    public static final int MQ_RX_RSS = 1;

    /** rxmode.mtu; 0 means 1500 (RTE_ETHER_MTU). */
    public int mtu;
    public int rxMqMode = MQ_RX_NONE;
    public long rssHf;
    public long rxOffloads;
    public long txOffloads;
    /** link_speeds bitmap; 0 = autonegotiate. */
    public long linkSpeeds;
    /** Loopback mode for drivers that support it. */
    public int lpbkMode;

    public EthConf copy()
    {
        final EthConf c = new EthConf();
        c.mtu = mtu;
        c.rxMqMode = rxMqMode;
        c.rssHf = rssHf;
        c.rxOffloads = rxOffloads;
        c.txOffloads = txOffloads;
        c.linkSpeeds = linkSpeeds;
        c.lpbkMode = lpbkMode;
        return c;
    }
}
