package io.ethdev4j.kni.control;

import java.util.Map;

/**
 * Where a {@link KniControl} comes from: a {@link java.util.ServiceLoader} entry
 * ({@code META-INF/services/io.ethdev4j.kni.control.KniControlProvider}). The kernel module registers
 * {@value KniControl#LOCAL}, the kernel side inside the application's process; module {@code knid} registers
 * {@value KniControl#DAEMON}, the channel to {@code tools/knid}.
 */
public interface KniControlProvider
{
    /** The name {@link KniControl#open} selects this provider by. */
    String name();

    /**
     * rte_kni_init: a channel to a kernel side.
     *
     * @param kniOptions the runtime's {@code --kni-*} options ({@code --kni-lo-mode} → {@code lo_mode_fifo}, ...);
     *                   the kernel side's module parameters where it runs in-process.
     * @throws KniControlException EINVAL for a bad option, or the errno of what failed.
     */
    KniControl open(Map<String, String> kniOptions);

    /**
     * As {@link #open(Map)}, for a kernel side in another process, which needs the fds behind the addresses the
     * application hands it ({@code memory}). The in-process kernel side ignores {@code memory}.
     */
    default KniControl open(final Map<String, String> kniOptions, final KniMemory memory)
    {
        return open(kniOptions);
    }
}
