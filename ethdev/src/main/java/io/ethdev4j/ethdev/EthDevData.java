package io.ethdev4j.ethdev;

import io.ethdev4j.mbuf.MbufPool;

/**
 * struct rte_eth_dev_data: the port's state the ethdev layer keeps and the driver reads (never writes, except
 * where noted). Settings here survive stop/start.
 */
public final class EthDevData
{
    final int portId;
    final String name;
    volatile int nbRxQueues;
    volatile int nbTxQueues;
    EthConf conf = new EthConf();
    volatile int mtu = DevInfo.ETHER_MTU;
    volatile MacAddress macAddr = MacAddress.ZERO;
    volatile boolean promiscuous;
    volatile boolean allMulticast;
    volatile boolean started;
    volatile boolean configured;
    MbufPool[] rxPools = new MbufPool[0];
    int[] rxDescs = new int[0];
    int[] txDescs = new int[0];

    EthDevData(final int portId, final String name)
    {
        this.portId = portId;
        this.name = name;
    }

    public int portId()
    {
        return portId;
    }

    /** Device name, e.g. {@code net_null0} or {@code 0000:01:00.0}. */
    public String name()
    {
        return name;
    }

    public int nbRxQueues()
    {
        return nbRxQueues;
    }

    public int nbTxQueues()
    {
        return nbTxQueues;
    }

    public EthConf conf()
    {
        return conf;
    }

    public int mtu()
    {
        return mtu;
    }

    /**
     * Drivers whose device changes its MTU on its own report the new value (net_kni: {@code ip link set kniN mtu M}
     * on its interface), and what the device was created with; {@link EthDev#mtu()} reads it.
     */
    public void deviceMtu(final int mtu)
    {
        this.mtu = mtu;
    }

    public MacAddress macAddr()
    {
        return macAddr;
    }

    /** Drivers set the MAC they read from the device at probe time. */
    public void macAddr(final MacAddress mac)
    {
        this.macAddr = mac;
    }

    /** Drivers whose device starts with promiscuous or all-multicast on (net_kni) say so at probe time. */
    public void initialRxModes(final boolean promisc, final boolean allmulti)
    {
        this.promiscuous = promisc;
        this.allMulticast = allmulti;
    }

    public boolean promiscuous()
    {
        return promiscuous;
    }

    public boolean allMulticast()
    {
        return allMulticast;
    }

    public boolean started()
    {
        return started;
    }

    public MbufPool rxPool(final int queue)
    {
        return queue < rxPools.length ? rxPools[queue] : null;
    }

    public int rxDesc(final int queue)
    {
        return rxDescs[queue];
    }

    public int txDesc(final int queue)
    {
        return txDescs[queue];
    }
}
