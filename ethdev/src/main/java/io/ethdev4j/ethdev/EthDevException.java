package io.ethdev4j.ethdev;

import io.ethdev4j.sys.Errno;

/**
 * The one control-path exception: an errno-like code plus a message naming the operation, the port or queue
 * and the offending value, e.g. {@code setMtu(port=1, mtu=9000) failed: EINVAL - max 2034 for this mempool}.
 * Hot paths never throw it; they return counts.
 */
public final class EthDevException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int errno;

    public EthDevException(final int errno, final String message)
    {
        super(message);
        this.errno = Math.abs(errno);
    }

    public EthDevException(final int errno, final String message, final Throwable cause)
    {
        super(message, cause);
        this.errno = Math.abs(errno);
    }

    /** {@code op(args) failed: ERRNO - reason}. */
    public static EthDevException of(final int errno, final String op, final String reason)
    {
        return new EthDevException(errno, op + " failed: " + Errno.name(errno) + " - " + reason);
    }

    /** Positive errno (EINVAL, ENOTSUP, ...). */
    public int errno()
    {
        return errno;
    }

    /** DPDK's return-value convention: the negative errno ("diag=-95"). */
    public int diag()
    {
        return -errno;
    }

    public String errnoName()
    {
        return Errno.name(errno);
    }
}
