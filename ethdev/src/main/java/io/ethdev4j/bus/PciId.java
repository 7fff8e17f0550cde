package io.ethdev4j.bus;

/** A PCI vendor/device id pair a driver claims (struct rte_pci_id, without subsystem ids). */
public final class PciId
{
    private final int vendorId;
    private final int deviceId;

    public PciId(final int vendorId, final int deviceId)
    {
        this.vendorId = vendorId & 0xFFFF;
        this.deviceId = deviceId & 0xFFFF;
    }

    public int vendorId()
    {
        return vendorId;
    }

    public int deviceId()
    {
        return deviceId;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof PciId && ((PciId)o).vendorId == vendorId && ((PciId)o).deviceId == deviceId;
    }

    @Override
    public int hashCode()
    {
        return vendorId << 16 | deviceId;
    }

    @Override
    public String toString()
    {
        return String.format("%04x:%04x", vendorId, deviceId);
    }
}
