package io.ethdev4j.kni.kernel;

/**
 * The parameters rte_kni.ko took at insmod (DPDK v22.11 kernel/linux/kni/kni_misc.c), as a configuration object and as
 * {@code --kni-*} options:
 * <pre>
 *   --kni-lo-mode=lo_mode_none|lo_mode_fifo|lo_mode_fifo_skb     (none; the "lo_mode_" prefix is optional)
 *   --kni-kthread-mode=single|multiple                           (single)
 *   --kni-carrier=off|on                                         (off)
 *   --kni-enable-bifurcated=on|off                               (off)
 *   --kni-min-scheduling-interval=µs                             (100)
 *   --kni-max-scheduling-interval=µs                             (200)
 *   --kni-doorbell=on|off                                        (on; ethdev4j: rx_q wakes a sleeping KNI thread)
 *   --kni-busy-poll=µs                                           (100; ethdev4j: keep polling this long after traffic)
 *   --kni-rt-priority=0..99                                      (1; ethdev4j: SCHED_FIFO to sleep and wake, 0: never)
 *   --kni-direct-io=on|off                                       (on; ethdev4j: a sleeping thread lends the TAP)
 * </pre>
 * Invalid values throw {@link IllegalArgumentException} naming the option and value (insmod failed with -EINVAL).
 * Difference: the module silently fell back to lo_mode_none on an unknown lo_mode; this rejects it.
 */
public final class KniModuleParams
{
    public enum LoMode
    {
        /** Frames from rx_q go to the netdev, frames from the netdev go to tx_q. */
        NONE("lo_mode_none"),
        /** rx_q → tx_q: the first segment is copied into an alloc_q mbuf; the netdev sees nothing. */
        FIFO("lo_mode_fifo"),
        /** rx_q → a copy (the "skb") → the transmit path into tx_q, bypassing the netdev, its qdisc and carrier. */
        FIFO_SKB("lo_mode_fifo_skb");

        private final String dpdkName;

        LoMode(final String dpdkName)
        {
            this.dpdkName = dpdkName;
        }

        public String dpdkName()
        {
            return dpdkName;
        }
    }

    public enum KthreadMode
    {
        SINGLE, MULTIPLE
    }

    /** How the KNI thread hands frames from rx_q to the TAP (beyond the module: {@code --kni-tap-io}). */
    public enum TapIo
    {
        /** One write(2) per frame (writev for chains). Works everywhere. */
        WRITE,
        /**
         * The default: up to 64 writes per io_uring_enter (tools/bench-kni.sh: about 1.5× the write(2) rate here);
         * falls back to WRITE, with a log line, where io_uring cannot be set up (old kernel, io_uring_disabled, seccomp).
         */
        IO_URING
    }

    public static final int DEFAULT_MIN_SCHEDULING_INTERVAL_US = 100;
    public static final int DEFAULT_MAX_SCHEDULING_INTERVAL_US = 200;
    /**
     * busy_poll default, µs (as Linux's net.core.busy_poll): a KNI thread that moved a frame keeps polling this long
     * before its first sleep, so the reply to a request it just passed on (the application forwarding it back, a peer
     * answering through the other interface) is picked up without waking it. Measured with tools/bench-kni.sh (UDP
     * request/response through testpmd, 2026-11-30): 0 gives p50 ~80 µs against net_tap's ~60, 50-200 gives ~42.
     */
    public static final int DEFAULT_BUSY_POLL_US = 100;
    /**
     * rt_priority default: a KNI thread sleeps, and handles what woke it, at SCHED_FIFO priority 1 (the lowest real-time
     * priority), so that whatever else runs on its CPU (a JIT compiler thread, a kernel thread such as kdamond) cannot
     * hold a wake-up back for a time slice. Measured with tools/bench-kni.sh (ping through testpmd, 2026-11-30): ping
     * round trip p99 0.8-1.1 ms at SCHED_OTHER, 0.16-0.22 ms at SCHED_FIFO; net_tap 0.19-0.23 ms.
     */
    public static final int DEFAULT_RT_PRIORITY = 1;
    /** The highest SCHED_FIFO priority. */
    public static final int MAX_RT_PRIORITY = 99;
    /** busy_poll upper bound, µs: a longer window is a dedicated polling core, not a wake-up optimisation. */
    public static final int MAX_BUSY_POLL_US = 1_000_000;
    public static final int MAX_SCHEDULING_INTERVAL_LIMIT_US = 1_000_000;

    private LoMode loMode = LoMode.NONE;
    private KthreadMode kthreadMode = KthreadMode.SINGLE;
    private boolean carrier;
    private boolean enableBifurcated;
    private TapIo tapIo = TapIo.IO_URING;
    private boolean doorbell = true;
    private boolean directIo = true;
    private int busyPollUs = DEFAULT_BUSY_POLL_US;
    private int rtPriority = DEFAULT_RT_PRIORITY;
    private int minSchedulingIntervalUs = DEFAULT_MIN_SCHEDULING_INTERVAL_US;
    private int maxSchedulingIntervalUs = DEFAULT_MAX_SCHEDULING_INTERVAL_US;

    public static KniModuleParams defaults()
    {
        return new KniModuleParams();
    }

    /**
     * Parses {@code --kni-*} options; other arguments are ignored (so a whole command line may be passed).
     *
     * @throws IllegalArgumentException for an unknown {@code --kni-} option or a bad value.
     */
    public static KniModuleParams parse(final String... args)
    {
        final KniModuleParams p = new KniModuleParams();
        for (final String arg : args)
        {
            if (!arg.startsWith("--kni-"))
            {
                continue;
            }
            final int eq = arg.indexOf('=');
            if (eq < 0)
            {
                throw new IllegalArgumentException("option " + arg + ": EINVAL - expected --kni-<name>=<value>");
            }
            final String key = arg.substring(0, eq);
            final String value = arg.substring(eq + 1);
            switch (key)
            {
                case "--kni-lo-mode": p.loMode(parseLoMode(value)); break;
                case "--kni-kthread-mode": p.kthreadMode(parseKthreadMode(value)); break;
                case "--kni-carrier": p.carrier(parseOnOff(key, value)); break;
                case "--kni-enable-bifurcated": p.enableBifurcated(parseOnOff(key, value)); break;
                case "--kni-tap-io": p.tapIo(parseTapIo(value)); break;
                case "--kni-doorbell": p.doorbell(parseOnOff(key, value)); break;
                case "--kni-direct-io": p.directIo(parseOnOff(key, value)); break;
                case "--kni-busy-poll": p.busyPollUs(parseInt(key, value)); break;
                case "--kni-rt-priority": p.rtPriority(parseInt(key, value)); break;
                case "--kni-min-scheduling-interval":
                    p.minSchedulingIntervalUs = parseInt(key, value);
                    break;
                case "--kni-max-scheduling-interval":
                    p.maxSchedulingIntervalUs = parseInt(key, value);
                    break;
                default:
                    throw new IllegalArgumentException("option " + arg + ": EINVAL - unknown KNI option; known: " +
                        "--kni-lo-mode, --kni-kthread-mode, --kni-carrier, --kni-enable-bifurcated, " +
                        "--kni-min-scheduling-interval, --kni-max-scheduling-interval, --kni-tap-io, --kni-doorbell, " +
                        "--kni-busy-poll, --kni-rt-priority, --kni-direct-io");
            }
        }
        p.validate();
        return p;
    }

    public static LoMode parseLoMode(final String value)
    {
        for (final LoMode m : LoMode.values())
        {
            if (m.dpdkName.equals(value) || m.dpdkName.substring("lo_mode_".length()).equals(value))
            {
                return m;
            }
        }
        throw new IllegalArgumentException("lo_mode=" + value +
            ": EINVAL - expected lo_mode_none, lo_mode_fifo or lo_mode_fifo_skb");
    }

    public static TapIo parseTapIo(final String value)
    {
        if ("write".equals(value))
        {
            return TapIo.WRITE;
        }
        if ("io_uring".equals(value))
        {
            return TapIo.IO_URING;
        }
        throw new IllegalArgumentException("tap_io=" + value + ": EINVAL - expected write or io_uring");
    }

    public static KthreadMode parseKthreadMode(final String value)
    {
        if ("single".equals(value))
        {
            return KthreadMode.SINGLE;
        }
        if ("multiple".equals(value))
        {
            return KthreadMode.MULTIPLE;
        }
        throw new IllegalArgumentException("kthread_mode=" + value + ": EINVAL - expected single or multiple");
    }

    private static boolean parseOnOff(final String key, final String value)
    {
        if ("on".equals(value))
        {
            return true;
        }
        if ("off".equals(value))
        {
            return false;
        }
        throw new IllegalArgumentException(key + "=" + value + ": EINVAL - expected on or off");
    }

    private static int parseInt(final String key, final String value)
    {
        try
        {
            return Integer.parseInt(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(key + "=" + value + ": EINVAL - expected microseconds as an integer");
        }
    }

    /** The module's check: {@code 0 <= min < max <= 1,000,000} µs. */
    public KniModuleParams validate()
    {
        if (minSchedulingIntervalUs < 0 || maxSchedulingIntervalUs > MAX_SCHEDULING_INTERVAL_LIMIT_US ||
            minSchedulingIntervalUs >= maxSchedulingIntervalUs)
        {
            throw new IllegalArgumentException("min_scheduling_interval=" + minSchedulingIntervalUs +
                ", max_scheduling_interval=" + maxSchedulingIntervalUs +
                ": EINVAL - need 0 <= min < max <= 1000000 (µs)");
        }
        return this;
    }

    public LoMode loMode()
    {
        return loMode;
    }

    public KniModuleParams loMode(final LoMode loMode)
    {
        this.loMode = java.util.Objects.requireNonNull(loMode, "loMode");
        return this;
    }

    public KthreadMode kthreadMode()
    {
        return kthreadMode;
    }

    public KniModuleParams kthreadMode(final KthreadMode mode)
    {
        this.kthreadMode = java.util.Objects.requireNonNull(mode, "kthreadMode");
        return this;
    }

    /** Carrier set when the interface goes up (on) or left off until the application calls update_link. */
    public boolean carrier()
    {
        return carrier;
    }

    public KniModuleParams carrier(final boolean on)
    {
        this.carrier = on;
        return this;
    }

    /** Interface-down requests are sent without waiting for the application. */
    public boolean enableBifurcated()
    {
        return enableBifurcated;
    }

    public KniModuleParams enableBifurcated(final boolean on)
    {
        this.enableBifurcated = on;
        return this;
    }

    public TapIo tapIo()
    {
        return tapIo;
    }

    public KniModuleParams tapIo(final TapIo tapIo)
    {
        this.tapIo = java.util.Objects.requireNonNull(tapIo, "tapIo");
        return this;
    }

    /**
     * The doorbell ({@link io.ethdev4j.kni.abi.KniDoorbellDescriptor}): a KNI thread arms it before each sleep, so the application wakes it when it puts packets on rx_q. Off: the thread
     * wakes only on its TAP fds and the interval, as rte_kni.ko's.
     */
    public boolean doorbell()
    {
        return doorbell;
    }

    public KniModuleParams doorbell(final boolean on)
    {
        this.doorbell = on;
        return this;
    }

    /**
     * Direct I/O ({@link io.ethdev4j.kni.abi.KniDirectIoDescriptor}, an ethdev4j addition): a KNI thread that goes to
     * sleep with the doorbell armed lends the TAP of each lo_mode_none interface to an application that can use it (the
     * kernel side runs in its process), and takes it back when it wakes. Meanwhile the application's rx/tx burst read
     * and write a few frames at a time on the TAP themselves, as DPDK's net_tap, so a quiet interface's request and
     * answer cross no KNI thread wake-up and no CPU but the lcore's; a burst beyond a few frames goes on rx_q and rings
     * the doorbell, and the thread, awake, serves the FIFOs as before. Needs the doorbell; off: the thread does all TAP
     * I/O, as rte_kni.ko.
     */
    public boolean directIo()
    {
        return directIo;
    }

    public KniModuleParams directIo(final boolean on)
    {
        this.directIo = on;
        return this;
    }

    /**
     * How long (µs) a KNI thread keeps polling after a pass that moved frames before it may sleep (an ethdev4j
     * addition, as Linux's busy_poll): while it polls, the thread yields the CPU on each idle pass, so on a machine with
     * fewer cores than busy threads the peers it waits for still run. 0: sleep after the first idle pass, as rte_kni.ko.
     */
    public int busyPollUs()
    {
        return busyPollUs;
    }

    /** @throws IllegalArgumentException outside 0..{@link #MAX_BUSY_POLL_US}. */
    public KniModuleParams busyPollUs(final int us)
    {
        this.busyPollUs = inRange("busy_poll", us, MAX_BUSY_POLL_US, "need 0 <= busy_poll <= " + MAX_BUSY_POLL_US +
            " (µs)");
        return this;
    }

    /**
     * The SCHED_FIFO priority a KNI thread takes to sleep and for the moments after a wake-up (an ethdev4j addition;
     * rte_kni.ko's thread was a kernel thread, woken ahead of user processes): 0 never, 1..99. The thread returns to
     * SCHED_OTHER while it waits for a process on its CPU (busy_poll) and when traffic keeps it busy for longer than
     * {@code KniKthread.RT_BURST_NS}, so a flood never holds a CPU at real-time priority. Needs CAP_SYS_NICE (root
     * has it); without it the thread logs one warning and runs at SCHED_OTHER.
     */
    public int rtPriority()
    {
        return rtPriority;
    }

    /** @throws IllegalArgumentException outside 0..{@link #MAX_RT_PRIORITY}. */
    public KniModuleParams rtPriority(final int priority)
    {
        this.rtPriority = inRange("rt_priority", priority, MAX_RT_PRIORITY, "need 0 (SCHED_OTHER only) or 1.." +
            MAX_RT_PRIORITY + " (SCHED_FIFO)");
        return this;
    }

    /** {@code value} when within 0..max, else EINVAL naming the parameter, the value and {@code need}. */
    private static int inRange(final String name, final int value, final int max, final String need)
    {
        if (value < 0 || value > max)
        {
            throw new IllegalArgumentException(name + "=" + value + ": EINVAL - " + need);
        }
        return value;
    }

    public int minSchedulingIntervalUs()
    {
        return minSchedulingIntervalUs;
    }

    public int maxSchedulingIntervalUs()
    {
        return maxSchedulingIntervalUs;
    }

    /** Sets both bounds and validates them. */
    public KniModuleParams schedulingIntervalUs(final int min, final int max)
    {
        final int oldMin = minSchedulingIntervalUs;
        final int oldMax = maxSchedulingIntervalUs;
        minSchedulingIntervalUs = min;
        maxSchedulingIntervalUs = max;
        try
        {
            return validate();
        }
        catch (final IllegalArgumentException ex)
        {
            minSchedulingIntervalUs = oldMin;
            maxSchedulingIntervalUs = oldMax;
            throw ex;
        }
    }

    public String toString()
    {
        return "KniModuleParams{lo_mode=" + loMode.dpdkName + ", kthread_mode=" + kthreadMode.name().toLowerCase() +
            ", carrier=" + (carrier ? "on" : "off") + ", enable_bifurcated=" + (enableBifurcated ? "on" : "off") +
            ", min_scheduling_interval=" + minSchedulingIntervalUs + ", max_scheduling_interval=" +
            maxSchedulingIntervalUs + ", tap_io=" + tapIo.name().toLowerCase() + ", doorbell=" + (doorbell ? "on" : "off") +
            ", busy_poll=" + busyPollUs + ", rt_priority=" + rtPriority + ", direct_io=" + (directIo ? "on" : "off") + '}';
    }
}
