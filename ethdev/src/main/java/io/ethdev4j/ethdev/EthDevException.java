package io.ethdev4j.ethdev;

import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.ErrnoException;

/**
 * The one control-path exception: an errno-like code plus a message naming the operation, the port or queue
 * and the offending value, e.g. {@code setMtu(port=1, mtu=9000) failed: EINVAL - max 2034 for this mempool}.
 * Hot paths never throw it; they return counts.
 * <p>
 * An {@link ErrnoException}, the runtime's common type, as are the syscall ({@code SysException}), PCI and EAL option
 * errors: a caller that handles every failure of the runtime catches that and reads {@link #errno()}.
 */
public final class EthDevException extends ErrnoException
{
    private static final long serialVersionUID = 1L;

    public EthDevException(final int errno, final String message)
    {
        super(errno, null, message);
    }

    public EthDevException(final int errno, final String message, final Throwable cause)
    {
        super(errno, null, message, cause);
    }

    /** For {@link #of}: the operation apart as well as in the message. */
    private EthDevException(final int errno, final String op, final String message)
    {
        super(errno, op, message);
    }

    /** {@code op(args) failed: ERRNO - reason}; {@link #operation()} is {@code op}. */
    public static EthDevException of(final int errno, final String op, final String reason)
    {
        return new EthDevException(errno, op, op + " failed: " + Errno.name(errno) + " - " + reason);
    }
}
