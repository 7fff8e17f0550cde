package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.Xstat;
import io.ethdev4j.testpmd.Displays;
import io.ethdev4j.testpmd.FwdControl;
import io.ethdev4j.testpmd.PortControl;
import io.ethdev4j.testpmd.TestPmdConfig;
import io.ethdev4j.testpmd.fwd.FwdEngines;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;


/**
 * testpmd's commands (app/test-pmd/cmdline.c): the one table of templates, help texts and handlers. Handlers print
 * what DPDK's print and act through the {@link TestPmdConfig} (settings), {@link PortControl} (ports) and
 * {@link FwdControl} (forwarding).
 * <p>
 * To add a command, add one {@link Command#of} entry to {@link #commands()} in the section and place {@code help}
 * lists it: completion, dispatch and help follow. Its help text is DPDK's, verbatim.
 */
public final class TestPmdCommands
{
    private final TestPmdConfig config;
    private final PortControl ports;
    private final FwdControl fwd;
    private final PrintStream out;
    private final PrintStream err;
    private final Runnable quit;
    private final CommandTable table;

    private TestPmdCommands(final TestPmdConfig config, final PortControl ports, final FwdControl fwd,
        final PrintStream out, final PrintStream err, final Runnable quit)
    {
        this.config = config;
        this.ports = ports;
        this.fwd = fwd;
        this.out = out;
        this.err = err;
        this.quit = quit;
        final List<Command> all = new java.util.ArrayList<>(commands());
        all.addAll(LatencyCommands.of(fwd, ports, out, err));
        this.table = new CommandTable(all);
    }

    /**
     * The command table acting on these objects.
     *
     * @param quit stops forwarding and the ports and releases testpmd ({@code quit})
     */
    public static CommandTable table(final TestPmdConfig config, final PortControl ports, final FwdControl fwd,
        final PrintStream out, final PrintStream err, final Runnable quit)
    {
        return new TestPmdCommands(config, ports, fwd, out, err, quit).table;
    }

    private List<Command> commands()
    {
        final List<Command> list = new ArrayList<>(List.of(
            Command.of("help [" + HelpSection.choices() + "]", null, this::help),

            // ---- Control forwarding
            Command.of("start", "start", a -> fwd.start(0)),
            Command.of("start tx_first [<packets:1..2147483647>]", "start tx_first",
                a -> fwd.start(a.has(2) ? (int)a.num("packets") : 1)),
            Command.of("stop", "stop", a -> fwd.stop()),
            Command.of("quit", "quit", a -> quit.run()),

            // ---- Display
            Command.of("show port info|stats|summary|xstats <port_id:port|all>",
                "show port (info|stats|summary|xstats|fdir|dcb_tc) (port_id|all)", this::showPort),
            Command.of("clear port stats|xstats <port_id:port|all>", "clear port (info|stats|xstats|fdir) (port_id|all)",
                this::clearPort),
            Command.of("show config rxtx|cores|fwd|rxpkts|txpkts", "show config (rxtx|cores|fwd|rxoffs|rxpkts|rxhdrs|txpkts)",
                this::showConfig),
            Command.of("show fwd stats all", "show fwd stats all", a -> fwd.showStats()),
            Command.of("clear fwd stats all", "clear fwd stats all", a -> fwd.clearStats()),

            // ---- Configuration
            Command.of("set fwd " + String.join("|", FwdEngines.NAMES) + " [retry]",
                "set fwd (io|mac|macswap|flowgen|rxonly|txonly|csum|icmpecho|noisy|5tswap|shared_rxq)", this::setFwd),
            Command.of("set nbport <value:u16>", "set nbport (num)", this::setNumber),
            Command.of("set nbcore <value:u16>", "set nbcore (num)", this::setNumber),
            Command.of("set burst <value:u16>", "set burst (num)", this::setNumber),
            Command.of("set verbose <level:u16>", "set verbose (level)", this::setVerbose),
            // help lists these two in the entry of set xstats-hide-zero
            Command.of("set record-core-cycles on|off", null, a -> config.recordCoreCycles(a.word(2).equals("on"))),
            Command.of("set record-burst-stats on|off", null, a -> config.recordBurstStats(a.word(2).equals("on"))),
            Command.of("set flush_rx on|off", "set flush_rx (on|off)", a -> config.noFlushRx(a.word(2).equals("off"))),
            Command.of("set promisc <port_id:port|all> on|off", "set promisc (port_id|all) (on|off)",
                this::setPromiscAllmulti),
            Command.of("set allmulti <port_id:port|all> on|off", "set allmulti (port_id|all) (on|off)",
                this::setPromiscAllmulti),
            Command.of("set link-up port <port_id:port>", "set link-up port (port_id)", a -> setLink(a.port("port_id"), true)),
            Command.of("set link-down port <port_id:port>", "set link-down port (port_id)",
                a -> setLink(a.port("port_id"), false)),

            // ---- Port Operations
            Command.of("port start <port_id:port|all>", "port start (port_id|all)", this::operatePort),
            Command.of("port stop <port_id:port|all>", "port stop (port_id|all)", this::operatePort),
            Command.of("port close <port_id:port|all>", "port close (port_id|all)", this::operatePort),
            Command.of("port reset <port_id:port|all>", "port reset (port_id|all)", this::operatePort),
            Command.of("port attach <identifier:string>", "port attach (ident)", a -> ports.attach(a.text("identifier"))),
            Command.of("port detach <port_id:port>", "port detach (port_id)", a -> ports.detach(a.port("port_id"))),
            Command.of("port config mtu <port_id:port> <value:u16>", "port config mtu X value", this::setMtu),
            Command.of("port config all rxq|txq|rxd|txd <value:u16>", "port config all (rxq|txq|rxd|txd) (value)",
                this::configRxTx),
            Command.of("port config all max-pkt-len <value:u32>", "port config all max-pkt-len (value)",
                this::configMaxPktLen),
            Command.of("port config all burst <value:u16>", "port config all burst (value)", this::configBurst)));
        final CommandGroup.Context c = new CommandGroup.Context(config, ports, fwd, out, err);
        for (final CommandGroup g : List.of(new ConfigCommands(c), new QueueCommands(c), new PortInfoCommands(c),
            new AddressCommands(c), new VlanCommands(c), new CsumCommands(c), new DumpCommands(c)))
        {
            list.addAll(g.commands());
        }
        return list;
    }

    // ------------------------------------------------------------------ handlers

    private void help(final Args a)
    {
        if (!a.has(1))
        {
            table.printHelp(out);
            return;
        }
        for (final HelpSection s : HelpSection.values())
        {
            if (a.word(1).equals("all") || a.word(1).equals(s.word))
            {
                table.printHelp(out, s);
            }
        }
    }

    /** The {@code port_id} argument: an id, or {@link PortControl#ALL}. */
    private static int portArg(final Args a)
    {
        final int p = a.port("port_id");
        return p == Token.ALL_PORTS ? PortControl.ALL : p;
    }

    /** port_id_is_invalid(ENABLED_WARN). */
    private boolean validPort(final int p)
    {
        if (ports.isValid(p))
        {
            return true;
        }
        err.printf("Invalid port %d%n", p);
        return false;
    }

    private void showPort(final Args a)
    {
        final String what = a.word(2);
        if (what.equals("summary"))
        {
            out.printf("Number of available ports: %d%n", ports.count());
            out.println("Port MAC Address       Name         Driver         Status   Link");
        }
        for (final int p : ports.ids(portArg(a)))
        {
            if (!ports.isValid(p))
            {
                err.printf("Invalid port %d%n", p);
                ports.printValidPorts();
                continue;
            }
            final EthDev d = ports.port(p);
            switch (what)
            {
                case "info":
                    Displays.portInfo(out, d);
                    break;
                case "summary":
                    Displays.portSummaryLine(out, d);
                    break;
                case "stats":
                    ports.showStats(p);
                    break;
                default:
                    out.printf("###### NIC extended statistics for port %-2d%n", p);
                    for (final Xstat x : d.xstats())
                    {
                        if (!config.xstatsHideZero() || x.value() != 0)
                        {
                            out.printf("%s: %d%n", x.name(), x.value());
                        }
                    }
                    break;
            }
        }
    }

    private void clearPort(final Args a)
    {
        for (final int p : ports.ids(portArg(a)))
        {
            if (!validPort(p))
            {
                continue;
            }
            if (a.word(2).equals("stats"))
            {
                ports.clearStats(p);
            }
            else
            {
                ports.port(p).xstatsReset();
                out.printf("%n  NIC extended statistics for port %d cleared%n", p);
            }
        }
    }

    private void showConfig(final Args a)
    {
        switch (a.word(2))
        {
            case "rxtx":
                fwd.showConfigRxtx();
                break;
            case "cores":
                fwd.showConfigCores();
                break;
            case "txpkts":
            {
                // show_tx_pkt_segments
                final int[] segs = config.txSegments();
                final StringBuilder sizes = new StringBuilder();
                for (int i = 0; i < segs.length; i++)
                {
                    sizes.append(i == 0 ? "" : ",").append(segs[i]);
                }
                out.printf("Number of segments: %d%nSegment sizes: %s%nSplit packet: %s%n", segs.length, sizes,
                    config.txSplit());
                break;
            }
            case "rxpkts":
                // show_rx_pkt_segments: no rx buffer split here (set rxpkts is not implemented)
                out.println("Number of segments: 0");
                break;
            default:
                fwd.showConfigFwd();
                break;
        }
    }

    /** set verbose: the level is kept (the engines print nothing per packet here). */
    private void setVerbose(final Args a)
    {
        final int level = (int)a.num("level");
        out.printf("Change verbose level from %d to %d%n", config.verbose(), level);
        config.verbose(level);
    }

    private void setFwd(final Args a)
    {
        final boolean retry = a.has(3);
        config.setFwdMode(a.word(2), retry);
        out.printf("Set %s packet forwarding mode%s%n", a.word(2), retry ? " with retry" : "");
    }

    private void setNumber(final Args a)
    {
        final int n = (int)a.num("value");
        switch (a.word(1))
        {
            case "nbcore":
                config.setNbFwdLcores(n);
                out.printf("Number of forwarding cores set to %d%n", n);
                fwd.setup();
                break;
            case "nbport":
                config.setNbFwdPorts(n);
                out.printf("Number of forwarding ports set to %d%n", n);
                fwd.setup();
                break;
            default:
                out.printf("Number of packets per burst set to %d%n", config.setBurst(n));
                break;
        }
    }

    private void setPromiscAllmulti(final Args a)
    {
        final boolean promisc = a.word(1).equals("promisc");
        final boolean on = a.word(3).equals("on");
        final String mode = promisc ? "promiscuous" : "all-multicast";
        final String doing = on ? "enabling" : "disabling";
        for (final int p : ports.ids(portArg(a)))
        {
            if (!ports.isValid(p))
            {
                err.printf("Invalid port_id=%d%n", p);
                err.printf("Error during %s %s mode for port %d: No such device%n", doing, mode, p);
                continue;
            }
            final EthDev d = ports.port(p);
            try
            {
                if (promisc && on)
                {
                    d.promiscuousEnable();
                }
                else if (promisc)
                {
                    d.promiscuousDisable();
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
                err.printf("Error during %s %s mode for port %d: %s%n", doing, mode, p, Displays.strerror(ex));
            }
        }
    }

    private void setLink(final int p, final boolean up)
    {
        try
        {
            if (!ports.isValid(p))
            {
                err.printf("Invalid port_id=%d%n", p);
            }
            else if (up)
            {
                ports.port(p).setLinkUp();
                return;
            }
            else
            {
                ports.port(p).setLinkDown();
                return;
            }
        }
        catch (final RuntimeException ex)
        {
            // reported below, as DPDK reports any failure
        }
        err.printf("%nSet link %s fail.%n", up ? "up" : "down");
    }

    private void operatePort(final Args a)
    {
        final int which = portArg(a);
        if (which != PortControl.ALL && !ports.isValid(which))
        {
            err.printf("Invalid port %d%n", which);
            return;
        }
        switch (a.word(1))
        {
            case "start":
                ports.start(which, false);
                break;
            case "stop":
                ports.stop(which);
                break;
            case "close":
                ports.close(which);
                break;
            default:
                ports.reset(which);
                break;
        }
    }

    private void setMtu(final Args a)
    {
        final int p = a.port("port_id");
        if (!validPort(p))
        {
            return;
        }
        final long mtu = a.num("value");
        final DevInfo info = ports.port(p).info();
        if (mtu < info.minMtu)
        {
            err.printf("MTU (%d) < device min MTU (%d) for port_id %d%n", mtu, info.minMtu, p);
            return;
        }
        if (mtu > info.maxMtu)
        {
            err.printf("MTU (%d) > device max MTU (%d) for port_id %d%n", mtu, info.maxMtu, p);
            return;
        }
        try
        {
            ports.port(p).setMtu((int)mtu);
        }
        catch (final EthDevException ex)
        {
            err.printf("Set MTU failed. diag=%d%n", ex.diag());
        }
    }

    private boolean allPortsStopped()
    {
        for (final int p : ports.ids())
        {
            if (ports.port(p).isStarted())
            {
                err.println("Please stop all ports first");
                return false;
            }
        }
        return true;
    }

    /** cmd_config_max_pkt_len: the MTU of every port becomes value - 18 at its next start. */
    private void configMaxPktLen(final Args a)
    {
        if (!allPortsStopped())
        {
            return;
        }
        final long n = a.num("value");
        if (n < 64)
        {
            err.println("max-pkt-len can not be less than 64");
            return;
        }
        config.maxPktLenSetting((int)Math.min(n, Integer.MAX_VALUE));
        ports.markAllReconfig();
    }

    /** cmd_config_burst: 0 asks port 0 for its recommended burst. */
    private void configBurst(final Args a)
    {
        if (!allPortsStopped())
        {
            return;
        }
        int n = (int)a.num("value");
        if (n == 0)
        {
            final int rec = ports.isValid(0) ? ports.port(0).info().defaultRxBurstSize : 0;
            if (rec == 0)
            {
                out.printf("PMD does not recommend a burst size.%nUser provided value must be between 1 and %d%n",
                    TestPmdConfig.MAX_PKT_BURST);
                return;
            }
            if (rec > TestPmdConfig.MAX_PKT_BURST)
            {
                out.printf("PMD recommended burst size of %d exceeds maximum value of %d%n", rec,
                    TestPmdConfig.MAX_PKT_BURST);
                return;
            }
            out.printf("Using PMD-provided burst value of %d%n", rec);
            n = rec;
        }
        else if (n > TestPmdConfig.MAX_PKT_BURST)
        {
            err.printf("burst must be >= 1 && <= %d%n", TestPmdConfig.MAX_PKT_BURST);
            return;
        }
        config.setBurst(n);
        ports.markAllReconfig();
    }

    private void configRxTx(final Args a)
    {
        final int n = (int)a.num("value");
        for (final int p : ports.ids())
        {
            if (ports.port(p).isStarted())
            {
                err.println("Please stop all ports first");
                return;
            }
        }
        final String what = a.word(3);
        switch (what)
        {
            case "rxq":
            case "txq":
            {
                final boolean rx = what.equals("rxq");
                if (n == 0)
                {
                    err.println("Warning: Either rx or tx queues should be non-zero");
                }
                if (ports.checkNbQueues(rx, n) >= 0)
                {
                    return;
                }
                if (rx)
                {
                    config.setNbRxq(n);
                }
                else
                {
                    config.setNbTxq(n);
                }
                break;
            }
            case "rxd":
                config.setNbRxd(n);
                break;
            default:
                config.setNbTxd(n);
                break;
        }
        ports.markAllReconfig();
        fwd.setup();
    }
}
