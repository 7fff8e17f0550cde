package io.ethdev4j.testpmd.cmd;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DPDK 22.11's {@code help <section>} text (cmd_help_long_parsed), verbatim, read from {@code dpdk-help.txt}: per
 * {@link HelpSection} its heading and its entries, each entry keyed by its first line (the usage line a
 * {@link Command} names). {@link #print} prints a section as DPDK does, keeping only the entries of the commands this
 * testpmd has, so what {@code help} describes is exactly what runs, in DPDK's words and order.
 */
final class HelpText
{
    private static final String RESOURCE = "dpdk-help.txt";

    /** A section: its heading lines and its entries (first line → the entry's lines), in DPDK's order. */
    private record Section(List<String> heading, Map<String, List<String>> entries)
    {
    }

    private static final Map<HelpSection, Section> SECTIONS = load();

    private HelpText()
    {
    }

    private static Map<HelpSection, Section> load()
    {
        final String text;
        try (InputStream in = HelpText.class.getResourceAsStream(RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("reading " + RESOURCE, ex);
        }
        final Map<HelpSection, Section> out = new EnumMap<>(HelpSection.class);
        Section cur = null;
        boolean inEntries = false;
        List<String> entry = null;
        for (final String line : text.split("\n", -1))
        {
            if (line.startsWith("#") && cur == null)
            {
                continue;
            }
            if (line.startsWith("@section "))
            {
                final HelpSection s = HelpSection.of(line.substring("@section ".length()));
                if (s == null)
                {
                    throw new IllegalStateException(RESOURCE + ": unknown section in '" + line + "'");
                }
                cur = new Section(new ArrayList<>(), new LinkedHashMap<>());
                out.put(s, cur);
                inEntries = false;
                entry = null;
            }
            else if (line.equals("@entries"))
            {
                inEntries = true;
            }
            else if (cur != null && !inEntries)
            {
                cur.heading.add(line);
            }
            else if (cur != null && line.isEmpty())
            {
                entry = null;
            }
            else if (cur != null)
            {
                if (entry == null)
                {
                    entry = new ArrayList<>();
                    cur.entries.putIfAbsent(line, entry);
                }
                entry.add(line);
            }
        }
        if (out.size() != HelpSection.values().length)
        {
            throw new IllegalStateException(RESOURCE + ": expected " + HelpSection.values().length + " sections, found " +
                out.keySet());
        }
        return out;
    }

    /** The section whose entry starts with {@code usage}, or null when DPDK's help has no such entry. */
    static HelpSection sectionOf(final String usage)
    {
        for (final Map.Entry<HelpSection, Section> e : SECTIONS.entrySet())
        {
            if (e.getValue().entries.containsKey(usage))
            {
                return e.getKey();
            }
        }
        return null;
    }

    /** Section {@code s} as DPDK prints it, with the entries whose first line is in {@code usages}. */
    static void print(final PrintStream out, final HelpSection s, final Set<String> usages)
    {
        final Section sec = SECTIONS.get(s);
        out.println();
        for (final String h : sec.heading)
        {
            out.println(h);
        }
        for (final Map.Entry<String, List<String>> e : sec.entries.entrySet())
        {
            if (usages.contains(e.getKey()))
            {
                for (final String l : e.getValue())
                {
                    out.println(l);
                }
                out.println();
            }
        }
    }
}
