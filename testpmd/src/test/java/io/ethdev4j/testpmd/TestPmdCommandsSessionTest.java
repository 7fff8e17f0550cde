package io.ethdev4j.testpmd;

import io.ethdev4j.testpmd.cmd.Command;
import io.ethdev4j.testpmd.cmd.CommandTable;
import io.ethdev4j.testpmd.cmd.TestPmdCommands;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command of the table, typed as its template's example, runs its handler in a real session. */
class TestPmdCommandsSessionTest
{
    @Test
    void shouldRunEveryCommandOfTheTable()
    {
        final CommandTable table = TestPmdCommands.table(null, null, null, null, null, null);
        final List<String> lines = new ArrayList<>();
        for (final Command c : table.commands())
        {
            if (!c.template().equals("quit"))
            {
                lines.add(c.sample());
            }
        }
        lines.add("quit");
        final Sessions s = Sessions.run(String.join("\n", lines) + "\n", "--total-num-mbufs=16384", "-i");
        assertEquals(0, s.rc, s.err);
        for (final String l : lines)
        {
            assertTrue(s.out.contains("testpmd> " + l + "\n"), l + ":\n" + s.out);
        }
        assertFalse(s.out.contains("Command not found") || s.out.contains("Bad arguments"), s.out);
        assertFalse(s.err.contains("command failed") || s.err.contains("Exception"), s.err);
        assertTrue(s.out.contains("Control forwarding:\n"), s.out);
        assertTrue(s.out.contains("Number of forwarding ports set to 1\n"), s.out);
        assertTrue(s.out.endsWith("Bye...\n"), s.out);
    }

    @Test
    void shouldKeepSettingsThatDpdkIgnores()
    {
        final Sessions s = Sessions.run(String.join("\n", "set nbport 3", "set nbcore 0", "set burst 513",
            "show config rxtx", "set nbport 1", "set burst 0", "show config rxtx", "stop # no comment", "quit", ""),
            "--total-num-mbufs=16384", "-i", "--portlist=1");
        assertEquals(0, s.rc, s.err);
        assertTrue(s.err.contains("nb fwd ports 3 > 1 (number of configured ports) - ignored\n"), s.err);
        assertTrue(s.err.contains("fwd cores should be > 0\n"), s.err);
        assertTrue(s.err.contains("nb pkt per burst: 513 > 512 (maximum packet per burst)  ignored\n"), s.err);
        assertTrue(s.out.contains("  io packet forwarding packets/burst=32\n  nb forwarding cores=1 - nb forwarding ports=1\n" +
            "  port 1: RX queue number: 1 Tx queue number: 1\n"), s.out);
        assertTrue(s.out.contains("Number of packets per burst set to 32\n"), s.out);
        assertTrue(s.err.contains("Packet forwarding not started\n"), s.err);
        assertFalse(s.out.contains("Bad arguments"), s.out);
    }
}
