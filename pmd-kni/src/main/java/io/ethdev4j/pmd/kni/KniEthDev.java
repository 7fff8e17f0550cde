package io.ethdev4j.pmd.kni;

import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.kni.Kni;
import io.ethdev4j.kni.KniConf;
import io.ethdev4j.kni.KniContext;
import io.ethdev4j.kni.KniOps;
import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Control operations of a {@code net_kni} port (DPDK v22.11 drivers/net/kni/rte_eth_kni.c).
 *
 * <h2>As DPDK</h2>
 * One rx and one tx queue; link 10 Gbps, full duplex, fixed, up while started; random MAC at probe; promiscuous and
 * all-multicast on from the start. The KNI is allocated at the first start with {@code mbuf_size = data room of rx
 * queue 0's pool − 128} and {@code MTU = mbuf_size − 14} (2034 for the default 2176-byte data room),
 * {@code group_id = port id} and no ops (so every request from the interface succeeds); a request thread answers the
 * interface's requests every 500 ms unless {@code no_request_thread} (then {@code ip link set kniN up} fails after
 * 3 s). Stop keeps the interface; close releases it.
 *
 * <h2>Beyond DPDK</h2>
 * <ul>
 * <li>Byte counters per queue; {@code imissed} = frames the interface sent that the kernel side dropped (alloc_q
 * empty or tx_q full); {@code oerrors} = packets the kernel side took but could not deliver (interface down, bad
 * mbufs), which {@code opackets} then no longer counts (a packet is counted once); {@code rx_nombuf} = alloc_q
 * refills the pool could not serve. Every kernel-side counter is an xstat {@code kni_*}; so is
 * {@code kni_doorbell_rings}, the times the transmit path woke a sleeping KNI thread (in-process or in knid), and
 * {@code kni_direct_rx_packets}/{@code kni_direct_tx_packets}, the frames the bursts moved on the TAP themselves while
 * the thread slept (direct I/O, {@link io.ethdev4j.kni.Kni}; also counted in the {@code kni_*} counters).</li>
 * <li>{@code setMtu}, {@code setMacAddr}, promiscuous and all-multicast reach the Linux interface (its MTU, address,
 * IFF_PROMISC, IFF_ALLMULTI); before the first start they are kept and applied at creation. The MTU range is
 * [68, mbuf_size − 14]: Linux's minimum and what one mbuf carries.</li>
 * <li>The interface gets the port's MAC (DPDK's got a random one of its own). The link reports down once the
 * interface is deleted from outside (or destroyed with the namespace it was moved to); the port keeps working
 * (bursts move nothing) until it is closed. An interface moved to another namespace keeps working.</li>
 * <li>The port's MTU follows the interface's ({@code ip link set kniN mtu M}: {@link io.ethdev4j.ethdev.EthDev#mtu()}
 * reads M); an MTU one mbuf cannot carry (above mbuf_size − 14) is refused and put back on the interface.</li>
 * <li>The interface's carrier follows the port: on at start (and when the interface goes up again while started),
 * off at stop, whatever {@code --kni-carrier} says; that option keeps setting the default for interfaces an
 * application creates with the KNI API.</li>
 * <li>{@code netns=} creates the interface inside a network namespace.</li>
 * <li>alloc_q holds nb_rx_desc empty mbufs (at most 1023, its capacity; 512 by default) from the start and is
 * topped up after every rx burst that received something, as a NIC keeps its rx ring full: DPDK's rte_kni keeps at
 * most 32 there at first (32 more per receiving rx_burst), so a burst of more than 32 frames from the kernel before
 * the application polls was dropped (imissed). The pool must be sized for it, as for a NIC's ring.</li>
 * <li>{@code setLinkDown}/{@code setLinkUp} work (DPDK's net_kni: ENOTSUP). Down is a pulled cable: the link reports
 * down, the interface loses its carrier (so the kernel sends nothing to the port) and tx refuses every packet, which
 * stays the caller's; up (or the next start) undoes it. On a stopped port {@code setLinkUp} changes nothing: the
 * link follows the next start.</li>
 * <li>{@code script=} runs an executable on the fresh interface at the first start, before any traffic (see
 * {@link KniPmdProvider}).</li>
 * </ul>
 */
public final class KniEthDev implements EthDevOps
{
    /** RTE_ETHER_HDR_LEN. */
    public static final int ETHER_HDR_LEN = 14;
    /** How often the request thread calls handleRequest (DPDK: usleep(500 * 1000)). */
    public static final long REQUEST_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(500);

    private static final int[] XSTAT_COUNTERS = {
        KniCounter.RX_PACKETS, KniCounter.RX_BYTES, KniCounter.RX_DROPPED, KniCounter.TX_PACKETS,
        KniCounter.TX_BYTES, KniCounter.TX_DROPPED, KniCounter.BAD_ADDRESS, KniCounter.BAD_BUFFER,
        KniCounter.BAD_CHAIN, KniCounter.TX_TOO_BIG, KniCounter.RX_WRITE_ERRORS};

    private final EthDevData data;
    private final KniContext ctx;
    private final String ifName;
    private final boolean noRequestThread;
    private final String netns;
    private final KniIfScript script;
    private final Runnable onClose;
    private final KniRxQueue[] rxq = new KniRxQueue[1];
    private final KniTxQueue[] txq = new KniTxQueue[1];
    private final long[] kernelBase = new long[KniCounter.COUNT];
    private long nombufBase;
    private long doorbellBase;
    private long directRxBase;
    private long directTxBase;

    private volatile Kni kni;
    private volatile boolean linkUp;
    private boolean started;
    private int pendingMtu;
    private Thread requestThread;
    private volatile boolean requestThreadRunning;
    private boolean closed;

    KniEthDev(final EthDevData data, final KniContext ctx, final String ifName, final boolean noRequestThread,
        final String netns, final KniIfScript script, final Runnable onClose)
    {
        this.data = data;
        this.ctx = ctx;
        this.ifName = ifName;
        this.noRequestThread = noRequestThread;
        this.netns = netns;
        this.script = script;
        this.onClose = onClose;
        data.macAddr(MacAddress.random());
        data.initialRxModes(true, true);
    }

    /** The Linux interface's name ({@code kniN}). */
    public String ifName()
    {
        return ifName;
    }

    /** The KNI behind the port, or null before the first start and after close. */
    public Kni kni()
    {
        return kni;
    }

    public boolean hasRequestThread()
    {
        return !noRequestThread;
    }

    private String op(final String name)
    {
        return name + "(port=" + data.portId() + ")";
    }

    // ------------------------------------------------------------------ info, queues

    @Override
    public void infoGet(final DevInfo info)
    {
        info.maxMacAddrs = 1;
        info.maxRxPktLen = Integer.MAX_VALUE;
        info.maxRxQueues = 1;
        info.maxTxQueues = 1;
        info.minRxBufSize = 0;
        info.minMtu = KniDeviceInfo.ETH_MIN_MTU;
        final Kni k = kni;
        final int mbufSize = k != null ? k.conf().mbufSize() : data.rxPool(0) != null ?
            data.rxPool(0).dataRoomSize() - MbufDescriptor.HEADROOM : 0;
        if (mbufSize > ETHER_HDR_LEN + KniDeviceInfo.ETH_MIN_MTU)
        {
            info.maxMtu = Math.min(0xFFFF, mbufSize - ETHER_HDR_LEN);
            info.maxRxPktLen = mbufSize;
        }
        if (k != null)
        {
            info.ifIndex = k.ifIndex();
        }
    }

    @Override
    public RxBurst rxQueueSetup(final int queueId, final int nbDesc, final MbufPool pool, final QueueConf conf)
    {
        final KniRxQueue q = new KniRxQueue(data.portId(), Math.min(nbDesc, KniContext.KNI_FIFO_COUNT_MAX - 1));
        q.kni = kni;
        rxq[queueId] = q;
        return q;
    }

    @Override
    public TxBurst txQueueSetup(final int queueId, final int nbDesc, final QueueConf conf)
    {
        final KniTxQueue q = new KniTxQueue();
        q.kni = kni;
        q.linkDown = !linkUp;
        txq[queueId] = q;
        return q;
    }

    @Override
    public void rxQueueRelease(final int queueId)
    {
        rxq[queueId] = null;
    }

    @Override
    public void txQueueRelease(final int queueId)
    {
        txq[queueId] = null;
    }

    // ------------------------------------------------------------------ lifecycle

    /** eth_kni_dev_start: the KNI at the first start, the request thread, link up. */
    @Override
    public void start()
    {
        Kni k = kni;
        if (k == null)
        {
            final MbufPool pool = data.rxPool(0);
            final int mbufSize = pool.dataRoomSize() - MbufDescriptor.HEADROOM;
            final int maxMtu = mbufSize - ETHER_HDR_LEN;
            int mtu = pendingMtu != 0 ? pendingMtu : maxMtu;
            if (mtu > maxMtu)
            {
                Log.warn("KNI", op("start") + ": MTU " + mtu + " does not fit a " + mbufSize + "-byte mbuf; using " + maxMtu);
                mtu = maxMtu;
            }
            final KniConf conf = new KniConf().name(ifName).groupId(data.portId()).mbufSize(mbufSize).mtu(mtu)
                .minMtu(KniDeviceInfo.ETH_MIN_MTU).maxMtu(maxMtu).macAddr(data.macAddr()).netns(netns);
            k = ctx.alloc(pool, conf, new KniOps().changeMtu(this::interfaceMtu).configNetworkIf(this::interfaceUpDown));
            if (script != null)
            {
                try
                {
                    script.run(op("start"), ifName, netns);
                }
                catch (final RuntimeException ex)
                {
                    ctx.release(k);
                    throw ex;
                }
            }
            kni = k;
            data.deviceMtu(mtu);
        }
        for (final KniRxQueue q : rxq)
        {
            if (q != null)
            {
                q.kni = k;
                k.fillAllocQ(q.ringSize);
            }
        }
        for (final KniTxQueue q : txq)
        {
            if (q != null)
            {
                q.kni = k;
            }
        }
        if (!noRequestThread)
        {
            startRequestThread(k);
        }
        started = true;
        link(k, true, "start");
    }

    /** The port's link and the interface's carrier, together; tx refuses while the link is down. */
    private void link(final Kni k, final boolean up, final String op)
    {
        linkUp = up;
        for (final KniTxQueue q : txq)
        {
            if (q != null)
            {
                q.linkDown = !up;
            }
        }
        if (k != null && !k.isReleased())
        {
            carrier(k, up, op);
        }
    }

    /**
     * The interface's carrier follows the port: on when it starts, off when it stops, whatever {@code --kni-carrier}
     * says (that option still sets the default for interfaces an application creates with the KNI API).
     */
    private void carrier(final Kni k, final boolean on, final String opName)
    {
        try
        {
            k.updateLink(on);
        }
        catch (final EthDevException ex)
        {
            // the interface was deleted from outside: the link already reads down
            Log.warn("KNI", op(opName) + ": carrier " + (on ? "on" : "off") + " not set: " +
                ex.getMessage());
        }
    }

    /**
     * CHANGE_MTU from the interface ({@code ip link set kniN mtu M}): the port's MTU follows; an MTU one mbuf cannot
     * carry (above mbuf_size − 14) is refused, and the kernel side puts the interface's MTU back.
     */
    private int interfaceMtu(final int portId, final int mtu)
    {
        final Kni k = kni;
        final int max = k == null ? 0 : k.conf().mbufSize() - ETHER_HDR_LEN;
        if (mtu < KniDeviceInfo.ETH_MIN_MTU || mtu > max)
        {
            Log.err("KNI", "port " + data.portId() + " (" + ifName + "): MTU " + mtu + " refused: EINVAL - outside [" +
                KniDeviceInfo.ETH_MIN_MTU + ", " + max + "] (mbuf_size " + (max + ETHER_HDR_LEN) + " - 14)");
            return -Errno.EINVAL;
        }
        data.deviceMtu(mtu);
        return 0;
    }

    /** CFG_NETWORK_IF: accepted; going up raises the carrier again while the port is started (down dropped it). */
    private int interfaceUpDown(final int portId, final int up)
    {
        final Kni k = kni;
        if (up != 0 && linkUp && k != null)
        {
            carrier(k, true, "interface up");
        }
        return 0;
    }

    private void startRequestThread(final Kni k)
    {
        requestThreadRunning = true;
        final Thread t = new Thread(() ->
        {
            while (requestThreadRunning)
            {
                k.handleRequest();
                LockSupport.parkNanos(REQUEST_INTERVAL_NS);
            }
        }, "kni_handle_req-" + ifName);
        t.setDaemon(true);
        requestThread = t;
        t.start();
    }

    private void stopRequestThread()
    {
        final Thread t = requestThread;
        if (t == null)
        {
            return;
        }
        requestThreadRunning = false;
        LockSupport.unpark(t);
        boolean interrupted = false;
        while (t.isAlive())
        {
            try
            {
                t.join();
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        requestThread = null;
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** eth_kni_dev_stop: the request thread stops, the link goes down; the interface stays. */
    @Override
    public void stop()
    {
        stopRequestThread();
        started = false;
        link(kni, false, "stop");
    }

    /** eth_kni_close: releases the KNI (freeing every mbuf it holds) and, for the last port, the KNI context. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        stopRequestThread();
        linkUp = false;
        final Kni k = kni;
        kni = null;
        try
        {
            if (k != null)
            {
                ctx.release(k);
            }
        }
        finally
        {
            onClose.run();
        }
    }

    // ------------------------------------------------------------------ link

    /**
     * Beyond DPDK (whose net_kni has no dev_set_link_up: ENOTSUP): the link comes up again and the interface's
     * carrier with it, as at start. On a stopped port nothing changes: the link follows the next start.
     */
    @Override
    public void setLinkUp()
    {
        if (started)
        {
            link(kni, true, "setLinkUp");
        }
    }

    /**
     * Beyond DPDK: the link goes down as if a cable were pulled: the interface loses its carrier (the kernel stops
     * sending on it, so the port receives nothing new) and tx refuses every packet (they stay the caller's) until
     * {@link #setLinkUp} or the next start.
     */
    @Override
    public void setLinkDown()
    {
        link(kni, false, "setLinkDown");
    }

    @Override
    public EthLink linkGet()
    {
        final Kni k = kni;
        return new EthLink(EthLink.SPEED_10G, true, false, linkUp && k != null && k.present());
    }

    // ------------------------------------------------------------------ stats

    @Override
    public void statsGet(final EthStats stats)
    {
        if (rxq[0] != null && data.nbRxQueues() > 0)
        {
            stats.addRxQueue(0, rxq[0].counters);
        }
        if (txq[0] != null && data.nbTxQueues() > 0)
        {
            stats.addTxQueue(0, txq[0].counters);
        }
        final Kni k = kni;
        if (k != null)
        {
            final long[] c = kernelCounters(k);
            stats.imissed += c[KniCounter.TX_DROPPED];
            // packets the kernel side took from rx_q and then dropped: errors, and no longer sent (counted once)
            final long dropped = c[KniCounter.RX_DROPPED] + c[KniCounter.BAD_ADDRESS] + c[KniCounter.BAD_BUFFER] +
                c[KniCounter.BAD_CHAIN];
            stats.oerrors += dropped;
            stats.opackets -= dropped;
            stats.qOpackets[0] -= dropped;
            stats.rxNombuf += k.allocFailures() - nombufBase;
        }
    }

    /** The kernel side's counters since the last reset (one read through the control channel). */
    private long[] kernelCounters(final Kni k)
    {
        final long[] c = new long[KniCounter.COUNT];
        k.readKernelCounters(c);
        for (int i = 0; i < c.length; i++)
        {
            c[i] -= kernelBase[i];
        }
        return c;
    }

    @Override
    public void statsReset()
    {
        if (rxq[0] != null)
        {
            rxq[0].counters.reset();
        }
        if (txq[0] != null)
        {
            txq[0].counters.reset();
        }
        final Kni k = kni;
        if (k != null)
        {
            k.readKernelCounters(kernelBase);
            nombufBase = k.allocFailures();
            doorbellBase = k.doorbellRings();
            directRxBase = k.directPackets(true);
            directTxBase = k.directPackets(false);
        }
    }

    @Override
    public List<String> xstatsNames()
    {
        final List<String> names = new ArrayList<>(XSTAT_COUNTERS.length + 1);
        for (final int c : XSTAT_COUNTERS)
        {
            names.add("kni_" + KniCounter.name(c));
        }
        names.add("kni_doorbell_rings");
        names.add("kni_direct_rx_packets");
        names.add("kni_direct_tx_packets");
        return names;
    }

    @Override
    public void xstatsGet(final long[] values)
    {
        final Kni k = kni;
        final long[] c = k == null ? null : kernelCounters(k);
        for (int i = 0; i < XSTAT_COUNTERS.length && i < values.length; i++)
        {
            values[i] = c == null ? 0 : c[XSTAT_COUNTERS[i]];
        }
        final int x = XSTAT_COUNTERS.length;
        if (values.length > x)
        {
            values[x] = k == null ? 0 : k.doorbellRings() - doorbellBase;
        }
        if (values.length > x + 2)
        {
            values[x + 1] = k == null ? 0 : k.directPackets(true) - directRxBase;
            values[x + 2] = k == null ? 0 : k.directPackets(false) - directTxBase;
        }
    }

    @Override
    public void xstatsReset()
    {
        statsReset();
    }

    // ------------------------------------------------------------------ MTU, MAC, rx modes (beyond DPDK)

    private EthDevException failed(final String op, final EthDevException ex)
    {
        return new EthDevException(ex.errno(), op + " failed: " + Errno.name(ex.errno()) + " - interface " + ifName + ": " +
            ex.getMessage(), ex);
    }

    @Override
    public void mtuSet(final int mtu)
    {
        final Kni k = kni;
        if (k == null)
        {
            pendingMtu = mtu;
            return;
        }
        try
        {
            k.setMtu(mtu);
        }
        catch (final EthDevException ex)
        {
            throw failed("setMtu(port=" + data.portId() + ", mtu=" + mtu + ")", ex);
        }
    }

    @Override
    public void macAddrSet(final MacAddress mac)
    {
        final Kni k = kni;
        if (k == null)
        {
            return; // the interface is created with data.macAddr()
        }
        try
        {
            k.setMacAddr(mac);
        }
        catch (final EthDevException ex)
        {
            throw failed("setMacAddr(port=" + data.portId() + ", mac=" + mac + ")", ex);
        }
    }

    private void rxMode(final String op, final boolean promisc, final boolean on)
    {
        final Kni k = kni;
        if (k == null)
        {
            return; // applied by the ethdev layer's restore at start
        }
        try
        {
            if (promisc)
            {
                k.setPromiscuous(on);
            }
            else
            {
                k.setAllmulticast(on);
            }
        }
        catch (final EthDevException ex)
        {
            throw failed(op + "(port=" + data.portId() + ")", ex);
        }
    }

    @Override
    public void promiscuousEnable()
    {
        rxMode("promiscuousEnable", true, true);
    }

    @Override
    public void promiscuousDisable()
    {
        rxMode("promiscuousDisable", true, false);
    }

    @Override
    public void allmulticastEnable()
    {
        rxMode("allmulticastEnable", false, true);
    }

    @Override
    public void allmulticastDisable()
    {
        rxMode("allmulticastDisable", false, false);
    }
}
