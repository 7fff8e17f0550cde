package io.ethdev4j.dumpcap;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DumpCapOptionsTest
{
    @Test
    void shouldParseDpdkDumpcapsOptions()
    {
        final DumpCapOptions o = DumpCapOptions.parse("-i", "0", "-inet_null1", "--interface=net_ring0", "-c", "100",
            "-a", "duration:2.5", "--autostop", "filesize:10", "-s0x80", "-f", "udp", "-w", "/tmp/x.pcapng", "-gqp",
            "--capture-comment", "hello", "--file-prefix=pg", "-n");
        assertEquals(List.of("0", "net_null1", "net_ring0"), o.interfaces);
        assertEquals(100, o.stopPackets);
        assertEquals(2.5, o.stopDurationSecs);
        assertEquals(10 * 1024, o.stopFileBytes);
        assertEquals(128, o.snaplen);
        assertEquals("udp", o.filter);
        assertEquals("/tmp/x.pcapng", o.output);
        assertTrue(o.groupRead && o.quiet && !o.promiscuous);
        assertEquals("hello", o.comment);
        assertEquals("pg", o.filePrefix);
        final DumpCapOptions d = DumpCapOptions.parse();
        assertEquals(2176, d.snaplen);
        assertEquals("rte", d.filePrefix);
        assertTrue(d.promiscuous);
        assertEquals(7, DumpCapOptions.parse("-a", "packets:7").stopPackets);
        assertTrue(DumpCapOptions.parse("-D").listInterfaces);
    }

    @Test
    void shouldRefuseWithDpdkDumpcapsMessages()
    {
        assertEquals("Specified packet_count \"x\" is not a valid number", fail("-c", "x"));
        assertEquals("Missing colon in auto stop parameter", fail("-a", "duration"));
        assertEquals("Invalid duration \"-1\"", fail("-a", "duration:-1"));
        assertEquals("Unknown autostop parameter \"size\"", fail("-a", "size:1"));
        assertEquals("multiple files not implemented", fail("-b", "files:2"));
        assertTrue(fail("-x").startsWith("invalid option -- 'x'\nInvalid option: -x\nUsage: dumpcap"));
        assertTrue(fail("--nope").startsWith("unrecognized option '--nope'"));
        assertTrue(fail("-c").startsWith("option requires an argument -- 'c'"));
        assertTrue(fail("-P").startsWith("pcap format (-P) is not supported"));
    }

    private static String fail(final String... argv)
    {
        return assertThrows(DumpCapException.class, () -> DumpCapOptions.parse(argv)).getMessage();
    }
}
