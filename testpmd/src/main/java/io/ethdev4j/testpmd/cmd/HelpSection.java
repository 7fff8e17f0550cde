package io.ethdev4j.testpmd.cmd;

/** The sections {@code help} lists, in order (cmd_help_brief / cmd_help_long in app/test-pmd/cmdline.c). */
public enum HelpSection
{
    CONTROL("control", "Control forwarding", "Start and stop forwarding."),
    DISPLAY("display", "Display", "Displaying port, stats and config information."),
    CONFIG("config", "Configuration", "Configuration information."),
    PORTS("ports", "Port Operations", "Configuring ports.");

    /** What follows {@code help}. */
    public final String word;
    /** The section's heading. */
    public final String title;
    /** Its line in the {@code help} overview. */
    public final String summary;

    HelpSection(final String word, final String title, final String summary)
    {
        this.word = word;
        this.title = title;
        this.summary = summary;
    }

    /** The template token for {@code help}'s argument: every section word, then {@code all}. */
    static String choices()
    {
        final StringBuilder sb = new StringBuilder();
        for (final HelpSection s : values())
        {
            sb.append(s.word).append('|');
        }
        return sb.append("all").toString();
    }
}
