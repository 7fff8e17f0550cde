package io.ethdev4j.kni.kernel.netdev;

import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.Mac;
import io.ethdev4j.sys.NetDev;
import io.ethdev4j.sys.Netns;
import io.ethdev4j.sys.RtNetlink;
import io.ethdev4j.sys.SysException;
import io.ethdev4j.sys.Tun;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

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
 *
 * <h2>Following the netdev into other namespaces</h2>
 * {@code ip link set NAME netns NS} (how an interface is handed to a container) moves the netdev; the TAP fd stays
 * attached to it, so the data path goes on unchanged. Everything by name follows it: each ioctl first asks the TAP fd
 * where its netdev is now and under which name (TUNGETDEVNETNS, TUNGETIFF; Linux 5.2+). In the home namespace (the one
 * it was created in) the long-lived ioctl socket serves; in another one a short-lived thread enters that namespace and
 * uses a socket of its own, closed at once: nothing here holds a foreign namespace open, so {@code ip netns del NS}
 * still destroys the namespace and the netdev with it. The rtnetlink socket stays in the home namespace and listens to
 * every namespace with an nsid there (NETLINK_LISTEN_ALL_NSID); {@link #relocate()} tells the request watcher the
 * (nsid, ifindex) to follow after a move.
 */
public final class KniNetdev implements AutoCloseable
{
    private final String name;
    private final int tapFd;
    private final NetDev netDev;
    private final RtNetlink netlink;
    private final RtNetlink nsidRequests;
    /** {@link Netns#identity} of the home namespace. */
    private final String homeNs;
    private final int minMtu;
    /** Where the netdev is now, as the request watcher last found it (writer: the watcher; readers: any). */
    private volatile int ifIndex;
    private volatile int nsid = RtNetlink.NSID_OWN;
    private final int maxMtu;

    /**
     * The netdev was deleted from outside (a TAP read or write gave EBADFD). Writer: the serving KNI thread; readers:
     * the KNI thread (stops polling the fd) and the application (link down).
     */
    private volatile boolean detached;
    private volatile boolean carrierOn;
    /** The longest {@link #updateLink}(true) waits for the kernel to apply the carrier. */
    static final long CARRIER_APPLY_TIMEOUT_NS = 1_000_000_000L;
    private static final long CARRIER_POLL_NS = 100_000L;

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
        this.nsidRequests = c.nsidRequests;
        this.homeNs = c.homeNs;
        this.ifIndex = c.ifIndex;
    }

    /** What {@link #open} made inside the namespace. */
    private static final class Created
    {
        final int tapFd;
        final NetDev netDev;
        final RtNetlink netlink;
        final RtNetlink nsidRequests;
        final String homeNs;
        final int ifIndex;

        Created(final int tapFd, final NetDev netDev, final RtNetlink netlink, final RtNetlink nsidRequests,
            final String homeNs, final int ifIndex)
        {
            this.tapFd = tapFd;
            this.netDev = netDev;
            this.netlink = netlink;
            this.nsidRequests = nsidRequests;
            this.homeNs = homeNs;
            this.ifIndex = ifIndex;
        }
    }

    private static Created open(final String name, final int mtu, final byte[] mac)
    {
        final int fd = Tun.openTap(name, false);
        NetDev nd = null;
        RtNetlink nl = null;
        RtNetlink req = null;
        try
        {
            nd = new NetDev();
            nd.hwAddr(name, mac);
            nd.mtu(name, mtu);
            nl = new RtNetlink(true);
            req = RtNetlink.requestSocket();
            return new Created(fd, nd, nl, req, Netns.currentIdentity(), nd.ifIndex(name));
        }
        catch (final RuntimeException ex)
        {
            if (req != null)
            {
                req.close();
            }
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

    /** The netdev's ifindex in the namespace it is in now (as the request watcher last found it). */
    public int ifIndex()
    {
        return ifIndex;
    }

    /**
     * The nsid, in the home namespace, of the namespace the netdev is in now ({@link RtNetlink#NSID_OWN}: home), as the
     * request watcher last found it.
     */
    public int nsid()
    {
        return nsid;
    }

    /** The netdev's current name (it follows renames), or null once it was destroyed. */
    public String currentName()
    {
        return Tun.attachedName(tapFd);
    }

    /**
     * Finds where the netdev is now (after rtnetlink reported it gone from where it was): its namespace's nsid in the
     * home namespace (assigned if it had none, so the rtnetlink socket hears that namespace from now on) and its
     * ifindex there; {@link #nsid()} and {@link #ifIndex()} follow.
     *
     * @return false when the netdev no longer exists (deleted, or destroyed with its namespace).
     */
    public boolean relocate()
    {
        final String current = Tun.attachedName(tapFd);
        final int nsFd = current == null ? -1 : Tun.attachedNetns(tapFd);
        if (nsFd < 0)
        {
            return false;
        }
        try
        {
            if (homeNs.equals(Netns.identity(nsFd)))
            {
                ifIndex = netDev.ifIndex(current);
                nsid = RtNetlink.NSID_OWN;
            }
            else
            {
                final int id = nsidRequests.nsidOf(nsFd);
                ifIndex = Netns.callIn(Netns.fdPath(nsFd), () ->
                {
                    try (NetDev nd = new NetDev())
                    {
                        return nd.ifIndex(current);
                    }
                });
                nsid = id;
            }
            return true;
        }
        catch (final SysException ex)
        {
            if (ex.errno() == Errno.ENODEV && Tun.attachedName(tapFd) == null)
            {
                return false;
            }
            throw ex;
        }
        finally
        {
            LibC.closeQuietly(nsFd);
        }
    }

    /**
     * Runs {@code op} with an ioctl socket in the namespace the netdev is in now and its current name: the home socket
     * at home, else a socket opened (and closed) by a short-lived thread inside that namespace.
     *
     * @throws SysException ENODEV once the netdev was destroyed; what {@code op} throws.
     */
    private <T> T onNetdev(final String what, final Function<String, Function<NetDev, T>> op)
    {
        final String current = Tun.attachedName(tapFd);
        final int nsFd = current == null ? -1 : Tun.attachedNetns(tapFd);
        if (nsFd < 0)
        {
            throw new SysException("ioctl", Errno.ENODEV, what + ", kni " + name + ": the interface was destroyed");
        }
        try
        {
            if (homeNs.equals(Netns.identity(nsFd)))
            {
                return op.apply(current).apply(netDev);
            }
            return Netns.callIn(Netns.fdPath(nsFd), () ->
            {
                try (NetDev nd = new NetDev())
                {
                    return op.apply(current).apply(nd);
                }
            });
        }
        finally
        {
            LibC.closeQuietly(nsFd);
        }
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

    /**
     * rte_kni_update_link: sets the carrier (TUNSETCARRIER) and returns the previous state, 1 or 0. Turning it on
     * waits for the kernel to apply it (see {@link #awaitRunning}).
     */
    public synchronized int updateLink(final boolean up)
    {
        final boolean previous = carrierOn;
        Tun.setCarrier(tapFd, up);
        carrierOn = up;
        if (up && !previous)
        {
            awaitRunning();
        }
        return previous ? 1 : 0;
    }

    /**
     * The kernel applies a carrier change later, in its linkwatch work: until then an interface that is up has no
     * operational state, and its qdisc (still noop) drops whatever the kernel sends on it, e.g. what tc redirects to
     * it. rte_kni.ko's update_link (a write to sysfs' carrier) returned before that too; here the carrier coming on
     * waits (polling, at most {@link #CARRIER_APPLY_TIMEOUT_NS}) until the interface reports IFF_RUNNING, so that once
     * update_link returns the interface carries traffic. Nothing is waited for when the interface is down (the kernel
     * applies the carrier when it goes up), moved to another namespace or gone.
     */
    private void awaitRunning()
    {
        final long deadline = System.nanoTime() + CARRIER_APPLY_TIMEOUT_NS;
        try
        {
            while (true)
            {
                final String current = Tun.attachedName(tapFd);
                if (current == null)
                {
                    return;
                }
                final int flags = netDev.flags(current);
                if ((flags & NetDev.IFF_UP) == 0 || (flags & NetDev.IFF_RUNNING) != 0 ||
                    System.nanoTime() - deadline >= 0)
                {
                    return;
                }
                LockSupport.parkNanos(CARRIER_POLL_NS);
            }
        }
        catch (final RuntimeException ex)
        {
            // moved to another namespace (this ioctl socket no longer sees it) or deleted meanwhile: nothing to wait for
        }
    }

    public boolean carrier()
    {
        return carrierOn;
    }

    // ---------------------------------------------------------------- state as the kernel has it now

    /** The MTU the netdev has now. */
    public int mtu()
    {
        return onNetdev("SIOCGIFMTU", n -> nd -> nd.mtu(n));
    }

    public byte[] macAddr()
    {
        return onNetdev("SIOCGIFHWADDR", n -> nd -> nd.hwAddr(n));
    }

    /** The netdev's flags now (IFF_UP, IFF_PROMISC, ...). */
    public int flags()
    {
        return onNetdev("SIOCGIFFLAGS", n -> nd -> nd.flags(n));
    }

    /** The rtnetlink socket's fd, to poll for link changes. */
    public int netlinkFd()
    {
        return netlink.fd();
    }

    /**
     * Reads the pending rtnetlink link messages (of every interface in the home namespace and in every namespace with an
     * nsid there, each tagged with it) into {@code into}.
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
        restoreMtu(mtu);
    }

    /** As {@link #setMtu}, for the MAC address (no CHANGE_MAC_ADDR request). */
    public void setMacAddr(final byte[] mac)
    {
        appMac = mac.clone();
        restoreMacAddr(mac);
    }

    /** As {@link #setMtu}, for IFF_PROMISC (no CHANGE_PROMISC request). */
    public void setPromiscuous(final boolean on)
    {
        appPromisc = on ? 1 : 0;
        restoreFlag(NetDev.IFF_PROMISC, on);
    }

    /** As {@link #setMtu}, for IFF_ALLMULTI (no CHANGE_ALLMULTI request). */
    public void setAllmulticast(final boolean on)
    {
        appAllmulti = on ? 1 : 0;
        restoreFlag(NetDev.IFF_ALLMULTI, on);
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
        onNetdev("SIOCSIFMTU", n -> nd ->
        {
            nd.mtu(n, mtu);
            return null;
        });
    }

    /** Puts the MAC address back after a refusal; not an application change. */
    public void restoreMacAddr(final byte[] mac)
    {
        onNetdev("SIOCSIFHWADDR", n -> nd ->
        {
            nd.hwAddr(n, mac);
            return null;
        });
    }

    /** Puts one flag (IFF_UP, IFF_PROMISC, IFF_ALLMULTI) back after a refusal; not an application change. */
    public void restoreFlag(final int flag, final boolean on)
    {
        onNetdev("SIOCSIFFLAGS", n -> nd ->
        {
            nd.flags(n, flag, on);
            return null;
        });
    }

    /** Closes the sockets and the TAP fd, which removes the netdev (non-persistent TAP). */
    public void close()
    {
        nsidRequests.close();
        netlink.close();
        netDev.close();
        LibC.closeQuietly(tapFd);
    }

    public String toString()
    {
        return "KniNetdev{name=" + name + ", ifindex=" + ifIndex +
            (nsid == RtNetlink.NSID_OWN ? "" : ", nsid=" + nsid) + (detached ? ", detached" : "") + '}';
    }
}
