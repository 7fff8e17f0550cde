package io.ethdev4j.pmd.ixgbe.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 82599's register file as the model knows it, in one table: every register by its datasheet name, the
 * datasheet section, its instances and every address each instance answers at (the 82599-native block and, where
 * the 82598-compatible address still works, the alias), its access kind and its reset value. Written from the
 * datasheet-derived sources of {@code shared/reference/ixgbe-82599.md} (TinyNF's verbatim datasheet quotes and
 * Snabb's transcribed tables for the native addresses, §2.1-§2.3; reset values §8), never from the driver's own
 * constants ({@code io.ethdev4j.pmd.ixgbe.IxgbeRegs}), so that a slip in one is caught by the other
 * ({@code IxgbeRegisterCrossCheckTest}).
 * <p>
 * Aliases (§2.3: both address sets ran on real 82599s): SRRCTL(0..15) 0x02100+4n = 0x01014+0x40n, DCA_RXCTRL(0..15)
 * 0x02200+4n = 0x0100C+0x40n, RAL/RAH(0..15) 0x05400+8n = 0x0A200+8n, PSRTYPE(0..15) 0x05480+4n = 0x0EA00+4n, MRQC
 * 0x05818 = 0x0EC80, RETA 0x05C00 = 0x0EB00, RSSRK 0x05C80 = 0x0EB80, QPTC(0..15) 0x06030+0x40n = 0x08680+4n (the one
 * address pair not proven by two drivers reading the same counter: both modelled).
 * <p>
 * The section of each row is the datasheet section where the reference quotes or cites it; "ref 2.1" where it gives
 * no section (the row then rests on its register table, §2.1, with the lineages named there). Counters are §8.2.3.23.
 * <p>
 * Immutable; {@link #ALL} enumerates it, {@link #decode} maps a BAR0 offset to (register, instance).
 */
public final class Ixgbe82599RegisterMap
{
    /** BAR0 size the model decodes (registers reach 0x11xxx; T: "128 KB + Flash_Size"). */
    public static final int BAR0_BYTES = 512 * 1024;

    /** How the register behaves on access. */
    public enum Access
    {
        /** Read/write storage (side effects, if any, are the model's). */
        RW,
        /** Read only: writes are ignored; the value is the model's state. */
        RO,
        /** Statistics counter, clear on read (§8.2.3.23), saturating at 2^32 - 1. */
        RC,
        /** Low half of a 64-bit statistics counter: read first, not cleared by its own read (it latches the count). */
        RC_LO,
        /**
         * High half of a 64-bit statistics counter: its read returns the upper bits of the count the low read latched
         * and clears that count (read low, then high); what arrived in between stays for the next reading (the
         * model's choice: the sources agree on the order, not on this). Read alone, it clears both halves.
         */
        RC_HI,
        /** Write-only (a command); reads return 0. */
        WO
    }

    /**
     * One address block: instances {@code first .. first + count - 1} at {@code base + stride·(i - first)};
     * {@code alias} when the block repeats instances another block already has.
     */
    public record Block(int base, int first, int count, int stride, boolean alias)
    {
        int offsetOf(final int index)
        {
            return base + stride * (index - first);
        }
    }

    /** A register array (one instance for plain registers). */
    public record Register(String name, String section, Access access, int reset, int instances, List<Block> blocks)
    {
        /** The 82599-native address of instance {@code i} (the first non-alias block holding it). */
        public int offset(final int i)
        {
            for (final Block b : blocks)
            {
                if (!b.alias() && i >= b.first() && i < b.first() + b.count())
                {
                    return b.offsetOf(i);
                }
            }
            throw new IllegalArgumentException(name + "(" + i + "): no such instance (0.." + (instances - 1) + ")");
        }

        /** The 82598-compatible alias of instance {@code i}, or -1 when it has none. */
        public int aliasOffset(final int i)
        {
            for (final Block b : blocks)
            {
                if (b.alias() && i >= b.first() && i < b.first() + b.count())
                {
                    return b.offsetOf(i);
                }
            }
            return -1;
        }

        public boolean hasAlias()
        {
            return blocks.stream().anyMatch(Block::alias);
        }
    }

    /** A decoded address: register and instance. */
    public record Decoded(Register register, int index)
    {
        @Override
        public String toString()
        {
            return register.instances() == 1 ? register.name() : register.name() + "(" + index + ")";
        }
    }

    /** A bit field of a register the model acts on: {@code register.name}, its mask in the register. */
    public record Field(String register, String name, int mask)
    {
    }

    public static final List<Register> ALL;
    /** The bit fields the model acts on (datasheet names, reference §2.1, §5, §7). */
    public static final List<Field> FIELDS = List.of(
        new Field("CTRL", "GIO_DIS", 1 << 2),
        new Field("CTRL", "LNK_RST", 1 << 3),
        new Field("CTRL", "RST", 1 << 26),
        new Field("STATUS", "GIO", 1 << 19),
        new Field("ESDP", "SDP2", 1 << 2),
        new Field("ESDP", "SDP3", 1 << 3),
        new Field("EEC", "EE_REQ", 1 << 6),
        new Field("EEC", "EE_GNT", 1 << 7),
        new Field("EEC", "PRES", 1 << 8),
        new Field("EEC", "ARD", 1 << 9),
        new Field("EEC", "SIZE", 0xF << 11),
        new Field("EERD", "START", 1),
        new Field("EERD", "DONE", 1 << 1),
        new Field("SWSM", "SMBI", 1),
        new Field("MSCA", "MDI_COMMAND", 1 << 30),
        new Field("AUTOC", "AN_RESTART", 1 << 12),
        new Field("LINKS", "LINK_UP", 1 << 30),
        new Field("LINKS", "KX_AN_COMP", 1 << 31),
        new Field("LINKS", "SPEED_10G", 3 << 28),
        new Field("RXDCTL", "ENABLE", 1 << 25),
        new Field("TXDCTL", "ENABLE", 1 << 25),
        new Field("DMATXCTL", "TE", 1),
        new Field("RXCTRL", "RXEN", 1),
        new Field("SECRXCTRL", "RX_DIS", 1 << 1),
        new Field("SECRXSTAT", "SECRX_RDY", 1),
        new Field("HLREG0", "TXCRCEN", 1),
        new Field("HLREG0", "RXCRCSTRP", 1 << 1),
        new Field("HLREG0", "JUMBOEN", 1 << 2),
        new Field("HLREG0", "TXPADEN", 1 << 10),
        new Field("RDRXCTL", "CRCSTRIP", 1 << 1),
        new Field("RDRXCTL", "DMAIDONE", 1 << 3),
        new Field("SRRCTL", "BSIZEPKT", 0x1F),
        new Field("SRRCTL", "DROP_EN", 1 << 28),
        new Field("FCTRL", "MPE", 1 << 8),
        new Field("FCTRL", "UPE", 1 << 9),
        new Field("FCTRL", "BAM", 1 << 10),
        new Field("RAH", "AV", 1 << 31),
        new Field("MAXFRS", "MFS", 0xFFFF_0000),
        new Field("MRQC", "MRQE", 0xF),
        new Field("MRQC", "RSS_FIELD_IPV4_TCP", 1 << 16),
        new Field("MRQC", "RSS_FIELD_IPV4", 1 << 17),
        new Field("MRQC", "RSS_FIELD_IPV4_UDP", 1 << 22));
    private static final Map<String, Register> BY_NAME = new LinkedHashMap<>();
    /** BAR0 dword index → slot + 1 (0: unknown); slots number every instance of every register. */
    private static final int[] SLOT_OF = new int[BAR0_BYTES / 4];
    private static final Decoded[] SLOTS;

    private static final List<Register> TABLE = new ArrayList<>();

    private static void one(final String name, final String section, final Access a, final int reset, final int off)
    {
        arr(name, section, a, reset, 1, new Block(off, 0, 1, 4, false));
    }

    private static void arr(final String name, final String section, final Access a, final int reset,
        final int instances, final Block... blocks)
    {
        TABLE.add(new Register(name, section, a, reset, instances, List.of(blocks)));
    }

    private static Block b(final int base, final int first, final int count, final int stride)
    {
        return new Block(base, first, count, stride, false);
    }

    private static Block alias(final int base, final int count, final int stride)
    {
        return new Block(base, 0, count, stride, true);
    }

    /** A per-queue rx register: 0x01000 + off + 0x40·n for n < 64, 0x0D000 + off + 0x40·(n − 64) above. */
    private static void rxq(final String name, final String section, final Access a, final int reset, final int off)
    {
        arr(name, section, a, reset, 128, b(0x01000 + off, 0, 64, 0x40), b(0x0D000 + off, 64, 64, 0x40));
    }

    static
    {
        final Access RW = Access.RW;
        final Access RO = Access.RO;
        final Access RC = Access.RC;
        // general control (§8.2.3.1)
        one("CTRL", "8.2.3.1.1", RW, 0, 0x00000);
        one("STATUS", "ref 2.1", RO, 0x0008_0000, 0x00008);
        one("CTRL_EXT", "ref 2.1", RW, 0, 0x00018);
        // SDP2 = 1: the SFP+ cage is full (reference §1.8: Intel's crosstalk check for SFP ids reads it)
        one("ESDP", "ref 2.1", RW, 1 << 2, 0x00020);
        one("I2CCTL", "ref 2.1", RW, 0, 0x00028);
        // interrupts (§8.2.3.5)
        one("EICR", "ref 2.1", RW, 0, 0x00800);
        one("EICS", "ref 2.1", Access.WO, 0, 0x00808);
        one("EIAC", "ref 2.1", RW, 0, 0x00810);
        one("EIMS", "ref 2.1", RW, 0, 0x00880);
        one("EIMC", "8.2.3.5.4", Access.WO, 0, 0x00888);
        one("EIAM", "ref 2.1", RW, 0, 0x00890);
        one("GPIE", "ref 2.1", RW, 0, 0x00898);
        arr("EITR", "ref 2.1", RW, 0, 128, b(0x00820, 0, 24, 4), b(0x12300, 24, 104, 4));
        arr("IVAR", "ref 2.1", RW, 0, 64, b(0x00900, 0, 64, 4));
        // receive queues (§8.2.3.8)
        rxq("RDBAL", "8.2.3.8.1", RW, 0, 0x00);
        rxq("RDBAH", "ref 2.1", RW, 0, 0x04);
        rxq("RDLEN", "ref 2.1", RW, 0, 0x08);
        arr("DCA_RXCTRL", "8.2.3.11.1", RW, 0x0000_1000, 128, b(0x0100C, 0, 64, 0x40), b(0x0D00C, 64, 64, 0x40),
            alias(0x02200, 16, 4));
        rxq("RDH", "ref 2.1", RW, 0, 0x10);
        arr("SRRCTL", "8.2.3.8.7", RW, 0x0000_0002, 128, b(0x01014, 0, 64, 0x40), b(0x0D014, 64, 64, 0x40),
            alias(0x02100, 16, 4));
        rxq("RDT", "ref 2.1", RW, 0, 0x18);
        rxq("RXDCTL", "ref 2.1", RW, 0, 0x28);
        arr("QPRC", "8.2.3.23", RC, 0, 16, b(0x01030, 0, 16, 0x40));
        arr("QBRC_L", "8.2.3.23", Access.RC_LO, 0, 16, b(0x01034, 0, 16, 0x40));
        arr("QBRC_H", "8.2.3.23", Access.RC_HI, 0, 16, b(0x01038, 0, 16, 0x40));
        arr("QPRDC", "8.2.3.23", RC, 0, 16, b(0x01430, 0, 16, 0x40));
        arr("RQSMR", "ref 2.1", RW, 0, 32, b(0x02300, 0, 32, 4));
        one("RDRXCTL", "ref 2.1", RW, 0x0000_0008, 0x02F00);
        one("RXCTRL", "ref 2.1", RW, 0, 0x03000);
        arr("RXPBSIZE", "ref 2.1", RW, 0x200 << 10, 8, b(0x03C00, 0, 8, 4));
        // statistics (§8.2.3.23)
        one("LXONTXC", "8.2.3.23", RC, 0, 0x03F60);
        one("LXOFFTXC", "8.2.3.23", RC, 0, 0x03F68);
        arr("MPC", "8.2.3.23", RC, 0, 8, b(0x03FA0, 0, 8, 4));
        arr("RNBC", "8.2.3.23", RC, 0, 8, b(0x03FC0, 0, 8, 4));
        one("CRCERRS", "8.2.3.23", RC, 0, 0x04000);
        one("ILLERRC", "8.2.3.23", RC, 0, 0x04004);
        one("ERRBC", "8.2.3.23", RC, 0, 0x04008);
        one("MSPDC", "8.2.3.23", RC, 0, 0x04010);
        one("MLFC", "8.2.3.23", RC, 0, 0x04034);
        one("MRFC", "8.2.3.23", RC, 0, 0x04038);
        one("RLEC", "8.2.3.23", RC, 0, 0x04040);
        one("PRC64", "8.2.3.23", RC, 0, 0x0405C);
        one("PRC127", "8.2.3.23", RC, 0, 0x04060);
        one("PRC255", "8.2.3.23", RC, 0, 0x04064);
        one("PRC511", "8.2.3.23", RC, 0, 0x04068);
        one("PRC1023", "8.2.3.23", RC, 0, 0x0406C);
        one("PRC1522", "8.2.3.23", RC, 0, 0x04070);
        one("GPRC", "8.2.3.23", RC, 0, 0x04074);
        one("BPRC", "8.2.3.23", RC, 0, 0x04078);
        one("MPRC", "8.2.3.23", RC, 0, 0x0407C);
        one("GPTC", "8.2.3.23", RC, 0, 0x04080);
        one("GORCL", "8.2.3.23", Access.RC_LO, 0, 0x04088);
        one("GORCH", "8.2.3.23", Access.RC_HI, 0, 0x0408C);
        one("GOTCL", "8.2.3.23", Access.RC_LO, 0, 0x04090);
        one("GOTCH", "8.2.3.23", Access.RC_HI, 0, 0x04094);
        one("RUC", "8.2.3.23", RC, 0, 0x040A4);
        one("RFC", "8.2.3.23", RC, 0, 0x040A8);
        one("ROC", "8.2.3.23", RC, 0, 0x040AC);
        one("RJC", "8.2.3.23", RC, 0, 0x040B0);
        one("MNGPRC", "8.2.3.23", RC, 0, 0x040B4);
        one("MNGPDC", "8.2.3.23", RC, 0, 0x040B8);
        one("TORL", "8.2.3.23", Access.RC_LO, 0, 0x040C0);
        one("TORH", "8.2.3.23", Access.RC_HI, 0, 0x040C4);
        one("TPR", "8.2.3.23", RC, 0, 0x040D0);
        one("TPT", "8.2.3.23", RC, 0, 0x040D4);
        one("PTC64", "8.2.3.23", RC, 0, 0x040D8);
        one("PTC127", "8.2.3.23", RC, 0, 0x040DC);
        one("PTC255", "8.2.3.23", RC, 0, 0x040E0);
        one("PTC511", "8.2.3.23", RC, 0, 0x040E4);
        one("PTC1023", "8.2.3.23", RC, 0, 0x040E8);
        one("PTC1522", "8.2.3.23", RC, 0, 0x040EC);
        one("MPTC", "8.2.3.23", RC, 0, 0x040F0);
        one("BPTC", "8.2.3.23", RC, 0, 0x040F4);
        one("XEC", "8.2.3.23", RC, 0, 0x04120);
        one("LXONRXCNT", "8.2.3.23", RC, 0, 0x041A4);
        one("LXOFFRXCNT", "8.2.3.23", RC, 0, 0x041A8);
        one("MNGPTC", "8.2.3.23", RC, 0, 0x0CF90);
        // MAC (§8.2.3.22)
        one("HLREG0", "8.2.3.22.8", RW, 0x0800_0403, 0x04240);
        one("MSCA", "ref 2.1", RW, 0, 0x0425C);
        one("MSRWD", "ref 2.1", RW, 0, 0x04260);
        one("MAXFRS", "ref 2.1", RW, 1518 << 16, 0x04268);
        one("AUTOC", "ref 2.1", RW, 0x0000_6000, 0x042A0);
        one("LINKS", "ref 2.1", RO, 0, 0x042A4);
        one("AUTOC2", "ref 2.1", RW, 0x0002_0000, 0x042A8);
        one("AUTOC3", "ref 2.1", RW, 0, 0x042AC);
        one("ANLP1", "ref 2.1", RO, 0, 0x042B0);
        // transmit DMA and arbiter (§8.2.3.9, §8.2.3.10)
        one("RTTDCS", "ref 2.1", RW, 0, 0x04900);
        arr("TXPBTHRESH", "ref 2.1", RW, 0x96, 8, b(0x04950, 0, 8, 4));
        one("DMATXCTL", "ref 2.1", RW, 0, 0x04A80);
        // receive filters (§8.2.3.7)
        one("RXCSUM", "ref 2.1", RW, 0, 0x05000);
        one("RFCTL", "ref 2.1", RW, 0, 0x05008);
        one("FCTRL", "8.2.3.7.1", RW, 0, 0x05080);
        one("VLNCTRL", "ref 2.1", RW, 0x8100, 0x05088);
        one("MCSTCTRL", "ref 2.1", RW, 0, 0x05090);
        arr("MTA", "ref 2.1", RW, 0, 128, b(0x05200, 0, 128, 4));
        arr("VFTA", "ref 2.1", RW, 0, 128, b(0x0A000, 0, 128, 4));
        arr("RAL", "8.2.3.7.9", RW, 0, 128, b(0x0A200, 0, 128, 8), alias(0x05400, 16, 8));
        arr("RAH", "ref 2.1", RW, 0, 128, b(0x0A204, 0, 128, 8), alias(0x05404, 16, 8));
        arr("MPSAR", "ref 2.1", RW, 0, 256, b(0x0A600, 0, 256, 4));
        arr("PSRTYPE", "ref 2.1", RW, 0, 64, b(0x0EA00, 0, 64, 4), alias(0x05480, 16, 4));
        arr("RETA", "ref 2.1", RW, 0, 32, b(0x0EB00, 0, 32, 4), alias(0x05C00, 32, 4));
        arr("RSSRK", "ref 2.1", RW, 0, 10, b(0x0EB80, 0, 10, 4), alias(0x05C80, 10, 4));
        arr("MRQC", "ref 2.1", RW, 0, 1, b(0x0EC80, 0, 1, 4), alias(0x05818, 1, 4));
        arr("PFVLVF", "ref 2.1", RW, 0, 64, b(0x0F100, 0, 64, 4));
        arr("PFVLVFB", "ref 2.1", RW, 0, 128, b(0x0F200, 0, 128, 4));
        arr("PFUTA", "ref 2.1", RW, 0, 128, b(0x0F400, 0, 128, 4));
        // transmit queues (§8.2.3.9)
        arr("TDBAL", "8.2.3.9.5", RW, 0, 128, b(0x06000, 0, 128, 0x40));
        arr("TDBAH", "ref 2.1", RW, 0, 128, b(0x06004, 0, 128, 0x40));
        arr("TDLEN", "8.2.3.9.7", RW, 0, 128, b(0x06008, 0, 128, 0x40));
        arr("DCA_TXCTRL", "ref 2.1", RW, 0x0000_0800, 128, b(0x0600C, 0, 128, 0x40));
        arr("TDH", "ref 2.1", RW, 0, 128, b(0x06010, 0, 128, 0x40));
        arr("TDT", "ref 2.1", RW, 0, 128, b(0x06018, 0, 128, 0x40));
        arr("TXDCTL", "ref 2.1", RW, 0, 128, b(0x06028, 0, 128, 0x40));
        arr("TDWBAL", "ref 2.1", RW, 0, 128, b(0x06038, 0, 128, 0x40));
        arr("TDWBAH", "ref 2.1", RW, 0, 128, b(0x0603C, 0, 128, 0x40));
        one("DTXMXSZRQ", "ref 2.1", RW, 0x0000_0010, 0x08100);
        one("MTQC", "ref 2.1", RW, 0, 0x08120);
        arr("TQSM", "ref 2.1", RW, 0, 32, b(0x08600, 0, 32, 4));
        arr("QPTC", "8.2.3.23", RC, 0, 16, b(0x08680, 0, 16, 4), alias(0x06030, 16, 0x40));
        arr("QBTC_L", "8.2.3.23", Access.RC_LO, 0, 16, b(0x08700, 0, 16, 8));
        arr("QBTC_H", "8.2.3.23", Access.RC_HI, 0, 16, b(0x08704, 0, 16, 8));
        arr("TXPBSIZE", "ref 2.1", RW, 0xA0 << 10, 8, b(0x0CC00, 0, 8, 4));
        // security block (§8.2.3.12)
        one("SECTXCTRL", "ref 2.1", RW, 0, 0x08800);
        one("SECTXSTAT", "ref 2.1", RO, 0x1, 0x08804);
        one("SECRXCTRL", "ref 2.1", RW, 0, 0x08D00);
        one("SECRXSTAT", "ref 2.1", RO, 0x1, 0x08D04);
        // EEPROM, flash, semaphores (§8.2.3.2, §8.2.3.4)
        one("EEC", "ref 2.1", RW, 0x0000_1300, 0x10010);
        one("EERD", "ref 2.1", RW, 0, 0x10014);
        one("SWSM", "ref 2.1", RW, 0, 0x10140);
        one("FWSM", "ref 2.1", RO, 0, 0x10148);
        one("SW_FW_SYNC", "ref 2.1", RW, 0, 0x10160);
        one("GCR_EXT", "ref 2.1", RW, 0, 0x11050);

        ALL = Collections.unmodifiableList(new ArrayList<>(TABLE));
        final List<Decoded> slots = new ArrayList<>();
        for (final Register r : ALL)
        {
            if (BY_NAME.put(r.name(), r) != null)
            {
                throw new IllegalStateException("register " + r.name() + " listed twice");
            }
            final int first = slots.size();
            for (int i = 0; i < r.instances(); i++)
            {
                slots.add(new Decoded(r, i));
            }
            for (final Block blk : r.blocks())
            {
                for (int i = blk.first(); i < blk.first() + blk.count(); i++)
                {
                    final int dw = blk.offsetOf(i) >> 2;
                    if (SLOT_OF[dw] != 0)
                    {
                        throw new IllegalStateException(r.name() + "(" + i + ") at 0x" +
                            Integer.toHexString(blk.offsetOf(i)) + " overlaps " + slots.get(SLOT_OF[dw] - 1));
                    }
                    SLOT_OF[dw] = first + i + 1;
                }
            }
        }
        SLOTS = slots.toArray(new Decoded[0]);
    }

    private Ixgbe82599RegisterMap()
    {
    }

    /** The mask of field {@code register.name}. */
    public static int bits(final String register, final String name)
    {
        for (final Field f : FIELDS)
        {
            if (f.register().equals(register) && f.name().equals(name))
            {
                return f.mask();
            }
        }
        throw new IllegalArgumentException("no field " + register + "." + name + " in the 82599 model's table");
    }

    /** The register named {@code name} (datasheet spelling). */
    public static Register byName(final String name)
    {
        final Register r = BY_NAME.get(name);
        if (r == null)
        {
            throw new IllegalArgumentException("no register " + name + " in the 82599 model's table");
        }
        return r;
    }

    /** (register, instance) at BAR0 offset {@code offset}, or null when the model has no register there. */
    public static Decoded decode(final long offset)
    {
        final int slot = slotOf(offset);
        return slot < 0 ? null : SLOTS[slot];
    }

    /** Storage slot of the register instance at {@code offset} (aliases share it), or -1. */
    static int slotOf(final long offset)
    {
        if (offset < 0 || offset >= BAR0_BYTES || (offset & 3) != 0)
        {
            return -1;
        }
        return SLOT_OF[(int)(offset >> 2)] - 1;
    }

    /** Slot of {@code name(index)}. */
    static int slotOf(final String name, final int index)
    {
        return slotOf(byName(name).offset(index));
    }

    static int slots()
    {
        return SLOTS.length;
    }

    static Decoded slot(final int slot)
    {
        return SLOTS[slot];
    }
}
