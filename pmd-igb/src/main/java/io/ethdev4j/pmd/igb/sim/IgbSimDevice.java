package io.ethdev4j.pmd.igb.sim;

import io.ethdev4j.pci.PciId;
import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.pmd.intel.AdvRxDescriptor;
import io.ethdev4j.pmd.intel.AdvTxDescriptor;
import io.ethdev4j.pmd.intel.sim.SimDescriptorEngine;
import io.ethdev4j.pmd.intel.sim.SimMode;
import io.ethdev4j.pmd.intel.sim.SimPciFunction;
import io.ethdev4j.pmd.intel.sim.SimRegisterFile;
import io.ethdev4j.sys.Errno;

import static io.ethdev4j.pmd.igb.IgbRegs.*;

/**
 * An in-process 82576 that completes descriptors the moment a doorbell is written: the 82576's register file
 * (self-clearing CTRL.RST, an always-ready MDIC, link up at 1 Gb/s full duplex, clear-on-read statistics with
 * GPRC/GPTC/GORC/GOTC/TPT/MPC/RNBC counted, the queue registers and their enables RCTL.EN/TCTL.EN/QUEUE_ENABLE and
 * SRRCTL's buffer size) in front of the shared {@link SimDescriptorEngine}, which an RDT or TDT write drives in the
 * {@link SimMode} asked for: INSTANT (a TDT write completes and drops, an RDT write completes every descriptor handed
 * over as a received {@link #instantFrameBytes}-byte frame: the PMD's own cost per packet), LOOPBACK (tx queue q to
 * rx queue q, scattered over as many descriptors as SRRCTL's buffer size needs) or WIRE ({@link #pollTransmitted()},
 * {@link #inject}). DMA at IOVA = VA (same process). No interrupts, no filtering, no RSS.
 * <p>
 * {@link #writeBack} fabricates arbitrary write-backs (bad lengths, impossible status) for driver robustness tests.
 * Single-threaded: doorbells and test calls come from one thread at a time.
 */
public final class IgbSimDevice extends SimPciFunction
{
    public static final int BAR0_SIZE = 128 * 1024;
    private static final int QUEUES = 16;

    /** The longest frame the 82576 receives (RLPML is 14 bits). */
    private static final int MAX_FRAME_BYTES = 0x3FFF;

    private final int[] regs = new int[BAR0_SIZE / 4];
    private final SimDescriptorEngine engine;
    private boolean closed;

    public IgbSimDevice(final SimMode mode)
    {
        super(new PciId(PciId.VENDOR_INTEL, 0x10C9), PciAddress.of(0, 0, 3, 0), BAR0_SIZE);
        this.engine = new SimDescriptorEngine(mode, new Rings(), MAX_FRAME_BYTES);
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

    public SimMode mode()
    {
        return engine.mode();
    }

    /** INSTANT mode: the length every instantly received frame has. */
    public void instantFrameBytes(final int n)
    {
        engine.instantFrameBytes(n);
    }

    @Override
    public String describe()
    {
        return address() + " " + id() + " via the in-process igb simulator (" + engine.mode() + ")";
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
            engine.rxTailWritten((reg - 0xC000) / 0x40);
        }
        else if (reg >= 0xE000 && reg < 0xE000 + 0x40 * QUEUES && (reg & 0x3F) == 0x18)
        {
            engine.txTailWritten((reg - 0xE000) / 0x40);
        }
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

    // ------------------------------------------------------------------ rings: the shared engine over these registers

    private int reg(final int r)
    {
        return regs[r >> 2];
    }

    /** The 82576's queue registers as {@link SimDescriptorEngine} sees them. */
    private final class Rings implements SimRegisterFile
    {
        @Override
        public long rxRingAddress(final int q)
        {
            return (reg(RDBAL(q)) & 0xFFFF_FFFFL) | (long)reg(RDBAH(q)) << 32;
        }

        @Override
        public int rxRingDescriptors(final int q)
        {
            return reg(RDLEN(q)) / AdvRxDescriptor.LENGTH;
        }

        @Override
        public int rxHead(final int q)
        {
            return reg(RDH(q));
        }

        @Override
        public void rxHead(final int q, final int head)
        {
            regs[RDH(q) >> 2] = head;
        }

        @Override
        public int rxTail(final int q)
        {
            return reg(RDT(q));
        }

        @Override
        public boolean rxEnabled(final int q)
        {
            return (reg(RCTL) & RCTL_EN) != 0 && (reg(RXDCTL(q)) & XDCTL_QUEUE_ENABLE) != 0 && rxRingDescriptors(q) > 0;
        }

        @Override
        public int rxBufferBytes(final int q)
        {
            final int kb = reg(SRRCTL(q)) & SRRCTL_BSIZEPKT_MASK;
            return kb == 0 ? 2048 : kb << 10;
        }

        @Override
        public long txRingAddress(final int q)
        {
            return (reg(TDBAL(q)) & 0xFFFF_FFFFL) | (long)reg(TDBAH(q)) << 32;
        }

        @Override
        public int txRingDescriptors(final int q)
        {
            return reg(TDLEN(q)) / AdvTxDescriptor.LENGTH;
        }

        @Override
        public int txHead(final int q)
        {
            return reg(TDH(q));
        }

        @Override
        public void txHead(final int q, final int head)
        {
            regs[TDH(q) >> 2] = head;
        }

        @Override
        public int txTail(final int q)
        {
            return reg(TDT(q));
        }

        @Override
        public boolean txEnabled(final int q)
        {
            return (reg(TCTL) & TCTL_EN) != 0 && (reg(TXDCTL(q)) & XDCTL_QUEUE_ENABLE) != 0;
        }

        /** GPRC and GORC (which counts the 4 CRC bytes, §8.19). */
        @Override
        public void countRx(final int frames, final long bytes)
        {
            regs[GPRC >> 2] += frames;
            regs[GORCL >> 2] += (int)(bytes + 4L * frames);
        }

        /** GPTC, TPT and GOTC (CRC included). */
        @Override
        public void countTx(final int frames, final long bytes)
        {
            regs[GPTC >> 2] += frames;
            regs[TPT >> 2] += frames;
            regs[GOTCL >> 2] += (int)(bytes + 4L * frames);
        }

        /** MPC, and RNBC when the ring had too few descriptors. */
        @Override
        public void countMissed(final boolean noDescriptor)
        {
            regs[MPC >> 2]++;
            if (noDescriptor)
            {
                regs[RNBC >> 2]++;
            }
        }
    }

    /** WIRE mode: the oldest frame the driver transmitted, or null. */
    public byte[] pollTransmitted()
    {
        return engine.pollTransmitted();
    }

    /** Receives {@code data} on rx queue {@code q}: false (and MPC counted) if the queue has too few descriptors. */
    public boolean inject(final int q, final byte[] data)
    {
        return engine.inject(q, data);
    }

    /**
     * Writes one arbitrary write-back into the next descriptor the device owns on rx queue {@code q} (nothing is
     * copied into the buffer): {@code length} and {@code statusError} as given. False if the device owns none.
     */
    public boolean writeBack(final int q, final int length, final int statusError)
    {
        return engine.writeBack(q, length, statusError);
    }

    /** Descriptors the device owns on rx queue {@code q} (RDT − RDH). */
    public int rxOwned(final int q)
    {
        return engine.rxOwned(q);
    }

    /** A register as the device holds it (no clear-on-read side effect). */
    public int peek(final int reg)
    {
        return regs[reg >> 2];
    }
}
