package io.ethdev4j.pmd.ixgbe;

import io.ethdev4j.bus.EalServices;
import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.DescLimits;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pmd.intel.IntelEthDev;
import io.ethdev4j.pmd.intel.IntelQueueSet;
import io.ethdev4j.pmd.intel.RssProgrammer;
import io.ethdev4j.sys.Errno;

import java.util.concurrent.locks.LockSupport;

import static io.ethdev4j.pmd.intel.QueueRegisterMap.HTHRESH_SHIFT;
import static io.ethdev4j.pmd.intel.QueueRegisterMap.PTHRESH_SHIFT;
import static io.ethdev4j.pmd.intel.QueueRegisterMap.WTHRESH_SHIFT;
import static io.ethdev4j.pmd.ixgbe.IxgbeRegs.*;

/**
 * The ixgbe control path (DPDK's {@code ixgbe_ethdev.c}/{@code ixgbe_rxtx.c} control half) for 82599, X540 and X550
 * functions behind any {@link PciDevice}: kernel VFIO or the in-process 82599 model ({@code net_ixgbe_sim}). The
 * order is the datasheet's (§4.6.3-§4.6.8, as {@code shared/reference/ixgbe-82599.md} §1 lays it out register by
 * register):
 * <ol>
 * <li>Probe (§1.1-§1.3): interrupts masked (EIMC, EICR read), master disable (CTRL.GIO_DIS, STATUS.GIO polled), the
 * global reset (CTRL.RST | LNK_RST, 1 ms before the device is touched again, the bit polled clear, then 10 ms; 100 ms
 * on X540/X550), interrupts masked again, EEC.ARD and RDRXCTL.DMAIDONE polled (EIO naming the bit after 10 ms),
 * CTRL_EXT.PFRSTD | DRV_LOAD | NS_DIS, the MAC from RAR0 (Intel's address; a random one if none is valid), MTA and
 * VFTA cleared, the statistics read once to clear them, and on 82599 autonegotiation restarted with the EEPROM's link
 * mode (AUTOC.AN_RESTART; the link mode is left as the board's EEPROM set it, as TinyNF reads §4.6.4).</li>
 * <li>Start, transmit first (§1.6): HLREG0.TXCRCEN | TXPADEN, RTTDCS.ARBDIS around MTQC = 64 queues / 1 packet
 * buffer, the rings, DMATXCTL.TE, then each TXDCTL.ENABLE polled ("DMATXCTL.TE must be set before the tx queues are
 * enabled").</li>
 * <li>Receive (§1.5): RXCTRL.RXEN off, CRC strip in both HLREG0.RXCRCSTRP and RDRXCTL.CRCSTRIP (they must agree),
 * RSCFRSTSIZE 0, RSCACKC | FCOE_WRFIX, FCTRL (BAM | DPF | PMCF, UPE/MPE as asked), JUMBOEN/MAXFRS for the MTU, the
 * rings and SRRCTL (advanced one-buffer, DROP_EN as asked), DCA_RXCTRL bit 12 cleared, RSS, each RXDCTL.ENABLE
 * polled, the tails only then ("the tail should not be bumped before this bit was read as 1b"), and RXEN through the
 * security-block handshake (SECRXCTRL.RX_DIS, SECRXSTAT.SECRX_RDY polled, RXEN, RX_DIS cleared: the 82599 errata
 * workaround of {@code ixgbe_enable_rx_dma_82599}).</li>
 * </ol>
 * Set link down turns the SFP laser off (ESDP.SDP3, the module's TX_DISABLE) and stops the MAC (DMATXCTL.TE,
 * RXCTRL.RXEN), so that nothing moves until set up; set link up reverses it and sends what was queued. Statistics
 * come from the clear-on-read counters with the errata applied: GPRC counts missed packets too, so
 * {@code ipackets = GPRC − ΣMPC} (Linux and FreeBSD); octet counters read low then high; the basic byte counts
 * without CRC as DPDK's {@code ixgbe_dev_stats_get}.
 * <p>
 * The queues, their ring programming, counter accumulation and RSS tables are the Intel layer's
 * ({@code io.ethdev4j.pmd.intel}), driven by {@link IxgbeQueueRegisterMap} and {@link IxgbeHwStats}.
 */
public final class IxgbeEthDev extends IntelEthDev
{
    /** IXGBE_ETH_OVERHEAD: Ethernet header + CRC (reference §4). */
    public static final int ETH_OVERHEAD = 14 + 4;
    /** The largest frame: 9728 bytes (0x2600, IXGBE_MAX_JUMBO_FRAME_SIZE), so MTU up to 9710. */
    public static final int MAX_RX_PKTLEN = 0x2600;
    /** IXGBE_MIN_RING_DESC / IXGBE_MAX_RING_DESC / IXGBE_RXD_ALIGN (DPDK ixgbe_rxtx.h). */
    public static final int MIN_RING_DESC = 32;
    public static final int MAX_RING_DESC = 4096;
    public static final int RING_DESC_ALIGN = 8;
    private static final int STANDARD_FRAME = 1518;
    private static final long POLL_NS = 10 * MS;
    /** The hash fields when the configuration asks for RSS without naming any: IPv4/IPv6 and their TCP/UDP ports. */
    static final int DEFAULT_MRQC_FIELDS = MRQC_RSS_FIELD_IPV4 | MRQC_RSS_FIELD_IPV4_TCP | MRQC_RSS_FIELD_IPV4_UDP |
        MRQC_RSS_FIELD_IPV6 | MRQC_RSS_FIELD_IPV6_TCP | MRQC_RSS_FIELD_IPV6_UDP;
    /** IXGBE_RSS_OFFLOAD_ALL (ixgbe_ethdev.h, v22.11): the rss_hf bits {@link #mrqcFields} maps. */
    static final long RSS_OFFLOAD_ALL = 1L << 2 | 1L << 4 | 1L << 5 | 1L << 8 | 1L << 10 | 1L << 11 | 1L << 15 |
        1L << 16 | 1L << 17;
    /** Index of {@code rx_total_bytes} in the xstats. */
    private static final int XSTAT_RX_TOTAL_BYTES = IxgbeHwStats.LIST.xstatNames().indexOf("rx_total_bytes");
    private static final Layout LAYOUT = new Layout(CTRL_EXT, CTRL_EXT_DRV_LOAD, RAL(0), RAH(0), RAH_AV, FCTRL,
        FCTRL_UPE, FCTRL_MPE);

    /** Which MAC generation the device id says. */
    public enum MacType
    {
        E82599(128, 128, 10, RETA_ENTRIES),
        X540(128, 128, 100, RETA_ENTRIES),
        X550(128, 128, 100, RETA_ENTRIES + ERETA_ENTRIES);

        final int maxRxQueues;
        final int maxTxQueues;
        final int resetWaitMs;
        final int retaEntries;

        MacType(final int maxRxQueues, final int maxTxQueues, final int resetWaitMs, final int retaEntries)
        {
            this.maxRxQueues = maxRxQueues;
            this.maxTxQueues = maxTxQueues;
            this.resetWaitMs = resetWaitMs;
            this.retaEntries = retaEntries;
        }
    }

    private final MacType macType;
    private final RssProgrammer rss = new RssProgrammer(RSSRK_BASE, RETA_BASE, RETA_ENTRIES);
    private final RssProgrammer ereta = new RssProgrammer(RSSRK_BASE, ERETA_BASE, ERETA_ENTRIES);

    /**
     * Probes the device: reset, EEPROM and DMA init wait, MAC, link. On failure everything taken is released (and
     * {@code owner} closed).
     */
    public static IxgbeEthDev probe(final EthDevData data, final EalServices eal, final PciDevice dev,
        final MacType macType, final long linkWaitMs, final AutoCloseable owner)
    {
        return probed(new IxgbeEthDev(data, eal, dev, macType, linkWaitMs, owner));
    }

    private IxgbeEthDev(final EthDevData data, final EalServices eal, final PciDevice dev, final MacType macType,
        final long linkWaitMs, final AutoCloseable owner)
    {
        super("IXGBE", data, eal, dev, IxgbeQueueRegisterMap.INSTANCE, MAX_RING_DESC, IxgbeHwStats.LIST, LAYOUT,
            linkWaitMs, owner);
        this.macType = macType;
    }

    public MacType macType()
    {
        return macType;
    }

    /** Polls {@code reg} until {@code (value & mask) == expect}, up to {@code POLL_NS}; EIO naming {@code what}. */
    private void await(final int reg, final int mask, final int expect, final String op, final String what)
    {
        final long deadline = System.nanoTime() + POLL_NS;
        int v;
        while (((v = rd(reg)) & mask) != expect)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw EthDevException.of(Errno.EIO, op, what + " not reached after " + POLL_NS / MS +
                    " ms (register 0x" + Integer.toHexString(reg) + " = 0x" + Integer.toHexString(v) + ")");
            }
            LockSupport.parkNanos(50_000);
        }
    }

    // ------------------------------------------------------------------ init

    /** §1.1-§1.3 and §1.8: reset as DS §4.6.3, EEPROM/DMA init wait, driver loaded, MAC, link. */
    @Override
    protected void hardwareInit()
    {
        final String op = "probe(" + data.name() + ")";
        wr(EIMC, 0x7FFF_FFFF);
        rd(EICR);
        wr(RXCTRL, 0);
        // master disable (DS §5.2.5.3.2): no DMA in flight across the reset
        wr(CTRL, rd(CTRL) | CTRL_GIO_DIS);
        try
        {
            await(STATUS, STATUS_GIO, 0, op, "STATUS.GIO = 0 (master disable)");
        }
        catch (final EthDevException ex)
        {
            Log.warn("IXGBE", op + ": " + ex.getMessage() + "; resetting anyway, as ixgbe_disable_pcie_master");
        }
        wr(CTRL, rd(CTRL) | CTRL_RST | CTRL_LNK_RST);
        pauseMs(1); // DS §8.2.3.1.1: ~1 ms before touching the device again
        await(CTRL, CTRL_RST | CTRL_LNK_RST, 0, op, "CTRL.RST self-clear");
        pauseMs(macType.resetWaitMs); // DS §4.6.3.2: at least 10 ms after a global reset (X540: 100 ms)
        wr(EIMC, 0x7FFF_FFFF);
        rd(EICR);
        await(EEC, EEC_ARD, EEC_ARD, op, "EEC.ARD (EEPROM auto-read done)");
        if ((rd(EEC) & EEC_PRES) == 0)
        {
            Log.warn("IXGBE", op + ": EEC.PRES = 0: no EEPROM, the MAC and link settings are the defaults");
        }
        await(RDRXCTL, RDRXCTL_DMAIDONE, RDRXCTL_DMAIDONE, op, "RDRXCTL.DMAIDONE (DMA init done)");
        wr(CTRL_EXT, rd(CTRL_EXT) | CTRL_EXT_PFRSTD | CTRL_EXT_DRV_LOAD | CTRL_EXT_NS_DIS);

        final MacAddress mac = readMacFromRar0(op);
        writeRar0(mac);
        data.macAddr(mac);
        for (int i = 0; i < MTA_COUNT; i++)
        {
            wr(MTA_BASE + 4 * i, 0);
        }
        for (int i = 0; i < VFTA_COUNT; i++)
        {
            wr(VFTA_BASE + 4 * i, 0);
        }
        // relaxed ordering off for the write-backs of every queue, as Intel's ixgbe_start_hw_gen2 (DPDK, Linux)
        for (int q = 0; q < macType.maxTxQueues; q++)
        {
            wr(DCA_TXCTRL_82599(q), rd(DCA_TXCTRL_82599(q)) & ~DCA_TXCTRL_DESC_WRO_EN);
        }
        for (int q = 0; q < macType.maxRxQueues; q++)
        {
            wr(DCA_RXCTRL(q), rd(DCA_RXCTRL(q)) & ~(DCA_RXCTRL_DATA_WRO_EN | DCA_RXCTRL_HEAD_WRO_EN));
        }
        hw.clear(); // DS §4.6.5: clear on read
        linkOn();
    }

    /** The laser on (SFP), and on 82599 autonegotiation restarted in the EEPROM's link mode (§1.3). */
    private void linkOn()
    {
        wr(ESDP, rd(ESDP) & ~ESDP_SDP3);
        if (macType == MacType.E82599)
        {
            wr(AUTOC, rd(AUTOC) | AUTOC_AN_RESTART);
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
        info.retaSize = macType.retaEntries;
        info.hashKeySize = RssProgrammer.KEY_BYTES;
        info.rxDescLim = new DescLimits(MAX_RING_DESC, MIN_RING_DESC, RING_DESC_ALIGN);
        info.txDescLim = new DescLimits(MAX_RING_DESC, MIN_RING_DESC, RING_DESC_ALIGN);
        // RTE_ETH_LINK_SPEED_100M | _1G | _10G (X540/X550 copper: 100M/1G/10G as well)
        info.speedCapa = 0x8 | 0x20 | 0x100;
        // ixgbe_dev_info_get (v22.11): default_rx/txportconf ring_size 256, burst_size 32, nb_queues 1
        info.defaultRxRingSize = 256;
        info.defaultTxRingSize = 256;
        info.defaultRxBurstSize = 32;
        info.defaultTxBurstSize = 32;
        info.defaultNbRxQueues = 1;
        info.defaultNbTxQueues = 1;
        info.flowTypeRssOffloads = RSS_OFFLOAD_ALL;
    }

    /**
     * Refuses what it does not do, as DPDK's rte_eth_dev_configure and ixgbe_dev_configure would: offloads (the
     * capabilities are 0: EINVAL naming the bits), fixed link speeds and loopback modes (ENOTSUP), RSS over more
     * than 16 queues (EINVAL).
     */
    @Override
    public void configure()
    {
        final EthConf conf = data.conf();
        final String op = "configure(port=" + data.portId() + ")";
        if (conf.rxOffloads != 0 || conf.txOffloads != 0)
        {
            throw EthDevException.of(Errno.EINVAL, op, "requested " + (conf.rxOffloads != 0 ? "Rx offloads 0x" +
                Long.toHexString(conf.rxOffloads) : "Tx offloads 0x" + Long.toHexString(conf.txOffloads)) +
                " doesn't match the offload capabilities 0x0 (net_ixgbe does no checksum, VLAN, TSO or other "
                + "offload: do it in software)");
        }
        if (conf.linkSpeeds != 0)
        {
            throw EthDevException.of(Errno.ENOTSUP, op, "link_speeds=0x" + Long.toHexString(conf.linkSpeeds) +
                ": net_ixgbe only autonegotiates (link_speeds 0)");
        }
        if (conf.lpbkMode != 0)
        {
            throw EthDevException.of(Errno.ENOTSUP, op, "lpbk_mode=" + conf.lpbkMode + ": net_ixgbe has no loopback "
                + "mode");
        }
        final int nrx = data.nbRxQueues();
        queues.configure("ixgbe-rings:" + data.name(), nrx, data.nbTxQueues());
        if (data.conf().rxMqMode == EthConf.MQ_RX_RSS && nrx > 16)
        {
            throw EthDevException.of(Errno.EINVAL, "configure(port=" + data.portId() + ", nb_rx_queues=" + nrx + ")",
                "RSS spreads over at most 16 queues on the 82599 (4-bit RETA entries); use up to 16 rx queues with "
                    + "RSS, or rxMqMode NONE");
        }
    }

    /** ixgbe_dev_start: tx init and enable (§1.6), rx init, enable, tails, RXEN (§1.5), then the link wait. */
    @Override
    public void start()
    {
        final String op = "start(port=" + data.portId() + ")";
        // TX (ixgbe_dev_tx_init, DS §4.6.8)
        wr(HLREG0, rd(HLREG0) | HLREG0_TXCRCEN | HLREG0_TXPADEN);
        wr(RTTDCS, rd(RTTDCS) | RTTDCS_ARBDIS);
        wr(MTQC, MTQC_64Q_1PB);
        wr(RTTDCS, rd(RTTDCS) & ~RTTDCS_ARBDIS);
        rings.programTxRings(queues);
        if (adminDown)
        {
            linkOn();
            adminDown = false;
        }
        wr(DMATXCTL, rd(DMATXCTL) | DMATXCTL_TE);
        // DPDK's defaults: PTHRESH 32, HTHRESH 0, WTHRESH 0 (ixgbe_ethdev.c)
        rings.enableTxQueues(queues, 32 << PTHRESH_SHIFT | 0 << HTHRESH_SHIFT | 0 << WTHRESH_SHIFT, POLL_NS, op);

        // RX (ixgbe_dev_rx_init, DS §4.6.7)
        wr(RXCTRL, rd(RXCTRL) & ~RXCTRL_RXEN);
        wr(HLREG0, rd(HLREG0) | HLREG0_RXCRCSTRP);
        wr(RDRXCTL, (rd(RDRXCTL) | RDRXCTL_CRCSTRIP | RDRXCTL_RSCACKC | RDRXCTL_FCOE_WRFIX) & ~RDRXCTL_RSCFRSTSIZE);
        wr(FCTRL, withRxModes(rd(FCTRL) | FCTRL_BAM | FCTRL_DPF | FCTRL_PMCF));
        applyMtu(data.mtu());
        rings.programRxRings(queues, op);
        for (int i = 0; i < queues.nbRxQueues(); i++)
        {
            final int id = queues.rxQueue(i).queueId();
            wr(DCA_RXCTRL(id), rd(DCA_RXCTRL(id)) & ~DCA_RXCTRL_BIT12);
        }
        configureRss();
        rings.enableRxQueues(queues, 0, POLL_NS, op);
        rings.armRxTails(queues); // only once ENABLE read 1 (DS §4.6.7)
        enableRxDma(op);
        started = true;
        awaitLink();
    }

    /** ixgbe_enable_rx_dma_82599: RXEN with the security block's rx path held (82599 errata). */
    private void enableRxDma(final String op)
    {
        wr(SECRXCTRL, rd(SECRXCTRL) | SECRXCTRL_RX_DIS);
        await(SECRXSTAT, SECRXSTAT_SECRX_RDY, SECRXSTAT_SECRX_RDY, op, "SECRXSTAT.SECRX_RDY");
        wr(RXCTRL, rd(RXCTRL) | RXCTRL_RXEN);
        wr(SECRXCTRL, rd(SECRXCTRL) & ~SECRXCTRL_RX_DIS);
    }

    /** LINKS.LINK_UP: what start and set-link-up wait up to {@code link_wait_ms} for. */
    @Override
    protected boolean linkUpNow()
    {
        return (rd(LINKS) & LINKS_UP) != 0;
    }

    /**
     * MRQC RSS over the fields rss_hf asks for (§7.1), DPDK's default key, a round-robin RETA (and ERETA on X550);
     * RXCSUM.PCSD for the hash. No field applies: RSS off, as DPDK's ixgbe_rss_configure.
     */
    private void configureRss()
    {
        final long hf = data.conf().rssHf;
        final int fields = hf == 0 ? DEFAULT_MRQC_FIELDS : mrqcFields(hf);
        final RssRegs regs = new RssRegs(MRQC, fields == 0 ? 0 : MRQC_RSSEN | fields, RXCSUM, RXCSUM_PCSD);
        if (fields == 0)
        {
            wr(MRQC, 0);
            wr(RXCSUM, rd(RXCSUM) & ~RXCSUM_PCSD);
        }
        else if (macType == MacType.X550)
        {
            programRss(regs, rss, ereta);
        }
        else
        {
            programRss(regs, rss);
        }
    }

    /**
     * The MRQC hash fields for {@code rss_hf} (RTE_ETH_RSS_* bits of rte_ethdev.h, v22.11), as DPDK's
     * ixgbe_hw_rss_hash_set maps them; 0 when none applies (RSS is then off, as DPDK's ixgbe_rss_configure does).
     * An rss_hf of 0 with RSS asked for takes {@link #DEFAULT_MRQC_FIELDS}.
     */
    static int mrqcFields(final long rssHf)
    {
        int m = 0;
        m |= (rssHf & 1L << 2) != 0 ? MRQC_RSS_FIELD_IPV4 : 0;               // RTE_ETH_RSS_IPV4
        m |= (rssHf & 1L << 4) != 0 ? MRQC_RSS_FIELD_IPV4_TCP : 0;           // NONFRAG_IPV4_TCP
        m |= (rssHf & 1L << 5) != 0 ? MRQC_RSS_FIELD_IPV4_UDP : 0;           // NONFRAG_IPV4_UDP
        m |= (rssHf & 1L << 8) != 0 ? MRQC_RSS_FIELD_IPV6 : 0;               // IPV6
        m |= (rssHf & 1L << 10) != 0 ? MRQC_RSS_FIELD_IPV6_TCP : 0;          // NONFRAG_IPV6_TCP
        m |= (rssHf & 1L << 11) != 0 ? MRQC_RSS_FIELD_IPV6_UDP : 0;          // NONFRAG_IPV6_UDP
        m |= (rssHf & 1L << 15) != 0 ? MRQC_RSS_FIELD_IPV6_EX : 0;           // IPV6_EX
        m |= (rssHf & 1L << 16) != 0 ? MRQC_RSS_FIELD_IPV6_EX_TCP : 0;       // IPV6_TCP_EX
        m |= (rssHf & 1L << 17) != 0 ? MRQC_RSS_FIELD_IPV6_EX_UDP : 0;       // IPV6_UDP_EX
        return m;
    }

    /** HLREG0.JUMBOEN above 1518 bytes, MAXFRS.MFS = MTU + 18 (§4, DPDK ixgbe_dev_mtu_set). */
    private void applyMtu(final int mtu)
    {
        final int frame = mtu + ETH_OVERHEAD;
        final int hl = rd(HLREG0);
        wr(HLREG0, frame > STANDARD_FRAME ? hl | HLREG0_JUMBOEN : hl & ~HLREG0_JUMBOEN);
        wr(MAXFRS, frame << MAXFRS_MFS_SHIFT);
    }

    @Override
    protected void stopMac()
    {
        wr(RXCTRL, rd(RXCTRL) & ~RXCTRL_RXEN);
        wr(DMATXCTL, rd(DMATXCTL) & ~DMATXCTL_TE);
    }

    // ------------------------------------------------------------------ link

    /** LINKS: LINK_UP and the 82599 speed field (X540/X550 the same encoding), always full duplex. */
    @Override
    protected EthLink readLink()
    {
        final int links = rd(LINKS);
        if ((links & LINKS_UP) == 0)
        {
            return EthLink.DOWN;
        }
        final int sp = links & LINKS_SPEED_82599;
        final int speed = sp == LINKS_SPEED_10G_82599 ? EthLink.SPEED_10G : sp == LINKS_SPEED_1G_82599 ?
            EthLink.SPEED_1G : sp == LINKS_SPEED_100_82599 ? EthLink.SPEED_100M : EthLink.SPEED_UNKNOWN;
        return new EthLink(speed, true, true, true);
    }

    /** Laser on and AN restarted; on a started port the MAC runs again and what was queued meanwhile goes out. */
    @Override
    public void setLinkUp()
    {
        linkOn();
        adminDown = false;
        if (started)
        {
            wr(DMATXCTL, rd(DMATXCTL) | DMATXCTL_TE);
            enableRxDma("setLinkUp(port=" + data.portId() + ")");
            queues.kickTx();
            awaitLink();
        }
    }

    /** Laser off (ESDP.SDP3); on a started port DMATXCTL.TE and RXCTRL.RXEN cleared: nothing moves until set up. */
    @Override
    public void setLinkDown()
    {
        wr(ESDP, rd(ESDP) | ESDP_SDP3);
        adminDown = true;
        if (started)
        {
            wr(DMATXCTL, rd(DMATXCTL) & ~DMATXCTL_TE);
            wr(RXCTRL, rd(RXCTRL) & ~RXCTRL_RXEN);
        }
    }

    // ------------------------------------------------------------------ rx modes, MAC, MTU

    /** ixgbe_dev_mtu_set: JUMBOEN and MAXFRS; rx is scattered, so any MTU up to 9710 fits any pool. */
    @Override
    public void mtuSet(final int mtu)
    {
        applyMtu(mtu);
    }

    // ------------------------------------------------------------------ stats

    /**
     * ixgbe_dev_stats_get with the errata: GPRC counts missed packets as well, so ipackets = GPRC − ΣMPC (Linux's
     * and FreeBSD's workaround); GORC is without CRC when stripping, GOTC with it (4 bytes per packet taken off).
     */
    @Override
    public void statsGet(final EthStats stats)
    {
        hw.update();
        long missed = 0;
        for (int i = 0; i < MPC_COUNT; i++)
        {
            missed += hw.get(MPC(i));
        }
        stats.ipackets = Math.max(0, hw.get(GPRC) - missed);
        stats.opackets = hw.get(GPTC);
        stats.ibytes = hw.get(GORCL);
        stats.obytes = Math.max(0, hw.get(GOTCL) - 4 * hw.get(GPTC));
        stats.imissed = missed;
        stats.ierrors = hw.get(CRCERRS) + hw.get(RLEC) + hw.get(ILLERRC) + hw.get(ERRBC) + hw.get(RUC) + hw.get(ROC) +
            hw.get(RFC) + hw.get(MSPDC);
        stats.oerrors = 0;
        queues.addStats(stats);
    }

    /**
     * The xstats as DPDK computes them: the counters' totals, except {@code rx_total_bytes}, which DPDK takes without
     * the CRC ({@code hw_stats->tor -= (hw_stats->tpr - old_tpr) * RTE_ETHER_CRC_LEN} in ixgbe_read_stats_registers,
     * v22.11): TOR counts every received octet through the CRC.
     */
    @Override
    public void xstatsGet(final long[] values)
    {
        hw.xstatsGet(values);
        if (values.length > XSTAT_RX_TOTAL_BYTES)
        {
            values[XSTAT_RX_TOTAL_BYTES] = Math.max(0, hw.get(TORL) - 4 * hw.get(TPR));
        }
    }

    @Override
    public String toString()
    {
        return "IxgbeEthDev[port=" + data.portId() + ", " + macType + ", " + dev.describe() + "]";
    }
}
