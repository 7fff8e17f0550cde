package io.ethdev4j.testpmd.ixgbediff;

import org.agrona.UnsafeApi;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The least an 82599 must answer for DPDK 22.11's net_ixgbe to probe, start and transmit (behaviour measured with
 * the reference shim in /work/shared/reference/ixgbe-shim): a RAM register file plus self-clearing CTRL.RST/LRST,
 * EEC present/auto-read with GNT following REQ, EERD reads from a 1024-word EEPROM image with a valid checksum and a
 * firmware patch version above 5, SWSM.SMBI taken by a read, an open I2C bus (no SFP answers), LINKS up at 10 Gb/s
 * with KX autonegotiation complete and ANLP1.AN_STATE not idle (the backplane path of device 0x10F8),
 * RDRXCTL.DMAIDONE, MDI commands done at once, FDIRCTRL.INIT_DONE, ESDP.SDP2 (cage full), EICR clear on read and
 * write-1-to-clear. And, to prove the DMA path, transmit: a TDT write consumes tx queue 0's descriptors from TDH
 * (reading each buffer through {@link DmaWindows}) and writes DD back where RS asks.
 * <p>
 * It exists to test the harness (shim, socket, memory sharing) on its own; the differential run uses the project's
 * 82599 model. Register offsets are the 82599 datasheet's (section 8.2.3).
 */
final class MiniResponder implements BarModel
{
    private static final int CTRL = 0x00000;
    private static final int CTRL_RST = 0x0400_0000;
    private static final int CTRL_LRST = 0x8;
    private static final int ESDP = 0x00020;
    private static final int I2CCTL = 0x00028;
    private static final int EICR = 0x00800;
    private static final int TDBAL0 = 0x06000;
    private static final int TDBAH0 = 0x06004;
    private static final int TDLEN0 = 0x06008;
    private static final int TDH0 = 0x06010;
    private static final int TDT0 = 0x06018;
    private static final int RDRXCTL = 0x02F00;
    private static final int MSCA = 0x0425C;
    private static final int MSRWD = 0x04260;
    private static final int LINKS = 0x042A4;
    private static final int ANLP1 = 0x042B0;
    private static final int RAL0 = 0x05400;
    private static final int RAH0 = 0x05404;
    private static final int FDIRCTRL = 0x0EE00;
    private static final int EEC = 0x10010;
    private static final int EERD = 0x10014;
    private static final int SWSM = 0x10140;

    private static final int TXD_BYTES = 16;
    private static final int TXD_CMD_EOP = 1 << 24;
    private static final int TXD_CMD_RS = 1 << 27;
    private static final int TXD_STAT_DD = 1;

    private final int[] regs = new int[FakePciSysfs.BAR0_BYTES / 4];
    private final short[] eeprom = new short[1024];
    private final DmaWindows dma;
    private final byte[] frame = new byte[16 * 1024];
    private int frameLength;

    /** Frames transmitted (any thread may read). */
    final AtomicLong txFrames = new AtomicLong();
    /** Frames whose Ethernet header said IPv4 and whose length was 64 bytes: testpmd's txonly default. */
    final AtomicLong txIpv4Frames = new AtomicLong();
    /** The last frame's length and EtherType, for messages. */
    volatile String lastFrame = "none";

    MiniResponder(final DmaWindows dma)
    {
        this.dma = dma;
        eeprom[0x0F] = 0x100;       // firmware module pointer
        eeprom[0x104] = 0x120;      // its pass-through patch configuration
        eeprom[0x127] = 0x0006;     // patch version 6 (> 5 passes ixgbe_verify_fw_version_82599)
        int sum = 0;
        for (int i = 0; i < 0x3F; i++)
        {
            sum += eeprom[i] & 0xFFFF;
        }
        eeprom[0x3F] = (short)(0xBABA - sum);
        regs[EEC >> 2] = 0x100 | 0x200 | (4 << 11);   // PRES | ARD | size field: 1024 words
        regs[RAL0 >> 2] = 0xAA21_1B00;                // 00:1B:21:AA:BB:CC
        regs[RAH0 >> 2] = 0x8000_CCBB;                // + AV
        regs[RDRXCTL >> 2] = 0x8;                     // DMAIDONE
    }

    @Override
    public int read32(final int off)
    {
        int v = regs[off >> 2];
        switch (off)
        {
            case EEC -> v = (v | 0x300) & ~0x80 | ((v & 0x40) << 1);      // GNT follows REQ
            case SWSM -> regs[off >> 2] |= 1;                                // reading SMBI takes it
            case I2CCTL -> v = (v & ~5) | ((v >> 1) & 1) | ((v >> 1) & 4);   // data and clock in = out
            case LINKS -> v = 0x8000_0000 | 0x4000_0000 | 0x3000_0000;       // KX AN complete, up, 10G
            case ANLP1 -> v = 0x0001_0000;                                   // AN_STATE: not idle (backplane)
            case RDRXCTL -> v |= 0x8;
            case MSCA -> v &= ~0x4000_0000;                                  // MDI command done
            case MSRWD -> v = 0xFFFF_0000 | (v & 0xFFFF);
            case FDIRCTRL -> v |= 0x8;                                       // INIT_DONE
            case EICR -> regs[off >> 2] = 0;
            case ESDP -> v |= 0x4;                                           // SDP2: SFP+ cage full
            default ->
            {
            }
        }
        return v;
    }

    @Override
    public void write32(final int off, final int value)
    {
        int v = value;
        switch (off)
        {
            case CTRL -> v &= ~(CTRL_RST | CTRL_LRST);
            case EERD ->
            {
                if ((v & 1) != 0)
                {
                    final int a = (v >>> 2) & 0x3FFF;
                    v = ((eeprom[a & 1023] & 0xFFFF) << 16) | (a << 2) | 2;
                }
            }
            case EICR -> v = regs[off >> 2] & ~v;
            default ->
            {
            }
        }
        regs[off >> 2] = v;
        if (off == TDT0)
        {
            transmit();
        }
    }

    private void transmit()
    {
        final int n = regs[TDLEN0 >> 2] / TXD_BYTES;
        if (n == 0)
        {
            return;
        }
        final long ring = (regs[TDBAL0 >> 2] & 0xFFFF_FFFFL) | ((long)regs[TDBAH0 >> 2] << 32);
        final int t = regs[TDT0 >> 2];
        int h = regs[TDH0 >> 2];
        while (h != t)
        {
            final long d = dma.toLocal(ring + (long)h * TXD_BYTES, TXD_BYTES);
            final int cmd = UnsafeApi.getInt(d + 8);
            final int len = cmd & 0xFFFF;
            final long buf = UnsafeApi.getLong(d);
            final int part = Math.min(len, frame.length - frameLength);
            UnsafeApi.copyMemory(null, dma.toLocal(buf, len), frame, UnsafeApi.arrayBaseOffset(byte[].class) +
                frameLength, part);
            frameLength += part;
            if ((cmd & TXD_CMD_EOP) != 0)
            {
                txFrames.incrementAndGet();
                lastFrame = frameLength + " bytes, EtherType 0x" + Integer.toHexString((frame[12] & 0xFF) << 8 |
                    frame[13] & 0xFF);
                if (frameLength == 64 && frame[12] == 0x08 && frame[13] == 0x00)
                {
                    txIpv4Frames.incrementAndGet();
                }
                frameLength = 0;
            }
            if ((cmd & TXD_CMD_RS) != 0)
            {
                UnsafeApi.putIntRelease(null, d + 12, TXD_STAT_DD);
            }
            h = h + 1 == n ? 0 : h + 1;
        }
        regs[TDH0 >> 2] = h;
    }
}
