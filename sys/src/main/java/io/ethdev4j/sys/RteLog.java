package io.ethdev4j.sys;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The process's one log, DPDK's {@code rte_log}: a global level (DPDK's 1 emerg .. 8 debug, default 7 info) and
 * lines {@code "TYPE: message"} on one stream (stderr unless {@link #output(PrintStream)} says otherwise).
 * <p>
 * It sits here, in the lowest module, for the reason DPDK moved {@code rte_log} out of the EAL into {@code lib/log}
 * (23.11): so that code below the runtime can log too. The core and the drivers call {@code io.ethdev4j.eal.Log},
 * the runtime's API ({@code --log-level} parsing included), which writes here; {@code sys} and the KNI kernel side,
 * which cannot see the core, call this class. Both share the one level and the one stream.
 * <p>
 * Each log type (the {@code TYPE} of a line) is registered when it first logs, as DPDK's rte_log_register; a type
 * may be given its own level ({@link #setLevelRegexp}, testpmd's {@code set log TYPE LEVEL}), which then decides for
 * its lines instead of the global level (DPDK filters by both, its global level defaulting to debug; ours defaults to
 * info and so plays the part of DPDK's per-type default).
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
    /** Registered types in registration order → their own level, or -1 (the global level decides). */
    private static final Map<String, Integer> TYPES = new LinkedHashMap<>();

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
        final int own;
        synchronized (TYPES)
        {
            own = TYPES.computeIfAbsent(type, t -> -1);
        }
        if (l <= (own >= 0 ? own : level))
        {
            out.println(type + ": " + message);
        }
    }

    /** rte_log_register: a type known before its first line (its level: the global one until set). */
    public static void register(final String type)
    {
        synchronized (TYPES)
        {
            TYPES.putIfAbsent(type, -1);
        }
    }

    /**
     * rte_log_set_level_regexp: gives every registered type whose name {@code regex} finds a match in level
     * {@code l}; returns how many, or -1 for a bad pattern or a level above {@link #DEBUG}.
     */
    public static int setLevelRegexp(final String regex, final int l)
    {
        if (l < 0 || l > DEBUG)
        {
            return -1;
        }
        final Pattern p;
        try
        {
            p = Pattern.compile(regex);
        }
        catch (final PatternSyntaxException ex)
        {
            return -1;
        }
        int n = 0;
        synchronized (TYPES)
        {
            for (final Map.Entry<String, Integer> e : TYPES.entrySet())
            {
                if (p.matcher(e.getKey()).find())
                {
                    e.setValue(l);
                    n++;
                }
            }
        }
        return n;
    }

    /** A registered type and the level its lines are filtered at. */
    public record Type(String name, int level)
    {
    }

    /** rte_log_list_types / rte_log_dump: the registered types in registration order with their levels. */
    public static List<Type> types()
    {
        final List<Type> list = new ArrayList<>();
        synchronized (TYPES)
        {
            for (final Map.Entry<String, Integer> e : TYPES.entrySet())
            {
                list.add(new Type(e.getKey(), e.getValue() >= 0 ? e.getValue() : level));
            }
        }
        return list;
    }

    /** DPDK's name of a level (loglevel_to_string): emerg, alert, critical, error, warning, notice, info, debug. */
    public static String levelName(final int l)
    {
        switch (l)
        {
            case 0: return "disabled";
            case EMERG: return "emerg";
            case ALERT: return "alert";
            case CRIT: return "critical";
            case ERR: return "error";
            case WARNING: return "warning";
            case NOTICE: return "notice";
            case INFO: return "info";
            case DEBUG: return "debug";
            default: return "unknown";
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
