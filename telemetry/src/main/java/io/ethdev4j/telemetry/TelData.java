package io.ethdev4j.telemetry;

import io.ethdev4j.sys.Errno;

import java.nio.charset.StandardCharsets;

/**
 * What a command handler returns (DPDK's {@code struct rte_tel_data}, {@code lib/telemetry/telemetry_data.c} of
 * 22.11): nothing (JSON {@code null}), one string, an array of strings, ints, u64s or containers, or a dictionary of
 * named strings, ints, u64s and containers. Handlers fill it with the same calls and get the same results as in
 * DPDK: 0, {@code E2BIG} (positive: the value was truncated but added), {@code -EINVAL} (wrong type, bad name) or
 * {@code -ENOSPC} (full).
 * <p>
 * Limits are DPDK's: strings of at most {@value #MAX_STRING_LEN} − 1 bytes in arrays and dictionaries (longer ones
 * are cut), one string of {@value #MAX_SINGLE_STRING_LEN} − 1, {@value #MAX_DICT_ENTRIES} dictionary entries,
 * {@value #MAX_ARRAY_ENTRIES} array entries; dictionary names use {@code [A-Za-z0-9_/]} only. The JSON text is
 * {@link TelJson}'s job.
 */
public final class TelData
{
    /** RTE_TEL_MAX_STRING_LEN. */
    public static final int MAX_STRING_LEN = 128;
    /** RTE_TEL_MAX_SINGLE_STRING_LEN. */
    public static final int MAX_SINGLE_STRING_LEN = 8192;
    /** RTE_TEL_MAX_DICT_ENTRIES. */
    public static final int MAX_DICT_ENTRIES = 256;
    /** RTE_TEL_MAX_ARRAY_ENTRIES. */
    public static final int MAX_ARRAY_ENTRIES = 512;

    /** enum rte_tel_value_type: the element type of an array. */
    public enum ValueType
    {
        STRING, INT, U64, CONTAINER
    }

    /** enum tel_container_types. */
    enum Kind
    {
        NULL, STRING, DICT, ARRAY_STRING, ARRAY_INT, ARRAY_U64, ARRAY_CONTAINER
    }

    /** One dictionary entry or array element: {@code value} is a String, Integer, Long (u64 bits) or TelData. */
    static final class Entry
    {
        final String name;
        final ValueType type;
        final Object value;

        Entry(final String name, final ValueType type, final Object value)
        {
            this.name = name;
            this.type = type;
            this.value = value;
        }
    }

    private Kind kind = Kind.NULL;
    private String str;
    private Entry[] entries = new Entry[8];
    private int len;

    /** An empty value: a handler that adds nothing answers {@code null} (as DPDK's zeroed {@code rte_tel_data}). */
    public TelData()
    {
    }

    /** rte_tel_data_start_array. */
    public int startArray(final ValueType type)
    {
        switch (type)
        {
            case STRING: kind = Kind.ARRAY_STRING; break;
            case INT: kind = Kind.ARRAY_INT; break;
            case U64: kind = Kind.ARRAY_U64; break;
            default: kind = Kind.ARRAY_CONTAINER; break;
        }
        len = 0;
        return 0;
    }

    /** rte_tel_data_start_dict. */
    public int startDict()
    {
        kind = Kind.DICT;
        len = 0;
        return 0;
    }

    /** rte_tel_data_string: the whole reply is one string (cut to {@value #MAX_SINGLE_STRING_LEN} − 1 bytes). */
    public int string(final String s)
    {
        kind = Kind.STRING;
        final String cut = cString(s, MAX_SINGLE_STRING_LEN);
        str = cut;
        return cut.length() == cStringLength(s) ? 0 : Errno.E2BIG;
    }

    /** rte_tel_data_add_array_string. */
    public int addArrayString(final String s)
    {
        if (kind != Kind.ARRAY_STRING)
        {
            return -Errno.EINVAL;
        }
        if (len >= MAX_ARRAY_ENTRIES)
        {
            return -Errno.ENOSPC;
        }
        final String cut = cString(s, MAX_STRING_LEN);
        add(new Entry(null, ValueType.STRING, cut));
        return cut.length() == cStringLength(s) ? 0 : Errno.E2BIG;
    }

    /** rte_tel_data_add_array_int. */
    public int addArrayInt(final int v)
    {
        if (kind != Kind.ARRAY_INT)
        {
            return -Errno.EINVAL;
        }
        if (len >= MAX_ARRAY_ENTRIES)
        {
            return -Errno.ENOSPC;
        }
        add(new Entry(null, ValueType.INT, v));
        return 0;
    }

    /** rte_tel_data_add_array_u64 ({@code v} as unsigned). */
    public int addArrayU64(final long v)
    {
        if (kind != Kind.ARRAY_U64)
        {
            return -Errno.EINVAL;
        }
        if (len >= MAX_ARRAY_ENTRIES)
        {
            return -Errno.ENOSPC;
        }
        add(new Entry(null, ValueType.U64, v));
        return 0;
    }

    /** rte_tel_data_add_array_container: {@code c} must be an array of strings, ints or u64s. */
    public int addArrayContainer(final TelData c)
    {
        if (kind != Kind.ARRAY_CONTAINER || c == null ||
            (c.kind != Kind.ARRAY_U64 && c.kind != Kind.ARRAY_INT && c.kind != Kind.ARRAY_STRING))
        {
            return -Errno.EINVAL;
        }
        if (len >= MAX_ARRAY_ENTRIES)
        {
            return -Errno.ENOSPC;
        }
        add(new Entry(null, ValueType.CONTAINER, c));
        return 0;
    }

    /** rte_tel_data_add_dict_string. */
    public int addDictString(final String name, final String value)
    {
        final int rc = checkDict(name);
        if (rc != 0)
        {
            return rc;
        }
        final String cut = cString(value, MAX_STRING_LEN);
        final String n = cString(name, MAX_STRING_LEN);
        add(new Entry(n, ValueType.STRING, cut));
        return cut.length() == cStringLength(value) && n.length() == name.length() ? 0 : Errno.E2BIG;
    }

    /** rte_tel_data_add_dict_int. */
    public int addDictInt(final String name, final int value)
    {
        return addNamed(name, ValueType.INT, value);
    }

    /** rte_tel_data_add_dict_u64 ({@code value} as unsigned). */
    public int addDictU64(final String name, final long value)
    {
        return addNamed(name, ValueType.U64, value);
    }

    /**
     * rte_tel_data_add_dict_uint_hex (DPDK 23.03+): {@code value} as a string {@code "0x..."}, zero-padded to
     * {@code bitWidth / 4} digits (0: no padding).
     */
    public int addDictUintHex(final String name, final long value, final int bitWidth)
    {
        final int digits = (bitWidth + 3) / 4;
        final String hex = Long.toHexString(value);
        final StringBuilder sb = new StringBuilder("0x");
        for (int i = hex.length(); i < digits; i++)
        {
            sb.append('0');
        }
        return addDictString(name, sb.append(hex).toString());
    }

    /** rte_tel_data_add_dict_container: {@code c} must be an array of strings, ints or u64s, or a dictionary. */
    public int addDictContainer(final String name, final TelData c)
    {
        if (kind != Kind.DICT || c == null ||
            (c.kind != Kind.ARRAY_U64 && c.kind != Kind.ARRAY_INT && c.kind != Kind.ARRAY_STRING && c.kind != Kind.DICT))
        {
            return -Errno.EINVAL;
        }
        return addNamed(name, ValueType.CONTAINER, c);
    }

    private int addNamed(final String name, final ValueType type, final Object value)
    {
        final int rc = checkDict(name);
        if (rc != 0)
        {
            return rc;
        }
        final String n = cString(name, MAX_STRING_LEN);
        add(new Entry(n, type, value));
        return n.length() == name.length() ? 0 : Errno.E2BIG;
    }

    private int checkDict(final String name)
    {
        if (kind != Kind.DICT)
        {
            return -Errno.EINVAL;
        }
        if (len >= MAX_DICT_ENTRIES)
        {
            return -Errno.ENOSPC;
        }
        return validName(name) ? 0 : -Errno.EINVAL;
    }

    /** valid_name(): letters, digits, '_' and '/'. */
    static boolean validName(final String name)
    {
        if (name == null)
        {
            return false;
        }
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '/'))
            {
                return false;
            }
        }
        return true;
    }

    private void add(final Entry e)
    {
        if (len == entries.length)
        {
            entries = java.util.Arrays.copyOf(entries, len * 2);
        }
        entries[len++] = e;
    }

    /** A C string's view of {@code s}: up to the first NUL. */
    private static int cStringLength(final String s)
    {
        if (s == null)
        {
            return 0;
        }
        final int nul = s.indexOf('\0');
        return nul < 0 ? s.length() : nul;
    }

    /** strlcpy into {@code size} bytes: at most size − 1 UTF-8 bytes, cut on a character boundary. */
    static String cString(final String s, final int size)
    {
        if (s == null)
        {
            return "";
        }
        final String c = s.substring(0, cStringLength(s));
        if (c.length() * 3 < size || c.getBytes(StandardCharsets.UTF_8).length < size)
        {
            return c;
        }
        int bytes = 0;
        int i = 0;
        while (i < c.length())
        {
            final int cp = c.codePointAt(i);
            final int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > size - 1)
            {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return c.substring(0, i);
    }

    Kind kind()
    {
        return kind;
    }

    String str()
    {
        return str;
    }

    int length()
    {
        return len;
    }

    Entry entry(final int i)
    {
        return entries[i];
    }
}
