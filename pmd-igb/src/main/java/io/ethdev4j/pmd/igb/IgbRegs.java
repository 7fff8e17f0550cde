package io.ethdev4j.pmd.igb;

/**
 * 82576 / I350 registers used so far, BAR0 offsets, names as in the Intel 82576 datasheet (rev 2.x, §8) and
 * DPDK's {@code drivers/net/intel/e1000/base/e1000_regs.h} / {@code e1000_defines.h}. Queue registers use the
 * 82576 layout {@code 0xC000 + 0x40·q} (RX) and {@code 0xE000 + 0x40·q} (TX); queues 0..3 are also aliased at the
 * legacy {@code 0x2800 + 0x100·q} / {@code 0x3800 + 0x100·q} (QEMU's igb maps both).
 */
public final class IgbRegs
{
    /** Device Control, §8.2.1. */
    public static final int CTRL = 0x0000;
    /** Device Status, §8.2.2. */
    public static final int STATUS = 0x0008;
    public static final int EECD = 0x0010;
    public static final int CTRL_EXT = 0x0018;
    /** MDI Control (PHY access), §8.2.4. */
    public static final int MDIC = 0x0020;
    public static final int ICR = 0x00C0;
    public static final int IMS = 0x00D0;
    public static final int IMC = 0x00D8;
    public static final int RCTL = 0x0100;
    public static final int TCTL = 0x0400;
    public static final int EIMC = 0x1528;
    public static final int EICR = 0x1580;
    public static final int GPRC = 0x4074;
    public static final int GPTC = 0x4080;
    public static final int TPR = 0x40D0;
    public static final int TPT = 0x40D4;

    public static final int CTRL_SLU = 0x40;
    public static final int CTRL_RST = 1 << 26;
    public static final int STATUS_LU = 0x2;
    public static final int STATUS_SPEED_MASK = 0xC0;
    public static final int STATUS_SPEED_1000 = 0x80;

    public static final int MDIC_REG_SHIFT = 16;
    public static final int MDIC_PHY_SHIFT = 21;
    public static final int MDIC_OP_WRITE = 1 << 26;
    public static final int MDIC_OP_READ = 2 << 26;
    public static final int MDIC_READY = 1 << 28;
    public static final int MDIC_ERROR = 1 << 30;
    /** The internal PHY's MDIO address. */
    public static final int PHY_ADDRESS = 1;
    /** PHY register 0, Basic Mode Control (IEEE 802.3 clause 22). */
    public static final int PHY_BMCR = 0;
    public static final int BMCR_SPEED1000 = 0x0040;
    public static final int BMCR_FULL_DUPLEX = 0x0100;
    public static final int BMCR_ANRESTART = 0x0200;
    public static final int BMCR_ANENABLE = 0x1000;

    public static final int RCTL_EN = 0x2;
    public static final int RCTL_UPE = 0x8;
    public static final int RCTL_MPE = 0x10;
    public static final int RCTL_LPE = 0x20;
    public static final int RCTL_BAM = 0x8000;
    public static final int RCTL_SECRC = 0x0400_0000;

    public static final int TCTL_EN = 0x2;
    public static final int TCTL_PSP = 0x8;
    public static final int TCTL_CT = 0xF << 4;
    public static final int TCTL_COLD = 0x3F << 12;

    public static final int SRRCTL_BSIZEPKT_SHIFT = 0; // 1 KiB units, bits 6:0
    public static final int SRRCTL_DESCTYPE_ADV_ONEBUF = 0x0200_0000;
    public static final int SRRCTL_DROP_EN = 0x8000_0000;
    public static final int XDCTL_QUEUE_ENABLE = 0x0200_0000;

    public static final int RAH_AV = 0x8000_0000;

    private IgbRegs()
    {
    }

    public static int RAL(final int n)
    {
        return 0x5400 + 8 * n;
    }

    public static int RAH(final int n)
    {
        return 0x5404 + 8 * n;
    }

    public static int RDBAL(final int q)
    {
        return 0xC000 + 0x40 * q;
    }

    public static int RDBAH(final int q)
    {
        return 0xC004 + 0x40 * q;
    }

    public static int RDLEN(final int q)
    {
        return 0xC008 + 0x40 * q;
    }

    public static int SRRCTL(final int q)
    {
        return 0xC00C + 0x40 * q;
    }

    public static int RDH(final int q)
    {
        return 0xC010 + 0x40 * q;
    }

    public static int RDT(final int q)
    {
        return 0xC018 + 0x40 * q;
    }

    public static int RXDCTL(final int q)
    {
        return 0xC028 + 0x40 * q;
    }

    public static int TDBAL(final int q)
    {
        return 0xE000 + 0x40 * q;
    }

    public static int TDBAH(final int q)
    {
        return 0xE004 + 0x40 * q;
    }

    public static int TDLEN(final int q)
    {
        return 0xE008 + 0x40 * q;
    }

    public static int TDH(final int q)
    {
        return 0xE010 + 0x40 * q;
    }

    public static int TDT(final int q)
    {
        return 0xE018 + 0x40 * q;
    }

    public static int TXDCTL(final int q)
    {
        return 0xE028 + 0x40 * q;
    }

    /** MDIC value writing {@code data} to PHY register {@code reg} of the internal PHY. */
    public static int mdicWrite(final int reg, final int data)
    {
        return (data & 0xFFFF) | (reg << MDIC_REG_SHIFT) | (PHY_ADDRESS << MDIC_PHY_SHIFT) | MDIC_OP_WRITE;
    }

    // ------------------------------------------------------------------ added for the PMD

    /** Flow Control Transmit Timer Value (§8.2.6: the pause time sent in XOFF frames, bits 15:0). */
    public static final int FCTTV = 0x0170;
    /** Flow Control Receive Threshold Low / High (§8.10.3-4: bits 15:3 the thresholds, FCRTL bit 31 XON enable). */
    public static final int FCRTL = 0x2160;
    public static final int FCRTH = 0x2168;
    public static final int FCRTL_XONE = 0x8000_0000;
    public static final int FCRT_MASK = 0xFFF8;
    /** CTRL: receive / transmit flow control enable (§8.2.1). */
    public static final int CTRL_RFCE = 0x0800_0000;
    public static final int CTRL_TFCE = 0x1000_0000;
    /** RCTL: pass MAC control frames (§8.10.1). */
    public static final int RCTL_PMCF = 0x0080_0000;
    public static final int GPIE = 0x1514;
    public static final int EIMS = 0x1524;
    public static final int RXPBS = 0x2404;
    public static final int TXPBS = 0x3404;
    /** Receive Checksum Control, §8.10.8. */
    public static final int RXCSUM = 0x5000;
    /** Receive Long Packet Maximum Length, §8.10.9 (bytes, CRC included; used when RCTL.LPE). */
    public static final int RLPML = 0x5004;
    /** Multicast Table Array, 128 registers, §8.10.15. */
    public static final int MTA = 0x5200;
    public static final int MTA_COUNT = 128;
    /** Multiple Receive Queues Command, §8.10.21. */
    public static final int MRQC = 0x5818;
    /** Redirection Table, 32 registers of 4 one-byte entries, §8.10.23. */
    public static final int RETA = 0x5C00;
    public static final int RETA_ENTRIES = 128;
    /** RSS Random Key, 10 registers (40 bytes), §8.10.24. */
    public static final int RSSRK = 0x5C80;
    public static final int RSSRK_COUNT = 10;

    public static final int CTRL_FD = 0x1;
    public static final int CTRL_FRCSPD = 0x800;
    public static final int CTRL_FRCDPX = 0x1000;
    /** I350 (82580 and later) device reset. */
    public static final int CTRL_DEV_RST = 0x2000_0000;
    public static final int STATUS_FD = 0x1;
    public static final int STATUS_SPEED_100 = 0x40;
    public static final int EECD_AUTO_RD = 0x200;
    public static final int CTRL_EXT_PFRSTD = 0x4000;
    public static final int CTRL_EXT_DRV_LOAD = 0x1000_0000;
    public static final int RXCSUM_PCSD = 0x2000;
    public static final int RCTL_MO_MASK = 0x3000;

    /** MRQC: RSS on (82576 "RSS only", 8/16 queues). */
    public static final int MRQC_ENABLE_RSS = 0x2;
    public static final int MRQC_RSS_FIELD_IPV4_TCP = 0x0001_0000;
    public static final int MRQC_RSS_FIELD_IPV4 = 0x0002_0000;
    public static final int MRQC_RSS_FIELD_IPV6_TCP_EX = 0x0004_0000;
    public static final int MRQC_RSS_FIELD_IPV6_EX = 0x0008_0000;
    public static final int MRQC_RSS_FIELD_IPV6 = 0x0010_0000;
    public static final int MRQC_RSS_FIELD_IPV6_TCP = 0x0020_0000;
    public static final int MRQC_RSS_FIELD_IPV4_UDP = 0x0040_0000;
    public static final int MRQC_RSS_FIELD_IPV6_UDP = 0x0080_0000;
    public static final int MRQC_RSS_FIELD_IPV6_UDP_EX = 0x0100_0000;

    public static final int TCTL_RTLC = 0x0100_0000;
    public static final int SRRCTL_BSIZEPKT_MASK = 0x7F;
    public static final int PTHRESH_SHIFT = 0;
    public static final int HTHRESH_SHIFT = 8;
    public static final int WTHRESH_SHIFT = 16;

    /** PHY register 1, Basic Mode Status. */
    public static final int PHY_BMSR = 1;
    public static final int BMCR_POWER_DOWN = 0x0800;
    public static final int BMSR_LINK_STATUS = 0x0004;

    // statistics, §8.19 (clear on read; 64-bit ones low word first)
    public static final int CRCERRS = 0x4000;
    public static final int ALGNERRC = 0x4004;
    public static final int SYMERRS = 0x4008;
    public static final int RXERRC = 0x400C;
    public static final int MPC = 0x4010;
    public static final int SCC = 0x4014;
    public static final int ECOL = 0x4018;
    public static final int MCC = 0x401C;
    public static final int LATECOL = 0x4020;
    public static final int COLC = 0x4028;
    public static final int DC = 0x4030;
    public static final int TNCRS = 0x4034;
    public static final int CEXTERR = 0x403C;
    public static final int RLEC = 0x4040;
    public static final int XONRXC = 0x4048;
    public static final int XONTXC = 0x404C;
    public static final int XOFFRXC = 0x4050;
    public static final int XOFFTXC = 0x4054;
    public static final int FCRUC = 0x4058;
    public static final int PRC64 = 0x405C;
    public static final int PRC127 = 0x4060;
    public static final int PRC255 = 0x4064;
    public static final int PRC511 = 0x4068;
    public static final int PRC1023 = 0x406C;
    public static final int PRC1522 = 0x4070;
    public static final int BPRC = 0x4078;
    public static final int MPRC = 0x407C;
    public static final int GORCL = 0x4088;
    public static final int GORCH = 0x408C;
    public static final int GOTCL = 0x4090;
    public static final int GOTCH = 0x4094;
    public static final int RNBC = 0x40A0;
    public static final int RUC = 0x40A4;
    public static final int RFC = 0x40A8;
    public static final int ROC = 0x40AC;
    public static final int RJC = 0x40B0;
    public static final int MGTPRC = 0x40B4;
    public static final int MGTPDC = 0x40B8;
    public static final int MGTPTC = 0x40BC;
    public static final int TORL = 0x40C0;
    public static final int TORH = 0x40C4;
    public static final int TOTL = 0x40C8;
    public static final int TOTH = 0x40CC;
    public static final int PTC64 = 0x40D8;
    public static final int PTC127 = 0x40DC;
    public static final int PTC255 = 0x40E0;
    public static final int PTC511 = 0x40E4;
    public static final int PTC1023 = 0x40E8;
    public static final int PTC1522 = 0x40EC;
    public static final int MPTC = 0x40F0;
    public static final int BPTC = 0x40F4;
    public static final int TSCTC = 0x40F8;
    public static final int TSCTFC = 0x40FC;
    public static final int IAC = 0x4100;
    public static final int RPTHC = 0x4104;
    public static final int HGPTC = 0x4118;
    public static final int SCVPC = 0x4228;

    /** MDIC value reading PHY register {@code reg} of the internal PHY. */
    public static int mdicRead(final int reg)
    {
        return (reg << MDIC_REG_SHIFT) | (PHY_ADDRESS << MDIC_PHY_SHIFT) | MDIC_OP_READ;
    }
}
