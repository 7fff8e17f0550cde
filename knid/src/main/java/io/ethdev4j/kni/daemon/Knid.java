package io.ethdev4j.kni.daemon;

/** What the daemon and its clients agree on besides the messages. */
public final class Knid
{
    /** Where {@code tools/knid} listens unless {@code --socket=PATH}, and what {@code --kni-daemon=default} means. */
    public static final String DEFAULT_SOCKET = "/run/ethdev4j/knid.sock";

    private Knid()
    {
    }

    /** The socket named by a {@code --kni-daemon} value: "default" or empty is {@link #DEFAULT_SOCKET}. */
    public static String socketPath(final String option)
    {
        return option == null || option.isEmpty() || "default".equals(option) ? DEFAULT_SOCKET : option;
    }
}
