package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.sys.RteLog;
import io.ethdev4j.testpmd.TestPmdConfig;

import java.util.List;

/**
 * The forwarding configuration commands (cmdline.c: cmd_reset, cmd_set_log, cmd_set_txpkts, cmd_set_txsplit,
 * cmd_set_fwd_eth_peer, cmd_set_burst_tx_retry, cmd_set_fwd_mask, cmd_set_fwd_list, cmd_set_xstats_hide_zero; config.c
 * for what they call), with DPDK's messages.
 */
final class ConfigCommands extends CommandGroup
{
    /** RTE_MAX_SEGS_PER_PKT. */
    static final int MAX_SEGS_PER_PKT = 255;
    /** RTE_MAX_LCORE of Debian's build. */
    static final int MAX_LCORE = 128;
    /** RTE_MAX_ETHPORTS. */
    static final int MAX_ETHPORTS = 32;

    ConfigCommands(final Context c)
    {
        super(c);
    }

    @Override
    List<Command> commands()
    {
        return List.of(
            Command.of("set default", "set default", a -> setDefault()),
            Command.of("set log <type:string> <level:u32>", "set log global|(type) (level)", this::setLog),
            Command.of("set txpkts <lengths:string>", "set txpkts (x[,y]*)", this::setTxpkts),
            Command.of("set txsplit <mode:string>", "set txsplit (off|on|rand)", this::setTxsplit),
            Command.of("set eth-peer <port_id:u16> <peer_addr:string>", "set eth-peer (port_id) (peer_addr)",
                this::setEthPeer),
            Command.of("set burst tx delay <delay:u32> retry <retry:u32>",
                "set burst tx delay (microseconds) retry (num)",
                a -> config.burstTxRetry((int)Math.min(a.num("delay"), Integer.MAX_VALUE),
                    (int)Math.min(a.num("retry"), Integer.MAX_VALUE))),
            Command.of("set coremask <mask:u64>", "set coremask (mask)", this::setMask),
            Command.of("set portmask <mask:u64>", "set portmask (mask)", this::setMask),
            Command.of("set corelist <list:string>", "set corelist (x[,y]*)", a -> setList(a, true)),
            Command.of("set portlist <list:string>", "set portlist (x[,y]*)", a -> setList(a, false)),
            Command.of("set xstats-hide-zero on|off", "set xstats-hide-zero on|off",
                a -> config.xstatsHideZero(a.word(2).equals("on"))));
    }

    /** cmd_reset: set_def_fwd_config. */
    private void setDefault()
    {
        out.println("Reset to default forwarding configuration...");
        config.setDefaultFwdConfig(ports.ids());
    }

    /** cmd_set_log: the global level, or the level of every log type the regular expression matches. */
    private void setLog(final Args a)
    {
        final long level = a.num("level");
        if (a.text("type").equals("global"))
        {
            RteLog.level((int)Math.min(level, Integer.MAX_VALUE));
        }
        else if (RteLog.setLevelRegexp(a.text("type"), (int)Math.min(level, Integer.MAX_VALUE)) < 0)
        {
            err.println("Unable to set log level");
        }
    }

    /**
     * parse_item_list: decimal items separated by commas (a trailing comma adds a 0, as DPDK's loop does); at most
     * {@code max}; duplicates refused when {@code unique}. Returns null after DPDK's message for a bad list.
     */
    int[] parseItemList(final String str, final String itemName, final int max, final boolean unique)
    {
        final int[] items = new int[max];
        int nb = 0;
        long value = 0;
        boolean valueOk = false;
        for (int i = 0; i < str.length(); i++)
        {
            final char c = str.charAt(i);
            if (c >= '0' && c <= '9')
            {
                value = (value * 10 + (c - '0')) & 0xFFFF_FFFFL;
                valueOk = true;
                continue;
            }
            if (c != ',')
            {
                err.printf("character %c is not a decimal digit%n", c);
                return null;
            }
            if (!valueOk)
            {
                err.println("No valid value before comma");
                return null;
            }
            if (nb < max)
            {
                items[nb] = (int)value;
                valueOk = false;
                value = 0;
            }
            nb++;
        }
        if (nb >= max)
        {
            err.printf("Number of %s = %d > %d (maximum items)%n", itemName, nb + 1, max);
            return null;
        }
        items[nb++] = (int)value;
        if (unique)
        {
            for (int i = 0; i < nb; i++)
            {
                for (int j = i + 1; j < nb; j++)
                {
                    if (items[j] == items[i])
                    {
                        err.printf("duplicated %s %d at index %d and %d%n", itemName, Integer.toUnsignedLong(items[i]),
                            i, j);
                        return null;
                    }
                }
            }
        }
        return java.util.Arrays.copyOf(items, nb);
    }

    /** cmd_set_txpkts → set_tx_pkt_segments. */
    private void setTxpkts(final Args a)
    {
        final int[] segs = parseItemList(a.text("lengths"), "segment lengths", MAX_SEGS_PER_PKT, false);
        if (segs == null)
        {
            return;
        }
        if (segs.length > 1)
        {
            for (final int p : ports.ids())
            {
                for (int q = 0; q < config.nbTxq() && q < ports.port(p).nbTxQueues(); q++)
                {
                    final int ring = ports.port(p).data().txDesc(q);
                    if (ring > 0 && ring < segs.length)
                    {
                        out.printf("nb segments per TX packets=%d >= TX queue(%d) ring_size=%d - txpkts ignored%n",
                            segs.length, q, ring);
                        err.printf("Tx segment size(%d) is not supported - txpkts ignored%n", segs.length);
                        return;
                    }
                }
            }
        }
        int total = 0;
        for (int i = 0; i < segs.length; i++)
        {
            final long len = Integer.toUnsignedLong(segs[i]);
            if (len > config.mbufSize())
            {
                err.printf("length[%d]=%d > mbuf_data_size=%d - give up%n", i, len, config.mbufSize());
                return;
            }
            total = (total + (int)len) & 0xFFFF;
        }
        if (total < 14 + 20 + 8)
        {
            err.printf("total packet length=%d < %d - give up%n", total, 14 + 20 + 8);
            return;
        }
        config.txSegments(segs);
    }

    /** cmd_set_txsplit → set_tx_pkt_split. */
    private void setTxsplit(final Args a)
    {
        if (!config.txSplit(a.text("mode")))
        {
            err.printf("unknown value: \"%s\"%n", a.text("mode"));
        }
    }

    /** cmd_set_eth_peer → set_fwd_eth_peer, then fwd_config_setup. */
    private void setEthPeer(final Args a)
    {
        if (forwarding())
        {
            return;
        }
        final int p = (int)a.num("port_id");
        if (!ports.isValid(p))
        {
            err.printf("Error: Invalid port number %d%n", p);
        }
        else
        {
            final MacAddress mac;
            try
            {
                mac = MacAddress.parse(a.text("peer_addr"));
            }
            catch (final RuntimeException ex)
            {
                err.printf("Error: Invalid ethernet address: %s%n", a.text("peer_addr"));
                fwd.setup();
                return;
            }
            config.setPeer(p, mac.toLong());
        }
        fwd.setup();
    }

    /** set_fwd_lcores_list, printing its messages. */
    private void setFwdLcores(final int[] list)
    {
        try
        {
            final String changed = config.setFwdLcoresList(list);
            if (changed != null)
            {
                out.println(changed);
            }
        }
        catch (final TestPmdConfig.Rejected ex)
        {
            err.println(ex.getMessage());
        }
    }

    /** set_fwd_ports_list: every port valid, else "Invalid port N" and nothing changes. */
    private void setFwdPorts(final int[] list)
    {
        for (final int p : list)
        {
            if (invalidPort(p))
            {
                return;
            }
        }
        final String changed = config.setFwdPortsList(list);
        if (changed != null)
        {
            out.println(changed);
        }
    }

    /** cmd_set_mask_parsed: coremask → set_fwd_lcores_mask, portmask → set_fwd_ports_mask. */
    private void setMask(final Args a)
    {
        if (forwarding())
        {
            return;
        }
        final boolean cores = a.word(1).equals("coremask");
        final long mask = a.num("mask");
        if (mask == 0)
        {
            err.printf("Invalid NULL mask of %s%n", cores ? "cores" : "ports");
        }
        else
        {
            // the lcores of the mask's bits; the ports that exist among them
            final int[] candidates = cores ? java.util.stream.IntStream.range(0, 64).toArray() : ports.ids();
            final int[] list = java.util.Arrays.stream(candidates).filter(i -> i < 64 && (mask & (1L << i)) != 0)
                .toArray();
            if (cores)
            {
                setFwdLcores(list);
            }
            else
            {
                setFwdPorts(list);
            }
        }
        fwd.setup();
    }

    /** cmd_set_list_parsed: corelist / portlist. */
    private void setList(final Args a, final boolean cores)
    {
        if (forwarding())
        {
            return;
        }
        final int[] list = parseItemList(a.text("list"), cores ? "core" : "port", cores ? MAX_LCORE : MAX_ETHPORTS, true);
        if (list == null || list.length == 0)
        {
            return;
        }
        if (cores)
        {
            setFwdLcores(list);
        }
        else
        {
            setFwdPorts(list);
        }
        fwd.setup();
    }
}
