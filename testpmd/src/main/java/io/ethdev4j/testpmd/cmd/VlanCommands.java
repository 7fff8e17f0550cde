package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.Offloads;
import io.ethdev4j.testpmd.PortState;

import java.util.List;

/**
 * The VLAN commands (cmdline.c: cmd_vlan_offload, cmd_vlan_tpid, cmd_rx_vlan_filter(_all), cmd_tx_vlan_set(_qinq),
 * cmd_tx_vlan_set_pvid, cmd_tx_vlan_reset; config.c: rx_vlan_*_set, rx_vft_set, vlan_tpid_set, tx_vlan_*), as far as
 * the driver permits: where it does not, DPDK's error, ethdev's log line included.
 */
final class VlanCommands extends CommandGroup
{
    VlanCommands(final Context c)
    {
        super(c);
    }

    @Override
    List<Command> commands()
    {
        return List.of(
            Command.of("vlan set strip|filter|qinq_strip|extend on|off <port_id:string>",
                "vlan set (strip|filter|qinq_strip|extend) (on|off) (port_id)", this::vlanOffload),
            Command.of("vlan set stripq on|off <port_id:string>", "vlan set stripq (on|off) (port_id,queue_id)",
                this::vlanOffload),
            Command.of("vlan set inner|outer tpid <tp_id:u16> <port_id:u16>", "vlan set (inner|outer) tpid (value) (port_id)",
                this::vlanTpid),
            Command.of("rx_vlan add|rm <vlan_id:u16> <port_id:u16>", "rx_vlan add (vlan_id|all) (port_id)", this::rxVlan),
            Command.of("rx_vlan add|rm all <port_id:u16>", "rx_vlan rm (vlan_id|all) (port_id)", this::rxVlanAll),
            Command.of("tx_vlan set <port_id:u16> <vlan_id:u16> [<vlan_id_outer:u16>]",
                "tx_vlan set (port_id) vlan_id[, vlan_id_outer]", this::txVlanSet),
            Command.of("tx_vlan set pvid <port_id:u16> <vlan_id:u16> on|off", "tx_vlan set pvid port_id vlan_id (on|off)",
                this::txVlanPvid),
            Command.of("tx_vlan reset <port_id:u16>", "tx_vlan reset (port_id)", this::txVlanReset));
    }

    /** cmd_vlan_offload_parsed: the port id (and for stripq the queue) from "port[,queue]". */
    private void vlanOffload(final Args a)
    {
        final String str = a.text("port_id");
        final int comma = str.indexOf(',');
        final long port = strtoul(comma < 0 ? str : str.substring(0, comma));
        if (port >= ConfigCommands.MAX_ETHPORTS)
        {
            return;
        }
        final int p = (int)port;
        final boolean on = a.word(3).equals("on");
        final String what = a.word(2);
        if (what.equals("stripq"))
        {
            if (comma < 0 || comma + 1 >= str.length())
            {
                err.println("must specify (port,queue_id)");
                return;
            }
            final long q = strtoul(str.substring(comma + 1));
            if (q > 0xFFFF || invalidPort(p))
            {
                return;
            }
            try
            {
                ports.port(p).setVlanStripOnQueue((int)q, on);
            }
            catch (final EthDevException ex)
            {
                printEthdevLog(ex);
                err.printf("rx_vlan_strip_set_on_queue(port_pi=%d, queue_id=%d, on=%d) failed diag=%d%n", p, q, on ? 1 : 0,
                    diag(ex));
            }
            return;
        }
        if (invalidPort(p))
        {
            return;
        }
        final long rxBit;
        final int offloadBit;
        final String func;
        switch (what)
        {
            case "strip":
                rxBit = Offloads.RX_VLAN_STRIP;
                offloadBit = Offloads.VLAN_STRIP_OFFLOAD;
                func = "rx_vlan_strip_set";
                break;
            case "filter":
                rxBit = Offloads.RX_VLAN_FILTER;
                offloadBit = Offloads.VLAN_FILTER_OFFLOAD;
                func = "rx_vlan_filter_set";
                break;
            case "qinq_strip":
                rxBit = Offloads.RX_QINQ_STRIP;
                offloadBit = Offloads.QINQ_STRIP_OFFLOAD;
                func = "rx_vlan_qinq_strip_set";
                break;
            default:
                rxBit = Offloads.RX_VLAN_EXTEND;
                offloadBit = Offloads.VLAN_EXTEND_OFFLOAD;
                func = "rx_vlan_extend_set";
                break;
        }
        final EthDev d = ports.port(p);
        final int mask = on ? d.vlanOffload() | offloadBit : d.vlanOffload() & ~offloadBit;
        try
        {
            d.setVlanOffload(mask);
        }
        catch (final EthDevException ex)
        {
            printEthdevLog(ex);
            err.printf("%s(port_pi=%d, on=%d) failed diag=%d%n", func, p, on ? 1 : 0, diag(ex));
            return;
        }
        final PortState st = ports.state(p);
        st.rxOffloads = on ? st.rxOffloads | rxBit : st.rxOffloads & ~rxBit;
    }

    /** strtoul(s, NULL, 0): the leading number (0x hex, 0 octal, decimal); 0 when none. */
    private static long strtoul(final String s)
    {
        int radix = 10;
        int i = 0;
        if (s.startsWith("0x") || s.startsWith("0X"))
        {
            radix = 16;
            i = 2;
        }
        else if (s.startsWith("0"))
        {
            radix = 8;
        }
        long v = 0;
        for (; i < s.length(); i++)
        {
            final int digit = Character.digit(s.charAt(i), radix);
            if (digit < 0)
            {
                break;
            }
            v = Math.min(v * radix + digit, 0xFFFF_FFFFL + 1);
        }
        return v;
    }

    /** cmd_vlan_tpid_parsed → vlan_tpid_set. */
    private void vlanTpid(final Args a)
    {
        final int p = (int)a.num("port_id");
        final int type = a.word(2).equals("inner") ? Offloads.VLAN_TYPE_INNER : Offloads.VLAN_TYPE_OUTER;
        if (invalidPort(p))
        {
            return;
        }
        try
        {
            ports.port(p).setVlanTpid(type, (int)a.num("tp_id"));
        }
        catch (final EthDevException ex)
        {
            err.printf("tx_vlan_tpid_set(port_pi=%d, vlan_type=%d, tpid=%d) failed diag=%d%n", p, type, a.num("tp_id"),
                diag(ex));
        }
    }

    /** rx_vft_set: 0 when done, else 1 (nothing tried) or -1 (the port refused). */
    private int rxVft(final int p, final int vlanId, final boolean on)
    {
        if (invalidPort(p))
        {
            return 1;
        }
        if (vlanId >= 4096)
        {
            err.printf("Invalid vlan_id %d (must be < 4096)%n", vlanId);
            return 1;
        }
        try
        {
            ports.port(p).vlanFilter(vlanId, on);
            return 0;
        }
        catch (final EthDevException ex)
        {
            printEthdevLog(ex);
            err.printf("rte_eth_dev_vlan_filter(port_pi=%d, vlan_id=%d, on=%d) failed diag=%d%n", p, vlanId, on ? 1 : 0,
                diag(ex));
            return -1;
        }
    }

    private void rxVlan(final Args a)
    {
        rxVft((int)a.num("port_id"), (int)a.num("vlan_id"), a.word(1).equals("add"));
    }

    /** rx_vlan_all_filter_set: every VLAN id until one fails. */
    private void rxVlanAll(final Args a)
    {
        final int p = (int)a.num("port_id");
        if (invalidPort(p))
        {
            return;
        }
        for (int v = 0; v < 4096; v++)
        {
            if (rxVft(p, v, a.word(1).equals("add")) != 0)
            {
                break;
            }
        }
    }

    /** cmd_tx_vlan_set(_qinq)_parsed → tx_vlan_set / tx_qinq_set, on a stopped port. */
    private void txVlanSet(final Args a)
    {
        final int p = (int)a.num("port_id");
        if (!stoppedPort(p))
        {
            return;
        }
        final boolean qinq = a.has(4);
        final int vid = (int)a.num("vlan_id");
        if (vid >= 4096)
        {
            err.printf("Invalid vlan_id %d (must be < 4096)%n", vid);
            return;
        }
        final int outer = qinq ? (int)a.num("vlan_id_outer") : 0;
        if (outer >= 4096)
        {
            err.printf("Invalid vlan_id %d (must be < 4096)%n", outer);
            return;
        }
        final PortState st = ports.state(p);
        if (!qinq && (st.txOffloads & Offloads.TX_QINQ_INSERT) != 0)
        {
            err.println("Error, as QinQ has been enabled.");
            return;
        }
        final DevInfo info = ports.port(p).info();
        final long need = qinq ? Offloads.TX_QINQ_INSERT : Offloads.TX_VLAN_INSERT;
        if ((info.txOffloadCapa & need) == 0)
        {
            err.printf(qinq ? "Error: qinq insert not supported by port %d%n" :
                "Error: vlan insert is not supported by port %d%n", p);
            ports.markReconfig(p);
            return;
        }
        reset(st);
        st.txOffloads |= Offloads.TX_VLAN_INSERT | (qinq ? Offloads.TX_QINQ_INSERT : 0);
        st.txVlanId = vid;
        st.txVlanIdOuter = outer;
        ports.markReconfig(p);
    }

    /** A valid and stopped port ("Invalid port N" / "Please stop port N first" otherwise). */
    private boolean stoppedPort(final int p)
    {
        if (invalidPort(p))
        {
            return false;
        }
        if (ports.port(p).isStarted())
        {
            err.printf("Please stop port %d first%n", p);
            return false;
        }
        return true;
    }

    private static void reset(final PortState st)
    {
        st.txOffloads &= ~(Offloads.TX_VLAN_INSERT | Offloads.TX_QINQ_INSERT);
        st.txVlanId = 0;
        st.txVlanIdOuter = 0;
    }

    /** cmd_tx_vlan_reset_parsed. */
    private void txVlanReset(final Args a)
    {
        final int p = (int)a.num("port_id");
        if (!stoppedPort(p))
        {
            return;
        }
        reset(ports.state(p));
        ports.markReconfig(p);
    }

    /** tx_vlan_pvid_set: rte_eth_dev_set_vlan_pvid, whose failure DPDK does not report. */
    private void txVlanPvid(final Args a)
    {
        final int p = (int)a.num("port_id");
        if (invalidPort(p))
        {
            return;
        }
        try
        {
            ports.port(p).setVlanPvid((int)a.num("vlan_id"), a.word(5).equals("on"));
        }
        catch (final EthDevException ex)
        {
            // as DPDK: the return value is ignored
        }
    }
}
