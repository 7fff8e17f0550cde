package io.ethdev4j.pmd.ixgbe.sim;

import io.ethdev4j.pmd.intel.sim.SimDma;
import io.ethdev4j.pmd.intel.sim.SimMode;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.*;

/** The 82599 model alone, through its 32-bit register API: aliases, side band, counters, strict ordering rules. */
class Ixgbe82599ModelTest
{
    private static Ixgbe82599Model model(final boolean strict)
    {
        return new Ixgbe82599Model(Ixgbe82599Model.DEFAULT_DEVICE_ID, Ixgbe82599Model.DEFAULT_MAC, SimMode.WIRE,
            strict, SimDma.IDENTITY);
    }

    @Test
    void shouldAnswerBothAddressesOfEveryAliasedRegister()
    {
        final Ixgbe82599Model m = model(true);
        int checked = 0;
        for (final Ixgbe82599RegisterMap.Register r : Ixgbe82599RegisterMap.ALL)
        {
            if (!r.hasAlias() || r.access() != Ixgbe82599RegisterMap.Access.RW)
            {
                continue;
            }
            for (int i = 0; i < r.instances() && r.aliasOffset(i) >= 0; i++)
            {
                final int v = 0x0A5A_0000 | i;
                m.write32(r.aliasOffset(i), v);
                assertEquals(v, m.read32(r.offset(i)), r.name() + "(" + i + ") written at its alias");
                m.write32(r.offset(i), ~v);
                assertEquals(~v, m.read32(r.aliasOffset(i)), r.name() + "(" + i + ") read at its alias");
                checked++;
            }
        }
        assertTrue(checked >= 16 + 16 + 32 + 32 + 10 + 1 + 16, "SRRCTL, DCA_RXCTRL, RAL, RAH, RETA, RSSRK, MRQC, "
            + "PSRTYPE: " + checked);
        assertEquals("QPTC(3)", Ixgbe82599RegisterMap.decode(0x06030 + 0x40 * 3).toString());
        assertEquals("QPTC(3)", Ixgbe82599RegisterMap.decode(0x08680 + 4 * 3).toString());
        assertEquals("SRRCTL(70)", Ixgbe82599RegisterMap.decode(0x0D014 + 0x40 * 6).toString());
        assertNull(Ixgbe82599RegisterMap.decode(0x02100 + 4 * 16), "SRRCTL's 82598 alias stops at queue 15");
    }

    @Test
    void shouldPresentTheResetValuesAndReloadThemOnCtrlRst()
    {
        final Ixgbe82599Model m = model(false);
        assertEquals(0x0800_0403, m.read32(0x04240), "HLREG0");
        assertEquals(0x200 << 10, m.read32(0x03C00), "RXPBSIZE(0) 512 KB");
        assertEquals(0x1000, m.read32(0x0100C), "DCA_RXCTRL bit 12");
        assertEquals(0x0000_0008, m.read32(0x02F00) & 0x8, "RDRXCTL.DMAIDONE");
        assertEquals(0x300, m.read32(0x10010) & 0x300, "EEC.PRES and ARD");
        assertEquals(0x8100, m.read32(0x05088), "VLNCTRL.VET");
        assertEquals(0x8000_0000, m.read32(0x05404) & 0x8000_0000, "RAH(0).AV from the EEPROM");
        m.write32(0x04240, 0);
        m.write32(0x00000, 1 << 2); // CTRL.GIO_DIS: master disable
        assertEquals(0, m.read32(0x00008) & (1 << 19), "STATUS.GIO drops");
        m.write32(0x00000, 1 << 26 | 1 << 2);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        assertEquals(0, m.read32(0x00000) & (1 << 26), "RST self-clears");
        assertEquals(0x0800_0403, m.read32(0x04240), "HLREG0 back to its reset value");
        assertEquals(1 << 19, m.read32(0x00008) & (1 << 19), "the reset cleared GIO_DIS: STATUS.GIO back");
        assertEquals(0, m.violations().size());
    }

    @Test
    void shouldServeEepromSemaphoresAndMdio()
    {
        final Ixgbe82599Model m = model(true);
        int sum = 0;
        for (int w = 0; w <= 0x3F; w++)
        {
            m.write32(0x10014, w << 2 | 1);
            final int eerd = m.read32(0x10014);
            assertEquals(2, eerd & 2, "EERD.DONE");
            sum += eerd >>> 16;
        }
        assertEquals(0xBABA, sum & 0xFFFF, "checksum words 0x00..0x3F");
        assertEquals(0, m.read32(0x10140) & 1, "SWSM.SMBI free: this read takes it");
        assertEquals(1, m.read32(0x10140) & 1, "then it reads taken");
        m.write32(0x10140, 0);
        assertEquals(0, m.read32(0x10140) & 1, "released by writing 0");
        m.write32(0x0425C, 1 << 30 | 3 << 26 | 1 << 21);
        assertEquals(0, m.read32(0x0425C) & (1 << 30), "MSCA.MDI_COMMAND completes");
        assertEquals(0xFFFF, m.read32(0x04260) >>> 16, "no PHY: all ones");
    }

    @Test
    void shouldClearCountersOnReadAndSixtyFourBitOnesOnTheHighRead()
    {
        final Ixgbe82599Model m = model(true);
        m.write32(0x042A0, m.read32(0x042A0) | 1 << 12); // AN restart: link up
        assertEquals(1 << 30, m.read32(0x042A4) & (1 << 30), "LINKS.LINK_UP after AN");
        m.write32(0x05080, 1 << 9); // FCTRL.UPE: take any unicast
        assertFalse(m.inject(new byte[60]), "no queue enabled: missed");
        assertEquals(1, m.read32(0x03FA0), "MPC(0)");
        assertEquals(0, m.read32(0x03FA0), "cleared by the read");
        assertEquals(1, m.read32(0x04074), "GPRC counts the missed frame too (errata)");
        assertEquals(64, m.read32(0x040C0), "TORL: 60 + CRC");
        assertEquals(64, m.read32(0x040C0), "the low read alone does not clear");
        assertEquals(0, m.read32(0x040C4), "TORH");
        assertEquals(0, m.read32(0x040C0), "the high read cleared both");
        // a frame between the low and the high read is not lost with the count read: it is in the next reading
        m.read32(0x04074);
        assertFalse(m.inject(new byte[60]), "missed");
        assertEquals(64, m.read32(0x040C0), "TORL");
        assertFalse(m.inject(new byte[60]), "missed, between TORL and TORH");
        assertEquals(0, m.read32(0x040C4), "TORH");
        assertEquals(64, m.read32(0x040C0), "TORL: the frame that came between the two reads");
        assertEquals(0, m.read32(0x040C4), "TORH");
        assertEquals(0, m.read32(0x040C0), "TORL: all read");
    }

    /**
     * The Toeplitz hash against the Microsoft RSS verification vectors (the key 6d5a56da..., carried in DPDK's
     * app/test/test_thash.c; independent of any ixgbe code): 66.9.149.187:2794 -> 161.142.100.80:1766.
     */
    @Test
    void shouldHashAsTheMicrosoftRssVerificationSuite()
    {
        final Ixgbe82599Model m = model(true);
        final int[] key = {0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f,
            0xb0, 0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
            0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa};
        for (int i = 0; i < 10; i++)
        {
            m.write32(0x0EB80 + 4 * i, key[4 * i] | key[4 * i + 1] << 8 | key[4 * i + 2] << 16 | key[4 * i + 3] << 24);
        }
        final byte[] in = {66, 9, (byte)149, (byte)187, (byte)161, (byte)142, 100, 80, 0x0A, (byte)0xEA, 0x06,
            (byte)0xE6};
        assertEquals(0x323e8fc2, m.toeplitz(in, 8), "IPv4 addresses only");
        assertEquals(0x51ccc178, m.toeplitz(in, 12), "with the ports");
    }

    @Test
    void shouldFailStrictlyWhenAQueueIsEnabledBeforeItsRing()
    {
        final Ixgbe82599Model m = model(true);
        final Ixgbe82599Model.OrderingViolation v = assertThrows(Ixgbe82599Model.OrderingViolation.class,
            () -> m.write32(0x01028, 1 << 25));
        assertEquals("4.6.7", v.section());
        assertTrue(v.getMessage().contains("a queue is enabled only once its ring is programmed") &&
            v.getMessage().contains("datasheet §4.6.7"), v.getMessage());
    }

    @Test
    void shouldFailStrictlyOnTheOtherOrderingRules()
    {
        final Ixgbe82599Model m = model(true);
        m.write32(0x06008, 4096);
        m.write32(0x06000, 0x1000);
        assertEquals("4.6.8", assertThrows(Ixgbe82599Model.OrderingViolation.class,
            () -> m.write32(0x06028, 1 << 25), "TXDCTL.ENABLE with DMATXCTL.TE = 0").section());
        assertEquals("4.6.8", assertThrows(Ixgbe82599Model.OrderingViolation.class,
            () -> m.write32(0x06018, 5), "TDT bumped on a disabled queue").section());
        assertEquals("4.6.7", assertThrows(Ixgbe82599Model.OrderingViolation.class,
            () -> m.write32(0x01018, 5), "RDT bumped on a disabled queue").section());
        assertTrue(assertThrows(Ixgbe82599Model.OrderingViolation.class, () -> m.write32(0x03000, 1))
            .getMessage().contains("RXEN is set after the receive queues are enabled"));
        assertEquals("4.6.11.3.4", assertThrows(Ixgbe82599Model.OrderingViolation.class,
            () -> m.write32(0x08100, 0xFFFF)).section());
        m.clock(() -> 42); // time stands still: the next access comes "right after" the reset, however loaded the host
        m.write32(0x00000, 1 << 26);
        assertEquals("8.2.3.1.1", assertThrows(Ixgbe82599Model.OrderingViolation.class,
            () -> m.read32(0x00008), "an access right after CTRL.RST").section());
        assertEquals(6, m.violations().size(), "strict mode stops at the first rule of an access");
    }

    @Test
    void shouldRecordButAllowViolationsOutsideStrictMode()
    {
        final Ixgbe82599Model m = model(false);
        m.write32(0x03000, 1);
        assertEquals(1, m.read32(0x03000) & 1, "RXEN set anyway, as hardware does (ixy sets it first)");
        assertEquals(3, m.violations().size(), "no queue enabled; SECRXCTRL.RX_DIS not held; the CRC strip bits "
            + "disagree (their reset values do: HLREG0.RXCRCSTRP 1, RDRXCTL.CRCSTRIP 0)");
    }
}
