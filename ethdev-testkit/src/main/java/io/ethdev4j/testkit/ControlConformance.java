package io.ethdev4j.testkit;

import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.mbuf.Mbuf;
import org.junit.jupiter.api.Test;

import static io.ethdev4j.sys.Errno.*;
import static org.junit.jupiter.api.Assertions.*;

/** Dev info sanity, MTU, MAC, promiscuous/all-multicast, link, and settings surviving stop/start. */
public abstract class ControlConformance extends PortConformanceBase
{
    // ------------------------------------------------------------------ dev info

    @Test
    void shouldReportSaneDevInfo()
    {
        final DevInfo info = port.info();
        assertEquals(driverName(), info.driverName);
        assertEquals(driverName(), port.driverName());
        assertEquals(port.name(), info.deviceName);
        assertTrue(info.minMtu >= DevInfo.ETHER_MIN_MTU, "min_mtu " + info.minMtu);
        assertTrue(info.minMtu <= info.maxMtu, "min_mtu <= max_mtu");
        assertTrue(info.maxMtu <= 0xFFFF, "max_mtu is a u16");
        assertTrue((info.maxRxPktLen & 0xFFFFFFFFL) >= (long)DevInfo.ETHER_MTU + info.overheadLen() ||
            info.maxMtu < DevInfo.ETHER_MTU, "max_rx_pktlen " + info.maxRxPktLen + " takes a 1500-byte MTU");
        assertTrue(info.minRxBufSize >= 0);
        assertTrue(info.maxRxQueues >= 1 && info.maxRxQueues <= EthDev.MAX_QUEUES_PER_PORT, "max_rx_queues");
        assertTrue(info.maxTxQueues >= 1 && info.maxTxQueues <= EthDev.MAX_QUEUES_PER_PORT, "max_tx_queues");
        assertTrue(info.maxMacAddrs >= 1, "max_mac_addrs");
        assertTrue(info.rxDescLim.nbMin <= info.rxDescLim.nbMax && info.rxDescLim.nbAlign >= 1, "rx_desc_lim " + info.rxDescLim);
        assertTrue(info.txDescLim.nbMin <= info.txDescLim.nbMax && info.txDescLim.nbAlign >= 1, "tx_desc_lim " + info.txDescLim);
        assertTrue(info.defaultRxRingSize == 0 || info.rxDescLim.accepts(info.defaultRxRingSize), "default rx ring size fits");
        assertTrue(info.defaultTxRingSize == 0 || info.txDescLim.accepts(info.defaultTxRingSize), "default tx ring size fits");
        assertTrue(info.defaultRxBurstSize >= 0 && info.defaultTxBurstSize >= 0);
        assertEquals(0, info.nbRxQueues, "no rx queues before configure");
        assertEquals(0, info.nbTxQueues);
    }

    @Test
    void shouldReflectConfiguredQueuesInDevInfo()
    {
        final int nq = Math.min(2, Math.min(port.info().maxRxQueues, port.info().maxTxQueues));
        port.configure(nq, 1, null);
        final DevInfo info = port.info();
        assertEquals(nq, info.nbRxQueues);
        assertEquals(1, info.nbTxQueues);
    }

    @Test
    void shouldReturnAFreshDevInfoEachTime()
    {
        final DevInfo a = port.info();
        a.maxRxQueues = 0;
        assertNotEquals(0, port.info().maxRxQueues, "callers cannot change the port through a DevInfo");
    }

    // ------------------------------------------------------------------ MTU

    @Test
    void shouldDefaultTheMtuTo1500AtConfigure()
    {
        port.configure(1, 1, null);
        assertEquals(DevInfo.ETHER_MTU, port.mtu());
        final EthConf conf = new EthConf();
        conf.mtu = 0;
        port.configure(1, 1, conf);
        assertEquals(DevInfo.ETHER_MTU, port.mtu(), "rxmode.mtu 0 means 1500");
    }

    @Test
    void shouldTakeTheMtuFromTheConfigurationOrRejectItWithEinval()
    {
        final DevInfo info = port.info();
        final EthConf conf = new EthConf();
        conf.mtu = info.maxMtu + 1;
        if (conf.mtu <= 0xFFFF + 1)
        {
            final EthDevException ex = assertErrno(EINVAL, "configure", port, () -> port.configure(1, 1, conf));
            assertTrue(ex.getMessage().contains(Integer.toString(conf.mtu)), ex.getMessage());
        }
        conf.mtu = info.minMtu - 1;
        assertErrno(EINVAL, "configure", port, () -> port.configure(1, 1, conf));
        final int valid = largestValidMtu(info);
        conf.mtu = valid;
        port.configure(1, 1, conf);
        assertEquals(valid, port.mtu());
        assertEquals(valid, conf.mtu, "configure does not change the caller's conf");
    }

    private static int largestValidMtu(final DevInfo info)
    {
        final long byPktLen = (info.maxRxPktLen & 0xFFFFFFFFL) - info.overheadLen();
        return (int)Math.min(Math.min(info.maxMtu, byPktLen), 9000);
    }

    @Test
    void shouldSetTheMtuWithinLimitsOrReportEnotsup()
    {
        port.configure(1, 1, null);
        final DevInfo info = port.info();
        final int target = largestValidMtu(info) == DevInfo.ETHER_MTU ? info.minMtu : largestValidMtu(info);
        if (!has(Capability.MTU_SET))
        {
            assertErrno(ENOTSUP, "setMtu", port, () -> port.setMtu(target));
            assertEquals(DevInfo.ETHER_MTU, port.mtu());
            return;
        }
        port.setMtu(target);
        assertEquals(target, port.mtu());
        port.setMtu(info.minMtu);
        assertEquals(info.minMtu, port.mtu());
        final EthDevException low = assertErrno(EINVAL, "setMtu", port, () -> port.setMtu(info.minMtu - 1));
        assertTrue(low.getMessage().contains("mtu=" + (info.minMtu - 1)), low.getMessage());
        assertErrno(EINVAL, "setMtu", port, () -> port.setMtu(info.maxMtu + 1));
        if (info.maxMtu != 0xFFFF && (info.maxRxPktLen & 0xFFFFFFFFL) - info.overheadLen() < info.maxMtu)
        {
            assertErrno(EINVAL, "setMtu", port, () -> port.setMtu(info.maxMtu));
        }
        assertEquals(info.minMtu, port.mtu(), "a rejected MTU leaves the MTU alone");
        setUp(port, 1, 1);
        port.start();
        port.setMtu(DevInfo.ETHER_MTU);
        assertEquals(DevInfo.ETHER_MTU, port.mtu());
    }

    @Test
    void shouldRejectSettingTheMtuOfAnUnconfiguredPort()
    {
        final EthDevException ex = assertThrows(EthDevException.class, () -> port.setMtu(DevInfo.ETHER_MTU));
        assertTrue(ex.errno() == EINVAL || ex.errno() == ENOTSUP, ex.getMessage());
        if (has(Capability.MTU_SET))
        {
            assertEquals(EINVAL, ex.errno(), ex.getMessage());
        }
    }

    // ------------------------------------------------------------------ MAC

    @Test
    void shouldHaveAUnicastDefaultMac()
    {
        final MacAddress mac = port.macAddr();
        assertNotNull(mac);
        assertFalse(mac.isMulticast(), "default MAC " + mac + " is multicast");
    }

    @Test
    void shouldSetTheMacOrReportEnotsup()
    {
        final MacAddress before = port.macAddr();
        final MacAddress mac = MacAddress.parse("02:11:22:33:44:55");
        if (!has(Capability.MAC_SET))
        {
            assertErrno(ENOTSUP, "setMacAddr", port, () -> port.setMacAddr(mac));
            assertEquals(before, port.macAddr());
            return;
        }
        port.setMacAddr(mac);
        assertEquals(mac, port.macAddr());
        setUp(port, 1, 1);
        port.start();
        final MacAddress other = MacAddress.parse("02:00:00:00:00:02");
        port.setMacAddr(other);
        assertEquals(other, port.macAddr(), "the MAC can change while started");
    }

    @Test
    void shouldRejectInvalidMacsWithEinval()
    {
        final MacAddress before = port.macAddr();
        assertErrno(EINVAL, "setMacAddr", port, () -> port.setMacAddr(MacAddress.ZERO));
        assertErrno(EINVAL, "setMacAddr", port, () -> port.setMacAddr(MacAddress.BROADCAST));
        assertErrno(EINVAL, "setMacAddr", port, () -> port.setMacAddr(MacAddress.parse("01:00:5e:00:00:01")));
        assertErrno(EINVAL, "setMacAddr", port, () -> port.setMacAddr(null));
        assertEquals(before, port.macAddr());
    }

    // ------------------------------------------------------------------ rx modes

    private interface Toggle
    {
        void run();
    }

    private interface Getter
    {
        boolean get();
    }

    private void checkMode(final Capability cap, final String enableOp, final String disableOp, final Toggle enable,
        final Toggle disable, final Getter get)
    {
        final boolean initial = get.get();
        if (!has(cap))
        {
            if (initial)
            {
                assertErrno(ENOTSUP, disableOp, port, disable::run);
            }
            else
            {
                assertErrno(ENOTSUP, enableOp, port, enable::run);
            }
            assertEquals(initial, get.get(), "an unsupported toggle leaves the mode alone");
            return;
        }
        enable.run();
        assertTrue(get.get());
        enable.run();
        assertTrue(get.get(), "enable is idempotent");
        disable.run();
        assertFalse(get.get());
        disable.run();
        assertFalse(get.get(), "disable is idempotent");
        setUp(port, 1, 1);
        port.start();
        enable.run();
        assertTrue(get.get(), "the mode can change while started");
        disable.run();
        assertFalse(get.get());
    }

    @Test
    void shouldTogglePromiscuousOrReportEnotsup()
    {
        checkMode(Capability.PROMISCUOUS, "promiscuousEnable", "promiscuousDisable", port::promiscuousEnable,
            port::promiscuousDisable, port::isPromiscuous);
    }

    @Test
    void shouldToggleAllmulticastOrReportEnotsup()
    {
        checkMode(Capability.ALLMULTICAST, "allmulticastEnable", "allmulticastDisable", port::allmulticastEnable,
            port::allmulticastDisable, port::isAllmulticast);
    }

    // ------------------------------------------------------------------ link

    @Test
    void shouldReportTheLinkInDpdkForm()
    {
        final EthLink before = port.link();
        assertLinkString(before);
        startAll();
        final EthLink up = port.link();
        assertLinkString(up);
        if (has(Capability.LINK_FOLLOWS_START))
        {
            assertFalse(before.isUp(), "link before start: " + before);
            assertTrue(up.isUp(), "link after start: " + up);
            assertTrue(up.speedMbps() > 0 || up.speedMbps() == EthLink.SPEED_UNKNOWN, "speed of an up link");
            port.stop();
            assertFalse(port.link().isUp(), "link after stop");
        }
    }

    private static void assertLinkString(final EthLink link)
    {
        final String s = link.toString();
        if (link.isUp())
        {
            assertTrue(s.matches("Link up at \\S+( \\S+)? (FDX|HDX) (Autoneg|Fixed)"), s);
        }
        else
        {
            assertEquals("Link down", s);
        }
    }

    @Test
    void shouldSetTheLinkUpAndDownOrReportEnotsup()
    {
        startAll();
        if (!has(Capability.LINK_UP_DOWN))
        {
            assertErrno(ENOTSUP, "setLinkDown", port, port::setLinkDown);
            assertErrno(ENOTSUP, "setLinkUp", port, port::setLinkUp);
            return;
        }
        port.setLinkDown();
        assertFalse(port.link().isUp());
        assertEquals("Link down", port.link().toString());
        port.setLinkUp();
        assertTrue(port.link().isUp());
    }

    // ------------------------------------------------------------------ stop/start keeps settings

    @Test
    void shouldKeepSettingsAcrossStopAndStart()
    {
        final int nq = Math.min(2, Math.min(port.info().maxRxQueues, port.info().maxTxQueues));
        startAll(nq);
        final DevInfo info = port.info();
        final int mtu = has(Capability.MTU_SET) ? Math.max(info.minMtu, Math.min(1400, largestValidMtu(info))) : port.mtu();
        if (has(Capability.MTU_SET))
        {
            port.setMtu(mtu);
        }
        final MacAddress mac = has(Capability.MAC_SET) ? MacAddress.parse("02:aa:bb:cc:dd:ee") : port.macAddr();
        if (has(Capability.MAC_SET))
        {
            port.setMacAddr(mac);
        }
        final boolean promisc = has(Capability.PROMISCUOUS) ? !port.isPromiscuous() : port.isPromiscuous();
        if (has(Capability.PROMISCUOUS))
        {
            if (promisc)
            {
                port.promiscuousEnable();
            }
            else
            {
                port.promiscuousDisable();
            }
        }
        final boolean allmulti = has(Capability.ALLMULTICAST) ? !port.isAllmulticast() : port.isAllmulticast();
        if (has(Capability.ALLMULTICAST))
        {
            if (allmulti)
            {
                port.allmulticastEnable();
            }
            else
            {
                port.allmulticastDisable();
            }
        }
        for (int round = 0; round < 2; round++)
        {
            port.stop();
            port.start();
            assertEquals(mtu, port.mtu(), "MTU after stop/start");
            assertEquals(mac, port.macAddr(), "MAC after stop/start");
            assertEquals(promisc, port.isPromiscuous(), "promiscuous after stop/start");
            assertEquals(allmulti, port.isAllmulticast(), "all-multicast after stop/start");
            assertEquals(nq, port.nbRxQueues(), "rx queues after stop/start");
            assertEquals(nq, port.nbTxQueues(), "tx queues after stop/start");
        }
        final Mbuf[] pkts = new Mbuf[4];
        allocPackets(pkts, 0, 4, 0, 64);
        final int sent = port.txBurst(0, pkts, 0, 4);
        freeAll(pkts, sent, 4 - sent);
        if (has(Capability.TX_LOOPBACK))
        {
            assertEquals(4, sent, "traffic flows after restart");
            assertEquals(4, collectAtPeer(0, 4));
        }
    }
}
