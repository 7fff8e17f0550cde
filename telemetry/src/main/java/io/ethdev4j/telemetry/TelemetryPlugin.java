package io.ethdev4j.telemetry;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.EalPlugin;

/**
 * Plugs telemetry into every runtime that has this module on its class path (ServiceLoader entry for
 * {@link EalPlugin}): {@link Eal#init} starts a {@link TelemetryServer} on the runtime directory, as DPDK's
 * {@code rte_eal_init} calls {@code rte_telemetry_init}, unless {@code --no-telemetry}; {@link Eal#close()} stops it.
 * A socket that cannot be bound fails init, as in DPDK.
 */
public final class TelemetryPlugin implements EalPlugin
{
    @Override
    public String name()
    {
        return "telemetry";
    }

    @Override
    public AutoCloseable start(final Eal eal)
    {
        if (eal.args().noTelemetry())
        {
            return null;
        }
        Telemetry.commands(); // the built-in commands register when the registry loads
        return TelemetryServer.start(eal);
    }
}
