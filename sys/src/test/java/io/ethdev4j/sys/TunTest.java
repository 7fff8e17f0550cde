package io.ethdev4j.sys;

import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TunTest
{
    private TestNetns ns;

    @BeforeEach
    void setUp()
    {
        NetAdmin.require();
        ns = new TestNetns();
    }

    @AfterEach
    void tearDown()
    {
        if (ns != null)
        {
            ns.close();
        }
    }

    @Test
    void shouldCreateTapVisibleInIpLinkAndRemoveItOnClose()
    {
        final int fd = Netns.callIn(ns.path(), () -> Tun.openTap("kni0", false));
        try
        {
            final String link = ns.exec("ip", "-d", "link", "show", "kni0");
            assertTrue(link.contains("kni0") && link.contains("tun type tap"), link);
            assertTrue(link.contains("NO-CARRIER") || !link.contains("LOWER_UP"), link);
        }
        finally
        {
            LibC.closeChecked(fd);
        }
        assertNotEquals(0, ns.tryExec("ip", "link", "show", "kni0").exit, "kni0 still there after close");
    }

    @Test
    void shouldSetMacMtuCarrierAndReportEagainAsValue()
    {
        final int fd = Netns.callIn(ns.path(), () -> Tun.openTap("kni0", false));
        try
        {
            Netns.callIn(ns.path(), () ->
            {
                try (NetDev nd = new NetDev())
                {
                    nd.hwAddr("kni0", Mac.parse("02:00:00:00:00:01"));
                    nd.mtu("kni0", 2034);
                    nd.flags("kni0", NetDev.IFF_UP, true);
                    assertEquals(2034, nd.mtu("kni0"));
                    assertEquals("02:00:00:00:00:01", Mac.format(nd.hwAddr("kni0")));
                    assertTrue(nd.ifIndex("kni0") > 0);
                    final SysException ex = assertThrows(SysException.class, () -> nd.mtu("nosuch0"));
                    assertTrue(ex.getMessage().contains("SIOCGIFMTU") && ex.getMessage().contains("ENODEV"), ex.getMessage());
                }
                return null;
            });
            assertTrue(ns.exec("ip", "link", "show", "kni0").contains("NO-CARRIER"));
            Tun.setCarrier(fd, true);
            final String up = ns.exec("ip", "link", "show", "kni0");
            assertTrue(up.contains("LOWER_UP") && up.contains("mtu 2034") && up.contains("02:00:00:00:00:01"), up);
            try (com.sun.jna.Memory buf = new com.sun.jna.Memory(2048))
            {
                // IPv6 is off in a fresh netns only if configured so; drain whatever the kernel sent, then expect EAGAIN
                for (int i = 0; i < 100 && Tun.readFrame(fd, com.sun.jna.Pointer.nativeValue(buf), 2048) > 0; i++)
                {
                    // drain
                }
                assertEquals(-1, Tun.readFrame(fd, com.sun.jna.Pointer.nativeValue(buf), 2048));
                assertEquals(Errno.EAGAIN, Tun.lastErrno());
            }
        }
        finally
        {
            LibC.closeChecked(fd);
        }
    }

    @Test
    void shouldNameTheCallAndValueWhenTunsetiffFails()
    {
        final SysException ex = assertThrows(SysException.class,
            () -> Netns.callIn(ns.path(), () -> Tun.openTap("lo", false)));
        assertTrue(ex.getMessage().contains("TUNSETIFF") && ex.getMessage().contains("name=lo"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tun.openTap("a-name-too-long-16", false));
    }

    @Test
    void shouldFollowTheAttachedNetdevAcrossNamespacesAndTagLinkMessagesWithTheirNsid()
    {
        final TestNetns other = new TestNetns();
        final int fd = Netns.callIn(ns.path(), () -> Tun.openTap("kni0", false));
        final RtNetlink nl = Netns.callIn(ns.path(), () -> new RtNetlink(true));
        final RtNetlink req = Netns.callIn(ns.path(), RtNetlink::requestSocket);
        try
        {
            final String home = Netns.callIn(ns.path(), Netns::currentIdentity);
            assertEquals("kni0", Tun.attachedName(fd));
            assertEquals(home, identityOfAttached(fd));

            ns.exec("ip", "link", "set", "kni0", "name", "kni0r");
            assertEquals("kni0r", Tun.attachedName(fd), "the name follows a rename");
            ns.exec("ip", "link", "set", "kni0r", "netns", other.name());
            assertEquals("kni0r", Tun.attachedName(fd));
            assertEquals(Netns.callIn(other.path(), Netns::currentIdentity), identityOfAttached(fd));
            final int nsFd = Tun.attachedNetns(fd);
            final int nsid;
            try
            {
                nsid = req.nsidOf(nsFd);
                assertEquals(nsid, req.nsidOf(nsFd), "the same id twice");
            }
            finally
            {
                LibC.closeChecked(nsFd);
            }
            assertTrue(nsid >= 0, "nsid " + nsid);

            other.exec("ip", "link", "set", "kni0r", "mtu", "1400");
            final java.util.List<RtNetlink.LinkMessage> got = new java.util.ArrayList<>();
            final long deadline = System.nanoTime() + 5_000_000_000L;
            while (got.stream().noneMatch(m -> m.nsid == nsid && m.mtu == 1400) && System.nanoTime() < deadline)
            {
                assertTrue(nl.receive(got) >= 0);
                Thread.onSpinWait();
            }
            assertTrue(got.stream().anyMatch(m -> m.nsid == nsid && m.mtu == 1400 && "kni0r".equals(m.ifName)),
                "the other namespace's RTM_NEWLINK, tagged with its nsid: " + got);
            assertTrue(got.stream().anyMatch(m -> m.nsid == RtNetlink.NSID_OWN && m.type == RtNetlink.RTM_DELLINK),
                "the move's RTM_DELLINK in the home namespace: " + got);

            other.exec("ip", "link", "del", "kni0r");
            assertNull(Tun.attachedName(fd), "destroyed: EBADFD is a value");
            assertEquals(-1, Tun.attachedNetns(fd));
        }
        finally
        {
            req.close();
            nl.close();
            LibC.closeChecked(fd);
            other.close();
        }
    }

    private static String identityOfAttached(final int fd)
    {
        final int nsFd = Tun.attachedNetns(fd);
        try
        {
            return Netns.identity(nsFd);
        }
        finally
        {
            LibC.closeChecked(nsFd);
        }
    }
}
