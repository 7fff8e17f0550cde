package io.ethdev4j.kniapp;

import io.ethdev4j.sys.ErrnoException;
import io.ethdev4j.sys.Errno;

/**
 * The example's {@code rte_exit(EXIT_FAILURE, ...)}: printed as {@code EAL: Error - exiting with code: 1} and
 * {@code   Cause: <message>}, exit code 1.
 */
public final class KniAppExit extends ErrnoException
{
    private static final long serialVersionUID = 1L;

    public KniAppExit(final String cause)
    {
        super(Errno.EINVAL, "rte_exit", cause);
    }

    public KniAppExit(final String cause, final Throwable why)
    {
        super(Errno.EINVAL, "rte_exit", cause, why);
    }
}
