package io.ethdev4j.dumpcap;

import java.util.ArrayList;
import java.util.List;

/**
 * dpdk-dumpcap's command line (DPDK 22.11 {@code app/dumpcap/main.c}, getopt semantics: short options may be
 * grouped, {@code -c5} or {@code -c 5}; long options take {@code --opt=value} or {@code --opt value}).
 * A bad option is a {@link DumpCapException} with dpdk-dumpcap's message.
 */
final class DumpCapOptions
{
    static final String PROG = "dumpcap";
    /** RTE_MBUF_DEFAULT_BUF_SIZE: dpdk-dumpcap's default snap length. */
    static final int DEFAULT_SNAPLEN = 2176;
    static final String VERSION = PROG + " 1.0 (ethdev4j 0.1.0, after DPDK 22.11's dpdk-dumpcap)";

    static final String USAGE = String.join("\n",
        "Usage: " + PROG + " [options] ...",
        "",
        "Capture Interface:",
        "  -i <interface>           name or port index of interface",
        "  -f <capture filter>      packet filter in libpcap filter syntax",
        "  -s <snaplen>, --snapshot-length <snaplen>",
        "                           packet snapshot length (def: " + DEFAULT_SNAPLEN + ")",
        "  -p, --no-promiscuous-mode",
        "                           don't capture in promiscuous mode",
        "  -D, --list-interfaces    print list of interfaces and exit",
        "  -d                       print generated BPF code for capture filter",
        "",
        "Stop conditions:",
        "  -c <packet count>        stop after n packets (def: infinite)",
        "  -a <autostop cond.> ..., --autostop <autostop cond.> ...",
        "                           duration:NUM - stop after NUM seconds",
        "                           filesize:NUM - stop this file after NUM kB",
        "                            packets:NUM - stop after NUM packets",
        "Output (files):",
        "  -w <filename>            name of file to save (def: tempfile)",
        "  -g                       enable group read access on the output file(s)",
        "  -n                       use pcapng format instead of pcap (default)",
        "  --capture-comment <comment>",
        "                           add a capture comment to the output file",
        "",
        "Miscellaneous:",
        "  --file-prefix=<prefix>   prefix to use for multi-process",
        "  -q                       don't report packet capture counts",
        "  -v, --version            print version information and exit",
        "  -h, --help               display this help and exit",
        "",
        "Use Ctrl-C to stop capturing at any time.",
        "");

    final List<String> interfaces = new ArrayList<>();
    String filter;
    int snaplen = DEFAULT_SNAPLEN;
    boolean promiscuous = true;
    boolean listInterfaces;
    boolean dumpBpf;
    long stopPackets;
    double stopDurationSecs;
    long stopFileBytes;
    String output;
    boolean groupRead;
    String comment;
    String filePrefix = "rte";
    boolean quiet;
    boolean help;
    boolean version;

    static DumpCapOptions parse(final String... argv)
    {
        final DumpCapOptions o = new DumpCapOptions();
        for (int i = 0; i < argv.length; i++)
        {
            final String arg = argv[i];
            if (arg.startsWith("--"))
            {
                String name = arg.substring(2);
                String value = null;
                final int eq = name.indexOf('=');
                if (eq >= 0)
                {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                final boolean takesValue = switch (name)
                {
                    case "autostop", "capture-comment", "file-prefix", "interface", "output-file", "ring-buffer",
                        "snapshot-length" -> true;
                    case "help", "list-interfaces", "no-promiscuous-mode", "version" -> false;
                    default -> throw new DumpCapException("unrecognized option '" + arg + "'\n" + USAGE);
                };
                if (takesValue && value == null)
                {
                    if (i + 1 >= argv.length)
                    {
                        throw new DumpCapException("option '--" + name + "' requires an argument\n" + USAGE);
                    }
                    value = argv[++i];
                }
                else if (!takesValue && value != null)
                {
                    throw new DumpCapException("option '--" + name + "' doesn't allow an argument\n" + USAGE);
                }
                o.apply(name, value);
                continue;
            }
            if (!arg.startsWith("-") || arg.length() < 2)
            {
                throw new DumpCapException("Invalid option: " + arg + "\n" + USAGE);
            }
            for (int c = 1; c < arg.length(); c++)
            {
                final char opt = arg.charAt(c);
                if ("abcfiswN".indexOf(opt) >= 0)
                {
                    String value = arg.substring(c + 1);
                    if (value.isEmpty())
                    {
                        if (i + 1 >= argv.length)
                        {
                            throw new DumpCapException("option requires an argument -- '" + opt + "'\n" + USAGE);
                        }
                        value = argv[++i];
                    }
                    o.apply(String.valueOf(opt), value);
                    break;
                }
                if ("dDghnpPqv".indexOf(opt) < 0)
                {
                    throw new DumpCapException("invalid option -- '" + opt + "'\nInvalid option: " + arg + "\n" + USAGE);
                }
                o.apply(String.valueOf(opt), null);
            }
        }
        return o;
    }

    private void apply(final String opt, final String value)
    {
        switch (opt)
        {
            case "a", "autostop" -> autoStop(value);
            case "b", "ring-buffer" -> throw new DumpCapException("multiple files not implemented");
            case "c" -> stopPackets = number(value, "packet_count");
            case "d" -> dumpBpf = true;
            case "D", "list-interfaces" -> listInterfaces = true;
            case "f" -> filter = value;
            case "g" -> groupRead = true;
            case "h", "help" -> help = true;
            case "i", "interface" -> interfaces.add(value);
            case "n" ->
            {
                // pcapng is the default and the only format
            }
            case "N" -> throw new DumpCapException("-N (ring size) is not supported: the capture rings are sized " +
                "from the snap length");
            case "p", "no-promiscuous-mode" -> promiscuous = false;
            case "P" -> throw new DumpCapException("pcap format (-P) is not supported: " + PROG + " writes pcapng");
            case "q" -> quiet = true;
            case "s", "snapshot-length" -> snaplen = (int)Math.min(number(value, "snap_len"), Integer.MAX_VALUE);
            case "v", "version" -> version = true;
            case "w", "output-file" -> output = value;
            case "capture-comment" -> comment = value;
            case "file-prefix" -> filePrefix = value;
            default -> throw new IllegalStateException(opt);
        }
    }

    /** get_uint: strtoul with base 0 (0x.. hex, 0.. octal), the whole string. */
    static long number(final String arg, final String name)
    {
        try
        {
            final String s = arg.strip();
            if (s.isEmpty() || !s.equals(arg))
            {
                throw new NumberFormatException();
            }
            final long v;
            if (s.startsWith("0x") || s.startsWith("0X"))
            {
                v = Long.parseLong(s.substring(2), 16);
            }
            else if (s.length() > 1 && s.startsWith("0"))
            {
                v = Long.parseLong(s.substring(1), 8);
            }
            else
            {
                v = Long.parseLong(s);
            }
            if (v < 0)
            {
                throw new NumberFormatException();
            }
            return v;
        }
        catch (final NumberFormatException ex)
        {
            throw new DumpCapException("Specified " + name + " \"" + arg + "\" is not a valid number");
        }
    }

    private void autoStop(final String opt)
    {
        final int colon = opt.indexOf(':');
        if (colon < 0)
        {
            throw new DumpCapException("Missing colon in auto stop parameter");
        }
        final String key = opt.substring(0, colon);
        final String value = opt.substring(colon + 1);
        switch (key)
        {
            case "duration" ->
            {
                double d;
                try
                {
                    d = value.isEmpty() ? 0 : Double.parseDouble(value);
                }
                catch (final NumberFormatException ex)
                {
                    d = 0;
                }
                if (!(d > 0) || Double.isInfinite(d))
                {
                    throw new DumpCapException("Invalid duration \"" + value + "\"");
                }
                stopDurationSecs = d;
            }
            case "filesize" -> stopFileBytes = number(value, "filesize") * 1024;
            case "packets" -> stopPackets = number(value, "packets");
            default -> throw new DumpCapException("Unknown autostop parameter \"" + key + "\"");
        }
    }
}
