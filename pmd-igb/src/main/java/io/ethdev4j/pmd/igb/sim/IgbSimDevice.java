package io.ethdev4j.pmd.igb.sim;

import io.ethdev4j.pci.PciId;
import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pci.PciBar;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.pmd.igb.IgbAdvRxDescriptor;
import io.ethdev4j.pmd.igb.IgbAdvTxDescriptor;
import io.ethdev4j.sys.Errno;
import org.agrona.UnsafeApi;

import java.util.ArrayDeque;

import static io.ethdev4j.pmd.igb.IgbRegs.*;

/**
 * An in-process 82576 that completes descriptors the moment a doorbell is written: a register file, the ring
 * registers' semantics (RDH/RDT, TDH/TDT, QUEUE_ENABLE, RCTL.EN/TCTL.EN, SRRCTL buffer size), self-clearing CTRL.RST,
 * an always-ready MDIC, link up at 1 Gb/s full duplex, clear-on-read GPRC/GPTC/GORC/GOTC/TPR/TPT/MPC, and DMA at
 * IOVA = VA (same process). No interrupts, no filtering, no RSS.
 * <ul>
 * <li>{@link Mode#INSTANT}: a TDT write completes every new tx descriptor (DD on RS descriptors) and drops the frames;
 * an RDT write completes every descriptor handed over as a received {@link #instantFrameBytes}-byte frame (DD|EOP,
 * the buffer left as it is). For benchmarks: the PMD's own cost per packet.</li>
 * <li>{@link Mode#LOOPBACK}: transmitted frames are received on the rx queue of the same index (scattered over as
 * many descriptors as SRRCTL's buffer size needs).</li>
 * <li>{@link Mode#WIRE}: transmitted frames are kept for {@link #pollTransmitted()}; frames arrive only through
 * {@link #inject}.</li>
 * </ul>
 * {@link #writeBack} fabricates arbitrary write-backs (bad lengths, impossible status) for driver robustness tests.
 * Single-threaded: doorbells and test calls come from one thread at a time.
 */
public final class IgbSimDevice implements PciDevice
{
    public enum Mode
    {
        INSTANT,
        LOOPBACK,
        WIRE
    }

    public static final int BAR0_SIZE = 128 * 1024;
    private static final int QUEUES = 16;

    private final Mode mode;
    private final PciId id;
    private final int[] regs = new int[BAR0_SIZE / 4];
    private final ArrayDeque<byte[]> transmitted = new ArrayDeque<>();
    private final byte[] frame = new byte[16 * 1024];
    private int instantFrameBytes = 60;
    private int dmaRegions;
    private boolean closed;

    public IgbSimDevice(final Mode mode)
    {
        this.mode = mode;
        this.id = new PciId(PciId.VENDOR_INTEL, 0x10C9);
        resetRegisters();
    }

    private void resetRegisters()
    {
        java.util.Arrays.fill(regs, 0);
        regs[STATUS >> 2] = STATUS_LU | STATUS_FD | STATUS_SPEED_1000;
        regs[RAL(0) >> 2] = 0x0000_0002; // 02:00:00:00:00:01
        regs[RAH(0) >> 2] = 0x0100 | RAH_AV;
        regs[MDIC >> 2] = MDIC_READY;
        regs[EECD >> 2] = EECD_AUTO_RD;
    }

    public Mode mode()
    {
        return mode;
    }

    /** INSTANT mode: the length every instantly received frame has. */
    public void instantFrameBytes(final int n)
    {
        this.instantFrameBytes = n;
    }

    @Override
    public PciAddress address()
    {
        return PciAddress.of(0, 0, 3, 0);
    }

    @Override
    public PciId id()
    {
        return id;
    }

    @Override
    public String describe()
    {
        return address() + " " + id + " via the in-process igb simulator (" + mode + ")";
    }

    @Override
    public int readConfig8(final int offset)
    {
        return readConfig32(offset & ~3) >>> (8 * (offset & 3)) & 0xFF;
    }

    @Override
    public int readConfig16(final int offset)
    {
        return readConfig32(offset & ~3) >>> (8 * (offset & 2)) & 0xFFFF;
    }

    @Override
    public int readConfig32(final int offset)
    {
        return offset == 0 ? 0x10C9_8086 : 0;
    }

    @Override
    public void writeConfig8(final int offset, final int value)
    {
    }

    @Override
    public void writeConfig16(final int offset, final int value)
    {
    }

    @Override
    public void writeConfig32(final int offset, final int value)
    {
    }

    @Override
    public PciBar bar(final int index)
    {
        return new PciBar(index, index == 0 ? BAR0_SIZE : 0, false, false, false, 0);
    }

    private static boolean isStat(final int reg)
    {
        return reg >= CRCERRS && reg <= SCVPC;
    }

    @Override
    public int read32(final int bar, final long offset)
    {
        final int reg = (int)offset;
        final int v = regs[reg >> 2];
        if (isStat(reg))
        {
            regs[reg >> 2] = 0;
        }
        return v;
    }

    @Override
    public void write32(final int bar, final long offset, final int value)
    {
        if (closed)
        {
            throw new PciException(Errno.EIO, "write32(offset=0x" + Long.toHexString(offset) + ")", describe() +
                " is closed");
        }
        final int reg = (int)offset;
        if (reg == CTRL)
        {
            if ((value & (CTRL_RST | CTRL_DEV_RST)) != 0)
            {
                final int[] keep = {regs[RAL(0) >> 2], regs[RAH(0) >> 2]};
                resetRegisters();
                regs[RAL(0) >> 2] = keep[0];
                regs[RAH(0) >> 2] = keep[1];
            }
            regs[CTRL >> 2] = value & ~(CTRL_RST | CTRL_DEV_RST);
            return;
        }
        if (reg == MDIC)
        {
            regs[MDIC >> 2] = (value & 0xFFFF_FFFF) | MDIC_READY;
            return;
        }
        regs[reg >> 2] = value;
        if (reg >= 0xC000 && reg < 0xC000 + 0x40 * QUEUES && (reg & 0x3F) == 0x18)
        {
            rdtWritten((reg - 0xC000) / 0x40);
        }
        else if (reg >= 0xE000 && reg < 0xE000 + 0x40 * QUEUES && (reg & 0x3F) == 0x18)
        {
            tdtWritten((reg - 0xE000) / 0x40);
        }
    }

    @Override
    public long read64(final int bar, final long offset)
    {
        return (read32(bar, offset) & 0xFFFF_FFFFL) | (long)read32(bar, offset + 4) << 32;
    }

    @Override
    public void write64(final int bar, final long offset, final long value)
    {
        write32(bar, offset, (int)value);
        write32(bar, offset + 4, (int)(value >>> 32));
    }

    @Override
    public void mapDma(final long va, final long iova, final long lengthBytes, final int fd, final long fdOffset)
    {
        if (va != iova)
        {
            throw new PciException(Errno.EINVAL, "mapDma", describe() + ": in-process DMA needs iova == va");
        }
        dmaRegions++;
    }

    @Override
    public void unmapDma(final long iova, final long lengthBytes)
    {
        dmaRegions--;
    }

    /** Regions currently mapped. */
    public int dmaRegions()
    {
        return dmaRegions;
    }

    @Override
    public void reset()
    {
        resetRegisters();
    }

    @Override
    public void close()
    {
        closed = true;
    }

    /** Makes every further doorbell fail, as a dead QEMU does. */
    public void kill()
    {
        closed = true;
    }

    // ------------------------------------------------------------------ rings

    private int reg(final int r)
    {
        return regs[r >> 2];
    }

    private long rxRing(final int q)
    {
        return (reg(RDBAL(q)) & 0xFFFF_FFFFL) | (long)reg(RDBAH(q)) << 32;
    }

    private int rxCount(final int q)
    {
        return reg(RDLEN(q)) / IgbAdvRxDescriptor.LENGTH;
    }

    private boolean rxEnabled(final int q)
    {
        return (reg(RCTL) & RCTL_EN) != 0 && (reg(RXDCTL(q)) & XDCTL_QUEUE_ENABLE) != 0 && rxCount(q) > 0;
    }

    private int rxBufSize(final int q)
    {
        final int kb = reg(SRRCTL(q)) & SRRCTL_BSIZEPKT_MASK;
        return kb == 0 ? 2048 : kb << 10;
    }

    private void rdtWritten(final int q)
    {
        if (mode == Mode.INSTANT && rxEnabled(q))
        {
            final long ring = rxRing(q);
            final int n = rxCount(q);
            int h = reg(RDH(q));
            final int t = reg(RDT(q));
            int done = 0;
            while (h != t)
            {
                final long d = ring + (long)h * IgbAdvRxDescriptor.LENGTH;
                UnsafeApi.putLong(d, 0);
                UnsafeApi.putShort(d + IgbAdvRxDescriptor.WB_LENGTH_OFFSET, (short)instantFrameBytes);
                UnsafeApi.putShort(d + IgbAdvRxDescriptor.WB_VLAN_OFFSET, (short)0);
                UnsafeApi.putIntRelease(null, d + IgbAdvRxDescriptor.WB_STATUS_ERROR_OFFSET,
                    IgbAdvRxDescriptor.STATUS_DD | IgbAdvRxDescriptor.STATUS_EOP);
                if (++h == n)
                {
                    h = 0;
                }
                done++;
            }
            regs[RDH(q) >> 2] = h;
            regs[GPRC >> 2] += done;
            regs[GORCL >> 2] += done * (instantFrameBytes + 4);
        }
    }

    private void tdtWritten(final int q)
    {
        if ((reg(TCTL) & TCTL_EN) == 0 || (reg(TXDCTL(q)) & XDCTL_QUEUE_ENABLE) == 0)
        {
            return;
        }
        final long ring = (reg(TDBAL(q)) & 0xFFFF_FFFFL) | (long)reg(TDBAH(q)) << 32;
        final int n = reg(TDLEN(q)) / IgbAdvTxDescriptor.LENGTH;
        if (n == 0)
        {
            return;
        }
        int h = reg(TDH(q));
        final int t = reg(TDT(q));
        int len = 0;
        while (h != t)
        {
            final long d = ring + (long)h * IgbAdvTxDescriptor.LENGTH;
            final int cmd = UnsafeApi.getInt(d + IgbAdvTxDescriptor.CMD_TYPE_LEN_OFFSET);
            final int seg = cmd & 0xFFFF;
            if (mode != Mode.INSTANT)
            {
                final long buf = UnsafeApi.getLong(d + IgbAdvTxDescriptor.BUFFER_ADDR_OFFSET);
                final int copy = Math.max(0, Math.min(seg, frame.length - len));
                UnsafeApi.copyMemory(null, buf, frame, UnsafeApi.arrayBaseOffset(byte[].class) + len, copy);
            }
            len += seg;
            if ((cmd & IgbAdvTxDescriptor.DCMD_EOP) != 0)
            {
                regs[GPTC >> 2]++;
                regs[TPT >> 2]++;
                regs[GOTCL >> 2] += len + 4;
                if (mode == Mode.LOOPBACK)
                {
                    deliver(q, frame, Math.min(len, frame.length));
                }
                else if (mode == Mode.WIRE)
                {
                    transmitted.add(java.util.Arrays.copyOf(frame, Math.min(len, frame.length)));
                }
                len = 0;
            }
            if ((cmd & IgbAdvTxDescriptor.DCMD_RS) != 0)
            {
                UnsafeApi.putIntRelease(null, d + IgbAdvTxDescriptor.WB_STATUS_OFFSET, IgbAdvTxDescriptor.STATUS_DD);
            }
            if (++h == n)
            {
                h = 0;
            }
        }
        regs[TDH(q) >> 2] = h;
    }

    /** WIRE mode: the oldest frame the driver transmitted, or null. */
    public byte[] pollTransmitted()
    {
        return transmitted.poll();
    }

    /** Receives {@code data} on rx queue {@code q}: false (and MPC counted) if the queue has too few descriptors. */
    public boolean inject(final int q, final byte[] data)
    {
        return deliver(q, data, data.length);
    }

    private boolean deliver(final int q, final byte[] data, final int length)
    {
        if (!rxEnabled(q) || length > 0x3FFF)
        {
            regs[MPC >> 2]++;
            return false;
        }
        final int bufSize = rxBufSize(q);
        final int need = Math.max(1, (length + bufSize - 1) / bufSize);
        final int n = rxCount(q);
        int h = reg(RDH(q));
        final int t = reg(RDT(q));
        final int free = (t - h + n) % n;
        if (free < need)
        {
            regs[MPC >> 2]++;
            regs[RNBC >> 2]++;
            return false;
        }
        final long ring = rxRing(q);
        int done = 0;
        for (int s = 0; s < need; s++)
        {
            final long d = ring + (long)h * IgbAdvRxDescriptor.LENGTH;
            final long buf = UnsafeApi.getLong(d + IgbAdvRxDescriptor.PKT_ADDR_OFFSET);
            final int chunk = Math.min(bufSize, length - done);
            UnsafeApi.copyMemory(data, UnsafeApi.arrayBaseOffset(byte[].class) + done, null, buf, chunk);
            done += chunk;
            UnsafeApi.putLong(d, 0);
            UnsafeApi.putShort(d + IgbAdvRxDescriptor.WB_LENGTH_OFFSET, (short)chunk);
            UnsafeApi.putShort(d + IgbAdvRxDescriptor.WB_VLAN_OFFSET, (short)0);
            UnsafeApi.putIntRelease(null, d + IgbAdvRxDescriptor.WB_STATUS_ERROR_OFFSET, IgbAdvRxDescriptor.STATUS_DD |
                (s == need - 1 ? IgbAdvRxDescriptor.STATUS_EOP : 0));
            if (++h == n)
            {
                h = 0;
            }
        }
        regs[RDH(q) >> 2] = h;
        regs[GPRC >> 2]++;
        regs[GORCL >> 2] += length + 4;
        return true;
    }

    /**
     * Writes one arbitrary write-back into the next descriptor the device owns on rx queue {@code q} (nothing is
     * copied into the buffer): {@code length} and {@code statusError} as given. False if the device owns none.
     */
    public boolean writeBack(final int q, final int length, final int statusError)
    {
        final int n = rxCount(q);
        int h = reg(RDH(q));
        if (n == 0 || h == reg(RDT(q)))
        {
            return false;
        }
        final long d = rxRing(q) + (long)h * IgbAdvRxDescriptor.LENGTH;
        UnsafeApi.putLong(d, 0);
        UnsafeApi.putShort(d + IgbAdvRxDescriptor.WB_LENGTH_OFFSET, (short)length);
        UnsafeApi.putIntRelease(null, d + IgbAdvRxDescriptor.WB_STATUS_ERROR_OFFSET, statusError);
        if (++h == n)
        {
            h = 0;
        }
        regs[RDH(q) >> 2] = h;
        return true;
    }

    /** Descriptors the device owns on rx queue {@code q} (RDT − RDH). */
    public int rxOwned(final int q)
    {
        final int n = rxCount(q);
        return n == 0 ? 0 : (reg(RDT(q)) - reg(RDH(q)) + n) % n;
    }

    /** A register as the device holds it (no clear-on-read side effect). */
    public int peek(final int reg)
    {
        return regs[reg >> 2];
    }
}
