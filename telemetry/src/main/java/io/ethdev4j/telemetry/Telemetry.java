package io.ethdev4j.telemetry;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The command registry (DPDK's {@code rte_telemetry_register_cmd}, {@code lib/telemetry/telemetry.c}): one table per
 * process, kept in command order, that every module adds its commands to, and that every runtime's
 * {@link TelemetryServer} answers from.
 * <p>
 * Registered here when the class loads, as DPDK's libraries do from their constructors: {@code /}, {@code /info},
 * {@code /help} (telemetry itself), {@code /eal/...} ({@link EalTelemetry}), {@code /ethdev/...}
 * ({@link EthDevTelemetry}), {@code /mempool/...} ({@link MempoolTelemetry}) and {@code /ring/...}
 * ({@link RingTelemetry}): the core cannot register its own, since it does not depend on this module. Other modules
 * register theirs when they are first used (pmd-kni: {@code /kni/list}, {@code /kni/info} once the KNI library
 * is initialised).
 */
public final class Telemetry
{
    /**
     * The version the {@code /info} reply and the greeting report (DPDK's {@code rte_version()}): the DPDK release
     * whose telemetry protocol and JSON shapes this implementation reproduces, so clients that check it keep working.
     */
    public static final String VERSION = "DPDK 22.11.11";
    /** MAX_CMD_LEN: a command is shorter. */
    public static final int MAX_CMD_LEN = TelJson.MAX_CMD_LEN;
    /** MAX_OUTPUT_LEN: the longest reply, announced as {@code max_output_len}. */
    public static final int MAX_OUTPUT_LEN = TelJson.MAX_OUTPUT_LEN;

    /** A registered command. */
    static final class Registration
    {
        final TelemetryCommand fn;
        final String help;

        Registration(final TelemetryCommand fn, final String help)
        {
            this.fn = fn;
            this.help = help;
        }
    }

    /** Sorted as DPDK keeps its array (strcmp order, which String order is for ASCII). */
    private static final Map<String, Registration> COMMANDS = new ConcurrentSkipListMap<>();

    static
    {
        registerCmd("/", Telemetry::listCommands, "Returns list of available commands, Takes no parameters");
        registerCmd("/info", Telemetry::jsonInfo, "Returns DPDK Telemetry information. Takes no parameters");
        registerCmd("/help", Telemetry::commandHelp, "Returns help text for a command. Parameters: string command");
        EalTelemetry.register();
        EthDevTelemetry.register();
        MempoolTelemetry.register();
        RingTelemetry.register();
    }

    private Telemetry()
    {
    }

    /**
     * rte_telemetry_register_cmd: adds (or replaces) {@code cmd}. A command starts with {@code /}, uses letters,
     * digits, {@code _} and {@code /} only, and is shorter than {@value #MAX_CMD_LEN} bytes; the help text is shorter
     * than {@value TelData#MAX_STRING_LEN}.
     *
     * @throws EthDevException EINVAL otherwise
     */
    public static void registerCmd(final String cmd, final TelemetryCommand fn, final String help)
    {
        final String op = "telemetryRegisterCmd(cmd=" + cmd + ")";
        if (cmd == null || fn == null || help == null || cmd.isEmpty() || cmd.charAt(0) != '/')
        {
            throw EthDevException.of(Errno.EINVAL, op, "a command starts with '/' and needs a handler and a help text");
        }
        if (cmd.length() >= MAX_CMD_LEN || help.getBytes(StandardCharsets.UTF_8).length >= TelData.MAX_STRING_LEN)
        {
            throw EthDevException.of(Errno.EINVAL, op, "command must be shorter than " + MAX_CMD_LEN +
                " characters, help shorter than " + TelData.MAX_STRING_LEN + " bytes");
        }
        if (!TelData.validName(cmd))
        {
            throw EthDevException.of(Errno.EINVAL, op, "only letters, digits, '_' and '/' are allowed");
        }
        COMMANDS.put(cmd, new Registration(fn, help));
    }

    /** The registered commands, sorted. */
    public static List<String> commands()
    {
        return new ArrayList<>(COMMANDS.keySet());
    }

    static Registration lookup(final String cmd)
    {
        return COMMANDS.get(cmd);
    }

    /**
     * Answers one request for {@code eal}, as DPDK's client handler does: the reply to {@code cmd} with
     * {@code params} (null when none), {@code {"<cmd>":null}} for an unknown command or a failed handler.
     */
    public static byte[] execute(final Eal eal, final String cmd, final String params)
    {
        final Registration r = cmd != null && cmd.getBytes(StandardCharsets.UTF_8).length < MAX_CMD_LEN ?
            COMMANDS.get(cmd) : null;
        final TelData d = new TelData();
        if (r == null)
        {
            return TelJson.reply(cmd, d); // unknown_command: a NULL reply
        }
        final int rc;
        try
        {
            rc = r.fn.handle(eal, cmd, params, d);
        }
        catch (final RuntimeException ex)
        {
            return TelJson.nullReply(cmd);
        }
        return rc < 0 ? TelJson.nullReply(cmd) : TelJson.reply(cmd, d);
    }

    /** The greeting a client receives on connect, as DPDK's client_handler writes it. */
    static byte[] greeting()
    {
        return ("{\"version\":\"" + VERSION + "\",\"pid\":" + LibC.pid() + ",\"max_output_len\":" + MAX_OUTPUT_LEN + "}")
            .getBytes(StandardCharsets.UTF_8);
    }

    private static int listCommands(final Eal eal, final String cmd, final String params, final TelData d)
    {
        d.startArray(TelData.ValueType.STRING);
        for (final String c : COMMANDS.keySet())
        {
            d.addArrayString(c);
        }
        return 0;
    }

    private static int jsonInfo(final Eal eal, final String cmd, final String params, final TelData d)
    {
        d.startDict();
        d.addDictString("version", VERSION);
        d.addDictInt("pid", LibC.pid());
        d.addDictInt("max_output_len", MAX_OUTPUT_LEN);
        return 0;
    }

    private static int commandHelp(final Eal eal, final String cmd, final String params, final TelData d)
    {
        final String lookup = params == null ? cmd : params;
        final Registration r = COMMANDS.get(lookup);
        d.startDict();
        if (r == null)
        {
            return -1;
        }
        if (params == null)
        {
            d.string(r.help);
        }
        else
        {
            d.addDictString(params, r.help);
        }
        return 0;
    }
}
