package io.ethdev4j.ethdev;

import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MacAddressAndLinkTest
{
    @Test
    void shouldParseAndPrintMacsAsDpdk()
    {
        final MacAddress m = MacAddress.parse("02:1b:2C:3d:4e:5F");
        assertEquals("02:1B:2C:3D:4E:5F", m.toString());
        assertEquals(0x021B2C3D4E5FL, m.toLong());
        assertEquals(m, MacAddress.parse("02-1b-2c-3d-4e-5f"));
        assertEquals(m, MacAddress.of(m.toBytes()));
        assertEquals(m, MacAddress.of(0x021B2C3D4E5FL));
        assertEquals(m.hashCode(), MacAddress.parse(" 02:1B:2C:3D:4E:5F ").hashCode());
        assertEquals(0x1B, m.octet(1));
        assertEquals("00:00:00:00:00:00", MacAddress.ZERO.toString());
        assertEquals(MacAddress.parse("0:1:2:3:4:5"), MacAddress.of(new byte[] {0, 1, 2, 3, 4, 5}));
    }

    @Test
    void shouldClassifyMacs()
    {
        assertTrue(MacAddress.ZERO.isZero());
        assertFalse(MacAddress.ZERO.isValidAssigned());
        assertTrue(MacAddress.BROADCAST.isMulticast());
        assertFalse(MacAddress.BROADCAST.isValidAssigned());
        assertTrue(MacAddress.parse("01:00:5e:00:00:01").isMulticast());
        assertTrue(MacAddress.parse("02:00:00:00:00:01").isValidAssigned());
        for (int i = 0; i < 100; i++)
        {
            final MacAddress r = MacAddress.random();
            assertTrue(r.isValidAssigned(), r.toString());
            assertEquals(0x02, r.octet(0) & 0x03, "locally administered unicast: " + r);
        }
    }

    @Test
    void shouldRejectMalformedMacs()
    {
        for (final String bad : new String[] {"", "02:00:00:00:00", "02:00:00:00:00:00:00", "02:00:00:00:00:0g",
            "002:00:00:00:00:01", "02::00:00:00:01", "+2:00:00:00:00:01", null})
        {
            final EthDevException ex = assertThrows(EthDevException.class, () -> MacAddress.parse(bad), "'" + bad + "'");
            assertEquals(Errno.EINVAL, ex.errno());
            assertTrue(ex.getMessage().startsWith("parseMac(" + bad + ")"), ex.getMessage());
        }
        assertEquals(Errno.EINVAL, assertThrows(EthDevException.class, () -> MacAddress.of(new byte[5])).errno());
    }

    @Test
    void shouldPrintLinksAsRteEthLinkToStr()
    {
        assertEquals("Link up at 10 Gbps FDX Fixed", new EthLink(EthLink.SPEED_10G, true, false, true).toString());
        assertEquals("Link up at 1 Gbps HDX Autoneg", new EthLink(EthLink.SPEED_1G, false, true, true).toString());
        assertEquals("Link up at 100 Mbps FDX Autoneg", new EthLink(100, true, true, true).toString());
        assertEquals("Link up at 2.5 Gbps FDX Autoneg", new EthLink(2500, true, true, true).toString());
        assertEquals("Link up at Unknown FDX Autoneg", new EthLink(EthLink.SPEED_UNKNOWN, true, true, true).toString());
        assertEquals("Link down", new EthLink(EthLink.SPEED_10G, true, false, false).toString());
        assertEquals("Link down", EthLink.DOWN.toString());
        assertEquals("None", EthLink.speedToString(0));
        assertEquals("10 Mbps", EthLink.speedToString(10));
        assertEquals("100 Gbps", EthLink.speedToString(100000));
        assertEquals("Invalid", EthLink.speedToString(12345), "rte_eth_link_speed_to_str's default");
        final EthLink up = new EthLink(EthLink.SPEED_10G, true, false, true);
        assertEquals(up, up.withStatus(false).withStatus(true));
        assertNotEquals(up, up.withStatus(false));
        assertEquals(up.hashCode(), new EthLink(EthLink.SPEED_10G, true, false, true).hashCode());
    }
}
