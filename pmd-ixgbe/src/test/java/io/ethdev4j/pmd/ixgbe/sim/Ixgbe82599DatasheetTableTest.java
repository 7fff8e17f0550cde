package io.ethdev4j.pmd.ixgbe.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The model's register table against a second, independent table written from the datasheet lineage of
 * {@code shared/reference/ixgbe-82599.md}: TinyNF ("T", a driver written only from the datasheet, quoting it; file
 * and line of dslab-epfl/tinynf 77abfae74963) and Snabb ("S" intel_mp.lua, "S10" intel10g.lua, tables transcribed
 * from the datasheet; snabbco/snabb f32729274b0a), plus ixy ("X", hardware-proven use of Intel's addresses). Each row
 * names its source. Where this lineage and Intel's disagree (aliases, QPTC, BSIZEPKT width), the model answers both
 * and the row says so; Intel's side is {@code IxgbeRegisterCrossCheckTest}.
 */
class Ixgbe82599DatasheetTableTest
{
    /** {register, instance, address, source}. */
    private static final Object[][] ADDRESSES = {
        {"CTRL", 0, 0x00000, "T regs.h:10-13; S :1586"},
        {"STATUS", 0, 0x00008, "T regs.h:147-149"},
        {"CTRL_EXT", 0, 0x00018, "T regs.h:16-17"},
        {"EIMC", 0, 0x00888, "T device.h:238-244 (EIMC(0))"},
        {"RDBAL", 0, 0x01000, "T regs.h:92-129; S intel_mp.lua:117-128"},
        {"RDBAL", 63, 0x01000 + 0x40 * 63, "T regs.h:92 (0x01000 + 0x40n, n < 64)"},
        {"RDBAL", 64, 0x0D000, "T regs.h:92 (0x0D000 + 0x40(n-64))"},
        {"RDBAH", 0, 0x01004, "T regs.h; S :118"},
        {"RDLEN", 0, 0x01008, "T regs.h; S :119"},
        {"RDH", 0, 0x01010, "T regs.h; S :120"},
        {"RDT", 0, 0x01018, "T regs.h; S :121"},
        {"RXDCTL", 0, 0x01028, "T regs.h; S :122"},
        // SRRCTL: T and S use the queue block (0x01014 + 0x40n); ixy and Intel 0x02100 + 4n for n <= 15. Both ran
        // on 82599s (reference §2.3), so the model aliases them: both rows must decode to SRRCTL(n).
        {"SRRCTL", 0, 0x01014, "T regs.h:142-145; S :115-116"},
        {"SRRCTL", 15, 0x01014 + 0x40 * 15, "T regs.h:142"},
        {"SRRCTL", 0, 0x02100, "X ixgbe.c:348 (Intel's alias; reference §2.3)"},
        {"SRRCTL", 15, 0x02100 + 4 * 15, "X ixgbe.c:348"},
        {"DCA_RXCTRL", 0, 0x0100C, "T regs.h:19-22; S :113-114"},
        {"DCA_RXCTRL", 0, 0x02200, "X ixgbe.c:378 (alias)"},
        {"RDRXCTL", 0, 0x02F00, "T regs.h:101-108"},
        {"RXCTRL", 0, 0x03000, "T regs.h:123-125"},
        {"RXPBSIZE", 0, 0x03C00, "T regs.h:131-132"},
        {"RXPBSIZE", 7, 0x03C1C, "T regs.h:131"},
        {"HLREG0", 0, 0x04240, "T regs.h:69-71; S :1663-1666"},
        {"MAXFRS", 0, 0x04268, "S :144,1667"},
        {"AUTOC", 0, 0x042A0, "S :131"},
        {"LINKS", 0, 0x042A4, "S :132, S10 :1051"},
        {"AUTOC2", 0, 0x042A8, "S :143"},
        {"RTTDCS", 0, 0x04900, "T regs.h:113-115; S :154"},
        {"TXPBTHRESH", 0, 0x04950, "T regs.h:178-180; S :106"},
        {"DMATXCTL", 0, 0x04A80, "T regs.h:28-30; S :133"},
        {"FCTRL", 0, 0x05080, "T regs.h:52-55; S :1628"},
        {"VLNCTRL", 0, 0x05088, "S :1634"},
        {"MTA", 0, 0x05200, "T regs.h:80-81"},
        {"MTA", 127, 0x05200 + 4 * 127, "T regs.h:80 (4 Kb table: 128 registers)"},
        // RAL/RAH: S and S10 use 0x0A200 + 8n for every n; ixy and Intel 0x05400 + 8n for n <= 15 (reference §2.3)
        {"RAL", 0, 0x0A200, "S :95-97; S10 :1141"},
        {"RAH", 0, 0x0A204, "S :96"},
        {"RAL", 0, 0x05400, "X ixgbe.c:599 (alias)"},
        {"RAH", 0, 0x05404, "X ixgbe.c:600 (alias)"},
        {"RAL", 127, 0x0A200 + 8 * 127, "S :95"},
        {"VFTA", 0, 0x0A000, "S :107"},
        {"MPSAR", 0, 0x0A600, "T regs.h:77-78"},
        {"PSRTYPE", 0, 0x0EA00, "S :94"},
        // MRQC, RETA, RSSRK: S10 (82599-only driver) uses 0x0EC80/0x0EB00/0x0EB80, S (intel_mp) itself 0x05C00 for
        // RETA and 0x05C80 for RSSRK, and S 0x0EC80 for MRQC; Intel 0x05818/0x05C00/0x05C80 (reference §2.3)
        {"MRQC", 0, 0x0EC80, "S :147; S10 :1058"},
        {"MRQC", 0, 0x05818, "D rxtx.c:3525 via mrqc_reg_get (alias, reference §2.3)"},
        {"RETA", 0, 0x0EB00, "S10 :1147"},
        {"RETA", 0, 0x05C00, "S :44"},
        {"RETA", 31, 0x0EB00 + 4 * 31, "S10 :1147 (32 registers, 128 entries)"},
        {"RSSRK", 0, 0x0EB80, "S10 :1146"},
        {"RSSRK", 9, 0x05C80 + 4 * 9, "S :45 (10 registers, 40 bytes)"},
        {"TDBAL", 0, 0x06000, "T regs.h:151-173; S :184-192"},
        {"TDBAL", 127, 0x06000 + 0x40 * 127, "T regs.h:151 (128 queues)"},
        {"TDBAH", 0, 0x06004, "T regs.h"},
        {"TDLEN", 0, 0x06008, "T regs.h"},
        {"DCA_TXCTRL", 0, 0x0600C, "T regs.h:24-26"},
        {"TDH", 0, 0x06010, "T regs.h"},
        {"TDT", 0, 0x06018, "T regs.h"},
        {"TXDCTL", 0, 0x06028, "T regs.h"},
        {"TDWBAL", 0, 0x06038, "T device.h:728-746"},
        {"TDWBAH", 0, 0x0603C, "T device.h:728-746"},
        {"DTXMXSZRQ", 0, 0x08100, "T regs.h:32-34"},
        {"MTQC", 0, 0x08120, "T device.h:546-553"},
        // QPTC: S and S10 read it at 0x08680 + 4n, Intel (D, L) at 0x06030 + 0x40n: the one pair no two drivers prove
        // to be the same counter; the model counts one counter at both (reference §2.2, §13)
        {"QPTC", 0, 0x08680, "S :90; S10 :1244"},
        {"QPTC", 15, 0x08680 + 4 * 15, "S :90"},
        {"QPTC", 0, 0x06030, "L ixgbe_type.h:849-857 (alias)"},
        {"SECRXCTRL", 0, 0x08D00, "T regs.h:134-140"},
        {"SECRXSTAT", 0, 0x08D04, "T regs.h:134-140"},
        {"TXPBSIZE", 0, 0x0CC00, "T regs.h:175-176"},
        {"PFUTA", 0, 0x0F400, "S :77; T device.h:314-351"},
        {"PFVLVF", 0, 0x0F100, "S :75"},
        {"PFVLVFB", 0, 0x0F200, "S :76"},
        {"EEC", 0, 0x10010, "T regs.h:36-39"},
        {"SWSM", 0, 0x10140, "S :135"},
        {"SW_FW_SYNC", 0, 0x10160, "S :170"},
        {"FWSM", 0, 0x10148, "T device.h:273-287 (FWSM.EXT_ERR_IND)"},
        {"GCR_EXT", 0, 0x11050, "T regs.h:65-67"},
        {"GPRC", 0, 0x04074, "X ixgbe.c:473-475"},
        {"GORCL", 0, 0x04088, "X ixgbe.c:473; S :57 (GORC64 at 0x04088)"},
        {"GPTC", 0, 0x04080, "X ixgbe.c:473"},
        {"GOTCL", 0, 0x04090, "X ixgbe.c:473"},
    };

    /** {register, field, mask, source}. */
    private static final Object[][] FIELDS = {
        {"CTRL", "RST", 1 << 26, "T regs.h:10-13 (b26); S :1586 DeviceReset=26"},
        {"CTRL", "LNK_RST", 1 << 3, "S :1586 LinkReset=3"},
        {"CTRL", "GIO_DIS", 1 << 2, "T regs.h:10-13 (b2)"},
        {"STATUS", "GIO", 1 << 19, "T regs.h:147-149"},
        {"EEC", "ARD", 1 << 9, "T regs.h:36-39; S :1590 AutoreadDone=9"},
        {"EEC", "PRES", 1 << 8, "T regs.h:36-39"},
        {"RDRXCTL", "DMAIDONE", 1 << 3, "T regs.h:101-105; S :1591 DMAInitDone=3"},
        {"RDRXCTL", "CRCSTRIP", 1 << 1, "T device.h:416-428"},
        {"AUTOC", "AN_RESTART", 1 << 12, "S :1598 restart_AN=12"},
        {"LINKS", "LINK_UP", 1 << 30, "S :1525-1535 (bit 30)"},
        {"LINKS", "SPEED_10G", 3 << 28, "S :1525-1535 (bits 29:28 = 11)"},
        {"HLREG0", "TXCRCEN", 1, "T device.h:496-504"},
        {"HLREG0", "RXCRCSTRP", 1 << 1, "T device.h:416-428"},
        {"HLREG0", "JUMBOEN", 1 << 2, "T device.h:484-487"},
        {"HLREG0", "TXPADEN", 1 << 10, "T device.h:496-504"},
        {"RXCTRL", "RXEN", 1, "T regs.h:123-125"},
        {"RXDCTL", "ENABLE", 1 << 25, "T device.h:640-652"},
        {"TXDCTL", "ENABLE", 1 << 25, "T device.h:755-764"},
        {"DMATXCTL", "TE", 1, "T regs.h:28-30"},
        {"SECRXCTRL", "RX_DIS", 1 << 1, "T regs.h:134-140"},
        {"SECRXSTAT", "SECRX_RDY", 1, "T regs.h:134-140"},
        {"SRRCTL", "DROP_EN", 1 << 28, "T device.h:633; S Drop_En=28"},
        {"SRRCTL", "BSIZEPKT", 0x1F, "T regs.h:142-145 BITS(0,4) (Intel's mask is 0x7F: see the cross-check)"},
        {"FCTRL", "MPE", 1 << 8, "T device.h:574-590; S :1628-1632"},
        {"FCTRL", "UPE", 1 << 9, "T device.h:574-590"},
        {"FCTRL", "BAM", 1 << 10, "T device.h:581-586"},
        {"MRQC", "RSS_FIELD_IPV4_TCP", 1 << 16, "S :938-948 TcpIPv4=16"},
        {"MRQC", "RSS_FIELD_IPV4", 1 << 17, "S :938-948 IPv4=17"},
        {"MRQC", "RSS_FIELD_IPV4_UDP", 1 << 22, "S :938-948 UdpIPv4=22"},
    };

    @Test
    void shouldDecodeEveryDatasheetAddressToTheSameRegister()
    {
        for (final Object[] row : ADDRESSES)
        {
            final Ixgbe82599RegisterMap.Decoded d = Ixgbe82599RegisterMap.decode((int)row[2]);
            final String where = row[0] + "(" + row[1] + ") at 0x" + Integer.toHexString((int)row[2]) + " (" + row[3] +
                ")";
            assertNotNull(d, where + ": not decoded by the model");
            assertEquals(row[0], d.register().name(), where);
            assertEquals(row[1], d.index(), where);
        }
    }

    @Test
    void shouldGiveTheDatasheetsBitValues()
    {
        for (final Object[] row : FIELDS)
        {
            assertEquals((int)row[2], Ixgbe82599RegisterMap.bits((String)row[0], (String)row[1]),
                row[0] + "." + row[1] + " (" + row[3] + ")");
        }
    }

    /** §8 reset values quoted by TinyNF from the datasheet. */
    @Test
    void shouldResetAsTheDatasheetQuotes()
    {
        assertEquals(0x200 << 10, Ixgbe82599RegisterMap.byName("RXPBSIZE").reset(), "T device.h:436-440: 0x200 KB");
        assertEquals(0xA0 << 10, Ixgbe82599RegisterMap.byName("TXPBSIZE").reset(), "T device.h:531-533: 0xA0 KB");
        assertEquals(0x96, Ixgbe82599RegisterMap.byName("TXPBTHRESH").reset(), "T device.h:540-543");
        assertEquals(1 << 12, Ixgbe82599RegisterMap.byName("DCA_RXCTRL").reset() & (1 << 12), "T device.h:679-680");
        final int hl = Ixgbe82599RegisterMap.byName("HLREG0").reset();
        assertEquals(0x0403, hl & 0x0407, "T device.h:496-515: TXCRCEN, RXCRCSTRP, TXPADEN 1; JUMBOEN 0");
        assertEquals(0, Ixgbe82599RegisterMap.byName("FCTRL").reset(), "T device.h:377-397: Init val 0x0");
        assertEquals(0, Ixgbe82599RegisterMap.byName("MRQC").reset(), "T device.h:444-460");
        assertEquals(0, Ixgbe82599RegisterMap.byName("RDRXCTL").reset() & 0x2, "T device.h:417: no CRC strip");
    }
}
