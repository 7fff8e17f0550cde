package io.ethdev4j.testpmd.cmd;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command table on its own: every command has help, completes and dispatches; lines that are no command get
 * DPDK's answers. Handlers are not run here (no ports); {@code TestPmdCommandsSessionTest} runs them.
 */
class CommandTableTest
{
    /** testpmd's table; parsing, completion and help never touch the objects handlers act on. */
    static final CommandTable TABLE = TestPmdCommands.table(null, null, null, null, null, null);

    private static String help(final Consumer<PrintStream> print)
    {
        final ByteArrayOutputStream b = new ByteArrayOutputStream();
        print.accept(new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    private static String fixture(final String name) throws IOException
    {
        try (InputStream in = CommandTableTest.class.getResourceAsStream("/fixtures/" + name))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldPrintTodaysHelpTextFromTheTable() throws IOException
    {
        final String all = help(out ->
        {
            TABLE.printHelp(out);
            for (final HelpSection s : HelpSection.values())
            {
                TABLE.printHelp(out, s);
            }
        });
        assertEquals(fixture("help.txt"), all);
    }

    @Test
    void shouldGiveEveryCommandHelpThatHelpPrints()
    {
        final String all = help(out ->
        {
            for (final HelpSection s : HelpSection.values())
            {
                TABLE.printHelp(out, s);
            }
        });
        for (final Command c : TABLE.commands())
        {
            if (c.usage() != null)
            {
                final String entry = "\n" + c.usage() + "\n";
                assertEquals(all.indexOf(entry), all.lastIndexOf(entry), c.template() + " listed once");
                assertTrue(all.contains(entry), c.template() + " in help " + c.section().word);
            }
        }
        assertTrue(TABLE.commands().stream().anyMatch(c -> c.section() == null && c.template().startsWith("help")));
    }

    @Test
    void shouldCompleteEveryKeywordOfEveryCommand()
    {
        for (final Command c : TABLE.commands())
        {
            final List<String> words = Arrays.asList(c.sample().split(" "));
            for (int i = 0; i < c.tokens().size(); i++)
            {
                final List<String> offered = TABLE.complete(words.subList(0, i));
                for (final String w : c.tokens().get(i).completions())
                {
                    assertTrue(offered.contains(w), c.template() + ": after " + words.subList(0, i) + " offers " + w +
                        ", got " + offered);
                }
            }
        }
        assertEquals(List.of("help", "start", "stop", "quit", "show", "clear", "set", "port", "read", "mac_addr",
            "mcast_addr", "vlan", "rx_vlan", "tx_vlan", "csum", "dump_physmem", "dump_memzone", "dump_struct_sizes",
            "dump_ring", "dump_mempool", "dump_devargs", "dump_log_types"),
            TABLE.complete(List.of()));
        assertEquals(List.of("port", "config", "fwd", "rxq", "txq", "device", "latency"), TABLE.complete(List.of("show")));
        assertEquals(List.of("info", "stats", "summary", "xstats", "latency"), TABLE.complete(List.of("show", "port")));
        assertEquals(List.of("all"), TABLE.complete(List.of("show", "port", "stats")));
        assertEquals(List.of("retry"), TABLE.complete(List.of("set", "fwd", "io")));
        assertEquals(List.of(), TABLE.complete(List.of("sett")));
        assertEquals(List.of(), TABLE.complete(List.of("set", "promisc", "x")), "a value that does not parse");
    }

    @Test
    void shouldDispatchEveryCommandToItsOwnHandler()
    {
        final List<Command> ran = new ArrayList<>();
        final List<Command> recording = new ArrayList<>();
        for (final Command c : TABLE.commands())
        {
            recording.add(c.withHandler(a -> ran.add(a.command())));
        }
        final CommandTable table = new CommandTable(recording);
        final ByteArrayOutputStream o = new ByteArrayOutputStream();
        final CommandShell shell = new CommandShell(table, new PrintStream(o, true, StandardCharsets.UTF_8), System.err,
            () -> false);
        for (final Command c : table.commands())
        {
            final String full = c.sample();
            final String required = String.join(" ", Arrays.asList(full.split(" ")).subList(0, c.required()));
            for (final String line : List.of(full, required, "  " + full + "   # a comment"))
            {
                final CommandTable.Parsed p = table.parse(line);
                assertEquals(CommandTable.Status.OK, p.status(), line);
                assertSame(c, p.command(), line);
                ran.clear();
                shell.execute(line);
                assertEquals(List.of(c), ran, line);
            }
        }
        assertEquals("", o.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldHandTypedValuesToTheHandler()
    {
        final Args a = TABLE.parse("start tx_first 3").args();
        assertTrue(a.has(2));
        assertEquals(3, a.num("packets"));
        assertFalse(TABLE.parse("start tx_first").args().has(2));
        assertEquals(Token.ALL_PORTS, TABLE.parse("show port stats all").args().port("port_id"));
        assertEquals(7, TABLE.parse("show port stats 7").args().port("port_id"));
        assertEquals("xstats", TABLE.parse("clear port xstats 1").args().word(2));
        assertEquals("02:11:22:33:44:55", TABLE.parse("mac_addr set 0 02:11:22:33:44:55").args().mac("mac").toString());
        assertEquals("net_null5,size=64", TABLE.parse("port attach net_null5,size=64").args().text("identifier"));
        assertTrue(TABLE.parse("set fwd mac retry").args().has(3));
        assertThrows(IllegalArgumentException.class, () -> a.num("nope"));
    }

    @Test
    void shouldAnswerLinesThatAreNoCommandAsDpdk()
    {
        final String[][] cases = {
            {"foo bar", "Command not found"},
            {"sett fwd", "Command not found"},
            {"show", "Bad arguments"},
            {"show port", "Bad arguments"},
            {"show port foo 0", "Bad arguments"},
            {"show port info x", "Bad arguments"},
            {"show port info 70000", "Bad arguments"},
            {"set fwd foo", "Bad arguments"},
            {"set fwd io x", "Bad arguments"},
            {"set burst", "Bad arguments"},
            {"set promisc all maybe", "Bad arguments"},
            {"start foo", "Bad arguments"},
            {"start tx_first 0", "Bad arguments"},
            {"start tx_first 1 2", "Bad arguments"},
            {"stop now", "Bad arguments"},
            {"help foo", "Bad arguments"},
            {"help all x", "Bad arguments"},
            {"port config mtu 0 70000", "Bad arguments"},
            {"port config 0 rxq 2", "Bad arguments"},
            {"mac_addr set 0 zz", "Bad arguments"},
            {"mac_addr set 0", "Bad arguments"},
        };
        final ByteArrayOutputStream o = new ByteArrayOutputStream();
        final CommandShell shell = new CommandShell(TABLE, new PrintStream(o, true, StandardCharsets.UTF_8), System.err,
            () -> false);
        for (final String[] c : cases)
        {
            o.reset();
            shell.execute(c[0]);
            assertEquals(c[1] + "\n", o.toString(StandardCharsets.UTF_8), c[0]);
        }
        for (final String blank : new String[] {"", "   ", "# comment", "  # show port"})
        {
            assertEquals(CommandTable.Status.EMPTY, TABLE.parse(blank).status(), blank);
            o.reset();
            shell.execute(blank);
            assertEquals("", o.toString(StandardCharsets.UTF_8), blank);
        }
        assertNull(CommandTable.Status.OK.message());
    }

    @Test
    void shouldMatchNoLineTwice()
    {
        for (final Command c : TABLE.commands())
        {
            for (final Command other : TABLE.commands())
            {
                final Object[] values = new Object[other.tokens().size()];
                if (other != c)
                {
                    assertTrue(other.match(c.sample().split(" "), values) != Command.FULL_MATCH,
                        c.template() + " also matches " + other.template());
                }
            }
        }
        final Command.Handler nop = a -> { };
        final CommandTable overlapping = new CommandTable(List.of(
            Command.of("set <n:u16>", null, nop),
            Command.of("set 1|2", null, nop)));
        assertEquals(CommandTable.Status.AMBIGUOUS, overlapping.parse("set 1").status());
        assertEquals("Ambiguous command", CommandTable.Status.AMBIGUOUS.message());
        assertEquals(CommandTable.Status.OK, overlapping.parse("set 3").status());
    }

    @Test
    void shouldRejectBadDeclarations()
    {
        final Command.Handler nop = a -> { };
        assertThrows(IllegalArgumentException.class, () -> Command.of("a [b] c", null, nop), "optional in the middle");
        assertThrows(IllegalArgumentException.class, () -> Command.of("a <n:u7>", null, nop), "unknown type");
        assertThrows(IllegalArgumentException.class, () -> Command.of("a <n>", null, nop), "no type");
        assertThrows(IllegalArgumentException.class, () -> Command.of("<n:u8> a", null, nop), "value first");
        assertThrows(IllegalArgumentException.class, () -> Command.of("a", "a (not in DPDK's help)", nop),
            "a usage line DPDK's help does not have");
        assertThrows(IllegalArgumentException.class, () -> Command.of("a", null, null), "no handler");
        assertThrows(IllegalArgumentException.class, () -> new CommandTable(List.of(Command.of("a", null, nop),
            Command.of("a", null, nop))), "declared twice");
    }
}
