package io.ethdev4j.sys;

import java.io.PrintStream;

/**
 * The process's one log, DPDK's {@code rte_log}: a global level (DPDK's 1 emerg .. 8 debug, default 7 info) and
 * lines {@code "TYPE: message"} on one stream (stderr unless {@link #output(PrintStream)} says otherwise).
 * <p>
 * It sits here, in the lowest module, for the reason DPDK moved {@code rte_log} out of the EAL into {@code lib/log}
 * (23.11): so that code below the runtime can log too. The core and the drivers call {@code io.ethdev4j.eal.Log},
 * the runtime's API ({@code --log-level} parsing included), which writes here; {@code sys} and the KNI kernel side,
 * which cannot see the core, call this class. Both share the one level and the one stream.
 * <p>
 * Control paths only: burst functions never log, they count.
 */
public final class RteLog
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

    private RteLog()
    {
    }

    public static int level()
    {
        return level;
    }

    /** Sets the global level, clamped to {@link #EMERG}..{@link #DEBUG}. */
    public static void level(final int l)
    {
        level = Math.max(EMERG, Math.min(DEBUG, l));
    }

    /** Where the lines go from now on (tests capture them this way). */
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
}
