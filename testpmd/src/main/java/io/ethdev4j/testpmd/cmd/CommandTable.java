package io.ethdev4j.testpmd.cmd;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shell's commands (DPDK's {@code main_ctx[]}): one list of {@link Command}s from which dispatch
 * ({@link #parse}), tab completion ({@link #complete}) and {@code help} ({@link #printHelp}) are all derived, so a
 * command is added by adding one entry.
 * <p>
 * Parsing follows DPDK's cmdline_parse: a line runs the one command all of whose tokens it matches; if none does,
 * the answer is {@code Bad arguments} when some command matched at least its first word, else
 * {@code Command not found}; two complete matches are {@code Ambiguous command}. {@code #} starts a comment.
 */
public final class CommandTable
{
    /** The outcome of parsing a line. */
    public enum Status
    {
        /** Blank or a comment: nothing to do. */
        EMPTY,
        /** One command matched; run it. */
        OK,
        /** No command has this first word: "Command not found". */
        NOT_FOUND,
        /** Some command starts so, but the line is not one: "Bad arguments". */
        BAD_ARGS,
        /** Several commands matched: "Ambiguous command". */
        AMBIGUOUS;

        /** DPDK's answer for a line that runs nothing (null for EMPTY and OK). */
        public String message()
        {
            switch (this)
            {
                case NOT_FOUND:
                    return "Command not found";
                case BAD_ARGS:
                    return "Bad arguments";
                case AMBIGUOUS:
                    return "Ambiguous command";
                default:
                    return null;
            }
        }
    }

    /** A parsed line: the status, and for OK the command and its values. */
    public record Parsed(Status status, Args args)
    {
        public Command command()
        {
            return args == null ? null : args.command();
        }
    }

    private final List<Command> commands;

    /** The table, in {@code help} order; throws IllegalArgumentException if a template is declared twice. */
    public CommandTable(final List<Command> commands)
    {
        final Set<String> templates = new HashSet<>();
        for (final Command c : commands)
        {
            if (!templates.add(c.template()))
            {
                throw new IllegalArgumentException("command declared twice: " + c.template());
            }
        }
        this.commands = List.copyOf(commands);
    }

    public List<Command> commands()
    {
        return commands;
    }

    /** The words of a line: blank separated, up to a {@code #} (the rest is a comment). */
    public static String[] words(final String line)
    {
        final int hash = line.indexOf('#');
        final String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
        return text.isEmpty() ? new String[0] : text.split("\\s+");
    }

    /** cmdline_parse: which command {@code line} runs, with its values, or why none. */
    public Parsed parse(final String line)
    {
        final String[] words = words(line);
        if (words.length == 0)
        {
            return new Parsed(Status.EMPTY, null);
        }
        Args found = null;
        boolean partial = false;
        for (final Command c : commands)
        {
            final Object[] values = new Object[c.tokens().size()];
            final int m = c.match(words, values);
            if (m == Command.FULL_MATCH)
            {
                if (found != null)
                {
                    return new Parsed(Status.AMBIGUOUS, null);
                }
                found = new Args(c, values);
            }
            else if (m > 0)
            {
                partial = true;
            }
        }
        if (found != null)
        {
            return new Parsed(Status.OK, found);
        }
        return new Parsed(partial ? Status.BAD_ARGS : Status.NOT_FOUND, null);
    }

    /**
     * Tab completion: the keywords that may follow {@code words} (the complete words typed so far), {@code all}
     * where a port or "all" may follow, in table order without repeats.
     */
    public List<String> complete(final List<String> words)
    {
        final Set<String> out = new LinkedHashSet<>();
        for (final Command c : commands)
        {
            final List<Token> tokens = c.tokens();
            if (tokens.size() <= words.size())
            {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < words.size() && match; i++)
            {
                match = tokens.get(i).parse(words.get(i)) != null;
            }
            if (match)
            {
                out.addAll(tokens.get(words.size()).completions());
            }
        }
        return new ArrayList<>(out);
    }

    /** {@code help}: the list of sections (cmd_help_brief). */
    public void printHelp(final PrintStream out)
    {
        out.println();
        out.println("Help is available for the following sections:");
        out.println();
        for (final HelpSection s : HelpSection.values())
        {
            out.printf("    help %-27s: %s%n", s.word, s.summary);
        }
        out.printf("    help %-27s: %s%n", "all", "All of the above sections.");
        out.println();
    }

    /**
     * {@code help <section>} (cmd_help_long): DPDK's heading and, in DPDK's words and order, the entries of the
     * commands this table has.
     */
    public void printHelp(final PrintStream out, final HelpSection section)
    {
        final Set<String> usages = new HashSet<>();
        for (final Command c : commands)
        {
            if (c.usage() != null)
            {
                usages.add(c.usage());
            }
        }
        HelpText.print(out, section, usages);
    }
}
