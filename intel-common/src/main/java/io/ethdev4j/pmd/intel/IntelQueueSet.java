package io.ethdev4j.pmd.intel;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.mem.DmaMemory;
import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.sys.Errno;

/**
 * One port's rx and tx queues and the DMA memory of their rings (one region, a largest-size ring per queue): queue
 * setup with DPDK's threshold defaults, release, and what the control path asks of all queues at once (mbufs back,
 * a failed device, per-queue stats). Register programming is {@link RingProgrammer}'s.
 * <p>
 * DMA: the rings are allocated from the runtime's memory and the rx pools must live there too; the device's transport
 * maps what that memory registers (rings at configure, pools when they are created), so nothing here maps memory.
 * A pool from other memory (e.g. {@code MbufPool.create} without a memory) is refused at rx setup: its buffers
 * would be invisible to the device.
 */
public final class IntelQueueSet
{
    /** Receive buffers are programmed in whole KiB (SRRCTL.BSIZEPKT): the least data room a pool must give. */
    public static final int MIN_RX_BUF_SIZE = 1024;
    /** rx free / tx RS and free threshold when the application gives none (DPDK's IGB_DEFAULT_RX_FREE_THRESH). */
    public static final int DEFAULT_FREE_THRESH = 32;

    private final PciDevice dev;
    private final QueueRegisterMap regs;
    private final DmaMemory memory;
    private final int portId;
    private final long ringBytes;
    private DmaRegion rings;
    private IntelRxQueue[] rxQueues = new IntelRxQueue[0];
    private IntelTxQueue[] txQueues = new IntelTxQueue[0];

    /**
     * @param memory      the runtime's memory ({@code EalServices.memory()}): rings come from it, rx pools must
     * @param maxRingDesc the largest ring the NIC takes: the ring space reserved per queue
     */
    public IntelQueueSet(final PciDevice dev, final QueueRegisterMap regs, final DmaMemory memory, final int portId,
        final int maxRingDesc)
    {
        this.dev = dev;
        this.regs = regs;
        this.memory = memory;
        this.portId = portId;
        this.ringBytes = (long)maxRingDesc * Math.max(AdvRxDescriptor.LENGTH, AdvTxDescriptor.LENGTH);
    }

    /**
     * dev_configure: ring memory for {@code nrx + ntx} queues (kept when large enough), no queue set up yet. The
     * region is registered with the runtime's memory, so the device's transport has mapped it when this returns.
     */
    public void configure(final String regionName, final int nrx, final int ntx)
    {
        final long need = (nrx + ntx) * ringBytes;
        if (rings == null || rings.length() < need)
        {
            releaseRings();
            if (need > 0)
            {
                rings = memory.allocate(regionName, need);
            }
        }
        rxQueues = new IntelRxQueue[nrx];
        txQueues = new IntelTxQueue[ntx];
    }

    private static int threshold(final int requested, final int nbDesc)
    {
        final int t = requested > 0 ? requested : DEFAULT_FREE_THRESH;
        return Math.max(1, Math.min(t, nbDesc / 4));
    }

    /**
     * rx_queue_setup: the queue over its slice of the ring memory, receiving into {@code pool} (a pool of the
     * runtime's memory, which the transport maps) with buffers of the pool's data room rounded down to whole KiB and
     * capped by SRRCTL.BSIZEPKT.
     *
     * @throws EthDevException EINVAL for a data room too small, or a pool outside the runtime's memory.
     */
    public IntelRxQueue setupRx(final int queueId, final int nbDesc, final MbufPool pool, final QueueConf conf)
    {
        final String op = "rxQueueSetup(port=" + portId + ", queue=" + queueId + ")";
        final int room = pool.dataRoomSize() - MbufDescriptor.HEADROOM;
        final int bufSize = Math.min(room & ~0x3FF, regs.srrctlBsizePktMask() << 10);
        if (bufSize < MIN_RX_BUF_SIZE)
        {
            throw EthDevException.of(Errno.EINVAL, op, pool.name() + " leaves " + room +
                " bytes after the headroom; this NIC needs at least " + MIN_RX_BUF_SIZE);
        }
        if (!memory.registry().isRegistered(pool.region()))
        {
            throw EthDevException.of(Errno.EINVAL, op, "mempool " + pool.name() + " is not in the runtime's memory " +
                "(made by MbufPool.create on other memory?), so the device cannot reach its buffers: create it with " +
                "Eal.createPktmbufPool or MbufPool.create(eal.memory(), ...)");
        }
        final long ring = rings.address() + queueId * ringBytes;
        final IntelRxQueue q = new IntelRxQueue(TailRegister.of(dev, 0, regs.RDT(queueId)), queueId, portId, ring,
            rings.iovaOf(ring), nbDesc, pool, threshold(conf == null ? 0 : conf.freeThresh, nbDesc), bufSize,
            conf != null && conf.dropEn);
        rxQueues[queueId] = q;
        return q;
    }

    /** tx_queue_setup: RS every {@code rsThresh} descriptors, cleanup below {@code freeThresh} free (DPDK defaults). */
    public IntelTxQueue setupTx(final int queueId, final int nbDesc, final QueueConf conf)
    {
        final long ring = rings.address() + (rxQueues.length + queueId) * ringBytes;
        final int rs = threshold(conf == null ? 0 : conf.rsThresh, nbDesc);
        final int free = Math.max(rs, threshold(conf == null ? 0 : conf.freeThresh, nbDesc));
        final IntelTxQueue q = new IntelTxQueue(TailRegister.of(dev, 0, regs.TDT(queueId)), queueId, ring,
            rings.iovaOf(ring), nbDesc, rs, free);
        txQueues[queueId] = q;
        return q;
    }

    public void releaseRx(final int queueId)
    {
        if (queueId < rxQueues.length && rxQueues[queueId] != null)
        {
            rxQueues[queueId].release();
            rxQueues[queueId].tail().detach();
            rxQueues[queueId] = null;
        }
    }

    public void releaseTx(final int queueId)
    {
        if (queueId < txQueues.length && txQueues[queueId] != null)
        {
            txQueues[queueId].reset();
            txQueues[queueId].tail().detach();
            txQueues[queueId] = null;
        }
    }

    public int nbRxQueues()
    {
        return rxQueues.length;
    }

    public int nbTxQueues()
    {
        return txQueues.length;
    }

    /** The queue set up at {@code queueId}, or null. */
    public IntelRxQueue rxQueue(final int queueId)
    {
        return rxQueues[queueId];
    }

    public IntelTxQueue txQueue(final int queueId)
    {
        return txQueues[queueId];
    }

    /** Every mbuf the queues hold goes back to its pool (stop). */
    public void releaseAllMbufs()
    {
        for (final IntelRxQueue q : rxQueues)
        {
            if (q != null)
            {
                q.release();
            }
        }
        for (final IntelTxQueue q : txQueues)
        {
            if (q != null)
            {
                q.reset();
            }
        }
    }

    /** Whether a doorbell failed on any queue (the device or its QEMU died). */
    public boolean deviceFailed()
    {
        for (final IntelRxQueue q : rxQueues)
        {
            if (q != null && q.deviceFailed())
            {
                return true;
            }
        }
        for (final IntelTxQueue q : txQueues)
        {
            if (q != null && q.deviceFailed())
            {
                return true;
            }
        }
        return false;
    }

    /** Rewrites every tx queue's TDT with its tail (see {@link IntelTxQueue#kick}). */
    public void kickTx()
    {
        for (final IntelTxQueue q : txQueues)
        {
            if (q != null)
            {
                q.kick();
            }
        }
    }

    /** Adds the queues' software counters: ierrors and rx_nombuf, and the per-queue packets, bytes and errors. */
    public void addStats(final EthStats stats)
    {
        for (int q = 0; q < rxQueues.length; q++)
        {
            if (rxQueues[q] != null)
            {
                final long errors = rxQueues[q].counters().errors();
                stats.ierrors += errors;
                stats.rxNombuf += rxQueues[q].counters().nombuf();
                if (q < EthStats.QUEUE_STAT_CNTRS)
                {
                    stats.qIpackets[q] = rxQueues[q].counters().packets();
                    stats.qIbytes[q] = rxQueues[q].counters().bytes();
                    stats.qErrors[q] = errors;
                }
            }
        }
        for (int q = 0; q < txQueues.length && q < EthStats.QUEUE_STAT_CNTRS; q++)
        {
            if (txQueues[q] != null)
            {
                stats.qOpackets[q] = txQueues[q].counters().packets();
                stats.qObytes[q] = txQueues[q].counters().bytes();
            }
        }
    }

    public void resetStats()
    {
        for (final IntelRxQueue q : rxQueues)
        {
            if (q != null)
            {
                q.counters().reset();
            }
        }
        for (final IntelTxQueue q : txQueues)
        {
            if (q != null)
            {
                q.counters().reset();
            }
        }
    }

    private void releaseRings()
    {
        if (rings != null)
        {
            rings.close(); // unregistered first: the transport unmaps it before the pages go
            rings = null;
        }
    }

    /**
     * close: mbufs back, tails detached from the BAR (a stale burst then fails instead of storing into an unmapped
     * BAR), ring memory freed (and so unmapped by the transport). Idempotent.
     */
    public void close()
    {
        releaseAllMbufs();
        for (final IntelRxQueue q : rxQueues)
        {
            if (q != null)
            {
                q.tail().detach();
            }
        }
        for (final IntelTxQueue q : txQueues)
        {
            if (q != null)
            {
                q.tail().detach();
            }
        }
        releaseRings();
    }
}
