package io.ethdev4j.kni.kernel;

import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.KniFifo;
import io.ethdev4j.kni.kernel.datapath.KniDataPath;
import io.ethdev4j.kni.kernel.datapath.KniDeviceStats;
import io.ethdev4j.kni.kernel.datapath.LoModeFifoDataPath;
import io.ethdev4j.kni.kernel.datapath.LoModeFifoSkbDataPath;
import io.ethdev4j.kni.kernel.datapath.LoModeNoneDataPath;
import io.ethdev4j.kni.kernel.netdev.KniNetdev;
import io.ethdev4j.kni.kernel.request.KniLinkWatcher;
import io.ethdev4j.kni.kernel.request.KniRequestChannel;

/**
 * One KNI interface on the kernel side, as its three parts:
 * <ul>
 * <li>{@link #netdev()} — the TAP netdev, its namespace, ioctl and rtnetlink sockets, carrier;</li>
 * <li>{@link #dataPath()} — the FIFOs ↔ netdev frames for the module's {@code lo_mode}, chosen here once;</li>
 * <li>the request channel (req_q/resp_q/sync) and the {@link KniLinkWatcher} that turns {@code ip link} changes into
 *     requests and reverts refusals.</li>
 * </ul>
 * Created and released only through {@link KniKernel}; this class only builds, wires and closes the parts.
 */
public final class KniDevice
{
    private final KniDeviceInfo info;
    private final KniModuleParams params;
    private final KniNetdev netdev;
    private final KniDataPath dataPath;
    private final KniRequestChannel channel;
    private KniLinkWatcher watcher;

    /**
     * @throws IllegalArgumentException EINVAL: bad info, FIFO header or MTU.
     * @throws io.ethdev4j.sys.SysException a system call failed creating the netdev.
     */
    KniDevice(final KniDeviceInfo info, final KniModuleParams params)
    {
        info.validate();
        checkFifoHeaders(info);
        this.info = info.copy();
        this.params = params;
        KniRequestChannel ch = null;
        KniNetdev nd = null;
        final KniDataPath dp;
        try
        {
            ch = new KniRequestChannel(info);
            nd = new KniNetdev(info);
            dp = dataPath(info, nd, params);
        }
        catch (final RuntimeException | Error ex)
        {
            if (nd != null)
            {
                nd.close();
            }
            if (ch != null)
            {
                ch.close();
            }
            throw ex;
        }
        this.channel = ch;
        this.netdev = nd;
        this.dataPath = dp;
    }

    /** Every FIFO header checked before a netdev exists, so a bad one fails the create with nothing to undo. */
    private static void checkFifoHeaders(final KniDeviceInfo info)
    {
        final KniFifo f = new KniFifo();
        f.attach(info.rxQ());
        f.attach(info.txQ());
        f.attach(info.allocQ());
        f.attach(info.freeQ());
        f.attach(info.reqQ());
        f.attach(info.respQ());
    }

    /** The module's kni_net_rx_func, picked once per interface. */
    private static KniDataPath dataPath(final KniDeviceInfo info, final KniNetdev netdev, final KniModuleParams params)
    {
        switch (params.loMode())
        {
            case FIFO: return new LoModeFifoDataPath(info, netdev);
            case FIFO_SKB: return new LoModeFifoSkbDataPath(info, netdev);
            default: return new LoModeNoneDataPath(info, netdev, params.tapIo() == KniModuleParams.TapIo.IO_URING,
                params.directIo() && params.doorbell());
        }
    }

    void startWatcher()
    {
        watcher = new KniLinkWatcher(netdev, channel, params.carrier(), params.enableBifurcated());
        watcher.start();
    }

    public String name()
    {
        return info.name();
    }

    public int ifIndex()
    {
        return netdev.ifIndex();
    }

    public KniDeviceInfo info()
    {
        return info.copy();
    }

    public KniNetdev netdev()
    {
        return netdev;
    }

    public KniDataPath dataPath()
    {
        return dataPath;
    }

    public KniDeviceStats stats()
    {
        return dataPath.stats();
    }

    /**
     * False once the interface was deleted from outside, or destroyed with the namespace it was moved to (a move
     * itself is followed: the interface stays present).
     */
    public boolean present()
    {
        return !netdev.detached() && (watcher == null || watcher.present());
    }

    /** Moves to another network namespace (or back) the request watcher followed so far. */
    public long moves()
    {
        return watcher == null ? 0 : watcher.moves();
    }

    /** Refusals seen so far (requests the application failed, or MTUs outside [min, max]); each was reverted. */
    public long refusals()
    {
        return watcher == null ? 0 : watcher.refusals();
    }

    /** Requests sent to the application so far (each change the watcher acted on; app-made changes send none). */
    public long requests()
    {
        return watcher == null ? 0 : watcher.requests();
    }

    /** The log line of the last refusal, or null. */
    public String lastRefusal()
    {
        return watcher == null ? null : watcher.lastRefusal();
    }

    /** errno of the last failed TAP read or write (0 if none): EBADFD/EIO once the netdev was deleted from outside. */
    public int lastIoErrno()
    {
        return dataPath.lastIoErrno();
    }

    /** True when frames go to the TAP in io_uring batches. */
    public boolean usesIoUring()
    {
        return dataPath.usesIoUring();
    }

    /** rte_kni_update_link: sets the carrier and returns the previous state, 1 or 0. */
    public int updateLink(final boolean up)
    {
        return netdev.updateLink(up);
    }

    /** Mbufs the TAP reader holds for its next read (0 or 1); racy read, for tests and diagnostics. */
    int heldMbufs()
    {
        return dataPath.heldMbufs();
    }

    /** Stops the watcher and closes the parts, the netdev last (which removes the interface). */
    void close()
    {
        if (watcher != null)
        {
            watcher.close();
        }
        dataPath.close();
        channel.close();
        netdev.close();
    }

    public String toString()
    {
        return "KniDevice{name=" + info.name() + ", ifindex=" + netdev.ifIndex() + ", " + dataPath.loMode() +
            ", stats=" + dataPath.stats() + '}';
    }
}
