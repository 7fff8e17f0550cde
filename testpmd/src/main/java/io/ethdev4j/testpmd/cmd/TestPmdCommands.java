package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.Xstat;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.testpmd.Displays;
import io.ethdev4j.testpmd.FwdControl;
import io.ethdev4j.testpmd.PortControl;
import io.ethdev4j.testpmd.TestPmdConfig;
import io.ethdev4j.testpmd.fwd.FwdEngines;

import java.io.PrintStream;
import java.util.List;

import static io.ethdev4j.testpmd.cmd.HelpSection.CONFIG;
import static io.ethdev4j.testpmd.cmd.HelpSection.CONTROL;
import static io.ethdev4j.testpmd.cmd.HelpSection.DISPLAY;
import static io.ethdev4j.testpmd.cmd.HelpSection.PORTS;

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
        return List.of(
            Command.of("help [" + HelpSection.choices() + "]", null,
                "help [" + HelpSection.choices() + "]", "Show the help sections, or one of them.",
                this::help),

            // ---- Control forwarding
            Command.of("start", CONTROL,
                "start", "Start packet forwarding with current configuration.",
                a -> fwd.start(0)),
            Command.of("start tx_first [<packets:1..2147483647>]", CONTROL,
                "start tx_first (packets)",
                "Start packet forwarding with current config after sending specified number of bursts of packets.",
                a -> fwd.start(a.has(2) ? (int)a.num("packets") : 1)),
            Command.of("stop", CONTROL,
                "stop", "Stop packet forwarding, and display accumulated statistics.",
                a -> fwd.stop()),
            Command.of("quit", CONTROL,
                "quit", "Quit to prompt.",
                a -> quit.run()),

            // ---- Display
            Command.of("show port info|stats|summary|xstats <port_id:port|all>", DISPLAY,
                "show port (info|stats|summary|xstats) (port_id|all)", "Display information for port_id, or all.",
                this::showPort),
            Command.of("clear port stats|xstats <port_id:port|all>", DISPLAY,
                "clear port (stats|xstats) (port_id|all)", "Clear information for port_id, or all.",
                this::clearPort),
            Command.of("show config rxtx|cores|fwd|txpkts", DISPLAY,
                "show config (rxtx|cores|fwd|txpkts)", "Display the given configuration.",
                this::showConfig),
            Command.of("show fwd stats all", DISPLAY,
                "show fwd stats all", "Display statistics for all fwd engines.",
                a -> fwd.showStats()),
            Command.of("clear fwd stats all", DISPLAY,
                "clear fwd stats all", "Clear statistics for all fwd engines.",
                a -> fwd.clearStats()),
            Command.of("show port <port_id:port> macs|mcast_macs", DISPLAY,
                "show port (port_id) macs|mcast_macs", "Display list of mac addresses added to port.",
                this::showMacs),

            // ---- Configuration
            Command.of("set fwd " + String.join("|", FwdEngines.NAMES) + " [retry]", CONFIG,
                "set fwd (" + String.join("|", FwdEngines.NAMES) + ") [retry]", "Set packet forwarding mode.",
                this::setFwd),
            Command.of("set nbport|nbcore|burst <value:u16>", CONFIG,
                "set (nbport|nbcore|burst) (value)", "Set the number of forwarding ports, cores, or packets per burst.",
                this::setNumber),
            Command.of("csum show <port_id:port>", CONFIG,
                "csum show (port_id)", "Display tx checksum offload configuration",
                this::csumShow),
            Command.of("set verbose <level:u16>", CONFIG,
                "set verbose (level)", "Set the debug verbosity level X.",
                this::setVerbose),
            Command.of("set record-core-cycles on|off", CONFIG,
                "set record-core-cycles on|off", "Set the option to enable measurement of CPU cycles.",
                a -> config.recordCoreCycles(a.word(2).equals("on"))),
            Command.of("set record-burst-stats on|off", CONFIG,
                "set record-burst-stats on|off", "Set the option to enable display of RX and TX bursts.",
                a -> config.recordBurstStats(a.word(2).equals("on"))),
            Command.of("set flush_rx on|off", CONFIG,
                "set flush_rx (on|off)", "Flush (default) or don't flush RX streams before forwarding. Mainly used " +
                "with PCAP drivers.",
                a -> config.noFlushRx(a.word(2).equals("off"))),
            Command.of("set promisc|allmulti <port_id:port|all> on|off", CONFIG,
                "set (promisc|allmulti) (port_id|all) (on|off)", "Set the promiscuous / all-multicast mode on port_id, or all.",
                this::setPromiscAllmulti),
            Command.of("set link-up port <port_id:port>", CONFIG,
                "set link-up port (port_id)", "Set link up for a port.",
                a -> setLink(a.port("port_id"), true)),
            Command.of("set link-down port <port_id:port>", CONFIG,
                "set link-down port (port_id)", "Set link down for a port.",
                a -> setLink(a.port("port_id"), false)),
            Command.of("mac_addr set <port_id:port> <mac:mac>", CONFIG,
                "mac_addr set (port_id) (XX:XX:XX:XX:XX:XX)", "Set the default MAC address of a port.",
                this::setMacAddr),

            // ---- Port Operations
            Command.of("port start|stop|close|reset <port_id:port|all>", PORTS,
                "port start|stop|close|reset (port_id|all)", "Start/stop/close/reset all ports or port_id.",
                this::operatePort),
            Command.of("port attach <identifier:string>", PORTS,
                "port attach (ident)", "Attach physical or virtual dev by pci address or virtual device name",
                a -> ports.attach(a.text("identifier"))),
            Command.of("port detach <port_id:port>", PORTS,
                "port detach (port_id)", "Detach physical or virtual dev by port_id",
                a -> ports.detach(a.port("port_id"))),
            Command.of("port config mtu <port_id:port> <value:u16>", PORTS,
                "port config (port_id|all) mtu (value)", "Set the MTU of port_id (port config mtu (port_id) (value)).",
                this::setMtu),
            Command.of("port config all rxq|txq|rxd|txd <value:u16>", PORTS,
                "port config all (rxq|txq|rxd|txd) (value)", "Set number for rxq/txq/rxd/txd.",
                this::configRxTx),
            Command.of("port config all max-pkt-len <value:u32>", PORTS,
                "port config all max-pkt-len (value)", "Set the max packet length.",
                this::configMaxPktLen),
            Command.of("port config all burst <value:u16>", PORTS,
                "port config all burst (value)", "Set the number of packets per burst.",
                this::configBurst),

            // ---- Debug
            Command.of("dump_mempool", DISPLAY,
                "dump_mempool", "Dump the mbuf pools: size, cache and the mbufs in use (a leak shows here).",
                a -> dumpMempool()));
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
                        out.printf("%s: %d%n", x.name(), x.value());
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
                // show_tx_pkt_segments: one segment of the txonly packet length, no split
                out.printf("Number of segments: 1%nSegment sizes: %d%nSplit packet: off%n", config.txPktLen());
                break;
            default:
                fwd.showConfigFwd();
                break;
        }
    }

    /**
     * csum show (port_id): a stopped port only; csum computes every checksum in software here (no tunnel parsing,
     * no tx checksum offload is requested), as DPDK's shows for a port without the offloads.
     */
    private void csumShow(final Args a)
    {
        final int p = a.port("port_id");
        if (!validPort(p))
        {
            return;
        }
        if (ports.port(p).isStarted())
        {
            err.printf("Please stop port %d first%n", p);
            return;
        }
        ports.markReconfig(p);  // cmd_reconfig_device_queue: the tx offloads are applied at the next start
        out.printf("Parse tunnel is off%nIP checksum offload is sw%nUDP checksum offload is sw%n" +
            "TCP checksum offload is sw%nSCTP checksum offload is sw%nOuter-Ip checksum offload is sw%n" +
            "Outer-Udp checksum offload is sw%n");
    }

    /** set verbose: the level is kept (the engines print nothing per packet here). */
    private void setVerbose(final Args a)
    {
        final int level = (int)a.num("level");
        out.printf("Change verbose level from %d to %d%n", config.verbose(), level);
        config.verbose(level);
    }

    /** show port (port_id) macs|mcast_macs: the port's MAC (one address: no mac_addr add) / no multicast list. */
    private void showMacs(final Args a)
    {
        final int p = a.port("port_id");
        if (!validPort(p))
        {
            return;
        }
        if (a.word(3).equals("macs"))
        {
            out.printf("Number of MAC address added: 1%n  %s%n", ports.port(p).macAddr());
        }
        else
        {
            out.println("Number of Multicast MAC address added: 0");
        }
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

    private void setMacAddr(final Args a)
    {
        final int p = a.port("port_id");
        if (!validPort(p))
        {
            return;
        }
        try
        {
            ports.port(p).setMacAddr(a.mac("mac"));
        }
        catch (final EthDevException ex)
        {
            err.printf("mac_addr_cmd error: (%s)%n", Displays.strerror(ex));
        }
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

    /**
     * dump_mempool, in rte_mempool_dump's layout for what this pool has; beyond DPDK, the mbufs in use, so that a
     * leak can be seen from the shell.
     */
    private void dumpMempool()
    {
        final MbufPool pool = ports.pool();
        out.printf("mempool <%s>@0x%x%n", pool.name(), pool.baseAddress());
        out.printf("  socket_id=0%n  size=%d%n  populated_size=%d%n  elt_size=%d%n", pool.size(), pool.size(),
            pool.elementSize());
        out.printf("  ops_name: <ring_mp_mc>%n  internal cache infos:%n    cache_size=%d%n", pool.cacheSize());
        out.printf("  common_pool_count=%d%n  in_use_count=%d%n", pool.available(), pool.inUse());
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
