package io.ethdev4j.eal;

import java.io.PrintStream;

/**
 * rte_log, minimal: a global level (DPDK's 1 emerg .. 8 debug; default 7 info... printing notice and up), lines
 * "TYPE: message" on stderr.
 */
public final class Log
{
    public static final int EMERG = 1;
    public static final int ALERT = 2;
    public static final int CRIT = 3;
    public static final int ERR = 4;
    public static final int WARNING = 5;
    public static final int NOTICE = 6;
    public static final int INFO = 7;
    public static final int DEBUG = 8;

    private static volatile int level = INFO;
    private static volatile PrintStream out = System.err;

    private Log()
    {
    }

    public static int level()
    {
        return level;
    }

    public static void level(final int l)
    {
        level = Math.max(EMERG, Math.min(DEBUG, l));
    }

    public static void output(final PrintStream stream)
    {
        out = stream;
    }

    public static boolean enabled(final int l)
    {
        return l <= level;
    }

    public static void log(final int l, final String type, final String message)
    {
        if (l <= level)
        {
            out.println(type + ": " + message);
        }
    }

    public static void err(final String type, final String message)
    {
        log(ERR, type, message);
    }

    public static void warn(final String type, final String message)
    {
        log(WARNING, type, message);
    }

    public static void notice(final String type, final String message)
    {
        log(NOTICE, type, message);
    }

    public static void info(final String type, final String message)
    {
        log(INFO, type, message);
    }

    public static void debug(final String type, final String message)
    {
        log(DEBUG, type, message);
    }

    /** Parses a --log-level value: a number 1..8 or a name, optionally prefixed "type:" (the type is ignored). */
    public static int parseLevel(final String value)
    {
        String v = value;
        final int colon = v.lastIndexOf(':');
        if (colon >= 0)
        {
            v = v.substring(colon + 1);
        }
        switch (v.toLowerCase())
        {
            case "emergency": case "emerg": return EMERG;
            case "alert": return ALERT;
            case "critical": case "crit": return CRIT;
            case "error": case "err": return ERR;
            case "warning": case "warn": return WARNING;
            case "notice": return NOTICE;
            case "info": return INFO;
            case "debug": return DEBUG;
            default:
                try
                {
                    final int n = Integer.parseInt(v);
                    if (n >= EMERG && n <= DEBUG)
                    {
                        return n;
                    }
                }
                catch (final NumberFormatException ignore)
                {
                    // fall through
                }
                throw new EalArgsException("invalid log level: --log-level " + value +
                    " (use 1..8 or emergency|alert|critical|error|warning|notice|info|debug)");
        }
    }
}
