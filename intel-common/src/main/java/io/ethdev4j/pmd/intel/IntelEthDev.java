package io.ethdev4j.pmd.intel;

import io.ethdev4j.bus.EalServices;
import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciException;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The control path the Intel PMDs share (DPDK's e1000 and ixgbe {@code *_ethdev.c} do the same things at different
 * registers): the probe's release-on-failure, the queues (an {@link IntelQueueSet}), the MAC in RAR0, the
 * promiscuous and all-multicast bits, the link wait, close, the hardware counters. A NIC's subclass brings its
 * reset and init ({@link #hardwareInit()}), start/stop in its order, the link and the MTU, and the registers of
 * {@link Layout}.
 */
public abstract class IntelEthDev implements EthDevOps
{
    protected static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * Where a NIC keeps what this class touches: CTRL_EXT and its DRV_LOAD bit, RAL(0)/RAH(0) and RAH's address-valid
     * bit, and the register whose UPE/MPE bits are the promiscuous modes (RCTL on 82576, FCTRL on 82599).
     */
    public record Layout(int ctrlExt, int drvLoad, int ral0, int rah0, int rahAv, int rxModeReg, int upe, int mpe)
    {
    }

    protected final EthDevData data;
    protected final PciDevice dev;
    protected final IntelQueueSet queues;
    protected final RingProgrammer rings;
    protected final HwCounters hw;
    private final Layout layout;
    private final String logTag;
    private final long linkWaitNs;
    private final AutoCloseable owner;
    protected boolean started;
    protected boolean adminDown;
    protected boolean closed;

    /**
     * @param logTag      the log type ({@code IGB}, {@code IXGBE})
     * @param linkWaitMs  how long start and set-link-up wait for the link (0: not at all)
     * @param owner       what to close with the port (the PciDevice, or the process hosting it)
     */
    protected IntelEthDev(final String logTag, final EthDevData data, final EalServices eal, final PciDevice dev,
        final QueueRegisterMap queueRegs, final int maxRingDesc, final HwCounterList counters, final Layout layout,
        final long linkWaitMs, final AutoCloseable owner)
    {
        this.logTag = logTag;
        this.data = data;
        this.dev = dev;
        this.layout = layout;
        this.linkWaitNs = linkWaitMs * MS;
        this.owner = owner;
        this.queues = new IntelQueueSet(dev, queueRegs, eal.memory(), data.portId(), maxRingDesc);
        this.rings = new RingProgrammer(dev, queueRegs);
        this.hw = new HwCounters(dev, counters);
    }

    /**
     * Runs {@code d}'s {@link #hardwareInit()}; on failure closes it (releasing what it took, and its owner) and
     * throws, a PciException turned into an EthDevException with its errno naming the probe.
     */
    protected static <T extends IntelEthDev> T probed(final T d)
    {
        try
        {
            d.hardwareInit();
            return d;
        }
        catch (final RuntimeException ex)
        {
            d.close();
            if (ex instanceof PciException)
            {
                throw new EthDevException(((PciException)ex).errno(), "probe(" + d.data.name() + ") failed: " +
                    ex.getMessage(), ex);
            }
            throw ex;
        }
    }

    /** Reset and init at probe (and at {@link #reset()}). */
    protected abstract void hardwareInit();

    /** Whether the NIC reports its link up now (one register read). */
    protected abstract boolean linkUpNow();

    /** Stop's register part: the NIC's receiver and transmitter off, in its order (queues are disabled after it). */
    protected abstract void stopMac();

    /** The link as the NIC's status register says (read once); the port is started and not set down. */
    protected abstract EthLink readLink();

    /** Stops the MAC and the queues (a device that does not answer is logged) and gives every mbuf back. */
    @Override
    public void stop()
    {
        started = false;
        try
        {
            stopMac();
            rings.disableQueues(queues);
        }
        catch (final PciException ex)
        {
            Log.warn(logTag, "stop(port=" + data.portId() + "): the device did not answer: " + ex.getMessage());
        }
        queues.releaseAllMbufs();
    }

    /** Stop, reset and init again as at probe; the link is no longer set down. */
    @Override
    public void reset()
    {
        stop();
        hardwareInit();
        adminDown = false;
    }

    /** Down while stopped, set down, closed or failed; else {@link #readLink()} (down if it cannot be read). */
    @Override
    public EthLink linkGet()
    {
        if (!started || adminDown || closed || queues.deviceFailed())
        {
            return EthLink.DOWN;
        }
        try
        {
            return readLink();
        }
        catch (final PciException ex)
        {
            Log.err(logTag, "port " + data.portId() + ": link status unreadable, reporting link down: " +
                ex.getMessage());
            return EthLink.DOWN;
        }
    }

    public PciDevice device()
    {
        return dev;
    }

    protected final int rd(final int reg)
    {
        return dev.read32(0, reg);
    }

    protected final void wr(final int reg, final int value)
    {
        dev.write32(0, reg, value);
    }

    protected static void pauseMs(final long ms)
    {
        final long deadline = System.nanoTime() + ms * MS;
        long left;
        while ((left = deadline - System.nanoTime()) > 0)
        {
            LockSupport.parkNanos(left);
        }
    }

    /** Waits up to {@code link_wait_ms} for the link unless it is administratively down (0: no wait). */
    protected final void awaitLink()
    {
        if (!adminDown && linkWaitNs > 0)
        {
            final long deadline = System.nanoTime() + linkWaitNs;
            while (!linkUpNow() && System.nanoTime() - deadline < 0)
            {
                pauseMs(10);
            }
        }
    }

    // ------------------------------------------------------------------ MAC address in RAR0

    /** The MAC in RAL(0)/RAH(0), or a random locally administered one (logged) when it is not valid. */
    protected final MacAddress readMacFromRar0(final String op)
    {
        final int ral = rd(layout.ral0());
        final int rah = rd(layout.rah0());
        final MacAddress mac = MacAddress.of(((long)(ral & 0xFF) << 40) | ((long)((ral >>> 8) & 0xFF) << 32) |
            ((long)((ral >>> 16) & 0xFF) << 24) | ((long)(ral >>> 24 & 0xFF) << 16) | ((long)(rah & 0xFF) << 8) |
            ((rah >>> 8) & 0xFF));
        if ((rah & layout.rahAv()) == 0 || !mac.isValidAssigned())
        {
            final MacAddress random = MacAddress.random();
            Log.warn(logTag, op + ": no valid MAC in RAR0, using the random " + random);
            return random;
        }
        return mac;
    }

    /** RAL(0)/RAH(0) = {@code mac}, address valid. */
    protected final void writeRar0(final MacAddress mac)
    {
        final long v = mac.toLong();
        final int ral = (int)(((v >>> 40) & 0xFF) | ((v >>> 32) & 0xFF) << 8 | ((v >>> 24) & 0xFF) << 16 |
            ((v >>> 16) & 0xFF) << 24);
        final int rah = (int)(((v >>> 8) & 0xFF) | (v & 0xFF) << 8) | layout.rahAv();
        wr(layout.ral0(), ral);
        wr(layout.rah0(), rah);
    }

    @Override
    public void macAddrSet(final MacAddress mac)
    {
        writeRar0(mac);
    }

    // ------------------------------------------------------------------ queues

    @Override
    public RxBurst rxQueueSetup(final int queueId, final int nbDesc, final MbufPool pool, final QueueConf conf)
    {
        return queues.setupRx(queueId, nbDesc, pool, conf);
    }

    @Override
    public TxBurst txQueueSetup(final int queueId, final int nbDesc, final QueueConf conf)
    {
        return queues.setupTx(queueId, nbDesc, conf);
    }

    @Override
    public void rxQueueRelease(final int queueId)
    {
        queues.releaseRx(queueId);
    }

    @Override
    public void txQueueRelease(final int queueId)
    {
        queues.releaseTx(queueId);
    }

    // ------------------------------------------------------------------ promiscuous / all-multicast

    @Override
    public void promiscuousEnable()
    {
        wr(layout.rxModeReg(), rd(layout.rxModeReg()) | layout.upe() | layout.mpe());
    }

    @Override
    public void promiscuousDisable()
    {
        wr(layout.rxModeReg(), rd(layout.rxModeReg()) & ~(layout.upe() | (data.allMulticast() ? 0 : layout.mpe())));
    }

    @Override
    public void allmulticastEnable()
    {
        wr(layout.rxModeReg(), rd(layout.rxModeReg()) | layout.mpe());
    }

    @Override
    public void allmulticastDisable()
    {
        if (!data.promiscuous())
        {
            wr(layout.rxModeReg(), rd(layout.rxModeReg()) & ~layout.mpe());
        }
    }

    /** {@code v} with UPE/MPE as the port's promiscuous and all-multicast settings say. */
    protected final int withRxModes(final int v)
    {
        return (v & ~(layout.upe() | layout.mpe())) | (data.promiscuous() ? layout.upe() | layout.mpe() : 0) |
            (data.allMulticast() ? layout.mpe() : 0);
    }

    // ------------------------------------------------------------------ RSS

    /**
     * Where a NIC turns RSS on: MRQC and the value that enables it with its hash fields, RXCSUM and its PCSD bit (the
     * hash, not the IP checksum, in the write-back).
     */
    public record RssRegs(int mrqc, int mrqcRss, int rxcsum, int pcsd)
    {
    }

    /**
     * With several rx queues in RSS mode: DPDK's default key (through the first table's RSSRK), every table
     * round-robin over the queues, RXCSUM.PCSD, MRQC; otherwise MRQC 0 and PCSD cleared.
     */
    protected final void programRss(final RssRegs regs, final RssProgrammer... tables)
    {
        final int nrx = queues.nbRxQueues();
        if (data.conf().rxMqMode != EthConf.MQ_RX_RSS || nrx < 2)
        {
            wr(regs.mrqc(), 0);
            wr(regs.rxcsum(), rd(regs.rxcsum()) & ~regs.pcsd());
            return;
        }
        tables[0].writeDefaultKey(dev);
        for (final RssProgrammer t : tables)
        {
            t.writeReta(dev, nrx);
        }
        wr(regs.rxcsum(), rd(regs.rxcsum()) | regs.pcsd());
        wr(regs.mrqc(), regs.mrqcRss());
    }

    // ------------------------------------------------------------------ close, counters

    /** Stops if started, gives the mbufs back, clears DRV_LOAD, frees the rings, closes the owner. Idempotent. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (started)
        {
            stop();
        }
        queues.releaseAllMbufs();
        try
        {
            wr(layout.ctrlExt(), rd(layout.ctrlExt()) & ~layout.drvLoad());
        }
        catch (final RuntimeException ignore)
        {
            // the device may be gone
        }
        queues.close();
        try
        {
            owner.close();
        }
        catch (final Exception ex)
        {
            Log.warn(logTag, "close(port=" + data.portId() + "): " + ex);
        }
    }

    @Override
    public void statsReset()
    {
        hw.clear();
        queues.resetStats();
    }

    @Override
    public List<String> xstatsNames()
    {
        return hw.list().xstatNames();
    }

    @Override
    public void xstatsGet(final long[] values)
    {
        hw.xstatsGet(values);
    }
}
