package io.ethdev4j.pci.qemu;

import io.ethdev4j.pci.PciBar;
import io.ethdev4j.pci.PciConfig;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.pmd.intel.AdvRxDescriptor;
import io.ethdev4j.pmd.intel.AdvTxDescriptor;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.testkit.Await;
import io.ethdev4j.testkit.MemfdRegion;
import io.ethdev4j.testkit.Prerequisites;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;

import static io.ethdev4j.pmd.igb.IgbRegs.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The QEMU transport against QEMU's emulated igb (82576): config space, BAR placement, registers, reset, and one
 * frame each way through a descriptor ring in a memfd, with the wire a UDP pair on 127.0.0.1.
 * One QEMU for the class; each test brings the device to the state it needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QemuIgbDeviceTest
{
    private static final String MAC = "52:54:00:e7:40:01";
    private static final int BAR0 = 0;
    private static final long DMA_BYTES = 1 << 20;
    private static final long TX_RING = 0;
    private static final long RX_RING = 0x1000;
    private static final long TX_BUF = 0x10000;
    private static final long RX_BUF = 0x20000;
    private static final int RING_SIZE = 8;
    private static final int RX_BUF_SIZE = 2048;
    private static final Duration LINK_TIMEOUT = Duration.ofSeconds(20);

    private QemuBinary qemu;
    private DatagramSocket peer;
    private QemuNicProcess process;
    private MpqemuPciDevice dev;
    private MemfdRegion dma;
    private int qemuPort;

    @BeforeAll
    void startQemu() throws Exception
    {
        // Without QEMU every test is skipped by requireQemu() below (each reported with the reason), or fails under CI.
        qemu = QemuBinary.locate().orElse(null);
        if (qemu == null)
        {
            return;
        }
        peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer.setSoTimeout(5000);
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            qemuPort = probe.getLocalPort(); // free now; QEMU binds it a moment later
        }
        process = QemuNicProcess.start(new QemuNicProcess.Config(qemu, QemuNetdev.udp(qemuPort, peer.getLocalPort()))
            .mac(MAC).name("QemuIgbDeviceTest"));
        dev = process.device();
        dma = new MemfdRegion("igb-test-dma", DMA_BYTES);
        dev.mapDma(dma.address(), dma.address(), dma.length(), dma.fd(), 0);
    }

    @BeforeEach
    void requireQemu()
    {
        Prerequisites.require(qemu != null, "needs qemu-system-x86_64 >= " + QemuBinary.MIN_MAJOR_VERSION +
            " (run tools/setup-qemu.sh)");
        assertNotNull(dev, "QEMU did not start");
    }

    @AfterAll
    void stopQemu()
    {
        if (process != null)
        {
            process.close();
        }
        if (dma != null)
        {
            dma.close();
        }
        if (peer != null)
        {
            peer.close();
        }
    }

    @Test
    void shouldReadVendorAndDeviceIdFromConfigSpace()
    {
        assertEquals(0x8086, dev.readConfig16(PciConfig.PCI_VENDOR_ID));
        assertEquals(0x10C9, dev.readConfig16(PciConfig.PCI_DEVICE_ID));
        assertEquals(0x10C9_8086, dev.readConfig32(PciConfig.PCI_VENDOR_ID));
        assertEquals(0x86, dev.readConfig8(PciConfig.PCI_VENDOR_ID));
        assertEquals("8086:10c9", dev.id().toString());
    }

    @Test
    void shouldSizeAndPlaceBar0()
    {
        final PciBar bar0 = dev.bar(0);
        assertTrue(bar0.isPresent());
        assertFalse(bar0.isIo());
        assertEquals(128 * 1024, bar0.sizeBytes(), bar0.toString());
        assertEquals(MpqemuPciDevice.MEM_BAR_BASE, bar0.address());
        assertEquals((int)MpqemuPciDevice.MEM_BAR_BASE, dev.readConfig32(PciConfig.barOffset(0)) & ~0xF);
        final int command = dev.readConfig16(PciConfig.PCI_COMMAND);
        assertEquals(PciConfig.PCI_COMMAND_MEMORY | PciConfig.PCI_COMMAND_MASTER,
            command & (PciConfig.PCI_COMMAND_MEMORY | PciConfig.PCI_COMMAND_MASTER));
        final PciBar bar3 = dev.bar(3);
        assertTrue(bar3.is64Bit(), bar3.toString());
        assertEquals(16 * 1024, bar3.sizeBytes());
    }

    @Test
    void shouldReadStatusAndMacFromRalRah()
    {
        final int status = dev.read32(BAR0, STATUS);
        assertNotEquals(0, status);
        final int ral = dev.read32(BAR0, RAL(0));
        final int rah = dev.read32(BAR0, RAH(0));
        final byte[] mac = new byte[6];
        for (int i = 0; i < 4; i++)
        {
            mac[i] = (byte)(ral >>> (8 * i));
        }
        mac[4] = (byte)rah;
        mac[5] = (byte)(rah >>> 8);
        assertArrayEquals(macBytes(MAC), mac, String.format("RAL0=%08x RAH0=%08x", ral, rah));
        assertEquals(RAH_AV, rah & RAH_AV);
        assertEquals((rah & 0xFFFFL) << 32 | (ral & 0xFFFF_FFFFL), dev.read64(BAR0, RAL(0)) & 0xFFFF_FFFF_FFFFL);
    }

    @Test
    void shouldResetDeviceRegistersButKeepBarPlacement()
    {
        dev.write32(BAR0, TDLEN(0), RING_SIZE * AdvTxDescriptor.LENGTH);
        dev.write32(BAR0, RAL(1), 0x1234_5678);
        assertEquals(RING_SIZE * AdvTxDescriptor.LENGTH, dev.read32(BAR0, TDLEN(0)));

        dev.reset();

        assertEquals(0, dev.read32(BAR0, TDLEN(0)));
        assertEquals(0, dev.read32(BAR0, RAL(1)));
        assertEquals((int)MpqemuPciDevice.MEM_BAR_BASE, dev.readConfig32(PciConfig.barOffset(0)) & ~0xF);
        assertEquals(0, dev.read32(BAR0, STATUS) & STATUS_LU, "link is down after reset until autoneg restarts");
    }

    @Test
    void shouldTransmitOneFrameByteExactToTheDatagramPeer() throws Exception
    {
        resetAndLinkUp();
        final long ring = dma.address() + TX_RING;
        final long buf = dma.address() + TX_BUF;
        dev.write32(BAR0, TXDCTL(0), 0);
        dev.write32(BAR0, TDBAL(0), (int)ring);
        dev.write32(BAR0, TDBAH(0), (int)(ring >>> 32));
        dev.write32(BAR0, TDLEN(0), RING_SIZE * AdvTxDescriptor.LENGTH);
        dev.write32(BAR0, TDH(0), 0);
        dev.write32(BAR0, TDT(0), 0);
        dev.write32(BAR0, TXDCTL(0), XDCTL_QUEUE_ENABLE);
        dev.write32(BAR0, TCTL, TCTL_EN | TCTL_PSP | TCTL_CT | TCTL_COLD);

        final byte[] frame = frame(macBytes("02:00:00:00:00:02"), macBytes(MAC), 71);
        putBytes(buf, frame);
        UnsafeApi.putLong(ring + AdvTxDescriptor.BUFFER_ADDR_OFFSET, buf);
        UnsafeApi.putInt(ring + AdvTxDescriptor.CMD_TYPE_LEN_OFFSET, frame.length | AdvTxDescriptor.DTYP_DATA |
            AdvTxDescriptor.DCMD_DEXT | AdvTxDescriptor.DCMD_EOP | AdvTxDescriptor.DCMD_IFCS |
            AdvTxDescriptor.DCMD_RS);
        UnsafeApi.putInt(ring + AdvTxDescriptor.OLINFO_STATUS_OFFSET, frame.length << AdvTxDescriptor.PAYLEN_SHIFT);
        final int gptcBefore = dev.read32(BAR0, GPTC);

        final long t0 = System.nanoTime();
        dev.write32(BAR0, TDT(0), 1);
        final byte[] got = new byte[2048];
        final DatagramPacket p = new DatagramPacket(got, got.length);
        peer.receive(p);
        final long arrivalNs = System.nanoTime() - t0;

        assertArrayEquals(frame, Arrays.copyOf(got, p.getLength()));
        assertEquals(qemuPort, p.getPort());
        Await.until(() -> (UnsafeApi.getIntVolatile(null, ring + AdvTxDescriptor.WB_STATUS_OFFSET) &
            AdvTxDescriptor.STATUS_DD) != 0, Duration.ofSeconds(5), "TX write-back DD");
        assertEquals(1, dev.read32(BAR0, TDH(0)));
        assertEquals(gptcBefore + 1, dev.read32(BAR0, GPTC));
        System.out.printf("TX: frame of %d bytes at the peer %.3f ms after the TDT write%n", frame.length,
            arrivalNs / 1e6);
    }

    @Test
    void shouldReceiveOneInjectedFrameIntoTheRxRing() throws Exception
    {
        resetAndLinkUp();
        final long ring = dma.address() + RX_RING;
        UnsafeApi.setMemory(ring, RING_SIZE * AdvRxDescriptor.LENGTH, (byte)0);
        UnsafeApi.setMemory(dma.address() + RX_BUF, (long)RING_SIZE * RX_BUF_SIZE, (byte)0);
        for (int i = 0; i < RING_SIZE; i++)
        {
            final long d = ring + (long)i * AdvRxDescriptor.LENGTH;
            UnsafeApi.putLong(d + AdvRxDescriptor.PKT_ADDR_OFFSET, dma.address() + RX_BUF + (long)i * RX_BUF_SIZE);
            UnsafeApi.putLong(d + AdvRxDescriptor.HDR_ADDR_OFFSET, 0);
        }
        dev.write32(BAR0, RXDCTL(0), 0);
        dev.write32(BAR0, RDBAL(0), (int)ring);
        dev.write32(BAR0, RDBAH(0), (int)(ring >>> 32));
        dev.write32(BAR0, RDLEN(0), RING_SIZE * AdvRxDescriptor.LENGTH);
        dev.write32(BAR0, SRRCTL(0), SRRCTL_DESCTYPE_ADV_ONEBUF | (RX_BUF_SIZE / 1024));
        dev.write32(BAR0, RDH(0), 0);
        dev.write32(BAR0, RXDCTL(0), XDCTL_QUEUE_ENABLE);
        dev.write32(BAR0, RCTL, RCTL_EN | RCTL_UPE | RCTL_MPE | RCTL_BAM | RCTL_SECRC);
        dev.write32(BAR0, RDT(0), RING_SIZE - 1);
        final int gprcBefore = dev.read32(BAR0, GPRC);

        final byte[] frame = frame(macBytes(MAC), macBytes("02:00:00:00:00:02"), 94);
        final long t0 = System.nanoTime();
        peer.send(new DatagramPacket(frame, frame.length, InetAddress.getLoopbackAddress(), qemuPort));
        Await.until(() -> (UnsafeApi.getIntVolatile(null, ring + AdvRxDescriptor.WB_STATUS_ERROR_OFFSET) &
            AdvRxDescriptor.STATUS_DD) != 0, Duration.ofSeconds(5), "RX write-back DD");
        final long doneNs = System.nanoTime() - t0;

        final int status = UnsafeApi.getInt(ring + AdvRxDescriptor.WB_STATUS_ERROR_OFFSET);
        final int length = UnsafeApi.getShort(ring + AdvRxDescriptor.WB_LENGTH_OFFSET) & 0xFFFF;
        assertEquals(AdvRxDescriptor.STATUS_DD | AdvRxDescriptor.STATUS_EOP, status & 0x3);
        assertEquals(0, status >>> 20, "no error bits");
        assertEquals(frame.length, length);
        assertArrayEquals(frame, getBytes(dma.address() + RX_BUF, length));
        assertEquals(1, dev.read32(BAR0, RDH(0)));
        assertEquals(gprcBefore + 1, dev.read32(BAR0, GPRC));
        System.out.printf("RX: %d-byte frame written back (DD|EOP) %.3f ms after the send%n", length, doneNs / 1e6);
    }

    @Test
    void shouldRejectBarAccessOutsideTheBarWithoutKillingQemu()
    {
        final PciException ex = assertThrows(PciException.class, () -> dev.read32(BAR0, 128 * 1024));
        assertEquals(Errno.EINVAL, ex.errno());
        assertTrue(ex.getMessage().contains("read32(bar=0, offset=0x20000)"), ex.getMessage());
        assertThrows(PciException.class, () -> dev.read32(5, 0));
        assertThrows(PciException.class, () -> dev.readConfig32(2));
        assertTrue(process.isAlive());
        assertEquals(0x8086, dev.readConfig16(PciConfig.PCI_VENDOR_ID));
    }

    @Test
    void shouldRejectDmaMappingsQemuCannotHonour()
    {
        final PciException low = assertThrows(PciException.class,
            () -> dev.mapDma(dma.address(), 0x10_0000, 4096, dma.fd(), 0));
        assertEquals(Errno.EINVAL, low.errno());
        assertTrue(low.getMessage().contains("below 4 GiB"), low.getMessage());
        final PciException overlap = assertThrows(PciException.class,
            () -> dev.mapDma(dma.address(), dma.address() + 4096, 4096, dma.fd(), 0));
        assertEquals(Errno.EEXIST, overlap.errno());
        final PciException noFd = assertThrows(PciException.class,
            () -> dev.mapDma(dma.address(), 1L << 40, 4096, -1, 0));
        assertTrue(noFd.getMessage().contains("needs the fd"), noFd.getMessage());
        assertTrue(process.isAlive());
    }

    @Test
    void shouldMeasureRegisterRoundTrip()
    {
        final int n = 2000;
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final long tid = Thread.currentThread().getId();
        for (int i = 0; i < n; i++)
        {
            dev.write32(BAR0, RAL(2), i); // warm-up
        }
        final long t0 = System.nanoTime();
        for (int i = 0; i < n; i++)
        {
            dev.read32(BAR0, STATUS);
        }
        final long t1 = System.nanoTime();
        final long alloc0 = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < n; i++)
        {
            dev.write32(BAR0, RAL(2), i);
        }
        final long alloc1 = threads.getThreadAllocatedBytes(tid);
        final long t2 = System.nanoTime();
        assertEquals(n - 1, dev.read32(BAR0, RAL(2)));
        System.out.printf("BAR_READ round trip %.1f us, BAR_WRITE round trip %.1f us (mean of %d), " +
            "BAR_WRITE allocates %.1f B/op%n", (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, n, (alloc1 - alloc0) / (double)n);
    }

    /** CTRL.RST, mask interrupts, set link up and restart PHY autoneg via MDIC, then wait for STATUS.LU. */
    private void resetAndLinkUp()
    {
        dev.reset();
        dev.write32(BAR0, CTRL, dev.read32(BAR0, CTRL) | CTRL_RST);
        Await.until(() -> (dev.read32(BAR0, CTRL) & CTRL_RST) == 0, Duration.ofSeconds(5), "CTRL.RST to self-clear");
        dev.write32(BAR0, IMC, 0xFFFF_FFFF);
        dev.write32(BAR0, EIMC, 0xFFFF_FFFF);
        dev.read32(BAR0, ICR);
        dev.write32(BAR0, CTRL, dev.read32(BAR0, CTRL) | CTRL_SLU);
        dev.write32(BAR0, MDIC, mdicWrite(PHY_BMCR, BMCR_ANENABLE | BMCR_ANRESTART | BMCR_FULL_DUPLEX | BMCR_SPEED1000));
        Await.until(() -> (dev.read32(BAR0, MDIC) & MDIC_READY) != 0, Duration.ofSeconds(5), "MDIC.READY");
        final long t0 = System.nanoTime();
        Await.until(() -> (dev.read32(BAR0, STATUS) & STATUS_LU) != 0, LINK_TIMEOUT, "STATUS.LU after autoneg");
        System.out.printf("link up %.0f ms after the autoneg restart%n", (System.nanoTime() - t0) / 1e6);
    }

    static byte[] macBytes(final String mac)
    {
        final String[] parts = mac.split(":");
        final byte[] b = new byte[6];
        for (int i = 0; i < 6; i++)
        {
            b[i] = (byte)Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    /** An Ethernet frame with the local experimental ethertype 0x88B5 and a counting payload. */
    static byte[] frame(final byte[] dst, final byte[] src, final int length)
    {
        final byte[] f = new byte[length];
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        f[12] = (byte)0x88;
        f[13] = (byte)0xB5;
        for (int i = 14; i < length; i++)
        {
            f[i] = (byte)(i * 7 + 3);
        }
        return f;
    }

    static void putBytes(final long addr, final byte[] b)
    {
        for (int i = 0; i < b.length; i++)
        {
            UnsafeApi.putByte(addr + i, b[i]);
        }
    }

    static byte[] getBytes(final long addr, final int n)
    {
        final byte[] b = new byte[n];
        for (int i = 0; i < n; i++)
        {
            b[i] = UnsafeApi.getByte(addr + i);
        }
        return b;
    }

}
