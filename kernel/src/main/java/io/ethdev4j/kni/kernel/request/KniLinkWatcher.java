package io.ethdev4j.kni.kernel.request;

import io.ethdev4j.kni.abi.KniRequestId;
import io.ethdev4j.kni.kernel.netdev.KniNetdev;
import io.ethdev4j.sys.RteLog;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.Mac;
import io.ethdev4j.sys.NetDev;
import io.ethdev4j.sys.Poll;
import io.ethdev4j.sys.RtNetlink;
import io.ethdev4j.sys.SysException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns changes of one KNI interface, as rtnetlink reports them, into KNI requests on its {@link KniRequestChannel}
 * and reverts what the application refuses — the role of the module's net_device_ops
 * (ndo_open/stop/change_mtu/set_mac_address/change_rx_flags). One thread per interface ({@code kni_req_<name>}).
 *
 * <h2>After the fact</h2>
 * rte_kni.ko was asked <em>before</em> a change took effect: ndo_change_mtu, ndo_open and ndo_set_mac_address could
 * fail the user's {@code ip link} command. A TAP accepts every change at once and rtnetlink only reports it, so here the
 * request follows the change. The observable outcome is kept: a change the application refuses (non-zero result,
 * -ETIME after 3 s, -EBUSY, -ENODATA) is reverted on the netdev, and one log line names the interface, the change and
 * the reason; {@code ip link} shows the previous value again. The user's command itself succeeds.
 *
 * <h2>No loops</h2>
 * The watcher keeps the <em>accepted</em> state (what the application agreed to). Every notification is compared with
 * it, not with the previous notification; when several are queued only the newest (the current state) counts. A
 * revert brings the netdev back to the accepted state, so its own notification differs in nothing and causes no
 * request. A user change racing a revert is simply seen as the next change.
 *
 * <h2>Order and scope, as the module</h2>
 * Within one notification: MAC, MTU, up/down, promiscuous, allmulticast (do_setlink's order). MTUs outside
 * [min_mtu, max_mtu] (max_mtu = the creation MTU unless given, as the module sets it) are reverted without asking the
 * application (the kernel refused them with EINVAL before any request). Going down cannot be refused: the result is
 * logged only, and with enable_bifurcated the request is asynchronous. Promiscuous/allmulticast requests are sent only
 * while the interface is up (ndo_change_rx_flags runs only then); they follow the user's flag ({@code ip link set
 * promisc on}); a packet socket's promiscuity (tcpdump) is not reported by rtnetlink and sends nothing — the module
 * sent a request for it. Unlike the module, a refused promiscuous/allmulticast change is reverted too.
 *
 * <h2>Other namespaces</h2>
 * An interface moved with {@code ip link set NAME netns NS} is followed, as the module's netdev simply went along: the
 * RTM_DELLINK its old namespace reports is not a deletion while the TAP is still attached ({@link KniNetdev#relocate}
 * finds the new namespace's nsid and ifindex); the watcher then listens there and keeps serving requests, and the
 * move's implicit {@code down} (the kernel closes a netdev it moves) goes to the application as the module's ndo_stop
 * did. Moving it back, or on to a third namespace, is followed the same way. It is gone only when the TAP is detached:
 * deleted ({@code ip link del}, in whatever namespace) or destroyed with its namespace ({@code ip netns del}; a TAP is
 * not handed back to the initial namespace). The watcher checks that on every idle poll too, since the RTM_DELLINK of
 * a dying namespace reaches nobody outside it. Either way one log line says so and {@link #present()} turns false
 * (the port's link goes down).
 */
public final class KniLinkWatcher implements Runnable, AutoCloseable
{
    private static final long POLL_NS = 50_000_000L;

    private final KniNetdev dev;
    private final KniRequestChannel channel;
    private final boolean carrier;
    private final boolean enableBifurcated;
    private final String name;
    private final Thread thread;
    private final Poll poll = new Poll(1);
    private final List<RtNetlink.LinkMessage> messages = new ArrayList<>();

    private volatile boolean running = true;
    private volatile boolean present = true;
    private volatile long refusals;
    private volatile long requests;
    private volatile long moves;
    private volatile String lastRefusal;

    // accepted state; watcher thread only (initialised before start)
    private int mtu;
    private boolean up;
    private boolean promisc;
    private boolean allmulti;
    private byte[] mac;

    /**
     * @param carrier          the module's {@code carrier=on}: the carrier goes on when the application accepts up.
     * @param enableBifurcated the module's {@code enable_bifurcated=on}: going down is sent asynchronously.
     */
    public KniLinkWatcher(final KniNetdev dev, final KniRequestChannel channel, final boolean carrier,
        final boolean enableBifurcated)
    {
        this.dev = dev;
        this.channel = channel;
        this.carrier = carrier;
        this.enableBifurcated = enableBifurcated;
        this.name = dev.name();
        poll.set(new int[] {dev.netlinkFd()}, 1);
        readState();
        thread = new Thread(this, "kni_req_" + name);
        thread.setDaemon(true);
    }

    public void start()
    {
        thread.start();
    }

    /** False once the interface was deleted, or destroyed with the namespace it had been moved to. */
    public boolean present()
    {
        return present;
    }

    /** Refusals seen so far (requests the application failed, or MTUs outside [min, max]); each was reverted. */
    public long refusals()
    {
        return refusals;
    }

    /** Requests sent to the application so far (each change acted on; the application's own changes send none). */
    public long requests()
    {
        return requests;
    }

    /** The log line of the last refusal, or null. */
    public String lastRefusal()
    {
        return lastRefusal;
    }

    private void readState()
    {
        final int flags = dev.flags();
        mtu = dev.mtu();
        mac = dev.macAddr();
        up = (flags & NetDev.IFF_UP) != 0;
        promisc = (flags & NetDev.IFF_PROMISC) != 0;
        allmulti = (flags & NetDev.IFF_ALLMULTI) != 0;
    }

    public void run()
    {
        while (running && present)
        {
            try
            {
                step();
            }
            catch (final SysException ex)
            {
                // e.g. a revert on a netdev that vanished meanwhile
                if (dev.currentName() == null)
                {
                    gone(dev.nsid() == RtNetlink.NSID_OWN ? "deleted from outside" :
                        "destroyed in network namespace nsid " + dev.nsid() + " (deleted, or with the namespace)");
                }
                else
                {
                    RteLog.warn("KNI", "kni " + name + ": " + ex.getMessage());
                }
            }
            catch (final RuntimeException ex)
            {
                if (ex != RELEASING)
                {
                    RteLog.err("KNI", "kni " + name + ": request watcher stopped: " + ex);
                }
                return;
            }
        }
    }

    private void step()
    {
        poll.poll(POLL_NS);
        messages.clear();
        final int rc = dev.receiveLinkMessages(messages);
        if (rc == -Errno.ENOBUFS)
        {
            RteLog.warn("KNI", "kni " + name + ": rtnetlink overrun, re-reading state");
            follow();
            return;
        }
        RtNetlink.LinkMessage last = null;
        final int nsid = dev.nsid();
        final int ifIndex = dev.ifIndex();
        for (final RtNetlink.LinkMessage m : messages)
        {
            if (m.ifIndex == ifIndex && m.nsid == nsid)
            {
                last = m;
            }
        }
        if (last == null)
        {
            if (rc == 0 && dev.currentName() == null)
            {
                gone(nsid == RtNetlink.NSID_OWN ? "deleted from outside" :
                    "destroyed with its network namespace (nsid " + nsid + ")");
            }
            return;
        }
        if (last.type == RtNetlink.RTM_DELLINK)
        {
            follow();
            return;
        }
        applyCurrent(last.flags, last.mtu < 0 ? mtu : last.mtu, last.address == null ? mac : last.address);
    }

    /**
     * After an RTM_DELLINK (or an overrun): the interface moved (follow it and act on its state there), is where it
     * was (act on its state), or is gone.
     */
    private void follow()
    {
        final int fromNsid = dev.nsid();
        final int fromIfIndex = dev.ifIndex();
        if (!dev.relocate())
        {
            gone(fromNsid == RtNetlink.NSID_OWN ? "deleted from outside" :
                "deleted in network namespace nsid " + fromNsid);
            return;
        }
        if (dev.nsid() == fromNsid && dev.ifIndex() == fromIfIndex)
        {
            applyCurrent(dev.flags(), dev.mtu(), dev.macAddr());
            return;
        }
        moves++;
        final String now = dev.currentName();
        RteLog.info("KNI", "kni " + name + ": " + (dev.nsid() == RtNetlink.NSID_OWN ?
            "back in its own network namespace" : "moved to network namespace nsid " + dev.nsid()) + " as " + now +
            " (ifindex " + dev.ifIndex() + "), still served");
        applyCurrent(dev.flags(), dev.mtu(), dev.macAddr());
    }

    private void gone(final String how)
    {
        present = false;
        RteLog.warn("KNI", "kni " + name + ": interface " + how + "; the port's link is down until it is released");
    }

    /** Moves to another namespace (or back) followed so far. */
    public long moves()
    {
        return moves;
    }

    private void applyCurrent(final int flags, final int curMtu, final byte[] curMac)
    {
        if (!Arrays.equals(curMac, mac) && dev.takeAppMac(curMac))
        {
            mac = curMac.clone();
        }
        if (!Arrays.equals(curMac, mac))
        {
            final int r = Mac.isValid(curMac) ?
                request(KniRequestId.RTE_KNI_REQ_CHANGE_MAC_ADDR, 0, curMac, false) : -Errno.EADDRNOTAVAIL;
            if (r == 0)
            {
                mac = curMac.clone();
            }
            else
            {
                refuse("address " + Mac.format(curMac), "address " + Mac.format(mac), r);
                dev.restoreMacAddr(mac);
            }
        }
        if (curMtu != mtu && dev.takeAppMtu(curMtu))
        {
            mtu = curMtu;
        }
        if (curMtu != mtu)
        {
            if (curMtu < dev.minMtu() || curMtu > dev.maxMtu())
            {
                refuse("mtu " + curMtu, "mtu " + mtu, "EINVAL - outside [" + dev.minMtu() + ", " + dev.maxMtu() + "]");
                dev.restoreMtu(mtu);
            }
            else
            {
                final int r = request(KniRequestId.RTE_KNI_REQ_CHANGE_MTU, curMtu, null, false);
                if (r == 0)
                {
                    mtu = curMtu;
                }
                else
                {
                    refuse("mtu " + curMtu, "mtu " + mtu, r);
                    dev.restoreMtu(mtu);
                }
            }
        }
        final boolean curUp = (flags & NetDev.IFF_UP) != 0;
        if (curUp != up)
        {
            if (curUp)
            {
                final int r = request(KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 1, null, false);
                if (r == 0)
                {
                    up = true;
                    if (carrier)
                    {
                        dev.updateLink(true);
                    }
                }
                else
                {
                    refuse("up", "down", r);
                    dev.restoreFlag(NetDev.IFF_UP, false);
                }
            }
            else
            {
                up = false;
                dev.updateLink(false);
                final int r = request(KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF, 0, null, enableBifurcated);
                if (r != 0)
                {
                    RteLog.warn("KNI", "kni " + name + ": down: application returned " + reason(r) +
                        " (an interface cannot be kept up; not reverted)");
                }
            }
        }
        final boolean curPromisc = (flags & NetDev.IFF_PROMISC) != 0;
        if (curPromisc != promisc && dev.takeAppPromisc(curPromisc))
        {
            promisc = curPromisc;
        }
        if (curPromisc != promisc)
        {
            if (!up)
            {
                promisc = curPromisc;
            }
            else
            {
                final int r = request(KniRequestId.RTE_KNI_REQ_CHANGE_PROMISC, curPromisc ? 1 : 0, null, false);
                if (r == 0)
                {
                    promisc = curPromisc;
                }
                else
                {
                    refuse("promisc " + onOff(curPromisc), "promisc " + onOff(promisc), r);
                    dev.restoreFlag(NetDev.IFF_PROMISC, promisc);
                }
            }
        }
        final boolean curAllmulti = (flags & NetDev.IFF_ALLMULTI) != 0;
        if (curAllmulti != allmulti && dev.takeAppAllmulti(curAllmulti))
        {
            allmulti = curAllmulti;
        }
        if (curAllmulti != allmulti)
        {
            if (!up)
            {
                allmulti = curAllmulti;
            }
            else
            {
                final int r = request(KniRequestId.RTE_KNI_REQ_CHANGE_ALLMULTI, curAllmulti ? 1 : 0, null, false);
                if (r == 0)
                {
                    allmulti = curAllmulti;
                }
                else
                {
                    refuse("allmulticast " + onOff(curAllmulti), "allmulticast " + onOff(allmulti), r);
                    dev.restoreFlag(NetDev.IFF_ALLMULTI, allmulti);
                }
            }
        }
    }

    private int request(final int reqId, final int value, final byte[] macAddr, final boolean async)
    {
        requests++;
        final int r = channel.request(reqId, value, macAddr, async);
        if (r == -Errno.ECANCELED)
        {
            throw RELEASING;
        }
        return r;
    }

    /** The interface is being released while a request waited: the watcher ends without reverting anything. */
    private static final Released RELEASING = new Released();

    /** Stackless: a signal inside the watcher, never thrown out of it. */
    private static final class Released extends io.ethdev4j.sys.ErrnoException
    {
        private static final long serialVersionUID = 1L;

        Released()
        {
            super(Errno.ECANCELED, "kniRequest", "interface released while a request waited");
        }

        @Override
        public synchronized Throwable fillInStackTrace()
        {
            return this;
        }
    }

    private void refuse(final String change, final String restored, final int result)
    {
        refuse(change, restored, reason(result));
    }

    private void refuse(final String change, final String restored, final String why)
    {
        final String line = "kni " + name + ": " + change + " refused (" + why + "), restored " + restored;
        lastRefusal = line;
        refusals++;
        RteLog.warn("KNI", line);
    }

    private static String reason(final int result)
    {
        if (result == -Errno.ETIME)
        {
            return "ETIME - no response from the application in 3 s";
        }
        if (result == -Errno.EBUSY)
        {
            return "EBUSY - req_q full";
        }
        if (result == -Errno.ENODATA)
        {
            return "ENODATA - resp_q returned a foreign address";
        }
        return result < 0 ? "application returned " + result + " (" + Errno.name(-result) + ")" :
            "application returned " + result;
    }

    private static String onOff(final boolean on)
    {
        return on ? "on" : "off";
    }

    public void close()
    {
        running = false;
        channel.cancel();
        if (thread.isAlive() && thread != Thread.currentThread())
        {
            try
            {
                thread.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (!thread.isAlive())
        {
            poll.close();
        }
    }

}
