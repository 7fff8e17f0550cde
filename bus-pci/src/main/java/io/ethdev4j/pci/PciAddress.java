package io.ethdev4j.pci;

/**
 * A PCI function address, {@code DDDD:BB:DD.F} (domain, bus, device, function), as sysfs and DPDK's {@code -a} write it.
 * Parses the short form {@code BB:DD.F} too (domain 0); formats the long form, lower-case hex.
 */
public final class PciAddress implements Comparable<PciAddress>
{
    private final int domain;
    private final int bus;
    private final int device;
    private final int function;

    private PciAddress(final int domain, final int bus, final int device, final int function)
    {
        this.domain = domain;
        this.bus = bus;
        this.device = device;
        this.function = function;
    }

    public static PciAddress of(final int domain, final int bus, final int device, final int function)
    {
        if (domain < 0 || domain > 0xFFFF || bus < 0 || bus > 0xFF || device < 0 || device > 0x1F || function < 0 ||
            function > 7)
        {
            throw new IllegalArgumentException("PciAddress.of(domain=" + domain + ", bus=" + bus + ", device=" + device +
                ", function=" + function + "): out of range (domain 0..ffff, bus 0..ff, device 0..1f, function 0..7)");
        }
        return new PciAddress(domain, bus, device, function);
    }

    /** Parses {@code 0000:01:00.0} or {@code 01:00.0}. */
    public static PciAddress parse(final String text)
    {
        if (text == null)
        {
            throw new IllegalArgumentException("PciAddress.parse(null): expected DDDD:BB:DD.F or BB:DD.F");
        }
        final String s = text.trim();
        final int dot = s.lastIndexOf('.');
        final int c2 = s.lastIndexOf(':');
        final int c1 = c2 > 0 ? s.lastIndexOf(':', c2 - 1) : -1;
        try
        {
            if (dot < 0 || c2 < 0 || dot < c2 || dot != s.length() - 2 || dot - c2 != 3 || (c1 >= 0 && c2 - c1 != 3) ||
                (c1 < 0 && c2 != 2) || (c1 > 4) || (c1 == 0))
            {
                throw new NumberFormatException();
            }
            final int domain = c1 < 0 ? 0 : hex(s, 0, c1);
            final int bus = hex(s, c2 - 2, c2);
            final int device = hex(s, c2 + 1, dot);
            final int function = hex(s, dot + 1, s.length());
            return of(domain, bus, device, function);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("invalid PCI address '" + text +
                "': expected DDDD:BB:DD.F or BB:DD.F in hex, e.g. 0000:01:00.0 (device <= 1f, function <= 7)");
        }
    }

    private static int hex(final String s, final int from, final int to)
    {
        int v = 0;
        for (int i = from; i < to; i++)
        {
            final int d = Character.digit(s.charAt(i), 16);
            if (d < 0)
            {
                throw new NumberFormatException();
            }
            v = (v << 4) | d;
        }
        return v;
    }

    public int domain()
    {
        return domain;
    }

    public int bus()
    {
        return bus;
    }

    public int device()
    {
        return device;
    }

    public int function()
    {
        return function;
    }

    @Override
    public String toString()
    {
        return String.format("%04x:%02x:%02x.%x", domain, bus, device, function);
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof PciAddress && compareTo((PciAddress)o) == 0;
    }

    @Override
    public int hashCode()
    {
        return (domain << 16) | (bus << 8) | (device << 3) | function;
    }

    @Override
    public int compareTo(final PciAddress o)
    {
        return Long.compare(((long)domain << 16) | (bus << 8) | (device << 3) | function,
            ((long)o.domain << 16) | (o.bus << 8) | (o.device << 3) | o.function);
    }
}
