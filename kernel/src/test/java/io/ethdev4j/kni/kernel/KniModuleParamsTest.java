package io.ethdev4j.kni.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class KniModuleParamsTest
{
    @Test
    void shouldDefaultAsTheModule()
    {
        final KniModuleParams p = KniModuleParams.defaults();
        assertEquals(KniModuleParams.LoMode.NONE, p.loMode());
        assertEquals(KniModuleParams.KthreadMode.SINGLE, p.kthreadMode());
        assertFalse(p.carrier());
        assertFalse(p.enableBifurcated());
        assertEquals(100, p.minSchedulingIntervalUs());
        assertEquals(200, p.maxSchedulingIntervalUs());
        // beyond the module: batched TAP writes unless asked otherwise (falls back to write(2) by itself)
        assertEquals(KniModuleParams.TapIo.IO_URING, p.tapIo());
    }

    @Test
    void shouldParseKniOptionsAndIgnoreOthers()
    {
        final KniModuleParams p = KniModuleParams.parse("-l", "0-1", "--kni-lo-mode=lo_mode_fifo_skb",
            "--kni-kthread-mode=multiple", "--kni-carrier=on", "--kni-enable-bifurcated=on",
            "--kni-min-scheduling-interval=0", "--kni-max-scheduling-interval=1000000", "--vdev=net_kni0");
        assertEquals(KniModuleParams.LoMode.FIFO_SKB, p.loMode());
        assertEquals(KniModuleParams.KthreadMode.MULTIPLE, p.kthreadMode());
        assertTrue(p.carrier());
        assertTrue(p.enableBifurcated());
        assertEquals(0, p.minSchedulingIntervalUs());
        assertEquals(1_000_000, p.maxSchedulingIntervalUs());
        assertEquals(KniModuleParams.LoMode.FIFO, KniModuleParams.parse("--kni-lo-mode=fifo").loMode());
        assertEquals(KniModuleParams.TapIo.WRITE, KniModuleParams.parse("--kni-tap-io=write").tapIo());
        assertEquals(KniModuleParams.TapIo.IO_URING, KniModuleParams.parse("--kni-tap-io=io_uring").tapIo());
        assertTrue(KniModuleParams.parse("--kni-tap-io=write").toString().contains("tap_io=write"));
        assertTrue(KniModuleParams.defaults().doorbell(), "the doorbell is on by default");
        assertFalse(KniModuleParams.parse("--kni-doorbell=off").doorbell());
        assertEquals(KniModuleParams.DEFAULT_BUSY_POLL_US, KniModuleParams.defaults().busyPollUs());
        assertEquals(0, KniModuleParams.parse("--kni-busy-poll=0").busyPollUs());
        assertEquals(250, KniModuleParams.parse("--kni-busy-poll=250").busyPollUs());
        assertTrue(KniModuleParams.parse("--kni-busy-poll=250").toString().contains("busy_poll=250"));
        assertEquals(1, KniModuleParams.defaults().rtPriority(), "SCHED_FIFO priority 1 by default");
        assertEquals(0, KniModuleParams.parse("--kni-rt-priority=0").rtPriority());
        assertEquals(99, KniModuleParams.parse("--kni-rt-priority=99").rtPriority());
        assertTrue(KniModuleParams.parse("--kni-rt-priority=5").toString().contains("rt_priority=5"));
        assertTrue(KniModuleParams.defaults().directIo(), "direct I/O on by default");
        assertFalse(KniModuleParams.parse("--kni-direct-io=off").directIo());
        assertTrue(KniModuleParams.parse("--kni-direct-io=off").toString().contains("direct_io=off"));
    }

    @Test
    void shouldRejectBusyPollOutsideItsRange()
    {
        assertRejected("--kni-busy-poll=-1", "busy_poll=-1");
        assertRejected("--kni-busy-poll=1000001", "busy_poll=1000001");
        assertRejected("--kni-busy-poll=soon", "soon");
        assertRejected("--kni-rt-priority=-1", "rt_priority=-1");
        assertRejected("--kni-rt-priority=100", "rt_priority=100");
    }

    @Test
    void shouldRejectIntervalsOutsideTheModulesRange()
    {
        assertRejected("--kni-min-scheduling-interval=200", "min_scheduling_interval=200");
        assertRejected("--kni-min-scheduling-interval=-1", "min_scheduling_interval=-1");
        assertRejected("--kni-max-scheduling-interval=1000001", "max_scheduling_interval=1000001");
        assertRejected("--kni-max-scheduling-interval=abc", "abc");
        assertThrows(IllegalArgumentException.class, () -> KniModuleParams.defaults().schedulingIntervalUs(5, 5));
        assertEquals(100, KniModuleParams.defaults().minSchedulingIntervalUs());
    }

    @Test
    void shouldRejectUnknownValuesAndOptions()
    {
        assertRejected("--kni-lo-mode=loop", "lo_mode=loop");
        assertRejected("--kni-kthread-mode=many", "kthread_mode=many");
        assertRejected("--kni-carrier=yes", "--kni-carrier=yes");
        assertRejected("--kni-bogus=1", "unknown KNI option");
        assertRejected("--kni-tap-io=aio", "tap_io=aio");
        assertRejected("--kni-direct-io=maybe", "--kni-direct-io=maybe");
        assertRejected("--kni-carrier", "expected --kni-<name>=<value>");
    }

    private static void assertRejected(final String arg, final String mention)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> KniModuleParams.parse(arg));
        assertTrue(ex.getMessage().contains(mention) && ex.getMessage().contains("EINVAL"), ex.getMessage());
    }
}
