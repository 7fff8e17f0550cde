package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.MacAddress;

import java.util.List;

/**
 * One token of a command template, as DPDK's {@code cmdline_parse_token_*} instances: a keyword (or a choice of
 * keywords, {@code TOKEN_STRING_INITIALIZER(..., "info#stats")}) or a typed value (number in a range, port id,
 * MAC address, free text). A token turns one typed word into its value, or rejects it; the same object serves
 * dispatch, completion and the examples the tests type.
 * <p>
 * Written in a template as:
 * <pre>
 *   show                 a keyword
 *   info|stats|summary   a choice of keywords
 *   &lt;n:u16&gt;              a number 0..65535 (u8, u16, u32, u64 likewise; or a range: &lt;n:1..512&gt;); typed in
 *                        decimal, hex (0x1f), octal (017) or binary (0b101), as cmdline's num token takes it
 *   &lt;port_id:port&gt;       a port id (0..65535)
 *   &lt;port_id:port|all&gt;   a port id or "all"
 *   &lt;mac:mac&gt;            a MAC address XX:XX:XX:XX:XX:XX
 *   &lt;ident:string&gt;       any word
 *   [token]              optional; only at the end of a template
 * </pre>
 */
public sealed interface Token permits Token.Keywords, Token.Num, Token.PortId, Token.Mac, Token.Text
{
    /** The value of a port token given {@code all}. */
    int ALL_PORTS = -1;

    /** The value {@code word} stands for, or null if this token does not accept it. */
    Object parse(String word);

    /** What tab completion offers at this token: the keywords, {@code all} for a port. */
    List<String> completions();

    /** A word this token accepts (for examples and tests). */
    String sample();

    /** The name a handler reads the value by; null for keywords. */
    String name();

    /** One token of the template notation above (without the optional brackets). */
    static Token parseSpec(final String spec)
    {
        if (!spec.startsWith("<"))
        {
            if (spec.isEmpty() || spec.contains("<") || spec.contains(">") || spec.contains(":"))
            {
                throw new IllegalArgumentException("bad keyword token '" + spec + "'");
            }
            return new Keywords(List.of(spec.split("\\|")));
        }
        final int colon = spec.indexOf(':');
        if (!spec.endsWith(">") || colon < 2)
        {
            throw new IllegalArgumentException("bad value token '" + spec + "', expected <name:type>");
        }
        final String name = spec.substring(1, colon);
        final String type = spec.substring(colon + 1, spec.length() - 1);
        switch (type)
        {
            case "u8":
                return new Num(name, 0, 0xFF);
            case "u16":
                return new Num(name, 0, 0xFFFF);
            case "u32":
                return new Num(name, 0, 0xFFFF_FFFFL);
            case "u64":
                return new Num(name, 0, Long.MAX_VALUE);
            case "port":
                return new PortId(name, false);
            case "port|all":
                return new PortId(name, true);
            case "mac":
                return new Mac(name);
            case "string":
                return new Text(name);
            default:
                final int dots = type.indexOf("..");
                if (dots > 0)
                {
                    return new Num(name, Long.parseLong(type.substring(0, dots)), Long.parseLong(type.substring(dots + 2)));
                }
                throw new IllegalArgumentException("unknown value type '" + type + "' in '" + spec + "'");
        }
    }

    /** A number as cmdline's num token reads it (decimal, 0x hex, 0 octal, 0b binary; no sign) or null. */
    static Long decimal(final String word, final long min, final long max)
    {
        final long v;
        try
        {
            if (word.isEmpty() || word.charAt(0) == '-' || word.charAt(0) == '+')
            {
                return null;
            }
            if (word.length() > 2 && (word.startsWith("0x") || word.startsWith("0X")))
            {
                v = Long.parseLong(word.substring(2), 16);
            }
            else if (word.length() > 2 && (word.startsWith("0b") || word.startsWith("0B")))
            {
                v = Long.parseLong(word.substring(2), 2);
            }
            else if (word.length() > 1 && word.charAt(0) == '0')
            {
                v = Long.parseLong(word.substring(1), 8);
            }
            else
            {
                v = Long.parseLong(word);
            }
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
        return v < min || v > max ? null : v;
    }

    /** One of fixed words (its value is the word). */
    record Keywords(List<String> words) implements Token
    {
        @Override
        public Object parse(final String word)
        {
            return words.contains(word) ? word : null;
        }

        @Override
        public List<String> completions()
        {
            return words;
        }

        @Override
        public String sample()
        {
            return words.get(0);
        }

        @Override
        public String name()
        {
            return null;
        }
    }

    /** An unsigned decimal in [min, max] (its value is a Long). */
    record Num(String name, long min, long max) implements Token
    {
        @Override
        public Object parse(final String word)
        {
            return decimal(word, min, max);
        }

        @Override
        public List<String> completions()
        {
            return List.of();
        }

        @Override
        public String sample()
        {
            return Long.toString(Math.max(min, Math.min(1, max)));
        }
    }

    /** A port id 0..65535 (validity is the handler's, as DPDK), or {@code all} → {@link #ALL_PORTS}. */
    record PortId(String name, boolean orAll) implements Token
    {
        @Override
        public Object parse(final String word)
        {
            if (orAll && word.equals("all"))
            {
                return (long)ALL_PORTS;
            }
            return decimal(word, 0, 0xFFFF);
        }

        @Override
        public List<String> completions()
        {
            return orAll ? List.of("all") : List.of();
        }

        @Override
        public String sample()
        {
            return orAll ? "all" : "0";
        }
    }

    /** A MAC address (its value is a {@link MacAddress}). */
    record Mac(String name) implements Token
    {
        @Override
        public Object parse(final String word)
        {
            try
            {
                return MacAddress.parse(word);
            }
            catch (final RuntimeException ex)
            {
                return null;
            }
        }

        @Override
        public List<String> completions()
        {
            return List.of();
        }

        @Override
        public String sample()
        {
            return "02:00:00:00:00:01";
        }
    }

    /** Any word (its value is the word). */
    record Text(String name) implements Token
    {
        @Override
        public Object parse(final String word)
        {
            return word;
        }

        @Override
        public List<String> completions()
        {
            return List.of();
        }

        @Override
        public String sample()
        {
            return name;
        }
    }
}
