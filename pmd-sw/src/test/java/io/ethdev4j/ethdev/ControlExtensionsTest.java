package io.ethdev4j.ethdev;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ethdev calls testpmd's queue, address and VLAN commands use, on net_ring and net_null as DPDK's drivers answer
 * them: the receive address list (net_ring's zero default address taken by the first added one), the multicast list,
 * VLAN offloads within the capabilities, VLAN filters only with filtering on, per-queue start/stop and queue info
 * where the driver has none (ENOTSUP), and the device facts show device info prints.
 */
class ControlExtensionsTest
{
    private Eal eal;
    private EthDev ring;
    private EthDev nul;

    @BeforeEach
    void open()
    {
        eal = Eal.init("--no-huge", "--no-pci", "--vdev", "net_ring0", "--vdev", "net_null0,size=128");
        final MbufPool pool = eal.createPktmbufPool("ctl", 2047, 0, 0, 2176);
        for (final EthDev p : eal.ports())
        {
            p.configure(1, 1, null);
            p.rxQueueSetup(0, 0, pool, null);
            p.txQueueSetup(0, 0, null);
        }
        ring = eal.port(0);
        nul = eal.port(1);
    }

    @AfterEach
    void close()
    {
        eal.close();
    }

    private static int errno(final Runnable r)
    {
        return assertThrows(EthDevException.class, r::run).errno();
    }

    @Test
    void shouldKeepTheReceiveAddressListAsDpdk()
    {
        assertEquals(List.of(MacAddress.ZERO), ring.macAddrs(), "net_ring reports a zero address, one slot");
        final MacAddress a = MacAddress.parse("02:11:22:33:44:55");
        ring.macAddrAdd(a);
        assertEquals(a, ring.macAddr(), "the zero slot is slot 0: the added address becomes the default one");
        ring.macAddrAdd(a);
        assertEquals(Errno.ENOSPC, errno(() -> ring.macAddrAdd(MacAddress.parse("02:11:22:33:44:56"))));
        assertEquals(Errno.EINVAL, errno(() -> ring.macAddrAdd(MacAddress.ZERO)));
        final EthDevException ex = assertThrows(EthDevException.class, () -> ring.macAddrRemove(a));
        assertEquals(Errno.EADDRINUSE, ex.errno());
        assertEquals("Port 0: Cannot remove default MAC address", ex.reason());
        ring.macAddrRemove(MacAddress.parse("02:99:99:99:99:99"));
        assertEquals(Errno.ENOTSUP, errno(() -> nul.macAddrAdd(a)), "net_null has no mac_addr_add");
        assertEquals(Errno.ENOTSUP, errno(() -> nul.macAddrAdd(nul.macAddr())), "checked before anything else");
        assertEquals(Errno.ENOTSUP, errno(() -> nul.macAddrRemove(a)));
        assertEquals(Errno.ENOTSUP, errno(() -> nul.setMcAddrList(List.of(MacAddress.parse("01:00:5e:00:00:01")))));
    }

    @Test
    void shouldSetVlanOffloadsWithinTheCapabilities()
    {
        assertEquals(0, ring.vlanOffload());
        ring.setVlanOffload(0);
        final EthDevException ex = assertThrows(EthDevException.class,
            () -> ring.setVlanOffload(Offloads.VLAN_STRIP_OFFLOAD));
        assertEquals(Errno.EINVAL, ex.errno());
        assertEquals("Ethdev port_id=0 requested new added VLAN offloads 0x1 must be within Rx offloads capabilities " +
            "0x2000 in rte_eth_dev_set_vlan_offload()", ex.reason());
        assertEquals(0, ring.vlanOffload(), "nothing changed");
        final EthDevException filter = assertThrows(EthDevException.class, () -> nul.vlanFilter(10, true));
        assertEquals(Errno.ENOSYS, filter.errno());
        assertEquals("Port 1: VLAN-filtering disabled", filter.reason());
        assertEquals(Errno.ENOTSUP, errno(() -> nul.setVlanTpid(Offloads.VLAN_TYPE_INNER, 0x8100)));
        assertEquals(Errno.ENOTSUP, errno(() -> nul.setVlanPvid(10, true)));
        assertEquals(Errno.EINVAL, errno(() -> nul.setVlanStripOnQueue(3, true)));
        assertEquals(Errno.ENOTSUP, errno(() -> nul.setVlanStripOnQueue(0, true)));
    }

    @Test
    void shouldAnswerQueueCallsAsDpdksSoftwareDrivers()
    {
        assertEquals(Errno.ENOTSUP, errno(() -> ring.queueStartStop(true, 0, false)), "no queue ops");
        assertEquals(Errno.EINVAL, errno(() -> ring.queueStartStop(true, 1, false)));
        assertEquals(Errno.ENOTSUP, errno(() -> ring.queueInfo(true, 0)));
        final EthDevException bad = assertThrows(EthDevException.class, () -> ring.queueInfo(false, 4));
        assertEquals("Invalid Tx queue_id=4", bad.reason());
        assertEquals(Errno.ENOTSUP, errno(() -> ring.rxQueueCount(0)));
        assertEquals(Errno.ENOTSUP, errno(() -> ring.readDescriptor(true, 0, 0)));
        assertEquals(Errno.ENOTSUP, errno(() -> ring.descriptorStatus(false, 0, 0)));
        assertEquals(Errno.ENOTSUP, errno(nul::flowCtrl));
        assertEquals(Errno.ENOTSUP, errno(() -> nul.rssHashConf(null)));
        assertArrayEquals(new int[0], nul.supportedPtypes());
    }

    @Test
    void shouldReportTheDeviceAsShowDeviceInfoPrintsIt()
    {
        assertEquals("vdev", ring.data().busName());
        assertEquals("", ring.data().devargs());
        assertEquals(-1, ring.data().numaNode());
        assertEquals("size=128", nul.data().devargs());
        assertEquals(0, nul.data().numaNode());
        assertEquals(Offloads.RX_SCATTER, ring.info().rxOffloadCapa);
        assertEquals(Offloads.TX_MULTI_SEGS, ring.info().txOffloadCapa);
        assertEquals(0, nul.info().speedCapa, "net_null: autonegotiate (all speeds), as DPDK's");
        assertTrue(Offloads.rxName(Offloads.RX_SCATTER).equals("SCATTER") && Offloads.txName(1L << 40).equals("UNKNOWN"));
    }
}
