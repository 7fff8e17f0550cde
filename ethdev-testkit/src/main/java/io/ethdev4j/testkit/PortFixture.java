package io.ethdev4j.testkit;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The port(s) a conformance suite runs against: a fresh runtime, the port under test and, for drivers that loop
 * traffic back, the port that receives what the port under test sends (the port itself for a self-wired port,
 * the other end for a back-to-back pair). Closing the fixture closes the runtime (ports, pools, memory).
 * <p>
 * The fixture also says how its wire behaves, because a cable between two NICs is not a software ring:
 * <table>
 * <caption>what the suites rely on, per wire</caption>
 * <tr><th></th><th>{@link #single}, {@link #loopback}, {@link #pair}</th><th>{@link #nicPair}</th></tr>
 * <tr><td>destination MAC of test frames</td><td>02:01:02:03:04:05 (nobody filters)</td>
 *     <td>the receiver's own MAC (a NIC drops other unicast unless promiscuous)</td></tr>
 * <tr><td>rx queue of what tx queue q sends</td><td>q</td>
 *     <td>the receiving NIC's pick (RSS by flow, queue 0 for non-IP frames)</td></tr>
 * <tr><td>segments of a received chain</td><td>as sent</td><td>as the receiver's buffer size cuts them</td></tr>
 * <tr><td>frames arriving unasked (RX_WITHOUT_TX)</td><td>the driver's own (net_null, pcap); on a {@link #pair},
 *     {@link #stimulateRx}: the peer transmits them</td>
 *     <td>{@link #stimulateRx}: the peer transmits them</td></tr>
 * <tr><td>a full tx device (TX_BACKPRESSURE)</td><td>nobody receives</td>
 *     <td>the link is set down (a NIC sends whether anyone receives or not, but not without a link)</td></tr>
 * </table>
 * {@link #nicLoopback} is a NIC model wired to itself: a {@link #loopback} in every row but two: its rx buffer size
 * cuts the segments, and its tx backs up only while the link is set down.
 */
public final class PortFixture implements AutoCloseable
{
    /**
     * First sequence number of the frames {@link #stimulateRx} makes arrive: frame i is the suites' sequence frame
     * {@code RX_STIMULUS_SEQ + i} of {@link #RX_STIMULUS_LENGTH} bytes, so a test can check what it received.
     */
    public static final int RX_STIMULUS_SEQ = 0x5EED_0000;
    public static final int RX_STIMULUS_LENGTH = 64;
    /** The most queues a suite configures per port (PortConformanceBase#startAll(2)). */
    static final int MAX_SUITE_QUEUES = 2;
    /** Mbufs of the peer's own stimulus pool: a full tx ring still held by the peer plus one more burst. */
    private static final int STIMULUS_POOL_SIZE = 1023;
    private static final long STIMULUS_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    private static final AtomicInteger STIMULUS_POOL_SEQ = new AtomicInteger();

    private enum Wire
    {
        NONE,
        SELF,
        SOFTWARE_PAIR,
        NIC_PAIR,
        NIC_SELF
    }

    private final Eal eal;
    private final EthDev port;
    private final EthDev peer;
    private final Wire wire;
    /** The pairs: what the peer transmits as rx stimulus, apart from the suite's pool so its count stays exact. */
    private final MbufPool stimulusPool;
    /** A port without a wire whose output can be read back ({@link #withTxRecord}), or null. */
    private Supplier<List<byte[]>> txRecord;

    private PortFixture(final Eal eal, final EthDev port, final EthDev peer, final Wire wire)
    {
        this.eal = eal;
        this.port = port;
        this.peer = peer;
        this.wire = wire;
        this.stimulusPool = wire == Wire.NIC_PAIR || wire == Wire.SOFTWARE_PAIR ? eal.createPktmbufPool("ctstim" +
            STIMULUS_POOL_SEQ.incrementAndGet(), STIMULUS_POOL_SIZE, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE) : null;
    }

    /** A port with no loopback partner. */
    public static PortFixture single(final Eal eal, final EthDev port)
    {
        return new PortFixture(eal, port, null, Wire.NONE);
    }

    /** A port that receives what it sends (queue q to queue q). */
    public static PortFixture loopback(final Eal eal, final EthDev port)
    {
        return new PortFixture(eal, port, port, Wire.SELF);
    }

    /**
     * A NIC model that receives what it sends, tx queue q on rx queue q, cut by its rx buffer size (net_igb_sim in
     * loopback mode): the loopback tests run on it as on a software self-loop, with a NIC's segmentation. Nothing
     * arrives unasked; as on a NIC pair, its transmitter backs up only while the link is set down (a full rx ring
     * drops, as hardware does).
     */
    public static PortFixture nicLoopback(final Eal eal, final EthDev port)
    {
        return new PortFixture(eal, port, port, Wire.NIC_SELF);
    }

    /**
     * Two software ports wired back to back: what {@code port} sends on queue q, {@code peer} receives on queue q, and
     * the other way round, which {@link #stimulateRx} uses to make frames arrive at {@code port} unasked.
     */
    public static PortFixture pair(final Eal eal, final EthDev port, final EthDev peer)
    {
        return new PortFixture(eal, port, peer, Wire.SOFTWARE_PAIR);
    }

    /**
     * Two NIC ports cabled to each other (QEMU models whose netdevs point at each other, or two VFIO functions on one
     * wire): what {@code port} sends, {@code peer} receives if addressed to its MAC, on the queue its RSS picks; the
     * peer transmits to {@code port} when a test needs frames to arrive unasked (see the class comment). A driver
     * in such a fixture declares {@link Capability#onNicPair}. The fixture owns a small pool of its own for that
     * stimulus, created now so that it exists before the ports start (NIC drivers map the pools at start).
     */
    public static PortFixture nicPair(final Eal eal, final EthDev port, final EthDev peer)
    {
        if (port == null || peer == null || port == peer)
        {
            throw new IllegalArgumentException("nicPair(port=" + port + ", peer=" + peer + "): two distinct ports");
        }
        return new PortFixture(eal, port, peer, Wire.NIC_PAIR);
    }

    /**
     * For a port without a wire ({@link Capability#TX_SINK}) whose output can be read back, such as net_pcap's tx
     * file: {@code record} returns every frame the port has written, in order. The suites call it once the port is
     * stopped (a driver may buffer its output until then).
     *
     * @return this fixture.
     */
    public PortFixture withTxRecord(final Supplier<List<byte[]>> record)
    {
        this.txRecord = Objects.requireNonNull(record, "record");
        return this;
    }

    /** True when {@link #txRecord} can read back what the port wrote. */
    public boolean hasTxRecord()
    {
        return txRecord != null;
    }

    /** Every frame the port has written, in order ({@link #withTxRecord}). */
    public List<byte[]> txRecord()
    {
        if (txRecord == null)
        {
            throw new IllegalStateException(this + " has no tx record (PortFixture.withTxRecord)");
        }
        return txRecord.get();
    }

    public Eal eal()
    {
        return eal;
    }

    public EthDev port()
    {
        return port;
    }

    /** The port receiving {@link #port()}'s traffic; null when there is none, {@link #port()} when self-wired. */
    public EthDev peer()
    {
        return peer;
    }

    /** True for {@link #nicLoopback}: a NIC receiving its own frames, which it counts as they arrive. */
    public boolean isSelfWiredNic()
    {
        return wire == Wire.NIC_SELF;
    }

    public boolean hasSeparatePeer()
    {
        return peer != null && peer != port;
    }

    /**
     * The destination MAC a test frame for {@code receiver} must carry to be received without promiscuous mode:
     * the receiver's current MAC on a NIC wire (read at every call, as tests change MACs), the suites' historical
     * 02:01:02:03:04:05 otherwise.
     */
    public MacAddress destinationFor(final EthDev receiver)
    {
        return wire == Wire.NIC_PAIR && receiver != null ? receiver.macAddr() : TestFrames.DEFAULT_DST;
    }

    /**
     * True when what the port sends on tx queue q arrives on the peer's rx queue q (software wires); false when the
     * receiving NIC picks the queue (RSS), so a test must look on every rx queue and can only expect order per flow.
     */
    public boolean deliversQueueToQueue()
    {
        return wire != Wire.NIC_PAIR;
    }

    /**
     * True when the peer receives an mbuf chain cut as it was sent (software wires hand the mbufs over); false when
     * the receiving NIC writes the frame into as many of its own buffers as their size needs.
     */
    public boolean keepsSegments()
    {
        return wire != Wire.NIC_PAIR && wire != Wire.NIC_SELF;
    }

    /**
     * True when the port's transmitter only backs up while its link is set down: a NIC sends onto the wire whether
     * anyone receives or not, so a full tx ring needs setLinkDown (tx resumes at setLinkUp). False when a device
     * fills because nobody receives (net_ring).
     */
    public boolean stopsTxOnlyByLinkDown()
    {
        return wire == Wire.NIC_PAIR || wire == Wire.NIC_SELF;
    }

    /**
     * The mbufs the suite's pool needs so that {@code forTests} remain once every rx ring is filled: NIC ports hold
     * a full ring of mbufs per rx queue from start, on both ends of a NIC pair and for up to
     * {@value #MAX_SUITE_QUEUES} queues; software ports hold none. Rounded to 2^k - 1 as mempools like.
     */
    public int poolSize(final int forTests)
    {
        if (wire != Wire.NIC_PAIR && wire != Wire.NIC_SELF)
        {
            return forTests;
        }
        final long rings = (long)MAX_SUITE_QUEUES * (defaultRxRing(port) + (peer == port ? 0 : defaultRxRing(peer)));
        long size = 1;
        while (size - 1 < rings + forTests)
        {
            size <<= 1;
        }
        return (int)(size - 1);
    }

    /** The rx ring a queue set up with 0 descriptors gets (what the suites' setUp asks for). */
    private static int defaultRxRing(final EthDev dev)
    {
        final DevInfo info = dev.info();
        return info.defaultRxRingSize > 0 ? info.defaultRxRingSize : EthDev.FALLBACK_RING_SIZE;
    }

    /** True when frames arrive at the port unasked only through {@link #stimulateRx} (a pair: its peer sends them). */
    public boolean hasRxStimulus()
    {
        return stimulusPool != null;
    }

    /**
     * Makes {@code n} frames arrive at {@link #port()} without the port sending anything: the peer (started) sends
     * them on its tx queue 0, addressed to the port's current MAC, from the fixture's own pool, so that the suite's
     * pool counts only what the port under test takes. Frame i is the sequence frame {@link #RX_STIMULUS_SEQ} + i
     * of {@link #RX_STIMULUS_LENGTH} bytes. Retries while the peer's tx ring is full, up to a timeout; returns how
     * many frames the peer accepted (the rest are freed). Only for fixtures with {@link #hasRxStimulus()}.
     */
    public int stimulateRx(final int n)
    {
        assertNotNull(stimulusPool, this + " has no rx stimulus: its port receives unasked or not at all");
        final Mbuf[] frames = new Mbuf[n];
        assertEquals(n, stimulusPool.allocBulk(frames, 0, n), "the stimulus pool could not supply " + n + " mbufs");
        final MacAddress dst = port.macAddr();
        for (int i = 0; i < n; i++)
        {
            TestFrames.fillSeq(frames[i], dst, RX_STIMULUS_SEQ + i, RX_STIMULUS_LENGTH);
        }
        int sent = 0;
        final long deadline = System.nanoTime() + STIMULUS_TIMEOUT_NS;
        while (sent < n && System.nanoTime() - deadline < 0)
        {
            sent += peer.txBurst(0, frames, sent, n - sent);
        }
        for (int i = sent; i < n; i++)
        {
            frames[i].free();
        }
        return sent;
    }

    /** Mbufs of the stimulus pool still in use (0 once the peer is closed, or the peer leaked them). */
    public int stimulusInUse()
    {
        return stimulusPool == null ? 0 : stimulusPool.inUse();
    }

    @Override
    public void close()
    {
        eal.close();
    }

    @Override
    public String toString()
    {
        return "PortFixture[" + port + (peer == null ? "" : peer == port ? ", self-wired" :
            (wire == Wire.NIC_PAIR ? ", NIC wire to " : ", peer=") + peer) + "]";
    }
}
