package io.ethdev4j.kniapp;

import io.ethdev4j.eal.Log;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's options, after the EAL's and {@code --} (DPDK v22.07 examples/kni/main.c: parse_args,
 * parse_config, validate_parameters), with the example's messages:
 * <pre>
 *   -p PORTMASK   hex bitmask of ports to use
 *   -P            promiscuous mode on every port
 *   -m            monitor the ports' link status and set the KNI carriers from it
 *   --config "(port,lcore_rx,lcore_tx[,lcore_kthread,...])[,(...)]"
 * </pre>
 * As the example: option letters are getopt's ({@code -p0x3}, {@code -p 0x3}, {@code -Pm}, {@code --config=...} or
 * {@code --config ...}); a bad PORTMASK reads as 0 ("No port configured in port mask"); lcore ids are truncated to 8
 * bits before the check against RTE_MAX_LCORE (128), as the example's {@code (uint8_t)} casts do; at most
 * {@value #KNI_MAX_KTHREAD} kthread lcores per port are kept.
 */
public final class KniAppArgs
{
    /** RTE_MAX_ETHPORTS of the example's build. */
    public static final int RTE_MAX_ETHPORTS = 32;
    /** RTE_MAX_LCORE of the example's build. */
    public static final int RTE_MAX_LCORE = 128;
    /** KNI_MAX_KTHREAD. */
    public static final int KNI_MAX_KTHREAD = 32;

    private long portsMask;
    private boolean promiscuous;
    private boolean monitorLinks;
    private final KniPortParams[] ports = new KniPortParams[RTE_MAX_ETHPORTS];

    private KniAppArgs()
    {
    }

    public long portsMask()
    {
        return portsMask;
    }

    public boolean promiscuous()
    {
        return promiscuous;
    }

    public boolean monitorLinks()
    {
        return monitorLinks;
    }

    /** The port's parameters from {@code --config}, or null when the port is not used. */
    public KniPortParams port(final int portId)
    {
        return portId >= 0 && portId < ports.length ? ports[portId] : null;
    }

    /** Every configured port, in port order. */
    public List<KniPortParams> ports()
    {
        final List<KniPortParams> l = new ArrayList<>();
        for (final KniPortParams p : ports)
        {
            if (p != null)
            {
                l.add(p);
            }
        }
        return l;
    }

    /** print_usage (an INFO line of type APP, as the example). */
    public static void usage(final String prgname)
    {
        Log.info("APP", "\nUsage: " + prgname + " [EAL options] -- -p PORTMASK -P -m " +
            "[--config (port,lcore_rx,lcore_tx,lcore_kthread...)[,(port,lcore_rx,lcore_tx,lcore_kthread...)]]\n" +
            "    -p PORTMASK: hex bitmask of ports to use\n" +
            "    -P : enable promiscuous mode\n" +
            "    -m : enable monitoring of port carrier state\n" +
            "    --config (port,lcore_rx,lcore_tx,lcore_kthread...): port and lcore configurations");
    }

    /**
     * parse_args then validate_parameters.
     *
     * @param lcoreEnabled whether an lcore id is enabled in the runtime (rte_lcore_is_enabled).
     * @param out          where the example's printf lines go.
     * @throws KniAppExit what the example gives to rte_exit.
     */
    public static KniAppArgs parse(final String prgname, final String[] argv, final java.util.function.IntPredicate lcoreEnabled,
        final PrintStream out)
    {
        final KniAppArgs a = new KniAppArgs();
        for (int i = 0; i < argv.length; i++)
        {
            final String arg = argv[i];
            if (arg.equals("--config") || arg.startsWith("--config="))
            {
                final String value;
                if (arg.length() > "--config".length())
                {
                    value = arg.substring("--config=".length());
                }
                else if (i + 1 < argv.length)
                {
                    value = argv[++i];
                }
                else
                {
                    usage(prgname);
                    throw new KniAppExit("Invalid option specified");
                }
                if (!a.parseConfig(value, out))
                {
                    out.println("Invalid config");
                    usage(prgname);
                    throw new KniAppExit("Could not parse input parameters");
                }
                continue;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-' || arg.startsWith("--"))
            {
                if (arg.equals("--"))
                {
                    break;
                }
                if (arg.startsWith("--"))
                {
                    usage(prgname);
                    throw new KniAppExit("Invalid option specified");
                }
                continue;   // getopt permutes non-options to the end; the example ignores them
            }
            for (int c = 1; c < arg.length(); c++)
            {
                final char opt = arg.charAt(c);
                if (opt == 'P')
                {
                    a.promiscuous = true;
                }
                else if (opt == 'm')
                {
                    a.monitorLinks = true;
                }
                else if (opt == 'p')
                {
                    final String value;
                    if (c + 1 < arg.length())
                    {
                        value = arg.substring(c + 1);
                    }
                    else if (i + 1 < argv.length)
                    {
                        value = argv[++i];
                    }
                    else
                    {
                        usage(prgname);
                        throw new KniAppExit("Invalid option specified");
                    }
                    a.portsMask = parseUnsigned(value);
                    break;
                }
                else
                {
                    usage(prgname);
                    throw new KniAppExit("Invalid option specified");
                }
            }
        }
        a.validate(prgname, lcoreEnabled, out);
        return a;
    }

    /** parse_unsigned: hex, 0 for anything that is not entirely a hex number. */
    static long parseUnsigned(final String s)
    {
        String v = s.trim().equals(s) ? s : "";
        if (v.startsWith("0x") || v.startsWith("0X"))
        {
            v = v.substring(2);
        }
        if (v.isEmpty() || v.length() > 16)
        {
            return 0;
        }
        try
        {
            return Long.parseUnsignedLong(v, 16) & 0xFFFF_FFFFL;
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }

    /** parse_config: every "(...)" group; false (with the example's message printed) on the first bad one. */
    private boolean parseConfig(final String arg, final PrintStream out)
    {
        java.util.Arrays.fill(ports, null);
        int from = 0;
        int groups = 0;
        while (groups < RTE_MAX_ETHPORTS)
        {
            final int open = arg.indexOf('(', from);
            if (open < 0)
            {
                break;
            }
            final int close = arg.indexOf(')', open + 1);
            if (close < 0)
            {
                return fail();
            }
            from = close;
            final String s = arg.substring(open + 1, close);
            if (s.length() >= 256)
            {
                out.println("Invalid config parameters");
                return fail();
            }
            final String[] tok = s.split(",", -1);
            final int nbToken = Math.min(tok.length, KNI_MAX_KTHREAD + 3);
            if (nbToken <= 2 || s.isEmpty())
            {
                out.println("Invalid config parameters");
                return fail();
            }
            final long[] fld = new long[nbToken];
            for (int i = 0; i < nbToken; i++)
            {
                final long v = strtoul(tok[i]);
                if (v < 0)
                {
                    out.println("Invalid config parameters");
                    return fail();
                }
                fld[i] = v;
            }
            final int portId = (int)(fld[0] & 0xFFFF);
            if (portId >= RTE_MAX_ETHPORTS)
            {
                out.println("Port ID " + portId + " could not exceed the maximum " + RTE_MAX_ETHPORTS);
                return fail();
            }
            if (ports[portId] != null)
            {
                out.println("Port " + portId + " has been configured");
                return fail();
            }
            final int rx = (int)(fld[1] & 0xFF);
            final int tx = (int)(fld[2] & 0xFF);
            if (rx >= RTE_MAX_LCORE || tx >= RTE_MAX_LCORE)
            {
                out.println("lcore_rx " + rx + " or lcore_tx " + tx + " ID could not exceed the maximum " +
                    RTE_MAX_LCORE);
                return fail();
            }
            final int nbK = Math.min(nbToken - 3, KNI_MAX_KTHREAD);
            final int[] k = new int[nbK];
            for (int j = 0; j < nbK; j++)
            {
                k[j] = (int)(fld[3 + j] & 0xFF);
            }
            ports[portId] = new KniPortParams(portId, rx, tx, k);
            groups++;
        }
        for (final KniPortParams p : ports)
        {
            if (p != null)
            {
                Log.debug("APP", "Port ID: " + p.portId());
                Log.debug("APP", "Rx lcore ID: " + p.lcoreRx() + ", Tx lcore ID: " + p.lcoreTx());
                for (final int k : p.lcoreK())
                {
                    Log.debug("APP", "Kernel thread lcore ID: " + k);
                }
            }
        }
        return true;
    }

    private boolean fail()
    {
        java.util.Arrays.fill(ports, null);
        return false;
    }

    /** strtoul(s, &end, 0): decimal, 0x hex or 0 octal, surrounding blanks allowed before; -1 when no digit. */
    static long strtoul(final String s)
    {
        String v = s.stripLeading();
        if (v.startsWith("+"))
        {
            v = v.substring(1);
        }
        int radix = 10;
        if (v.startsWith("0x") || v.startsWith("0X"))
        {
            radix = 16;
            v = v.substring(2);
        }
        else if (v.length() > 1 && v.charAt(0) == '0')
        {
            radix = 8;
        }
        int n = 0;
        while (n < v.length() && Character.digit(v.charAt(n), radix) >= 0)
        {
            n++;
        }
        if (n == 0)
        {
            return -1;
        }
        try
        {
            return Long.parseLong(v.substring(0, n), radix);
        }
        catch (final NumberFormatException ex)
        {
            return -1;   // ERANGE
        }
    }

    private void validate(final String prgname, final java.util.function.IntPredicate lcoreEnabled,
        final PrintStream out)
    {
        if (portsMask == 0)
        {
            out.println("No port configured in port mask");
            usage(prgname);
            throw new KniAppExit("Invalid parameters");
        }
        for (int i = 0; i < RTE_MAX_ETHPORTS; i++)
        {
            final boolean inMask = (portsMask & (1L << i)) != 0;
            if (inMask != (ports[i] != null))
            {
                throw new KniAppExit("portmask is not consistent to port ids specified in --config");
            }
            if (ports[i] != null && !lcoreEnabled.test(ports[i].lcoreRx()))
            {
                throw new KniAppExit("lcore id " + ports[i].lcoreRx() + " for port " + i + " receiving not enabled");
            }
            if (ports[i] != null && !lcoreEnabled.test(ports[i].lcoreTx()))
            {
                throw new KniAppExit("lcore id " + ports[i].lcoreTx() + " for port " + i +
                    " transmitting not enabled");
            }
        }
    }
}
