package io.ethdev4j.pmd.igb;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pmd.igb.sim.IgbSimDevice;
import io.ethdev4j.pmd.intel.IntelRxQueue;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.ethdev4j.pmd.intel.AdvRxDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

/** The igb PMD against the in-process simulator: scatter/gather, write-back validation, rx_nombuf, tx cleanup. */
class IgbSimPmdTest
{
    private Eal eal;
    private EthDev port;
    private IgbSimDevice sim;
    private MbufPool pool;

    private void open(final String mode, final int poolSize, final int nbDesc, final int mtu)
    {
        eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_igb_sim0,mode=" + mode);
        port = eal.port(0);
        sim = (IgbSimDevice)((IgbEthDev)port.ops()).device();
        pool = eal.createPktmbufPool("sim", poolSize, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        final EthConf conf = new EthConf();
        conf.mtu = mtu;
        port.configure(1, 1, conf);
        port.rxQueueSetup(0, nbDesc, pool, null);
        port.txQueueSetup(0, nbDesc, null);
        port.start();
    }

    @AfterEach
    void close()
    {
        if (eal != null)
        {
            port.stop();
            port.close();
            assertEquals(0, pool.inUse(), "mbufs leaked");
            eal.close();
        }
    }

    private static byte[] frame(final int length, final int seed)
    {
        final byte[] f = new byte[length];
        for (int i = 0; i < length; i++)
        {
            f[i] = (byte)(i * 31 + seed);
        }
        return f;
    }

    private static byte[] contents(final Mbuf m)
    {
        final byte[] b = new byte[m.pktLen()];
        assertEquals(b.length, m.readPacket(b, 0));
        return b;
    }

    @Test
    void shouldSendAChainedMbufAsOneFrameAndReceiveAJumboFrameScattered()
    {
        open("loopback", 1023, 256, 9000);
        assertFalse(((IntelRxQueue)port.driverRxQueue(0)).isTailMapped(), "the simulator's doorbell is a call, not a store");
        final Mbuf[] segs = new Mbuf[3];
        assertEquals(3, pool.allocBulk(segs, 0, 3));
        final byte[] f = frame(5000, 7);
        segs[0].append(2000);
        segs[0].copyFrom(f, 0, 0, 2000);
        segs[1].append(2000);
        segs[1].copyFrom(f, 2000, 0, 2000);
        segs[2].append(1000);
        segs[2].copyFrom(f, 4000, 0, 1000);
        assertTrue(segs[0].chain(segs[1]));
        assertTrue(segs[0].chain(segs[2]));
        assertEquals(1, port.txBurst(0, new Mbuf[] {segs[0]}, 0, 1));

        final Mbuf[] rx = new Mbuf[4];
        assertEquals(1, port.rxBurst(0, rx, 0, 4));
        assertEquals(5000, rx[0].pktLen());
        assertEquals(3, rx[0].nbSegs(), "2 KiB buffers: 2048 + 2048 + 904");
        assertEquals(2048, rx[0].dataLen());
        assertEquals(port.portId(), rx[0].port());
        assertArrayEquals(f, contents(rx[0]));
        rx[0].free();
        final EthStats s = port.stats();
        assertEquals(1, s.ipackets);
        assertEquals(1, s.opackets);
        assertEquals(5000, s.ibytes);
        assertEquals(5000, s.obytes);
        assertEquals(1, s.qIpackets[0]);
        assertEquals(5000, s.qIbytes[0]);
    }

    @Test
    void shouldCountBadWriteBacksAsErrorsAndNeverHandOutAnOversizedSegment()
    {
        open("wire", 1023, 64, 1500);
        assertTrue(sim.writeBack(0, 4096, STATUS_DD | STATUS_EOP), "length larger than the 2 KiB buffer");
        assertTrue(sim.writeBack(0, 0, STATUS_DD | STATUS_EOP), "zero length");
        assertTrue(sim.writeBack(0, 100, STATUS_DD | STATUS_EOP | ERROR_RXE), "rx error bit");
        assertTrue(sim.writeBack(0, 100, STATUS_DD | STATUS_EOP | ERROR_HBO), "header overflow in one-buffer mode");
        assertTrue(sim.writeBack(0, 100, STATUS_DD), "a non-final segment shorter than a buffer");
        assertTrue(sim.writeBack(0, 60, STATUS_DD | STATUS_EOP), "...whose frame ends here: dropped with it");
        assertTrue(sim.writeBack(0, 2048, STATUS_DD), "a good first segment");
        assertTrue(sim.writeBack(0, 70000 & 0xFFFF, STATUS_DD | STATUS_EOP), "then a bad last one");
        assertTrue(sim.inject(0, frame(64, 1)), "a good frame after all that");
        final Mbuf[] rx = new Mbuf[16];
        final int n = port.rxBurst(0, rx, 0, 16);
        assertEquals(1, n, "only the good frame comes out");
        assertEquals(64, rx[0].pktLen());
        assertArrayEquals(frame(64, 1), contents(rx[0]));
        rx[0].free();
        final EthStats s = port.stats();
        assertEquals(6, s.qErrors[0], "one error per bad frame");
        assertEquals(6, s.ierrors);
        assertEquals(1, s.qIpackets[0]);
        assertEquals(64 - 9, pool.inUse(), "the ring holds 64 mbufs less the 9 consumed descriptors (refill comes in " +
            "batches of 16): every mbuf of a dropped frame went back");
    }

    @Test
    void shouldCountRxNombufWhenThePoolRunsDryAndRecover()
    {
        open("wire", 72, 64, 1500); // 64 armed, 8 spare: the first refill of 16 fails
        final Mbuf[] held = new Mbuf[64];
        int got = 0;
        for (int i = 0; i < 40; i++)
        {
            assertTrue(sim.inject(0, frame(60, i)));
            got += port.rxBurst(0, held, got, 64 - got);
        }
        assertEquals(40, got);
        final EthStats s = port.stats();
        assertTrue(s.rxNombuf > 0, "rx_nombuf counted: " + s);
        Mbuf.freeBulk(held, 0, got);
        assertTrue(sim.inject(0, frame(60, 99)));
        final Mbuf[] rx = new Mbuf[64];
        int more = 0;
        for (int i = 0; i < 4 && more == 0; i++)
        {
            more = port.rxBurst(0, rx, 0, 64);
        }
        assertEquals(1, more, "the queue refills once mbufs are back");
        rx[0].free();
        assertTrue(sim.rxOwned(0) > 0);
    }

    @Test
    void shouldReclaimTxDescriptorsInBatchesAndRefuseWhenFull()
    {
        open("wire", 2047, 64, 1500);
        final Mbuf[] pkts = new Mbuf[200];
        assertEquals(200, pool.allocBulk(pkts, 0, 200));
        for (final Mbuf m : pkts)
        {
            m.append(60);
        }
        int sent = 0;
        for (int round = 0; round < 20 && sent < 200; round++)
        {
            sent += port.txBurst(0, pkts, sent, Math.min(32, 200 - sent));
        }
        assertEquals(200, sent, "the device completes instantly, so cleanup keeps up");
        for (int i = 0; i < 200; i++)
        {
            assertNotNull(sim.pollTransmitted());
        }
        assertNull(sim.pollTransmitted());
        assertTrue(pool.inUse() < 64 + 63, "completed mbufs went back in batches: in use " + pool.inUse());
        assertEquals(200, port.stats().opackets);
    }

    /**
     * The driver maps nothing, so it must not take a pool its device could not reach: one made outside the runtime's
     * memory is refused at rx setup with EINVAL and the fix, one made on the runtime's memory without
     * createPktmbufPool is as good as any.
     */
    @Test
    void shouldRefuseAnRxPoolOutsideTheRuntimesMemoryWithEinval()
    {
        open("loopback", 1023, 256, 1500);
        port.stop();
        try (MbufPool outside = MbufPool.create("sim_outside", 255))
        {
            final EthDevException ex = assertThrows(EthDevException.class,
                () -> port.rxQueueSetup(0, 256, outside, null));
            assertEquals(Errno.EINVAL, ex.errno());
            assertTrue(ex.getMessage().contains("sim_outside is not in the runtime's memory") &&
                ex.getMessage().contains("Eal.createPktmbufPool"), ex.getMessage());
        }
        try (MbufPool onRuntimeMemory = MbufPool.create(eal.memory(), "sim_runtime_mem", 1023, 0, 0,
            MbufDescriptor.DEFAULT_BUF_SIZE))
        {
            port.rxQueueSetup(0, 256, onRuntimeMemory, null);
            port.start();
            port.stop();
            port.rxQueueSetup(0, 256, pool, null);
            assertEquals(0, onRuntimeMemory.inUse());
        }
        port.start();
    }

    @Test
    void shouldReturnZeroAndReportLinkDownWhenTheDeviceDies()
    {
        open("wire", 1023, 64, 1500);
        assertTrue(port.link().isUp());
        sim.kill();
        final Mbuf[] pkts = new Mbuf[4];
        assertEquals(4, pool.allocBulk(pkts, 0, 4));
        for (final Mbuf m : pkts)
        {
            m.append(60);
        }
        assertEquals(4, port.txBurst(0, pkts, 0, 4), "queued before the doorbell failed");
        assertEquals(0, port.txBurst(0, pkts, 0, 4), "nothing accepted once the device is gone");
        assertFalse(port.link().isUp());
        Arrays.fill(pkts, null);
    }

    /** show rxq/txq info and read rxd/txd: igb reports its queues and shows its descriptors as they are in the ring. */
    @Test
    void shouldReportQueueInfoAndReadDescriptors()
    {
        open("wire", 1023, 64, 1500);
        final io.ethdev4j.ethdev.QueueInfo rx = port.queueInfo(true, 0);
        assertEquals("sim", rx.mempoolName);
        assertEquals(64, rx.nbDesc);
        assertEquals(io.ethdev4j.ethdev.QueueInfo.STATE_STARTED, rx.queueState);
        assertTrue(rx.freeThresh > 0 && rx.freeThresh <= 64, "free threshold " + rx.freeThresh);
        assertEquals(64, port.queueInfo(false, 0).nbDesc);
        final byte[] d = port.readDescriptor(true, 0, 0);
        assertEquals(16, d.length);
        assertTrue(java.nio.ByteBuffer.wrap(d).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(0) != 0,
            "an armed rx descriptor holds its buffer's address");
        assertEquals(16, port.readDescriptor(false, 0, 63).length);
        assertThrows(EthDevException.class, () -> port.readDescriptor(true, 0, 64), "past the ring");
        assertEquals(0, port.rxQueueCount(0), "nothing received yet");
        assertEquals(io.ethdev4j.ethdev.EthDevOps.DESC_AVAIL, port.descriptorStatus(true, 0, 0), "armed, not written");
        assertEquals(io.ethdev4j.ethdev.EthDevOps.DESC_AVAIL, port.descriptorStatus(false, 0, 0), "tx: FULL (0)");
        assertEquals(Errno.EINVAL, assertThrows(EthDevException.class, () -> port.descriptorStatus(true, 0, 64)).errno());
        for (int i = 0; i < 5; i++)
        {
            assertTrue(sim.writeBack(0, 60, STATUS_DD | STATUS_EOP));
        }
        assertEquals(8, port.rxQueueCount(0), "done descriptors, counted 4 at a time (eth_igb_rx_queue_count)");
        assertEquals(io.ethdev4j.ethdev.EthDevOps.DESC_DONE, port.descriptorStatus(true, 0, 4));
        assertEquals(io.ethdev4j.ethdev.EthDevOps.DESC_AVAIL, port.descriptorStatus(true, 0, 5));
    }

    /** show port N rss-hash [key]: RSS off with one rx queue; with several, MRQC's functions and the default key. */
    @Test
    void shouldReportTheRssHashConfiguration()
    {
        open("wire", 1023, 64, 1500);
        assertEquals(0, port.rssHashConf(null), "one rx queue: RSS disabled");
        port.stop();
        final EthConf conf = new EthConf();
        conf.rxMqMode = EthConf.MQ_RX_RSS;
        port.configure(2, 1, conf);
        port.rxQueueSetup(0, 64, pool, null);
        port.rxQueueSetup(1, 64, pool, null);
        port.txQueueSetup(0, 64, null);
        port.start();
        final byte[] key = new byte[40];
        final long hf = port.rssHashConf(key);
        assertEquals((1L << 2) | (1L << 4) | (1L << 5) | (1L << 8) | (1L << 10) | (1L << 11), hf,
            "ipv4, ipv4-tcp, ipv4-udp, ipv6, ipv6-tcp, ipv6-udp");
        assertArrayEquals(io.ethdev4j.pmd.intel.RssProgrammer.defaultKey(), key);
    }

    /** show port N flow_ctrl: decoded from the registers (this driver does not program flow control itself). */
    @Test
    void shouldReportFlowControlFromTheRegisters()
    {
        open("wire", 1023, 64, 1500);
        sim.write32(0, IgbRegs.CTRL, sim.read32(0, IgbRegs.CTRL) | IgbRegs.CTRL_RFCE | IgbRegs.CTRL_TFCE);
        sim.write32(0, IgbRegs.FCTTV, 0x680);
        sim.write32(0, IgbRegs.FCRTH, 0x1000);
        sim.write32(0, IgbRegs.FCRTL, 0x800 | IgbRegs.FCRTL_XONE);
        final io.ethdev4j.ethdev.FlowCtrlConf fc = port.flowCtrl();
        assertEquals(io.ethdev4j.ethdev.FlowCtrlConf.FC_FULL, fc.mode());
        assertEquals(0x680, fc.pauseTime());
        assertEquals(0x1000, fc.highWater());
        assertEquals(0x800, fc.lowWater());
        assertTrue(fc.sendXon());
        assertTrue(fc.autoneg());
        sim.write32(0, IgbRegs.CTRL, sim.read32(0, IgbRegs.CTRL) & ~IgbRegs.CTRL_TFCE);
        assertEquals(io.ethdev4j.ethdev.FlowCtrlConf.FC_RX_PAUSE, port.flowCtrl().mode());
    }
}
