package io.ethdev4j.bus;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class DevargsTest
{
    private static void assertBad(final String text, final Executable call)
    {
        final EthDevException ex = assertThrows(EthDevException.class, call);
        assertEquals(Errno.EINVAL, ex.errno());
        assertTrue(ex.getMessage().contains(text), ex.getMessage());
    }

    @Test
    void shouldParseNameAndOrderedPairs()
    {
        final Devargs d = Devargs.parse(" net_ring1,peer=net_ring0, size = 64 ,flag");
        assertEquals("net_ring1", d.name());
        assertEquals(List.of("peer", "size", "flag"), List.copyOf(d.args().keySet()));
        assertEquals("net_ring0", d.get("peer", null));
        assertEquals(64, d.getInt("size", 0, 1, 100));
        assertTrue(d.has("flag"));
        assertEquals("", d.get("flag", null));
        assertTrue(d.getBool("flag", false), "a bare key is true");
        assertEquals("dflt", d.get("nope", "dflt"));
        assertEquals(7, d.getInt("nope", 7, 0, 10));
        assertEquals("net_null0", Devargs.parse("net_null0").name());
        assertTrue(Devargs.parse("net_null0").args().isEmpty());
        assertEquals("0000:01:00.0", Devargs.parse("0000:01:00.0,x=1").name());
    }

    @Test
    void shouldParseNumbersAndBooleans()
    {
        final Devargs d = Devargs.parse("x,a=0x10,b=on,c=0,d=no,e=maybe,f=abc,g=500");
        assertEquals(16, d.getLong("a", 0, 0, 100));
        assertTrue(d.getBool("b", false));
        assertFalse(d.getBool("c", true));
        assertFalse(d.getBool("d", true));
        assertBad("e=maybe must be 0 or 1", () -> d.getBool("e", false));
        assertBad("f=abc is not an integer", () -> d.getInt("f", 0, 0, 10));
        assertBad("g=500 out of range 0..100", () -> d.getInt("g", 0, 0, 100));
    }

    @Test
    void shouldRejectMalformedStrings()
    {
        assertBad("empty device string", () -> Devargs.parse(""));
        assertBad("empty device string", () -> Devargs.parse(null));
        assertBad("missing device name", () -> Devargs.parse(",a=1"));
        assertBad("empty key=value pair at position 1", () -> Devargs.parse("x,,a=1"));
        assertBad("empty key in '=1'", () -> Devargs.parse("x,=1"));
        assertBad("key 'a' given twice", () -> Devargs.parse("x,a=1,a=2"));
        final StringBuilder s = new StringBuilder("x");
        for (int i = 0; i < Devargs.MAX_PAIRS; i++)
        {
            s.append(",k").append(i).append("=1");
        }
        assertEquals(Devargs.MAX_PAIRS, Devargs.parse(s.toString()).args().size());
        assertBad("more than 32 key=value pairs", () -> Devargs.parse(s + ",one=more"));
    }

    @Test
    void shouldRejectKeysTheDriverDoesNotKnow()
    {
        final Devargs d = Devargs.parse("net_null0,siz=64");
        assertBad("net_null: unknown devarg 'siz' (valid: size, copy)", () -> d.checkKeys("net_null", new java.util.LinkedHashSet<>(List.of("size", "copy"))));
        assertBad("(the driver takes none)", () -> d.checkKeys("net_x", Set.of()));
        Devargs.parse("net_null0,size=1").checkKeys("net_null", Set.of("size"));
    }
}
