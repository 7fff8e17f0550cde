package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.FlowCtrlConf;
import io.ethdev4j.ethdev.Offloads;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.testpmd.Displays;

import java.util.List;
import java.util.function.LongFunction;

/**
 * The port display commands (cmdline.c: cmd_rx/tx_offload_get_capa, _get_configuration,
 * cmd_show_port_supported_ptypes, cmd_showport_rss_hash, cmd_link_flow_ctrl_show, cmd_showdevice; config.c:
 * port_rss_hash_conf_show, device_infos_display), with DPDK's output.
 */
final class PortInfoCommands extends CommandGroup
{
    private static final String INFO_BORDER = "*********************";
    /** RSS_HASH_KEY_LENGTH: the largest key testpmd reads. */
    private static final int RSS_HASH_KEY_LENGTH = 64;

    PortInfoCommands(final Context c)
    {
        super(c);
    }

    @Override
    List<Command> commands()
    {
        return List.of(
            Command.of("show port <port_id:u16> rx_offload capabilities", "show port (port_id) rx_offload capabilities",
                a -> offloadCapa(a, true)),
            Command.of("show port <port_id:u16> rx_offload configuration", "show port (port_id) rx_offload configuration",
                a -> offloadConf(a, true)),
            Command.of("show port <port_id:u16> tx_offload capabilities", "show port (port_id) tx_offload capabilities",
                a -> offloadCapa(a, false)),
            Command.of("show port <port_id:u16> tx_offload configuration", "show port (port_id) tx_offload configuration",
                a -> offloadConf(a, false)),
            Command.of("show port <port_id:u16> ptypes", "show port (port_id) ptypes", this::ptypes),
            Command.of("show port <port_id:u16> rss-hash [key]", "show port (port_id) rss-hash [key]", this::rssHash),
            Command.of("show port <port_id:u16> flow_ctrl", "show port (port_id) flow_ctrl\tShow flow control info of a port.",
                this::flowCtrl),
            Command.of("show device info <identifier:string>",
                "show device info (<identifier>|all)       Show general information about devices probed.",
                this::deviceInfo));
    }

    /** eth_dev_info_get_print_err. */
    private DevInfo info(final int p)
    {
        if (!ports.isValid(p))
        {
            printInvalidPortId(p);
            err.printf("Error during getting device (port %d) info: %s%n", p, Errno.describe(Errno.ENODEV));
            return null;
        }
        return ports.port(p).info();
    }

    /** print_rx_offloads / print_tx_offloads: " NAME" per bit, lowest first. */
    private void offloads(final long offloads, final LongFunction<String> name)
    {
        for (int bit = 0; bit < 64; bit++)
        {
            if ((offloads & (1L << bit)) != 0)
            {
                out.print(" " + name.apply(1L << bit));
            }
        }
    }

    private void offloadCapa(final Args a, final boolean rx)
    {
        final int p = (int)a.num("port_id");
        final DevInfo info = info(p);
        if (info == null)
        {
            return;
        }
        final long queue = rx ? info.rxQueueOffloadCapa : info.txQueueOffloadCapa;
        final long port = (rx ? info.rxOffloadCapa : info.txOffloadCapa) ^ queue;
        final LongFunction<String> name = rx ? Offloads::rxName : Offloads::txName;
        out.printf("%s Offloading Capabilities of port %d :%n", rx ? "Rx" : "Tx", p);
        out.print("  Per Queue :");
        offloads(queue, name);
        out.println();
        out.print("  Per Port  :");
        offloads(port, name);
        out.printf("%n%n");
    }

    private void offloadConf(final Args a, final boolean rx)
    {
        final int p = (int)a.num("port_id");
        if (!ports.isValid(p))
        {
            printInvalidPortId(p);
            err.printf("Error during getting device configuration (port %d): %s%n", p, Errno.describe(Errno.ENODEV));
            return;
        }
        final EthDev d = ports.port(p);
        final LongFunction<String> name = rx ? Offloads::rxName : Offloads::txName;
        out.printf("%s Offloading Configuration of port %d :%n", rx ? "Rx" : "Tx", p);
        out.print("  Port :");
        offloads(rx ? d.data().conf().rxOffloads : d.data().conf().txOffloads, name);
        out.println();
        final int n = rx ? d.nbRxQueues() : d.nbTxQueues();
        for (int q = 0; q < n; q++)
        {
            out.printf("  Queue[%2d] :", q);
            offloads(rx ? d.data().rxQueueOffloads(q) : d.data().txQueueOffloads(q), name);
            out.println();
        }
        out.println();
    }

    /** cmd_show_port_supported_ptypes: per layer, the types the port recognises or "unsupported". */
    private void ptypes(final Args a)
    {
        final int p = (int)a.num("port_id");
        if (!ports.isValid(p))
        {
            printInvalidPortId(p);
            return;
        }
        final int[] types;
        try
        {
            types = ports.port(p).supportedPtypes();
        }
        catch (final EthDevException ex)
        {
            return;
        }
        final String[] layers = {"L2", "L3", "L4", "Tunnel", "Inner L2", "Inner L3", "Inner L4"};
        for (int l = 0; l < layers.length; l++)
        {
            final int mask = 0xF << (4 * l);
            int n = 0;
            for (final int t : types)
            {
                n += (t & mask) != 0 ? 1 : 0;
            }
            out.println(n > 0 ? "Supported " + layers[l] + " ptypes:" : layers[l] + " ptypes unsupported");
            for (final int t : types)
            {
                if ((t & mask) != 0)
                {
                    out.println(PacketTypes.name(t & mask));
                }
            }
        }
    }

    /** port_rss_hash_conf_show. */
    private void rssHash(final Args a)
    {
        final int p = (int)a.num("port_id");
        if (invalidPort(p))
        {
            return;
        }
        final DevInfo info = ports.port(p).info();
        if (info.hashKeySize <= 0 || info.hashKeySize > RSS_HASH_KEY_LENGTH)
        {
            err.println("dev_info did not provide a valid hash key size");
            return;
        }
        final boolean showKey = a.has(4);
        final byte[] key = showKey ? new byte[info.hashKeySize] : null;
        final long hf;
        try
        {
            hf = ports.port(p).rssHashConf(key);
        }
        catch (final EthDevException ex)
        {
            if (ex.errno() == Errno.ENODEV)
            {
                err.printf("port index %d invalid%n", p);
            }
            else if (ex.errno() == Errno.ENOTSUP)
            {
                err.println("operation not supported by device");
            }
            else
            {
                err.printf("operation failed - diag=%d%n", diag(ex));
            }
            return;
        }
        if (hf == 0)
        {
            out.println("RSS disabled");
            return;
        }
        out.println("RSS functions:");
        Displays.rssTypes(out, hf);
        if (showKey)
        {
            out.println("RSS key:");
            for (final byte b : key)
            {
                out.printf("%02X", b & 0xFF);
            }
            out.println();
        }
    }

    /** cmd_link_flow_ctrl_show. */
    private void flowCtrl(final Args a)
    {
        final int p = (int)a.num("port_id");
        final FlowCtrlConf fc;
        if (!ports.isValid(p))
        {
            printInvalidPortId(p);
            err.printf("Failed to get current flow ctrl information: err = %d%n", -Errno.ENODEV);
            return;
        }
        try
        {
            fc = ports.port(p).flowCtrl();
        }
        catch (final EthDevException ex)
        {
            err.printf("Failed to get current flow ctrl information: err = %d%n", diag(ex));
            return;
        }
        final boolean rxPause = fc.mode() == FlowCtrlConf.FC_RX_PAUSE || fc.mode() == FlowCtrlConf.FC_FULL;
        final boolean txPause = fc.mode() == FlowCtrlConf.FC_TX_PAUSE || fc.mode() == FlowCtrlConf.FC_FULL;
        out.printf("%n%s Flow control infos for port %-2d %s%n", INFO_BORDER, p, INFO_BORDER);
        out.println("FC mode:");
        out.printf("   Rx pause: %s%n", rxPause ? "on" : "off");
        out.printf("   Tx pause: %s%n", txPause ? "on" : "off");
        out.printf("Autoneg: %s%n", fc.autoneg() ? "on" : "off");
        out.printf("Pause time: 0x%x%n", fc.pauseTime());
        out.printf("High waterline: 0x%x%n", fc.highWater());
        out.printf("Low waterline: 0x%x%n", fc.lowWater());
        out.printf("Send XON: %s%n", fc.sendXon() ? "on" : "off");
        out.printf("Forward MAC control frames: %s%n", fc.macCtrlFrameFwd() ? "on" : "off");
        out.printf("%n%s**************   End  ***********%s%n", INFO_BORDER, INFO_BORDER);
    }

    /**
     * device_infos_display: per device (one per port here) its bus, driver, devargs and NUMA node, then its port.
     * {@code all} shows every device; otherwise the devices whose name the identifier starts with.
     */
    private void deviceInfo(final Args a)
    {
        final String id = a.text("identifier");
        final boolean all = id.equals("all");
        final String name = all ? null : id.split(",", 2)[0];
        for (final int p : ports.ids())
        {
            final EthDev d = ports.port(p);
            if (name != null && !name.startsWith(d.name()))
            {
                continue;
            }
            out.printf("%n%s Infos for device %s %s%n", INFO_BORDER, d.name(), INFO_BORDER);
            out.printf("Bus name: %s", d.data().busName());
            out.printf("%nBus information: %s", "");
            out.printf("%nDriver name: %s", d.driverName());
            out.printf("%nDevargs: %s", d.data().devargs());
            out.printf("%nConnect to socket: %d", d.data().numaNode());
            out.println();
            out.printf("%n\tPort id: %-2d", p);
            out.printf("%n\tMAC address: %s", d.macAddr());
            out.printf("%n\tDevice name: %s", d.name());
            out.print("\n\tDevice speed capability:");
            speeds(d.info().speedCapa);
            out.println();
        }
    }

    /** device_infos_display_speeds (RTE_ETH_LINK_SPEED_* bits). */
    private void speeds(final long capa)
    {
        if (capa == 0)
        {
            out.print(" Autonegotiate (all speeds)");
        }
        final String[] names = {" Disable autonegotiate (fixed speed)  ", " 10 Mbps half-duplex  ", " 10 Mbps full-duplex  ",
            " 100 Mbps half-duplex  ", " 100 Mbps full-duplex  ", " 1 Gbps  ", " 2.5 Gbps  ", " 5 Gbps  ", " 10 Gbps  ",
            " 20 Gbps  ", " 25 Gbps  ", " 40 Gbps  ", " 50 Gbps  ", " 56 Gbps  ", " 100 Gbps  ", " 200 Gbps  "};
        for (int bit = 0; bit < names.length; bit++)
        {
            if ((capa & (1L << bit)) != 0)
            {
                out.print(names[bit]);
            }
        }
    }
}
