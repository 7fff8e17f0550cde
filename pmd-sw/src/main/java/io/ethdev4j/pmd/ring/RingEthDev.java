package io.ethdev4j.pmd.ring;

import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.ethdev.Offloads;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pmd.SoftwarePortOps;
import io.ethdev4j.ring.Ring;

/** Control operations of a {@code net_ring} port. */
public final class RingEthDev extends SoftwarePortOps
{
    private final Ring<Mbuf>[] rings;
    private final RingRxQueue[] rxq;
    private final RingTxQueue[] txq;
    private final Mbuf[] drain = new Mbuf[64];
    private volatile RingEthDev peer;

    @SuppressWarnings("unchecked")
    RingEthDev(final EthDevData data, final int queues, final int ringSize)
    {
        super(data);
        this.rings = new Ring[queues];
        for (int q = 0; q < queues; q++)
        {
            // DPDK's name (truncated as snprintf into RTE_RING_NAMESIZE truncates it)
            final String name = "ETH_RXTX" + q + "_" + data.name();
            rings[q] = Ring.create(name.substring(0, Math.min(name.length(), Ring.NAMESIZE)), ringSize,
                Ring.F_SP_ENQ | Ring.F_SC_DEQ, Mbuf.class);
        }
        this.rxq = new RingRxQueue[queues];
        this.txq = new RingTxQueue[queues];
        data.macAddr(MacAddress.ZERO);  // as rte_eth_ring: the address it reports is all zeros
        data.socketId(0);                 // as rte_eth_ring: the port on the probing lcore's socket, the device on none
        data.initialRxModes(true, true);  // as rte_eth_ring: promiscuous and all-multicast on from the start
    }

    int queueCount()
    {
        return rings.length;
    }

    boolean hasPeer()
    {
        return peer != null;
    }

    String peerName()
    {
        final RingEthDev p = peer;
        return p == null ? "" : p.data.name();
    }

    void wire(final RingEthDev other)
    {
        this.peer = other;
        other.peer = this;
        other.rewireTx();
        rewireTx();
    }

    /** The rings this port's tx queues feed: the peer's when wired, else its own. */
    private Ring<Mbuf> target(final int q)
    {
        final RingEthDev p = peer;
        return p == null ? rings[q] : p.rings[q];
    }

    private void rewireTx()
    {
        for (int q = 0; q < txq.length; q++)
        {
            if (txq[q] != null)
            {
                txq[q].target = target(q);
            }
        }
    }

    @Override
    public RxBurst rxQueueSetup(final int queueId, final int nbDesc, final MbufPool pool, final QueueConf conf)
    {
        rxq[queueId] = new RingRxQueue(rings[queueId]);
        rxCounters(queueId, rxq[queueId].counters);
        return rxq[queueId];
    }

    @Override
    public TxBurst txQueueSetup(final int queueId, final int nbDesc, final QueueConf conf)
    {
        txq[queueId] = new RingTxQueue(target(queueId));
        txCounters(queueId, txq[queueId].counters);
        return txq[queueId];
    }

    @Override
    public void rxQueueRelease(final int queueId)
    {
        super.rxQueueRelease(queueId);
        rxq[queueId] = null;
    }

    @Override
    public void txQueueRelease(final int queueId)
    {
        super.txQueueRelease(queueId);
        txq[queueId] = null;
    }

    /** Frees every mbuf still in this port's rings and unwires the peer (whose tx then loops to itself). */
    @Override
    public void close()
    {
        super.close();
        final RingEthDev p = peer;
        if (p != null)
        {
            p.peer = null;
            p.rewireTx();
            peer = null;
        }
        for (final Ring<Mbuf> r : rings)
        {
            int n;
            while ((n = r.dequeueBurst(drain, 0, drain.length)) > 0)
            {
                Mbuf.freeBulk(drain, 0, n);
            }
            r.free();
        }
    }

    /** As DPDK's net_ring: rx scatter and multi-segment tx (the rings carry mbuf chains as they are). */
    @Override
    public void infoGet(final DevInfo info)
    {
        info.maxRxQueues = rings.length;
        info.maxTxQueues = rings.length;
        info.maxMacAddrs = 1;
        info.maxRxPktLen = Integer.MAX_VALUE;
        info.minRxBufSize = 0;
        info.rxOffloadCapa = Offloads.RX_SCATTER;
        info.txOffloadCapa = Offloads.TX_MULTI_SEGS;
    }

    /** As DPDK's net_ring: mac_addr_add accepts any address (the rings do not filter). */
    @Override
    public void macAddrAdd(final MacAddress mac, final int index)
    {
    }

    /** As DPDK's net_ring: mac_addr_remove has nothing to undo. */
    @Override
    public void macAddrRemove(final int index)
    {
    }

    /** As DPDK's net_ring: no mtu_set op (ENOTSUP, "diag=-95"). */
    @Override
    public void mtuSet(final int mtu)
    {
        throw EthDevOps.notSupported();
    }

    /** As DPDK's net_ring: no mac_addr_set op. */
    @Override
    public void macAddrSet(final MacAddress mac)
    {
        throw EthDevOps.notSupported();
    }
}
