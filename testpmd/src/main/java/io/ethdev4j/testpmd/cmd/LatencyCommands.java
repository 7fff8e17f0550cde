package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.testpmd.FwdControl;
import io.ethdev4j.testpmd.LatencyStats;
import io.ethdev4j.testpmd.PortControl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The latency commands ({@code --latencystats}): {@code show latency}, {@code show port latency (port_id|all)},
 * {@code clear latency}. DPDK 22.11's testpmd has no command for its latency statistics (dpdk-proc-info reads them
 * from the metrics library); these print the same names (min/avg/max_latency_ns) and the percentiles of
 * {@link LatencyStats}. Kept apart from {@link TestPmdCommands}' table: it is appended to it. Not in {@code help}
 * (which is DPDK's text: it has no such entries).
 */
final class LatencyCommands
{
    private LatencyCommands()
    {
    }

    static List<Command> of(final FwdControl fwd, final PortControl ports, final PrintStream out, final PrintStream err)
    {
        final List<Command> list = new ArrayList<>();
        list.add(Command.of("show latency", null,
            a ->
            {
                final LatencyStats l = enabled(fwd, err);
                if (l != null)
                {
                    l.showAll(out);
                }
            }));
        list.add(Command.of("show port latency <port_id:port|all>", null,
            a ->
            {
                final LatencyStats l = enabled(fwd, err);
                if (l == null)
                {
                    return;
                }
                final int p = a.port("port_id");
                final List<Integer> ids = new ArrayList<>();
                for (final int id : ports.ids(p == Token.ALL_PORTS ? PortControl.ALL : p))
                {
                    if (!ports.isValid(id))
                    {
                        err.printf("Invalid port %d%n", id);
                        ports.printValidPorts();
                        continue;
                    }
                    ids.add(id);
                }
                l.showPorts(out, ids);
            }));
        list.add(Command.of("clear latency", null,
            a ->
            {
                final LatencyStats l = enabled(fwd, err);
                if (l != null)
                {
                    l.clear();
                    out.printf("%n  Latency statistics cleared%n");
                }
            }));
        return list;
    }

    private static LatencyStats enabled(final FwdControl fwd, final PrintStream err)
    {
        final LatencyStats l = fwd.latency();
        if (l == null)
        {
            err.println("Latency statistics are off: start testpmd with --latencystats=<lcore_id>");
        }
        return l;
    }
}
