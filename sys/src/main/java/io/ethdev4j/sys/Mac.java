package io.ethdev4j.sys;

import java.util.concurrent.ThreadLocalRandom;

/** Ethernet MAC address helpers (control path). */
public final class Mac
{
    private Mac()
    {
    }

    public static String format(final byte[] mac)
    {
        if (mac == null)
        {
            return "null";
        }
        final StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < mac.length; i++)
        {
            if (i > 0)
            {
                sb.append(':');
            }
            sb.append(Character.forDigit((mac[i] >> 4) & 0xF, 16)).append(Character.forDigit(mac[i] & 0xF, 16));
        }
        return sb.toString();
    }

    public static byte[] parse(final String text)
    {
        final String[] parts = text.split(":");
        if (parts.length != 6)
        {
            throw new IllegalArgumentException("MAC " + text + ": expected 6 hex octets separated by ':'");
        }
        final byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++)
        {
            mac[i] = (byte)Integer.parseInt(parts[i], 16);
        }
        return mac;
    }

    /** is_valid_ether_addr: not multicast (which includes broadcast) and not all zeros. */
    public static boolean isValid(final byte[] mac)
    {
        if (mac == null || mac.length != 6 || (mac[0] & 1) != 0)
        {
            return false;
        }
        for (final byte b : mac)
        {
            if (b != 0)
            {
                return true;
            }
        }
        return false;
    }

    /** eth_random_addr: random, unicast, locally administered. */
    public static byte[] random()
    {
        final byte[] mac = new byte[6];
        ThreadLocalRandom.current().nextBytes(mac);
        mac[0] = (byte)((mac[0] & 0xFE) | 0x02);
        return mac;
    }
}
