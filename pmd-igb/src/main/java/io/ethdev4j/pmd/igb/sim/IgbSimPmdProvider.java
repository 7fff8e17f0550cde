package io.ethdev4j.pmd.igb.sim;

import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevPmdProvider;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.pmd.igb.IgbEthDev;
import io.ethdev4j.pmd.intel.sim.SimMode;
import io.ethdev4j.sys.Errno;

import java.util.Locale;
import java.util.Map;

/**
 * {@code --vdev net_igb_sim0[,mode=instant|loopback|wire]}: the igb PMD over the in-process {@link IgbSimDevice},
 * for benchmarks (instant) and driver tests without QEMU.
 */
public final class IgbSimPmdProvider implements VdevPmdProvider
{
    public static final String DRIVER_NAME = "net_igb_sim";

    @Override
    public String driverName()
    {
        return DRIVER_NAME;
    }

    @Override
    public Map<String, String> devargs()
    {
        return Map.of("mode", "instant | loopback | wire (default instant)");
    }

    @Override
    public EthDevOps probe(final ProbeContext ctx)
    {
        final String m = ctx.devargs().get("mode", "instant");
        final SimMode mode;
        try
        {
            mode = SimMode.valueOf(m.toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw EthDevException.of(Errno.EINVAL, "probe(" + ctx.devargs() + ")", "mode=" + m +
                " (valid: instant, loopback, wire)");
        }
        final IgbSimDevice dev = new IgbSimDevice(mode);
        return IgbEthDev.probe(ctx.data(), ctx.eal(), dev, IgbEthDev.MacType.E82576, 0, dev);
    }
}
