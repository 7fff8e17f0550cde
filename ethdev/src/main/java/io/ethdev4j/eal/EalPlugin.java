package io.ethdev4j.eal;

/**
 * A service that lives as long as a runtime and that the core does not know by name (DPDK's EAL starting
 * {@code lib/telemetry} from {@code rte_eal_init}): telemetry, for one. Found with ServiceLoader
 * ({@code META-INF/services/io.ethdev4j.eal.EalPlugin}), so the core depends on none of them: a module on the class
 * path plugs in, a module absent is simply not there.
 * <p>
 * {@link Eal#init} starts every plugin, in {@link #name()} order, once memory, lcores and the ports are set up (where
 * DPDK's {@code rte_eal_init} starts telemetry); a plugin that throws fails {@code init}, which then closes what was
 * started. {@link Eal#close()} closes the returned handles first, newest first, before it stops ports and frees
 * memory, so a plugin never sees a half-closed runtime.
 */
public interface EalPlugin
{
    /** A short name for logs and ordering ("telemetry"). */
    String name();

    /**
     * Starts the plugin for {@code eal}.
     *
     * @return what {@link Eal#close()} closes, or null when the plugin has nothing running for this runtime (it is
     *     disabled by an option, say {@code --no-telemetry}).
     */
    AutoCloseable start(Eal eal);
}
