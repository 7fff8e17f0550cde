package io.ethdev4j.kni.daemon.client;

import io.ethdev4j.kni.control.KniControl;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.control.KniControlProvider;
import io.ethdev4j.kni.control.KniMemory;
import io.ethdev4j.kni.daemon.Knid;
import io.ethdev4j.sys.Errno;

import java.util.Map;

/**
 * The ServiceLoader entry for {@value KniControl#DAEMON}: the channel to {@code tools/knid} at the socket
 * {@code --kni-daemon} names ("default": {@value Knid#DEFAULT_SOCKET}). The module parameters are knid's options
 * then: any other {@code --kni-*} option is refused (EINVAL), as an application could not change rte_kni.ko's.
 */
public final class KnidControlProvider implements KniControlProvider
{
    @Override
    public String name()
    {
        return KniControl.DAEMON;
    }

    @Override
    public KniControl open(final Map<String, String> kniOptions)
    {
        throw KniControlException.of(Errno.EINVAL, "kniInit(knid)", "knid needs the application's memory " +
            "(KniControl.open(\"" + KniControl.DAEMON + "\", options, memory))");
    }

    @Override
    public KniControl open(final Map<String, String> kniOptions, final KniMemory memory)
    {
        for (final String key : kniOptions.keySet())
        {
            if (!KniControl.DAEMON_OPTION.equals(key))
            {
                throw KniControlException.of(Errno.EINVAL, "kniInit(" + key + "=" + kniOptions.get(key) + ")",
                    "with " + KniControl.DAEMON_OPTION + " the module parameters are knid's options (tools/knid " +
                    "--" + key.substring("--kni-".length()) + "=...)");
            }
        }
        return new KnidControl(Knid.socketPath(kniOptions.get(KniControl.DAEMON_OPTION)), memory);
    }
}
