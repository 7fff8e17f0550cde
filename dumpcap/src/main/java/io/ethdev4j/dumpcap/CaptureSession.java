package io.ethdev4j.dumpcap;

import io.ethdev4j.pdump.CaptureRegion;
import io.ethdev4j.pdump.CaptureRegionDescriptor;
import io.ethdev4j.pdump.CaptureRingDescriptor;
import io.ethdev4j.pdump.CaptureRingReader;
import io.ethdev4j.pdump.PdumpClient;
import io.ethdev4j.pdump.PdumpProtocol.PortInfo;
import io.ethdev4j.pmd.pcap.PcapngBlockDescriptor;
import io.ethdev4j.pmd.pcap.PcapngWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The capture client's side of one capture: a {@link CaptureRegion} with one ring per queue and direction of every
 * captured port, enabled in the application, and the drain that merges the rings by timestamp into pcapng
 * records (dpdk-dumpcap's {@code process_ring()}). One thread; the drain allocates nothing.
 */
final class CaptureSession implements AutoCloseable
{
    /** Packets of snap length one ring holds: dpdk-dumpcap's default ring of 2048 mbufs. */
    static final int RING_PACKETS = 2048;
    static final int MAX_RING_CAPACITY = 64 << 20;
    static final Path SHM = Path.of("/dev/shm");

    private final PdumpClient client;
    private final CaptureRegion region;
    private final CaptureRingReader[] readers;
    /** Per ring: the pcapng interface id (index into the captured ports). */
    private final int[] interfaceOf;
    private final int[] flagsOf;
    /** Per interface: packets written to the file. */
    private final long[] delivered;
    private final long wallOffsetNs;
    private boolean enabled;

    private CaptureSession(final PdumpClient client, final CaptureRegion region, final CaptureRingReader[] readers,
        final int[] interfaceOf, final int[] flagsOf, final int interfaces, final long wallOffsetNs)
    {
        this.client = client;
        this.region = region;
        this.readers = readers;
        this.interfaceOf = interfaceOf;
        this.flagsOf = flagsOf;
        this.delivered = new long[interfaces];
        this.wallOffsetNs = wallOffsetNs;
    }

    /** Ring capacity for {@code snaplen}: {@link #RING_PACKETS} records, a power of two, within the limits. */
    static int ringCapacity(final int snaplen)
    {
        final long want = (long)RING_PACKETS * CaptureRingDescriptor.recordStride(snaplen);
        final long pow2 = Long.highestOneBit(Math.max(want - 1, 1)) << 1;
        return (int)Math.max(CaptureRegionDescriptor.MIN_RING_CAPACITY, Math.min(MAX_RING_CAPACITY, pow2));
    }

    /**
     * Lays out a region in /dev/shm for every rx and tx queue of {@code ports}, asks the application to enable it,
     * and unlinks the file (both sides have it mapped).
     *
     * @param filter packed filter instructions, or null
     */
    static CaptureSession open(final PdumpClient client, final List<PortInfo> ports, final int snaplen,
        final long[] filter, final long wallOffsetNs)
    {
        final List<int[]> rings = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++)
        {
            final PortInfo p = ports.get(i);
            for (int q = 0; q < p.nbRxQueues(); q++)
            {
                rings.add(new int[] {p.portId(), q, CaptureRingDescriptor.DIRECTION_RX, i});
            }
            for (int q = 0; q < p.nbTxQueues(); q++)
            {
                rings.add(new int[] {p.portId(), q, CaptureRingDescriptor.DIRECTION_TX, i});
            }
        }
        final int n = rings.size();
        final int[] portIds = new int[n];
        final int[] queues = new int[n];
        final int[] dirs = new int[n];
        final int[] interfaceOf = new int[n];
        final int[] flagsOf = new int[n];
        for (int r = 0; r < n; r++)
        {
            portIds[r] = rings.get(r)[0];
            queues[r] = rings.get(r)[1];
            dirs[r] = rings.get(r)[2];
            interfaceOf[r] = rings.get(r)[3];
            flagsOf[r] = dirs[r] == CaptureRingDescriptor.DIRECTION_RX ? PcapngBlockDescriptor.EPB_FLAG_INBOUND :
                PcapngBlockDescriptor.EPB_FLAG_OUTBOUND;
        }
        final int capacity = ringCapacity(snaplen);
        final Path file = SHM.resolve("ethdev4j-dumpcap-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        final CaptureRegion region = CaptureRegion.create(file, snaplen, capacity, filter, portIds, queues, dirs);
        try
        {
            final CaptureRingReader[] readers = new CaptureRingReader[n];
            for (int r = 0; r < n; r++)
            {
                readers[r] = new CaptureRingReader(region.ring(r), capacity);
            }
            final CaptureSession s = new CaptureSession(client, region, readers, interfaceOf, flagsOf, ports.size(),
                wallOffsetNs);
            client.enable(file);
            s.enabled = true;
            return s;
        }
        catch (final RuntimeException ex)
        {
            region.close();
            throw ex;
        }
        finally
        {
            CaptureRegion.deleteQuietly(file);
        }
    }

    /**
     * Writes up to {@code limit} packets, oldest first across the rings, and hands their space back.
     *
     * @return the number written; 0 when the rings are empty
     */
    int drain(final PcapngWriter out, final long limit) throws IOException
    {
        final CaptureRingReader[] readers = this.readers;
        int written = 0;
        while (written < limit)
        {
            int best = -1;
            long bestTs = 0;
            for (int r = 0; r < readers.length; r++)
            {
                if (readers[r].next() && (best < 0 || readers[r].timestamp() - bestTs < 0))
                {
                    best = r;
                    bestTs = readers[r].timestamp();
                }
            }
            if (best < 0)
            {
                break;
            }
            final CaptureRingReader rd = readers[best];
            out.writePacket(interfaceOf[best], bestTs + wallOffsetNs, rd.dataAddress(), rd.capturedLength(),
                rd.originalLength(), flagsOf[best], rd.queue());
            delivered[interfaceOf[best]]++;
            rd.consume();
            written++;
        }
        for (final CaptureRingReader rd : readers)
        {
            rd.commit();
        }
        return written;
    }

    /** Asks the application to stop capturing; when this returns nothing more is written to the rings. */
    void disable()
    {
        if (enabled)
        {
            enabled = false;
            client.disable();
        }
    }

    /** Packets interface {@code i}'s taps were shown (rx and tx, all queues). */
    long seen(final int i)
    {
        long n = 0;
        for (int r = 0; r < readers.length; r++)
        {
            n += interfaceOf[r] == i ? readers[r].seen() : 0;
        }
        return n;
    }

    long filtered(final int i)
    {
        long n = 0;
        for (int r = 0; r < readers.length; r++)
        {
            n += interfaceOf[r] == i ? readers[r].filtered() : 0;
        }
        return n;
    }

    /** Packets interface {@code i}'s taps dropped because a ring was full. */
    long dropped(final int i)
    {
        long n = 0;
        for (int r = 0; r < readers.length; r++)
        {
            n += interfaceOf[r] == i ? readers[r].dropped() : 0;
        }
        return n;
    }

    long delivered(final int i)
    {
        return delivered[i];
    }

    @Override
    public void close()
    {
        region.close();
    }
}
