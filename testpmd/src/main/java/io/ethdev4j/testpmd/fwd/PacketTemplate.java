package io.ethdev4j.testpmd.fwd;

/**
 * Builds the Ethernet/IPv4/UDP frames txonly and flowgen send (control path; the result is copied per packet).
 * <pre>
 *  0      6      12   14                          34        42
 *  +------+------+----+---------------------------+---------+---------
 *  | dst  | src  |0800| IPv4 (20 B, TTL 64, UDP)  | UDP (8) | payload
 *  +------+------+----+---------------------------+---------+---------
 * </pre>
 */
public final class PacketTemplate
{
    public static final int ETH_HDR_LEN = 14;
    public static final int IPV4_HDR_LEN = 20;
    public static final int UDP_HDR_LEN = 8;
    public static final int IP_OFFSET = ETH_HDR_LEN;
    public static final int IP_CKSUM_OFFSET = IP_OFFSET + 10;
    public static final int IP_SRC_OFFSET = IP_OFFSET + 12;
    public static final int IP_DST_OFFSET = IP_OFFSET + 16;
    public static final int UDP_OFFSET = IP_OFFSET + IPV4_HDR_LEN;
    public static final int MIN_LEN = UDP_OFFSET + UDP_HDR_LEN;

    private PacketTemplate()
    {
    }

    /** A frame of {@code len} bytes (at least {@link #MIN_LEN}). */
    public static byte[] udp(final int len, final long dstMac, final long srcMac, final int ipSrc, final int ipDst,
        final int udpSrc, final int udpDst)
    {
        final int total = Math.max(len, MIN_LEN);
        final byte[] b = new byte[total];
        putMac(b, 0, dstMac);
        putMac(b, 6, srcMac);
        putShort(b, 12, 0x0800);
        final int ipLen = total - ETH_HDR_LEN;
        b[IP_OFFSET] = 0x45;
        putShort(b, IP_OFFSET + 2, ipLen);
        b[IP_OFFSET + 8] = 64;
        b[IP_OFFSET + 9] = 17;
        putInt(b, IP_SRC_OFFSET, ipSrc);
        putInt(b, IP_DST_OFFSET, ipDst);
        putShort(b, IP_CKSUM_OFFSET, ipv4Checksum(b, IP_OFFSET));
        putShort(b, UDP_OFFSET, udpSrc);
        putShort(b, UDP_OFFSET + 2, udpDst);
        putShort(b, UDP_OFFSET + 4, total - UDP_OFFSET);
        return b;
    }

    /** The IPv4 header checksum of the 20-byte header at {@code off} (checksum field taken as zero). */
    public static int ipv4Checksum(final byte[] b, final int off)
    {
        int sum = 0;
        for (int i = 0; i < IPV4_HDR_LEN; i += 2)
        {
            if (i == 10)
            {
                continue;
            }
            sum += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
        }
        while ((sum >>> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }

    static void putMac(final byte[] b, final int off, final long mac)
    {
        for (int i = 0; i < 6; i++)
        {
            b[off + i] = (byte)(mac >>> (40 - 8 * i));
        }
    }

    static void putShort(final byte[] b, final int off, final int v)
    {
        b[off] = (byte)(v >>> 8);
        b[off + 1] = (byte)v;
    }

    static void putInt(final byte[] b, final int off, final int v)
    {
        b[off] = (byte)(v >>> 24);
        b[off + 1] = (byte)(v >>> 16);
        b[off + 2] = (byte)(v >>> 8);
        b[off + 3] = (byte)v;
    }
}
