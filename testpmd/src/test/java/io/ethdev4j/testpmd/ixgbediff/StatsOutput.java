package io.ethdev4j.testpmd.ixgbediff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbers in testpmd's {@code show port stats} and {@code show port xstats} output (DPDK 22.11's format). */
final class StatsOutput
{
    private static final Pattern BASIC = Pattern.compile(
        "(RX-packets|RX-missed|RX-bytes|RX-errors|RX-nombuf|TX-packets|TX-errors|TX-bytes):\\s+(\\d+)");
    private static final Pattern XSTAT = Pattern.compile("([A-Za-z][\\w\\[\\]./-]*): (\\d+)");
    private static final String STATS_HEADER = "NIC statistics for port ";
    private static final String XSTATS_HEADER = "###### NIC extended statistics for port ";

    private StatsOutput()
    {
    }

    /**
     * {@code output} without its prompts: DPDK's testpmd writes the prompt and the echoed command line ("testpmd> quit"
     * and CR LF) unbuffered while its printf output is block-buffered on a pipe, so they can land inside a block;
     * ours prints the bare prompt.
     */
    static String withoutPrompts(final String output)
    {
        return output.replaceAll("testpmd> [^\r\n]*\r\n", "").replace("testpmd> ", "");
    }

    /** The last {@code show port stats} block in {@code output}: RX-packets, RX-missed, ... by name. */
    static Map<String, Long> basic(final String raw)
    {
        final String output = withoutPrompts(raw);
        final int at = output.lastIndexOf(STATS_HEADER);
        if (at < 0)
        {
            throw new AssertionError("no '" + STATS_HEADER + "' in:\n" + output);
        }
        final int end = output.indexOf("Throughput", at);
        final Matcher m = BASIC.matcher(output.substring(at, end < 0 ? output.length() : end));
        final Map<String, Long> r = new LinkedHashMap<>();
        while (m.find())
        {
            r.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return r;
    }

    /**
     * The last {@code show port xstats} block in {@code output}: every counter by its DPDK name.
     */
    static Map<String, Long> xstats(final String output)
    {
        final String text = withoutPrompts(output);
        final int at = text.lastIndexOf(XSTATS_HEADER);
        if (at < 0)
        {
            throw new AssertionError("no '" + XSTATS_HEADER + "' in:\n" + output);
        }
        final Map<String, Long> r = new LinkedHashMap<>();
        final String[] lines = text.substring(at).split("\n");
        for (int i = 1; i < lines.length; i++)
        {
            final Matcher m = XSTAT.matcher(lines[i]);
            if (!m.matches())
            {
                break;
            }
            r.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return r;
    }
}
