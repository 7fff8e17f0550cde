package io.ethdev4j.pdump;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.EalPlugin;

/**
 * Packet capture in every runtime (DPDK applications call {@code rte_pdump_init()} themselves; here no application
 * has to): {@link Eal#init} starts a {@link PdumpServer} on {@value PdumpProtocol#SOCKET_NAME} in the runtime
 * directory, {@link Eal#close()} stops it, ending captures before the ports stop. Not with {@code --no-shconf} or
 * {@code --in-memory}: like DPDK's multi-process channel, capture needs the shared runtime directory.
 */
public final class PdumpPlugin implements EalPlugin
{
    @Override
    public String name()
    {
        return "pdump";
    }

    @Override
    public AutoCloseable start(final Eal eal)
    {
        if (eal.args().noShconf())
        {
            return null;
        }
        return PdumpServer.start(eal.runtimeDir(), eal::ports, eal.controlCpus());
    }
}
