package io.ethdev4j.ethdev;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SmokeTest
{
    @Test
    void shouldForwardBetweenNullAndRingPorts()
    {
        try (Eal eal = Eal.init("--no-huge", "--vdev", "net_null0,size=100", "--vdev", "net_ring0", "--", "x"))
        {
            assertArrayEquals(new String[] {"x"}, eal.appArgs());
            final MbufPool pool = eal.createPktmbufPool("smoke", 4095, 32, 0, 2176);
            for (final EthDev p : eal.ports())
            {
                p.configure(1, 1, null);
                p.rxQueueSetup(0, 0, pool, null);
                p.txQueueSetup(0, 0, null);
                p.start();
            }
            final EthDev nul = eal.port(0);
            final EthDev ring = eal.port(1);
            final Mbuf[] pkts = new Mbuf[32];
            assertEquals(32, nul.rxBurst(0, pkts, 32));
            assertEquals(100, pkts[0].pktLen());
            assertEquals(32, ring.txBurst(0, pkts, 32));
            assertEquals(32, ring.rxBurst(0, pkts, 32));
            assertEquals(32, nul.txBurst(0, pkts, 32));
            assertEquals(3200, nul.stats().obytes);
            assertEquals(0, ring.stats().ibytes, "net_ring counts packets only, as DPDK's");
            assertEquals(32, ring.stats().ipackets);
            assertEquals(0, pool.inUse());
            assertEquals("Link up at 10 Gbps FDX Fixed", nul.link().toString());
            final EthDevException ex = assertThrows(EthDevException.class, nul::close);
            assertEquals("close(port=0) failed: EINVAL - cannot close started device; stop it first", ex.getMessage());
        }
    }
}
