package io.ethdev4j.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader for tests (objects keep key order): Map, List, String, Long/BigInteger/Double, Boolean, and
 * {@link #NULL}. Throws IllegalArgumentException at the first byte that is not JSON, so "the reply parses" is a real
 * check. Also describes a value's shape (keys and value types) for comparisons with DPDK's replies.
 */
public final class Json
{
    /** JSON null (a Map cannot hold a Java null and say so). */
    public static final Object NULL = new Object()
    {
        @Override
        public String toString()
        {
            return "null";
        }
    };

    private final String s;
    private int i;

    private Json(final String s)
    {
        this.s = s;
    }

    public static Object parse(final String text)
    {
        final Json p = new Json(text);
        p.ws();
        final Object v = p.value();
        p.ws();
        if (p.i != text.length())
        {
            throw p.error("trailing text");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(final String text)
    {
        final Object v = parse(text);
        if (!(v instanceof Map))
        {
            throw new IllegalArgumentException("not a JSON object: " + text);
        }
        return (Map<String, Object>)v;
    }

    /**
     * The shape of a value: for an object, {@code {key:shape,...}} in key order; for an array, {@code [shape]} of its
     * first element (all elements must share it) or {@code []}; else the type: string, int, null, bool, float.
     */
    @SuppressWarnings("unchecked")
    public static String shape(final Object v)
    {
        if (v instanceof Map)
        {
            final StringBuilder sb = new StringBuilder("{");
            for (final Map.Entry<String, Object> e : ((Map<String, Object>)v).entrySet())
            {
                sb.append(sb.length() > 1 ? "," : "").append(e.getKey()).append(':').append(shape(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof List)
        {
            final List<Object> l = (List<Object>)v;
            if (l.isEmpty())
            {
                return "[]";
            }
            final String first = shape(l.get(0));
            for (final Object o : l)
            {
                if (!shape(o).equals(first))
                {
                    return "[mixed]";
                }
            }
            return "[" + first + "]";
        }
        if (v instanceof String)
        {
            return "string";
        }
        if (v instanceof Long || v instanceof java.math.BigInteger)
        {
            return "int";
        }
        if (v instanceof Double)
        {
            return "float";
        }
        if (v instanceof Boolean)
        {
            return "bool";
        }
        return "null";
    }

    private IllegalArgumentException error(final String what)
    {
        return new IllegalArgumentException(what + " at " + i + " in: " + (s.length() > 300 ? s.substring(0, 300) + "..." : s));
    }

    private void ws()
    {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0)
        {
            i++;
        }
    }

    private Object value()
    {
        if (i >= s.length())
        {
            throw error("unexpected end");
        }
        final char c = s.charAt(i);
        if (c == '{')
        {
            return obj();
        }
        if (c == '[')
        {
            return arr();
        }
        if (c == '"')
        {
            return str();
        }
        if (s.startsWith("null", i))
        {
            i += 4;
            return NULL;
        }
        if (s.startsWith("true", i))
        {
            i += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", i))
        {
            i += 5;
            return Boolean.FALSE;
        }
        return num();
    }

    private Map<String, Object> obj()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        i++;
        ws();
        if (i < s.length() && s.charAt(i) == '}')
        {
            i++;
            return m;
        }
        while (true)
        {
            ws();
            final String k = str();
            ws();
            expect(':');
            ws();
            if (m.put(k, value()) != null)
            {
                throw error("duplicate key " + k);
            }
            ws();
            if (i < s.length() && s.charAt(i) == ',')
            {
                i++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> arr()
    {
        final List<Object> l = new ArrayList<>();
        i++;
        ws();
        if (i < s.length() && s.charAt(i) == ']')
        {
            i++;
            return l;
        }
        while (true)
        {
            ws();
            l.add(value());
            ws();
            if (i < s.length() && s.charAt(i) == ',')
            {
                i++;
                continue;
            }
            expect(']');
            return l;
        }
    }

    private void expect(final char c)
    {
        if (i >= s.length() || s.charAt(i) != c)
        {
            throw error("expected '" + c + "'");
        }
        i++;
    }

    private String str()
    {
        expect('"');
        final StringBuilder sb = new StringBuilder();
        while (true)
        {
            if (i >= s.length())
            {
                throw error("unterminated string");
            }
            final char c = s.charAt(i++);
            if (c == '"')
            {
                return sb.toString();
            }
            if (c < 0x20)
            {
                throw error("control character in string");
            }
            if (c != '\\')
            {
                sb.append(c);
                continue;
            }
            final char e = s.charAt(i++);
            switch (e)
            {
                case '"': case '\\': case '/': sb.append(e); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'u': sb.append((char)Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                default: throw error("bad escape \\" + e);
            }
        }
    }

    private Object num()
    {
        final int start = i;
        if (i < s.length() && s.charAt(i) == '-')
        {
            i++;
        }
        while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0)
        {
            i++;
        }
        final String t = s.substring(start, i);
        if (t.isEmpty() || t.equals("-"))
        {
            throw error("unexpected character");
        }
        if (t.matches("-?(0|[1-9][0-9]*)"))
        {
            final java.math.BigInteger b = new java.math.BigInteger(t);
            return b.bitLength() < 64 ? (Object)b.longValue() : b;
        }
        return Double.parseDouble(t);
    }
}
