package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 5tswap swaps MACs, IP addresses and L4 ports as DPDK's 5tswap.c, past VLAN tags, and stops at unknown layers. */
class FiveTupleSwapFwdTest
{
    private static byte[] hex(final String s)
    {
        final String h = s.replace(" ", "");
        final byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++)
        {
            b[i] = (byte)Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static byte[] swapped(final MbufPool pool, final byte[] frame)
    {
        final Mbuf m = pool.alloc();
        try
        {
            m.append(frame.length);
            for (int i = 0; i < frame.length; i++)
            {
                m.putByte(i, frame[i]);
            }
            FiveTupleSwapFwd.swap(m);
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

    @Test
    void shouldSwapEachLayerItKnows()
    {
        try (Eal eal = Eal.init("--no-huge", "-m", "64", "--no-pci"))
        {
            final MbufPool pool = eal.createPktmbufPool("fivetuple", 63, 0, 0, 2176);
            final int before = pool.available();
            final String mac = "020000000001 020000000002";
            final String macSwapped = "020000000002 020000000001";
            // VLAN-tagged IPv4/UDP 198.18.0.1:1000 -> 198.18.0.2:2000
            assertArrayEquals(hex(macSwapped + "8100 0005 0800 4500002e 00000000 40110000 c6120002 c6120001" +
                    " 07d0 03e8 001a 0000"),
                swapped(pool, hex(mac + "8100 0005 0800 4500002e 00000000 40110000 c6120001 c6120002" +
                    " 03e8 07d0 001a 0000")));
            // IPv6/TCP ::1:80 -> ::2:443
            final String a = "00000000000000000000000000000001";
            final String b = "00000000000000000000000000000002";
            assertArrayEquals(hex(macSwapped + "86dd 60000000 00140640 " + b + a + " 01bb 0050 00000000"),
                swapped(pool, hex(mac + "86dd 60000000 00140640 " + a + b + " 0050 01bb 00000000")));
            // ARP: only the MACs
            assertArrayEquals(hex(macSwapped + "0806 00010800"), swapped(pool, hex(mac + "0806 00010800")));
            // IPv4/ICMP: MACs and addresses, no ports
            assertArrayEquals(hex(macSwapped + "0800 4500001c 00000000 40010000 c6120002 c6120001 0800f7ff"),
                swapped(pool, hex(mac + "0800 4500001c 00000000 40010000 c6120001 c6120002 0800f7ff")));
            assertEquals(before, pool.available());
        }
    }
}
