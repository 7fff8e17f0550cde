package io.ethdev4j.kni;

/**
 * struct rte_kni_ops (DPDK v22.11 lib/kni/rte_kni.h): the application's answers to requests from the kernel side.
 * Each callback returns an int that becomes the request's {@code result}: 0 accepts the change, anything else makes
 * the kernel side refuse it (and restore the previous value on the interface).
 * <p>
 * A null callback has DPDK's meaning: for MTU and up/down the request simply succeeds; for MAC, promiscuous and
 * all-multicast, when {@link #portId()} names a port ({@code != }{@link #NO_PORT}), {@link Kni#handleRequest()} applies
 * the change to that ethdev port itself ({@code rte_eth_dev_default_mac_addr_set},
 * {@code rte_eth_promiscuous_enable/disable}, {@code rte_eth_allmulticast_enable/disable}).
 * <p>
 * Callbacks run on the thread that calls {@link Kni#handleRequest()}.
 */
public final class KniOps
{
    /** UINT16_MAX: the port id of "no port" (what rte_kni_alloc sets for {@code ops == NULL}). */
    public static final int NO_PORT = 0xFFFF;

    /** {@code int (*)(uint16_t port_id, unsigned value)}: change_mtu, config_network_if, promisc, allmulti. */
    @FunctionalInterface
    public interface IntRequest
    {
        int apply(int portId, int value);
    }

    /** {@code int (*)(uint16_t port_id, uint8_t mac_addr[])}: config_mac_address. */
    @FunctionalInterface
    public interface MacRequest
    {
        int apply(int portId, byte[] macAddr);
    }

    private int portId = NO_PORT;
    private IntRequest changeMtu;
    private IntRequest configNetworkIf;
    private MacRequest configMacAddress;
    private IntRequest configPromiscusity;
    private IntRequest configAllmulticast;

    public int portId()
    {
        return portId;
    }

    public KniOps portId(final int portId)
    {
        this.portId = portId;
        return this;
    }

    public IntRequest changeMtu()
    {
        return changeMtu;
    }

    /** {@code change_mtu(port_id, new_mtu)}. */
    public KniOps changeMtu(final IntRequest cb)
    {
        this.changeMtu = cb;
        return this;
    }

    public IntRequest configNetworkIf()
    {
        return configNetworkIf;
    }

    /** {@code config_network_if(port_id, if_up)}: 1 = up, 0 = down. */
    public KniOps configNetworkIf(final IntRequest cb)
    {
        this.configNetworkIf = cb;
        return this;
    }

    public MacRequest configMacAddress()
    {
        return configMacAddress;
    }

    /** {@code config_mac_address(port_id, mac_addr)}. */
    public KniOps configMacAddress(final MacRequest cb)
    {
        this.configMacAddress = cb;
        return this;
    }

    public IntRequest configPromiscusity()
    {
        return configPromiscusity;
    }

    /** {@code config_promiscusity(port_id, to_on)} (DPDK's spelling). */
    public KniOps configPromiscusity(final IntRequest cb)
    {
        this.configPromiscusity = cb;
        return this;
    }

    public IntRequest configAllmulticast()
    {
        return configAllmulticast;
    }

    /** {@code config_allmulticast(port_id, to_on)}. */
    public KniOps configAllmulticast(final IntRequest cb)
    {
        this.configAllmulticast = cb;
        return this;
    }

    boolean anyCallbackSet()
    {
        return changeMtu != null || configNetworkIf != null || configMacAddress != null || configPromiscusity != null ||
            configAllmulticast != null;
    }

    KniOps copy()
    {
        final KniOps o = new KniOps();
        o.portId = portId;
        o.changeMtu = changeMtu;
        o.configNetworkIf = configNetworkIf;
        o.configMacAddress = configMacAddress;
        o.configPromiscusity = configPromiscusity;
        o.configAllmulticast = configAllmulticast;
        return o;
    }

    @Override
    public String toString()
    {
        return "KniOps{port_id=" + portId + (changeMtu != null ? ", change_mtu" : "") +
            (configNetworkIf != null ? ", config_network_if" : "") + (configMacAddress != null ? ", config_mac_address" : "") +
            (configPromiscusity != null ? ", config_promiscusity" : "") +
            (configAllmulticast != null ? ", config_allmulticast" : "") + '}';
    }
}
