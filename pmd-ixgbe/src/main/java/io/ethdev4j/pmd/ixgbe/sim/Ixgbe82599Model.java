package io.ethdev4j.pmd.ixgbe.sim;

import io.ethdev4j.pmd.intel.AdvRxDescriptor;
import io.ethdev4j.pmd.intel.AdvTxDescriptor;
import io.ethdev4j.pmd.intel.sim.SimDescriptorEngine;
import io.ethdev4j.pmd.intel.sim.SimDma;
import io.ethdev4j.pmd.intel.sim.SimMode;
import io.ethdev4j.pmd.intel.sim.SimRegisterFile;

import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.ErrnoException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;

import static io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599RegisterMap.bits;
import static io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599RegisterMap.slotOf;

/**
 * An in-process Intel 82599 (device ids of the X540 and X550 too, as "82599 whose copper PHY links by itself"): the
 * register file of {@link Ixgbe82599RegisterMap} (both addresses of every aliased register reach one register), its
 * reset values, the side-band behaviour a driver touches, clear-on-read statistics, the wire, and the shared
 * {@link SimDescriptorEngine} for the rings. Behaviour, each from {@code shared/reference/ixgbe-82599.md}:
 * <ul>
 * <li>CTRL.RST (b26) restores every reset value and reloads RAL0/RAH0 from the EEPROM; CTRL.LNK_RST (b3) drops the
 * link; both read back 0 (§1.1, DS §8.2.3.1.1). STATUS.GIO (b19) reads 1 unless CTRL.GIO_DIS (b2) is set (§1.1).</li>
 * <li>EEC: PRES, ARD, SIZE = 2 (256 words) from reset; EE_REQ is granted at once (EE_GNT). EERD: a write with START
 * completes at once, DONE (b1) and the word in 31:16. The EEPROM image is Appendix A's: checksum 0xBABA, a firmware
 * block with patch version 6 for the SFP ids, DEVICE_CAPS NO_CROSSTALK_WR (only Intel code speaks of the EEPROM
 * checksum).</li>
 * <li>SWSM.SMBI (b0) is read-to-set; SW_FW_SYNC is plain storage; FWSM reads 0 (§1.8).</li>
 * <li>MSCA: a command (MDI_COMMAND b30) completes at once; a read returns 0xFFFF in MSRWD 31:16 (no PHY, §1.8).</li>
 * <li>AUTOC.AN_RESTART (b12) self-clears and brings the link up: LINKS = KX_AN_COMP | LINK_UP | speed 10G (11b),
 * ANLP1.AN_STATE non-zero (§1.3, §5). X540/X550 ids link without it. ESDP.SDP3 set (the SFP's TX_DISABLE: DPDK's
 * {@code ixgbe_disable_tx_laser_multispeed_fiber}) takes the link down; ESDP.SDP2 (SFP+ cage full) reads 1 from
 * reset.</li>
 * <li>RXDCTL/TXDCTL.ENABLE read back at once; RDT/TDT writes move frames (engine); DMATXCTL.TE and link gate tx,
 * RXCTRL.RXEN, SECRXCTRL.RX_DIS and the queue's ENABLE gate rx; SECRXSTAT.SECRX_RDY reads 1 (§1.5).</li>
 * <li>Receive: frames longer than 1518 bytes with CRC (JUMBOEN = 0) or MAXFRS.MFS (JUMBOEN = 1) count in ROC and are
 * dropped (§4); the destination filter is FCTRL.UPE/MPE/BAM and RAL/RAH with AV (MTA not modelled: multicast needs
 * MPE, §7.2); the queue is RSS's (MRQC.MRQE = 1: Toeplitz over IPv4 and TCP/UDP ports as MRQC enables, RETA[hash &
 * 0x7F] low 4 bits, §7.1) or 0; CRC stripped when HLREG0.RXCRCSTRP (else the 4 CRC bytes are delivered).</li>
 * <li>Statistics, clear on read, saturating (§6): GPRC/GORC (after strip), GPTC/GOTC (with CRC), TPR/TORL, TPT,
 * PRC and PTC size buckets, QPRC/QBRC and QPTC/QBTC through RQSMR/TQSM, MPC, RNBC, QPRDC (DROP_EN), ROC. The
 * errata: a frame counted in MPC is counted in GPRC too. 64-bit counters read low then high; the high read clears
 * both.</li>
 * <li>Transmit pads frames shorter than 60 bytes when HLREG0.TXPADEN (§1.6).</li>
 * </ul>
 * Strict mode ({@link OrderingViolation}) enforces the ordering rules the datasheet states: no register access within
 * 1 ms of CTRL.RST (§8.2.3.1.1); a queue enabled only once its ring is programmed and 128-byte aligned (§4.6.7,
 * §4.6.8, §8.2.3.8.1, §8.2.3.9.5, §8.2.3.9.7); TXDCTL.ENABLE only with DMATXCTL.TE (§4.6.8); RDT/TDT not bumped
 * before the queue's ENABLE is 1 (§4.6.7, §4.6.8); RXCTRL.RXEN set only after a receive queue is enabled, with
 * SECRXCTRL.RX_DIS held (§4.6.7 and the 82599 errata D and L work around) and with RDRXCTL.CRCSTRIP equal to
 * HLREG0.RXCRCSTRP (§4.6.7); no reserved DTXMXSZRQ bits (§4.6.11.3.4 via T). Outside strict mode each violation is
 * recorded ({@link #violations()}) and the access goes on, as hardware would (ixy breaks some of them and works).
 * <p>
 * DMA through the {@link SimDma} given (IOVA = VA for in-process drivers). Thread-safe as a device is: every access
 * holds the model's monitor (a forwarding lcore's doorbells and the main thread's statistics reads interleave
 * atomically, as register accesses do on hardware); frames for the cable's other end are handed over after the
 * sender's monitor is released, so two cabled models never wait for each other.
 */
public final class Ixgbe82599Model
{
    /** A datasheet ordering rule broken by the driver (strict mode): EIO on the register access that broke it. */
    public static final class OrderingViolation extends ErrnoException
    {
        private static final long serialVersionUID = 1L;
        private final String rule;
        private final String section;

        OrderingViolation(final String rule, final String section, final String detail)
        {
            super(Errno.EIO, null, "82599 model, strict: " + rule + " (datasheet §" + section + "): " + detail);
            this.rule = rule;
            this.section = section;
        }

        public String rule()
        {
            return rule;
        }

        public String section()
        {
            return section;
        }
    }

    public static final int DEFAULT_DEVICE_ID = 0x10FB;
    public static final long DEFAULT_MAC = 0x02_00_00_00_99_01L;
    private static final int QUEUES = 128;
    private static final int STANDARD_FRAME_WITH_CRC = 1518;
    private static final long RST_WAIT_NS = 1_000_000;

    // bits, from the model's table (Ixgbe82599RegisterMap.FIELDS); the driver has its own (IxgbeRegs)
    private static final int CTRL_GIO_DIS = bits("CTRL", "GIO_DIS");
    private static final int CTRL_LNK_RST = bits("CTRL", "LNK_RST");
    private static final int CTRL_RST = bits("CTRL", "RST");
    private static final int STATUS_GIO = bits("STATUS", "GIO");
    private static final int ESDP_SDP3 = bits("ESDP", "SDP3");
    // I2CCTL lines (Intel's IXGBE_I2C_CLK_IN/CLK_OUT/DATA_IN/DATA_OUT, ixgbe_type.h; the 82599's own bits 0-3)
    private static final int I2CCTL_CLK_IN = 1 << 0;
    private static final int I2CCTL_CLK_OUT = 1 << 1;
    private static final int I2CCTL_DATA_IN = 1 << 2;
    private static final int I2CCTL_DATA_OUT = 1 << 3;
    private static final int EEC_EE_REQ = bits("EEC", "EE_REQ");
    private static final int EEC_EE_GNT = bits("EEC", "EE_GNT");
    private static final int EEC_FIXED = bits("EEC", "PRES") | bits("EEC", "ARD") | bits("EEC", "SIZE");
    private static final int EERD_START = bits("EERD", "START");
    private static final int EERD_DONE = bits("EERD", "DONE");
    private static final int SWSM_SMBI = bits("SWSM", "SMBI");
    private static final int MSCA_MDI_COMMAND = bits("MSCA", "MDI_COMMAND");
    private static final int AUTOC_AN_RESTART = bits("AUTOC", "AN_RESTART");
    private static final int LINKS_UP = bits("LINKS", "LINK_UP");
    private static final int LINKS_KX_AN_COMP = bits("LINKS", "KX_AN_COMP");
    private static final int LINKS_SPEED_10G = bits("LINKS", "SPEED_10G");
    private static final int XDCTL_ENABLE = bits("RXDCTL", "ENABLE");
    private static final int DMATXCTL_TE = bits("DMATXCTL", "TE");
    private static final int RXCTRL_RXEN = bits("RXCTRL", "RXEN");
    private static final int SECRXCTRL_RX_DIS = bits("SECRXCTRL", "RX_DIS");
    private static final int HLREG0_RXCRCSTRP = bits("HLREG0", "RXCRCSTRP");
    private static final int HLREG0_JUMBOEN = bits("HLREG0", "JUMBOEN");
    private static final int HLREG0_TXPADEN = bits("HLREG0", "TXPADEN");
    private static final int RDRXCTL_CRCSTRIP = bits("RDRXCTL", "CRCSTRIP");
    private static final int SRRCTL_BSIZEPKT_MASK = bits("SRRCTL", "BSIZEPKT");
    private static final int SRRCTL_DROP_EN = bits("SRRCTL", "DROP_EN");
    private static final int FCTRL_MPE = bits("FCTRL", "MPE");
    private static final int FCTRL_UPE = bits("FCTRL", "UPE");
    private static final int FCTRL_BAM = bits("FCTRL", "BAM");
    private static final int RAH_AV = bits("RAH", "AV");
    private static final int MRQC_MRQE_MASK = bits("MRQC", "MRQE");
    private static final int MRQC_RSS = 1;
    /** Write-back RSS types (reference §3.1): IPv4/TCP 1, IPv4 2, IPv4/UDP 7. */
    private static final int RSS_TYPE_IPV4_TCP = 1;
    private static final int RSS_TYPE_IPV4 = 2;
    private static final int RSS_TYPE_IPV4_UDP = 7;
    private static final int MRQC_IPV4_TCP = bits("MRQC", "RSS_FIELD_IPV4_TCP");
    private static final int MRQC_IPV4 = bits("MRQC", "RSS_FIELD_IPV4");
    private static final int MRQC_IPV4_UDP = bits("MRQC", "RSS_FIELD_IPV4_UDP");

    // slots of the registers the model acts on
    private static final int S_CTRL = slotOf("CTRL", 0);
    private static final int S_STATUS = slotOf("STATUS", 0);
    private static final int S_ESDP = slotOf("ESDP", 0);
    private static final int S_EICR = slotOf("EICR", 0);
    private static final int S_EICS = slotOf("EICS", 0);
    private static final int S_EIMS = slotOf("EIMS", 0);
    private static final int S_EIMC = slotOf("EIMC", 0);
    private static final int S_RDBAL = slotOf("RDBAL", 0);
    private static final int S_RDBAH = slotOf("RDBAH", 0);
    private static final int S_RDLEN = slotOf("RDLEN", 0);
    private static final int S_RDH = slotOf("RDH", 0);
    private static final int S_RDT = slotOf("RDT", 0);
    private static final int S_RXDCTL = slotOf("RXDCTL", 0);
    private static final int S_SRRCTL = slotOf("SRRCTL", 0);
    private static final int S_TDBAL = slotOf("TDBAL", 0);
    private static final int S_TDBAH = slotOf("TDBAH", 0);
    private static final int S_TDLEN = slotOf("TDLEN", 0);
    private static final int S_TDH = slotOf("TDH", 0);
    private static final int S_TDT = slotOf("TDT", 0);
    private static final int S_TXDCTL = slotOf("TXDCTL", 0);
    private static final int S_RQSMR = slotOf("RQSMR", 0);
    private static final int S_TQSM = slotOf("TQSM", 0);
    private static final int S_QPRC = slotOf("QPRC", 0);
    private static final int S_QPRDC = slotOf("QPRDC", 0);
    private static final int S_QBRC_L = slotOf("QBRC_L", 0);
    private static final int S_QBRC_H = slotOf("QBRC_H", 0);
    private static final int S_QPTC = slotOf("QPTC", 0);
    private static final int S_QBTC_L = slotOf("QBTC_L", 0);
    private static final int S_QBTC_H = slotOf("QBTC_H", 0);
    private static final int S_RDRXCTL = slotOf("RDRXCTL", 0);
    private static final int S_RXCTRL = slotOf("RXCTRL", 0);
    private static final int S_MPC = slotOf("MPC", 0);
    private static final int S_RNBC = slotOf("RNBC", 0);
    private static final int S_PRC64 = slotOf("PRC64", 0);
    private static final int S_GPRC = slotOf("GPRC", 0);
    private static final int S_GPTC = slotOf("GPTC", 0);
    private static final int S_GORCL = slotOf("GORCL", 0);
    private static final int S_GORCH = slotOf("GORCH", 0);
    private static final int S_GOTCL = slotOf("GOTCL", 0);
    private static final int S_GOTCH = slotOf("GOTCH", 0);
    private static final int S_ROC = slotOf("ROC", 0);
    private static final int S_TORL = slotOf("TORL", 0);
    private static final int S_TORH = slotOf("TORH", 0);
    private static final int S_TPR = slotOf("TPR", 0);
    private static final int S_TPT = slotOf("TPT", 0);
    private static final int S_PTC64 = slotOf("PTC64", 0);
    private static final int S_HLREG0 = slotOf("HLREG0", 0);
    private static final int S_MSCA = slotOf("MSCA", 0);
    private static final int S_MSRWD = slotOf("MSRWD", 0);
    private static final int S_MAXFRS = slotOf("MAXFRS", 0);
    private static final int S_AUTOC = slotOf("AUTOC", 0);
    private static final int S_LINKS = slotOf("LINKS", 0);
    private static final int S_I2CCTL = slotOf("I2CCTL", 0);
    private static final int S_ANLP1 = slotOf("ANLP1", 0);
    private static final int S_DMATXCTL = slotOf("DMATXCTL", 0);
    private static final int S_FCTRL = slotOf("FCTRL", 0);
    private static final int S_RAL = slotOf("RAL", 0);
    private static final int S_RAH = slotOf("RAH", 0);
    private static final int S_RETA = slotOf("RETA", 0);
    private static final int S_RSSRK = slotOf("RSSRK", 0);
    private static final int S_MRQC = slotOf("MRQC", 0);
    private static final int S_DTXMXSZRQ = slotOf("DTXMXSZRQ", 0);
    private static final int S_SECRXCTRL = slotOf("SECRXCTRL", 0);
    private static final int S_EEC = slotOf("EEC", 0);
    private static final int S_EERD = slotOf("EERD", 0);
    private static final int S_SWSM = slotOf("SWSM", 0);

    /** The high half's low partner, for RC_HI slots (else -1). */
    private static final int[] LOW_OF = new int[Ixgbe82599RegisterMap.slots()];
    /** The low half's high partner, for RC_LO slots that have one (else -1). */
    private static final int[] HIGH_OF = new int[LOW_OF.length];
    private static final Ixgbe82599RegisterMap.Access[] ACCESS = new Ixgbe82599RegisterMap.Access[LOW_OF.length];
    private static final int[] RESET = new int[LOW_OF.length];

    static
    {
        java.util.Arrays.fill(HIGH_OF, -1);
        for (int s = 0; s < LOW_OF.length; s++)
        {
            final Ixgbe82599RegisterMap.Decoded d = Ixgbe82599RegisterMap.slot(s);
            ACCESS[s] = d.register().access();
            RESET[s] = d.register().reset();
            LOW_OF[s] = -1;
            if (ACCESS[s] == Ixgbe82599RegisterMap.Access.RC_HI)
            {
                final String n = d.register().name();
                final String lo = n.endsWith("_H") ? n.substring(0, n.length() - 2) + "_L" :
                    n.substring(0, n.length() - 1) + "L";
                LOW_OF[s] = slotOf(lo, d.index());
                HIGH_OF[LOW_OF[s]] = s;
            }
        }
    }

    private final int deviceId;
    private final boolean copper;
    private final boolean strict;
    private final int[] regs = new int[LOW_OF.length];
    private final Rings ringsView = new Rings();
    /** Offsets the table does not know: plain storage, so that a driver's extra registers read back. */
    private final int[] unknown = new int[Ixgbe82599RegisterMap.BAR0_BYTES / 4];
    private final char[] eeprom = new char[256];
    private final SimDescriptorEngine engine;
    private final SimMode mode;
    private final ArrayDeque<byte[]> outbound = new ArrayDeque<>();
    /** Frames a TDT write sent to the cabled peer, handed over once the monitor is released. */
    private final ArrayDeque<byte[]> toPeer = new ArrayDeque<>();
    private final List<String> violations = new ArrayList<>();
    private final CRC32 crc = new CRC32();
    private final byte[] rssInput = new byte[12];
    private Ixgbe82599Model peer;
    private long mac;
    private boolean anDone;
    private LongSupplier clock = System::nanoTime;
    /**
     * 64-bit counters, per RC_HI slot: the whole count as the last read of the low half returned it, and whether such
     * a reading waits for the high half's read (which clears what was read, not what came after).
     */
    private final long[] latchedCount = new long[LOW_OF.length];
    private final boolean[] latched = new boolean[LOW_OF.length];
    private long rstAtNs;
    private boolean rstPending;
    private int curRxQ;
    /** The last received frame's RSS result (write-back dword 1, and the RSS type in dword 0 bits 3:0, §3.1). */
    private int rssHash;
    private int rssType;
    private int curTxQ;

    /**
     * @param deviceId PCI device id: 82599 ids link after AUTOC.AN_RESTART, X540/X550 ids (0x1528, 0x1560, 0x1563,
     *                 0x15D1) by themselves
     * @param mac      the MAC in the EEPROM (RAL0/RAH0 after reset), 48 bits, first byte most significant
     * @param mode     INSTANT (benchmarks), LOOPBACK (tx queue q to rx queue q) or WIRE ({@link #inject},
     *                 {@link #pollTransmitted}, {@link #connect})
     * @param strict   throw {@link OrderingViolation} on a broken ordering rule (else record it)
     * @param dma      device address to host address
     */
    public Ixgbe82599Model(final int deviceId, final long mac, final SimMode mode, final boolean strict,
        final SimDma dma)
    {
        this.deviceId = deviceId;
        this.copper = deviceId == 0x1528 || deviceId == 0x1560 || deviceId == 0x1563 || deviceId == 0x15D1;
        this.mac = mac;
        this.mode = mode;
        this.strict = strict;
        this.engine = new SimDescriptorEngine(mode == SimMode.INSTANT ? SimMode.INSTANT : SimMode.WIRE, ringsView,
            16 * 1024, dma);
        buildEeprom();
        powerOnReset();
    }

    public int deviceId()
    {
        return deviceId;
    }

    public SimMode mode()
    {
        return mode;
    }

    /** INSTANT mode: the length every instantly received frame has. */
    public synchronized void instantFrameBytes(final int n)
    {
        engine.instantFrameBytes(n);
    }

    // ------------------------------------------------------------------ reset and EEPROM

    /** Appendix A: 256 words, pointers absent, FW block for SFP media, DEVICE_CAPS bit 7, checksum to 0xBABA. */
    private void buildEeprom()
    {
        Arrays.fill(eeprom, (char)0xFFFF);
        eeprom[0] = 0;
        eeprom[1] = 0;
        eeprom[2] = 0;
        eeprom[0x0F] = 0x0040;          // FW_PTR
        eeprom[0x40 + 0x2] = 0xFFFF;    // LESM parameters: none
        eeprom[0x40 + 0x4] = 0x0050;    // pass-through patch configuration
        eeprom[0x50 + 0x7] = 0x0006;    // patch version > 5
        eeprom[0x15] = 0x1234;          // PBA (legacy format)
        eeprom[0x16] = 0x5678;
        eeprom[0x2C] = 0x0080;          // DEVICE_CAPS: NO_CROSSTALK_WR
        int sum = 0;
        for (int i = 0; i < 0x3F; i++)
        {
            sum += eeprom[i];
        }
        eeprom[0x3F] = (char)((0xBABA - sum) & 0xFFFF);
    }

    /** EEPROM word {@code i} (0xFFFF beyond the image). */
    public int eepromWord(final int i)
    {
        return i >= 0 && i < eeprom.length ? eeprom[i] : 0xFFFF;
    }

    private void powerOnReset()
    {
        System.arraycopy(RESET, 0, regs, 0, regs.length);
        java.util.Arrays.fill(latched, false);
        Arrays.fill(unknown, 0);
        loadMacFromEeprom();
        anDone = copper;
    }

    private void loadMacFromEeprom()
    {
        regs[S_RAL] = (int)(((mac >>> 40) & 0xFF) | ((mac >>> 32) & 0xFF) << 8 | ((mac >>> 24) & 0xFF) << 16 |
            ((mac >>> 16) & 0xFF) << 24);
        regs[S_RAH] = (int)(((mac >>> 8) & 0xFF) | (mac & 0xFF) << 8) | RAH_AV;
    }

    // ------------------------------------------------------------------ register access

    private void violation(final String rule, final String section, final String detail)
    {
        final OrderingViolation v = new OrderingViolation(rule, section, detail);
        violations.add(v.getMessage());
        if (strict)
        {
            throw v;
        }
    }

    /** Tests: the clock the 1 ms reset rule is timed by. */
    void clock(final LongSupplier nanoClock)
    {
        this.clock = nanoClock;
    }

    /** The ordering rules broken so far (strict mode throws as well). */
    public synchronized List<String> violations()
    {
        return List.copyOf(violations);
    }

    private void checkRstWait(final long offset, final String what)
    {
        if (rstPending)
        {
            final long since = clock.getAsLong() - rstAtNs;
            if (since < RST_WAIT_NS)
            {
                violation("no register access within 1 ms of CTRL.RST", "8.2.3.1.1", what + " at 0x" +
                    Long.toHexString(offset) + " " + since / 1000 + " us after the reset");
            }
            rstPending = false;
        }
    }

    /** A 32-bit register read at BAR0 offset {@code offset}, with the register's side effects. */
    public synchronized int read32(final long offset)
    {
        checkRstWait(offset, "read");
        final int s = slotOf(offset);
        if (s < 0)
        {
            return (offset & 3) == 0 && offset >= 0 && offset < Ixgbe82599RegisterMap.BAR0_BYTES ?
                unknown[(int)(offset >> 2)] : 0xFFFF_FFFF;
        }
        final int v = regs[s];
        switch (ACCESS[s])
        {
            case RC:
                regs[s] = 0;
                return v;
            case RC_LO:
                // the low half's read latches the whole count; the high half's read then returns its upper bits and
                // clears that much: what arrives between the two reads counts in the next reading, not lost
                if (HIGH_OF[s] >= 0)
                {
                    latchedCount[HIGH_OF[s]] = (v & 0xFFFF_FFFFL) | (long)regs[HIGH_OF[s]] << 32;
                    latched[HIGH_OF[s]] = true;
                }
                return v;
            case RC_HI:
                if (latched[s])
                {
                    latched[s] = false;
                    final int lo = LOW_OF[s];
                    final long rest = ((regs[lo] & 0xFFFF_FFFFL) | (long)regs[s] << 32) - latchedCount[s];
                    regs[lo] = (int)rest;
                    regs[s] = (int)(rest >>> 32);
                    return (int)(latchedCount[s] >>> 32);
                }
                regs[s] = 0;
                regs[LOW_OF[s]] = 0;
                return v;
            case WO:
                return 0;
            default:
                break;
        }
        if (s == S_STATUS)
        {
            return (regs[S_CTRL] & CTRL_GIO_DIS) != 0 ? v & ~STATUS_GIO : v | STATUS_GIO;
        }
        if (s == S_I2CCTL)
        {
            // an idle bus with its pull-ups and no SFP module on it: the lines read what the host drives, so nobody
            // stretches the clock and every address byte is NACKed ("SFP not present", ref §2.1)
            return v & ~(I2CCTL_CLK_IN | I2CCTL_DATA_IN) | (v & I2CCTL_CLK_OUT) >>> 1 | (v & I2CCTL_DATA_OUT) >>> 1;
        }
        if (s == S_LINKS)
        {
            return linkUp() ? LINKS_KX_AN_COMP | LINKS_UP | LINKS_SPEED_10G : 0;
        }
        if (s == S_ANLP1)
        {
            return anDone ? 0x0001_0000 : 0;
        }
        if (s == S_SWSM)
        {
            regs[s] = v | SWSM_SMBI;
            return v;
        }
        if (s == S_EICR)
        {
            regs[s] = 0;
        }
        return v;
    }

    /**
     * A 32-bit register write at BAR0 offset {@code offset}, with the register's side effects; frames a TDT write
     * sent to a cabled peer are received by it after this model's monitor is released.
     */
    public void write32(final long offset, final int value)
    {
        final Ixgbe82599Model to;
        final byte[][] frames;
        synchronized (this)
        {
            write32Locked(offset, value);
            if (toPeer.isEmpty())
            {
                return;
            }
            to = peer;
            frames = toPeer.toArray(new byte[0][]);
            toPeer.clear();
        }
        if (to != null)
        {
            for (final byte[] f : frames)
            {
                to.inject(f);
            }
        }
    }

    private void write32Locked(final long offset, final int value)
    {
        checkRstWait(offset, "write");
        final int s = slotOf(offset);
        if (s < 0)
        {
            if ((offset & 3) == 0 && offset >= 0 && offset < Ixgbe82599RegisterMap.BAR0_BYTES)
            {
                unknown[(int)(offset >> 2)] = value;
            }
            return;
        }
        final Ixgbe82599RegisterMap.Access a = ACCESS[s];
        if (a == Ixgbe82599RegisterMap.Access.RO || a == Ixgbe82599RegisterMap.Access.RC ||
            a == Ixgbe82599RegisterMap.Access.RC_LO || a == Ixgbe82599RegisterMap.Access.RC_HI)
        {
            return;
        }
        if (s >= S_RDT && s < S_RDT + QUEUES)
        {
            writeRdt(s - S_RDT, value);
            return;
        }
        if (s >= S_TDT && s < S_TDT + QUEUES)
        {
            writeTdt(s - S_TDT, value);
            return;
        }
        if (s >= S_RXDCTL && s < S_RXDCTL + QUEUES)
        {
            writeRxdctl(s - S_RXDCTL, value);
            return;
        }
        if (s >= S_TXDCTL && s < S_TXDCTL + QUEUES)
        {
            writeTxdctl(s - S_TXDCTL, value);
            return;
        }
        if (s == S_CTRL)
        {
            writeCtrl(value);
        }
        else if (s == S_EIMS)
        {
            regs[s] |= value;
        }
        else if (s == S_EIMC)
        {
            regs[S_EIMS] &= ~value;
        }
        else if (s == S_EICS)
        {
            regs[S_EICR] |= value;
        }
        else if (s == S_EICR)
        {
            regs[s] &= ~value; // write 1 to clear
        }
        else if (s == S_EEC)
        {
            regs[s] = (value & ~(EEC_FIXED | EEC_EE_GNT)) | (RESET[s] & EEC_FIXED) |
                ((value & EEC_EE_REQ) != 0 ? EEC_EE_GNT : 0);
        }
        else if (s == S_EERD)
        {
            final int addr = (value >>> 2) & 0x3FFF;
            regs[s] = (value & EERD_START) != 0 ? eepromWord(addr) << 16 | addr << 2 | EERD_DONE : value;
        }
        else if (s == S_MSCA)
        {
            regs[s] = value & ~MSCA_MDI_COMMAND;
            if ((value & MSCA_MDI_COMMAND) != 0 && ((value >>> 26) & 3) >= 2)
            {
                regs[S_MSRWD] = 0xFFFF_0000 | (regs[S_MSRWD] & 0xFFFF); // no PHY: reads all ones
            }
        }
        else if (s == S_AUTOC)
        {
            regs[s] = value & ~AUTOC_AN_RESTART;
            if ((value & AUTOC_AN_RESTART) != 0)
            {
                anDone = true;
            }
        }
        else if (s == S_RXCTRL || s == S_SECRXCTRL)
        {
            if (s == S_RXCTRL && (value & RXCTRL_RXEN) != 0 && (regs[s] & RXCTRL_RXEN) == 0)
            {
                checkRxEnable();
            }
            final boolean wasOn = rxOn();
            regs[s] = value;
            if (!wasOn && rxOn())
            {
                rxStarted();
            }
        }
        else if (s == S_DTXMXSZRQ)
        {
            if ((value & ~0xFFF) != 0)
            {
                violation("DTXMXSZRQ bits 31:12 are reserved", "4.6.11.3.4", "written 0x" +
                    Integer.toHexString(value));
            }
            regs[s] = value & 0xFFF;
        }
        else
        {
            regs[s] = value;
        }
    }

    private void writeCtrl(final int value)
    {
        if ((value & CTRL_RST) != 0)
        {
            final Ixgbe82599Model keepPeer = peer;
            powerOnReset();
            peer = keepPeer;
            rstAtNs = clock.getAsLong();
            rstPending = true;
        }
        else if ((value & CTRL_LNK_RST) != 0)
        {
            anDone = copper;
            rstAtNs = clock.getAsLong();
            rstPending = true;
        }
        // a global reset leaves CTRL at its reset value (GIO_DIS cleared with the rest, reference §1.1); a link reset
        // keeps what else was written
        regs[S_CTRL] = (value & CTRL_RST) != 0 ? RESET[S_CTRL] : value & ~CTRL_LNK_RST;
    }

    private boolean rxOn()
    {
        return (regs[S_RXCTRL] & RXCTRL_RXEN) != 0 && (regs[S_SECRXCTRL] & SECRXCTRL_RX_DIS) == 0;
    }

    /** The receiver just started: the descriptors the rings already hold are fetched (INSTANT: completed). */
    private void rxStarted()
    {
        for (int q = 0; q < QUEUES; q++)
        {
            if ((regs[S_RXDCTL + q] & XDCTL_ENABLE) != 0)
            {
                curRxQ = q;
                engine.rxTailWritten(q);
            }
        }
    }

    private void checkRxEnable()
    {
        boolean anyQueue = false;
        for (int q = 0; q < QUEUES && !anyQueue; q++)
        {
            anyQueue = (regs[S_RXDCTL + q] & XDCTL_ENABLE) != 0;
        }
        if (!anyQueue)
        {
            violation("RXCTRL.RXEN is set after the receive queues are enabled", "4.6.7",
                "RXEN set while no RXDCTL.ENABLE is 1");
        }
        if ((regs[S_SECRXCTRL] & SECRXCTRL_RX_DIS) == 0)
        {
            violation("RXCTRL.RXEN is set with SECRXCTRL.RX_DIS held and SECRXSTAT.SECRX_RDY read", "4.6.7",
                "RXEN set while SECRXCTRL.RX_DIS = 0 (82599 errata: may hang the rx DMA)");
        }
        final boolean hl = (regs[S_HLREG0] & HLREG0_RXCRCSTRP) != 0;
        final boolean rd = (regs[S_RDRXCTL] & RDRXCTL_CRCSTRIP) != 0;
        if (hl != rd)
        {
            violation("RDRXCTL.CRCStrip and HLREG0.RXCRCSTRP must be set to the same value", "4.6.7",
                "HLREG0.RXCRCSTRP=" + (hl ? 1 : 0) + ", RDRXCTL.CRCSTRIP=" + (rd ? 1 : 0) + " when RXEN was set");
        }
    }

    private void checkRing(final String dir, final int q, final long base, final int len)
    {
        if (len == 0 || base == 0)
        {
            violation("a queue is enabled only once its ring is programmed", dir.equals("rx") ? "4.6.7" : "4.6.8",
                dir + " queue " + q + " enabled with " + (dir.equals("rx") ? "RDBA=0x" : "TDBA=0x") +
                    Long.toHexString(base) + ", length " + len);
        }
        else if ((base & 127) != 0 || (len & 127) != 0)
        {
            violation("ring base 128-byte aligned and length a multiple of 128", dir.equals("rx") ? "8.2.3.8.1" :
                "8.2.3.9.5", dir + " queue " + q + ": base 0x" + Long.toHexString(base) + ", length " + len);
        }
    }

    private void writeRxdctl(final int q, final int value)
    {
        if ((value & XDCTL_ENABLE) != 0 && (regs[S_RXDCTL + q] & XDCTL_ENABLE) == 0)
        {
            checkRing("rx", q, rings().rxRingAddress(q), regs[S_RDLEN + q]);
        }
        regs[S_RXDCTL + q] = value;
    }

    private void writeTxdctl(final int q, final int value)
    {
        if ((value & XDCTL_ENABLE) != 0 && (regs[S_TXDCTL + q] & XDCTL_ENABLE) == 0)
        {
            checkRing("tx", q, rings().txRingAddress(q), regs[S_TDLEN + q]);
            if ((regs[S_DMATXCTL] & DMATXCTL_TE) == 0)
            {
                violation("DMATXCTL.TE is set before the transmit queues are enabled", "4.6.8",
                    "TXDCTL(" + q + ").ENABLE set while DMATXCTL.TE = 0");
            }
        }
        regs[S_TXDCTL + q] = value;
    }

    private void writeRdt(final int q, final int value)
    {
        if ((regs[S_RXDCTL + q] & XDCTL_ENABLE) == 0 && value != regs[S_RDH + q])
        {
            violation("the tail should not be bumped before RXDCTL.ENABLE was read as 1b", "4.6.7",
                "RDT(" + q + ")=" + value + " while RXDCTL(" + q + ").ENABLE = 0");
        }
        regs[S_RDT + q] = value;
        curRxQ = q;
        engine.rxTailWritten(q);
    }

    private void writeTdt(final int q, final int value)
    {
        if ((regs[S_TXDCTL + q] & XDCTL_ENABLE) == 0 && value != regs[S_TDH + q])
        {
            violation("TDT should not be bumped until the queue is enabled", "4.6.8",
                "TDT(" + q + ")=" + value + " while TXDCTL(" + q + ").ENABLE = 0");
        }
        regs[S_TDT + q] = value;
        curTxQ = q;
        engine.txTailWritten(q);
        if (mode != SimMode.INSTANT)
        {
            byte[] f;
            while ((f = engine.pollTransmitted()) != null)
            {
                wireOut(q, f);
            }
        }
    }

    // ------------------------------------------------------------------ the wire

    /** Whether the link is up (AN done, or copper; SFP laser on). */
    public synchronized boolean linkUp()
    {
        return anDone && (regs[S_ESDP] & ESDP_SDP3) == 0;
    }

    /** WIRE mode: cables this port to {@code other} (both ways): what one sends, the other receives. */
    public void connect(final Ixgbe82599Model other)
    {
        synchronized (this)
        {
            this.peer = other;
        }
        synchronized (other)
        {
            other.peer = this;
        }
    }

    /** Unplugs the cable, if any. */
    public void disconnect()
    {
        final Ixgbe82599Model other;
        synchronized (this)
        {
            other = peer;
            peer = null;
        }
        if (other != null)
        {
            synchronized (other)
            {
                if (other.peer == this)
                {
                    other.peer = null;
                }
            }
        }
    }

    private void wireOut(final int q, final byte[] frame)
    {
        final byte[] f = (regs[S_HLREG0] & HLREG0_TXPADEN) != 0 && frame.length < 60 ? Arrays.copyOf(frame, 60) :
            frame;
        if (mode == SimMode.LOOPBACK)
        {
            receive(f, q);
        }
        else if (peer != null)
        {
            if (linkUp())
            {
                toPeer.add(f); // received by the peer (if its link is up) once this model's monitor is released
            }
        }
        else
        {
            outbound.add(f);
        }
    }

    /** WIRE mode, no cable: the oldest frame the driver transmitted (CRC not included), or null. */
    public synchronized byte[] pollTransmitted()
    {
        return outbound.poll();
    }

    /**
     * A frame (without CRC) arrives from the wire: filtered by destination, given to RSS's queue (or queue 0).
     * False when the port did not take it (link down, filtered, too long, queue off or full: counted as the NIC does).
     */
    public synchronized boolean inject(final byte[] frame)
    {
        return receive(frame, -1);
    }

    private boolean receive(final byte[] frame, final int forcedQueue)
    {
        if (!linkUp())
        {
            return false;
        }
        final int withCrc = frame.length + 4;
        add32(S_TPR, 1);
        add64(S_TORL, S_TORH, withCrc);
        final int max = (regs[S_HLREG0] & HLREG0_JUMBOEN) != 0 ? regs[S_MAXFRS] >>> 16 : STANDARD_FRAME_WITH_CRC;
        if (withCrc > max)
        {
            add32(S_ROC, 1);
            return false;
        }
        if (forcedQueue < 0 && !accepts(frame))
        {
            return false;
        }
        rssHash = 0;
        rssType = 0;
        final int q = forcedQueue >= 0 ? forcedQueue : rssQueue(frame);
        final byte[] data;
        if ((regs[S_HLREG0] & HLREG0_RXCRCSTRP) != 0)
        {
            data = frame;
        }
        else
        {
            crc.reset();
            crc.update(frame, 0, frame.length);
            final int c = (int)crc.getValue();
            data = Arrays.copyOf(frame, withCrc);
            for (int i = 0; i < 4; i++)
            {
                data[frame.length + i] = (byte)(c >>> (8 * i));
            }
        }
        curRxQ = q;
        return engine.inject(q, data, rssType, rssHash);
    }

    private boolean accepts(final byte[] f)
    {
        if (f.length < 14)
        {
            return false;
        }
        final int fctrl = regs[S_FCTRL];
        final boolean group = (f[0] & 1) != 0;
        if (group)
        {
            boolean bcast = true;
            for (int i = 0; i < 6; i++)
            {
                bcast &= f[i] == (byte)0xFF;
            }
            return (fctrl & FCTRL_MPE) != 0 || (bcast && (fctrl & FCTRL_BAM) != 0);
        }
        if ((fctrl & FCTRL_UPE) != 0)
        {
            return true;
        }
        final int ral = (f[0] & 0xFF) | (f[1] & 0xFF) << 8 | (f[2] & 0xFF) << 16 | (f[3] & 0xFF) << 24;
        final int rah = (f[4] & 0xFF) | (f[5] & 0xFF) << 8;
        for (int i = 0; i < 128; i++)
        {
            final int h = regs[S_RAH + i];
            if ((h & RAH_AV) != 0 && regs[S_RAL + i] == ral && (h & 0xFFFF) == rah)
            {
                return true;
            }
        }
        return false;
    }

    /** §7.1: MRQC.MRQE = RSS → RETA[hash & 0x7F], low 4 bits; IPv4 (and TCP/UDP ports) as MRQC enables. */
    private int rssQueue(final byte[] f)
    {
        final int mrqc = regs[S_MRQC];
        if ((mrqc & MRQC_MRQE_MASK) != MRQC_RSS || f.length < 34 || f[12] != 0x08 || f[13] != 0x00)
        {
            return 0;
        }
        final int ihl = (f[14] & 0x0F) * 4;
        final int proto = f[23] & 0xFF;
        System.arraycopy(f, 26, rssInput, 0, 8);
        int n = 8;
        final boolean ports = f.length >= 14 + ihl + 4 &&
            (proto == 6 && (mrqc & MRQC_IPV4_TCP) != 0 || proto == 17 && (mrqc & MRQC_IPV4_UDP) != 0);
        if (ports)
        {
            System.arraycopy(f, 14 + ihl, rssInput, 8, 4);
            n = 12;
        }
        else if ((mrqc & MRQC_IPV4) == 0)
        {
            return 0;
        }
        final int hash = toeplitz(rssInput, n);
        rssHash = hash;
        rssType = !ports ? RSS_TYPE_IPV4 : proto == 6 ? RSS_TYPE_IPV4_TCP : RSS_TYPE_IPV4_UDP;
        final int entry = hash & 0x7F;
        return (regs[S_RETA + (entry >> 2)] >>> (8 * (entry & 3))) & 0x0F;
    }

    /** Toeplitz hash of {@code in[0..n)} with the key in RSSRK (byte 4i+k in byte k of RSSRK(i)). */
    int toeplitz(final byte[] in, final int n)
    {
        int hash = 0;
        // the 32-bit window of the key starting at bit 0
        long window = 0;
        for (int i = 0; i < 8; i++)
        {
            window = window << 8 | keyByte(i);
        }
        int next = 8;
        for (int i = 0; i < n; i++)
        {
            final int b = in[i] & 0xFF;
            for (int bit = 7; bit >= 0; bit--)
            {
                if ((b >> bit & 1) != 0)
                {
                    hash ^= (int)(window >>> 32);
                }
                window <<= 1;
            }
            window |= next < 40 ? keyByte(next) : 0;
            next++;
        }
        return hash;
    }

    private int keyByte(final int i)
    {
        return (regs[S_RSSRK + (i >> 2)] >>> (8 * (i & 3))) & 0xFF;
    }

    // ------------------------------------------------------------------ counters

    private void add32(final int s, final long n)
    {
        regs[s] = (int)Math.min(0xFFFF_FFFFL, (regs[s] & 0xFFFF_FFFFL) + n);
    }

    private void add64(final int lo, final int hi, final long n)
    {
        final long v = ((regs[lo] & 0xFFFF_FFFFL) | (long)regs[hi] << 32) + n;
        regs[lo] = (int)v;
        regs[hi] = (int)(v >>> 32);
    }

    private static int sizeBucket(final long withCrc)
    {
        return withCrc <= 64 ? 0 : withCrc <= 127 ? 1 : withCrc <= 255 ? 2 : withCrc <= 511 ? 3 :
            withCrc <= 1023 ? 4 : 5;
    }

    private int statSet(final int mapBase, final int q)
    {
        return (regs[mapBase + (q >> 2)] >>> (8 * (q & 3))) & 0xF;
    }

    private SimRegisterFile rings()
    {
        return ringsView;
    }

    /** The 82599's queue registers as the shared engine sees them. */
    private final class Rings implements SimRegisterFile
    {
        @Override
        public long rxRingAddress(final int q)
        {
            return (regs[S_RDBAL + q] & 0xFFFF_FFFFL) | (long)regs[S_RDBAH + q] << 32;
        }

        @Override
        public int rxRingDescriptors(final int q)
        {
            return regs[S_RDLEN + q] / AdvRxDescriptor.LENGTH;
        }

        @Override
        public int rxHead(final int q)
        {
            return regs[S_RDH + q];
        }

        @Override
        public void rxHead(final int q, final int head)
        {
            regs[S_RDH + q] = head;
        }

        @Override
        public int rxTail(final int q)
        {
            return regs[S_RDT + q];
        }

        @Override
        public boolean rxEnabled(final int q)
        {
            return (regs[S_RXCTRL] & RXCTRL_RXEN) != 0 && (regs[S_SECRXCTRL] & SECRXCTRL_RX_DIS) == 0 &&
                (regs[S_RXDCTL + q] & XDCTL_ENABLE) != 0 && regs[S_RDLEN + q] > 0;
        }

        @Override
        public int rxBufferBytes(final int q)
        {
            final int kb = regs[S_SRRCTL + q] & SRRCTL_BSIZEPKT_MASK;
            return (kb == 0 ? 2 : kb) << 10;
        }

        @Override
        public long txRingAddress(final int q)
        {
            return (regs[S_TDBAL + q] & 0xFFFF_FFFFL) | (long)regs[S_TDBAH + q] << 32;
        }

        @Override
        public int txRingDescriptors(final int q)
        {
            return regs[S_TDLEN + q] / AdvTxDescriptor.LENGTH;
        }

        @Override
        public int txHead(final int q)
        {
            return regs[S_TDH + q];
        }

        @Override
        public void txHead(final int q, final int head)
        {
            regs[S_TDH + q] = head;
        }

        @Override
        public int txTail(final int q)
        {
            return regs[S_TDT + q];
        }

        @Override
        public boolean txEnabled(final int q)
        {
            return (regs[S_DMATXCTL] & DMATXCTL_TE) != 0 && (regs[S_TXDCTL + q] & XDCTL_ENABLE) != 0 && linkUp();
        }

        /** GPRC, GORC (bytes as delivered: after the strip), TPR/TORL in INSTANT mode, QPRC/QBRC, PRC buckets. */
        @Override
        public void countRx(final int frames, final long bytes)
        {
            if (frames == 0)
            {
                return;
            }
            add32(S_GPRC, frames);
            add64(S_GORCL, S_GORCH, bytes);
            final boolean stripped = (regs[S_HLREG0] & HLREG0_RXCRCSTRP) != 0;
            final long withCrc = bytes / frames + (stripped ? 4 : 0);
            add32(S_PRC64 + sizeBucket(withCrc), frames);
            if (mode == SimMode.INSTANT)
            {
                add32(S_TPR, frames);
                add64(S_TORL, S_TORH, withCrc * frames);
            }
            final int set = statSet(S_RQSMR, curRxQ);
            add32(S_QPRC + set, frames);
            add64(S_QBRC_L + set, S_QBRC_H + set, bytes);
        }

        /** GPTC, TPT, GOTC (with the 4 CRC bytes), QPTC/QBTC, PTC buckets. */
        @Override
        public void countTx(final int frames, final long bytes)
        {
            add32(S_GPTC, frames);
            add32(S_TPT, frames);
            add64(S_GOTCL, S_GOTCH, bytes + 4L * frames);
            add32(S_PTC64 + sizeBucket(Math.max(64, bytes / frames + 4)), frames);
            final int set = statSet(S_TQSM, curTxQ);
            add32(S_QPTC + set, frames);
            add64(S_QBTC_L + set, S_QBTC_H + set, bytes);
        }

        /** MPC (and, the errata, GPRC); RNBC, and QPRDC when the queue drops (SRRCTL.DROP_EN). */
        @Override
        public void countMissed(final boolean noDescriptor)
        {
            add32(S_MPC, 1);
            add32(S_GPRC, 1);
            if (noDescriptor)
            {
                add32(S_RNBC, 1);
                if ((regs[S_SRRCTL + curRxQ] & SRRCTL_DROP_EN) != 0 && curRxQ < 16)
                {
                    add32(S_QPRDC + curRxQ, 1);
                }
            }
        }
    }

    // ------------------------------------------------------------------ test API

    /** Register {@code name(index)} as the model holds it, without read side effects. */
    public synchronized int peek(final String name, final int index)
    {
        return regs[slotOf(name, index)];
    }

    /** Writes one arbitrary write-back into the next descriptor the device owns on rx queue {@code q}. */
    public synchronized boolean writeBack(final int q, final int length, final int statusError)
    {
        return engine.writeBack(q, length, statusError);
    }

    /** Descriptors the device owns on rx queue {@code q}. */
    public synchronized int rxOwned(final int q)
    {
        return engine.rxOwned(q);
    }
}
