package io.ethdev4j.pmd.nullpmd;

import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pmd.SoftwarePortOps;

/** Control operations of a {@code net_null} port. */
final class NullEthDev extends SoftwarePortOps
{
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
    }

    @Override
    public void infoGet(final DevInfo info)
    {
        info.maxRxQueues = EthDev.MAX_QUEUES_PER_PORT;
        info.maxTxQueues = EthDev.MAX_QUEUES_PER_PORT;
        info.maxMacAddrs = 1;
        info.maxRxPktLen = Integer.MAX_VALUE;
        info.minRxBufSize = 0;
        info.speedCapa = 1L << 8;
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
