package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.Offloads;
import io.ethdev4j.testpmd.PortState;

import java.util.List;

/**
 * The csum engine's commands (cmdline.c: cmd_csum, cmd_csum_tunnel, csum_show): which checksums the port computes
 * (hw: a tx offload the port must have) and which the engine computes in software, and whether it parses tunnels.
 */
final class CsumCommands extends CommandGroup
{
    /** Per protocol word: its tx offload bit, and the name DPDK's "not supported" message gives it. */
    private static final Object[][] PROTOS = {
        {"ip", Offloads.TX_IPV4_CKSUM, "IP"},
        {"udp", Offloads.TX_UDP_CKSUM, "UDP"},
        {"tcp", Offloads.TX_TCP_CKSUM, "TCP"},
        {"sctp", Offloads.TX_SCTP_CKSUM, "SCTP"},
        {"outer-ip", Offloads.TX_OUTER_IPV4_CKSUM, "Outer IP"},
        {"outer-udp", Offloads.TX_OUTER_UDP_CKSUM, "Outer UDP"}};

    CsumCommands(final Context c)
    {
        super(c);
    }

    @Override
    List<Command> commands()
    {
        return List.of(
            Command.of("csum set ip|udp|tcp|sctp|outer-ip|outer-udp hw|sw <port_id:u16>",
                "csum set (ip|udp|tcp|sctp|outer-ip|outer-udp) (hw|sw) (port_id)", this::csum),
            Command.of("csum show <port_id:u16>", "csum show (port_id)", this::csum),
            Command.of("csum parse-tunnel on|off <port_id:u16>", "csum parse-tunnel (on|off) (tx_port_id)",
                this::csumTunnel));
    }

    /** cmd_csum_parsed: set (on a stopped port) or show; the port is configured again at its next start. */
    private void csum(final Args a)
    {
        final int p = (int)a.num("port_id");
        if (invalidPort(p))
        {
            err.printf("invalid port %d%n", p);
            return;
        }
        if (ports.port(p).isStarted())
        {
            err.printf("Please stop port %d first%n", p);
            return;
        }
        final DevInfo info = ports.port(p).info();
        final PortState st = ports.state(p);
        if (a.word(1).equals("set"))
        {
            final boolean hw = a.word(3).equals("hw");
            long offloads = 0;
            for (final Object[] proto : PROTOS)
            {
                if (proto[0].equals(a.word(2)))
                {
                    final long bit = (Long)proto[1];
                    if (!hw || (info.txOffloadCapa & bit) != 0)
                    {
                        offloads |= bit;
                    }
                    else
                    {
                        err.printf("%s checksum offload is not supported by port %d%n", proto[2], p);
                    }
                }
            }
            st.txOffloads = hw ? st.txOffloads | offloads : st.txOffloads & ~offloads;
        }
        show(p, st, info);
        ports.markReconfig(p);
    }

    /** cmd_csum_tunnel_parsed. */
    private void csumTunnel(final Args a)
    {
        final int p = (int)a.num("port_id");
        if (invalidPort(p))
        {
            return;
        }
        final PortState st = ports.state(p);
        st.parseTunnel = a.word(2).equals("on");
        show(p, st, ports.port(p).info());
    }

    /** csum_show: the settings, then a warning per hardware checksum the port does not have. */
    private void show(final int p, final PortState st, final DevInfo info)
    {
        final long tx = st.txOffloads;
        out.printf("Parse tunnel is %s%n", st.parseTunnel ? "on" : "off");
        out.printf("IP checksum offload is %s%n", hwsw(tx, Offloads.TX_IPV4_CKSUM));
        out.printf("UDP checksum offload is %s%n", hwsw(tx, Offloads.TX_UDP_CKSUM));
        out.printf("TCP checksum offload is %s%n", hwsw(tx, Offloads.TX_TCP_CKSUM));
        out.printf("SCTP checksum offload is %s%n", hwsw(tx, Offloads.TX_SCTP_CKSUM));
        out.printf("Outer-Ip checksum offload is %s%n", hwsw(tx, Offloads.TX_OUTER_IPV4_CKSUM));
        out.printf("Outer-Udp checksum offload is %s%n", hwsw(tx, Offloads.TX_OUTER_UDP_CKSUM));
        final String[] names = {"IP", "UDP", "TCP", "SCTP", "outer IP", "outer UDP"};
        for (int i = 0; i < PROTOS.length; i++)
        {
            final long bit = (Long)PROTOS[i][1];
            if ((tx & bit) != 0 && (info.txOffloadCapa & bit) == 0)
            {
                err.printf("Warning: hardware %s checksum enabled but not supported by port %d%n", names[i], p);
            }
        }
    }

    private static String hwsw(final long tx, final long bit)
    {
        return (tx & bit) != 0 ? "hw" : "sw";
    }
}
