package io.ethdev4j.bus;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDevData;

/** What a driver receives when it probes a device. */
public final class ProbeContext
{
    private final Devargs devargs;
    private final EthDevData data;
    private final Eal eal;
    private final Object busDevice;

    public ProbeContext(final Devargs devargs, final EthDevData data, final Eal eal, final Object busDevice)
    {
        this.devargs = devargs;
        this.data = data;
        this.eal = eal;
        this.busDevice = busDevice;
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

    /** The runtime: memory, lcores, other ports. */
    public Eal eal()
    {
        return eal;
    }

    /**
     * For PCI drivers: the bus's handle to the device, an {@code io.ethdev4j.pci.PciDevice} opened through VFIO; null
     * for vdevs. A successful probe takes ownership: the driver closes it in {@code close()}. If probe throws, the bus
     * closes it.
     */
    public Object busDevice()
    {
        return busDevice;
    }
}
