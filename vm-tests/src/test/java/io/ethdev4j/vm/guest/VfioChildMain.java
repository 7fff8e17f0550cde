package io.ethdev4j.vm.guest;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pmd.igb.IgbEthDev;
import io.ethdev4j.pmd.igb.IgbRegs;
import io.ethdev4j.pmd.intel.AdvRxDescriptor;
import io.ethdev4j.pmd.intel.IntelRxQueue;
import io.ethdev4j.sys.LibC;
import org.agrona.UnsafeApi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The guest tests' second process (started with {@link Guest#javaCommand}): opens the two wired igb ports through
 * VFIO, moves frames between them and prints one {@code key=value} line per fact for the test to check.
 * <pre>
 *   traffic P0 P1 N   N frames P0 -> P1, then N frames P1 -> P0, byte-exact (NonRootGuestTest runs it as nobody)
 *   rx-fault P0 P1    IommuFaultGuestTest's receive half, with -Dethdev4j.intel.checkRxDma=true: the rx descriptor P1
 *                     fills next gets the address of a buffer that was never mapped for DMA, P0 sends one frame,
 *                     then traffic goes on, and on again after P1 is restarted
 * </pre>
 * A refusal by the runtime ({@link EthDevException}) ends the process as an application would: its message on one
 * line of stderr and exit status 1. Anything else escapes with its stack trace (a bug in the test). The frame
 * helpers below also serve the in-process tests.
 */
public final class VfioChildMain
{
    static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    static final int RING_SIZE = 64;
    private static final long PAGE = 4096;

    private VfioChildMain()
    {
    }

    public static void main(final String[] args)
    {
        int rc;
        try
        {
            rc = switch (args.length > 0 ? args[0] : "")
            {
                case "traffic" -> traffic(args[1], args[2], Integer.parseInt(args[3]));
                case "rx-fault" -> rxFault(args[1], args[2]);
                default -> usage();
            };
        }
        catch (final EthDevException ex)
        {
            System.err.println("error: " + ex.getMessage());
            rc = 1;
        }
        System.out.flush();
        System.exit(rc);
    }

    private static int usage()
    {
        System.err.println("usage: VfioChildMain traffic P0 P1 N | rx-fault P0 P1");
        return 2;
    }

    // ------------------------------------------------------------------ modes

    private static int traffic(final String p0, final String p1, final int n)
    {
        try (Eal eal = openPair(p0, p1))
        {
            final MbufPool pool = eal.createPktmbufPool("child", 1023, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
            final EthDev a = eal.port(0);
            final EthDev b = eal.port(1);
            start(a, pool);
            start(b, pool);
            fact("forward", exchange(a, b, pool, 0, n));
            fact("backward", exchange(b, a, pool, 1000, n));
            a.stop();
            b.stop();
            fact("mbufs_in_use", pool.inUse());
        }
        return 0;
    }

    private static int rxFault(final String p0, final String p1)
    {
        fact("check_rx_dma", Boolean.getBoolean(IntelRxQueue.CHECK_RX_DMA_PROPERTY));
        try (Eal eal = openPair(p0, p1))
        {
            final MbufPool pool = eal.createPktmbufPool("rxfault", 1023, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
            final EthDev tx = eal.port(0);
            final EthDev rx = eal.port(1);
            start(tx, pool);
            start(rx, pool);
            fact("before_fault", exchange(tx, rx, pool, 0, 1));
            fact("rx_tail_mapped", ((IntelRxQueue)rx.driverRxQueue(0)).isTailMapped());

            // the sentinel: two pages of this process that no VFIO_IOMMU_MAP_DMA ever covered
            final long sentinel = LibC.mmapChecked(0, 2 * PAGE, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS | LibC.MAP_POPULATE, -1, 0);
            try
            {
                for (long i = 0; i < 2 * PAGE; i++)
                {
                    UnsafeApi.putByte(sentinel + i, pattern(i));
                }
                // the driver bug: the descriptor the NIC fills next (RDH) points at the sentinel (IOVA = VA, as the
                // runtime maps memory); QEMU reads a descriptor when a frame arrives, so a write now is in time
                final PciDevice dev = ((IgbEthDev)rx.ops()).device();
                final int head = dev.read32(0, IgbRegs.RDH(0));
                final long ring = (dev.read32(0, IgbRegs.RDBAH(0)) & 0xFFFF_FFFFL) << 32 |
                    (dev.read32(0, IgbRegs.RDBAL(0)) & 0xFFFF_FFFFL);
                UnsafeApi.putLongVolatile(null, ring + (long)head * AdvRxDescriptor.LENGTH +
                    AdvRxDescriptor.PKT_ADDR_OFFSET, sentinel + MbufDescriptor.HEADROOM);
                fact("fault_slot", head);
                fact("fault_addr", "0x" + Long.toHexString(sentinel + MbufDescriptor.HEADROOM));

                final EthStats before = rx.stats();
                send(tx, pool, frame(rx, tx, 1, 60));
                final List<byte[]> delivered = new ArrayList<>();
                final Mbuf[] burst = new Mbuf[8];
                final long deadline = System.nanoTime() + TIMEOUT_NS;
                EthStats after = rx.stats();
                while (after.ierrors == before.ierrors && delivered.isEmpty() && System.nanoTime() - deadline < 0)
                {
                    drain(rx, burst, delivered);
                    after = rx.stats();
                }
                drain(rx, burst, delivered);
                after = rx.stats();
                fact("delivered", delivered.size());
                fact("ierrors", after.ierrors - before.ierrors);
                fact("q_errors", after.qErrors[0] - before.qErrors[0]);
                fact("hw_ipackets", after.ipackets - before.ipackets);
                fact("q_ipackets", after.qIpackets[0] - before.qIpackets[0]);
                int changed = 0;
                for (long i = 0; i < 2 * PAGE; i++)
                {
                    changed += UnsafeApi.getByte(sentinel + i) == pattern(i) ? 0 : 1;
                }
                fact("sentinel_changed_bytes", changed);
            }
            finally
            {
                LibC.munmapChecked(sentinel, 2 * PAGE);
            }
            fact("after_fault", exchange(tx, rx, pool, 100, 40));
            rx.stop();
            rx.start();
            awaitLink(rx);
            fact("after_restart", exchange(tx, rx, pool, 200, 10));
            tx.stop();
            rx.stop();
            fact("mbufs_in_use", pool.inUse());
        }
        return 0;
    }

    private static byte pattern(final long i)
    {
        return (byte)(0xA5 ^ i * 31);
    }

    private static void drain(final EthDev port, final Mbuf[] burst, final List<byte[]> into)
    {
        final int n = port.rxBurst(0, burst, 0, burst.length);
        for (int i = 0; i < n; i++)
        {
            into.add(contents(burst[i]));
            burst[i].free();
            burst[i] = null;
        }
    }

    private static void fact(final String key, final Object value)
    {
        System.out.println(key + "=" + value);
    }

    // ------------------------------------------------------------------ ports and frames (shared with the tests)

    /** A runtime with the two ports, each start waiting up to 5 s for the link (QEMU's autonegotiation: ~0.5 s). */
    static Eal openPair(final String p0, final String p1)
    {
        return Eal.init("--no-huge", "-m", "32", "-a", p0 + ",link_wait_ms=5000", "-a", p1 + ",link_wait_ms=5000");
    }

    /** One rx and one tx queue of {@value #RING_SIZE} descriptors, started, link up. */
    static void start(final EthDev port, final MbufPool pool)
    {
        port.configure(1, 1, new EthConf());
        port.rxQueueSetup(0, RING_SIZE, pool, null);
        port.txQueueSetup(0, RING_SIZE, null);
        port.start();
        awaitLink(port);
    }

    static void awaitLink(final EthDev port)
    {
        if (!port.link().isUp())
        {
            throw new IllegalStateException(port.name() + ": no link 5 s after start: " + port.link());
        }
    }

    /** A 0x88B5 frame from {@code src} to {@code dst}'s MAC carrying {@code seq}, {@code length} bytes. */
    static byte[] frame(final EthDev dst, final EthDev src, final int seq, final int length)
    {
        final byte[] f = new byte[length];
        System.arraycopy(dst.macAddr().toBytes(), 0, f, 0, 6);
        System.arraycopy(src.macAddr().toBytes(), 0, f, 6, 6);
        f[12] = (byte)0x88;
        f[13] = (byte)0xB5;
        f[14] = (byte)(seq >>> 24);
        f[15] = (byte)(seq >>> 16);
        f[16] = (byte)(seq >>> 8);
        f[17] = (byte)seq;
        for (int i = 18; i < length; i++)
        {
            f[i] = (byte)(seq + i);
        }
        return f;
    }

    static Mbuf mbufOf(final MbufPool pool, final byte[] f)
    {
        final Mbuf m = pool.alloc();
        if (m == null)
        {
            throw new IllegalStateException(pool.name() + " is empty");
        }
        m.append(f.length);
        m.copyFrom(f, 0, 0, f.length);
        return m;
    }

    static byte[] contents(final Mbuf m)
    {
        final byte[] b = new byte[m.pktLen()];
        m.readPacket(b, 0);
        return b;
    }

    /** Queues every mbuf on tx queue 0 (retrying while the ring is full, bounded). */
    static void sendMbufs(final EthDev port, final Mbuf... pkts)
    {
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        int sent = 0;
        while (sent < pkts.length)
        {
            sent += port.txBurst(0, pkts, sent, pkts.length - sent);
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException(port.name() + ": sent only " + sent + " of " + pkts.length);
            }
        }
    }

    static void send(final EthDev port, final MbufPool pool, final byte[]... frames)
    {
        final Mbuf[] pkts = new Mbuf[frames.length];
        for (int i = 0; i < frames.length; i++)
        {
            pkts[i] = mbufOf(pool, frames[i]);
        }
        sendMbufs(port, pkts);
    }

    /** Up to {@code n} frames from rx queue 0 within {@link #TIMEOUT_NS}, copied out (the mbufs are freed). */
    static List<byte[]> receive(final EthDev port, final int n)
    {
        final List<byte[]> got = new ArrayList<>();
        final Mbuf[] burst = new Mbuf[32];
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        while (got.size() < n && System.nanoTime() - deadline < 0)
        {
            final int k = port.rxBurst(0, burst, 0, Math.min(burst.length, n - got.size()));
            for (int i = 0; i < k; i++)
            {
                got.add(contents(burst[i]));
                burst[i].free();
                burst[i] = null;
            }
        }
        return got;
    }

    /**
     * Sends {@code n} frames (sequence numbers from {@code firstSeq}, 60..) from {@code from} to {@code to} and
     * returns "ok N" when all arrived byte-exact and in order, or what went wrong.
     */
    static String exchange(final EthDev from, final EthDev to, final MbufPool pool, final int firstSeq, final int n)
    {
        final byte[][] frames = new byte[n][];
        for (int i = 0; i < n; i++)
        {
            frames[i] = frame(to, from, firstSeq + i, 60 + i % 64);
        }
        send(from, pool, frames);
        final List<byte[]> got = receive(to, n);
        for (int i = 0; i < got.size(); i++)
        {
            if (!Arrays.equals(frames[i], got.get(i)))
            {
                return "frame " + (firstSeq + i) + " differs: sent " + Arrays.toString(frames[i]) + ", received " +
                    Arrays.toString(got.get(i));
            }
        }
        return got.size() == n ? "ok " + n : "received " + got.size() + " of " + n;
    }
}
