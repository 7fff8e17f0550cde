package io.ethdev4j.pmd.nullpmd;

import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pmd.SoftwarePortOps;

/**
 * Control operations of a {@code net_null} port, as DPDK's rte_eth_null: promiscuous and all-multicast on from the
 * start and no op to change them, no link up/down op, a 128-entry redirection table and RTE_ETH_RSS_PROTO_MASK flow
 * types; MTU and MAC changes are taken.
 */
final class NullEthDev extends SoftwarePortOps
{
    /** RTE_DIM(reta_conf) * RTE_ETH_RETA_GROUP_SIZE: 128. */
    static final int RETA_SIZE = 128;
    /**
     * RTE_ETH_RSS_PROTO_MASK (rte_ethdev.h 22.11): IPv4/IPv6 with their frag, TCP, UDP, SCTP and other flows (bits
     * 2-13), L2_PAYLOAD, IPV6_EX, IPV6_TCP_EX, IPV6_UDP_EX, PORT, VXLAN, GENEVE, NVGRE (bits 14-21) and MPLS (bit 33).
     */
    static final long RSS_PROTO_MASK = 0x3F_FFFCL | (1L << 33);

    private final int packetSize;
    private final boolean copy;
    private final boolean noRx;
    private final int ratePps;

    NullEthDev(final EthDevData data, final int packetSize, final boolean copy, final boolean noRx, final int ratePps)
    {
        super(data);
        this.packetSize = packetSize;
        this.copy = copy;
        this.noRx = noRx;
        this.ratePps = ratePps;
        data.macAddr(MacAddress.random());
        data.initialRxModes(true, true);
        data.numaNode(0); // DPDK's null probe puts the device on the probing lcore's socket
    }

    @Override
    public void infoGet(final DevInfo info)
    {
        info.maxRxQueues = EthDev.MAX_QUEUES_PER_PORT;
        info.maxTxQueues = EthDev.MAX_QUEUES_PER_PORT;
        info.maxMacAddrs = 1;
        info.maxRxPktLen = Integer.MAX_VALUE;
        info.minRxBufSize = 0;
        info.retaSize = RETA_SIZE;
        info.flowTypeRssOffloads = RSS_PROTO_MASK;
    }

    @Override
    public void promiscuousEnable()
    {
        throw EthDevOps.notSupported();
    }

    @Override
    public void promiscuousDisable()
    {
        throw EthDevOps.notSupported();
    }

    @Override
    public void allmulticastEnable()
    {
        throw EthDevOps.notSupported();
    }

    @Override
    public void allmulticastDisable()
    {
        throw EthDevOps.notSupported();
    }

    @Override
    public void setLinkUp()
    {
        throw EthDevOps.notSupported();
    }

    @Override
    public void setLinkDown()
    {
        throw EthDevOps.notSupported();
    }

    @Override
    public RxBurst rxQueueSetup(final int queueId, final int nbDesc, final MbufPool pool, final QueueConf conf)
    {
        final NullRxQueue q = new NullRxQueue(pool, data.portId(), packetSize, copy, noRx, ratePps);
        rxCounters(queueId, q.counters);
        return q;
    }

    @Override
    public TxBurst txQueueSetup(final int queueId, final int nbDesc, final QueueConf conf)
    {
        final NullTxQueue q = new NullTxQueue(copy, packetSize);
        txCounters(queueId, q.counters);
        return q;
    }
}
