package io.ethdev4j.pmd.nullpmd;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** rate=: the paced rx of net_null (an offered load for benchmarks). No timing is asserted, only the pacing rule. */
class NullPmdRateTest
{
    @Test
    void shouldReturnOnlyThePacketsThatAreDue()
    {
        try (Eal eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_null0,rate=1"))
        {
            final MbufPool pool = eal.createPktmbufPool("rate_test", 255, 0, 0, 2176);
            final EthDev p = eal.port(0);
            p.configure(1, 1, null);
            p.rxQueueSetup(0, 0, pool, null);
            p.txQueueSetup(0, 0, null);
            p.start();
            final Mbuf[] pkts = new Mbuf[32];
            assertEquals(1, p.rxBurst(0, pkts, 32), "after an idle spell: 1 ms of credit, at 1/s one packet");
            assertEquals(0, p.rxBurst(0, pkts, 1, 31), "the next one is due in a second");
            Mbuf.freeBulk(pkts, 0, 1);
            p.stop();
        }
    }
}
