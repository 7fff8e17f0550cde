package io.ethdev4j.pmd.intel;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.sys.Errno;

import java.util.concurrent.locks.LockSupport;

import static io.ethdev4j.pmd.intel.QueueRegisterMap.*;

/**
 * The per-queue part of DPDK's {@code rx_init}/{@code tx_init} and {@code rx/tx_queue_start} for the advanced
 * descriptor NICs, one loop over a port's {@link IntelQueueSet} per step, with the offsets and bits of the NIC's
 * {@link QueueRegisterMap}. The steps are apart so that each NIC keeps its own order around them, for example:
 * <ul>
 * <li>igb ({@code eth_igb_tx_init}/{@code eth_igb_rx_init}): program and enable the tx rings, TCTL.EN; RCTL.EN off,
 * program and enable the rx rings, RCTL.EN on, then the rx tails;</li>
 * <li>82599 (DS §4.6.7, §4.6.8): program the tx rings, DMATXCTL.TE, enable the tx queues polling each ENABLE; RXEN
 * off, program the rx rings, enable each polling ENABLE, the rx tails ("the tail should not be bumped before this bit
 * was read as 1b"), RXEN on.</li>
 * </ul>
 * Control path: register writes through {@link PciDevice#write32}.
 */
public final class RingProgrammer
{
    private final PciDevice dev;
    private final QueueRegisterMap regs;

    public RingProgrammer(final PciDevice dev, final QueueRegisterMap regs)
    {
        this.dev = dev;
        this.regs = regs;
    }

    private void wr(final int reg, final int value)
    {
        dev.write32(0, reg, value);
    }

    /** Each tx queue emptied, disabled, its ring given (TDLEN, TDBAH, TDBAL) with TDH = TDT = 0. */
    public void programTxRings(final IntelQueueSet queues)
    {
        for (int i = 0; i < queues.nbTxQueues(); i++)
        {
            final IntelTxQueue q = queues.txQueue(i);
            final int id = q.queueId();
            q.reset();
            wr(regs.TXDCTL(id), 0);
            wr(regs.TDLEN(id), q.nbDesc() * AdvTxDescriptor.LENGTH);
            wr(regs.TDBAH(id), (int)(q.ringIova() >>> 32));
            wr(regs.TDBAL(id), (int)q.ringIova());
            wr(regs.TDH(id), 0);
            wr(regs.TDT(id), 0);
        }
    }

    /**
     * TXDCTL = {@code thresholds} | QUEUE_ENABLE for each tx queue; with {@code pollNs} &gt; 0 waits that long per
     * queue for ENABLE to read back 1 (EIO otherwise).
     */
    public void enableTxQueues(final IntelQueueSet queues, final int thresholds, final long pollNs, final String op)
    {
        for (int i = 0; i < queues.nbTxQueues(); i++)
        {
            final int id = queues.txQueue(i).queueId();
            wr(regs.TXDCTL(id), thresholds | XDCTL_QUEUE_ENABLE);
            awaitEnabled(regs.TXDCTL(id), pollNs, op, "tx", id);
        }
    }

    /**
     * Each rx queue filled with mbufs, disabled, its ring given (RDLEN, RDBAH, RDBAL) and SRRCTL set to advanced
     * one-buffer descriptors of the queue's buffer size (DROP_EN when asked). ENOMEM, every mbuf given back, when a
     * pool cannot fill its ring.
     */
    public void programRxRings(final IntelQueueSet queues, final String op)
    {
        for (int i = 0; i < queues.nbRxQueues(); i++)
        {
            final IntelRxQueue q = queues.rxQueue(i);
            final int id = q.queueId();
            if (!q.fill())
            {
                queues.releaseAllMbufs();
                throw EthDevException.of(Errno.ENOMEM, op, "rx queue " + id + ": " + q.pool().name() +
                    " cannot supply " + q.nbDesc() + " mbufs to fill the ring");
            }
            wr(regs.RXDCTL(id), 0);
            wr(regs.RDLEN(id), q.nbDesc() * AdvRxDescriptor.LENGTH);
            wr(regs.RDBAH(id), (int)(q.ringIova() >>> 32));
            wr(regs.RDBAL(id), (int)q.ringIova());
            wr(regs.SRRCTL(id), SRRCTL_DESCTYPE_ADV_ONEBUF | (q.bufSize() >>> 10) |
                (q.dropEn() ? regs.srrctlDropEn() : 0));
        }
    }

    /** RXDCTL = {@code thresholds} | QUEUE_ENABLE for each rx queue, polled as {@link #enableTxQueues}. */
    public void enableRxQueues(final IntelQueueSet queues, final int thresholds, final long pollNs, final String op)
    {
        for (int i = 0; i < queues.nbRxQueues(); i++)
        {
            final int id = queues.rxQueue(i).queueId();
            wr(regs.RXDCTL(id), thresholds | XDCTL_QUEUE_ENABLE);
            awaitEnabled(regs.RXDCTL(id), pollNs, op, "rx", id);
        }
    }

    /** RDH = 0, RDT = last descriptor for each rx queue: the NIC owns every descriptor but one. */
    public void armRxTails(final IntelQueueSet queues)
    {
        for (int i = 0; i < queues.nbRxQueues(); i++)
        {
            final IntelRxQueue q = queues.rxQueue(i);
            wr(regs.RDH(q.queueId()), 0);
            wr(regs.RDT(q.queueId()), q.nbDesc() - 1);
        }
    }

    /** RXDCTL = TXDCTL = 0 for every queue set up (stop). */
    public void disableQueues(final IntelQueueSet queues)
    {
        for (int i = 0; i < queues.nbRxQueues(); i++)
        {
            if (queues.rxQueue(i) != null)
            {
                wr(regs.RXDCTL(i), 0);
            }
        }
        for (int i = 0; i < queues.nbTxQueues(); i++)
        {
            if (queues.txQueue(i) != null)
            {
                wr(regs.TXDCTL(i), 0);
            }
        }
    }

    private void awaitEnabled(final int reg, final long pollNs, final String op, final String dir, final int id)
    {
        if (pollNs <= 0)
        {
            return;
        }
        final long deadline = System.nanoTime() + pollNs;
        while ((dev.read32(0, reg) & XDCTL_QUEUE_ENABLE) == 0)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw EthDevException.of(Errno.EIO, op, dir + " queue " + id + ": " + (dir.equals("rx") ? "RXDCTL" :
                    "TXDCTL") + ".ENABLE still 0 after " + pollNs / 1_000_000 + " ms");
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
