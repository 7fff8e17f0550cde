package io.ethdev4j.sys;

import io.ethdev4j.testsupport.TestPrerequisites;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class LibPcapTest
{
    private static List<String> tcpdump(final String... args) throws Exception
    {
        final List<String> cmd = new ArrayList<>(List.of("tcpdump", "-i", "lo"));
        cmd.addAll(List.of(args));
        final Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd));
        return out.lines().toList();
    }

    @Test
    void shouldCompileAsTcpdumpDoes() throws Exception
    {
        TestPrerequisites.require(LibPcap.isAvailable(), "needs libpcap (" + LibPcap.unavailabilityCause() + ")");
        TestPrerequisites.requireCommand("tcpdump");
        final String expr = "udp port 53 or (tcp and host 198.18.0.1)";
        final LibPcap.Program prog = LibPcap.compile(LibPcap.DLT_EN10MB, 262144, expr);
        final List<String> dd = tcpdump("-dd", expr);
        assertEquals(dd.size(), prog.length());
        for (int i = 0; i < prog.length(); i++)
        {
            assertEquals(dd.get(i), String.format("{ 0x%x, %d, %d, 0x%08x },", prog.code()[i] & 0xFFFF,
                prog.jt()[i] & 0xFF, prog.jf()[i] & 0xFF, prog.k()[i]), "instruction " + i);
        }
        final List<String> d = tcpdump("-d", expr);
        for (int i = 0; i < prog.length(); i++)
        {
            assertEquals(d.get(i), prog.image()[i].stripTrailing(), "image " + i);
        }
    }

    @Test
    void shouldGiveLibpcapsMessageForABadExpression()
    {
        TestPrerequisites.require(LibPcap.isAvailable(), "needs libpcap (" + LibPcap.unavailabilityCause() + ")");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> LibPcap.compile(LibPcap.DLT_EN10MB, 2176, "udp prot 53"));
        assertEquals("can't parse filter expression: syntax error", ex.getMessage());
    }
}
