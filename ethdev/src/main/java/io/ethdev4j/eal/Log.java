package io.ethdev4j.eal;

import io.ethdev4j.sys.RteLog;

import java.io.PrintStream;

/**
 * rte_log, minimal: a global level (DPDK's 1 emerg .. 8 debug; default 7 info... printing notice and up), lines
 * "TYPE: message" on stderr.
 * <p>
 * The runtime's logging API: the core and the drivers log through this class, and {@code --log-level} is parsed here.
 * It writes to {@link RteLog}, the process's one log, which code below the core ({@code sys}, the KNI kernel side)
 * calls directly: one level and one stream for everyone.
 */
public final class Log
{
    public static final int EMERG = RteLog.EMERG;
    public static final int ALERT = RteLog.ALERT;
    public static final int CRIT = RteLog.CRIT;
    public static final int ERR = RteLog.ERR;
    public static final int WARNING = RteLog.WARNING;
    public static final int NOTICE = RteLog.NOTICE;
    public static final int INFO = RteLog.INFO;
    public static final int DEBUG = RteLog.DEBUG;

    private Log()
    {
    }

    /** The runtime's own log types (registered at init, so that they can be listed and set before they log). */
    public static final String TYPE_EAL = "EAL";
    public static final String TYPE_MEM = "MEM";

    /** rte_log_register: makes {@code type} known (listed by rte_log_dump, settable by level) before it logs. */
    public static void register(final String type)
    {
        RteLog.register(type);
    }

    public static int level()
    {
        return RteLog.level();
    }

    public static void level(final int l)
    {
        RteLog.level(l);
    }

    public static void output(final PrintStream stream)
    {
        RteLog.output(stream);
    }

    public static boolean enabled(final int l)
    {
        return RteLog.enabled(l);
    }

    public static void log(final int l, final String type, final String message)
    {
        RteLog.log(l, type, message);
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
