package io.ethdev4j.testpmd.cmd;

import java.util.ArrayList;
import java.util.List;

/**
 * One shell command, declared once (DPDK's {@code cmdline_parse_inst_t}): its template, the DPDK help entry that
 * documents it, and its handler. The template is parsed into {@link Token}s when the command is declared; dispatch
 * and completion use them; {@code help} prints the entry {@link #usage} names from DPDK's help text
 * ({@link HelpText}), in the section DPDK lists it in.
 *
 * @param template the tokens, space separated (see {@link Token})
 * @param usage    the first line of DPDK's {@code help} entry for it, verbatim (e.g.
 *                 {@code show port (info|stats|summary|xstats|fdir|dcb_tc) (port_id|all)}); null for a command
 *                 DPDK's help does not list (as {@code help} itself, or the {@code dump_*} commands)
 * @param section  the {@code help} section that entry is in (null with the usage)
 * @param handler  runs it with the typed values
 * @param tokens   the parsed template
 * @param required how many leading tokens must be typed (the rest are optional)
 */
public record Command(String template, String usage, HelpSection section, Handler handler, List<Token> tokens,
    int required)
{
    /** Runs a command once its line matched. Exceptions are reported by the shell, which goes on. */
    @FunctionalInterface
    public interface Handler
    {
        void run(Args args);
    }

    /** What {@link #match} reports for a line that does not even match the first token (DPDK: -1). */
    public static final int NO_MATCH = -1;
    /** What {@link #match} reports for a complete match (DPDK: 0). */
    public static final int FULL_MATCH = 0;

    /**
     * A command from its template (see {@link Token}) and the first line of its DPDK help entry (or null); throws
     * IllegalArgumentException for a bad template or a usage line DPDK's help does not have.
     */
    public static Command of(final String template, final String usage, final Handler handler)
    {
        final List<Token> tokens = new ArrayList<>();
        int required = -1;
        for (final String spec : template.trim().split("\\s+"))
        {
            if (spec.startsWith("[") && spec.endsWith("]"))
            {
                if (required < 0)
                {
                    required = tokens.size();
                }
                tokens.add(Token.parseSpec(spec.substring(1, spec.length() - 1)));
            }
            else if (required >= 0)
            {
                throw new IllegalArgumentException("'" + template + "': optional tokens only at the end");
            }
            else
            {
                tokens.add(Token.parseSpec(spec));
            }
        }
        if (!(tokens.get(0) instanceof Token.Keywords))
        {
            throw new IllegalArgumentException("'" + template + "': a command starts with a keyword");
        }
        if (handler == null)
        {
            throw new IllegalArgumentException("'" + template + "': a handler is required");
        }
        final HelpSection section = usage == null ? null : HelpText.sectionOf(usage);
        if (usage != null && section == null)
        {
            throw new IllegalArgumentException("'" + template + "': DPDK's help has no entry '" + usage + "'");
        }
        return new Command(template, usage, section, handler, List.copyOf(tokens), required < 0 ? tokens.size() : required);
    }

    /** The same command run by {@code other} (tests, wrappers). */
    public Command withHandler(final Handler other)
    {
        return new Command(template, usage, section, other, tokens, required);
    }

    /**
     * DPDK's match_inst: {@link #FULL_MATCH} when {@code words} are this command (every required token, optional ones
     * if typed, nothing after); {@link #NO_MATCH} when the first word is not; otherwise the number of words that
     * matched before one did not (the line is this command with bad arguments). {@code values[i]} receives token
     * {@code i}'s value.
     */
    public int match(final String[] words, final Object[] values)
    {
        int i = 0;
        while (i < tokens.size() && i < words.length)
        {
            final Object v = tokens.get(i).parse(words[i]);
            if (v == null)
            {
                break;
            }
            values[i] = v;
            i++;
        }
        if (i == 0)
        {
            return NO_MATCH;
        }
        if (i < required || i < words.length)
        {
            return i; // too few words, or a word that is not the next token
        }
        return FULL_MATCH;
    }

    /** A line that runs this command: each token's sample, optional ones included. */
    public String sample()
    {
        final StringBuilder sb = new StringBuilder();
        for (final Token t : tokens)
        {
            sb.append(sb.length() == 0 ? "" : " ").append(t.sample());
        }
        return sb.toString();
    }
}
