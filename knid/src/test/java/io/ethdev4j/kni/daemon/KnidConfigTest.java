package io.ethdev4j.kni.daemon;

import io.ethdev4j.kni.control.KniControl;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.control.KniMemory;
import io.ethdev4j.kni.daemon.client.KnidControlProvider;
import io.ethdev4j.kni.daemon.server.KnidConfig;
import io.ethdev4j.kni.kernel.KniModuleParams;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.UnixPeer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** knid's options (module parameters in three spellings, who may connect, limits) and the client's option checks. */
class KnidConfigTest
{
    @Test
    void shouldTakeTheModuleParametersAsInsmodAndAsOptions()
    {
        final KnidConfig c = KnidConfig.parse("--socket=/tmp/x.sock", "lo_mode=lo_mode_fifo", "--kthread-mode=multiple",
            "--kni-carrier=on", "--min-scheduling-interval=10", "max_scheduling_interval=20", "--max-interfaces=3");
        assertEquals("/tmp/x.sock", c.socketPath());
        assertEquals(KniModuleParams.LoMode.FIFO, c.params().loMode());
        assertEquals(KniModuleParams.KthreadMode.MULTIPLE, c.params().kthreadMode());
        assertTrue(c.params().carrier());
        assertEquals(10, c.params().minSchedulingIntervalUs());
        assertEquals(20, c.params().maxSchedulingIntervalUs());
        assertEquals(3, c.maxInterfaces());
        assertEquals(Knid.DEFAULT_SOCKET, KnidConfig.parse().socketPath());
    }

    @Test
    void shouldRefuseBadOptionsNamingThem()
    {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KnidConfig.parse("--lo-mode=loop"))
            .getMessage().contains("loop"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KnidConfig.parse("--max-clients=0"))
            .getMessage().contains("--max-clients=0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KnidConfig.parse("--socket"))
            .getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> KnidConfig.parse("--allow-user=no-such-user-kd15")).getMessage().contains("no such user"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> KnidConfig.parse("--allow-group=no-such-group-kd15")).getMessage().contains("no such group"));
    }

    @Test
    void shouldAllowRootItsOwnUserAndTheListedUsersAndGroups()
    {
        final KnidConfig c = KnidConfig.parse("--allow-user=4242", "--allow-group=4343");
        assertTrue(c.allows(new UnixPeer.Credentials(1, 0, 0, new int[0]), 1000));
        assertTrue(c.allows(new UnixPeer.Credentials(1, 1000, 1000, new int[0]), 1000));
        assertTrue(c.allows(new UnixPeer.Credentials(1, 4242, 100, new int[0]), 1000));
        assertTrue(c.allows(new UnixPeer.Credentials(1, 5000, 4343, new int[0]), 1000));
        assertTrue(c.allows(new UnixPeer.Credentials(1, 5000, 100, new int[] {7, 4343}), 1000));
        assertFalse(c.allows(new UnixPeer.Credentials(1, 5000, 100, new int[] {7}), 1000));
        assertEquals(0, UnixPeer.uidOf("root"));
    }

    @Test
    void shouldRefuseModuleParametersOnTheApplicationSideAndAMissingKnid()
    {
        final KnidControlProvider p = new KnidControlProvider();
        assertEquals(KniControl.DAEMON, p.name());
        final KniControlException mixed = assertThrows(KniControlException.class, () -> p.open(
            Map.of(KniControl.DAEMON_OPTION, "/nonexistent/knid.sock", "--kni-lo-mode", "lo_mode_fifo"),
            KniMemory.NONE));
        assertEquals(Errno.EINVAL, mixed.errno());
        assertTrue(mixed.getMessage().contains("knid's options"), mixed.getMessage());
        final KniControlException absent = assertThrows(KniControlException.class,
            () -> p.open(Map.of(KniControl.DAEMON_OPTION, "/nonexistent/knid.sock"), KniMemory.NONE));
        assertEquals(Errno.ENOTCONN, absent.errno());
        assertTrue(absent.getMessage().contains("is knid running there"), absent.getMessage());
    }
}
