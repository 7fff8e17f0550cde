package io.ethdev4j.pmd.nullpmd;

import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevPmdProvider;
import io.ethdev4j.ethdev.EthDevOps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code net_null}: rx returns {@code size}-byte packets from the queue's pool, tx frees what it is given
 * ({@code copy=1} copies the data both ways, {@code no-rx=1} makes rx return nothing). DPDK's reference for
 * forwarding-engine speed. Ours adds {@code rate=PPS}: each rx queue returns at most PPS packets per second, an
 * offered load for benchmarks (tools/bench-dumpcap.sh); 0, the default, is as fast as asked.
 */
public final class NullPmdProvider implements VdevPmdProvider
{
    @Override
    public String driverName()
    {
        return "net_null";
    }

    @Override
    public List<String> aliases()
    {
        return List.of("eth_null");
    }

    @Override
    public Map<String, String> devargs()
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("size", "<int> packet size in bytes (default 64)");
        m.put("copy", "<int> 1 = copy packet data on rx and tx");
        m.put("no-rx", "<int> 1 = rx returns no packets");
        m.put("rate", "<int> packets per second per rx queue at most (0 = unlimited, the default)");
        return m;
    }

    @Override
    public EthDevOps probe(final ProbeContext ctx)
    {
        final int size = ctx.devargs().getInt("size", 64, 1, 65535);
        final boolean copy = ctx.devargs().getBool("copy", false);
        final boolean noRx = ctx.devargs().getBool("no-rx", false);
        final int rate = ctx.devargs().getInt("rate", 0, 0, 1_000_000_000);
        return new NullEthDev(ctx.data(), size, copy, noRx, rate);
    }
}
