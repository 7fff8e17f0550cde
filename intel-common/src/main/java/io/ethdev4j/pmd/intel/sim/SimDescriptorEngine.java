package io.ethdev4j.pmd.intel.sim;

import io.ethdev4j.pmd.intel.AdvRxDescriptor;
import io.ethdev4j.pmd.intel.AdvTxDescriptor;
import org.agrona.UnsafeApi;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The data-moving half of a simulated advanced-descriptor NIC: consumes tx descriptors and writes rx write-backs
 * ({@link AdvTxDescriptor}, {@link AdvRxDescriptor}) in the {@link SimMode} asked for, over the rings a
 * {@link SimRegisterFile} describes. The NIC's model decodes its registers and calls {@link #rxTailWritten} /
 * {@link #txTailWritten} on RDT/TDT writes; the rest of this API is for tests ({@link #inject},
 * {@link #pollTransmitted}, {@link #writeBack}, {@link #rxOwned}).
 * <p>
 * Completions: tx descriptors with RS get DD (WTHRESH = 0 semantics); a received frame spans as many descriptors as
 * the queue's buffer size needs, DD on each, EOP on the last, the length of its part in each. DMA is at IOVA = VA
 * through the {@link SimDma} given (IOVA = VA by default). Single-threaded: doorbells and test calls come from one
 * thread at a time.
 */
public final class SimDescriptorEngine
{
    private static final long BYTE_ARRAY_BASE = UnsafeApi.arrayBaseOffset(byte[].class);

    private final SimMode mode;
    private final SimRegisterFile regs;
    private final int maxFrameBytes;
    private final SimDma dma;
    private final ArrayDeque<byte[]> transmitted = new ArrayDeque<>();
    private final byte[] frame = new byte[16 * 1024];
    private int instantFrameBytes = 60;

    /**
     * @param maxFrameBytes the longest frame the NIC receives (longer ones are missed)
     */
    public SimDescriptorEngine(final SimMode mode, final SimRegisterFile regs, final int maxFrameBytes)
    {
        this(mode, regs, maxFrameBytes, SimDma.IDENTITY);
    }

    /**
     * @param maxFrameBytes the longest frame the NIC receives (longer ones are missed)
     * @param dma           device address to host address (rings and buffers)
     */
    public SimDescriptorEngine(final SimMode mode, final SimRegisterFile regs, final int maxFrameBytes,
        final SimDma dma)
    {
        this.mode = mode;
        this.regs = regs;
        this.maxFrameBytes = maxFrameBytes;
        this.dma = dma;
    }

    private long rxRing(final int q, final int n)
    {
        return dma.hostAddress(regs.rxRingAddress(q), (long)n * AdvRxDescriptor.LENGTH);
    }

    public SimMode mode()
    {
        return mode;
    }

    /** INSTANT mode: the length every instantly received frame has. */
    public void instantFrameBytes(final int n)
    {
        this.instantFrameBytes = n;
    }

    private static void writeBackRx(final long d, final int length, final int statusError)
    {
        writeBackRx(d, length, statusError, 0, 0);
    }

    private static void writeBackRx(final long d, final int length, final int statusError, final int pktInfo,
        final int rssHash)
    {
        UnsafeApi.putInt(d + AdvRxDescriptor.WB_PKT_INFO_OFFSET, pktInfo);
        UnsafeApi.putInt(d + AdvRxDescriptor.WB_RSS_HASH_OFFSET, rssHash);
        UnsafeApi.putShort(d + AdvRxDescriptor.WB_LENGTH_OFFSET, (short)length);
        UnsafeApi.putShort(d + AdvRxDescriptor.WB_VLAN_OFFSET, (short)0);
        UnsafeApi.putIntRelease(null, d + AdvRxDescriptor.WB_STATUS_ERROR_OFFSET, statusError);
    }

    /** RDT(q) was written: in INSTANT mode, every descriptor handed over comes back as a received frame. */
    public void rxTailWritten(final int q)
    {
        if (mode != SimMode.INSTANT || !regs.rxEnabled(q))
        {
            return;
        }
        final int n = regs.rxRingDescriptors(q);
        final long ring = rxRing(q, n);
        final int t = regs.rxTail(q);
        final int frameBytes = instantFrameBytes;
        int h = regs.rxHead(q);
        int done = 0;
        while (h != t)
        {
            writeBackRx(ring + (long)h * AdvRxDescriptor.LENGTH, frameBytes,
                AdvRxDescriptor.STATUS_DD | AdvRxDescriptor.STATUS_EOP);
            if (++h == n)
            {
                h = 0;
            }
            done++;
        }
        regs.rxHead(q, h);
        regs.countRx(done, (long)done * frameBytes);
    }

    /**
     * TDT(q) was written: every descriptor from TDH to TDT is consumed (DD where RS); each frame (EOP) is dropped in
     * INSTANT mode, received on rx queue {@code q} in LOOPBACK mode, kept for {@link #pollTransmitted} in WIRE mode.
     */
    public void txTailWritten(final int q)
    {
        if (!regs.txEnabled(q))
        {
            return;
        }
        final int n = regs.txRingDescriptors(q);
        if (n == 0)
        {
            return;
        }
        final long ring = dma.hostAddress(regs.txRingAddress(q), (long)n * AdvTxDescriptor.LENGTH);
        final int t = regs.txTail(q);
        final boolean copy = mode != SimMode.INSTANT;
        int h = regs.txHead(q);
        int len = 0;
        int frames = 0;
        long bytes = 0;
        while (h != t)
        {
            final long d = ring + (long)h * AdvTxDescriptor.LENGTH;
            final int cmd = UnsafeApi.getInt(d + AdvTxDescriptor.CMD_TYPE_LEN_OFFSET);
            final int seg = cmd & AdvTxDescriptor.DTALEN_MASK;
            if (copy)
            {
                final int part = Math.max(0, Math.min(seg, frame.length - len));
                final long buf = dma.hostAddress(UnsafeApi.getLong(d + AdvTxDescriptor.BUFFER_ADDR_OFFSET), part);
                UnsafeApi.copyMemory(null, buf, frame, BYTE_ARRAY_BASE + len, part);
            }
            len += seg;
            if ((cmd & AdvTxDescriptor.DCMD_EOP) != 0)
            {
                frames++;
                bytes += len;
                if (mode == SimMode.LOOPBACK)
                {
                    deliver(q, frame, Math.min(len, frame.length), 0, 0);
                }
                else if (mode == SimMode.WIRE)
                {
                    transmitted.add(Arrays.copyOf(frame, Math.min(len, frame.length)));
                }
                len = 0;
            }
            if ((cmd & AdvTxDescriptor.DCMD_RS) != 0)
            {
                UnsafeApi.putIntRelease(null, d + AdvTxDescriptor.WB_STATUS_OFFSET, AdvTxDescriptor.STATUS_DD);
            }
            if (++h == n)
            {
                h = 0;
            }
        }
        regs.txHead(q, h);
        if (frames != 0)
        {
            regs.countTx(frames, bytes);
        }
    }

    /** WIRE mode: the oldest frame the driver transmitted, or null. */
    public byte[] pollTransmitted()
    {
        return transmitted.poll();
    }

    /** Receives {@code data} on rx queue {@code q}: false (and counted missed) if the queue cannot take it. */
    public boolean inject(final int q, final byte[] data)
    {
        return deliver(q, data, data.length, 0, 0);
    }

    /**
     * As {@link #inject(int, byte[])}, with what the NIC's RSS computed written back into each descriptor of the
     * frame: {@code pktInfo} (RSS type in bits 3:0) and the 32-bit {@code rssHash}.
     */
    public boolean inject(final int q, final byte[] data, final int pktInfo, final int rssHash)
    {
        return deliver(q, data, data.length, pktInfo, rssHash);
    }

    private boolean deliver(final int q, final byte[] data, final int length, final int pktInfo, final int rssHash)
    {
        if (!regs.rxEnabled(q) || length > maxFrameBytes)
        {
            regs.countMissed(false);
            return false;
        }
        final int bufSize = regs.rxBufferBytes(q);
        final int need = Math.max(1, (length + bufSize - 1) / bufSize);
        final int n = regs.rxRingDescriptors(q);
        int h = regs.rxHead(q);
        if ((regs.rxTail(q) - h + n) % n < need)
        {
            regs.countMissed(true);
            return false;
        }
        final long ring = rxRing(q, n);
        int done = 0;
        for (int s = 0; s < need; s++)
        {
            final long d = ring + (long)h * AdvRxDescriptor.LENGTH;
            final int chunk = Math.min(bufSize, length - done);
            final long buf = dma.hostAddress(UnsafeApi.getLong(d + AdvRxDescriptor.PKT_ADDR_OFFSET), chunk);
            UnsafeApi.copyMemory(data, BYTE_ARRAY_BASE + done, null, buf, chunk);
            done += chunk;
            writeBackRx(d, chunk, AdvRxDescriptor.STATUS_DD | (s == need - 1 ? AdvRxDescriptor.STATUS_EOP : 0),
                pktInfo, rssHash);
            if (++h == n)
            {
                h = 0;
            }
        }
        regs.rxHead(q, h);
        regs.countRx(1, length);
        return true;
    }

    /**
     * Writes one arbitrary write-back into the next descriptor the device owns on rx queue {@code q} (nothing is
     * copied into the buffer, nothing counted): {@code length} and {@code statusError} as given. False if the device
     * owns none.
     */
    public boolean writeBack(final int q, final int length, final int statusError)
    {
        final int n = regs.rxRingDescriptors(q);
        int h = regs.rxHead(q);
        if (n == 0 || h == regs.rxTail(q))
        {
            return false;
        }
        final long d = rxRing(q, n) + (long)h * AdvRxDescriptor.LENGTH;
        UnsafeApi.putLong(d, 0);
        UnsafeApi.putShort(d + AdvRxDescriptor.WB_LENGTH_OFFSET, (short)length);
        UnsafeApi.putIntRelease(null, d + AdvRxDescriptor.WB_STATUS_ERROR_OFFSET, statusError);
        if (++h == n)
        {
            h = 0;
        }
        regs.rxHead(q, h);
        return true;
    }

    /** Descriptors the device owns on rx queue {@code q} (RDT − RDH). */
    public int rxOwned(final int q)
    {
        final int n = regs.rxRingDescriptors(q);
        return n == 0 ? 0 : (regs.rxTail(q) - regs.rxHead(q) + n) % n;
    }
}
