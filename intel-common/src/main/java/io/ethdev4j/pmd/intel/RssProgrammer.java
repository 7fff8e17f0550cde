package io.ethdev4j.pmd.intel;

import io.ethdev4j.pci.PciDevice;

/**
 * RSS key and redirection table for the NICs whose RSSRK holds the 40-byte Toeplitz key in 10 registers (byte
 * {@code 4·i + k} of the key in byte {@code k} of register {@code i}) and whose RETA packs four one-byte entries per
 * register (entry {@code i} in byte {@code i & 3}): 82576/I350 (§8.10.23-24: RETA 0x5C00, 128 entries, RSSRK 0x5C80)
 * and 82599/X540 (RETA 0x05C00 or its alias 0x0EB00, 128 entries of which the low 4 bits count; RSSRK 0x05C80 or
 * 0x0EB80; shared/reference/ixgbe-82599.md §7.1). The NIC gives the bases and sizes; MRQC, which differs, stays the
 * NIC's. Control path.
 */
public final class RssProgrammer
{
    /** Key length in bytes (10 RSSRK registers). */
    public static final int KEY_BYTES = 40;
    /** DPDK's default RSS key ({@code rss_intel_key}, the Microsoft RSS verification key). */
    private static final byte[] DEFAULT_KEY = {
        (byte)0x6D, (byte)0x5A, (byte)0x56, (byte)0xDA, (byte)0x25, (byte)0x5B, (byte)0x0E, (byte)0xC2,
        (byte)0x41, (byte)0x67, (byte)0x25, (byte)0x3D, (byte)0x43, (byte)0xA3, (byte)0x8F, (byte)0xB0,
        (byte)0xD0, (byte)0xCA, (byte)0x2B, (byte)0xCB, (byte)0xAE, (byte)0x7B, (byte)0x30, (byte)0xB4,
        (byte)0x77, (byte)0xCB, (byte)0x2D, (byte)0xA3, (byte)0x80, (byte)0x30, (byte)0xF2, (byte)0x0C,
        (byte)0x6A, (byte)0x42, (byte)0xB7, (byte)0x3B, (byte)0xBE, (byte)0xAC, (byte)0x01, (byte)0xFA};

    private final int rssrk;
    private final int reta;
    private final int retaEntries;

    /**
     * @param rssrk       RSSRK(0): the key's first register
     * @param reta        RETA(0): the table's first register
     * @param retaEntries entries in the table (a multiple of 4)
     */
    public RssProgrammer(final int rssrk, final int reta, final int retaEntries)
    {
        if (retaEntries <= 0 || (retaEntries & 3) != 0)
        {
            throw new IllegalArgumentException("retaEntries=" + retaEntries + ": a positive multiple of 4");
        }
        this.rssrk = rssrk;
        this.reta = reta;
        this.retaEntries = retaEntries;
    }

    /** A copy of DPDK's default key. */
    public static byte[] defaultKey()
    {
        return DEFAULT_KEY.clone();
    }

    public int retaEntries()
    {
        return retaEntries;
    }

    /** RSSRK(0..9) from a 40-byte key. */
    public void writeKey(final PciDevice dev, final byte[] key)
    {
        if (key.length != KEY_BYTES)
        {
            throw new IllegalArgumentException("RSS key of " + key.length + " bytes; " + KEY_BYTES + " expected");
        }
        for (int i = 0; i < KEY_BYTES / 4; i++)
        {
            dev.write32(0, rssrk + 4 * i, (key[4 * i] & 0xFF) | (key[4 * i + 1] & 0xFF) << 8 |
                (key[4 * i + 2] & 0xFF) << 16 | (key[4 * i + 3] & 0xFF) << 24);
        }
    }

    /** The key RSSRK(0..9) holds now, into {@code key} (40 bytes). */
    public void readKey(final PciDevice dev, final byte[] key)
    {
        for (int i = 0; i < KEY_BYTES / 4; i++)
        {
            final int v = dev.read32(0, rssrk + 4 * i);
            key[4 * i] = (byte)v;
            key[4 * i + 1] = (byte)(v >>> 8);
            key[4 * i + 2] = (byte)(v >>> 16);
            key[4 * i + 3] = (byte)(v >>> 24);
        }
    }

    public void writeDefaultKey(final PciDevice dev)
    {
        writeKey(dev, DEFAULT_KEY);
    }

    /** The table spread round-robin over queues 0 .. {@code nbQueues - 1} (entry i → queue i mod nbQueues). */
    public void writeReta(final PciDevice dev, final int nbQueues)
    {
        for (int i = 0; i < retaEntries; i += 4)
        {
            int word = 0;
            for (int k = 0; k < 4; k++)
            {
                word |= ((i + k) % nbQueues) << (8 * k);
            }
            dev.write32(0, reta + i, word);
        }
    }
}
