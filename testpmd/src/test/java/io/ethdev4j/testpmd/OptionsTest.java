package io.ethdev4j.testpmd;

import io.ethdev4j.eal.EalArgs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 12 (1): the options launch scripts use, accepted with DPDK 22.11's semantics and messages. */
class OptionsTest
{
    /** Every option of the issue, in one launch: accepted, the shell runs, quit exits 0. */
    @Test
    void shouldAcceptEveryOptionLaunchScriptsUse()
    {
        final Sessions s = Sessions.run("show config fwd\nquit\n", "--total-num-mbufs=16384", "-i", "--numa",
            "--no-numa", "--socket-num=0", "--coremask=0x2", "--disable-rss", "--rss-udp", "--rss-ip", "--no-flush-rx",
            "--no-lsc-interrupt", "--enable-scatter", "--enable-drop-en", "--record-burst-stats", "--record-core-cycles",
            "--txonly-multi-flow", "--rxfreet=32", "--txfreet", "32", "--mp-alloc=anon", "--tx-offloads=0x0",
            "--rx-offloads=0x2000", "--disable-link-check", "--no-mlockall", "--mlockall", "--noisy-tx-sw-buffer-size=64",
            "--noisy-tx-sw-buffer-flushtime=1", "--noisy-lkup-memory=1", "--noisy-lkup-num-writes=1",
            "--noisy-lkup-num-reads=1", "--noisy-lkup-num-reads-writes=1");
        assertEquals(0, s.rc, s.err);
        assertTrue(s.out.contains("io packet forwarding - ports=2 - cores=1 - streams=2 - NUMA support disabled, " +
            "MP allocation mode: anon\n"), s.out);
        assertTrue(s.out.contains("Logical Core 1 (socket 0) forwards packets on 2 streams:"), s.out);
        assertFalse(s.out.contains("Checking link statuses..."), "--disable-link-check: " + s.out);
        assertTrue(s.out.endsWith("\nBye...\n"), s.out);
    }

    @Test
    void shouldRefuseBadValuesWithDpdksMessages()
    {
        final String[][] cases = {
            {"--coremask=0x1", "lcore 0 cannot be masked on for running packet forwarding, which is the main lcore and " +
                "reserved for command line parsing only\n", "  Cause: coremask is not valid"},
            {"--coremask=0x4", "lcore 2 not enabled\n", "  Cause: coremask is not valid"},
            {"--coremask=0", "Invalid NULL mask of cores\n", "  Cause: coremask is not valid"},
            {"--coremask=xyz", "", "  Cause: Invalid fwd core mask"},
            {"--socket-num=3", "Invalid socket id, options are: 0\n", "  Cause: Invalid socket id"},
            {"--mp-alloc=foo", "", "  Cause: mp-alloc foo invalid - must be: native, anon, xmem or xmemhuge"},
            {"--rxfreet=-1", "", "  Cause: rxfreet must be >= 0"},
            {"--txfreet=-1", "", "  Cause: txfreet must be >= 0"},
            {"--noisy-lkup-num-reads=-1", "", "  Cause: noisy-lkup-num-reads must be >= 0"},
            {"--tx-first", "", "  Cause: --tx-first cannot be used on interactive mode."},
            {"--burst=0", "", "  Cause: PMD does not recommend a burst size. Provided value must be between 1 and 512"},
        };
        for (final String[] c : cases)
        {
            final Sessions s = Sessions.run("quit\n", "--total-num-mbufs=16384", "-i", c[0]);
            assertEquals(1, s.rc, c[0]);
            assertTrue(s.err.startsWith(c[1] + "EAL: Error - exiting with code: 1\n" + c[2] + "\n"), c[0] + ": " + s.err);
        }
    }

    /** As DPDK's set_tx_pkt_segments: a segment longer than an mbuf is refused and txonly sends its 64 bytes. */
    @Test
    void shouldGiveUpATxpktsSegmentLongerThanAnMbuf()
    {
        final Sessions s = Sessions.run("show config txpkts\nstart\nstop\nquit\n", "--total-num-mbufs=4096", "-i",
            "--forward-mode=txonly", "--txpkts=4000");
        assertEquals(0, s.rc, s.err);
        assertTrue(s.err.contains("length[0]=4000 > mbuf_data_size=2176 - give up\n"), s.err);
        assertTrue(s.out.contains("Number of segments: 1\nSegment sizes: 64\n"), s.out);
        final Sessions ok = Sessions.run("show config txpkts\nquit\n", "--total-num-mbufs=4096", "-i",
            "--txpkts=1000,1000");
        assertTrue(ok.out.contains("Segment sizes: 1000,1000\n"), ok.out);
    }

    @Test
    void shouldSizeThePoolAsDpdkDoes()
    {
        // (RX_DESC_MAX 2048 + nb_lcores 1 × mbcache 250 + TX_DESC_MAX 2048 + MAX_PKT_BURST 512) × RTE_MAX_ETHPORTS 32
        final Sessions s = Sessions.run("quit\n", "-i");
        assertEquals(0, s.rc, s.err);
        assertTrue(s.err.contains("testpmd: create a new mbuf pool <mb_pool_0>: n=155456, size=2176, socket=0"), s.err);
    }

    @Test
    void shouldPrintTheCompleteUsage()
    {
        final Sessions h = Sessions.run("", "-h");
        assertEquals(0, h.rc);
        final String[] lines = h.out.split("\n", -1);
        assertEquals(111, lines.length, "DPDK 22.11 prints 110 lines: " + h.out);
        assertEquals("Usage: testpmd [EAL options] -- [testpmd options]", lines[1]);
        for (final String o : new String[] {"--numa:", "--no-numa:", "--socket-num=N:", "--coremask=COREMASK:",
            "--disable-rss:", "--rss-udp:", "--rss-ip:", "--no-flush-rx:", "--no-lsc-interrupt:", "--enable-scatter:",
            "--enable-drop-en:", "--record-burst-stats:", "--record-core-cycles:", "--txonly-multi-flow:", "--rxfreet=N:",
            "--txfreet=N:", "--mp-alloc <native|anon|xmem|xmemhuge>:", "--tx-offloads=0xXXXXXXXX:",
            "--rx-offloads=0xXXXXXXXX:", "--disable-link-check:", "--no-mlockall:", "--mlockall:"})
        {
            assertTrue(h.out.contains("\n  " + o + " "), o);
        }
        assertTrue(h.out.contains("  --forward-mode=N: set forwarding mode (N: io|mac|macswap|flowgen|rxonly|txonly|" +
            "csum|icmpecho|noisy|5tswap).\n"), "only the modes this testpmd has: " + h.out);
    }

    @Test
    void shouldPrintTheVersionWithEalDashV()
    {
        final String[] argv = new String[Sessions.EAL.length + 3];
        argv[0] = "-v";
        System.arraycopy(Sessions.EAL, 0, argv, 1, Sessions.EAL.length);
        argv[argv.length - 2] = "-i";
        argv[argv.length - 1] = "--total-num-mbufs=16384";
        final Sessions s = Sessions.runRaw("quit\n", argv);
        assertEquals(0, s.rc, s.err);
        assertTrue(s.err.startsWith("EAL: RTE Version: '" + TestPmd.RTE_VERSION + "'\n"), s.err);
    }

    /** Defect: lcores the machine does not have were accepted and sized the pool; DPDK refuses them. */
    @Test
    void shouldRefuseLcoresTheMachineDoesNotHave()
    {
        final int[] detected = EalArgs.detectedCpus();
        assumeTrue(Arrays.stream(detected).noneMatch(c -> c == 99), "this machine has a CPU 99");
        final String[] argv = Sessions.EAL.clone();
        final int l = Arrays.asList(argv).indexOf("0-1");
        argv[l] = "0,99";
        final Sessions s = Sessions.runRaw("quit\n", argv);
        assertEquals(1, s.rc, s.err);
        assertTrue(s.err.startsWith("EAL: lcore 99 unavailable\nEAL: invalid core list, please check specified cores are " +
            "part of "), s.err);
        assertTrue(s.err.endsWith("EAL: Error - exiting with code: 1\n  Cause: Cannot init EAL: Invalid argument\n"), s.err);

        argv[l - 1] = "-c";
        argv[l] = "0x" + Long.toHexString(1L << 62 | 1);
        final Sessions c = Sessions.runRaw("quit\n", argv);
        assertEquals(1, c.rc, c.err);
        assertTrue(c.err.startsWith("EAL: lcore 62 unavailable\nEAL: invalid coremask, please check specified cores are " +
            "part of "), c.err);
    }

    @Test
    void shouldRefuseInMemoryWithNoHugeAsDpdk()
    {
        final String[] argv = new String[Sessions.EAL.length + 3];
        argv[0] = "--in-memory";
        System.arraycopy(Sessions.EAL, 0, argv, 1, Sessions.EAL.length);
        argv[argv.length - 2] = "-i";
        argv[argv.length - 1] = "--total-num-mbufs=16384";
        final Sessions s = Sessions.runRaw("quit\n", argv);
        assertEquals(1, s.rc, s.err);
        assertTrue(s.err.startsWith("EAL: Option --legacy-mem is not compatible with --in-memory\n"), s.err);
        assertTrue(s.err.endsWith("  Cause: Cannot init EAL: Invalid argument\n"), s.err);
    }
}
