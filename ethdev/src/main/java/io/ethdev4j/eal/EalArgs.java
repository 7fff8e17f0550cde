package io.ethdev4j.eal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * DPDK's EAL command line (the options before {@code --}); what follows {@code --} belongs to the application.
 * <p>
 * Supported: {@code -l/--lcores LIST}, {@code -c MASK}, {@code --main-lcore N}, {@code --vdev DEV[,k=v...]}
 * (repeatable), {@code -a/--allow PCI[,k=v]}, {@code -b/--block PCI}, {@code --no-pci}, {@code --no-huge},
 * {@code -m MB}, {@code --socket-mem}, {@code --file-prefix S}, {@code --log-level L}, {@code -n N},
 * {@code --iova-mode va}, {@code --in-memory}, {@code --no-shconf}, {@code --no-telemetry}, {@code --huge-dir},
 * {@code --proc-type primary}, {@code -h/--help}, and {@code --kni-*} options handed to the KNI kernel side.
 * Options take their value as the next argument, after '=', or (short ones) attached: {@code -l0-1}.
 * Anything else is an {@link EalArgsException} naming the option and value.
 */
public final class EalArgs
{
    public static final String USAGE = String.join("\n",
        "EAL common options:",
        "  -l, --lcores CORELIST  List of lcores to run on, e.g. 0-3 or 0,2 (default: every allowed CPU)",
        "  -c COREMASK            Hexadecimal bitmask of lcores",
        "  --main-lcore ID        Lcore used as the main (default: the first of the list)",
        "  -a, --allow PCI[,k=v]  Add a PCI device to the allow list (e.g. 0000:01:00.0)",
        "  -b, --block PCI        Add a PCI device to the block list (not with -a)",
        "  --vdev DEV[,k=v...]    Add a virtual device, e.g. net_null0,size=64 or net_pcap0,rx_pcap=in.pcap",
        "  --no-pci               Disable the PCI bus",
        "  --no-huge              Use 4 KiB pages (memfd) instead of hugepages",
        "  --huge-dir DIR         Use the hugetlbfs mounted at DIR only (e.g. /dev/hugepages)",
        "  -m MB                  Memory to allocate (limit), in MB",
        "  --socket-mem MB[,MB]   Memory per socket (summed into -m)",
        "  -n CHANNELS            Number of memory channels (accepted, unused)",
        "  --file-prefix PREFIX   Prefix for runtime files",
        "  --iova-mode va         IOVA mode (only va: IOVA = VA)",
        "  --in-memory            No shared files: no 'config' lock in the runtime directory",
        "  --no-shconf            No shared config (no 'config' lock; implied by --in-memory)",
        "  --no-telemetry         Disable the telemetry socket",
        "  -v                     Display version information on startup",
        "  --log-level LEVEL      Log level 1..8 or name (emergency..debug), optionally TYPE:LEVEL",
        "  --kni-lo-mode, --kni-kthread-mode, --kni-carrier, --kni-enable-bifurcated,",
        "  --kni-min-scheduling-interval, --kni-max-scheduling-interval,",
        "  --kni-tap-io io_uring|write, --kni-doorbell on|off, --kni-busy-poll US,",
        "  --kni-rt-priority 0..99                                          KNI kernel-side parameters",
        "  --kni-daemon SOCKET|default   KNI kernel side in tools/knid (its options are then the parameters)",
        "  -h, --help             This help");

    /** As DPDK's EAL: without -l/-c every CPU the process may run on is an lcore. */
    private int[] lcores = defaultLcores();
    private boolean lcoresGiven;
    private boolean lcoresFromMask;
    private int mainLcore = -1;
    private final List<String> vdevs = new ArrayList<>();
    private final List<String> allow = new ArrayList<>();
    private final List<String> block = new ArrayList<>();
    private boolean noPci;
    private String hugeDir;
    private boolean noHuge;
    private long memoryMb;
    /**
     * The system property that replaces DPDK's default file prefix {@code rte} when {@code --file-prefix} is not
     * given; {@code %p} in it becomes the process id. Wins over {@link #DEFAULT_FILE_PREFIX_ENV}.
     */
    public static final String DEFAULT_FILE_PREFIX_PROPERTY = "ethdev4j.eal.defaultFilePrefix";
    /**
     * The environment variable that does the same, inherited by child processes: the build sets it to {@code test%p}
     * for test JVMs, so runtimes the tests start (and the testpmd processes they launch) never contend for
     * {@code /var/run/dpdk/rte} with each other, with test runs in other worktrees, or with a DPDK application.
     */
    public static final String DEFAULT_FILE_PREFIX_ENV = "ETHDEV4J_DEFAULT_FILE_PREFIX";
    /** The program name a runtime reports (DPDK's argv[0]) unless the application names itself ({@link #program(String)}). */
    public static final String DEFAULT_PROGRAM = "ethdev4j";
    /** DPDK's default file prefix. */
    public static final String DPDK_DEFAULT_FILE_PREFIX = "rte";

    private String filePrefix = defaultFilePrefix();
    private boolean inMemory;
    private boolean noShconf;
    private boolean noTelemetry;
    private int logLevel = Log.INFO;
    private boolean help;
    private boolean version;
    private final Map<String, String> kniOptions = new LinkedHashMap<>();
    private String[] appArgs = new String[0];
    /** The EAL options as given (before {@code --}). */
    private String[] ealArgv = new String[0];
    /** DPDK's argv[0]: what /eal/params reports first. */
    private String program = DEFAULT_PROGRAM;

    private EalArgs()
    {
    }

    /** Parses {@code args}; everything after the first {@code --} is {@link #appArgs()}. */
    public static EalArgs parse(final String... args)
    {
        final EalArgs a = new EalArgs();
        int i = 0;
        for (; i < args.length; i++)
        {
            final String arg = args[i];
            if (arg.equals("--"))
            {
                i++;
                break;
            }
            String opt = arg;
            String value = null;
            if (arg.startsWith("--"))
            {
                final int eq = arg.indexOf('=');
                if (eq > 0)
                {
                    opt = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
            }
            else if (arg.startsWith("-") && arg.length() > 2)
            {
                opt = arg.substring(0, 2);
                value = arg.substring(2);
            }
            else if (!arg.startsWith("-"))
            {
                throw new EalArgsException("unexpected argument '" + arg + "' (EAL options come before '--', " +
                    "application options after it)");
            }
            switch (opt)
            {
                case "-h":
                case "--help":
                    noValue(opt, value);
                    a.help = true;
                    break;
                case "-l":
                case "--lcores":
                    value = value != null ? value : next(args, ++i, opt);
                    a.lcores = parseCoreList(opt, value);
                    a.lcoresGiven = true;
                    a.lcoresFromMask = false;
                    break;
                case "-c":
                    value = value != null ? value : next(args, ++i, opt);
                    a.lcores = parseCoreMask(value);
                    a.lcoresGiven = true;
                    a.lcoresFromMask = true;
                    break;
                case "--main-lcore":
                    value = value != null ? value : next(args, ++i, opt);
                    a.mainLcore = parseInt(opt, value, 0, Lcore.MAX_LCORE - 1);
                    break;
                case "--vdev":
                    value = value != null ? value : next(args, ++i, opt);
                    if (value.isBlank() || value.startsWith(","))
                    {
                        throw new EalArgsException("invalid parameter for --vdev: '" + value + "' (expected NAME[,key=value...])");
                    }
                    a.vdevs.add(value);
                    break;
                case "-a":
                case "--allow":
                    value = value != null ? value : next(args, ++i, opt);
                    checkPci(opt, value);
                    a.allow.add(value);
                    break;
                case "-b":
                case "--block":
                    value = value != null ? value : next(args, ++i, opt);
                    checkPci(opt, value);
                    a.block.add(value);
                    break;
                case "--no-pci":
                    noValue(opt, value);
                    a.noPci = true;
                    break;
                case "-v":
                    noValue(opt, value);
                    a.version = true;
                    break;
                case "--no-huge":
                    noValue(opt, value);
                    a.noHuge = true;
                    break;
                case "-m":
                    value = value != null ? value : next(args, ++i, opt);
                    a.memoryMb = parseInt(opt, value, 1, 1 << 22);
                    break;
                case "--socket-mem":
                    value = value != null ? value : next(args, ++i, opt);
                    long total = 0;
                    for (final String p : value.split(","))
                    {
                        total += parseInt(opt, p, 0, 1 << 22);
                    }
                    a.memoryMb = total;
                    break;
                case "-n":
                    value = value != null ? value : next(args, ++i, opt);
                    parseInt(opt, value, 1, 64);
                    break;
                case "--file-prefix":
                    value = value != null ? value : next(args, ++i, opt);
                    if (value.isEmpty() || value.contains("/"))
                    {
                        throw new EalArgsException("invalid parameter for --file-prefix: '" + value + "'");
                    }
                    a.filePrefix = value;
                    break;
                case "--log-level":
                    value = value != null ? value : next(args, ++i, opt);
                    a.logLevel = Log.parseLevel(value);
                    break;
                case "--iova-mode":
                    value = value != null ? value : next(args, ++i, opt);
                    if (!value.equals("va"))
                    {
                        throw new EalArgsException("invalid parameter for --iova-mode: '" + value +
                            "' (only 'va' is supported: memory is not pinned to physical addresses)");
                    }
                    break;
                case "--huge-dir":
                    value = value != null ? value : next(args, ++i, opt);
                    if (value.isEmpty())
                    {
                        throw new EalArgsException("invalid parameter for --huge-dir: '' (a hugetlbfs mount point)");
                    }
                    a.hugeDir = value;
                    break;
                case "--proc-type":
                    value = value != null ? value : next(args, ++i, opt);
                    if (!value.equals("primary") && !value.equals("auto"))
                    {
                        throw new EalArgsException("invalid parameter for --proc-type: '" + value +
                            "' (only primary processes are supported)");
                    }
                    break;
                case "--in-memory":
                    noValue(opt, value);
                    a.inMemory = true;
                    a.noShconf = true;
                    break;
                case "--no-shconf":
                    noValue(opt, value);
                    a.noShconf = true;
                    break;
                case "--no-telemetry":
                    noValue(opt, value);
                    a.noTelemetry = true;
                    break;
                default:
                    if (opt.startsWith("--kni-"))
                    {
                        value = value != null ? value : next(args, ++i, opt);
                        a.kniOptions.put(opt, value);
                        break;
                    }
                    throw new EalArgsException("unrecognized EAL option '" + arg + "' (see --help)");
            }
        }
        if (!a.allow.isEmpty() && !a.block.isEmpty())
        {
            throw new EalArgsException("options allow (-a) and block (-b) can't be used at the same time");
        }
        if (a.mainLcore < 0)
        {
            a.mainLcore = a.lcores[0];
        }
        else if (Arrays.stream(a.lcores).noneMatch(c -> c == a.mainLcore))
        {
            throw new EalArgsException("invalid parameter for --main-lcore: " + a.mainLcore + " is not in the lcore list " +
                Arrays.toString(a.lcores));
        }
        a.appArgs = Arrays.copyOfRange(args, Math.min(i, args.length), args.length);
        int end = 0;
        while (end < args.length && !args[end].equals("--"))
        {
            end++;
        }
        a.ealArgv = Arrays.copyOfRange(args, 0, end);
        return a;
    }

    /**
     * {@value #DPDK_DEFAULT_FILE_PREFIX}, unless {@link #DEFAULT_FILE_PREFIX_PROPERTY} or
     * {@link #DEFAULT_FILE_PREFIX_ENV} says otherwise.
     */
    public static String defaultFilePrefix()
    {
        return defaultFilePrefix(System.getProperty(DEFAULT_FILE_PREFIX_PROPERTY), System.getenv(DEFAULT_FILE_PREFIX_ENV));
    }

    /** The rule of {@link #defaultFilePrefix()} for given property and environment values (null: unset). */
    public static String defaultFilePrefix(final String property, final String env)
    {
        final String p = property != null && !property.isBlank() ? property : env;
        if (p == null || p.isBlank())
        {
            return DPDK_DEFAULT_FILE_PREFIX;
        }
        final String prefix = p.replace("%p", Long.toString(ProcessHandle.current().pid()));
        if (prefix.contains("/"))
        {
            throw new EalArgsException("invalid default file prefix '" + p + "' (-D" + DEFAULT_FILE_PREFIX_PROPERTY +
                " or " + DEFAULT_FILE_PREFIX_ENV + ")");
        }
        return prefix;
    }

    private static void noValue(final String opt, final String value)
    {
        if (value != null)
        {
            throw new EalArgsException("option " + opt + " takes no value (got '" + value + "')");
        }
    }

    private static String next(final String[] args, final int i, final String opt)
    {
        if (i >= args.length || args[i].equals("--"))
        {
            throw new EalArgsException("option " + opt + " requires a value");
        }
        return args[i];
    }

    private static int parseInt(final String opt, final String value, final int min, final int max)
    {
        try
        {
            final int n = Integer.parseInt(value.trim());
            if (n < min || n > max)
            {
                throw new EalArgsException("invalid parameter for " + opt + ": " + value + " (range " + min + ".." + max + ")");
            }
            return n;
        }
        catch (final NumberFormatException ex)
        {
            throw new EalArgsException("invalid parameter for " + opt + ": '" + value + "' is not a number");
        }
    }

    private static void checkPci(final String opt, final String value)
    {
        final String addr = value.split(",", 2)[0];
        if (!addr.matches("([0-9a-fA-F]{4,8}:)?[0-9a-fA-F]{2}:[0-1][0-9a-fA-F]\\.[0-7]"))
        {
            throw new EalArgsException("invalid parameter for " + opt + ": '" + value +
                "' is not a PCI address like 0000:01:00.0");
        }
    }

    /** Parses an lcore list: comma-separated ids and ranges ({@code 0-3,5}). */
    public static int[] parseCoreList(final String opt, final String value)
    {
        final TreeSet<Integer> set = new TreeSet<>();
        if (value.isEmpty())
        {
            throw new EalArgsException("invalid parameter for " + opt + ": empty core list");
        }
        for (final String part : value.split(",", -1))
        {
            final String p = part.trim();
            final String[] range = p.split("-", -1);
            if (range.length > 2 || p.isEmpty())
            {
                throw new EalArgsException("invalid parameter for " + opt + ": '" + value + "' (expected a list like 0-3 or 0,2)");
            }
            final int lo = lcoreId(opt, value, range[0]);
            final int hi = range.length == 2 ? lcoreId(opt, value, range[1]) : lo;
            if (hi < lo)
            {
                throw new EalArgsException("invalid parameter for " + opt + ": '" + value + "' (range " + p + " is reversed)");
            }
            for (int c = lo; c <= hi; c++)
            {
                set.add(c);
            }
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] defaultLcores()
    {
        final int[] cpus = Arrays.stream(io.ethdev4j.sys.LibC.allowedCpus()).filter(c -> c < Lcore.MAX_LCORE).toArray();
        return cpus.length == 0 ? new int[] {0} : cpus;
    }

    private static int lcoreId(final String opt, final String value, final String piece)
    {
        final int id;
        try
        {
            id = Integer.parseInt(piece.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new EalArgsException("invalid parameter for " + opt + ": '" + value + "' ('" + piece +
                "' is not a number; expected a list like 0-3 or 0,2)");
        }
        if (id < 0 || id >= Lcore.MAX_LCORE)
        {
            throw new EalArgsException("invalid parameter for " + opt + ": '" + value + "' (lcore " + id +
                " out of range 0.." + (Lcore.MAX_LCORE - 1) + ")");
        }
        return id;
    }

    private static int[] parseCoreMask(final String value)
    {
        final String hex = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
        final java.math.BigInteger mask;
        try
        {
            mask = new java.math.BigInteger(hex, 16);
        }
        catch (final NumberFormatException ex)
        {
            throw new EalArgsException("invalid parameter for -c: '" + value + "' is not a hexadecimal coremask");
        }
        final List<Integer> cores = new ArrayList<>();
        for (int c = 0; c < Math.min(mask.bitLength(), Lcore.MAX_LCORE); c++)
        {
            if (mask.testBit(c))
            {
                cores.add(c);
            }
        }
        if (cores.isEmpty() || mask.bitLength() > Lcore.MAX_LCORE)
        {
            throw new EalArgsException("invalid parameter for -c: '" + value + "' selects no lcore in 0.." + (Lcore.MAX_LCORE - 1));
        }
        return cores.stream().mapToInt(Integer::intValue).toArray();
    }

    public int[] lcores()
    {
        return lcores.clone();
    }

    public boolean lcoresGiven()
    {
        return lcoresGiven;
    }

    public int mainLcore()
    {
        return mainLcore;
    }

    /** -v: print the version at start-up ("RTE Version: '...'"). */
    public boolean version()
    {
        return version;
    }

    /**
     * eal_parse_coremask / eal_parse_corelist: every -l / -c lcore must be a CPU this machine has (eal_cpu_detected),
     * else one "lcore N unavailable" line each and DPDK's closing message, naming the detected ones.
     */
    public void checkLcoresDetected(final int[] detected)
    {
        if (!lcoresGiven)
        {
            return;
        }
        final StringBuilder msg = new StringBuilder();
        for (final int c : lcores)
        {
            if (Arrays.stream(detected).noneMatch(d -> d == c))
            {
                msg.append("lcore ").append(c).append(" unavailable\nEAL: ");
            }
        }
        if (msg.length() > 0)
        {
            throw new EalArgsException(msg + (lcoresFromMask ? "invalid coremask" : "invalid core list") +
                ", please check specified cores are part of " + ranges(detected));
        }
    }

    /** eal_check_common_options: --no-huge means legacy memory, which --in-memory cannot be. */
    public void checkMemoryOptions()
    {
        if (inMemory && noHuge)
        {
            throw new EalArgsException("Option --legacy-mem is not compatible with --in-memory");
        }
    }

    /** The detected CPUs (a /sys/devices/system/cpu/cpuN/topology/core_id each), or the allowed ones without sysfs. */
    public static int[] detectedCpus()
    {
        final List<Integer> l = new ArrayList<>();
        for (int c = 0; c < Lcore.MAX_LCORE; c++)
        {
            if (java.nio.file.Files.exists(java.nio.file.Path.of("/sys/devices/system/cpu/cpu" + c + "/topology/core_id")))
            {
                l.add(c);
            }
        }
        return l.isEmpty() ? io.ethdev4j.sys.LibC.allowedCpus() : l.stream().mapToInt(Integer::intValue).toArray();
    }

    /** available_cores(): "0-1", "0,2-5". */
    static String ranges(final int[] sorted)
    {
        final StringBuilder b = new StringBuilder();
        for (int i = 0; i < sorted.length; i++)
        {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }
            b.append(b.length() > 0 ? "," : "").append(sorted[i]);
            if (j > i)
            {
                b.append('-').append(sorted[j]);
            }
            i = j;
        }
        return b.toString();
    }

    public List<String> vdevs()
    {
        return Collections.unmodifiableList(vdevs);
    }

    public List<String> allow()
    {
        return Collections.unmodifiableList(allow);
    }

    public List<String> block()
    {
        return Collections.unmodifiableList(block);
    }

    public boolean noPci()
    {
        return noPci;
    }

    public boolean noHuge()
    {
        return noHuge;
    }

    public long memoryMb()
    {
        return memoryMb;
    }

    /** --huge-dir: the hugetlbfs mount point to use, or null for any. */
    public String hugeDir()
    {
        return hugeDir;
    }

    public String filePrefix()
    {
        return filePrefix;
    }

    /** --in-memory (implies {@link #noShconf()}). */
    public boolean inMemory()
    {
        return inMemory;
    }

    /** --no-shconf or --in-memory: no shared config, so no {@code config} lock in the runtime directory. */
    public boolean noShconf()
    {
        return noShconf;
    }

    /** --no-telemetry. */
    public boolean noTelemetry()
    {
        return noTelemetry;
    }

    public int logLevel()
    {
        return logLevel;
    }

    public boolean help()
    {
        return help;
    }

    /** {@code --kni-*} options, option name (with dashes) to value. */
    public Map<String, String> kniOptions()
    {
        return Collections.unmodifiableMap(kniOptions);
    }

    /** The EAL options exactly as given, without {@code --} and what follows (DPDK's saved {@code eal_args}). */
    public String[] ealArgv()
    {
        return ealArgv.clone();
    }

    /** The program name (DPDK's argv[0]); {@value #DEFAULT_PROGRAM} unless set. */
    public String program()
    {
        return program;
    }

    /** Names the program (testpmd says "testpmd"): what telemetry's /eal/params reports first. Returns this. */
    public EalArgs program(final String name)
    {
        this.program = java.util.Objects.requireNonNull(name, "name");
        return this;
    }

    /** The application's arguments (after {@code --}). */
    public String[] appArgs()
    {
        return appArgs.clone();
    }
}
