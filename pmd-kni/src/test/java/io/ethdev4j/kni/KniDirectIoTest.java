package io.ethdev4j.kni;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.test.Await;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Direct I/O ({@code --kni-direct-io}, {@link io.ethdev4j.kni.abi.KniDirectIoDescriptor}): while the KNI thread sleeps,
 * bursts of up to {@link Kni#DIRECT_BURST_MAX} packets move on the TAP in the caller's thread; larger ones go through the
 * FIFOs. The interface's own stack answers ICMP echo requests the test sends in bursts of mixed sizes: every request
 * must be answered, in order (nothing sent directly overtook what waited on rx_q, nothing read directly overtook what
 * waited on tx_q), both paths must have carried frames, and the counters must count every frame once. Every test ends
 * with no mbuf in use.
 */
class KniDirectIoTest
{
    private static final String NAME = "kni_direct0";
    private static final byte[] PEER_MAC = {2, 0, 0, 0, 0, 2};
    private static final MacAddress KNI_MAC = MacAddress.parse("02:00:00:00:00:01");
    private static final int REQUESTS = 600;
    /** Burst sizes cycled through: direct (1-4) and FIFO (5+) alternate, so each follows the other. */
    private static final int[] BURSTS = {1, 5, 1, 2, 32, 3, 4, 8, 1, 1, 16, 2, 6, 4};
    private static final int ICMP_ID = 0x4b4e;
    /** Pauses after each burst, µs, cycled through (a different cycle length than BURSTS: every pairing occurs). */
    private static final long[] PAUSES_US = {0, 2_000, 0, 300, 2_000};
    private static final int ALLOC_LEVEL = 512;

    private TestNetns ns;
    private Eal eal;
    private MbufPool pool;
    private KniContext ctx;
    /** The request thread (handleRequest every 100 µs) from open() to tearDown(). */
    private final AtomicBoolean serving = new AtomicBoolean(true);
    private Thread requests;

    private Kni open(final String... kniArgs)
    {
        NetAdmin.require();
        ns = new TestNetns();
        ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
        final String[] args = new String[4 + kniArgs.length];
        args[0] = "--no-huge";
        args[1] = "-m";
        args[2] = "256";
        args[3] = "--kni-carrier=on";
        System.arraycopy(kniArgs, 0, args, 4, kniArgs.length);
        eal = Eal.init(args);
        pool = eal.createPktmbufPool("kni_direct_pool", 4096, 32, 0, 2048 + 128);
        ctx = KniContext.init(eal);
        final Kni kni = ctx.alloc(pool, new KniConf().name(NAME).mbufSize(2048).macAddr(KNI_MAC).netns(ns.name()), null);
        requests = new Thread(() ->
        {
            while (serving.get())
            {
                kni.handleRequest();
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
        }, "kni-requests");
        requests.start();
        return kni;
    }

    @AfterEach
    void tearDown() throws InterruptedException
    {
        serving.set(false);
        if (requests != null)
        {
            requests.join(5_000);
        }
        KniTests.closeAll(ctx, pool, eal, ns);
    }

    @ParameterizedTest(name = "direct_io={0}")
    @ValueSource(strings = {"on", "off"})
    void shouldAnswerEveryRequestInOrderWhateverPathCarriedIt(final String directIo)
    {
        final Kni kni = open("--kni-direct-io=" + directIo);
        final boolean direct = "on".equals(directIo);
        assertEquals(direct, kni.directIo(), "direct I/O with an in-process kernel side and lo_mode_none");
        up();
        final long[] before = new long[KniCounter.COUNT];
        kni.readKernelCounters(before);
        final List<Integer> answered = exchange(kni, REQUESTS);
        assertEquals(REQUESTS, answered.size(), "every echo request answered");
        for (int i = 0; i < answered.size(); i++)
        {
            assertEquals(i, answered.get(i), "answers in the order of the requests (#" + i + ")");
        }
        final long[] after = new long[KniCounter.COUNT];
        kni.readKernelCounters(after);
        System.out.printf("direct_io=%s: %d of %d requests written directly, %d answers read directly%n", directIo,
            kni.directPackets(false), REQUESTS, kni.directPackets(true));
        assertEquals(REQUESTS, after[KniCounter.RX_PACKETS] - before[KniCounter.RX_PACKETS],
            "each request counted once, whichever path wrote it");
        assertTrue(after[KniCounter.TX_PACKETS] - before[KniCounter.TX_PACKETS] >= REQUESTS,
            "each answer counted (and whatever else the stack sent)");
        assertEquals(0, after[KniCounter.RX_DROPPED] - before[KniCounter.RX_DROPPED]);
        if (direct)
        {
            assertTrue(kni.directPackets(false) > 0, "some requests written directly");
            assertTrue(kni.directPackets(false) < REQUESTS, "bursts over " + Kni.DIRECT_BURST_MAX +
                " went through rx_q: " + kni.directPackets(false));
            assertTrue(kni.directPackets(true) > 0, "some answers read directly");
        }
        else
        {
            assertEquals(0, kni.directPackets(false));
            assertEquals(0, kni.directPackets(true));
        }
    }

    /**
     * An application that stops receiving gets its TAP watched by the thread again: a frame the stack sends meanwhile is
     * read by the thread onto tx_q (not left on the TAP for a direct read that does not come), and received from there.
     */
    @Test
    void shouldLeaveTheTapToTheThreadWhenTheApplicationStopsReading()
    {
        final Kni kni = open();
        assertTrue(kni.directIo());
        up();
        // single requests 2 ms apart: the thread sleeps between them, each goes and comes back directly
        assertEquals(40, exchange(kni, 40, new int[] {1}, new long[] {2_000}).size());
        final long direct = kni.directPackets(true);
        assertTrue(direct > 0, "answers read directly: " + direct);
        // no receive from here: the thread watches the TAP again once the application's last direct read is
        // APP_POLLING_NS old, so the frame the ping sends can only reach the application through tx_q
        ns.tryExec("ping", "-c", "1", "-W", "0.2", "198.18.0.2"); // nobody answers: only its request matters
        final int[] counts = new int[Kni.FIFO_NAMES.length];
        Await.until("the thread to put the echo request on tx_q", 5_000,
            () -> kni.fifoCounts(counts) && counts[0] > 0);
        final Mbuf[] pkts = new Mbuf[32];
        int got = 0;
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (got == 0 && System.nanoTime() < deadline)
        {
            got = kni.rxBurst(pkts, 0, pkts.length);
        }
        assertTrue(got > 0, "the frame received from tx_q");
        Mbuf.freeBulk(pkts, 0, got);
        assertEquals(direct, kni.directPackets(true), "not read directly");
    }

    /**
     * The direct path allocates nothing: 2000 echo round trips, one request and its answer at a time (the thread sleeps
     * with the TAP lent), after as many for the JIT, leave this thread's allocated bytes where they were (less than one
     * byte per packet), and (nearly) every request and answer went directly.
     */
    @Test
    void shouldAllocateNothingPerPacketOnTheDirectPath()
    {
        final Kni kni = open();
        up();
        final Mbuf[] tx = new Mbuf[1];
        final Mbuf[] rx = new Mbuf[32];
        final byte[] mac = KNI_MAC.toBytes();
        final int rounds = 2_000;
        settle(kni, rx);
        assertEquals(rounds, roundTrips(kni, mac, tx, rx, 0, rounds), "warm-up round trips");
        final com.sun.management.ThreadMXBean mx =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final long directTx = kni.directPackets(false);
        final long directRx = kni.directPackets(true);
        final long bytes = mx.getCurrentThreadAllocatedBytes();
        final int done = roundTrips(kni, mac, tx, rx, rounds, rounds);
        final long allocated = mx.getCurrentThreadAllocatedBytes() - bytes;
        assertEquals(rounds, done, "measured round trips");
        assertTrue(allocated < 2L * rounds, allocated + " bytes allocated for " + 2 * rounds + " packets");
        // the thread's timeout check (every 50 ms) may catch a request or two on the FIFOs; the rest go directly
        assertTrue(kni.directPackets(false) - directTx >= rounds * 99L / 100,
            "requests written directly: " + (kni.directPackets(false) - directTx));
        assertTrue(kni.directPackets(true) - directRx >= rounds * 99L / 100,
            "answers read directly: " + (kni.directPackets(true) - directRx));
    }

    /**
     * Receives for 50 ms: a thread that served the interface coming up busy-polls for a while after, then sleeps and
     * lends the TAP, and while the application reads it (and nothing goes on rx_q) it stays asleep. Round trips sent
     * back to back from the start would keep it busy on the FIFOs instead, which is what a busy interface is for.
     */
    private static void settle(final Kni kni, final Mbuf[] rx)
    {
        final long until = System.nanoTime() + 50_000_000L;
        while (System.nanoTime() - until < 0)
        {
            Mbuf.freeBulk(rx, 0, kni.rxBurst(rx, 0, rx.length));
        }
    }

    /**
     * {@code n} echo round trips, one at a time, sequence numbers from {@code first}; allocates nothing itself.
     *
     * @return round trips answered within 10 s.
     */
    private int roundTrips(final Kni kni, final byte[] mac, final Mbuf[] tx, final Mbuf[] rx, final int first,
        final int n)
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        int done = 0;
        while (done < n && System.nanoTime() < deadline)
        {
            final int seq = (first + done) & 0xFFFF;
            tx[0] = echoRequest(mac, seq);
            while (kni.txBurst(tx, 0, 1) == 0)
            {
                if (System.nanoTime() - deadline > 0)
                {
                    tx[0].free();
                    return done;
                }
                Thread.onSpinWait();
            }
            boolean answered = false;
            while (!answered && System.nanoTime() < deadline)
            {
                final int got = kni.rxBurst(rx, 0, rx.length);
                for (int i = 0; i < got; i++)
                {
                    final Mbuf m = rx[i];
                    answered |= m.getShortBE(12) == 0x0800 && m.getByte(34) == 0 && m.getShortBE(40) == seq;
                }
                Mbuf.freeBulk(rx, 0, got);
            }
            done += answered ? 1 : 0;
        }
        return done;
    }

    /**
     * The interface deleted from outside while the TAP is lent: the application's next direct read meets EBADFD and
     * direct I/O ends (the bursts use the FIFOs, the thread meets the deletion as without direct I/O), the KNI reports
     * the interface gone, a packet sent then is taken and counted as dropped, and release still frees every mbuf.
     */
    @Test
    void shouldEndDirectIoWhenTheInterfaceIsDeleted()
    {
        final Kni kni = open();
        up();
        final Mbuf[] tx = new Mbuf[1];
        final Mbuf[] rx = new Mbuf[32];
        settle(kni, rx);
        assertEquals(20, roundTrips(kni, KNI_MAC.toBytes(), tx, rx, 0, 20));
        assertTrue(kni.directIo());
        ns.exec("ip", "link", "del", NAME);
        // the application keeps receiving: its next direct read meets EBADFD
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (kni.directIo() && System.nanoTime() < deadline)
        {
            Mbuf.freeBulk(rx, 0, kni.rxBurst(rx, 0, rx.length));
        }
        assertFalse(kni.directIo(), "direct I/O ends at EBADFD");
        Await.until("the KNI to see its interface gone", 5_000, () -> !kni.present());
        final long droppedBefore = counter(kni, KniCounter.RX_DROPPED);
        tx[0] = echoRequest(KNI_MAC.toBytes(), 1);
        assertEquals(1, kni.txBurst(tx, 0, 1), "taken, as the thread takes what it cannot deliver");
        Await.until("the packet counted as dropped", 5_000,
            () -> counter(kni, KniCounter.RX_DROPPED) == droppedBefore + 1);
    }

    private static long counter(final Kni kni, final int counter)
    {
        final long[] c = new long[KniCounter.COUNT];
        kni.readKernelCounters(c);
        return c[counter];
    }

    @Test
    void shouldNotLendTheTapInALoopbackMode()
    {
        final Kni kni = open("--kni-lo-mode=lo_mode_fifo");
        assertFalse(kni.directIo(), "lo_mode_fifo never writes to the TAP");
    }

    /** The interface up with 198.18.0.1/24 and a static neighbour 198.18.0.2 (the test's side, PEER_MAC). */
    private void up()
    {
        ns.exec("ip", "addr", "add", "198.18.0.1/24", "dev", NAME);
        ns.exec("ip", "link", "set", NAME, "up");
        ns.exec("ip", "neigh", "replace", "198.18.0.2", "lladdr", "02:00:00:00:00:02", "dev", NAME, "nud",
            "permanent");
        Await.until(NAME + " up", 5_000, () -> ns.exec("ip", "-o", "link", "show", NAME).contains(",UP"));
    }

    /**
     * Sends {@code n} echo requests 198.18.0.2 → 198.18.0.1 (sequence 0..n-1) in bursts of {@link #BURSTS}' sizes,
     * receiving all the while, and returns the sequence numbers of the echo replies in the order received (bounded:
     * 10 s). After each burst it receives for a while from {@link #PAUSES_US} (0: the next burst at once, while the
     * thread is still busy; 2 ms: it sleeps and lends the TAP), so both paths carry frames in both directions and each
     * follows the other. alloc_q is kept full, as net_kni does, so that no answer is dropped for want of an mbuf.
     */
    private List<Integer> exchange(final Kni kni, final int n)
    {
        return exchange(kni, n, BURSTS, PAUSES_US);
    }

    private List<Integer> exchange(final Kni kni, final int n, final int[] bursts, final long[] pausesUs)
    {
        final byte[] mac = KNI_MAC.toBytes();
        final List<Integer> answered = new ArrayList<>();
        final Mbuf[] tx = new Mbuf[32];
        final Mbuf[] rx = new Mbuf[32];
        int seq = 0;
        int b = 0;
        final long deadline = System.nanoTime() + 10_000_000_000L;
        kni.fillAllocQ(ALLOC_LEVEL);
        while (answered.size() < n && System.nanoTime() < deadline)
        {
            if (seq < n)
            {
                final int burst = Math.min(bursts[b % bursts.length], n - seq);
                final long pauseNs = pausesUs[b % pausesUs.length] * 1_000L;
                b++;
                for (int i = 0; i < burst; i++)
                {
                    tx[i] = echoRequest(mac, seq + i);
                }
                int sent = 0;
                while (sent < burst && System.nanoTime() < deadline)
                {
                    sent += kni.txBurst(tx, sent, burst - sent);
                    receive(kni, rx, answered);
                }
                for (int i = sent; i < burst; i++)
                {
                    tx[i].free();
                }
                seq += sent;
                final long until = System.nanoTime() + pauseNs;
                while (System.nanoTime() - until < 0)
                {
                    receive(kni, rx, answered);
                }
            }
            receive(kni, rx, answered);
        }
        return answered;
    }

    private static void receive(final Kni kni, final Mbuf[] rx, final List<Integer> answered)
    {
        final int got = kni.rxBurst(rx, 0, rx.length);
        if (got > 0)
        {
            kni.fillAllocQ(ALLOC_LEVEL);
        }
        for (int i = 0; i < got; i++)
        {
            final Mbuf m = rx[i];
            if (m.getShortBE(12) == 0x0800 && m.getByte(23) == 1 && m.getByte(34) == 0 &&
                m.getShortBE(38) == ICMP_ID)
            {
                answered.add(m.getShortBE(40));
            }
        }
        Mbuf.freeBulk(rx, 0, got);
    }

    private Mbuf echoRequest(final byte[] dstMac, final int seq)
    {
        final Mbuf m = pool.alloc();
        assertNotNull(m, "pool exhausted");
        m.append(14 + 20 + 8 + 18);
        for (int i = 0; i < 6; i++)
        {
            m.putByte(i, dstMac[i]);
            m.putByte(6 + i, PEER_MAC[i]);
        }
        m.putShortBE(12, 0x0800);
        // IPv4: 198.18.0.2 -> 198.18.0.1, ICMP, TTL 64
        m.putShortBE(14, 0x4500);
        m.putShortBE(16, 20 + 8 + 18);
        m.putShortBE(18, seq);
        m.putShortBE(20, 0);
        m.putShortBE(22, 0x4001);
        m.putShortBE(24, 0);
        m.putIntBE(26, 0xC6120002);
        m.putIntBE(30, 0xC6120001);
        m.putShortBE(24, checksum(m, 14, 20));
        // ICMP echo request, id ICMP_ID, sequence seq, 18 bytes of payload
        m.putShortBE(34, 0x0800);
        m.putShortBE(36, 0);
        m.putShortBE(38, ICMP_ID);
        m.putShortBE(40, seq);
        for (int i = 0; i < 18; i++)
        {
            m.putByte(42 + i, (byte)i);
        }
        m.putShortBE(36, checksum(m, 34, 8 + 18));
        return m;
    }

    private static int checksum(final Mbuf m, final int offset, final int len)
    {
        long sum = 0;
        for (int i = 0; i < len; i += 2)
        {
            sum += m.getShortBE(offset + i) & 0xFFFF;
        }
        while ((sum >> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int)(~sum & 0xFFFF);
    }
}
