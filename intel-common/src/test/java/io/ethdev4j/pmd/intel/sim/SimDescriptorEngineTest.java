package io.ethdev4j.pmd.intel.sim;

import io.ethdev4j.pmd.intel.AdvRxDescriptor;
import io.ethdev4j.pmd.intel.AdvTxDescriptor;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shared engine over a minimal register file (one queue, no NIC's offsets): tx descriptors consumed with DD on
 * RS, frames received scattered over buffer-sized descriptors, instant completions, misses counted.
 */
class SimDescriptorEngineTest
{
    private static final int N = 8;
    private static final int BUF = 1024;

    /** One rx and one tx ring in plain memory; the counters a NIC would keep in its registers. */
    private static final class OneQueue implements SimRegisterFile
    {
        final long rxRing = UnsafeApi.allocateMemory((long)N * AdvRxDescriptor.LENGTH);
        final long txRing = UnsafeApi.allocateMemory((long)N * AdvTxDescriptor.LENGTH);
        final long buffers = UnsafeApi.allocateMemory((long)2 * N * BUF);
        int rdh;
        int rdt;
        int tdh;
        int tdt;
        boolean enabled = true;
        int rxFrames;
        long rxBytes;
        int txFrames;
        long txBytes;
        int missed;
        int noDescriptor;

        OneQueue()
        {
            UnsafeApi.setMemory(rxRing, (long)N * AdvRxDescriptor.LENGTH, (byte)0);
            UnsafeApi.setMemory(txRing, (long)N * AdvTxDescriptor.LENGTH, (byte)0);
            for (int i = 0; i < N; i++)
            {
                UnsafeApi.putLong(rxRing + (long)i * AdvRxDescriptor.LENGTH + AdvRxDescriptor.PKT_ADDR_OFFSET,
                    buffers + (long)i * BUF);
            }
        }

        void free()
        {
            UnsafeApi.freeMemory(rxRing);
            UnsafeApi.freeMemory(txRing);
            UnsafeApi.freeMemory(buffers);
        }

        @Override public long rxRingAddress(final int q) { return rxRing; }
        @Override public int rxRingDescriptors(final int q) { return N; }
        @Override public int rxHead(final int q) { return rdh; }
        @Override public void rxHead(final int q, final int head) { rdh = head; }
        @Override public int rxTail(final int q) { return rdt; }
        @Override public boolean rxEnabled(final int q) { return enabled; }
        @Override public int rxBufferBytes(final int q) { return BUF; }
        @Override public long txRingAddress(final int q) { return txRing; }
        @Override public int txRingDescriptors(final int q) { return N; }
        @Override public int txHead(final int q) { return tdh; }
        @Override public void txHead(final int q, final int head) { tdh = head; }
        @Override public int txTail(final int q) { return tdt; }
        @Override public boolean txEnabled(final int q) { return enabled; }

        @Override
        public void countRx(final int frames, final long bytes)
        {
            rxFrames += frames;
            rxBytes += bytes;
        }

        @Override
        public void countTx(final int frames, final long bytes)
        {
            txFrames += frames;
            txBytes += bytes;
        }

        @Override
        public void countMissed(final boolean noDesc)
        {
            missed++;
            noDescriptor += noDesc ? 1 : 0;
        }

        int rxStatus(final int i)
        {
            return UnsafeApi.getInt(rxRing + (long)i * AdvRxDescriptor.LENGTH + AdvRxDescriptor.WB_STATUS_ERROR_OFFSET);
        }

        int rxLength(final int i)
        {
            return UnsafeApi.getShort(rxRing + (long)i * AdvRxDescriptor.LENGTH + AdvRxDescriptor.WB_LENGTH_OFFSET) &
                0xFFFF;
        }

        /** A data descriptor for {@code length} bytes at {@code buf}. */
        void tx(final int i, final long buf, final int length, final int dcmd)
        {
            final long d = txRing + (long)i * AdvTxDescriptor.LENGTH;
            UnsafeApi.putLong(d + AdvTxDescriptor.BUFFER_ADDR_OFFSET, buf);
            UnsafeApi.putInt(d + AdvTxDescriptor.CMD_TYPE_LEN_OFFSET, AdvTxDescriptor.DTYP_DATA |
                AdvTxDescriptor.DCMD_DEXT | AdvTxDescriptor.DCMD_IFCS | dcmd | length);
            UnsafeApi.putInt(d + AdvTxDescriptor.OLINFO_STATUS_OFFSET, 0);
        }

        int txStatus(final int i)
        {
            return UnsafeApi.getInt(txRing + (long)i * AdvTxDescriptor.LENGTH + AdvTxDescriptor.WB_STATUS_OFFSET);
        }
    }

    private final OneQueue regs = new OneQueue();

    @AfterEach
    void free()
    {
        regs.free();
    }

    @Test
    void shouldLoopAChainedFrameBackScatteredOverBufferSizedDescriptors()
    {
        final SimDescriptorEngine engine = new SimDescriptorEngine(SimMode.LOOPBACK, regs, 0x3FFF);
        regs.rdt = N - 1;
        final long src = regs.buffers + (long)N * BUF;
        for (int i = 0; i < 2500; i++)
        {
            UnsafeApi.putByte(src + i, (byte)i);
        }
        regs.tx(0, src, 2000, 0);
        regs.tx(1, src + 2000, 500, AdvTxDescriptor.DCMD_EOP | AdvTxDescriptor.DCMD_RS);
        regs.tdt = 2;
        engine.txTailWritten(0);

        assertEquals(2, regs.tdh);
        assertEquals(0, regs.txStatus(0) & AdvTxDescriptor.STATUS_DD, "no RS, no DD");
        assertEquals(AdvTxDescriptor.STATUS_DD, regs.txStatus(1) & AdvTxDescriptor.STATUS_DD);
        assertEquals(1, regs.txFrames);
        assertEquals(2500, regs.txBytes);
        assertEquals(3, regs.rdh, "2500 bytes in 1 KiB buffers");
        assertEquals(AdvRxDescriptor.STATUS_DD, regs.rxStatus(0));
        assertEquals(AdvRxDescriptor.STATUS_DD, regs.rxStatus(1));
        assertEquals(AdvRxDescriptor.STATUS_DD | AdvRxDescriptor.STATUS_EOP, regs.rxStatus(2));
        assertEquals(1024, regs.rxLength(0));
        assertEquals(2500 - 2048, regs.rxLength(2));
        for (int i = 0; i < 2500; i++)
        {
            assertEquals((byte)i, UnsafeApi.getByte(regs.buffers + i), "byte " + i);
        }
        assertEquals(1, regs.rxFrames);
        assertEquals(2500, regs.rxBytes);
        assertEquals(4, engine.rxOwned(0));
    }

    @Test
    void shouldCompleteEveryHandedOverDescriptorInInstantMode()
    {
        final SimDescriptorEngine engine = new SimDescriptorEngine(SimMode.INSTANT, regs, 0x3FFF);
        engine.instantFrameBytes(64);
        regs.rdt = 5;
        engine.rxTailWritten(0);
        assertEquals(5, regs.rdh);
        for (int i = 0; i < 5; i++)
        {
            assertEquals(AdvRxDescriptor.STATUS_DD | AdvRxDescriptor.STATUS_EOP, regs.rxStatus(i));
            assertEquals(64, regs.rxLength(i));
        }
        assertEquals(0, regs.rxStatus(5), "the descriptor at RDT stays the driver's");
        assertEquals(5, regs.rxFrames);
        assertEquals(320, regs.rxBytes);
    }

    @Test
    void shouldCountMissesAndKeepWireFrames()
    {
        final SimDescriptorEngine engine = new SimDescriptorEngine(SimMode.WIRE, regs, 1500);
        regs.rdt = 1;
        assertFalse(engine.inject(0, new byte[1501]), "longer than the NIC takes");
        assertFalse(engine.inject(0, new byte[1200]), "needs 2 descriptors, 1 owned");
        assertEquals(2, regs.missed);
        assertEquals(1, regs.noDescriptor);
        assertTrue(engine.inject(0, new byte[60]));
        assertEquals(0, engine.rxOwned(0));
        assertFalse(engine.writeBack(0, 60, AdvRxDescriptor.STATUS_DD), "the device owns no descriptor any more");

        final long src = regs.buffers + (long)N * BUF;
        UnsafeApi.putByte(src, (byte)0x5A);
        regs.tx(0, src, 60, AdvTxDescriptor.DCMD_EOP | AdvTxDescriptor.DCMD_RS);
        regs.tdt = 1;
        engine.txTailWritten(0);
        final byte[] sent = engine.pollTransmitted();
        assertNotNull(sent);
        assertEquals(60, sent.length);
        assertEquals(0x5A, sent[0]);
        assertNull(engine.pollTransmitted());
    }
}
