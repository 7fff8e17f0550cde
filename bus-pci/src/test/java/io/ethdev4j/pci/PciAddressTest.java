package io.ethdev4j.pci;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

class PciAddressTest
{
    @Test
    void shouldParseAndFormatTheLongForm()
    {
        final PciAddress a = PciAddress.parse("0000:01:00.0");
        assertEquals(0, a.domain());
        assertEquals(1, a.bus());
        assertEquals(0, a.device());
        assertEquals(0, a.function());
        assertEquals("0000:01:00.0", a.toString());
        assertEquals("abcd:ff:1f.7", PciAddress.parse("ABCD:FF:1F.7").toString());
    }

    @Test
    void shouldParseTheShortFormAsDomainZero()
    {
        assertEquals(PciAddress.parse("0000:3b:00.1"), PciAddress.parse("3b:00.1"));
        assertEquals("0000:3b:00.1", PciAddress.parse("3b:00.1").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0000:01:00", "01:00", "0000:01:20.0", "0000:01:00.8", "00000:01:00.0", "0000:1:00.0",
        "0000:01:00.0,x", "zz:00.0", ":01:00.0", "0000-01-00.0"})
    void shouldRejectMalformedAddressesNamingTheValue(final String text)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> PciAddress.parse(text));
        assertTrue(ex.getMessage().contains("'" + text + "'"), ex.getMessage());
        assertTrue(ex.getMessage().contains("0000:01:00.0"), "the message shows an example: " + ex.getMessage());
    }

    @Test
    void shouldOrderByDomainBusDeviceFunction()
    {
        assertTrue(PciAddress.parse("00:1f.7").compareTo(PciAddress.parse("01:00.0")) < 0);
        assertTrue(PciAddress.parse("0001:00:00.0").compareTo(PciAddress.parse("ff:1f.7")) > 0);
        assertEquals(PciAddress.of(0, 1, 2, 3).hashCode(), PciAddress.parse("01:02.3").hashCode());
    }

    @Test
    void shouldParseAndFormatPciIds()
    {
        final PciId id = PciId.parse("8086:10C9");
        assertEquals(0x8086, id.vendorId());
        assertEquals(0x10c9, id.deviceId());
        assertEquals("8086:10c9", id.toString());
        assertEquals(id, PciId.of(0x8086, 0x10c9));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> PciId.parse("8086-10c9"));
        assertTrue(ex.getMessage().contains("'8086-10c9'"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PciId.of(0x10000, 0));
    }
}
