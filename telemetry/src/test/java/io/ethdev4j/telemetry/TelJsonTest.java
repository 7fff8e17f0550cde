package io.ethdev4j.telemetry;

import io.ethdev4j.sys.Errno;
import io.ethdev4j.testkit.Json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The reply text against DPDK 22.11's output_json: framing, escaping, DPDK's limits and its fit-or-skip rule. */
class TelJsonTest
{
    private static String json(final String cmd, final TelData d)
    {
        return new String(TelJson.reply(cmd, d), StandardCharsets.UTF_8);
    }

    @Test
    void shouldFrameEveryKindAsDpdk()
    {
        assertEquals("{\"/x\":null}", json("/x", new TelData()));
        final TelData s = new TelData();
        s.string("a\"b\\c\nd\te\u0001f");
        assertEquals("{\"/x\":\"a\\\"b\\\\c\\nd\\te" + "f\"}", json("/x", s), "escapes; other control characters dropped");
        final TelData a = new TelData();
        a.startArray(TelData.ValueType.INT);
        assertEquals("{\"/x\":[]}", json("/x", a));
        a.addArrayInt(-1);
        a.addArrayInt(2);
        assertEquals("{\"/x\":[-1,2]}", json("/x", a));
        final TelData u = new TelData();
        u.startArray(TelData.ValueType.U64);
        u.addArrayU64(-1L);
        assertEquals("{\"/x\":[18446744073709551615]}", json("/x", u), "u64 is unsigned");
        final TelData d = new TelData();
        d.startDict();
        assertEquals("{\"/x\":{}}", json("/x", d));
        d.addDictString("s", "v");
        d.addDictInt("i", 3);
        d.addDictU64("u", 4);
        d.addDictUintHex("h", 0x3ff, 0);
        d.addDictUintHex("w", 0x3ff, 32);
        d.addDictContainer("a", a);
        final TelData inner = new TelData();
        inner.startDict();
        inner.addDictInt("k", 1);
        d.addDictContainer("d", inner);
        assertEquals("{\"/x\":{\"s\":\"v\",\"i\":3,\"u\":4,\"h\":\"0x3ff\",\"w\":\"0x000003ff\",\"a\":[-1,2],\"d\":{\"k\":1}}}",
            json("/x", d));
        final TelData ac = new TelData();
        ac.startArray(TelData.ValueType.CONTAINER);
        ac.addArrayContainer(a);
        ac.addArrayContainer(u);
        assertEquals("{\"/x\":[[-1,2],[18446744073709551615]]}", json("/x", ac));
    }

    @Test
    void shouldReturnDpdksCodes()
    {
        final TelData d = new TelData();
        assertEquals(-Errno.EINVAL, d.addDictInt("x", 1), "not a dictionary yet");
        d.startDict();
        assertEquals(-Errno.EINVAL, d.addDictInt("bad name", 1), "valid_name");
        assertEquals(-Errno.EINVAL, d.addDictInt("bad-name", 1));
        assertEquals(Errno.E2BIG, d.addDictString("long", "v".repeat(200)), "cut, but added");
        for (int i = 1; i < TelData.MAX_DICT_ENTRIES; i++)
        {
            assertEquals(0, d.addDictInt("k" + i, i));
        }
        assertEquals(-Errno.ENOSPC, d.addDictInt("one_more", 0));
        final TelData a = new TelData();
        a.startArray(TelData.ValueType.STRING);
        assertEquals(-Errno.EINVAL, a.addArrayInt(1), "wrong element type");
        for (int i = 0; i < TelData.MAX_ARRAY_ENTRIES; i++)
        {
            assertEquals(0, a.addArrayString("s"));
        }
        assertEquals(-Errno.ENOSPC, a.addArrayString("s"));
        final TelData s = new TelData();
        assertEquals(Errno.E2BIG, s.string("x".repeat(TelData.MAX_SINGLE_STRING_LEN)));
        assertEquals(TelData.MAX_SINGLE_STRING_LEN - 1, s.str().length());
        final TelData c = new TelData();
        c.startArray(TelData.ValueType.CONTAINER);
        final TelData dict = new TelData();
        dict.startDict();
        assertEquals(-Errno.EINVAL, c.addArrayContainer(dict), "an array holds arrays only");
    }

    @Test
    void shouldCutStringsAtDpdksLengthOnACharacterBoundary()
    {
        final TelData d = new TelData();
        d.startDict();
        d.addDictString("v", "é".repeat(100)); // 200 bytes
        @SuppressWarnings("unchecked")
        final Map<String, Object> m = (Map<String, Object>)Json.object(json("/x", d)).get("/x");
        final String v = (String)m.get("v");
        assertEquals(63, v.length(), "127 bytes hold 63 two-byte characters");
        assertTrue(v.getBytes(StandardCharsets.UTF_8).length <= TelData.MAX_STRING_LEN - 1);
    }

    @Test
    void shouldLeaveOutWhatDoesNotFitAndStayValid()
    {
        final TelData d = new TelData();
        d.startDict();
        for (int i = 0; i < TelData.MAX_DICT_ENTRIES; i++)
        {
            d.addDictString("key_" + i, "v".repeat(120));
        }
        final byte[] out = TelJson.reply("/big", d);
        assertTrue(out.length <= TelJson.MAX_OUTPUT_LEN, out.length + " bytes");
        @SuppressWarnings("unchecked")
        final Map<String, Object> m = (Map<String, Object>)Json.object(new String(out, StandardCharsets.UTF_8)).get("/big");
        assertTrue(m.size() > 100 && m.size() < TelData.MAX_DICT_ENTRIES, m.size() + " entries fit");
        assertTrue(m.containsKey("key_0"));

        // one entry too big to fit is skipped, a smaller one after it still goes in (DPDK tries each)
        final TelData e = new TelData();
        e.startDict();
        final TelData huge = new TelData();
        huge.startArray(TelData.ValueType.STRING);
        for (int i = 0; i < TelData.MAX_ARRAY_ENTRIES; i++)
        {
            huge.addArrayString("s".repeat(100));
        }
        e.addDictContainer("huge", huge);
        e.addDictInt("small", 1);
        final String r = new String(TelJson.reply("/x", e), StandardCharsets.UTF_8);
        final Map<String, Object> em = Json.object(r);
        @SuppressWarnings("unchecked")
        final Map<String, Object> inner = (Map<String, Object>)em.get("/x");
        assertEquals(1L, inner.get("small"));
        assertTrue(((List<?>)inner.get("huge")).size() < TelData.MAX_ARRAY_ENTRIES, "the array was cut to fit");
    }

    @Test
    void shouldEchoCommandsAsValidJsonKeys()
    {
        assertEquals("{\"(null)\":null}", json(null, new TelData()));
        assertEquals("{\"none\":null}", new String(TelJson.nullReply(null), StandardCharsets.UTF_8));
        final String k = "/" + "q".repeat(100);
        assertEquals("{\"" + k.substring(0, TelJson.MAX_CMD_LEN) + "\":null}", json(k, new TelData()));
        Json.parse(json("a\"\\\u0002b", new TelData()));
    }

    @Test
    void shouldRefuseBadCommandNames()
    {
        assertThrows(io.ethdev4j.ethdev.EthDevException.class, () -> Telemetry.registerCmd("nope", (e, c, p, d) -> 0, "h"));
        assertThrows(io.ethdev4j.ethdev.EthDevException.class, () -> Telemetry.registerCmd("/a b", (e, c, p, d) -> 0, "h"));
        assertThrows(io.ethdev4j.ethdev.EthDevException.class,
            () -> Telemetry.registerCmd("/" + "a".repeat(Telemetry.MAX_CMD_LEN), (e, c, p, d) -> 0, "h"));
        assertThrows(io.ethdev4j.ethdev.EthDevException.class,
            () -> Telemetry.registerCmd("/ok", (e, c, p, d) -> 0, "h".repeat(TelData.MAX_STRING_LEN)));
    }
}
