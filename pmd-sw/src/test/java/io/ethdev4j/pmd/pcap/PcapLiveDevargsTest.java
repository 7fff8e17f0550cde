package io.ethdev4j.pmd.pcap;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * net_pcap's live-interface devargs refused before any socket is opened (no root needed): combinations DPDK would
 * silently ignore or turn into several queues, bad values, and an interface that does not exist. Every refusal
 * names the devarg and the problem, leaves no port and no socket behind.
 */
class PcapLiveDevargsTest
{
    @TempDir
    Path dir;
    private Eal eal;

    @BeforeEach
    void setUp()
    {
        eal = Eal.init("--no-huge");
    }

    @AfterEach
    void tearDown()
    {
        eal.close();
    }

    private String probeFails(final String devargs, final int errno)
    {
        final java.util.Set<String> sockets = OpenSockets.now();
        final EthDevException ex = assertThrows(EthDevException.class, () -> eal.attach(devargs));
        assertEquals(Errno.name(errno), Errno.name(ex.errno()), ex.getMessage());
        assertTrue(ex.getMessage().startsWith("probe(" + devargs + ") failed: " + Errno.name(errno) + " - "),
            ex.getMessage());
        assertEquals(0, eal.portCount(), "no port left after a failed probe");
        assertEquals(java.util.Set.of(), OpenSockets.since(sockets), "no socket left open after a failed probe of " +
            devargs);
        return ex.getMessage();
    }

    @Test
    void shouldNameAnInterfaceThatDoesNotExist()
    {
        assertTrue(probeFails("net_pcap0,iface=pcvnosuch0", Errno.ENODEV)
            .endsWith("iface=pcvnosuch0: no such network interface"));
        assertTrue(probeFails("net_pcap0,rx_iface=pcvnosuch0", Errno.ENODEV)
            .endsWith("rx_iface=pcvnosuch0: no such network interface"));
        assertTrue(probeFails("net_pcap0,rx_iface_in=pcvnosuch0", Errno.ENODEV)
            .endsWith("rx_iface_in=pcvnosuch0: no such network interface"));
        assertTrue(probeFails("net_pcap0,tx_iface=pcvnosuch0", Errno.ENODEV)
            .endsWith("tx_iface=pcvnosuch0: no such network interface"));
    }

    @Test
    void shouldRejectBadInterfaceNames()
    {
        assertTrue(probeFails("net_pcap0,iface=", Errno.EINVAL).endsWith("iface needs an interface name (iface=IF)"));
        assertTrue(probeFails("net_pcap0,tx_iface=", Errno.EINVAL).endsWith("tx_iface needs an interface name (tx_iface=IF)"));
        assertTrue(probeFails("net_pcap0,rx_iface=abcdefghijklmnop", Errno.EINVAL)
            .endsWith("rx_iface=abcdefghijklmnop is not an interface name (at most 15 characters, no '/' or blank)"));
        assertTrue(probeFails("net_pcap0,iface=a/b", Errno.EINVAL).contains("iface=a/b is not an interface name"));
    }

    @Test
    void shouldRefuseWhatDpdkWouldIgnoreBesideIface()
    {
        final Path out = dir.resolve("o.pcap");
        assertTrue(probeFails("net_pcap0,iface=lo,tx_pcap=" + out, Errno.EINVAL)
            .endsWith("iface=lo is the port's rx and tx: it takes no tx_pcap (DPDK would ignore tx_pcap)"));
        assertFalse(Files.exists(out), "nothing created");
        assertTrue(probeFails("net_pcap0,iface=lo,rx_iface=lo", Errno.EINVAL).contains("it takes no rx_iface"));
        assertTrue(probeFails("net_pcap0,iface=lo,tx_iface=lo", Errno.EINVAL).contains("it takes no tx_iface"));
        assertTrue(probeFails("net_pcap0,iface=lo,infinite_rx=1", Errno.EINVAL).contains("it takes no infinite_rx"));
    }

    @Test
    void shouldTakeOneRxSourceAndOneTxSink()
    {
        assertTrue(probeFails("net_pcap0,rx_iface=lo,rx_iface_in=lo", Errno.EINVAL)
            .contains("rx_iface and rx_iface_in both given: one rx source per port"));
        assertTrue(probeFails("net_pcap0,rx_pcap=" + dir.resolve("i.pcap") + ",rx_iface=lo", Errno.EINVAL)
            .contains("rx_pcap and rx_iface both given: one rx source per port"));
        assertTrue(probeFails("net_pcap0,tx_pcap=" + dir.resolve("o.pcap") + ",tx_iface=lo", Errno.EINVAL)
            .contains("tx_pcap and tx_iface both given: one tx sink per port"));
        assertTrue(probeFails("net_pcap0,rx_iface=lo,infinite_rx=1", Errno.EINVAL)
            .endsWith("infinite_rx=1 requires rx_pcap=FILE"));
    }

    @Test
    void shouldCheckPhyMac()
    {
        assertTrue(probeFails("net_pcap0,rx_iface=lo,phy_mac=1", Errno.EINVAL)
            .endsWith("phy_mac applies only with iface=IF (DPDK would ignore it)"));
        assertTrue(probeFails("net_pcap0,iface=lo,phy_mac=yes please", Errno.EINVAL)
            .endsWith("phy_mac=yes please must be 0 or 1"));
    }

    @Test
    void shouldListTheLiveKeysInItsHelp()
    {
        final var help = new PcapPmdProvider().devargs();
        for (final String k : new String[] {"rx_pcap", "tx_pcap", "rx_iface", "rx_iface_in", "tx_iface", "iface",
            "phy_mac", "infinite_rx"})
        {
            assertTrue(help.containsKey(k), k);
            assertFalse(help.get(k).contains("not supported"), k + ": " + help.get(k));
        }
    }
}
