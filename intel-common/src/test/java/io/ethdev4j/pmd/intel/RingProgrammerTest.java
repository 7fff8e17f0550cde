package io.ethdev4j.pmd.intel;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.mem.DmaMemory;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shared ring loops driven by a register map shaped as the 82599's (two rx register blocks, SRRCTL inside the
 * block, DROP_EN bit 28; shared/reference/ixgbe-82599.md §2.1): the offsets written are the map's, for queues on
 * both sides of the q = 64 split.
 */
class RingProgrammerTest
{
    /** The 82599's native queue registers (not the 82598 aliases), as a NIC module would declare them. */
    static final class Map82599 implements QueueRegisterMap
    {
        private static int rx(final int q, final int reg)
        {
            return (q < 64 ? 0x01000 + 0x40 * q : 0x0D000 + 0x40 * (q - 64)) + reg;
        }

        private static int tx(final int q, final int reg)
        {
            return 0x06000 + 0x40 * q + reg;
        }

        @Override public int RDBAL(final int q) { return rx(q, 0x00); }
        @Override public int RDBAH(final int q) { return rx(q, 0x04); }
        @Override public int RDLEN(final int q) { return rx(q, 0x08); }
        @Override public int SRRCTL(final int q) { return rx(q, 0x14); }
        @Override public int RDH(final int q) { return rx(q, 0x10); }
        @Override public int RDT(final int q) { return rx(q, 0x18); }
        @Override public int RXDCTL(final int q) { return rx(q, 0x28); }
        @Override public int TDBAL(final int q) { return tx(q, 0x00); }
        @Override public int TDBAH(final int q) { return tx(q, 0x04); }
        @Override public int TDLEN(final int q) { return tx(q, 0x08); }
        @Override public int TDH(final int q) { return tx(q, 0x10); }
        @Override public int TDT(final int q) { return tx(q, 0x18); }
        @Override public int TXDCTL(final int q) { return tx(q, 0x28); }
        @Override public int srrctlDropEn() { return 0x1000_0000; }
        @Override public int srrctlBsizePktMask() { return 0x1F; }
    }

    private static final int NRX = 66;
    private static final int DESC = 32;

    private final RecordingPciDevice dev = new RecordingPciDevice();
    private final DmaMemory memory = new DmaMemory(true, 0);
    private MbufPool pool;
    private IntelQueueSet queues;
    private RingProgrammer rings;

    @BeforeEach
    void setUp()
    {
        pool = MbufPool.create(memory, "ring-prog-test", NRX * DESC + 64, 0, 0, 2176);
        final QueueRegisterMap map = new Map82599();
        queues = new IntelQueueSet(dev, map, memory, 0, 4096);
        rings = new RingProgrammer(dev, map);
        queues.configure("ring-prog-test-rings", NRX, 1);
        final QueueConf dropEn = new QueueConf();
        dropEn.dropEn = true;
        for (int q = 0; q < NRX; q++)
        {
            queues.setupRx(q, DESC, pool, q == 65 ? dropEn : null);
        }
        queues.setupTx(0, DESC, null);
    }

    @AfterEach
    void tearDown()
    {
        queues.close();
        assertEquals(0, pool.inUse(), "mbufs leaked");
        pool.close();
        memory.close();
    }

    private int written(final int reg)
    {
        for (int i = dev.writes.size() - 1; i >= 0; i--)
        {
            if (dev.writes.get(i).offset() == reg)
            {
                return dev.writes.get(i).value();
            }
        }
        return fail("nothing written to 0x" + Integer.toHexString(reg) + ": " + dev.writes);
    }

    @Test
    void shouldProgramRxRingsAtTheMapsOffsetsOnBothSidesOfTheSplit()
    {
        rings.programRxRings(queues, "start(port=0)");
        rings.enableRxQueues(queues, 0, 10_000_000L, "start(port=0)");
        rings.armRxTails(queues);
        final IntelRxQueue q3 = queues.rxQueue(3);
        assertEquals((int)q3.ringIova(), written(0x010C0), "RDBAL(3)");
        assertEquals((int)(q3.ringIova() >>> 32), written(0x010C4), "RDBAH(3)");
        assertEquals(DESC * AdvRxDescriptor.LENGTH, written(0x010C8), "RDLEN(3)");
        assertEquals(QueueRegisterMap.SRRCTL_DESCTYPE_ADV_ONEBUF | 2, written(0x010D4), "SRRCTL(3): 2 KiB buffers");
        assertEquals(QueueRegisterMap.XDCTL_QUEUE_ENABLE, written(0x010E8), "RXDCTL(3)");
        final IntelRxQueue q65 = queues.rxQueue(65);
        assertEquals((int)q65.ringIova(), written(0x0D040), "RDBAL(65) in the second block");
        assertEquals(QueueRegisterMap.SRRCTL_DESCTYPE_ADV_ONEBUF | 0x1000_0000 | 2, written(0x0D054),
            "SRRCTL(65) with the 82599's DROP_EN");
        assertEquals(0, written(0x0D050), "RDH(65)");
        assertEquals(DESC - 1, written(0x0D058), "RDT(65)");
        assertEquals(0x0D058, q65.tail().offset(), "the queue's doorbell is the map's RDT");
    }

    @Test
    void shouldProgramAndEnableTxRings()
    {
        rings.programTxRings(queues);
        rings.enableTxQueues(queues, 32 << QueueRegisterMap.PTHRESH_SHIFT, 10_000_000L, "start(port=0)");
        final IntelTxQueue q0 = queues.txQueue(0);
        assertEquals((int)q0.ringIova(), written(0x06000), "TDBAL(0)");
        assertEquals(DESC * AdvTxDescriptor.LENGTH, written(0x06008), "TDLEN(0)");
        assertEquals(0, written(0x06010), "TDH(0)");
        assertEquals(0, written(0x06018), "TDT(0)");
        assertEquals(32 | QueueRegisterMap.XDCTL_QUEUE_ENABLE, written(0x06028), "TXDCTL(0)");
        assertEquals(0x06018, q0.tail().offset());
    }

    @Test
    void shouldFailWithEioWhenAQueueNeverReadsEnabled()
    {
        dev.readsZero.add(0x06028);
        rings.programTxRings(queues);
        final EthDevException ex = assertThrows(EthDevException.class,
            () -> rings.enableTxQueues(queues, 0, 2_000_000L, "start(port=0)"));
        assertEquals(Errno.EIO, ex.errno());
        assertTrue(ex.getMessage().contains("tx queue 0: TXDCTL.ENABLE still 0"), ex.getMessage());
    }
}
