package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.testpmd.fwd.FwdEngines;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command templates the shell completes (and {@code help} lists). A token in angle brackets is a value
 * (port id, number, MAC...); {@code a|b} is a choice of keywords.
 */
public final class Grammar
{
    static final String[] TEMPLATES = {
        "start",
        "start tx_first <n>",
        "stop",
        "quit",
        "help",
        "help control|display|config|ports|all",
        "show port info|summary|stats|xstats <port_id|all>",
        "show config fwd|rxtx|cores",
        "show fwd stats all",
        "clear port stats|xstats <port_id|all>",
        "set fwd " + String.join("|", FwdEngines.NAMES) + " retry",
        "set nbcore <n>",
        "set nbport <n>",
        "set burst <n>",
        "set promisc <port_id|all> on|off",
        "set allmulti <port_id|all> on|off",
        "set link-up port <port_id>",
        "set link-down port <port_id>",
        "port start|stop|close|reset <port_id|all>",
        "port attach <devargs>",
        "port detach <port_id>",
        "port config mtu <port_id> <value>",
        "port config all rxq|txq|rxd|txd <n>",
        "mac_addr set <port_id> <mac>",
    };

    private Grammar()
    {
    }

    /** Keywords that may follow {@code words} (the complete words typed so far). */
    public static List<String> next(final List<String> words)
    {
        final Set<String> out = new LinkedHashSet<>();
        for (final String t : TEMPLATES)
        {
            final String[] tok = t.split(" ");
            if (tok.length <= words.size())
            {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < words.size() && match; i++)
            {
                match = tok[i].startsWith("<") || List.of(tok[i].split("\\|")).contains(words.get(i));
            }
            if (match && !tok[words.size()].startsWith("<"))
            {
                out.addAll(List.of(tok[words.size()].split("\\|")));
            }
            else if (match && tok[words.size()].contains("|all>"))
            {
                out.add("all");
            }
        }
        return new ArrayList<>(out);
    }
}
