package io.ethdev4j.pmd.igb;

import io.ethdev4j.bus.EalServices;
import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.DescLimits;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.FlowCtrlConf;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.ethdev.QueueInfo;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pmd.intel.IntelEthDev;
import io.ethdev4j.pmd.intel.IntelQueueSet;
import io.ethdev4j.pmd.intel.IntelRxQueue;
import io.ethdev4j.pmd.intel.RssProgrammer;
import io.ethdev4j.sys.Errno;


import static io.ethdev4j.pmd.igb.IgbRegs.*;

/**
 * The igb control path (DPDK's {@code igb_ethdev.c}) for 82576 and I350 functions behind any {@link PciDevice}:
 * kernel VFIO, a QEMU model over mpqemu, or the in-process {@code IgbSimDevice}.
 * <p>
 * Probe: hardware reset as {@code e1000_reset_hw_82575} (interrupts masked, RCTL/TCTL quiesced, CTRL.RST or
 * CTRL.DEV_RST on I350, a bounded wait for EECD.AUTO_RD that only logs when it times out, as QEMU never sets it),
 * CTRL_EXT.PFRSTD|DRV_LOAD, the MAC from RAR0 (a random locally administered one if RAR0 is empty), MTA cleared,
 * the link forced up (CTRL.SLU) and the PHY's autonegotiation restarted through MDIC. Probe does not wait for the
 * link; {@link #start()} waits up to {@code link_wait_ms} for it (0, DPDK's behaviour, does not wait).
 * <p>
 * Start programs the rings (TX first, then RX with RCTL.EN off until every queue is enabled, RDT last, as
 * {@code eth_igb_rx_init}), LPE/RLPML for the MTU, RSS (MRQC/RETA/RSSRK, RXCSUM.PCSD) for several rx queues in RSS
 * mode, and powers the PHY up if the link was set down (as {@code eth_igb_start} calls
 * {@code eth_igb_dev_set_link_up}). Stop disables the queues and frees the mbufs they hold without resetting the MAC
 * or the PHY, so a restart costs a few register writes; a stopped port reports its link down (DPDK powers the PHY
 * down).
 * <p>
 * Set link down powers the PHY down and also clears TCTL.EN and RCTL.EN, so that the port neither sends nor
 * receives until set up again, as {@code rte_eth_dev_set_link_down} promises: QEMU's model ignores the PHY's power
 * bit and would otherwise keep sending. Descriptors queued meanwhile stay in the ring (tx backs up, txBurst refuses
 * once it is full) and go out at set link up.
 * <p>
 * Registers cost a message round trip on the QEMU transport (≈23 µs): the control path batches nothing clever but
 * the data path touches one register per burst (RDT when refilled, TDT when something was queued).
 * <p>
 * What is igb's here: the reset and init order, the link (MDIC/PHY, STATUS), the order in which rings, TCTL/RCTL and
 * tails are enabled, MAC/MTU/promiscuous registers, and which counters make the basic stats. The queues, their ring
 * programming, counter accumulation and RSS tables are the Intel layer's ({@code io.ethdev4j.pmd.intel}), driven by
 * {@link IgbQueueRegisterMap} and {@link IgbHwStats}.
 * <p>
 * DMA: the driver maps nothing. Rings and pools are the runtime's memory, which the device's transport (the VFIO
 * container, the QEMU process) maps as it is registered: a pool created after {@link #start()} is reachable too.
 */
public final class IgbEthDev extends IntelEthDev
{
    /** E1000_ETH_OVERHEAD: Ethernet header + CRC + two VLAN tags. */
    public static final int ETH_OVERHEAD = 14 + 4 + 2 * 4;
    /** RLPML is 14 bits: the largest frame the port receives. */
    public static final int MAX_RX_PKTLEN = 0x3FFF;
    /** E1000_MIN_RING_DESC / E1000_MAX_RING_DESC / IGB_RXD_ALIGN. */
    public static final int MIN_RING_DESC = 32;
    public static final int MAX_RING_DESC = 4096;
    public static final int RING_DESC_ALIGN = 8;
    private static final RssRegs RSS_REGS = new RssRegs(MRQC, MRQC_ENABLE_RSS | MRQC_RSS_FIELD_IPV4 |
        MRQC_RSS_FIELD_IPV4_TCP | MRQC_RSS_FIELD_IPV4_UDP | MRQC_RSS_FIELD_IPV6 | MRQC_RSS_FIELD_IPV6_TCP |
        MRQC_RSS_FIELD_IPV6_UDP, RXCSUM, RXCSUM_PCSD);
    private static final Layout LAYOUT = new Layout(CTRL_EXT, CTRL_EXT_DRV_LOAD, RAL(0), RAH(0), RAH_AV, RCTL,
        RCTL_UPE, RCTL_MPE);

    /** Which MAC generation the device id says. */
    public enum MacType
    {
        E82576(16, 16),
        I350(8, 8);

        final int maxRxQueues;
        final int maxTxQueues;

        MacType(final int maxRxQueues, final int maxTxQueues)
        {
            this.maxRxQueues = maxRxQueues;
            this.maxTxQueues = maxTxQueues;
        }
    }

    private final MacType macType;
    private final RssProgrammer rss = new RssProgrammer(RSSRK, RETA, RETA_ENTRIES);

    /**
     * Probes the device: reset, MAC, PHY. On failure everything taken is released (and {@code owner} closed).
     *
     * @param owner what to close with the port (the PciDevice, or the QEMU process hosting it)
     */
    public static IgbEthDev probe(final EthDevData data, final EalServices eal, final PciDevice dev, final MacType macType,
        final long linkWaitMs, final AutoCloseable owner)
    {
        return probed(new IgbEthDev(data, eal, dev, macType, linkWaitMs, owner));
    }

    private IgbEthDev(final EthDevData data, final EalServices eal, final PciDevice dev, final MacType macType,
        final long linkWaitMs, final AutoCloseable owner)
    {
        super("IGB", data, eal, dev, IgbQueueRegisterMap.INSTANCE, MAX_RING_DESC, IgbHwStats.LIST, LAYOUT, linkWaitMs,
            owner);
        this.macType = macType;
    }

    public MacType macType()
    {
        return macType;
    }

    // ------------------------------------------------------------------ init

    /** e1000_reset_hw_82575 / _82580, then e1000_init_hw's RAR/MTA/link part. */
    @Override
    protected void hardwareInit()
    {
        final String op = "probe(" + data.name() + ")";
        wr(CTRL_EXT, rd(CTRL_EXT) | CTRL_EXT_DRV_LOAD);
        wr(IMC, 0xFFFF_FFFF);
        wr(EIMC, 0xFFFF_FFFF);
        wr(RCTL, 0);
        wr(TCTL, TCTL_PSP);
        rd(STATUS); // flush
        pauseMs(10);
        wr(CTRL, rd(CTRL) | (macType == MacType.I350 ? CTRL_DEV_RST : CTRL_RST));
        pauseMs(5);
        final long deadline = System.nanoTime() + 10 * MS;
        boolean autoRd = false;
        while (System.nanoTime() - deadline < 0)
        {
            if ((rd(EECD) & EECD_AUTO_RD) != 0)
            {
                autoRd = true;
                break;
            }
            pauseMs(1);
        }
        if (!autoRd)
        {
            // QEMU's igb never sets AUTO_RD; e1000_get_auto_rd_done only logs this too
            Log.debug("IGB", op + ": EECD.AUTO_RD not set after the reset (auto read done timeout), continuing");
        }
        wr(IMC, 0xFFFF_FFFF);
        wr(EIMC, 0xFFFF_FFFF);
        rd(ICR);
        wr(CTRL_EXT, rd(CTRL_EXT) | CTRL_EXT_PFRSTD | CTRL_EXT_DRV_LOAD);

        final MacAddress mac = readMacFromRar0(op);
        writeRar0(mac);
        data.macAddr(mac);
        for (int i = 0; i < MTA_COUNT; i++)
        {
            wr(MTA + 4 * i, 0);
        }
        wr(CTRL, (rd(CTRL) | CTRL_SLU) & ~(CTRL_FRCSPD | CTRL_FRCDPX));
        phyWrite(PHY_BMCR, BMCR_ANENABLE | BMCR_ANRESTART);
        hw.clear(); // clear on read
    }

    private void phyWrite(final int reg, final int value)
    {
        wr(MDIC, mdicWrite(reg, value));
        final long deadline = System.nanoTime() + 100 * MS;
        int mdic;
        while (((mdic = rd(MDIC)) & MDIC_READY) == 0)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw EthDevException.of(Errno.EIO, "phyWrite(port=" + data.portId() + ", reg=" + reg + ")",
                    "MDIC not ready after 100 ms");
            }
        }
        if ((mdic & MDIC_ERROR) != 0)
        {
            throw EthDevException.of(Errno.EIO, "phyWrite(port=" + data.portId() + ", reg=" + reg + ")",
                "MDIC reports an error (MDIC=0x" + Integer.toHexString(mdic) + ")");
        }
    }

    // ------------------------------------------------------------------ EthDevOps

    @Override
    public void infoGet(final DevInfo info)
    {
        info.minMtu = DevInfo.ETHER_MIN_MTU;
        info.maxRxPktLen = MAX_RX_PKTLEN;
        info.maxMtu = MAX_RX_PKTLEN - ETH_OVERHEAD;
        info.minRxBufSize = IntelQueueSet.MIN_RX_BUF_SIZE;
        info.maxRxQueues = macType.maxRxQueues;
        info.maxTxQueues = macType.maxTxQueues;
        info.maxMacAddrs = 1;
        info.retaSize = RETA_ENTRIES;
        info.hashKeySize = RssProgrammer.KEY_BYTES;
        info.rxDescLim = new DescLimits(MAX_RING_DESC, MIN_RING_DESC, RING_DESC_ALIGN);
        info.txDescLim = new DescLimits(MAX_RING_DESC, MIN_RING_DESC, RING_DESC_ALIGN);
        info.speedCapa = 0x2 | 0x4 | 0x8 | 0x10 | 0x20; // 10M/100M half and full, 1G (RTE_ETH_LINK_SPEED_*)
        info.defaultRxRingSize = 512;
        info.defaultTxRingSize = 512;
        info.defaultRxBurstSize = 32;
        info.defaultTxBurstSize = 32;
    }

    @Override
    public void configure()
    {
        final int nrx = data.nbRxQueues();
        queues.configure("igb-rings:" + data.name(), nrx, data.nbTxQueues());
        if (data.conf().rxMqMode == EthConf.MQ_RX_RSS && nrx > 1)
        {
            Log.debug("IGB", "port " + data.portId() + ": RSS over " + nrx + " queues");
        }
    }

    /** igb_rxq_info_get: the pool, descriptors, free threshold and drop enable of the queue as set up. */
    @Override
    public void rxQueueInfo(final int queueId, final QueueInfo info)
    {
        final IntelRxQueue q = queues.rxQueue(queueId);
        info.mempoolName = q.pool().name();
        info.nbDesc = q.nbDesc();
        info.freeThresh = q.freeThresh();
        info.dropEn = q.dropEn();
    }

    /** igb_txq_info_get: the descriptors (igb has no RS threshold; it reports none). */
    @Override
    public void txQueueInfo(final int queueId, final QueueInfo info)
    {
        info.nbDesc = queues.txQueue(queueId).nbDesc();
    }

    /**
     * eth_igb_flow_ctrl_get from the registers: pause on receive / transmit (CTRL.RFCE / TFCE), the pause time
     * (FCTTV), the thresholds (FCRTH / FCRTL), XON (FCRTL.XONE), MAC control frames passed (RCTL.PMCF), and
     * autonegotiation as the PHY runs it. This driver does not program flow control, so they are the device's.
     */
    @Override
    public FlowCtrlConf flowCtrlGet()
    {
        final int ctrl = rd(CTRL);
        final boolean rx = (ctrl & CTRL_RFCE) != 0;
        final boolean tx = (ctrl & CTRL_TFCE) != 0;
        final int mode = rx && tx ? FlowCtrlConf.FC_FULL : rx ? FlowCtrlConf.FC_RX_PAUSE :
            tx ? FlowCtrlConf.FC_TX_PAUSE : FlowCtrlConf.FC_NONE;
        final int fcrtl = rd(FCRTL);
        return new FlowCtrlConf(mode, true, rd(FCTTV) & 0xFFFF, rd(FCRTH) & FCRT_MASK, fcrtl & FCRT_MASK,
            (fcrtl & FCRTL_XONE) != 0, (rd(RCTL) & RCTL_PMCF) != 0);
    }

    /** MRQC hash-field bits and the RTE_ETH_RSS_* bit each stands for (igb_rss_hash_conf_get's table). */
    private static final int[][] MRQC_RSS_FIELDS = {
        {MRQC_RSS_FIELD_IPV4, 2}, {MRQC_RSS_FIELD_IPV4_TCP, 4}, {MRQC_RSS_FIELD_IPV6, 8}, {MRQC_RSS_FIELD_IPV6_EX, 15},
        {MRQC_RSS_FIELD_IPV6_TCP, 10}, {MRQC_RSS_FIELD_IPV6_TCP_EX, 16}, {MRQC_RSS_FIELD_IPV4_UDP, 5},
        {MRQC_RSS_FIELD_IPV6_UDP, 11}, {MRQC_RSS_FIELD_IPV6_UDP_EX, 17}};

    /** eth_igb_rss_hash_conf_get: the hash functions MRQC enables (none while RSS is off) and the key RSSRK holds. */
    @Override
    public long rssHashConfGet(final byte[] key)
    {
        if (key != null)
        {
            rss.readKey(dev, key);
        }
        final int mrqc = rd(MRQC);
        if ((mrqc & MRQC_ENABLE_RSS) == 0)
        {
            return 0;
        }
        long hf = 0;
        for (final int[] f : MRQC_RSS_FIELDS)
        {
            if ((mrqc & f[0]) != 0)
            {
                hf |= 1L << f[1];
            }
        }
        return hf;
    }

    /** eth_igb_rx_queue_count. */
    @Override
    public int rxQueueCount(final int queueId)
    {
        return queues.rxQueue(queueId).usedCount();
    }

    /** eth_igb_rx/tx_descriptor_status; EINVAL for an offset past the ring. */
    @Override
    public int descriptorStatus(final boolean rx, final int queueId, final int offset)
    {
        final int st = rx ? queues.rxQueue(queueId).descriptorStatus(offset) :
            queues.txQueue(queueId).descriptorStatus(offset);
        if (st < 0)
        {
            throw EthDevException.of(Errno.EINVAL, "descriptorStatus(port=" + data.portId() + ", queue=" + queueId + ")",
                "offset " + offset + " past the ring");
        }
        return st;
    }

    /** read rxd / read txd: the advanced descriptor as it is in the ring. */
    @Override
    public void readDescriptor(final boolean rx, final int queueId, final int descId, final byte[] out16)
    {
        if (rx)
        {
            queues.rxQueue(queueId).readDescriptor(descId, out16);
        }
        else
        {
            queues.txQueue(queueId).readDescriptor(descId, out16);
        }
    }

    /**
     * eth_igb_start: TX rings programmed and enabled (eth_igb_tx_init), TCTL.EN; RCTL.EN off while the rx rings are
     * filled, programmed and enabled (eth_igb_rx_init), RSS and the MTU, RCTL.EN on, and only then the rx tails.
     */
    @Override
    public void start()
    {
        final String op = "start(port=" + data.portId() + ")";
        // TX (eth_igb_tx_init); 82576 erratum #26: WTHRESH 1
        rings.programTxRings(queues);
        rings.enableTxQueues(queues, (8 << PTHRESH_SHIFT) | (1 << HTHRESH_SHIFT) |
            ((macType == MacType.E82576 ? 1 : 16) << WTHRESH_SHIFT), 0, op);
        if (adminDown)
        {
            phyWrite(PHY_BMCR, BMCR_ANENABLE);
            adminDown = false;
        }
        wr(TCTL, TCTL_EN | TCTL_PSP | TCTL_CT | TCTL_COLD | TCTL_RTLC);

        // RX (eth_igb_rx_init)
        int rctl = rd(RCTL);
        wr(RCTL, rctl & ~RCTL_EN);
        rings.programRxRings(queues, op);
        rings.enableRxQueues(queues, (8 << PTHRESH_SHIFT) | (8 << HTHRESH_SHIFT) |
            ((macType == MacType.E82576 ? 1 : 4) << WTHRESH_SHIFT), 0, op);
        configureRss();
        applyMtu(data.mtu());
        rctl = withRxModes(rctl & ~(RCTL_LPE | RCTL_MO_MASK)) | RCTL_EN | RCTL_BAM | RCTL_SECRC |
            (data.mtu() + ETH_OVERHEAD > 1518 ? RCTL_LPE : 0);
        wr(RCTL, rctl);
        rings.armRxTails(queues); // after RCTL.EN, as eth_igb_rx_init
        started = true;
        awaitLink();
    }

    /** STATUS.LU: what start and set-link-up wait up to {@code link_wait_ms} for. */
    @Override
    protected boolean linkUpNow()
    {
        return (rd(STATUS) & STATUS_LU) != 0;
    }

    private void configureRss()
    {
        programRss(RSS_REGS, rss);
    }

    private void applyMtu(final int mtu)
    {
        final int frame = mtu + ETH_OVERHEAD;
        wr(RLPML, frame);
    }

    @Override
    protected void stopMac()
    {
        wr(RCTL, rd(RCTL) & ~RCTL_EN);
        wr(TCTL, rd(TCTL) & ~TCTL_EN);
    }

    // ------------------------------------------------------------------ link

    /** STATUS: LU, speed, duplex. */
    @Override
    protected EthLink readLink()
    {
        final int status = rd(STATUS);
        if ((status & STATUS_LU) == 0)
        {
            return EthLink.DOWN;
        }
        final int speed = (status & STATUS_SPEED_MASK) == STATUS_SPEED_1000 ? EthLink.SPEED_1G :
            (status & STATUS_SPEED_MASK) == STATUS_SPEED_100 ? EthLink.SPEED_100M : 10;
        return new EthLink(speed, (status & STATUS_FD) != 0, true, true);
    }

    /**
     * eth_igb_dev_set_link_up: powers the PHY up (autonegotiation keeps its result if the link never dropped); on a
     * started port also enables the transmitter and receiver again and rewrites every tx queue's TDT, so that what
     * was queued while the link was down goes out now (IntelTxQueue.kick).
     */
    @Override
    public void setLinkUp()
    {
        phyWrite(PHY_BMCR, BMCR_ANENABLE);
        wr(CTRL, rd(CTRL) | CTRL_SLU);
        adminDown = false;
        if (started)
        {
            // the MAC was stopped with the link (setLinkDown): enable it, send what was queued meanwhile
            wr(RCTL, rd(RCTL) | RCTL_EN);
            wr(TCTL, rd(TCTL) | TCTL_EN);
            queues.kickTx();
            awaitLink();   // autonegotiation restarts with the PHY: as start, wait up to link_wait_ms
        }
    }

    /**
     * eth_igb_dev_set_link_down: powers the PHY down and, on a started port, stops the transmitter and the receiver
     * (TCTL.EN, RCTL.EN): the port reports link down and sends and receives nothing until set up again or restarted;
     * txBurst keeps queueing into the ring until it is full.
     */
    @Override
    public void setLinkDown()
    {
        phyWrite(PHY_BMCR, BMCR_ANENABLE | BMCR_POWER_DOWN);
        adminDown = true;
        if (started)
        {
            wr(TCTL, rd(TCTL) & ~TCTL_EN);
            wr(RCTL, rd(RCTL) & ~RCTL_EN);
        }
    }

    // ------------------------------------------------------------------ rx modes, MAC, MTU

    /** eth_igb_mtu_set: LPE for frames above 1518 bytes, RLPML = MTU + overhead; rx is scattered, so any MTU fits. */
    @Override
    public void mtuSet(final int mtu)
    {
        final int rctl = rd(RCTL);
        wr(RCTL, mtu + ETH_OVERHEAD > 1518 ? rctl | RCTL_LPE : rctl & ~RCTL_LPE);
        applyMtu(mtu);
    }

    // ------------------------------------------------------------------ stats

    /** e1000 counts octets with the CRC: the basic stats' bytes are without it, as DPDK's eth_igb_stats_get. */
    @Override
    public void statsGet(final EthStats stats)
    {
        hw.update();
        stats.ipackets = hw.get(GPRC);
        stats.opackets = hw.get(GPTC);
        stats.ibytes = Math.max(0, hw.get(GORCL) - 4 * hw.get(GPRC));
        stats.obytes = Math.max(0, hw.get(GOTCL) - 4 * hw.get(GPTC));
        stats.imissed = hw.get(MPC);
        stats.ierrors = hw.get(CRCERRS) + hw.get(RLEC) + hw.get(RXERRC) + hw.get(ALGNERRC) + hw.get(CEXTERR);
        stats.oerrors = hw.get(ECOL) + hw.get(LATECOL);
        queues.addStats(stats);
    }

    @Override
    public String toString()
    {
        return "IgbEthDev[port=" + data.portId() + ", " + macType + ", " + dev.describe() + "]";
    }
}
