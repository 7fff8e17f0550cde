package io.ethdev4j.eal;

import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.ErrnoException;

/**
 * A bad EAL option: the message names the option and the value. Launchers print it and exit non-zero.
 * <p>
 * Its errno is always {@link Errno#EINVAL}, as DPDK's {@code rte_eal_init} sets {@code rte_errno} for a bad option, and
 * it is an {@link ErrnoException} like every other failure of the runtime ({@link #operation()}:
 * {@value #OPERATION}).
 */
public final class EalArgsException extends ErrnoException
{
    private static final long serialVersionUID = 1L;

    /** What {@link #operation()} names. */
    public static final String OPERATION = "EalArgs.parse";

    public EalArgsException(final String message)
    {
        super(Errno.EINVAL, OPERATION, message);
    }
}
