package io.ethdev4j.testpmd.cmd;

/** The sections {@code help} lists, in order (cmd_help_brief / cmd_help_long in app/test-pmd/cmdline.c). */
public enum HelpSection
{
    CONTROL("control", "Start and stop forwarding."),
    DISPLAY("display", "Displaying port, stats and config information."),
    CONFIG("config", "Configuration information."),
    PORTS("ports", "Configuring ports."),
    FILTERS("filters", "Filters configuration help."),
    TRAFFIC_MANAGEMENT("traffic_management", "Traffic Management commands."),
    DEVICES("devices", "Device related commands."),
    DRIVERS("drivers", "Driver specific commands.");

    /** What follows {@code help}. */
    public final String word;
    /** Its line in the {@code help} overview. */
    public final String summary;

    HelpSection(final String word, final String summary)
    {
        this.word = word;
        this.summary = summary;
    }

    /** The section {@code word} names, or null. */
    public static HelpSection of(final String word)
    {
        for (final HelpSection s : values())
        {
            if (s.word.equals(word))
            {
                return s;
            }
        }
        return null;
    }

    /** The template token for {@code help}'s argument: {@code all}, then every section word (DPDK's order). */
    static String choices()
    {
        final StringBuilder sb = new StringBuilder("all");
        for (final HelpSection s : values())
        {
            sb.append('|').append(s.word);
        }
        return sb.toString();
    }
}
