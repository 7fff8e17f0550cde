package io.ethdev4j.testpmd;

import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.testpmd.TestPmdConfig.Topology;
import io.ethdev4j.testpmd.fwd.FwdEngines;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * testpmd's options (app/test-pmd/parameters.c), after {@code --}, with DPDK's defaults and error messages, parsed
 * into a {@link TestPmdConfig}. Values are checked against the runtime ({@code nbLcores}, {@code nbPorts}) as DPDK
 * does while parsing.
 */
public final class Parameters
{
    private Parameters()
    {
    }

    /** DPDK 22.11's usage text (parameters.c usage()), with the core and port counts and the mode list filled in. */
    private static final String USAGE_RESOURCE = "usage.txt";
    /** The noisy options in TestPmdConfig.noisy's order. */
    private static final List<String> NOISY_OPTIONS = List.of("--noisy-tx-sw-buffer-size",
        "--noisy-tx-sw-buffer-flushtime", "--noisy-lkup-memory", "--noisy-lkup-num-writes", "--noisy-lkup-num-reads",
        "--noisy-lkup-num-reads-writes");

    public static void usage(final PrintStream out, final String prog, final int maxCores, final int maxPorts)
    {
        final String text;
        try (InputStream in = Parameters.class.getResourceAsStream(USAGE_RESOURCE))
        {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException | NullPointerException ex)
        {
            throw new IllegalStateException("usage text missing from the testpmd jar", ex);
        }
        out.println();
        out.println("Usage: " + prog + " [EAL options] -- [testpmd options]");
        out.println();
        out.print(text.replace("%CORES%", Integer.toString(maxCores)).replace("%PORTS%", Integer.toString(maxPorts))
            .replace("%MODES%", String.join("|", FwdEngines.NAMES)));
    }

    /**
     * Parses {@code args}. {@code nbLcores} is the number of lcores that may forward (all but the main one),
     * {@code nbPorts} the number of probed ports. Throws {@link TestPmdExit} with DPDK's cause text.
     */
    public static TestPmdConfig parse(final String[] args, final int nbLcores, final int nbPorts, final PrintStream err)
    {
        return parse(args, new TestPmdConfig(nbLcores), nbPorts, System.out, err);
    }

    /** As {@link #parse(String[], int, int, PrintStream)} with the EAL's worker lcores and main lcore. */
    public static TestPmdConfig parse(final String[] args, final int[] workerLcores, final int mainLcore, final int nbPorts,
        final PrintStream out, final PrintStream err)
    {
        return parse(args, workerLcores, mainLcore, nbPorts, 0, out, err);
    }

    /** {@code port0Burst}: port 0's recommended rx burst (default_rxportconf.burst_size), for {@code --burst=0}. */
    public static TestPmdConfig parse(final String[] args, final int[] workerLcores, final int mainLcore, final int nbPorts,
        final int port0Burst, final PrintStream out, final PrintStream err)
    {
        final TestPmdConfig p = new TestPmdConfig(workerLcores, mainLcore);
        p.port0Burst = port0Burst;
        return parse(args, p, nbPorts, out, err);
    }

    private static TestPmdConfig parse(final String[] args, final TestPmdConfig p, final int nbPorts, final PrintStream out,
        final PrintStream err)
    {
        final int nbLcores = p.nbLcores();
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            String opt = arg;
            String val = null;
            if (arg.startsWith("--") && arg.indexOf('=') > 0)
            {
                opt = arg.substring(0, arg.indexOf('='));
                val = arg.substring(arg.indexOf('=') + 1);
            }
            else if (arg.startsWith("-") && !arg.startsWith("--") && arg.length() > 2)
            {
                badOption(arg, err);
            }
            switch (opt)
            {
                case "-i":
                case "--interactive":
                    out.println("Interactive-mode selected");
                    p.interactive(true);
                    continue;
                case "-a":
                case "--auto-start":
                    out.println("Auto-start selected");
                    p.autoStart(true);
                    continue;
                case "--tx-first":
                    out.println("Ports to start sending a burst of packets first");
                    p.txFirst(true);
                    continue;
                case "-h":
                case "--help":
                    p.help(true);
                    continue;
                case "--numa":
                    p.numaSupport(true);
                    continue;
                case "--no-numa":
                    p.numaSupport(false);
                    continue;
                case "--disable-rss":
                    p.rssHf(0);
                    continue;
                case "--rss-ip":
                    p.rssHf(TestPmdConfig.RSS_IP);
                    continue;
                case "--rss-udp":
                    p.rssHf(TestPmdConfig.RSS_UDP);
                    continue;
                case "--no-flush-rx":
                    p.noFlushRx(true);
                    continue;
                case "--no-lsc-interrupt":
                    p.lscInterrupt(false);
                    continue;
                case "--disable-link-check":
                    p.noLinkCheck(true);
                    continue;
                case "--enable-scatter":
                    p.rxOffloads(p.rxOffloads() | TestPmdConfig.RX_OFFLOAD_SCATTER);
                    continue;
                case "--enable-drop-en":
                    p.rxDropEn(true);
                    continue;
                case "--record-burst-stats":
                    p.recordBurstStats(true);
                    continue;
                case "--record-core-cycles":
                    p.recordCoreCycles(true);
                    continue;
                case "--txonly-multi-flow":
                    p.txonlyMultiFlow(true);
                    continue;
                case "--mlockall":
                    p.mlockall(true);
                    continue;
                case "--no-mlockall":
                    p.mlockall(false);
                    continue;
                default:
                    break;
            }
            if (!isValueOption(opt))
            {
                badOption(arg, err);
            }
            if (val == null)
            {
                if (i + 1 >= args.length)
                {
                    err.println("testpmd: option '" + opt + "' requires an argument");
                    throw new TestPmdExit("Command line is incomplete or incorrect", true);
                }
                val = args[++i];
            }
            apply(p, opt, val, nbLcores, nbPorts, out, err);
        }
        if (p.help())
        {
            return p;
        }
        // main(), after launch_args_parse
        if (p.txFirst() && p.interactive())
        {
            throw new TestPmdExit("--tx-first cannot be used on interactive mode.");
        }
        if (p.txFirst() && p.lscInterrupt())
        {
            err.println("Warning: lsc_interrupt needs to be off when using tx_first. Disabling.");
            p.lscInterrupt(false);
        }
        return p;
    }

    private static boolean isValueOption(final String opt)
    {
        switch (opt)
        {
            case "--nb-cores": case "--nb-ports": case "--portmask": case "--portlist": case "--rxq": case "--txq":
            case "--rxd": case "--txd": case "--burst": case "--mbcache": case "--mbuf-size": case "--total-num-mbufs":
            case "--forward-mode": case "--port-topology": case "--stats-period": case "--eth-peer": case "--txpkts":
            case "--max-pkt-len": case "--cmdline-file": case "--coremask": case "--socket-num": case "--rxfreet":
            case "--txfreet": case "--mp-alloc": case "--tx-offloads": case "--rx-offloads": case "--latencystats":
            case "--noisy-tx-sw-buffer-size": case "--noisy-tx-sw-buffer-flushtime": case "--noisy-lkup-memory":
            case "--noisy-lkup-num-writes": case "--noisy-lkup-num-reads": case "--noisy-lkup-num-reads-writes":
                return true;
            default:
                return false;
        }
    }

    private static void badOption(final String arg, final PrintStream err)
    {
        err.println("testpmd: unrecognized option '" + arg + "'");
        err.println("Invalid option: " + arg);
        throw new TestPmdExit("Command line is incomplete or incorrect", true);
    }

    private static void apply(final TestPmdConfig p, final String opt, final String val, final int nbLcores, final int nbPorts,
        final PrintStream out, final PrintStream err)
    {
        switch (opt)
        {
            case "--latencystats":
            {
                // launch_args_parse: atoi, then n >= 0
                final long n = atoi(val);
                if (n < 0)
                {
                    throw new TestPmdExit("invalid lcore id " + n + " for latencystats - must be >= 0");
                }
                p.latencyStatsLcore((int)n);
                break;
            }
            case "--nb-cores":
            {
                final long n = num(val);
                if (n <= 0 || n > nbLcores)
                {
                    throw new TestPmdExit("nb-cores should be > 0 and <= " + nbLcores);
                }
                p.nbFwdLcoresOption((int)n);
                break;
            }
            case "--nb-ports":
            {
                final long n = num(val);
                if (n <= 0 || n > nbPorts)
                {
                    throw new TestPmdExit("nb-ports should be > 0 and <= " + nbPorts);
                }
                p.nbFwdPortsOption((int)n);
                break;
            }
            case "--portmask":
            {
                final long mask = hex(val);
                if (mask < 0)
                {
                    throw new TestPmdExit("Invalid fwd port mask");
                }
                final List<Integer> l = new ArrayList<>();
                for (int b = 0; b < 32; b++)
                {
                    if ((mask & (1L << b)) != 0 && b < nbPorts)
                    {
                        l.add(b);
                    }
                }
                p.portList(l.stream().mapToInt(Integer::intValue).toArray());
                break;
            }
            case "--portlist":
                p.portList(parsePortList(val, nbPorts));
                break;
            case "--rxq":
            {
                final long n = num(val);
                if (n < 0 || n > TestPmdConfig.MAX_QUEUES)
                {
                    throw new TestPmdExit("rxq " + n + " invalid - must be >= 0 && <= " + TestPmdConfig.MAX_QUEUES);
                }
                p.setNbRxq((int)n);
                break;
            }
            case "--txq":
            {
                final long n = num(val);
                if (n < 0 || n > TestPmdConfig.MAX_QUEUES)
                {
                    throw new TestPmdExit("txq " + n + " invalid - must be >= 0 && <= " + TestPmdConfig.MAX_QUEUES);
                }
                p.setNbTxq((int)n);
                break;
            }
            case "--rxd":
            {
                final long n = num(val);
                if (n <= 0)
                {
                    throw new TestPmdExit("rxd(" + n + ") invalid - must be > 0");
                }
                p.setNbRxd((int)Math.min(n, 65535));
                break;
            }
            case "--txd":
            {
                final long n = num(val);
                if (n <= 0)
                {
                    throw new TestPmdExit("txd(" + n + ") invalid - must be > 0");
                }
                p.setNbTxd((int)Math.min(n, 65535));
                break;
            }
            case "--burst":
            {
                final long n = num(val);
                if (n < 0 || n > TestPmdConfig.MAX_PKT_BURST)
                {
                    throw new TestPmdExit("burst must be between1 and " + TestPmdConfig.MAX_PKT_BURST);
                }
                if (n == 0 && p.port0Burst == 0)
                {
                    throw new TestPmdExit("PMD does not recommend a burst size. Provided value must be between 1 and " +
                        TestPmdConfig.MAX_PKT_BURST);
                }
                p.burstOption(n == 0 ? p.port0Burst : (int)n);
                break;
            }
            case "--mbcache":
            {
                final long n = num(val);
                if (n < 0 || n > 512)
                {
                    throw new TestPmdExit("mbcache must be >= 0 and <= 512");
                }
                p.mbcache((int)n);
                break;
            }
            case "--mbuf-size":
            {
                final long n = num(val.split(",")[0]);
                if (n <= 0 || n >= 65536)
                {
                    throw new TestPmdExit("mbuf-size should be > 0 and < 65536");
                }
                p.mbufSize((int)n);
                break;
            }
            case "--total-num-mbufs":
            {
                final long n = num(val);
                if (n <= 1024)
                {
                    throw new TestPmdExit("total-num-mbufs should be > 1024");
                }
                p.totalNumMbufs((int)Math.min(n, Integer.MAX_VALUE));
                break;
            }
            case "--forward-mode":
                try
                {
                    p.setFwdMode(val, false);
                    out.println("Set " + val + " packet forwarding mode");
                }
                catch (final TestPmdConfig.Rejected ex)
                {
                    err.println(ex.getMessage());
                }
                break;
            case "--port-topology":
                switch (val)
                {
                    case "paired":
                        p.topology(Topology.PAIRED);
                        break;
                    case "chained":
                        p.topology(Topology.CHAINED);
                        break;
                    case "loop":
                        p.topology(Topology.LOOP);
                        break;
                    default:
                        throw new TestPmdExit("port-topology " + val + " invalid - must be: paired, chained or loop");
                }
                break;
            case "--stats-period":
            {
                final long n = num(val);
                if (n < 0 || n > Integer.MAX_VALUE)
                {
                    throw new TestPmdExit("Invalid stats-period value");
                }
                p.statsPeriod((int)n);
                break;
            }
            case "--eth-peer":
            {
                final int comma = val.indexOf(',');
                final long port = comma > 0 ? num(val.substring(0, comma)) : -1;
                if (port < 0 || port >= 32)
                {
                    throw new TestPmdExit("Invalid eth-peer: " + val);
                }
                try
                {
                    p.peer((int)port, MacAddress.parse(val.substring(comma + 1)).toLong());
                }
                catch (final RuntimeException ex)
                {
                    throw new TestPmdExit("Invalid ethernet address: " + val.substring(comma + 1));
                }
                break;
            }
            case "--txpkts":
            {
                final String[] parts = val.split(",");
                final int[] segs = new int[parts.length];
                int total = 0;
                for (int i = 0; i < parts.length; i++)
                {
                    final long n = num(parts[i]);
                    if (n <= 0 || n > 65535)
                    {
                        throw new TestPmdExit("Invalid txpkts value: " + val);
                    }
                    segs[i] = (int)n;
                    total += (int)n;
                }
                // set_tx_pkt_segments: a segment longer than an mbuf, or a frame too short for its headers, is
                // refused with a message and the default kept (DPDK does not exit)
                boolean fits = true;
                for (int i = 0; i < segs.length && fits; i++)
                {
                    if (segs[i] > p.mbufSize())
                    {
                        err.printf("length[%d]=%d > mbuf_data_size=%d - give up%n", i, segs[i], p.mbufSize());
                        fits = false;
                    }
                }
                if (fits && total < 42)
                {
                    err.println("total packet length=" + total + " < 42 - give up");
                    fits = false;
                }
                if (fits)
                {
                    p.txSegments(segs);
                }
                break;
            }
            case "--max-pkt-len":
            {
                final long n = num(val);
                if (n < 64)
                {
                    throw new TestPmdExit("Invalid max-pkt-len=" + n + " - should be > 64");
                }
                p.maxPktLen((int)Math.min(n, Integer.MAX_VALUE));
                break;
            }
            case "--cmdline-file":
                out.println("CLI commands to be read from " + val);
                p.cmdlineFile(val);
                break;
            case "--coremask":
            {
                // parse_fwd_coremask → set_fwd_lcores_mask → set_fwd_lcores_list
                final long cm = val.isEmpty() ? -1 : hex(val);
                if (cm < 0)
                {
                    throw new TestPmdExit("Invalid fwd core mask");
                }
                if (cm == 0)
                {
                    err.println("Invalid NULL mask of cores");
                    throw new TestPmdExit("coremask is not valid");
                }
                final int[] list = new int[Long.bitCount(cm)];
                for (int b = 0, k = 0; b < 64; b++)
                {
                    if ((cm & (1L << b)) != 0)
                    {
                        list[k++] = b;
                    }
                }
                try
                {
                    final String changed = p.setFwdLcores(list);
                    if (changed != null)
                    {
                        out.println(changed);
                    }
                }
                catch (final TestPmdConfig.Rejected ex)
                {
                    err.println(ex.getMessage());
                    throw new TestPmdExit("coremask is not valid");
                }
                break;
            }
            case "--socket-num":
            {
                // new_socket_id: one NUMA node (socket 0) here, as on the machines testpmd runs on
                final long n = atoi(val);
                if ((n & 0xff) != 0)
                {
                    err.println("Invalid socket id, options are: 0");
                    throw new TestPmdExit("Invalid socket id");
                }
                p.socketNum(0);
                break;
            }
            case "--rxfreet":
            {
                final long n = atoi(val);
                if (n < 0)
                {
                    throw new TestPmdExit("rxfreet must be >= 0");
                }
                p.rxFreeThresh((int)(n & 0xffff));
                break;
            }
            case "--txfreet":
            {
                final long n = atoi(val);
                if (n < 0)
                {
                    throw new TestPmdExit("txfreet must be >= 0");
                }
                p.txFreeThresh((int)(n & 0xffff));
                break;
            }
            case "--mp-alloc":
                switch (val)
                {
                    case "native": case "anon": case "xmem": case "xmemhuge": case "xbuf":
                        p.mpAlloc(val);
                        break;
                    default:
                        throw new TestPmdExit("mp-alloc " + val + " invalid - must be: native, anon, xmem or xmemhuge");
                }
                break;
            case "--noisy-tx-sw-buffer-size":
            case "--noisy-tx-sw-buffer-flushtime":
            case "--noisy-lkup-memory":
            case "--noisy-lkup-num-writes":
            case "--noisy-lkup-num-reads":
            case "--noisy-lkup-num-reads-writes":
            {
                final long n = atoi(val);
                if (n < 0)
                {
                    throw new TestPmdExit(opt.substring(2) + " must be >= 0");
                }
                p.noisy[NOISY_OPTIONS.indexOf(opt)] = (int)Math.min(n, Integer.MAX_VALUE);
                break;
            }
            case "--tx-offloads":
                p.txOffloads(strtoull16(val));
                break;
            case "--rx-offloads":
                p.rxOffloads(strtoull16(val));
                break;
            default:
                throw new TestPmdExit("Command line is incomplete or incorrect", true);
        }
    }

    /** A decimal (or 0x hex) number, or -1 when it is not one (strtoul-like but strict). */
    static long num(final String s)
    {
        try
        {
            if (s.startsWith("0x") || s.startsWith("0X"))
            {
                return Long.parseLong(s.substring(2), 16);
            }
            return Long.parseLong(s.trim());
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    /** atoi: leading decimal digits (with sign), 0 when there are none. */
    static long atoi(final String s)
    {
        int i = 0;
        final String t = s.trim();
        boolean neg = false;
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+'))
        {
            neg = t.charAt(i++) == '-';
        }
        long v = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && v < Integer.MAX_VALUE)
        {
            v = v * 10 + (t.charAt(i++) - '0');
        }
        return neg ? -v : v;
    }

    /** strtoull(s, 16) as parameters.c uses it for the offload masks: leading hex digits, optional 0x, else 0. */
    static long strtoull16(final String s)
    {
        String t = s.trim();
        if (t.startsWith("0x") || t.startsWith("0X"))
        {
            t = t.substring(2);
        }
        long v = 0;
        for (int i = 0; i < t.length() && Character.digit(t.charAt(i), 16) >= 0 && i < 16; i++)
        {
            v = (v << 4) | Character.digit(t.charAt(i), 16);
        }
        return v;
    }

    static long hex(final String s)
    {
        try
        {
            return Long.parseLong(s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s, 16);
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    /** "0,2-3" → {0, 2, 3}. */
    static int[] parsePortList(final String val, final int nbPorts)
    {
        final List<Integer> l = new ArrayList<>();
        for (final String part : val.split(","))
        {
            final String[] r = part.split("-");
            final long a = num(r[0]);
            final long b = r.length > 1 ? num(r[1]) : a;
            if (a < 0 || b < a || r.length > 2)
            {
                throw new TestPmdExit("Invalid fwd port list " + val);
            }
            for (long x = a; x <= b; x++)
            {
                if (x >= nbPorts)
                {
                    throw new TestPmdExit("Invalid fwd port id " + x);
                }
                if (!l.contains((int)x))
                {
                    l.add((int)x);
                }
            }
        }
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
