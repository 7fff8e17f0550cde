package io.ethdev4j.vm.guest;

import io.ethdev4j.bus.Bus;
import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.pci.VfioPciBus;
import io.ethdev4j.pci.vfio.VfioContainer;
import io.ethdev4j.pmd.intel.IntelRxQueue;
import io.ethdev4j.sys.LibC;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The IOMMU protects the process from the NIC: a driver bug that hands the NIC an address that was never mapped for
 * DMA ends in a DMAR fault the kernel logs, never in a write to (or a read of) process memory, and the port goes on
 * working; on receive, the driver's debug check counts the lost frame as an rx error.
 * <p>
 * What is mapped: the runtime's VFIO container maps every device region of the runtime's memory as it is registered
 * and unmaps it when it is freed (the memory events), once for all ports; drivers map nothing. So a pool created
 * after start is mapped and its frames arrive intact, and a fault takes memory outside every registered region
 * (anonymous pages here), which only a bug can hand the NIC.
 * <p>
 * What QEMU's igb does when the IOMMU refuses a DMA (hw/net/igb_core.c), and what a real NIC does:
 * <ul>
 * <li>receive: {@code igb_write_to_rx_buffers} ignores the result of {@code pci_dma_write}, then writes the
 *     descriptor back as a good frame (DD, EOP, the frame's length) and counts it in GPRC. A real NIC's buffer write
 *     is a posted PCIe write: the IOMMU drops it and the NIC never learns. So no device counter shows the loss; the
 *     driver's debug check {@code -Dethdev4j.intel.checkRxDma=true} (a marker in every armed buffer that a completed
 *     frame must have overwritten) turns it into an rx error. That half runs in a child JVM started with the check
 *     on ({@link VfioChildMain} rx-fault), as the check is a {@code static final} flag.</li>
 * <li>transmit: {@code net_tx_pkt_add_raw_fragment_pci} maps the buffer with {@code pci_dma_map}; for an address
 *     the IOMMU refuses, {@code address_space_map} falls back to a bounce buffer filled by a read that fails, so
 *     the frame goes out with zeros in place of the data, counted in GPTC, its descriptor written back done. A real
 *     NIC gets an unsuccessful completion for its read instead. Either way none of the unmapped memory reaches the
 *     wire, and nothing counts an error: the driver, which programmed the address, is the only one who could know
 *     (the test shows the gap rather than hiding it).</li>
 * </ul>
 * The kernel (6.1, drivers/iommu/intel/dmar.c) logs each recorded fault as
 * {@code DMAR: [DMA Write NO_PASID] Request device [02:00.0] fault addr 0x7f... [fault reason 0x05] ...}, with the
 * page of the address (VT-d records page addresses). QEMU's VT-d keeps one fault record: a fault raised while the
 * kernel has not yet cleared the previous one is dropped ("compression of faults"), so each case makes one fault.
 */
class IommuFaultGuestTest
{
    private static final long PAGE = 4096;
    private static final long PAGE_MASK = ~0xFFFL;

    private String[] pair;

    @BeforeEach
    void requireGuest()
    {
        Guest.require();
        assertTrue(Guest.hasIommu(), "guest booted without an IOMMU");
        pair = Guest.pair();
    }

    @Test
    void shouldBlockAReceiveIntoAnUnmappedBufferCountItAndKeepReceiving()
    {
        final String marker = KernelLog.mark("IommuFaultGuestTest rx");
        final List<String> cmd = Guest.javaCommand(VfioChildMain.class.getName(), "rx-fault", pair[0], pair[1]);
        cmd.add(1, "-D" + IntelRxQueue.CHECK_RX_DMA_PROPERTY + "=true");
        final String out = GuestProcess.runOk(cmd);
        final Map<String, String> facts = facts(out);
        assertEquals("true", facts.get("check_rx_dma"), out);
        assertEquals("ok 1", facts.get("before_fault"), "traffic before the fault\n" + out);
        assertEquals("true", facts.get("rx_tail_mapped"), "the RDT doorbell is a store into the mapped BAR\n" + out);

        // (a) the NIC's write never reached the process's memory
        assertEquals("0", facts.get("sentinel_changed_bytes"), "bytes of the sentinel the NIC changed\n" + out);
        // (b) the IOMMU refused it and the kernel says so, naming the receiving port and the sentinel's page
        final long addr = Long.decode(facts.get("fault_addr"));
        final String line = KernelLog.awaitLine(marker, "DMAR: [DMA Write NO_PASID] Request device [" +
            bdf(pair[1]) + "] fault addr 0x" + Long.toHexString(addr & PAGE_MASK) + " ");
        System.out.println("receive fault: " + line.trim());
        // (c) the device reported a good frame (GPRC), the driver's check found its buffer unwritten: one rx error,
        // nothing delivered to the application
        assertEquals("1", facts.get("hw_ipackets"), "GPRC: QEMU counts the frame as received\n" + out);
        assertEquals("0", facts.get("delivered"), "a frame whose data never arrived must not be delivered\n" + out);
        assertEquals("0", facts.get("q_ipackets"), out);
        assertEquals("1", facts.get("ierrors"), "the lost frame in ierrors\n" + out);
        assertEquals("1", facts.get("q_errors"), "the lost frame in the queue's errors\n" + out);
        // (d) the process and the port go on: more traffic, a restart, no mbuf lost
        assertEquals("ok 40", facts.get("after_fault"), "traffic after the fault\n" + out);
        assertEquals("ok 10", facts.get("after_restart"), "traffic after restarting the port\n" + out);
        assertEquals("0", facts.get("mbufs_in_use"), "mbufs leaked\n" + out);
    }

    @Test
    void shouldMapAPoolCreatedAfterStartAndBlockATransmitFromMemoryNeverRegistered()
    {
        try (Eal eal = VfioChildMain.openPair(pair[0], pair[1]))
        {
            final MbufPool pool = eal.createPktmbufPool("iommu-tx", 1023, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
            final EthDev tx = eal.port(0);
            final EthDev rx = eal.port(1);
            VfioChildMain.start(tx, pool);
            VfioChildMain.start(rx, pool);
            rx.promiscuousEnable(); // whatever the NIC puts on the wire in the lost frame's place arrives
            assertEquals("ok 1", VfioChildMain.exchange(tx, rx, pool, 0, 1), "traffic before the fault");

            // (1) a pool created after start: the runtime's VFIO container mapped it as it was created, once for both
            // ports (no driver maps memory), and its frames arrive intact
            final VfioContainer container = vfioContainer(eal);
            assertEquals(deviceRegions(eal), container.mappings().size(), "one mapping per device region");
            final MbufPool late = eal.createPktmbufPool("iommu-late", 63, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
            assertTrue(hasMapping(container, late.region()), "the late pool is mapped as it is created");
            assertEquals(deviceRegions(eal), container.mappings().size(), "one mapping per device region");
            assertEquals("ok 20", VfioChildMain.exchange(tx, rx, late, 500, 20), "frames from the late pool");

            // (2) the bug: a frame in memory that was never registered (anonymous pages of this process: no pool, no
            // region), followed by a good one in the same burst
            final long sentinel = LibC.mmapChecked(0, PAGE, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS | LibC.MAP_POPULATE, -1, 0);
            final Mbuf bad = late.alloc();
            final long bufAddr = bad.bufAddr();
            final long bufIova = bad.bufIova();
            try
            {
                assertNull(eal.memory().registry().regionOf(sentinel), "the sentinel is in no registered region");
                // the test keeps a reference, so the tx queue's free leaves the mbuf (and its pointer) to it
                bad.refcntUpdate(1);
                UnsafeApi.putLong(bad.address() + MbufDescriptor.BUF_ADDR_OFFSET, sentinel);
                UnsafeApi.putLong(bad.address() + MbufDescriptor.BUF_IOVA_OFFSET, sentinel); // IOVA = VA
                final byte[] lost = VfioChildMain.frame(rx, tx, 1, 60);
                final byte[] good = VfioChildMain.frame(rx, tx, 2, 60);
                bad.append(lost.length);
                bad.copyFrom(lost, 0, 0, lost.length);
                final long badPage = bad.dataIova() & PAGE_MASK;
                assertEquals(sentinel, badPage);
                final EthStats txBefore = tx.stats();
                final String marker = KernelLog.mark("IommuFaultGuestTest tx");
                VfioChildMain.sendMbufs(tx, bad, VfioChildMain.mbufOf(late, good));

                // (a) none of the unregistered memory reaches the wire: QEMU sends its stand-in for the unreadable
                // buffer (a frame of zeros, the length the descriptor gave), then the good frame
                final List<byte[]> got = VfioChildMain.receive(rx, 2);
                assertEquals(2, got.size(), "frames at the promiscuous peer of the 2 sent");
                assertFalse(Arrays.equals(lost, got.get(0)), "the unregistered frame's bytes reached the wire");
                assertArrayEquals(new byte[lost.length], got.get(0), "in the lost frame's place: zeros");
                assertArrayEquals(good, got.get(1), "the frame from registered memory, byte-exact");
                // (b) the kernel logs the refused read, naming the sending port and the frame's page
                final String line = KernelLog.awaitLine(marker, "DMAR: [DMA Read NO_PASID] Request device [" +
                    bdf(pair[0]) + "] fault addr 0x" + Long.toHexString(badPage) + " ");
                System.out.println("transmit fault: " + line.trim());
                // (c) nothing counts it: the NIC sent a frame (GPTC) and reported the descriptor done, no error
                // register moves; the driver's only knowledge is what it handed over (q_opackets)
                final EthStats txAfter = tx.stats();
                assertEquals(2, txAfter.qOpackets[0] - txBefore.qOpackets[0], "q_opackets: frames handed to the NIC");
                assertEquals(2, txAfter.opackets - txBefore.opackets, "opackets (GPTC): QEMU counts its stand-in");
                assertEquals(0, txAfter.oerrors - txBefore.oerrors, "oerrors");
                // (d) the port goes on, and every mbuf comes back once the ports stop
                assertEquals("ok 40", VfioChildMain.exchange(tx, rx, pool, 100, 40), "traffic after the fault");
                tx.stop();
                rx.stop();
                assertEquals(1, bad.refcnt(), "the tx queue let go of the faulted mbuf");
            }
            finally
            {
                UnsafeApi.putLong(bad.address() + MbufDescriptor.BUF_ADDR_OFFSET, bufAddr);
                UnsafeApi.putLong(bad.address() + MbufDescriptor.BUF_IOVA_OFFSET, bufIova);
                LibC.munmapChecked(sentinel, PAGE);
            }
            bad.free();
            assertEquals(0, pool.inUse(), "mbufs of the pool leaked");
            assertEquals(0, late.inUse(), "mbufs of the late pool leaked");

            // (3) freed, the late pool is unmapped: the container holds exactly the runtime's device regions again
            late.close();
            assertFalse(hasMapping(container, late.region()), "unmapped when freed");
            assertEquals(deviceRegions(eal), container.mappings().size());
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The runtime's VFIO container (the PCI bus opens one per runtime with the first device). */
    private static VfioContainer vfioContainer(final Eal eal)
    {
        for (final Bus b : eal.buses())
        {
            if (b instanceof VfioPciBus)
            {
                return ((VfioPciBus)b).container();
            }
        }
        return fail("no PCI bus in " + eal.buses());
    }

    /** How many registered regions devices may reach (rings, pools): what the container must map, once each. */
    private static int deviceRegions(final Eal eal)
    {
        int n = 0;
        for (final DmaRegion r : eal.memory().registry().regions())
        {
            n += r.use() == DmaRegion.Use.DEVICE ? 1 : 0;
        }
        return n;
    }

    private static boolean hasMapping(final VfioContainer container, final DmaRegion region)
    {
        for (final long[] m : container.mappings())
        {
            if (m[0] == region.iova() && m[1] == region.length())
            {
                return true;
            }
        }
        return false;
    }

    /** "0000:02:00.0" as the kernel's DMAR messages print it: "02:00.0". */
    private static String bdf(final String pciAddress)
    {
        return pciAddress.substring(pciAddress.indexOf(':') + 1);
    }

    private static Map<String, String> facts(final String out)
    {
        final Map<String, String> m = new HashMap<>();
        for (final String line : out.split("\n"))
        {
            final int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[a-z_]+"))
            {
                m.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return m;
    }
}
