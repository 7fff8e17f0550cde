package io.ethdev4j.pmd.ixgbe;

/**
 * The 82599/X540/X550 registers and bits the driver uses, with Intel's names and the addresses Intel's shared code
 * uses ({@code ixgbe_type.h}, DPDK v22.11 {@code drivers/net/ixgbe/base}: the 82598-compatible ones where two
 * addresses alias, e.g. SRRCTL 0x02100 + 4n for n &lt; 16, MRQC 0x05818, RETA 0x05C00, RAL 0x05400), cited from
 * {@code shared/reference/ixgbe-82599.md} §2. A test checks every constant against Intel's macros evaluated by gcc
 * ({@code IxgbeRegisterCrossCheckTest}); the 82599 model keeps its own, independent table.
 */
public final class IxgbeRegs
{
    // general (§2.1)
    public static final int CTRL = 0x00000;
    public static final int CTRL_GIO_DIS = 1 << 2;
    public static final int CTRL_LNK_RST = 1 << 3;
    public static final int CTRL_RST = 1 << 26;
    public static final int STATUS = 0x00008;
    public static final int STATUS_GIO = 1 << 19;
    public static final int CTRL_EXT = 0x00018;
    public static final int CTRL_EXT_PFRSTD = 1 << 14;
    public static final int CTRL_EXT_NS_DIS = 1 << 16;
    public static final int CTRL_EXT_DRV_LOAD = 1 << 28;
    public static final int ESDP = 0x00020;
    /** SDP3: the SFP+ module's TX_DISABLE (DPDK's ixgbe_disable_tx_laser_multispeed_fiber). */
    public static final int ESDP_SDP3 = 1 << 3;
    public static final int EICR = 0x00800;
    public static final int EIMC = 0x00888;
    public static final int EEC = 0x10010;
    public static final int EEC_PRES = 1 << 8;
    public static final int EEC_ARD = 1 << 9;

    // receive (§1.5, §2.1)
    public static final int RDRXCTL = 0x02F00;
    public static final int RDRXCTL_CRCSTRIP = 1 << 1;
    public static final int RDRXCTL_DMAIDONE = 1 << 3;
    public static final int RDRXCTL_RSCFRSTSIZE = 0x1F << 17;
    public static final int RDRXCTL_RSCACKC = 1 << 25;
    public static final int RDRXCTL_FCOE_WRFIX = 1 << 26;
    public static final int RXCTRL = 0x03000;
    public static final int RXCTRL_RXEN = 1;
    public static final int SECRXCTRL = 0x08D00;
    public static final int SECRXCTRL_RX_DIS = 1 << 1;
    public static final int SECRXSTAT = 0x08D04;
    public static final int SECRXSTAT_SECRX_RDY = 1;
    public static final int FCTRL = 0x05080;
    public static final int FCTRL_MPE = 1 << 8;
    public static final int FCTRL_UPE = 1 << 9;
    public static final int FCTRL_BAM = 1 << 10;
    public static final int FCTRL_PMCF = 1 << 12;
    public static final int FCTRL_DPF = 1 << 13;
    public static final int RXCSUM = 0x05000;
    public static final int RXCSUM_PCSD = 1 << 13;
    public static final int MTA_BASE = 0x05200;
    public static final int MTA_COUNT = 128;
    public static final int VFTA_BASE = 0x0A000;
    public static final int VFTA_COUNT = 128;
    public static final int MRQC = 0x05818;
    public static final int MRQC_RSSEN = 0x1;
    public static final int MRQC_RSS_FIELD_IPV4_TCP = 1 << 16;
    public static final int MRQC_RSS_FIELD_IPV4 = 1 << 17;
    public static final int MRQC_RSS_FIELD_IPV6 = 1 << 20;
    public static final int MRQC_RSS_FIELD_IPV6_TCP = 1 << 21;
    public static final int MRQC_RSS_FIELD_IPV4_UDP = 1 << 22;
    public static final int MRQC_RSS_FIELD_IPV6_UDP = 1 << 23;
    public static final int MRQC_RSS_FIELD_IPV6_EX_TCP = 1 << 18;
    public static final int MRQC_RSS_FIELD_IPV6_EX = 1 << 19;
    public static final int MRQC_RSS_FIELD_IPV6_EX_UDP = 1 << 24;
    public static final int RETA_BASE = 0x05C00;
    public static final int RETA_ENTRIES = 128;
    /** X550: 384 more entries (ERETA), the table 512 long. */
    public static final int ERETA_BASE = 0x0EE80;
    public static final int ERETA_ENTRIES = 384;
    public static final int RSSRK_BASE = 0x05C80;

    // MAC (§2.1, §5)
    public static final int HLREG0 = 0x04240;
    public static final int HLREG0_TXCRCEN = 1;
    public static final int HLREG0_RXCRCSTRP = 1 << 1;
    public static final int HLREG0_JUMBOEN = 1 << 2;
    public static final int HLREG0_TXPADEN = 1 << 10;
    public static final int MAXFRS = 0x04268;
    public static final int MAXFRS_MFS_SHIFT = 16;
    public static final int AUTOC = 0x042A0;
    public static final int AUTOC_AN_RESTART = 1 << 12;
    public static final int LINKS = 0x042A4;
    public static final int LINKS_UP = 1 << 30;
    public static final int LINKS_SPEED_82599 = 3 << 28;
    public static final int LINKS_SPEED_10G_82599 = 3 << 28;
    public static final int LINKS_SPEED_1G_82599 = 2 << 28;
    public static final int LINKS_SPEED_100_82599 = 1 << 28;

    // transmit (§1.6)
    public static final int RTTDCS = 0x04900;
    public static final int RTTDCS_ARBDIS = 1 << 6;
    public static final int MTQC = 0x08120;
    public static final int MTQC_64Q_1PB = 0;
    public static final int DMATXCTL = 0x04A80;
    public static final int DMATXCTL_TE = 1;

    // MAC address (§1.8): RAL(0)/RAH(0), Intel's address
    public static final int RAH_AV = 1 << 31;

    // statistics (§2.2), clear on read
    public static final int CRCERRS = 0x04000;
    public static final int ILLERRC = 0x04004;
    public static final int ERRBC = 0x04008;
    public static final int MSPDC = 0x04010;
    public static final int MLFC = 0x04034;
    public static final int MRFC = 0x04038;
    public static final int RLEC = 0x04040;
    public static final int LXONTXC = 0x03F60;
    public static final int LXOFFTXC = 0x03F68;
    public static final int LXONRXCNT = 0x041A4;
    public static final int LXOFFRXCNT = 0x041A8;
    public static final int PRC64 = 0x0405C;
    public static final int PRC127 = 0x04060;
    public static final int PRC255 = 0x04064;
    public static final int PRC511 = 0x04068;
    public static final int PRC1023 = 0x0406C;
    public static final int PRC1522 = 0x04070;
    public static final int GPRC = 0x04074;
    public static final int BPRC = 0x04078;
    public static final int MPRC = 0x0407C;
    public static final int GPTC = 0x04080;
    public static final int GORCL = 0x04088;
    public static final int GOTCL = 0x04090;
    public static final int RUC = 0x040A4;
    public static final int RFC = 0x040A8;
    public static final int ROC = 0x040AC;
    public static final int RJC = 0x040B0;
    public static final int MNGPRC = 0x040B4;
    public static final int MNGPDC = 0x040B8;
    public static final int TORL = 0x040C0;
    public static final int TPR = 0x040D0;
    public static final int TPT = 0x040D4;
    public static final int PTC64 = 0x040D8;
    public static final int PTC127 = 0x040DC;
    public static final int PTC255 = 0x040E0;
    public static final int PTC511 = 0x040E4;
    public static final int PTC1023 = 0x040E8;
    public static final int PTC1522 = 0x040EC;
    public static final int MPTC = 0x040F0;
    public static final int BPTC = 0x040F4;
    public static final int XEC = 0x04120;
    public static final int MNGPTC = 0x0CF90;
    public static final int MPC_COUNT = 8;

    private IxgbeRegs()
    {
    }

    /** Rx queue register block: 0x01000 + 0x40·q for q &lt; 64, 0x0D000 + 0x40·(q − 64) above. */
    private static int rxq(final int q, final int off)
    {
        return (q < 64 ? 0x01000 + 0x40 * q : 0x0D000 + 0x40 * (q - 64)) + off;
    }

    public static int RDBAL(final int q)
    {
        return rxq(q, 0x00);
    }

    public static int RDBAH(final int q)
    {
        return rxq(q, 0x04);
    }

    public static int RDLEN(final int q)
    {
        return rxq(q, 0x08);
    }

    public static int RDH(final int q)
    {
        return rxq(q, 0x10);
    }

    public static int RDT(final int q)
    {
        return rxq(q, 0x18);
    }

    public static int RXDCTL(final int q)
    {
        return rxq(q, 0x28);
    }

    /** 0x02100 + 4·q for q ≤ 15 (Intel's address), else in the queue block at +0x14. */
    public static int SRRCTL(final int q)
    {
        return q <= 15 ? 0x02100 + 4 * q : rxq(q, 0x14);
    }

    /** 0x02200 + 4·q for q ≤ 15, else in the queue block at +0x0C. */
    public static int DCA_RXCTRL(final int q)
    {
        return q <= 15 ? 0x02200 + 4 * q : rxq(q, 0x0C);
    }

    public static final int SRRCTL_BSIZEPKT_MASK = 0x1F;
    public static final int SRRCTL_DROP_EN = 1 << 28;
    /** DCA_RXCTRL bit 12: "Default 1b; Reserved. Must be set to 0" (DS §8.2.3.11.1, §1.5 step 7). */
    public static final int DCA_RXCTRL_BIT12 = 1 << 12;
    /** DCA_RXCTRL relaxed ordering of rx data and header writes (Intel's ixgbe_start_hw_gen2 clears both). */
    public static final int DCA_RXCTRL_DATA_WRO_EN = 1 << 13;
    public static final int DCA_RXCTRL_HEAD_WRO_EN = 1 << 15;
    /** DCA_TXCTRL relaxed ordering of tx descriptor write-backs (default 1; Intel's code clears it). */
    public static final int DCA_TXCTRL_DESC_WRO_EN = 1 << 11;

    /** DCA_TXCTRL of tx queue q on 82599 and later: 0x0600C + 0x40·q (the 82598's 0x07200 block is not used). */
    public static int DCA_TXCTRL_82599(final int q)
    {
        return 0x0600C + 0x40 * q;
    }

    public static int TDBAL(final int q)
    {
        return 0x06000 + 0x40 * q;
    }

    public static int TDBAH(final int q)
    {
        return 0x06004 + 0x40 * q;
    }

    public static int TDLEN(final int q)
    {
        return 0x06008 + 0x40 * q;
    }

    public static int TDH(final int q)
    {
        return 0x06010 + 0x40 * q;
    }

    public static int TDT(final int q)
    {
        return 0x06018 + 0x40 * q;
    }

    public static int TXDCTL(final int q)
    {
        return 0x06028 + 0x40 * q;
    }

    public static int RAL(final int n)
    {
        return n <= 15 ? 0x05400 + 8 * n : 0x0A200 + 8 * n;
    }

    public static int RAH(final int n)
    {
        return n <= 15 ? 0x05404 + 8 * n : 0x0A204 + 8 * n;
    }

    public static int MPC(final int n)
    {
        return 0x03FA0 + 4 * n;
    }

    public static int RNBC(final int n)
    {
        return 0x03FC0 + 4 * n;
    }

    public static int QPRC(final int n)
    {
        return 0x01030 + 0x40 * n;
    }

    public static int QPTC(final int n)
    {
        return 0x06030 + 0x40 * n;
    }

    public static int QPRDC(final int n)
    {
        return 0x01430 + 0x40 * n;
    }
}
