package io.ethdev4j.ethdev;

/** struct rte_eth_fc_conf: link flow control (IEEE 802.3x pause frames) of a port, as flow_ctrl_get reports it. */
public record FlowCtrlConf(int mode, boolean autoneg, int pauseTime, int highWater, int lowWater, boolean sendXon,
    boolean macCtrlFrameFwd)
{
    /** enum rte_eth_fc_mode. */
    public static final int FC_NONE = 0;
    public static final int FC_RX_PAUSE = 1;
    public static final int FC_TX_PAUSE = 2;
    public static final int FC_FULL = 3;
}
