package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** txonly with set txpkts X,Y,Z: each frame a chain of mbufs of those lengths; txsplit rand: 1..n of them. */
class TxOnlySegmentsTest
{
    private static List<int[]> send(final boolean rand)
    {
        final List<int[]> seen = new ArrayList<>();
        try (Eal eal = Eal.init("--no-huge", "-m", "128", "--no-pci", "--vdev", "net_ring0"))
        {
            final MbufPool pool = eal.createPktmbufPool("segs", 1023, 0, 0, 2176);
            final EthDev d = eal.port(0);
            d.configure(1, 1, null);
            d.txQueueSetup(0, 0, null);
            d.rxQueueSetup(0, 0, pool, null);
            d.start();
            final FwdStream fs = new FwdStream(0, 0, 0, 0, 0x02_00_00_00_00_01L);
            fs.tx = d.txQueue(0);
            fs.pool = pool;
            fs.burst = 32;
            fs.pkts = new Mbuf[512];
            final FwdParams p = new FwdParams();
            p.txSegs = new int[] {14, 28, 22};
            p.txPktLen = 64;
            p.txSplitRand = rand;
            final TxOnlyFwd e = new TxOnlyFwd();
            e.streamInit(fs, p);
            final int before = pool.available();
            TxOnlyFwd.sendBurst(fs);
            assertEquals(32, fs.txPackets);
            final Mbuf[] rx = new Mbuf[32];
            assertEquals(32, d.rxBurst(0, rx, 32));
            for (final Mbuf m : rx)
            {
                final int[] lens = new int[m.nbSegs()];
                Mbuf s = m;
                for (int i = 0; i < lens.length; i++)
                {
                    lens[i] = s.dataLen();
                    s = s.next();
                }
                assertNull(s, "the chain ends at nb_segs");
                final byte[] eth = new byte[14];
                m.copyTo(0, eth, 0, 14);
                assertEquals(0x08, eth[12] & 0xFF, "the headers are at the start of the chain");
                final int total = java.util.Arrays.stream(lens).sum();
                assertEquals(total, m.pktLen());
                if (lens.length > 1)
                {
                    final byte[] ip = new byte[4];
                    m.next().copyTo(0, ip, 0, 4);
                    assertEquals(total - 14, ((ip[2] & 0xFF) << 8) | (ip[3] & 0xFF), "IP total length of this frame");
                }
                seen.add(lens);
            }
            Mbuf.freeBulk(rx, 0, 32);
            assertEquals(before, pool.available(), "every segment back in the pool");
            d.stop();
        }
        return seen;
    }

    @Test
    void shouldSendChainsOfTheGivenSegmentLengths()
    {
        for (final int[] lens : send(false))
        {
            assertEquals(List.of(14, 28, 22), java.util.Arrays.stream(lens).boxed().toList());
        }
    }

    @Test
    void shouldSendOneToAllSegmentsAtRandomWithTxsplitRand()
    {
        final java.util.Set<Integer> counts = new java.util.HashSet<>();
        for (final int[] lens : send(true))
        {
            assertTrue(lens.length >= 1 && lens.length <= 3, "segments " + lens.length);
            counts.add(lens.length);
        }
        assertTrue(counts.size() > 1, "random segment counts: " + counts);
    }
}
