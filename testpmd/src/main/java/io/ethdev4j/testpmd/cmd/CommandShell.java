package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.ethdev.Xstat;
import io.ethdev4j.testpmd.Params;
import io.ethdev4j.testpmd.TestPmd;
import io.ethdev4j.testpmd.fwd.FwdEngine;
import io.ethdev4j.testpmd.fwd.FwdEngines;

import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code testpmd> } shell: JLine (editing, history, completion) on a terminal, plain lines from a pipe or
 * {@code --cmdline-file}. Every command prints what DPDK's prints; a mistyped one gets DPDK's
 * {@code Bad arguments} / {@code Command not found} and the shell goes on.
 */
public final class CommandShell
{
    public static final String PROMPT = "testpmd> ";

    private final TestPmd t;
    private final PrintStream out;
    private final PrintStream err;
    private boolean quit;

    public CommandShell(final TestPmd t)
    {
        this.t = t;
        this.out = t.out;
        this.err = t.err;
    }

    /** --cmdline-file: runs each line without echo, then "Read CLI commands from FILE". */
    public void runFile(final String file)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(Path.of(file));
        }
        catch (final IOException ex)
        {
            err.printf("Failed to open file %s: %s%n", file, ex.getMessage());
            return;
        }
        for (final String l : lines)
        {
            if (quit)
            {
                return;
            }
            execute(l);
        }
        out.println("Read CLI commands from " + file);
    }

    /** The shell proper; returns after {@code quit}, end of input or a signal. */
    public void interactive(final InputStream in)
    {
        if (in == System.in && System.console() != null)
        {
            try
            {
                jline();
                return;
            }
            catch (final IOException | RuntimeException ex)
            {
                err.println("testpmd: line editing unavailable (" + ex.getMessage() + "), reading plain lines");
            }
        }
        final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        t.onSignal(() -> quit = true);
        while (!quit)
        {
            out.print(PROMPT);
            out.flush();
            final String line;
            try
            {
                line = r.readLine();
            }
            catch (final IOException ex)
            {
                break;
            }
            if (line == null)
            {
                out.println();
                break;
            }
            out.println(line);
            execute(line);
            out.flush();
        }
    }

    private void jline() throws IOException
    {
        try (Terminal term = TerminalBuilder.builder().system(true).build())
        {
            final LineReader reader = LineReaderBuilder.builder()
                .terminal(term)
                .appName("testpmd")
                .completer((lr, line, candidates) ->
                {
                    final List<String> words = new ArrayList<>(line.words().subList(0, line.wordIndex()));
                    for (final String w : Grammar.next(words))
                    {
                        candidates.add(new Candidate(w));
                    }
                })
                .build();
            final Thread main = Thread.currentThread();
            t.onSignal(() ->
            {
                quit = true;
                main.interrupt();
            });
            while (!quit)
            {
                final String line;
                try
                {
                    line = reader.readLine(PROMPT);
                }
                catch (final UserInterruptException ex)
                {
                    out.println();
                    break;
                }
                catch (final EndOfFileException ex)
                {
                    out.println();
                    break;
                }
                execute(line);
                out.flush();
            }
        }
    }

    public boolean quitRequested()
    {
        return quit;
    }

    /** Runs one command line. Never throws. */
    public void execute(final String line)
    {
        final String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#"))
        {
            return;
        }
        final String[] w = trimmed.split("\\s+");
        try
        {
            dispatch(w);
        }
        catch (final BadArgs ex)
        {
            out.println("Bad arguments");
        }
        catch (final EthDevException ex)
        {
            err.println(ex.getMessage());
        }
        catch (final RuntimeException ex)
        {
            err.println("testpmd: command failed: " + ex);
        }
    }

    private static final class BadArgs extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        BadArgs()
        {
            super(null, null, false, false);
        }
    }

    private static boolean known(final String w0)
    {
        switch (w0)
        {
            case "start": case "stop": case "quit": case "help": case "show": case "clear": case "set": case "port":
            case "mac_addr":
                return true;
            default:
                return false;
        }
    }

    private void dispatch(final String[] w)
    {
        if (!known(w[0]))
        {
            out.println("Command not found");
            return;
        }
        switch (w[0])
        {
            case "start":
                if (w.length == 1)
                {
                    t.startFwd(0);
                }
                else if (w[1].equals("tx_first") && w.length <= 3)
                {
                    t.startFwd(w.length == 3 ? (int)num(w[2], 1, Integer.MAX_VALUE) : 1);
                }
                else
                {
                    throw new BadArgs();
                }
                return;
            case "stop":
                expect(w, 1);
                t.stopFwd();
                return;
            case "quit":
                expect(w, 1);
                t.quit();
                quit = true;
                return;
            case "help":
                help(w);
                return;
            case "show":
                show(w);
                return;
            case "clear":
                expect(w, 4);
                if (!w[1].equals("port") || !(w[2].equals("stats") || w[2].equals("xstats")))
                {
                    throw new BadArgs();
                }
                for (final int p : portArg(w[3]))
                {
                    if (!validPort(p))
                    {
                        continue;
                    }
                    if (w[2].equals("stats"))
                    {
                        t.eal.port(p).statsReset();
                        t.portState(p).atStartReset();
                        out.printf("%n  NIC statistics for port %d cleared%n", p);
                    }
                    else
                    {
                        t.eal.port(p).xstatsReset();
                        out.printf("%n  NIC extended statistics for port %d cleared%n", p);
                    }
                }
                return;
            case "set":
                set(w);
                return;
            case "port":
                port(w);
                return;
            case "mac_addr":
            {
                expect(w, 4);
                if (!w[1].equals("set"))
                {
                    throw new BadArgs();
                }
                final int p = (int)num(w[2], 0, 65535);
                final MacAddress mac;
                try
                {
                    mac = MacAddress.parse(w[3]);
                }
                catch (final RuntimeException ex)
                {
                    throw new BadArgs();
                }
                if (!validPort(p))
                {
                    return;
                }
                try
                {
                    t.eal.port(p).setMacAddr(mac);
                }
                catch (final EthDevException ex)
                {
                    err.printf("mac_addr_cmd error: (%s)%n", TestPmd.strerror(ex));
                }
                return;
            }
            default:
                out.println("Command not found");
        }
    }

    private static void expect(final String[] w, final int n)
    {
        if (w.length != n)
        {
            throw new BadArgs();
        }
    }

    /** A number in [min, max] or Bad arguments (cmdline's uint parsing). */
    private static long num(final String s, final long min, final long max)
    {
        final long v;
        try
        {
            v = Long.parseLong(s);
        }
        catch (final NumberFormatException ex)
        {
            throw new BadArgs();
        }
        if (v < min || v > max)
        {
            throw new BadArgs();
        }
        return v;
    }

    /** "all" → every port; a number → that id (validity checked by the caller, as DPDK). */
    private int[] portArg(final String s)
    {
        if (s.equals("all"))
        {
            return t.eal.ports().stream().mapToInt(EthDev::portId).toArray();
        }
        return new int[] {(int)num(s, 0, 65535)};
    }

    /** port_id_is_invalid(ENABLED_WARN). */
    private boolean validPort(final int p)
    {
        if (t.eal.isValidPort(p))
        {
            return true;
        }
        err.printf("Invalid port %d%n", p);
        return false;
    }

    private void show(final String[] w)
    {
        if (w.length < 2)
        {
            throw new BadArgs();
        }
        switch (w[1])
        {
            case "port":
            {
                expect(w, 4);
                final String what = w[2];
                if (!Arrays.asList("info", "summary", "stats", "xstats").contains(what))
                {
                    throw new BadArgs();
                }
                final int[] ports = portArg(w[3]);
                if (what.equals("summary"))
                {
                    out.printf("Number of available ports: %d%n", t.eal.portCount());
                    out.println("Port MAC Address       Name         Driver         Status   Link");
                }
                for (final int p : ports)
                {
                    if (!t.eal.isValidPort(p))
                    {
                        err.printf("Invalid port %d%n", p);
                        t.printValidPorts();
                        continue;
                    }
                    final EthDev d = t.eal.port(p);
                    switch (what)
                    {
                        case "info":
                            io.ethdev4j.testpmd.Displays.portInfo(out, d);
                            break;
                        case "summary":
                            io.ethdev4j.testpmd.Displays.portSummaryLine(out, d);
                            break;
                        case "stats":
                            t.showPortStats(p);
                            break;
                        default:
                            out.printf("###### NIC extended statistics for port %-2d%n", p);
                            for (final Xstat x : d.xstats())
                            {
                                out.printf("%s: %d%n", x.name(), x.value());
                            }
                            break;
                    }
                }
                return;
            }
            case "config":
                expect(w, 3);
                switch (w[2])
                {
                    case "fwd":
                        t.showConfigFwd();
                        return;
                    case "rxtx":
                        t.showConfigRxtx();
                        return;
                    case "cores":
                        t.showConfigCores();
                        return;
                    default:
                        throw new BadArgs();
                }
            case "fwd":
                expect(w, 4);
                if (!w[2].equals("stats") || !w[3].equals("all"))
                {
                    throw new BadArgs();
                }
                t.showFwdStats();
                return;
            default:
                throw new BadArgs();
        }
    }

    private void set(final String[] w)
    {
        if (w.length < 3)
        {
            throw new BadArgs();
        }
        switch (w[1])
        {
            case "fwd":
            {
                final FwdEngine e = FwdEngines.create(w[2]);
                if (e == null || w.length > 4 || (w.length == 4 && !w[3].equals("retry")))
                {
                    throw new BadArgs();
                }
                final boolean retry = w.length == 4;
                t.setEngine(e, retry);
                out.printf("Set %s packet forwarding mode%s%n", e.name(), retry ? " with retry" : "");
                return;
            }
            case "nbcore":
            {
                expect(w, 3);
                final int n = (int)num(w[2], 0, 65535);
                if (n > t.fwdLcoreIds().length)
                {
                    err.printf("nb fwd cores %d > %d (max. number of configured lcores) - ignored%n", n, t.fwdLcoreIds().length);
                    return;
                }
                if (n == 0)
                {
                    err.println("fwd cores should be > 0");
                    return;
                }
                t.nbFwdLcores = n;
                out.printf("Number of forwarding cores set to %d%n", n);
                t.fwdConfigSetup();
                return;
            }
            case "nbport":
            {
                expect(w, 3);
                final int n = (int)num(w[2], 0, 65535);
                final int max = t.eal.portCount();
                if (n > max)
                {
                    err.printf("nb fwd ports %d > %d (number of configured ports) - ignored%n", n, max);
                    return;
                }
                if (n == 0)
                {
                    err.println("fwd ports should be > 0");
                    return;
                }
                t.nbFwdPorts = n;
                out.printf("Number of forwarding ports set to %d%n", n);
                t.fwdConfigSetup();
                return;
            }
            case "burst":
            {
                expect(w, 3);
                final int n = (int)num(w[2], 0, 65535);
                if (n > Params.MAX_PKT_BURST)
                {
                    err.printf("nb pkt per burst: %d > %d (maximum packet per burst)  ignored%n", n, Params.MAX_PKT_BURST);
                    return;
                }
                t.burst = n == 0 ? Params.DEF_PKT_BURST : n;
                out.printf("Number of packets per burst set to %d%n", t.burst);
                return;
            }
            case "promisc":
            case "allmulti":
            {
                expect(w, 4);
                final boolean on;
                if (w[3].equals("on"))
                {
                    on = true;
                }
                else if (w[3].equals("off"))
                {
                    on = false;
                }
                else
                {
                    throw new BadArgs();
                }
                final boolean promisc = w[1].equals("promisc");
                for (final int p : portArg(w[2]))
                {
                    if (!t.eal.isValidPort(p))
                    {
                        err.printf("Invalid port_id=%d%n", p);
                        err.printf("Error during %s %s mode for port %d: No such device%n", on ? "enabling" : "disabling",
                            promisc ? "promiscuous" : "all-multicast", p);
                        continue;
                    }
                    final EthDev d = t.eal.port(p);
                    try
                    {
                        if (promisc)
                        {
                            if (on)
                            {
                                d.promiscuousEnable();
                            }
                            else
                            {
                                d.promiscuousDisable();
                            }
                        }
                        else if (on)
                        {
                            d.allmulticastEnable();
                        }
                        else
                        {
                            d.allmulticastDisable();
                        }
                    }
                    catch (final EthDevException ex)
                    {
                        err.printf("Error during %s %s mode for port %d: %s%n", on ? "enabling" : "disabling",
                            promisc ? "promiscuous" : "all-multicast", p, TestPmd.strerror(ex));
                    }
                }
                return;
            }
            case "link-up":
            case "link-down":
            {
                expect(w, 4);
                if (!w[2].equals("port"))
                {
                    throw new BadArgs();
                }
                final int p = (int)num(w[3], 0, 65535);
                final boolean up = w[1].equals("link-up");
                try
                {
                    if (!t.eal.isValidPort(p))
                    {
                        err.printf("Invalid port_id=%d%n", p);
                        throw new IllegalStateException();
                    }
                    if (up)
                    {
                        t.eal.port(p).setLinkUp();
                    }
                    else
                    {
                        t.eal.port(p).setLinkDown();
                    }
                }
                catch (final RuntimeException ex)
                {
                    err.printf("%nSet link %s fail.%n", up ? "up" : "down");
                }
                return;
            }
            default:
                throw new BadArgs();
        }
    }

    private void port(final String[] w)
    {
        if (w.length < 3)
        {
            throw new BadArgs();
        }
        switch (w[1])
        {
            case "start":
            case "stop":
            case "close":
            case "reset":
                expect(w, 3);
                portOp(w[1], w[2]);
                return;
            case "attach":
            {
                expect(w, 3);
                out.println("Attaching a new port...");
                try
                {
                    final EthDev d = t.eal.attach(w[2]);
                    t.resetPortState(d.portId());
                    t.refreshFwdPorts();
                    try
                    {
                        d.promiscuousEnable();
                    }
                    catch (final EthDevException ignore)
                    {
                        // as DPDK: a driver without promiscuous mode still attaches
                    }
                    out.printf("Port %d is attached. Now total ports is %d%n", d.portId(), t.eal.portCount());
                    out.println("Done");
                }
                catch (final EthDevException ex)
                {
                    err.printf("Failed to attach port %s: %s%n", w[2], ex.getMessage());
                }
                return;
            }
            case "detach":
            {
                expect(w, 3);
                final int p = (int)num(w[2], 0, 65535);
                if (!t.eal.isValidPort(p))
                {
                    err.printf("Invalid port_id=%d%n", p);
                    return;
                }
                out.println("Removing a device...");
                final EthDev d = t.eal.port(p);
                if (d.isStarted())
                {
                    err.println("Port not stopped");
                    return;
                }
                t.eal.detach(p);
                t.refreshFwdPorts();
                out.printf("Device is detached%nNow total ports is %d%nDone%n", t.eal.portCount());
                return;
            }
            case "config":
                portConfig(w);
                return;
            default:
                throw new BadArgs();
        }
    }

    private void portOp(final String op, final String arg)
    {
        final int[] ports = portArg(arg);
        final boolean all = arg.equals("all");
        if (!all && !t.eal.isValidPort(ports[0]))
        {
            err.printf("Invalid port %d%n", ports[0]);
            return;
        }
        switch (op)
        {
            case "start":
                t.startPorts(all ? -1 : ports[0], false);
                return;
            case "stop":
                out.println("Stopping ports...");
                t.stopPorts(all ? -1 : ports[0]);
                out.println("Checking link statuses...");
                out.println("Done");
                return;
            case "close":
                out.println("Closing ports...");
                for (final int p : ports)
                {
                    final EthDev d = t.eal.port(p);
                    if (d.isStarted())
                    {
                        err.printf("Port %d is now not stopped%n", p);
                        continue;
                    }
                    d.close();
                    out.printf("Port %d is closed%n", p);
                }
                t.refreshFwdPorts();
                out.println("Done");
                return;
            default:
                if (t.isForwarding())
                {
                    err.println("Please stop forwarding first");
                    return;
                }
                out.println("Resetting ports...");
                for (final int p : ports)
                {
                    try
                    {
                        t.eal.port(p).reset();
                        t.portState(p).needReconfig = true;
                    }
                    catch (final EthDevException ex)
                    {
                        err.printf("Failed to reset port %d. diag=%d%n", p, ex.diag());
                    }
                }
                out.println("Done");
        }
    }

    private void portConfig(final String[] w)
    {
        if (w.length == 5 && w[2].equals("mtu"))
        {
            final int p = (int)num(w[3], 0, 65535);
            final int mtu = (int)num(w[4], 0, 65535);
            if (!validPort(p))
            {
                return;
            }
            try
            {
                t.eal.port(p).setMtu(mtu);
            }
            catch (final EthDevException ex)
            {
                err.printf("Set MTU failed. diag=%d%n", ex.diag());
            }
            return;
        }
        if (w.length == 5 && w[2].equals("all"))
        {
            final int n = (int)num(w[4], 0, 65535);
            for (final EthDev d : t.eal.ports())
            {
                if (d.isStarted())
                {
                    err.println("Please stop all ports first");
                    return;
                }
            }
            switch (w[3])
            {
                case "rxq":
                case "txq":
                {
                    if (n == 0)
                    {
                        err.printf("Warning: Either %s should be non-zero%n", "rx or tx queues");
                    }
                    for (final EthDev d : t.eal.ports())
                    {
                        final int max = w[3].equals("rxq") ? d.info().maxRxQueues : d.info().maxTxQueues;
                        if (n > max)
                        {
                            err.printf("Fail: input %s (%d) can't be greater than max_%s_queues (%d) of port %d%n", w[3], n,
                                w[3].substring(0, 2), max, d.portId());
                            return;
                        }
                    }
                    if (w[3].equals("rxq"))
                    {
                        t.nbRxq = n;
                    }
                    else
                    {
                        t.nbTxq = n;
                    }
                    break;
                }
                case "rxd":
                    t.nbRxd = n;
                    break;
                case "txd":
                    t.nbTxd = n;
                    break;
                default:
                    throw new BadArgs();
            }
            t.markAllReconfig();
            t.fwdConfigSetup();
            return;
        }
        throw new BadArgs();
    }

    private void help(final String[] w)
    {
        if (w.length == 1)
        {
            out.println();
            out.println("Help is available for the following sections:");
            out.println();
            out.println("    help control                    : Start and stop forwarding.");
            out.println("    help display                    : Displaying port, stats and config information.");
            out.println("    help config                     : Configuration information.");
            out.println("    help ports                      : Configuring ports.");
            out.println("    help all                        : All of the above sections.");
            out.println();
            return;
        }
        expect(w, 2);
        final String s = w[1];
        final boolean all = s.equals("all");
        if (!all && !List.of("control", "display", "config", "ports").contains(s))
        {
            throw new BadArgs();
        }
        if (all || s.equals("control"))
        {
            section("Control forwarding", "start", "    Start packet forwarding with current configuration.",
                "start tx_first (packets)", "    Start packet forwarding with current config after sending specified number of bursts of packets.",
                "stop", "    Stop packet forwarding, and display accumulated statistics.",
                "quit", "    Quit to prompt.");
        }
        if (all || s.equals("display"))
        {
            section("Display", "show port (info|stats|summary|xstats) (port_id|all)", "    Display information for port_id, or all.",
                "clear port (stats|xstats) (port_id|all)", "    Clear information for port_id, or all.",
                "show config (rxtx|cores|fwd)", "    Display the given configuration.",
                "show fwd stats all", "    Display statistics for all fwd engines.");
        }
        if (all || s.equals("config"))
        {
            section("Configuration", "set fwd (" + String.join("|", FwdEngines.NAMES) + ") [retry]",
                "    Set packet forwarding mode.",
                "set (nbport|nbcore|burst) (value)", "    Set the number of forwarding ports, cores, or packets per burst.",
                "set (promisc|allmulti) (port_id|all) (on|off)", "    Set the promiscuous / all-multicast mode on port_id, or all.",
                "set link-up port (port_id)", "    Set link up for a port.",
                "set link-down port (port_id)", "    Set link down for a port.",
                "mac_addr set (port_id) (XX:XX:XX:XX:XX:XX)", "    Set the default MAC address of a port.");
        }
        if (all || s.equals("ports"))
        {
            section("Port Operations", "port start|stop|close|reset (port_id|all)", "    Start/stop/close/reset all ports or port_id.",
                "port attach (ident)", "    Attach physical or virtual dev by pci address or virtual device name",
                "port detach (port_id)", "    Detach physical or virtual dev by port_id",
                "port config (port_id|all) mtu (value)", "    Set the MTU of port_id (port config mtu (port_id) (value)).",
                "port config all (rxq|txq|rxd|txd) (value)", "    Set number for rxq/txq/rxd/txd.");
        }
    }

    private void section(final String title, final String... lines)
    {
        out.println();
        out.println(title + ":");
        out.println("-".repeat(title.length() + 1));
        out.println();
        for (int i = 0; i < lines.length; i += 2)
        {
            out.println(lines[i]);
            out.println(lines[i + 1]);
            out.println();
        }
    }
}
