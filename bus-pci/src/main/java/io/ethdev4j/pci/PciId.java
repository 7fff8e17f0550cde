package io.ethdev4j.pci;

/**
 * A PCI vendor/device id pair a driver claims (struct rte_pci_id, without subsystem ids), written {@code 8086:10c9}
 * as {@code lspci -n} does.
 */
public final class PciId
{
    public static final int VENDOR_INTEL = 0x8086;

    private final int vendorId;
    private final int deviceId;

    public PciId(final int vendorId, final int deviceId)
    {
        this.vendorId = vendorId & 0xFFFF;
        this.deviceId = deviceId & 0xFFFF;
    }

    /** A checked pair: both ids must fit 16 bits. */
    public static PciId of(final int vendorId, final int deviceId)
    {
        if ((vendorId & ~0xFFFF) != 0 || (deviceId & ~0xFFFF) != 0)
        {
            throw new IllegalArgumentException("PciId.of(vendor=0x" + Integer.toHexString(vendorId) + ", device=0x" +
                Integer.toHexString(deviceId) + "): ids are 16 bits");
        }
        return new PciId(vendorId, deviceId);
    }

    /** Parses {@code 8086:10c9} (hex, optional 0x prefixes). */
    public static PciId parse(final String text)
    {
        final int colon = text == null ? -1 : text.indexOf(':');
        try
        {
            if (colon < 0)
            {
                throw new NumberFormatException();
            }
            return of(parseHex16(text.substring(0, colon)), parseHex16(text.substring(colon + 1)));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("invalid PCI id '" + text + "': expected VVVV:DDDD in hex, e.g. 8086:10c9");
        }
    }

    /** Parses one sysfs id file's content ({@code 0x8086}). */
    public static int parseHex16(final String s)
    {
        String t = s.trim();
        if (t.startsWith("0x") || t.startsWith("0X"))
        {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 4)
        {
            throw new NumberFormatException(s);
        }
        return Integer.parseInt(t, 16);
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
