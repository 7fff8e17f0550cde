package io.ethdev4j.vm.guest;

import io.ethdev4j.mem.DmaMemory;
import io.ethdev4j.vm.guest.TestPmdSession.PortCounters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * testpmd forwarding between the guest's two igb ports over Linux's vfio-pci: what one port transmits the other
 * receives (one QEMU hub), so after {@code stop} RX-packets of each port equal TX-packets of the other, exactly,
 * with nothing missed, dropped or short of mbufs. Runs testpmd in-process with its shell driven line by line
 * ({@link TestPmdSession}); forwarding lasts until each port has received a few thousand packets.
 * <p>
 * Covered: 4 KiB pages ({@code --no-huge}) and 2 MiB hugepages (the guest's {@code --hugepages}), one queue and
 * four, where the igb's RSS spreads flowgen's flows (destination 198.19.0.0 + flow, source 198.18.0.0: inside
 * the benchmarking range 198.18.0.0/15) over every rx queue.
 */
class TestPmdVfioGuestTest extends WiredPairGuestTest
{
    private static final long FORWARD_TIMEOUT_NS = TestPmdSession.FORWARD_TIMEOUT_NS;
    private static final long SETTLE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    /** Packets each port must receive before {@code stop}: thousands of round trips of the tx_first bursts. */
    private static final long MIN_RX = 4000;
    private static final Pattern FWD_STREAM = Pattern.compile("Forward Stats for RX Port= *(\\d+)/Queue= *(\\d+) -> " +
        "TX Port= *(\\d+)/Queue= *(\\d+) -+\n +RX-packets: (\\d+) +TX-packets: (\\d+) +TX-dropped: (\\d+)");


    private String[] argv(final boolean hugepages, final int queues)
    {
        final List<String> a = new ArrayList<>(List.of("-l", "0-1", "-m", "256"));
        a.addAll(hugepages ? List.of("--huge-dir", "/dev/hugepages") : List.of("--no-huge"));
        a.addAll(List.of("-a", ports[0], "-a", ports[1], "--", "-i", "--total-num-mbufs=16384"));
        if (queues > 1)
        {
            a.addAll(List.of("--rxq=" + queues, "--txq=" + queues));
        }
        return a.toArray(new String[0]);
    }

    @Test
    void shouldForwardWithEqualCountersOnBothSidesOn4kPages()
    {
        try (TestPmdSession s = TestPmdSession.start(argv(false, 1)))
        {
            s.assertIoForwarding(1, MIN_RX);
            s.assertNoMbufLeak();
        }
    }

    @Test
    void shouldForwardWithEqualCountersOnBothSidesOnHugepages()
    {
        assertTrue(Guest.hugepages() > 0, "the guest was booted without --hugepages");
        final long freeBefore = DmaMemory.freeHugepages();
        try (TestPmdSession s = TestPmdSession.start(argv(true, 1)))
        {
            final long freeWhileRunning = DmaMemory.freeHugepages();
            // mb_pool_0 alone is 16384 x ~2.3 KB ≈ 38 MB: at least 19 of the 2 MiB pages
            assertTrue(freeBefore - freeWhileRunning >= 19, "testpmd's DMA memory is not on hugepages: HugePages_Free " +
                freeBefore + " before, " + freeWhileRunning + " while it runs\n" + s.transcript());
            s.assertIoForwarding(1, MIN_RX);
            s.assertNoMbufLeak();
        }
        assertEquals(freeBefore, DmaMemory.freeHugepages(), "hugepages not returned after quit");
    }

    @Test
    void shouldForwardOnFourQueuesAndSpreadFlowgenFlowsOverEveryRxQueueWithRss()
    {
        try (TestPmdSession s = TestPmdSession.start(argv(false, 4)))
        {
            assertTrue(s.command("show port info 1").contains("Current number of RX queues: 4"), s.transcript());
            s.assertIoForwarding(4, MIN_RX);

            // flowgen: 1024 flows; RSS (IPv4 hash) puts every flow on one of the 4 queues
            s.command("set fwd flowgen");
            s.command("clear port stats all");
            s.command("start");
            s.awaitRx(2, MIN_RX, FORWARD_TIMEOUT_NS);
            final String stop = s.command("stop");
            final long[][] rxPerQueue = new long[2][4];
            final Matcher m = FWD_STREAM.matcher(stop);
            while (m.find())
            {
                rxPerQueue[Integer.parseInt(m.group(1))][Integer.parseInt(m.group(2))] += Long.parseLong(m.group(5));
            }
            for (int p = 0; p < 2; p++)
            {
                final long total = Arrays.stream(rxPerQueue[p]).sum();
                for (int q = 0; q < 4; q++)
                {
                    // a fair share is a quarter; a queue below a sixteenth means RSS is not spreading
                    assertTrue(rxPerQueue[p][q] * 16 >= total, "port " + p + " rx queue " + q + " got " +
                        rxPerQueue[p][q] + " of " + total + " packets (per queue: " + Arrays.toString(rxPerQueue[p]) +
                        ")\n" + stop + "\n" + s.transcript());
                }
            }
            // flowgen sends without pacing: a queue's ring may fill and QEMU then holds the frames for it. Drain
            // with rxonly; afterwards every frame sent must have been received, none missed.
            final PortCounters[] atStop = s.portStats(2);
            s.command("set fwd rxonly");
            s.command("start");
            final PortCounters[] c = s.awaitWireBalanced(SETTLE_TIMEOUT_NS);
            s.command("stop");
            System.out.println("flowgen rx per queue: port 0 " + Arrays.toString(rxPerQueue[0]) + ", port 1 " +
                Arrays.toString(rxPerQueue[1]) + "; counters at stop " + Arrays.toString(atStop) + ", after rxonly " +
                Arrays.toString(c));
            s.assertWireBalanced(c);
            s.assertNoMbufLeak();
        }
    }
}
