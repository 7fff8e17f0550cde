package io.ethdev4j.bus;

import java.util.List;
import java.util.Set;

/** The EAL's device options a bus reads: {@code -a}, {@code -b}, {@code --vdev} and the buses turned off ({@code --no-pci}). */
public final class BusConfig
{
    private final List<String> allow;
    private final List<String> block;
    private final List<String> vdevs;
    private final Set<String> disabled;

    public BusConfig(final List<String> allow, final List<String> block, final List<String> vdevs,
        final Set<String> disabled)
    {
        this.allow = List.copyOf(allow);
        this.block = List.copyOf(block);
        this.vdevs = List.copyOf(vdevs);
        this.disabled = Set.copyOf(disabled);
    }

    /** {@code -a} devargs, in order: only these devices are probed. */
    public List<String> allow()
    {
        return allow;
    }

    /** {@code -b} devargs: devices a scan skips and hot-plug refuses. */
    public List<String> block()
    {
        return block;
    }

    /** {@code --vdev} devargs, in order. */
    public List<String> vdevs()
    {
        return vdevs;
    }

    /** Whether the bus named {@code busName} is turned off ({@code --no-pci} turns off {@code pci}). */
    public boolean isDisabled(final String busName)
    {
        return disabled.contains(busName);
    }
}
