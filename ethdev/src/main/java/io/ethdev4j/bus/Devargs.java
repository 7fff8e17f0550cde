package io.ethdev4j.bus;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A device argument string as given to {@code --vdev}, {@code -a} or {@code port attach}:
 * {@code name[,key=value[,key=value...]]} (rte_devargs + rte_kvargs: ',' between pairs, '=' between key and value,
 * at most 32 pairs). A key given without '=' has the empty value.
 */
public final class Devargs
{
    /** RTE_KVARGS_MAX. */
    public static final int MAX_PAIRS = 32;

    private final String name;
    private final String raw;
    private final Map<String, String> args;

    private Devargs(final String raw, final String name, final Map<String, String> args)
    {
        this.raw = raw;
        this.name = name;
        this.args = args;
    }

    public static Devargs parse(final String s)
    {
        if (s == null || s.isBlank())
        {
            throw EthDevException.of(Errno.EINVAL, "parseDevargs(\"" + s + "\")", "empty device string");
        }
        final String t = s.trim();
        final String[] parts = t.split(",", -1);
        final String name = parts[0].trim();
        if (name.isEmpty())
        {
            throw EthDevException.of(Errno.EINVAL, "parseDevargs(\"" + s + "\")", "missing device name before ','");
        }
        if (parts.length - 1 > MAX_PAIRS)
        {
            throw EthDevException.of(Errno.EINVAL, "parseDevargs(\"" + s + "\")", "more than " + MAX_PAIRS + " key=value pairs");
        }
        final Map<String, String> args = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++)
        {
            final String p = parts[i];
            if (p.isEmpty())
            {
                throw EthDevException.of(Errno.EINVAL, "parseDevargs(\"" + s + "\")", "empty key=value pair at position " + i);
            }
            final int eq = p.indexOf('=');
            final String key = (eq < 0 ? p : p.substring(0, eq)).trim();
            final String value = eq < 0 ? "" : p.substring(eq + 1).trim();
            if (key.isEmpty())
            {
                throw EthDevException.of(Errno.EINVAL, "parseDevargs(\"" + s + "\")", "empty key in '" + p + "'");
            }
            if (args.containsKey(key))
            {
                throw EthDevException.of(Errno.EINVAL, "parseDevargs(\"" + s + "\")", "key '" + key + "' given twice");
            }
            args.put(key, value);
        }
        return new Devargs(t, name, Collections.unmodifiableMap(args));
    }

    /** Device name, e.g. {@code net_null0} or {@code 0000:01:00.0}. */
    public String name()
    {
        return name;
    }

    public Map<String, String> args()
    {
        return args;
    }

    public boolean has(final String key)
    {
        return args.containsKey(key);
    }

    public String get(final String key, final String dflt)
    {
        return args.getOrDefault(key, dflt);
    }

    /** Rejects keys the driver does not know, naming them and the valid ones. */
    public void checkKeys(final String driver, final Set<String> valid)
    {
        for (final String k : args.keySet())
        {
            if (!valid.contains(k))
            {
                throw EthDevException.of(Errno.EINVAL, "probe(" + raw + ")", driver + ": unknown devarg '" + k + "'" +
                    (valid.isEmpty() ? " (the driver takes none)" : " (valid: " + String.join(", ", valid) + ")"));
            }
        }
    }

    public long getLong(final String key, final long dflt, final long min, final long max)
    {
        final String v = args.get(key);
        if (v == null)
        {
            return dflt;
        }
        final long n;
        try
        {
            n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        }
        catch (final NumberFormatException ex)
        {
            throw EthDevException.of(Errno.EINVAL, "probe(" + raw + ")", key + "=" + v + " is not an integer");
        }
        if (n < min || n > max)
        {
            throw EthDevException.of(Errno.EINVAL, "probe(" + raw + ")", key + "=" + v + " out of range " + min + ".." + max);
        }
        return n;
    }

    public int getInt(final String key, final int dflt, final int min, final int max)
    {
        return (int)getLong(key, dflt, min, max);
    }

    public boolean getBool(final String key, final boolean dflt)
    {
        final String v = args.get(key);
        if (v == null)
        {
            return dflt;
        }
        switch (v)
        {
            case "1": case "on": case "true": case "yes": case "": return true;
            case "0": case "off": case "false": case "no": return false;
            default:
                throw EthDevException.of(Errno.EINVAL, "probe(" + raw + ")", key + "=" + v + " must be 0 or 1");
        }
    }

    @Override
    public String toString()
    {
        return raw;
    }
}
