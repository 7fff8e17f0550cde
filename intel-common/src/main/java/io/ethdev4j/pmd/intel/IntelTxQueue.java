package io.ethdev4j.pmd.intel;

import io.ethdev4j.ethdev.QueueCounters;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import org.agrona.UnsafeApi;

import static io.ethdev4j.pmd.intel.AdvTxDescriptor.*;

/**
 * One transmit queue of an Intel NIC (igb, ixgbe): a ring of {@link AdvTxDescriptor advanced data descriptors}, one
 * per mbuf segment, so chained mbufs go out as one frame (EOP on the last segment's descriptor). The NIC's only part
 * is its {@link TailRegister TDT}, resolved at setup from its {@link QueueRegisterMap}.
 * <p>
 * Completion is reported in batches, as DPDK's ixgbe/igb full-featured tx path does: RS is set on a packet's last
 * descriptor once at least {@code rsThresh} descriptors were used since the previous RS, and the index of each RS
 * descriptor is queued. Cleanup runs at the start of every burst while RS batches are outstanding (and when a
 * packet does not fit): it checks DD of the oldest RS descriptor, and on DD frees every segment up to it (simple
 * mbufs in one bulk put), then the next batch. Not waiting for {@code freeThresh} free descriptors (as DPDK's
 * tx_free_thresh) keeps the mbufs in flight few, so they are reused while still in cache: on the instant-mode
 * simulator 23.4 -> 14.5 ns per packet rx+tx; the price is one DD read per burst while the oldest batch is not done. TDT is written once per burst. Only DMA memory is read.
 * <p>
 * Single producer: one lcore per queue. Writer of {@link #counters}: that lcore.
 */
public final class IntelTxQueue implements TxBurst
{
    private static final int CMD_BASE = DTYP_DATA | DCMD_DEXT | DCMD_IFCS;

    private final TailRegister tdt;
    private final int queueId;
    private final long ring;
    private final long ringIova;
    private final int nbDesc;
    private final int rsThresh;
    private final Mbuf[] swRing;
    /** FIFO of descriptor indices carrying RS, oldest at rsHead. */
    private final int[] rsRing;
    private final Mbuf[] freeBuf;
    private final QueueCounters counters = new QueueCounters();

    private int tail;
    /** Oldest descriptor not yet cleaned. */
    private int clean;
    private int nbFree;
    private int sinceRs;
    private int rsHead;
    /** Where the next RS index goes: rsHead + rsCount, wrapped. */
    private int rsTail;
    private int rsCount;
    private volatile boolean deviceFailed;

    /** @param freeThresh the queue's tx_free_thresh as configured (checked by the caller); cleanup does not wait for it */
    IntelTxQueue(final TailRegister tdt, final int queueId, final long ring, final long ringIova, final int nbDesc,
        final int rsThresh, final int freeThresh)
    {
        this.tdt = tdt;
        this.queueId = queueId;
        this.ring = ring;
        this.ringIova = ringIova;
        this.nbDesc = nbDesc;
        this.rsThresh = rsThresh;
        this.swRing = new Mbuf[nbDesc];
        this.rsRing = new int[nbDesc];
        this.freeBuf = new Mbuf[nbDesc];
        reset();
    }

    public int queueId()
    {
        return queueId;
    }

    public int nbDesc()
    {
        return nbDesc;
    }

    /** tx_rs_thresh: descriptors between two report-status requests. */
    public int rsThresh()
    {
        return rsThresh;
    }

    /**
     * tx_descriptor_status: {@code offset} descriptors past the next one to fill: DONE (1) when the device reported
     * it sent, FULL (0) otherwise; -1 for an offset past the ring. Control path, racing the burst function.
     */
    public int descriptorStatus(final int offset)
    {
        if (offset < 0 || offset >= nbDesc)
        {
            return -1;
        }
        final int i = tail + offset >= nbDesc ? tail + offset - nbDesc : tail + offset;
        return (UnsafeApi.getIntVolatile(null, ring + (long)i * LENGTH + WB_STATUS_OFFSET) & STATUS_DD) != 0 ? 1 : 0;
    }

    /** The 16 bytes of descriptor {@code id} as they are in the ring now (testpmd's read txd; a snapshot). */
    public void readDescriptor(final int id, final byte[] out16)
    {
        IntelRxQueue.readRing(ring, nbDesc, id, out16);
    }

    long ringIova()
    {
        return ringIova;
    }

    /** Writer: the transmitting lcore; read by the control path for stats. */
    QueueCounters counters()
    {
        return counters;
    }

    TailRegister tail()
    {
        return tdt;
    }

    /** Whether this queue's doorbell is a store into the mapped BAR (VFIO) rather than a call into the device. */
    public boolean isTailMapped()
    {
        return tdt.isMapped();
    }

    /** Control path: empties the ring (descriptors zeroed, indices at 0) after freeing every held segment. */
    void reset()
    {
        for (int i = 0; i < nbDesc; i++)
        {
            if (swRing[i] != null)
            {
                swRing[i].freeSeg();
                swRing[i] = null;
            }
        }
        UnsafeApi.setMemory(ring, (long)nbDesc * LENGTH, (byte)0);
        tail = 0;
        clean = 0;
        // one descriptor always stays unused so that TDT == TDH means "empty", never "full"
        nbFree = nbDesc - 1;
        sinceRs = 0;
        rsHead = 0;
        rsTail = 0;
        rsCount = 0;
        deviceFailed = false;
    }

    boolean deviceFailed()
    {
        return deviceFailed;
    }

    /**
     * Control path (set link up): writes TDT again with the tail already written. Real hardware resumes on its own
     * when the transmitter is enabled again (igb's TCTL.EN), but QEMU's model looks at a tx ring only when TDT is
     * written (igb_set_tdt), so descriptors queued while the transmitter was off would wait for the next burst. Must
     * not race a txBurst on this queue, like every control call.
     */
    void kick()
    {
        if (!tdt.write(tail))
        {
            deviceFailed = true;
        }
    }

    /** Frees completed descriptors (RS batches whose DD is set); returns how many were freed. */
    private int cleanup()
    {
        int freed = 0;
        int nFree = 0;
        MbufPool runPool = null;
        final Mbuf[] freeBuf = this.freeBuf;
        while (rsCount > 0)
        {
            final int rsIdx = rsRing[rsHead];
            if ((UnsafeApi.getIntVolatile(null, ring + (long)rsIdx * LENGTH + WB_STATUS_OFFSET) & STATUS_DD) == 0)
            {
                break;
            }
            int i = clean;
            while (true)
            {
                final Mbuf m = swRing[i];
                if (m != null)
                {
                    swRing[i] = null;
                    // one look per segment: simple ones (no next, refcnt 1, direct) of one pool go back in one put
                    if (m.nextAddress() == 0 && m.refcnt() == 1 && m.isDirect())
                    {
                        final MbufPool p = m.pool();
                        if (p != runPool && nFree != 0)
                        {
                            runPool.putBulk(freeBuf, 0, nFree);
                            nFree = 0;
                        }
                        runPool = p;
                        freeBuf[nFree++] = m;
                    }
                    else
                    {
                        m.freeSeg();
                    }
                }
                freed++;
                final boolean done = i == rsIdx;
                if (++i == nbDesc)
                {
                    i = 0;
                }
                if (done)
                {
                    break;
                }
            }
            clean = i;
            if (++rsHead == nbDesc)
            {
                rsHead = 0;
            }
            rsCount--;
        }
        if (nFree != 0)
        {
            runPool.putBulk(freeBuf, 0, nFree);
        }
        nbFree += freed;
        return freed;
    }

    @Override
    public int txBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
    {
        if (deviceFailed)
        {
            return 0;
        }
        // every burst, not only below freeThresh free descriptors: each RS batch the device has completed goes back
        // to the pool at once (one DD read when it has not), so the mbufs come out of the pool cache again while
        // they are still in the CPU's caches instead of ~nbDesc of them sitting in the ring
        if (rsCount != 0)
        {
            cleanup();
        }
        final long ring = this.ring;
        final Mbuf[] swRing = this.swRing;
        int t = tail;
        int nbTx = 0;
        long bytes = 0;
        while (nbTx < nbPkts)
        {
            final Mbuf pkt = pkts[offset + nbTx];
            final int segs = pkt.nbSegs();
            if (segs > nbFree && (cleanup() == 0 || segs > nbFree))
            {
                break;
            }
            final int pktLen = pkt.pktLen();
            Mbuf m = pkt;
            int last = t;
            for (int s = 0; s < segs; s++)
            {
                final long d = ring + (long)t * LENGTH;
                UnsafeApi.putLong(d + BUFFER_ADDR_OFFSET, m.dataIova());
                final long next = m.nextAddress();
                final int cmd = CMD_BASE | m.dataLen() | (next == 0 || s == segs - 1 ? DCMD_EOP : 0);
                UnsafeApi.putInt(d + CMD_TYPE_LEN_OFFSET, cmd);
                UnsafeApi.putInt(d + OLINFO_STATUS_OFFSET, pktLen << PAYLEN_SHIFT);
                swRing[t] = m;
                last = t;
                if (++t == nbDesc)
                {
                    t = 0;
                }
                if (next == 0)
                {
                    break;
                }
                m = Mbuf.fromAddress(next);
            }
            nbFree -= segs;
            sinceRs += segs;
            if (sinceRs >= rsThresh)
            {
                final long d = ring + (long)last * LENGTH;
                UnsafeApi.putInt(d + CMD_TYPE_LEN_OFFSET, UnsafeApi.getInt(d + CMD_TYPE_LEN_OFFSET) | DCMD_RS);
                rsRing[rsTail] = last;
                if (++rsTail == nbDesc)
                {
                    rsTail = 0;
                }
                rsCount++;
                sinceRs = 0;
            }
            bytes += pktLen;
            nbTx++;
        }
        if (nbTx == 0)
        {
            return 0;
        }
        tail = t;
        if (!tdt.write(t)) // after the descriptors, as TailRegister.write orders it
        {
            deviceFailed = true;
        }
        counters.add(nbTx, bytes);
        return nbTx;
    }
}
