package io.ethdev4j.pmd.intel;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import org.agrona.UnsafeApi;

import static io.ethdev4j.pmd.intel.AdvRxDescriptor.*;

/**
 * One receive queue of an Intel NIC (igb, ixgbe): a ring of {@link AdvRxDescriptor advanced one-buffer descriptors}
 * in DMA memory and the mbuf behind each slot (DPDK's {@code igb_rx_queue} + {@code eth_igb_recv_scattered_pkts};
 * ixgbe's scattered rx reads the same write-backs). The NIC's only part is its {@link TailRegister RDT}, resolved at
 * setup from its {@link QueueRegisterMap}.
 * <p>
 * Hot path: {@link #rxBurst} reads only DMA memory (the DD bit of each write-back), chains the segments of frames
 * longer than one buffer (scattered rx, no EOP = more to come), and refills consumed slots in batches of
 * {@code freeThresh} mbufs with one bulk get of raw mbufs (initialised once, on receive, in wide stores), writing
 * RDT once per burst and only when it refilled (the last
 * armed slot: the NIC owns [RDH, RDT), so RDT = RDH means it owns nothing). A failed
 * bulk allocation counts {@code freeThresh} in rx_nombuf (as DPDK's bulk-alloc rx) and leaves the slots empty until
 * a later burst succeeds; the device sees fewer free descriptors meanwhile and drops (RNBC/MPC).
 * <p>
 * Write-backs are checked before a byte of them is believed: a length of 0 or above the programmed buffer size, a
 * non-final segment shorter than a buffer, a chain longer than {@link #MAX_SEGS}, the RXE error bit or the
 * header-overflow bit (impossible in one-buffer mode) drop the whole frame and count one rx error; the mbufs go
 * back to the pool, and no mbuf ever gets a data_len larger than its buffer.
 * <p>
 * A write the IOMMU blocked (the buffer address was not mapped for DMA: a driver bug, memory unmapped too early)
 * leaves no trace in the write-back: the device's write is posted, so the NIC never learns it failed and reports a
 * good frame (QEMU's igb does the same; only the kernel logs a DMAR fault). The debug check
 * {@value #CHECK_RX_DMA_PROPERTY} (off by default; when off it costs nothing) catches it: every armed buffer starts
 * with {@link #UNWRITTEN_MARKER}, and a completed segment that still does is a frame whose data never arrived; it is
 * dropped and counted as an rx error. With the check on, a received frame whose first 8 bytes equal the marker is
 * dropped too, and devices that complete descriptors without writing data (net_igb_sim's instant mode) count
 * every frame as an error.
 * <p>
 * Single consumer: one lcore polls a queue. Writer of {@link #counters}: that lcore.
 */
public final class IntelRxQueue implements RxBurst
{
    /** Largest segment count accepted for one frame (16 KiB frames in 1 KiB buffers). */
    public static final int MAX_SEGS = 64;
    /** System property turning on the check for blocked DMA writes ({@code -Dethdev4j.intel.checkRxDma=true}). */
    public static final String CHECK_RX_DMA_PROPERTY = "ethdev4j.intel.checkRxDma";
    /** What the check writes at the start of every armed buffer (a multicast destination MAC and 2 more bytes). */
    public static final long UNWRITTEN_MARKER = 0x5AA5_F00D_DEAD_BEEFL;
    static final boolean CHECK_RX_DMA = Boolean.getBoolean(CHECK_RX_DMA_PROPERTY);

    private final TailRegister rdt;
    private final int queueId;
    private final int portId;
    private final long ring;
    private final long ringIova;
    private final int nbDesc;
    private final Mbuf[] swRing;
    private final Mbuf[] allocBuf;
    private final MbufPool pool;
    private final int freeThresh;
    /** Bytes the device may write per descriptor (SRRCTL.BSIZEPKT, a multiple of 1 KiB). */
    private final int bufSize;
    /** SRRCTL.DROP_EN asked for at setup (QueueConf.dropEn): the NIC drops rather than waits when the ring is empty. */
    private final boolean dropEn;
    private final QueueCounters counters = new QueueCounters();
    /** rearm_data of a received segment: data_off HEADROOM (where the device wrote), refcnt 1, nb_segs 1, port. */
    private final long rearm;

    private int rxTail;
    /** Next slot to refill; slots rxRefill .. rxTail-1 (mod nbDesc) are empty. */
    private int rxRefill;
    private int nbEmpty;
    private Mbuf firstSeg;
    private Mbuf lastSeg;
    private int nbSegs;
    private boolean discarding;
    private volatile boolean deviceFailed;

    IntelRxQueue(final TailRegister rdt, final int queueId, final int portId, final long ring, final long ringIova,
        final int nbDesc, final MbufPool pool, final int freeThresh, final int bufSize, final boolean dropEn)
    {
        this.rdt = rdt;
        this.queueId = queueId;
        this.portId = portId;
        this.ring = ring;
        this.ringIova = ringIova;
        this.nbDesc = nbDesc;
        this.swRing = new Mbuf[nbDesc];
        this.pool = pool;
        this.freeThresh = freeThresh;
        this.allocBuf = new Mbuf[freeThresh];
        this.bufSize = bufSize;
        this.dropEn = dropEn;
        this.rearm = (MbufDescriptor.rearmWord(MbufDescriptor.HEADROOM) & 0x0000_FFFF_FFFF_FFFFL) |
            ((long)(portId & 0xFFFF) << 48);
    }

    public int queueId()
    {
        return queueId;
    }

    public int nbDesc()
    {
        return nbDesc;
    }

    /** rx_free_thresh: descriptors given back to the device at a time. */
    public int freeThresh()
    {
        return freeThresh;
    }

    /**
     * Copies the 16 bytes of descriptor {@code id} as they are in the ring now (testpmd's read rxd; control path: a
     * snapshot, racing the device and the burst function).
     */
    public void readDescriptor(final int id, final byte[] out16)
    {
        readRing(ring, nbDesc, id, out16);
    }

    /**
     * rx_queue_count (eth_igb_rx_queue_count): descriptors done from the next one to read, counted 4 at a time.
     * Control path, racing the burst function as DPDK's does.
     */
    public int usedCount()
    {
        final int tail = rxTail;
        int desc = 0;
        while (desc < nbDesc && (statusAt(tail + desc) & STATUS_DD) != 0)
        {
            desc += 4;
        }
        return desc;
    }

    /**
     * rx_descriptor_status: {@code offset} descriptors past the next one to read: DONE (1) when the device wrote it,
     * AVAIL (0) when armed for it, UNAVAIL (2) when not yet given back; -1 for an offset past the ring.
     */
    public int descriptorStatus(final int offset)
    {
        if (offset < 0 || offset >= nbDesc)
        {
            return -1;
        }
        if (offset >= nbDesc - nbEmpty)
        {
            return 2;
        }
        return (statusAt(rxTail + offset) & STATUS_DD) != 0 ? 1 : 0;
    }

    private int statusAt(final int index)
    {
        final int i = index >= nbDesc ? index - nbDesc : index;
        return UnsafeApi.getIntVolatile(null, ring + (long)i * LENGTH + WB_STATUS_ERROR_OFFSET);
    }

    static void readRing(final long ring, final int nbDesc, final int id, final byte[] out16)
    {
        if (id < 0 || id >= nbDesc || out16.length < 16)
        {
            throw new IllegalArgumentException("descriptor " + id + " of a ring of " + nbDesc + " (16 bytes needed)");
        }
        for (int i = 0; i < 16; i++)
        {
            out16[i] = UnsafeApi.getByte(ring + (long)id * 16 + i);
        }
    }

    public MbufPool pool()
    {
        return pool;
    }

    public int bufSize()
    {
        return bufSize;
    }

    public boolean dropEn()
    {
        return dropEn;
    }

    long ringIova()
    {
        return ringIova;
    }

    /** Writer: the polling lcore; read by the control path for stats. */
    QueueCounters counters()
    {
        return counters;
    }

    TailRegister tail()
    {
        return rdt;
    }

    /** Whether this queue's doorbell is a store into the mapped BAR (VFIO) rather than a call into the device. */
    public boolean isTailMapped()
    {
        return rdt.isMapped();
    }

    /** Control path (start): every slot gets an mbuf; false (nothing held) if the pool cannot supply them. */
    boolean fill()
    {
        release();
        for (int i = 0; i < nbDesc; i += freeThresh)
        {
            final int n = Math.min(freeThresh, nbDesc - i);
            if (pool.allocBulk(swRing, i, n) == 0)
            {
                release();
                return false;
            }
        }
        for (int i = 0; i < nbDesc; i++)
        {
            arm(i, swRing[i]);
        }
        rxTail = 0;
        rxRefill = 0;
        nbEmpty = 0;
        deviceFailed = false;
        return true;
    }

    private void arm(final int slot, final Mbuf m)
    {
        final long d = ring + (long)slot * LENGTH;
        if (CHECK_RX_DMA)
        {
            UnsafeApi.putLong(m.bufAddr() + MbufDescriptor.HEADROOM, UNWRITTEN_MARKER);
        }
        UnsafeApi.putLong(d + PKT_ADDR_OFFSET, m.bufIova() + MbufDescriptor.HEADROOM);
        // clears the DD bit of the old write-back; a plain store: the tail write after the batch is the release
        // (TailRegister.write), as DPDK's one rte_io_wmb before RDT
        UnsafeApi.putLong(d + HDR_ADDR_OFFSET, 0L);
    }

    /** Control path (stop, release): every mbuf held goes back to its pool, a partial frame included. */
    void release()
    {
        for (int i = 0; i < nbDesc; i++)
        {
            if (swRing[i] != null)
            {
                swRing[i].freeSeg();
                swRing[i] = null;
            }
        }
        dropPartial();
        UnsafeApi.setMemory(ring, (long)nbDesc * LENGTH, (byte)0);
    }

    private void dropPartial()
    {
        if (firstSeg != null)
        {
            Mbuf m = firstSeg;
            while (m != null)
            {
                final Mbuf next = m == lastSeg ? null : m.next();
                m.next(null);
                m.nbSegs(1);
                m.freeSeg();
                m = next;
            }
        }
        firstSeg = null;
        lastSeg = null;
        nbSegs = 0;
    }

    /** Set when a doorbell write failed (the device or its QEMU died): bursts return 0 from then on. */
    boolean deviceFailed()
    {
        return deviceFailed;
    }

    @Override
    public int rxBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        if (deviceFailed)
        {
            return 0;
        }
        final long ring = this.ring;
        final Mbuf[] swRing = this.swRing;
        final int bufSize = this.bufSize;
        int tail = rxTail;
        int nbRx = 0;
        long bytes = 0;
        int errors = 0;
        int consumed = 0;
        Mbuf first = firstSeg;
        Mbuf last = lastSeg;
        int segs = nbSegs;
        boolean discard = discarding;
        while (nbRx < nbPkts)
        {
            final Mbuf m = swRing[tail];
            if (m == null)
            {
                break; // an empty slot: refill failed earlier, the device cannot have written here
            }
            final long d = ring + (long)tail * LENGTH;
            final int status = UnsafeApi.getIntVolatile(null, d + WB_STATUS_ERROR_OFFSET);
            if ((status & STATUS_DD) == 0)
            {
                break;
            }
            final int len = UnsafeApi.getShort(d + WB_LENGTH_OFFSET) & 0xFFFF;
            swRing[tail] = null;
            consumed++;
            if (++tail == nbDesc)
            {
                tail = 0;
            }
            final boolean eop = (status & STATUS_EOP) != 0;
            if (discard || len == 0 || len > bufSize || (!eop && len != bufSize) ||
                (status & (ERROR_RXE | ERROR_HBO)) != 0 || segs >= MAX_SEGS ||
                (CHECK_RX_DMA && UnsafeApi.getLong(m.bufAddr() + MbufDescriptor.HEADROOM) == UNWRITTEN_MARKER))
            {
                // a bad or unwanted segment: free it and whatever the frame had so far, skip to the frame's end
                m.freeSeg();
                if (first != null)
                {
                    firstSeg = first;
                    lastSeg = last;
                    dropPartial();
                    first = null;
                    last = null;
                    segs = 0;
                }
                if (!discard)
                {
                    errors++;
                }
                discard = !eop;
                continue;
            }
            // the refilled mbuf came raw from the pool (next 0, refcnt 1, nb_segs 1): initialised here, once, in
            // four 8-byte stores as DPDK's rx (rearm_data; ol_flags; packet_type + pkt_len; data_len + vlan_tci +
            // hash.rss)
            final long a = m.address();
            UnsafeApi.putLong(a + MbufDescriptor.REARM_DATA_OFFSET, rearm);
            UnsafeApi.putLong(a + MbufDescriptor.OL_FLAGS_OFFSET, 0L);
            UnsafeApi.putLong(a + MbufDescriptor.PACKET_TYPE_OFFSET, (long)len << 32);
            UnsafeApi.putLong(a + MbufDescriptor.DATA_LEN_OFFSET,
                len | ((long)UnsafeApi.getInt(d + WB_RSS_HASH_OFFSET) << 32));
            if (first == null)
            {
                first = m;
                segs = 1;
            }
            else
            {
                first.pktLen(first.pktLen() + len);
                last.next(m);
                segs++;
            }
            if (!eop)
            {
                last = m;
                continue;
            }
            if (segs != 1)
            {
                first.nbSegs(segs);
                first.rssHash(UnsafeApi.getInt(d + WB_RSS_HASH_OFFSET)); // the last segment's write-back carries it
                bytes += first.pktLen();
            }
            else
            {
                bytes += len;
            }
            pkts[offset + nbRx++] = first;
            first = null;
            last = null;
            segs = 0;
        }
        rxTail = tail;
        firstSeg = first;
        lastSeg = last;
        nbSegs = segs;
        discarding = discard;
        nbEmpty += consumed;
        if (nbEmpty >= freeThresh)
        {
            refill();
        }
        if (nbRx != 0)
        {
            counters.add(nbRx, bytes);
        }
        if (errors != 0)
        {
            counters.addErrors(errors);
        }
        return nbRx;
    }

    /** Arms empty slots in batches of freeThresh, then one RDT write (the last armed slot). */
    private void refill()
    {
        int slot = rxRefill;
        boolean armed = false;
        while (nbEmpty >= freeThresh)
        {
            // raw mbufs (rxBurst initialises each one when the device has filled it), straight into the slots when
            // the batch does not wrap (nbDesc a multiple of freeThresh: always), else through allocBuf
            final boolean direct = slot + freeThresh <= nbDesc;
            if (pool.getBulk(direct ? swRing : allocBuf, direct ? slot : 0, freeThresh) == 0)
            {
                counters.addNombuf(freeThresh);
                break;
            }
            for (int i = 0; i < freeThresh; i++)
            {
                final Mbuf m;
                if (direct)
                {
                    m = swRing[slot];
                }
                else
                {
                    m = allocBuf[i];
                    swRing[slot] = m;
                }
                arm(slot, m);
                if (++slot == nbDesc)
                {
                    slot = 0;
                }
            }
            nbEmpty -= freeThresh;
            armed = true;
        }
        rxRefill = slot;
        if (armed && !rdt.write(slot == 0 ? nbDesc - 1 : slot - 1))
        {
            deviceFailed = true;
        }
    }
}
