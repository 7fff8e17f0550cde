package io.ethdev4j.eal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EalArgsTest
{
    private static void assertBad(final String expectedText, final String... args)
    {
        final EalArgsException ex = assertThrows(EalArgsException.class, () -> EalArgs.parse(args));
        assertTrue(ex.getMessage().contains(expectedText), "message '" + ex.getMessage() + "' should contain '" +
            expectedText + "'");
    }

    @Test
    void shouldUseDefaultsWithNoOptions()
    {
        final EalArgs a = EalArgs.parse();
        assertArrayEquals(io.ethdev4j.sys.LibC.allowedCpus(), a.lcores(), "every allowed CPU, as DPDK's EAL");
        assertFalse(a.lcoresGiven());
        assertEquals(0, a.mainLcore());
        assertTrue(a.vdevs().isEmpty());
        assertFalse(a.noPci());
        assertFalse(a.noHuge());
        assertEquals(0, a.memoryMb());
        assertEquals(EalArgs.defaultFilePrefix(), a.filePrefix());
        assertEquals(Log.INFO, a.logLevel());
        assertFalse(a.help());
        assertEquals(0, a.appArgs().length);
    }

    @Test
    void shouldParseLcoreLists()
    {
        assertArrayEquals(new int[] {0, 1}, EalArgs.parse("-l", "0-1").lcores());
        assertArrayEquals(new int[] {0, 2}, EalArgs.parse("-l", "0,2").lcores());
        assertArrayEquals(new int[] {0, 1, 2, 3, 5}, EalArgs.parse("-l0-3,5").lcores());
        assertArrayEquals(new int[] {1, 2}, EalArgs.parse("--lcores=2,1").lcores());
        assertArrayEquals(new int[] {3}, EalArgs.parse("--lcores", "3").lcores());
        assertTrue(EalArgs.parse("-l", "0-1").lcoresGiven());
        assertEquals(2, EalArgs.parse("-l", "2,4").mainLcore(), "main is the first lcore");
        assertEquals(1, EalArgs.parse("-l", "0-1", "--main-lcore", "1").mainLcore());
        assertArrayEquals(new int[] {0, 2}, EalArgs.parse("-c", "0x5").lcores());
        assertArrayEquals(new int[] {0, 1, 2, 3}, EalArgs.parse("-c", "f").lcores());
    }

    @Test
    void shouldRejectMalformedLcoreListsNamingOptionAndValue()
    {
        assertBad("invalid parameter for -l: '0-x' ('x' is not a number", "-l", "0-x");
        assertBad("invalid parameter for -l: '3-1' (range 3-1 is reversed)", "-l", "3-1");
        assertBad("invalid parameter for -l: '0-1-2'", "-l", "0-1-2");
        assertBad("invalid parameter for -l: '0,,1'", "-l", "0,,1");
        assertBad("invalid parameter for -l: '200' (lcore 200 out of range 0..127)", "-l", "200");
        assertBad("invalid parameter for -l: empty core list", "-l", "");
        assertBad("invalid parameter for --lcores: 'a'", "--lcores", "a");
        assertBad("option -l requires a value", "-l");
        assertBad("option -l requires a value", "-l", "--", "app");
        assertBad("invalid parameter for -c: 'zz'", "-c", "zz");
        assertBad("invalid parameter for -c: '0'", "-c", "0");
        assertBad("invalid parameter for --main-lcore: 3 is not in the lcore list", "-l", "0-1", "--main-lcore", "3");
        assertBad("invalid parameter for --main-lcore: 'x'", "--main-lcore", "x");
    }

    @Test
    void shouldCollectRepeatedVdevsInOrder()
    {
        final EalArgs a = EalArgs.parse("--vdev", "net_null0,size=64", "--vdev=net_ring0", "--vdev", "net_ring1,peer=net_ring0");
        assertEquals(List.of("net_null0,size=64", "net_ring0", "net_ring1,peer=net_ring0"), a.vdevs());
        assertBad("invalid parameter for --vdev: ''", "--vdev=");
        assertBad("invalid parameter for --vdev: ',size=1'", "--vdev", ",size=1");
        assertBad("option --vdev requires a value", "--vdev");
    }

    @Test
    void shouldParsePciAllowAndBlockButNotBoth()
    {
        final EalArgs a = EalArgs.parse("-a", "0000:01:00.0,rxq=2", "--allow", "02:00.1");
        assertEquals(List.of("0000:01:00.0,rxq=2", "02:00.1"), a.allow());
        assertEquals(List.of("0000:03:00.0"), EalArgs.parse("-b", "0000:03:00.0").block());
        assertEquals(List.of("0000:03:00.0"), EalArgs.parse("--block=0000:03:00.0").block());
        assertBad("options allow (-a) and block (-b) can't be used at the same time", "-a", "01:00.0", "-b", "02:00.0");
        assertBad("invalid parameter for -a: 'eth0' is not a PCI address", "-a", "eth0");
        assertBad("invalid parameter for -b: '01:00.9'", "-b", "01:00.9");
    }

    @Test
    void shouldParseFlagsMemoryPrefixAndLogLevel()
    {
        final EalArgs a = EalArgs.parse("--no-pci", "--no-huge", "-m", "512", "--file-prefix", "pg1", "--log-level", "debug",
            "-n", "4", "--iova-mode", "va", "--in-memory", "--no-shconf", "--no-telemetry", "--proc-type", "primary",
            "--huge-dir", "/dev/hugepages", "--kni-lo-mode", "lo_mode_fifo");
        assertTrue(a.noPci());
        assertTrue(a.noHuge());
        assertEquals(512, a.memoryMb());
        assertEquals("pg1", a.filePrefix());
        assertEquals(Log.DEBUG, a.logLevel());
        assertEquals(Map.of("--kni-lo-mode", "lo_mode_fifo"), a.kniOptions());
        assertEquals(1024, EalArgs.parse("--socket-mem", "512,512").memoryMb());
        assertEquals(Log.ERR, EalArgs.parse("--log-level=lib.eal:4").logLevel());
        assertEquals(Log.NOTICE, EalArgs.parse("--log-level", "notice").logLevel());
        assertTrue(EalArgs.parse("-h").help());
        assertTrue(EalArgs.parse("--help").help());
        assertEquals(64, EalArgs.parse("-m64").memoryMb());
    }

    @Test
    void shouldRejectMalformedValuesNamingOptionAndValue()
    {
        assertBad("invalid parameter for -m: 'lots' is not a number", "-m", "lots");
        assertBad("invalid parameter for -m: 0 (range", "-m", "0");
        assertBad("invalid parameter for --socket-mem: 'x'", "--socket-mem", "x");
        assertBad("invalid parameter for -n: 99 (range 1..64)", "-n", "99");
        assertBad("invalid parameter for --file-prefix: 'a/b'", "--file-prefix", "a/b");
        assertBad("invalid log level: --log-level 9", "--log-level", "9");
        assertBad("invalid log level: --log-level loud", "--log-level", "loud");
        assertBad("invalid parameter for --iova-mode: 'pa'", "--iova-mode", "pa");
        assertBad("invalid parameter for --proc-type: 'secondary'", "--proc-type", "secondary");
        assertBad("option --no-pci takes no value (got 'yes')", "--no-pci=yes");
        assertBad("option -h takes no value (got 'x')", "-hx");
        assertBad("unrecognized EAL option '--bogus'", "--bogus");
        assertBad("unrecognized EAL option '-z'", "-z");
        assertBad("unexpected argument 'stray'", "stray");
    }

    @Test
    void shouldHandTheArgumentsAfterDoubleDashToTheApplication()
    {
        final EalArgs a = EalArgs.parse("-l", "0-1", "--", "-i", "--nb-cores=1", "--", "x");
        assertArrayEquals(new String[] {"-i", "--nb-cores=1", "--", "x"}, a.appArgs());
        assertArrayEquals(new int[] {0, 1}, a.lcores());
        assertEquals(0, EalArgs.parse("--no-huge", "--").appArgs().length);
        assertArrayEquals(new String[] {"--bogus"}, EalArgs.parse("--", "--bogus").appArgs(), "not parsed as EAL options");
    }
}
