package io.ethdev4j.kniapp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.*;

/** The example's option grammar and its messages (examples/kni/main.c parse_args, parse_config, validate). */
class KniAppArgsTest
{
    private static final IntPredicate LCORES_0_TO_3 = l -> l >= 0 && l <= 3;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private KniAppArgs parse(final String... argv)
    {
        return KniAppArgs.parse("kni", argv, LCORES_0_TO_3, out);
    }

    private String printed()
    {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldParseTheGuidesCommandLine()
    {
        final KniAppArgs a = parse("-p", "0x3", "-P", "--config", "(0,1,2,3),(1,3,2,1,0)");
        assertEquals(3, a.portsMask());
        assertTrue(a.promiscuous());
        assertFalse(a.monitorLinks());
        assertEquals(2, a.ports().size());
        final KniPortParams p0 = a.port(0);
        assertEquals(1, p0.lcoreRx());
        assertEquals(2, p0.lcoreTx());
        assertArrayEquals(new int[] {3}, p0.lcoreK());
        assertEquals("vEth0_0", p0.kniName(0));
        final KniPortParams p1 = a.port(1);
        assertEquals(2, p1.nbKni(), "one KNI per kthread lcore");
        assertEquals("vEth1_1", p1.kniName(1));
    }

    @Test
    void shouldTakeGetoptSpellings()
    {
        final KniAppArgs a = parse("-Pm", "-p1", "--config=(0,0,1)", "(1,2,3)");
        assertTrue(a.promiscuous() && a.monitorLinks());
        assertEquals(1, a.portsMask());
        assertNull(a.port(1), "a word that is not an option is no --config value (getopt leaves it aside)");
        final KniAppArgs b = parse("-p", "0x3", "--config=(0,0,1),(1,2,3)");
        assertEquals("vEth0", b.port(0).kniName(0), "no kthread lcore: one KNI named vEth<port>");
        assertEquals(1, b.port(1).nbKni());
    }

    @Test
    void shouldRefuseBadConfigWithTheExamplesMessages()
    {
        assertExit("Could not parse input parameters", "Invalid config parameters", "-p", "1", "--config", "(0,1)");
        assertExit("Could not parse input parameters", "Invalid config parameters", "-p", "1", "--config", "(0,x,1)");
        assertExit("Could not parse input parameters", "Port ID 32 could not exceed the maximum 32", "-p", "1",
            "--config", "(32,1,2)");
        assertExit("Could not parse input parameters", "Port 0 has been configured", "-p", "1", "--config",
            "(0,1,2),(0,2,1)");
        assertExit("Could not parse input parameters", "lcore_rx 200 or lcore_tx 1 ID could not exceed the maximum 128",
            "-p", "1", "--config", "(0,200,1)");
        assertExit("Could not parse input parameters", "Invalid config", "-p", "1", "--config", "(0,1,2");
    }

    @Test
    void shouldValidateMaskAgainstConfigAndLcores()
    {
        assertExit("Invalid parameters", "No port configured in port mask", "--config", "(0,1,2)");
        assertExit("Invalid parameters", "No port configured in port mask", "-p", "zz", "--config", "(0,1,2)");
        assertExit("portmask is not consistent to port ids specified in --config", "", "-p", "0x3", "--config",
            "(0,1,2)");
        assertExit("lcore id 9 for port 0 receiving not enabled", "", "-p", "1", "--config", "(0,9,1)");
        assertExit("lcore id 9 for port 0 transmitting not enabled", "", "-p", "1", "--config", "(0,1,9)");
    }

    @Test
    void shouldRefuseUnknownOptions()
    {
        assertExit("Invalid option specified", "", "-p", "1", "-x", "--config", "(0,1,2)");
        assertExit("Invalid option specified", "", "-p", "1", "--bogus", "--config", "(0,1,2)");
        assertExit("Invalid option specified", "", "-p");
    }

    @Test
    void shouldReadNumbersAsStrtoul()
    {
        assertEquals(16, KniAppArgs.strtoul("0x10"));
        assertEquals(8, KniAppArgs.strtoul("010"));
        assertEquals(7, KniAppArgs.strtoul(" 7"));
        assertEquals(-1, KniAppArgs.strtoul("x"));
        assertEquals(0xFF, KniAppArgs.parseUnsigned("ff"));
        assertEquals(0, KniAppArgs.parseUnsigned("0x"));
        assertEquals(0, KniAppArgs.parseUnsigned("12g"));
    }

    private void assertExit(final String cause, final String printedLine, final String... argv)
    {
        printed.reset();
        final KniAppExit ex = assertThrows(KniAppExit.class, () -> parse(argv), String.join(" ", argv));
        assertEquals(cause, ex.getMessage());
        assertTrue(printed().contains(printedLine), "printed: " + printed());
    }
}
