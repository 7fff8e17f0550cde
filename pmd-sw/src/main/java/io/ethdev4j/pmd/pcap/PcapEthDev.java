package io.ethdev4j.pmd.pcap;

import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pmd.SoftwarePortOps;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.NetDev;
import io.ethdev4j.sys.SysException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Control operations of a {@code net_pcap} port: one rx queue replaying the {@code rx_pcap} image, reading a live
 * interface ({@code iface}, {@code rx_iface}, {@code rx_iface_in}) or returning nothing; one tx queue writing
 * {@code tx_pcap}, sending on a live interface ({@code iface}, {@code tx_iface}) or dropping. Link 10G full duplex
 * fixed, up while started (DPDK's pmd_link; its link_update reports no interface state).
 * As DPDK, start rewinds the replay (the file is reopened there) unless {@code infinite_rx=1}; unlike DPDK, the
 * tx file is opened once at probe and kept across stop/start (DPDK truncates it when it restarts), and its buffer
 * is flushed at stop and close.
 * <p>
 * Live interfaces ({@link PcapIface}): their sockets stay open from probe to close; start discards what queued up
 * while stopped, stop releases the promiscuous/all-multicast memberships (DPDK closes and reopens its pcap_t).
 * Promiscuous and all-multicast toggle the memberships on the interface while started (DPDK has no such ops and
 * keeps the capture promiscuous). imissed is the kernel's drop count of the rx socket (PACKET_STATISTICS, as
 * DPDK's pcap_stats ps_drop), kept across stop/start. setLinkUp/setLinkDown, which DPDK's net_pcap lacks, set the
 * interfaces up or down (SIOCSIFFLAGS IFF_UP, as {@code ip link set}) and the port's link with them: a port whose
 * interface is down refuses tx (ENETDOWN), which is how tx backs up.
 */
final class PcapEthDev extends SoftwarePortOps
{
    private final PcapImage rxImage;
    private final Path rxPath;
    private final boolean infiniteRx;
    private final PcapFileWriter txWriter;
    /** The live interfaces (null without), their netdev control socket (in their namespace) and DPDK's if_index. */
    private final PcapIface rxIface;
    private final PcapIface txIface;
    private final NetDev netdev;
    private final int ifIndex;
    /** Set by the control thread, read by stats from any thread. */
    private volatile PcapRxQueue rxq;
    private volatile PcapTxQueue txq;
    private PcapLiveRxQueue liveRxq;
    private PcapLiveTxQueue liveTxq;
    /** Control thread: memberships are held only while started. */
    private boolean started;
    private boolean closed;

    /** A port on files only. */
    PcapEthDev(final EthDevData data, final PcapImage rxImage, final Path rxPath, final boolean infiniteRx,
        final PcapFileWriter txWriter, final MacAddress mac)
    {
        this(data, rxImage, rxPath, infiniteRx, txWriter, null, null, null, 0, mac);
    }

    /**
     * A port with live interfaces: {@code rxIface} and/or {@code txIface} (the same object for {@code iface=}),
     * whose control socket {@code netdev} the port owns from now on, as it owns the interfaces' sockets.
     * {@code ifIndex} is what dev info reports (DPDK: the interface's index with {@code iface=}, else 0).
     */
    PcapEthDev(final EthDevData data, final PcapImage rxImage, final Path rxPath, final boolean infiniteRx,
        final PcapFileWriter txWriter, final PcapIface rxIface, final PcapIface txIface, final NetDev netdev,
        final int ifIndex, final MacAddress mac)
    {
        super(data);
        this.rxImage = rxImage;
        this.rxPath = rxPath;
        this.infiniteRx = infiniteRx;
        this.txWriter = txWriter;
        this.rxIface = rxIface;
        this.txIface = txIface;
        this.netdev = netdev;
        this.ifIndex = ifIndex;
        data.macAddr(mac);
        data.initialRxModes(true, true);  // pmd_init_internals: a capture sees every frame
    }

    /** The rx interface, or null. */
    PcapIface rxIface()
    {
        return rxIface;
    }

    /** The tx interface, or null (the rx one with iface=). */
    PcapIface txIface()
    {
        return txIface;
    }

    /** The parsed rx file, or null without rx_pcap. */
    PcapImage rxImage()
    {
        return rxImage;
    }

    Path rxPath()
    {
        return rxPath;
    }

    /** The tx file, or null without tx_pcap. */
    Path txPath()
    {
        return txWriter == null ? null : txWriter.path();
    }

    @Override
    public void infoGet(final DevInfo info)
    {
        info.maxRxQueues = 1;
        info.maxTxQueues = 1;
        info.maxMacAddrs = 1;
        info.maxRxPktLen = Integer.MAX_VALUE;
        info.minRxBufSize = 0;
        info.ifIndex = ifIndex;
    }

    @Override
    public RxBurst rxQueueSetup(final int queueId, final int nbDesc, final MbufPool pool, final QueueConf conf)
    {
        if (rxIface != null)
        {
            liveRxq = new PcapLiveRxQueue(pool, data.portId(), rxIface);
            rxCounters(queueId, liveRxq.counters);
            return liveRxq;
        }
        rxq = new PcapRxQueue(pool, data.portId(), rxImage, infiniteRx);
        rxCounters(queueId, rxq.counters);
        return rxq;
    }

    @Override
    public TxBurst txQueueSetup(final int queueId, final int nbDesc, final QueueConf conf)
    {
        if (txIface != null)
        {
            liveTxq = new PcapLiveTxQueue(txIface);
            txCounters(queueId, liveTxq.counters);
            return liveTxq;
        }
        txq = new PcapTxQueue(txWriter);
        txCounters(queueId, txq.counters);
        return txq;
    }

    @Override
    public void rxQueueRelease(final int queueId)
    {
        super.rxQueueRelease(queueId);
        rxq = null;
        if (liveRxq != null)
        {
            liveRxq.close();
            liveRxq = null;
        }
    }

    @Override
    public void txQueueRelease(final int queueId)
    {
        super.txQueueRelease(queueId);
        txq = null;
        if (liveTxq != null)
        {
            liveTxq.close();
            liveTxq = null;
        }
    }

    @Override
    public void start()
    {
        final PcapRxQueue q = rxq;
        if (q != null && !infiniteRx)
        {
            q.rewind();
        }
        if (liveRxq != null)
        {
            liveRxq.discardStaged();
        }
        live("start", PcapIface::restart);
        started = true;
        super.start();
    }

    @Override
    public void stop()
    {
        super.stop();
        started = false;
        live("stop", PcapIface::stop);
        flush("stop");
    }

    /** Sets the live interfaces down (IFF_UP off) and the link with them; a file-only port only reports it. */
    @Override
    public void setLinkDown()
    {
        ifaceUp("setLinkDown", false);
        super.setLinkDown();
    }

    /** Sets the live interfaces up and clears the ENETDOWN their sockets were left with. */
    @Override
    public void setLinkUp()
    {
        ifaceUp("setLinkUp", true);
        live("setLinkUp", PcapIface::clearError);
        super.setLinkUp();
    }

    private void ifaceUp(final String op, final boolean up)
    {
        live(op, i -> netdev.flags(i.name, NetDev.IFF_UP, up));
    }

    @Override
    public void promiscuousEnable()
    {
        rxModes("promiscuousEnable", i -> i.promiscuous(true));
    }

    @Override
    public void promiscuousDisable()
    {
        rxModes("promiscuousDisable", i -> i.promiscuous(false));
    }

    @Override
    public void allmulticastEnable()
    {
        rxModes("allmulticastEnable", i -> i.allmulticast(true));
    }

    @Override
    public void allmulticastDisable()
    {
        rxModes("allmulticastDisable", i -> i.allmulticast(false));
    }

    /** Applies an rx mode to the interfaces while started; stopped, the ethdev layer re-applies it at start. */
    private void rxModes(final String op, final Consumer<PcapIface> mode)
    {
        if (started)
        {
            live(op, mode);
        }
    }

    /** Runs {@code action} on each distinct live interface, a failed syscall reported as the port's failure. */
    private void live(final String op, final Consumer<PcapIface> action)
    {
        for (final PcapIface i : ifaces())
        {
            apply(op, i, action);
        }
    }

    private void apply(final String op, final PcapIface iface, final Consumer<PcapIface> action)
    {
        try
        {
            action.accept(iface);
        }
        catch (final SysException ex)
        {
            throw new EthDevException(ex.errno(), op + "(port=" + data.portId() + ") failed: " +
                Errno.name(ex.errno()) + " - " + iface + ": " + ex.getMessage(), ex);
        }
    }

    /** The distinct live interfaces (iface= is one socket for rx and tx). */
    private PcapIface[] ifaces()
    {
        if (rxIface == null)
        {
            return txIface == null ? new PcapIface[0] : new PcapIface[] {txIface};
        }
        return txIface == null || txIface == rxIface ? new PcapIface[] {rxIface} : new PcapIface[] {rxIface, txIface};
    }

    /** Adds the rx interface's kernel drops as imissed (DPDK: pcap_stats ps_drop). */
    @Override
    public void statsGet(final EthStats stats)
    {
        super.statsGet(stats);
        if (rxIface != null)
        {
            apply("statsGet", rxIface, i -> stats.imissed += i.missed());
        }
    }

    @Override
    public void statsReset()
    {
        super.statsReset();
        if (rxIface != null)
        {
            apply("statsReset", rxIface, PcapIface::resetMissed);
        }
    }

    private void flush(final String op)
    {
        if (txWriter == null)
        {
            return;
        }
        try
        {
            txWriter.flush();
        }
        catch (final IOException ex)
        {
            throw new EthDevException(Errno.EIO, op + "(port=" + data.portId() + ") failed: EIO - writing tx_pcap=" +
                txWriter.path() + ": " + ex, ex);
        }
    }

    /** Flushes and closes the tx file, frees the rx image, closes the interfaces' sockets; idempotent. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        super.close();
        try
        {
            if (txWriter != null)
            {
                txWriter.close();
            }
        }
        catch (final IOException ex)
        {
            throw new EthDevException(Errno.EIO, "close(port=" + data.portId() + ") failed: EIO - writing tx_pcap=" +
                txWriter.path() + ": " + ex, ex);
        }
        finally
        {
            if (rxImage != null)
            {
                rxImage.close();
            }
            closeLive();
        }
    }

    private void closeLive()
    {
        if (liveRxq != null)
        {
            liveRxq.close();
            liveRxq = null;
        }
        if (liveTxq != null)
        {
            liveTxq.close();
            liveTxq = null;
        }
        for (final PcapIface i : ifaces())
        {
            i.close();
        }
        if (netdev != null)
        {
            netdev.close();
        }
    }
}
