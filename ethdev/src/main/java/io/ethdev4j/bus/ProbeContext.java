package io.ethdev4j.bus;

import io.ethdev4j.ethdev.EthDevData;

/** What a driver receives when it probes a device (a PCI driver also receives the opened device itself). */
public final class ProbeContext
{
    private final Devargs devargs;
    private final EthDevData data;
    private final EalServices eal;

    public ProbeContext(final Devargs devargs, final EthDevData data, final EalServices eal)
    {
        this.devargs = devargs;
        this.data = data;
        this.eal = eal;
    }

    public Devargs devargs()
    {
        return devargs;
    }

    /** The new port's data block (port id, name); the driver sets the MAC it found here. */
    public EthDevData data()
    {
        return data;
    }

    public int portId()
    {
        return data.portId();
    }

    public String name()
    {
        return data.name();
    }

    /** The runtime as drivers see it: memory, pools, lcores, other ports. */
    public EalServices eal()
    {
        return eal;
    }
}
