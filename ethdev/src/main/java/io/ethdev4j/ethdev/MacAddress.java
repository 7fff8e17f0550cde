package io.ethdev4j.ethdev;

import io.ethdev4j.sys.Errno;

import java.util.concurrent.ThreadLocalRandom;

/** A 48-bit Ethernet address (struct rte_ether_addr), immutable; printed as DPDK does: {@code AA:BB:CC:DD:EE:FF}. */
public final class MacAddress
{
    public static final MacAddress ZERO = new MacAddress(0);
    public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);

    private final long value;

    private MacAddress(final long value)
    {
        this.value = value & 0xFFFF_FFFF_FFFFL;
    }

    /** From the 48-bit value, first octet in the most significant byte. */
    public static MacAddress of(final long value)
    {
        return new MacAddress(value);
    }

    public static MacAddress of(final byte[] b)
    {
        if (b.length != 6)
        {
            throw EthDevException.of(Errno.EINVAL, "MacAddress.of(" + b.length + " bytes)", "need 6 bytes");
        }
        long v = 0;
        for (int i = 0; i < 6; i++)
        {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return new MacAddress(v);
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (also with '-' separators), case-insensitive. */
    public static MacAddress parse(final String s)
    {
        final String t = s == null ? "" : s.trim();
        final String[] parts = t.split("[:-]");
        if (parts.length != 6)
        {
            throw EthDevException.of(Errno.EINVAL, "parseMac(" + s + ")", "expected six hex octets like 02:00:00:00:00:01");
        }
        long v = 0;
        for (final String p : parts)
        {
            if (p.isEmpty() || p.length() > 2 || Character.digit(p.charAt(0), 16) < 0 ||
                Character.digit(p.charAt(p.length() - 1), 16) < 0)
            {
                throw EthDevException.of(Errno.EINVAL, "parseMac(" + s + ")", "bad octet '" + p + "'");
            }
            try
            {
                v = (v << 8) | Integer.parseInt(p, 16);
            }
            catch (final NumberFormatException ex)
            {
                throw EthDevException.of(Errno.EINVAL, "parseMac(" + s + ")", "bad octet '" + p + "'");
            }
        }
        return new MacAddress(v);
    }

    /** rte_eth_random_addr: a random locally administered unicast address. */
    public static MacAddress random()
    {
        long v = ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL;
        v &= ~(0x01L << 40);
        v |= 0x02L << 40;
        return new MacAddress(v);
    }

    public long toLong()
    {
        return value;
    }

    public byte[] toBytes()
    {
        final byte[] b = new byte[6];
        for (int i = 0; i < 6; i++)
        {
            b[i] = (byte)(value >>> (40 - 8 * i));
        }
        return b;
    }

    public int octet(final int i)
    {
        return (int)(value >>> (40 - 8 * i)) & 0xFF;
    }

    public boolean isMulticast()
    {
        return (octet(0) & 0x01) != 0;
    }

    public boolean isZero()
    {
        return value == 0;
    }

    /** rte_is_valid_assigned_ether_addr: unicast and not zero. */
    public boolean isValidAssigned()
    {
        return !isMulticast() && !isZero();
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof MacAddress && ((MacAddress)o).value == value;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(value);
    }

    /** Upper-case hex with colons (RTE_ETHER_ADDR_PRT_FMT). */
    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++)
        {
            if (i > 0)
            {
                sb.append(':');
            }
            final int o = octet(i);
            sb.append(Character.toUpperCase(Character.forDigit(o >> 4, 16)));
            sb.append(Character.toUpperCase(Character.forDigit(o & 0xF, 16)));
        }
        return sb.toString();
    }
}
