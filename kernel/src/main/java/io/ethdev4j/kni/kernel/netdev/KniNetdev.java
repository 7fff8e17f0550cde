package io.ethdev4j.kni.kernel.netdev;

import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.Mac;
import io.ethdev4j.sys.NetDev;
import io.ethdev4j.sys.Netns;
import io.ethdev4j.sys.RtNetlink;
import io.ethdev4j.sys.Tun;

import java.util.Arrays;
import java.util.List;

/**
 * The netdev of one KNI interface — what rte_kni.ko's {@code alloc_netdev}/{@code register_netdev} made: a TAP
 * named as the interface, created in the requested network namespace, with the MAC and MTU of the create call, plus
 * the ioctl socket ({@code SIOCxIFxxx}) and the rtnetlink socket that see it, its carrier, and the state others
 * share about it:
 * <ul>
 * <li>the changes the application made itself (MTU, MAC, promiscuous, all-multicast), which the request watcher
 *     accepts without sending a request back;</li>
 * <li>{@link #detached()}: the data path saw the netdev deleted from outside (EBADFD on the TAP fd).</li>
 * </ul>
 * Control path only; the data path reads {@link #tapFd()} once and calls {@link #markDetached()} at most once.
 */
public final class KniNetdev implements AutoCloseable
{
    private final String name;
    private final int tapFd;
    private final int ifIndex;
    private final NetDev netDev;
    private final RtNetlink netlink;
    private final int minMtu;
    private final int maxMtu;

    /**
     * The netdev was deleted from outside (a TAP read or write gave EBADFD). Writer: the serving KNI thread; readers:
     * the KNI thread (stops polling the fd) and the application (link down).
     */
    private volatile boolean detached;
    private volatile boolean carrierOn;

    // changes the application made itself (writer: application control thread; reader and clearer: the watcher).
    // The watcher accepts a matching change without sending a request back to the application.
    private volatile int appMtu = -1;
    private volatile byte[] appMac;
    private volatile int appPromisc = -1;
    private volatile int appAllmulti = -1;

    /**
     * Creates the TAP (carrier off) in {@code info.netns()} with {@code info}'s MAC (a random one if it is not a valid
     * unicast address) and MTU (1500 if 0). min_mtu defaults to {@link KniDeviceInfo#ETH_MIN_MTU}, max_mtu to the
     * creation MTU, as rte_kni.ko on kernels ≥ 4.10.
     *
     * @throws IllegalArgumentException EINVAL: the MTU is outside [min_mtu, max_mtu].
     * @throws io.ethdev4j.sys.SysException a system call failed (EPERM without CAP_NET_ADMIN, EBUSY for a name in use).
     */
    public KniNetdev(final KniDeviceInfo info)
    {
        this.name = info.name();
        final int mtu = info.mtu() != 0 ? info.mtu() : 1500;
        this.minMtu = info.minMtu() != 0 ? info.minMtu() : KniDeviceInfo.ETH_MIN_MTU;
        this.maxMtu = info.maxMtu() != 0 ? info.maxMtu() : mtu;
        if (mtu < minMtu || mtu > maxMtu)
        {
            throw new IllegalArgumentException("kni create(name=" + name + ", mtu=" + mtu +
                ") failed: EINVAL - outside [" + minMtu + ", " + maxMtu + "]");
        }
        final byte[] mac = Mac.isValid(info.macAddr()) ? info.macAddr() : Mac.random();
        final String netns = info.netns() == null ? null : Netns.path(info.netns());
        final Created c = Netns.callIn(netns, () -> open(name, mtu, mac));
        this.tapFd = c.tapFd;
        this.netDev = c.netDev;
        this.netlink = c.netlink;
        this.ifIndex = c.ifIndex;
    }

    /** What {@link #open} made inside the namespace. */
    private static final class Created
    {
        final int tapFd;
        final NetDev netDev;
        final RtNetlink netlink;
        final int ifIndex;

        Created(final int tapFd, final NetDev netDev, final RtNetlink netlink, final int ifIndex)
        {
            this.tapFd = tapFd;
            this.netDev = netDev;
            this.netlink = netlink;
            this.ifIndex = ifIndex;
        }
    }

    private static Created open(final String name, final int mtu, final byte[] mac)
    {
        final int fd = Tun.openTap(name, false);
        NetDev nd = null;
        RtNetlink nl = null;
        try
        {
            nd = new NetDev();
            nd.hwAddr(name, mac);
            nd.mtu(name, mtu);
            nl = new RtNetlink();
            return new Created(fd, nd, nl, nd.ifIndex(name));
        }
        catch (final RuntimeException ex)
        {
            if (nl != null)
            {
                nl.close();
            }
            if (nd != null)
            {
                nd.close();
            }
            LibC.closeQuietly(fd);
            throw ex;
        }
    }

    public String name()
    {
        return name;
    }

    public int ifIndex()
    {
        return ifIndex;
    }

    /** The TAP fd: frames in and out of the netdev (the data path's only use of this object). */
    public int tapFd()
    {
        return tapFd;
    }

    public int minMtu()
    {
        return minMtu;
    }

    public int maxMtu()
    {
        return maxMtu;
    }

    // ---------------------------------------------------------------- presence, carrier

    /** The data path saw EBADFD: the netdev was deleted (or moved away) from outside. Idempotent. */
    public void markDetached()
    {
        detached = true;
    }

    /**
     * True once a TAP read or write said the netdev is gone (EBADFD): the KNI thread no longer polls the fd, rx_q
     * entries go back on free_q counted as rx_dropped, nothing is read.
     */
    public boolean detached()
    {
        return detached;
    }

    /** rte_kni_update_link: sets the carrier (TUNSETCARRIER) and returns the previous state, 1 or 0. */
    public synchronized int updateLink(final boolean up)
    {
        final boolean previous = carrierOn;
        Tun.setCarrier(tapFd, up);
        carrierOn = up;
        return previous ? 1 : 0;
    }

    public boolean carrier()
    {
        return carrierOn;
    }

    // ---------------------------------------------------------------- state as the kernel has it now

    /** The MTU the netdev has now. */
    public int mtu()
    {
        return netDev.mtu(name);
    }

    public byte[] macAddr()
    {
        return netDev.hwAddr(name);
    }

    /** The netdev's flags now (IFF_UP, IFF_PROMISC, ...). */
    public int flags()
    {
        return netDev.flags(name);
    }

    /** The rtnetlink socket's fd, to poll for link changes. */
    public int netlinkFd()
    {
        return netlink.fd();
    }

    /**
     * Reads the pending rtnetlink link messages (of every interface in the namespace) into {@code into}.
     *
     * @return as {@link RtNetlink#receive}: {@code -ENOBUFS} after an overrun (messages were lost).
     */
    public int receiveLinkMessages(final List<RtNetlink.LinkMessage> into)
    {
        return netlink.receive(into);
    }

    // ---------------------------------------------------------------- changes made by the application

    /**
     * The application changes the interface's MTU itself (beyond rte_kni.ko, whose application could not): the netdev
     * takes it at once and no CHANGE_MTU request comes back for it.
     *
     * @throws io.ethdev4j.sys.SysException SIOCSIFMTU failed (e.g. ENODEV once the interface was deleted).
     */
    public void setMtu(final int mtu)
    {
        appMtu = mtu;
        netDev.mtu(name, mtu);
    }

    /** As {@link #setMtu}, for the MAC address (no CHANGE_MAC_ADDR request). */
    public void setMacAddr(final byte[] mac)
    {
        appMac = mac.clone();
        netDev.hwAddr(name, mac);
    }

    /** As {@link #setMtu}, for IFF_PROMISC (no CHANGE_PROMISC request). */
    public void setPromiscuous(final boolean on)
    {
        appPromisc = on ? 1 : 0;
        netDev.flags(name, NetDev.IFF_PROMISC, on);
    }

    /** As {@link #setMtu}, for IFF_ALLMULTI (no CHANGE_ALLMULTI request). */
    public void setAllmulticast(final boolean on)
    {
        appAllmulti = on ? 1 : 0;
        netDev.flags(name, NetDev.IFF_ALLMULTI, on);
    }

    /** True (once) when the application itself set this MTU: the watcher accepts it without a request. */
    public boolean takeAppMtu(final int mtu)
    {
        if (appMtu == mtu)
        {
            appMtu = -1;
            return true;
        }
        return false;
    }

    /** As {@link #takeAppMtu}, for the MAC address. */
    public boolean takeAppMac(final byte[] mac)
    {
        final byte[] m = appMac;
        if (m != null && Arrays.equals(m, mac))
        {
            appMac = null;
            return true;
        }
        return false;
    }

    /** As {@link #takeAppMtu}, for IFF_PROMISC. */
    public boolean takeAppPromisc(final boolean on)
    {
        if (appPromisc == (on ? 1 : 0))
        {
            appPromisc = -1;
            return true;
        }
        return false;
    }

    /** As {@link #takeAppMtu}, for IFF_ALLMULTI. */
    public boolean takeAppAllmulti(final boolean on)
    {
        if (appAllmulti == (on ? 1 : 0))
        {
            appAllmulti = -1;
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- reverts (the request watcher)

    /** Puts the MTU back after a refusal; not an application change. */
    public void restoreMtu(final int mtu)
    {
        netDev.mtu(name, mtu);
    }

    /** Puts the MAC address back after a refusal; not an application change. */
    public void restoreMacAddr(final byte[] mac)
    {
        netDev.hwAddr(name, mac);
    }

    /** Puts one flag (IFF_UP, IFF_PROMISC, IFF_ALLMULTI) back after a refusal; not an application change. */
    public void restoreFlag(final int flag, final boolean on)
    {
        netDev.flags(name, flag, on);
    }

    /** Closes the sockets and the TAP fd, which removes the netdev (non-persistent TAP). */
    public void close()
    {
        netlink.close();
        netDev.close();
        LibC.closeQuietly(tapFd);
    }

    public String toString()
    {
        return "KniNetdev{name=" + name + ", ifindex=" + ifIndex + (detached ? ", detached" : "") + '}';
    }
}
