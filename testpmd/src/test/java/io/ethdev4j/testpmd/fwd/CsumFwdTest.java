package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** csum computes the IPv4, TCP and UDP checksums in software; checked by verifying them over the bytes. */
class CsumFwdTest
{
    private static int sum16(final byte[] b, final int off, final int n, final long acc)
    {
        long s = acc;
        for (int i = 0; i < n; i += 2)
        {
            s += ((b[off + i] & 0xFF) << 8) | (i + 1 < n ? b[off + i + 1] & 0xFF : 0);
        }
        while ((s >>> 16) != 0)
        {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int)s;
    }

    private static byte[] run(final MbufPool pool, final byte[] frame)
    {
        final Mbuf m = pool.alloc();
        try
        {
            m.append(frame.length);
            for (int i = 0; i < frame.length; i++)
            {
                m.putByte(i, frame[i]);
            }
            CsumFwd.checksums(m);
            final byte[] out = new byte[frame.length];
            for (int i = 0; i < out.length; i++)
            {
                out[i] = m.getByte(i);
            }
            return out;
        }
        finally
        {
            m.free();
        }
    }

    /** Ethernet + IPv4 (20 bytes) + {@code l4} with protocol {@code proto}, checksums garbage. */
    private static byte[] ipv4(final int proto, final int l4Len, final int cksumOff, final int initial)
    {
        final byte[] f = new byte[14 + 20 + l4Len];
        f[12] = 0x08;
        f[14] = 0x45;
        f[16] = (byte)((20 + l4Len) >> 8);
        f[17] = (byte)(20 + l4Len);
        f[22] = 64;
        f[23] = (byte)proto;
        f[24] = 0x12;
        f[25] = 0x34;
        for (int i = 0; i < 8; i++)
        {
            f[26 + i] = (byte)(10 + i);
        }
        for (int i = 0; i < l4Len; i++)
        {
            f[34 + i] = (byte)(i * 7 + 3);
        }
        f[34 + 4] = 0;
        f[34 + 5] = (byte)l4Len;
        f[34 + cksumOff] = (byte)(initial >> 8);
        f[34 + cksumOff + 1] = (byte)initial;
        return f;
    }

    @Test
    void shouldComputeIpv4TcpAndUdpChecksums()
    {
        try (Eal eal = Eal.init("--no-huge", "-m", "64", "--no-pci"))
        {
            final MbufPool pool = eal.createPktmbufPool("csum", 63, 0, 0, 2176);
            for (final int proto : new int[] {6, 17})
            {
                final int cksumOff = proto == 6 ? 16 : 6;
                final int l4Len = 33;  // odd: the last byte is padded
                final byte[] out = run(pool, ipv4(proto, l4Len, cksumOff, 0xBEEF));
                assertEquals(0xFFFF, sum16(out, 14, 20, 0), "IPv4 header checksum verifies");
                final long pseudo = sum16(out, 26, 8, 0) + proto + l4Len;
                assertEquals(0xFFFF, sum16(out, 34, l4Len, pseudo), "L4 checksum verifies, proto " + proto);
            }
            final byte[] noUdpCksum = run(pool, ipv4(17, 16, 6, 0));
            assertEquals(0, noUdpCksum[34 + 6] | noUdpCksum[34 + 7], "a UDP checksum of 0 (none) is kept");
            assertEquals(63, pool.available());
        }
    }
}
