package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.testpmd.PortState;

import java.util.List;

/**
 * The address commands (cmdline.c: cmd_mac_addr, cmd_mcast_addr, cmd_showport_macs; config.c: mcast_addr_add/remove,
 * show_macs, show_mcast_macs): the port's receive addresses, and the multicast list testpmd keeps per port and hands
 * to the port whole each time it changes (rte_eth_dev_set_mc_addr_list).
 */
final class AddressCommands extends CommandGroup
{
    AddressCommands(final Context c)
    {
        super(c);
    }

    @Override
    List<Command> commands()
    {
        return List.of(
            Command.of("mac_addr add <port_id:u16> <mac:mac>", "mac_addr add (port_id) (XX:XX:XX:XX:XX:XX)", this::macAddr),
            Command.of("mac_addr remove <port_id:u16> <mac:mac>", "mac_addr remove (port_id) (XX:XX:XX:XX:XX:XX)",
                this::macAddr),
            Command.of("mac_addr set <port_id:u16> <mac:mac>", "mac_addr set (port_id) (XX:XX:XX:XX:XX:XX)", this::macAddr),
            Command.of("mcast_addr add <port_id:u16> <mac:mac>", "mcast_addr add (port_id) (mcast_addr)", this::mcastAddr),
            Command.of("mcast_addr remove <port_id:u16> <mac:mac>", "mcast_addr remove (port_id) (mcast_addr)",
                this::mcastAddr),
            Command.of("show port <port_id:u16> macs|mcast_macs",
                "show port (port_id) macs|mcast_macs       Display list of mac addresses added to port.", this::showMacs));
    }

    /** cmd_mac_addr_parsed: add / remove / set, "mac_addr_cmd error: (strerror)" on failure. */
    private void macAddr(final Args a)
    {
        final int p = (int)a.num("port_id");
        final MacAddress mac = a.mac("mac");
        if (!ports.isValid(p))
        {
            printInvalidPortId(p);
            err.printf("mac_addr_cmd error: (%s)%n", Errno.describe(Errno.ENODEV));
            return;
        }
        try
        {
            switch (a.word(1))
            {
                case "add":
                    ports.port(p).macAddrAdd(mac);
                    break;
                case "remove":
                    ports.port(p).macAddrRemove(mac);
                    break;
                default:
                    ports.port(p).setMacAddr(mac);
                    break;
            }
        }
        catch (final EthDevException ex)
        {
            if (ex.errno() != Errno.EINVAL || !a.word(1).equals("set"))
            {
                printEthdevLog(ex);
            }
            err.printf("mac_addr_cmd error: (%s)%n", strerror(ex));
        }
    }

    /** cmd_mcast_addr_parsed → mcast_addr_add / mcast_addr_remove. */
    private void mcastAddr(final Args a)
    {
        final int p = (int)a.num("port_id");
        final MacAddress mac = a.mac("mac");
        if (!mac.isMulticast())
        {
            err.printf("Invalid multicast addr %s%n", mac);
            return;
        }
        if (invalidPort(p))
        {
            return;
        }
        final PortState st = ports.state(p);
        final int i = st.mcAddrs.indexOf(mac);
        if (a.word(1).equals("add"))
        {
            if (i >= 0)
            {
                err.println("multicast address already filtered by port");
                return;
            }
            st.mcAddrs.add(mac);
            if (!setList(p, st))
            {
                st.mcAddrs.remove(st.mcAddrs.size() - 1);
            }
        }
        else
        {
            if (i < 0)
            {
                err.printf("multicast address not filtered by port %d%n", p);
                return;
            }
            st.mcAddrs.remove(i);
            if (!setList(p, st))
            {
                st.mcAddrs.add(mac);
            }
        }
    }

    /** eth_port_multicast_addr_list_set. */
    private boolean setList(final int p, final PortState st)
    {
        try
        {
            ports.port(p).setMcAddrList(st.mcAddrs);
            return true;
        }
        catch (final EthDevException ex)
        {
            err.printf("rte_eth_dev_set_mc_addr_list(port=%d, nb=%d) failed. diag=%d%n", p, st.mcAddrs.size(), diag(ex));
            return false;
        }
    }

    /** show_macs / show_mcast_macs. */
    private void showMacs(final Args a)
    {
        final int p = (int)a.num("port_id");
        if (invalidPort(p))
        {
            return;
        }
        if (a.word(3).equals("macs"))
        {
            final List<MacAddress> macs = ports.port(p).macAddrs().stream().filter(m -> !m.isZero()).toList();
            out.printf("Number of MAC address added: %d%n", macs.size());
            for (final MacAddress m : macs)
            {
                out.printf("  %s%n", m);
            }
            return;
        }
        final List<MacAddress> mc = ports.state(p).mcAddrs;
        out.printf("Number of Multicast MAC address added: %d%n", mc.size());
        for (final MacAddress m : mc)
        {
            out.printf("  %s%n", m);
        }
    }
}
