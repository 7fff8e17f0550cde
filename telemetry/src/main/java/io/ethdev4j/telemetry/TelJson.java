package io.ethdev4j.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The reply text, byte for byte as DPDK 22.11's {@code output_json()} and {@code container_to_json()}
 * ({@code lib/telemetry/telemetry.c}) with the helpers of {@code telemetry_json.h}: compact JSON (no spaces),
 * {@code {"<cmd>":<data>}} in at most {@link #MAX_OUTPUT_LEN} bytes.
 * <p>
 * DPDK's rule for size, kept here: every piece (an array element, a dictionary entry, a nested container) is added
 * only if the text stays within the buffer, otherwise it is left out and the next one is tried; the reply is always
 * well-formed and never longer than the limit. Strings escape {@code "} and {@code \} and turn newline, carriage return
 * and tab into {@code \n}, {@code \r}, {@code \t}; other control characters are dropped.
 * <p>
 * Two deliberate differences, both for a client that sends junk: the command echoed as the key is escaped like any
 * string (DPDK copies it raw, so {@code ab"c} made invalid JSON), and bytes that are not UTF-8 arrive as U+FFFD
 * (DPDK echoes them, and {@code dpdk-telemetry.py} then fails to decode the reply). Non-ASCII text in values is kept
 * (DPDK 22.11's signed-char test drops it).
 */
final class TelJson
{
    /** MAX_OUTPUT_LEN. */
    static final int MAX_OUTPUT_LEN = 16 * 1024;
    /** MAX_CMD_LEN: a longer command is unknown; the key echoes at most this many bytes of it. */
    static final int MAX_CMD_LEN = 56;

    private TelJson()
    {
    }

    /** {@code {"<cmd>":<d>}} (output_json); cmd null prints as glibc prints a null {@code %s}: {@code (null)}. */
    static byte[] reply(final String cmd, final TelData d)
    {
        final byte[] out = new byte[MAX_OUTPUT_LEN];
        final byte[] prefix = ("{\"" + escape(truncate(cmd == null ? "(null)" : cmd, MAX_CMD_LEN)) + "\":")
            .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        final int prefixUsed = prefix.length;
        final int bufLen = MAX_OUTPUT_LEN - prefixUsed - 1; // space for '}'
        final Buf b = new Buf(out, prefixUsed, bufLen);
        int used;
        switch (d.kind())
        {
            case NULL:
                used = b.put(0, "null");
                break;
            case STRING:
                used = b.str(0, d.str());
                break;
            case DICT:
                used = b.emptyObj(0);
                for (int i = 0; i < d.length(); i++)
                {
                    used = dictEntry(b, used, d.entry(i), bufLen);
                }
                break;
            default:
                used = b.emptyArray(0);
                for (int i = 0; i < d.length(); i++)
                {
                    used = arrayElement(b, used, d.entry(i), bufLen);
                }
                break;
        }
        used += prefixUsed;
        out[used++] = '}';
        return Arrays.copyOf(out, used);
    }

    /** {@code {"<cmd>":null}}: the reply when a handler fails (perform_command). */
    static byte[] nullReply(final String cmd)
    {
        return ("{\"" + escape(truncate(cmd == null ? "none" : cmd, MAX_CMD_LEN)) + "\":null}")
            .getBytes(StandardCharsets.UTF_8);
    }

    private static int dictEntry(final Buf b, final int used, final TelData.Entry e, final int bufLen)
    {
        switch (e.type)
        {
            case STRING:
                return b.addObjStr(used, e.name, (String)e.value);
            case INT:
                return b.addObjRaw(used, e.name, Integer.toString((Integer)e.value));
            case U64:
                return b.addObjRaw(used, e.name, Long.toUnsignedString((Long)e.value));
            default:
                final String json = containerToJson((TelData)e.value, bufLen);
                return json.isEmpty() ? used : b.addObjRaw(used, e.name, json);
        }
    }

    private static int arrayElement(final Buf b, final int used, final TelData.Entry e, final int bufLen)
    {
        switch (e.type)
        {
            case STRING:
                return b.addArrayStr(used, (String)e.value);
            case INT:
                return b.addArrayRaw(used, Integer.toString((Integer)e.value));
            case U64:
                return b.addArrayRaw(used, Long.toUnsignedString((Long)e.value));
            default:
                final String json = containerToJson((TelData)e.value, bufLen);
                return json.isEmpty() ? used : b.addArrayRaw(used, json);
        }
    }

    /** container_to_json into a fresh buffer of {@code bufLen}: "" when nothing fits (DPDK then skips the entry). */
    private static String containerToJson(final TelData d, final int bufLen)
    {
        final byte[] tmp = new byte[bufLen];
        final Buf b = new Buf(tmp, 0, bufLen);
        int used;
        switch (d.kind())
        {
            case DICT:
                used = b.emptyObj(0);
                for (int i = 0; i < d.length(); i++)
                {
                    used = dictEntry(b, used, d.entry(i), bufLen);
                }
                break;
            case ARRAY_STRING:
            case ARRAY_INT:
            case ARRAY_U64:
                used = b.emptyArray(0);
                for (int i = 0; i < d.length(); i++)
                {
                    used = arrayElement(b, used, d.entry(i), bufLen);
                }
                break;
            default:
                used = b.put(0, "null");
                break;
        }
        return new String(tmp, 0, used, StandardCharsets.UTF_8);
    }

    /** At most {@code maxBytes} UTF-8 bytes of {@code s} (as {@code %.*s}), cut on a character boundary. */
    static String truncate(final String s, final int maxBytes)
    {
        return TelData.cString(s, maxBytes + 1);
    }

    /** __json_format_str's escaping, as a Java string. */
    static String escape(final String s)
    {
        final StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c == '\n')
            {
                sb.append("\\n");
            }
            else if (c == '\r')
            {
                sb.append("\\r");
            }
            else if (c == '\t')
            {
                sb.append("\\t");
            }
            else if (c < 0x20)
            {
                continue; // dropped, as DPDK
            }
            else if (c == '"' || c == '\\')
            {
                sb.append('\\').append(c);
            }
            else
            {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A window {@code [base, base + len)} of a byte buffer and telemetry_json.h's operations on it: each returns the
     * new length used, unchanged when the piece does not fit ({@code len} counts the C string's NUL, so the text is at
     * most {@code len − 1} bytes).
     */
    private static final class Buf
    {
        private final byte[] buf;
        private final int base;
        private final int len;

        Buf(final byte[] buf, final int base, final int len)
        {
            this.buf = buf;
            this.base = base;
            this.len = len;
        }

        /** __json_snprintf at {@code at}: writes {@code text} if it fits in {@code len - at}; returns its length or 0. */
        private int write(final int at, final String text)
        {
            final byte[] t = text.getBytes(StandardCharsets.UTF_8);
            if (t.length > 0 && t.length < len - at)
            {
                System.arraycopy(t, 0, buf, base + at, t.length);
                return t.length;
            }
            return 0;
        }

        int put(final int used, final String text)
        {
            return used + write(used, text);
        }

        int emptyArray(final int used)
        {
            return put(used, "[]");
        }

        int emptyObj(final int used)
        {
            return put(used, "{}");
        }

        int str(final int used, final String s)
        {
            return used + write(used, "\"" + escape(s) + "\"");
        }

        /** rte_tel_json_add_array_{int,u64,json}. */
        int addArrayRaw(final int used, final String json)
        {
            if (used <= 2)
            {
                return write(0, "[" + json + "]");
            }
            final int end = used - 1;
            final int ret = write(end, "," + json + "]");
            return ret == 0 ? used : end + ret;
        }

        int addArrayStr(final int used, final String s)
        {
            return addArrayRaw(used, "\"" + escape(s) + "\"");
        }

        /** rte_tel_json_add_obj_{int,u64,json}. */
        int addObjRaw(final int used, final String name, final String json)
        {
            if (used <= 2)
            {
                return write(0, "{\"" + name + "\":" + json + "}");
            }
            final int end = used - 1;
            final int ret = write(end, ",\"" + name + "\":" + json + "}");
            return ret == 0 ? used : end + ret;
        }

        int addObjStr(final int used, final String name, final String value)
        {
            return addObjRaw(used, name, "\"" + escape(value) + "\"");
        }
    }
}
