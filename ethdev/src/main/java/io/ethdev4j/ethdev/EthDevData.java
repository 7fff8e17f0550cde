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
    /** Per queue: the offloads asked at queue setup, and the queue state (QueueInfo.STATE_*). */
    long[] rxQueueOffloads = new long[0];
    long[] txQueueOffloads = new long[0];
    int[] rxQueueStates = new int[0];
    int[] txQueueStates = new int[0];
    /** mac_addrs[]: index 0 is the default address; zero entries are free (made at the first info). */
    MacAddress[] macAddrs;
    /** vlan_filter_conf: one bit per VLAN id the port filters in. */
    final long[] vlanFilter = new long[64];
    /** The device: the bus that found it, the devargs after its name, its NUMA node (-1: any). */
    volatile String busName = "";
    volatile String devargs = "";
    volatile int numaNode = -1;
    /** data->numa_node (rte_eth_dev_socket_id): the port's socket, -1 for any; the device's node unless set apart. */
    volatile int socketId = Integer.MIN_VALUE;

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

    /** The runtime says which bus found the device and with which devargs (after the name: {@code size=128}). */
    public void device(final String bus, final String args)
    {
        this.busName = bus;
        this.devargs = args;
    }

    /** Drivers whose device sits on a NUMA node say so at probe time (net_null: the probing lcore's socket). */
    public void numaNode(final int node)
    {
        this.numaNode = node;
    }

    public String busName()
    {
        return busName;
    }

    public String devargs()
    {
        return devargs;
    }

    public int numaNode()
    {
        return numaNode;
    }

    /** Drivers whose port sits on a socket other than its device's node say so (net_ring: the probing lcore's). */
    public void socketId(final int socket)
    {
        this.socketId = socket;
    }

    /** rte_eth_dev_socket_id. */
    public int socketId()
    {
        return socketId != Integer.MIN_VALUE ? socketId : numaNode;
    }

    /** The rx offloads queue {@code queue} was set up with (port-level ones included). */
    public long rxQueueOffloads(final int queue)
    {
        return rxQueueOffloads[queue];
    }

    public long txQueueOffloads(final int queue)
    {
        return txQueueOffloads[queue];
    }

    /** Whether VLAN {@code vlanId} is in the port's filter (rx_vlan add). */
    public boolean vlanFiltered(final int vlanId)
    {
        return (vlanFilter[vlanId >>> 6] & (1L << (vlanId & 63))) != 0;
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
