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
        this.reason = null;
    }

    public EthDevException(final int errno, final String message, final Throwable cause)
    {
        super(errno, null, message, cause);
        this.reason = null;
    }

    /** What {@link #of} was told was wrong (null for the other constructors). */
    private final String reason;

    /** For {@link #of}: the operation apart as well as in the message. */
    private EthDevException(final int errno, final String op, final String message, final String reason)
    {
        super(errno, op, message);
        this.reason = reason;
    }

    /** {@code op(args) failed: ERRNO - reason}; {@link #operation()} is {@code op}, {@link #reason()} the reason. */
    public static EthDevException of(final int errno, final String op, final String reason)
    {
        return new EthDevException(errno, op, op + " failed: " + Errno.name(errno) + " - " + reason, reason);
    }

    /**
     * The reason alone (where DPDK's ethdev logs a line for the failure, the reason is that line's text, so an
     * application printing DPDK's diagnostics prints it); null when the exception was not made by {@link #of}.
     */
    public String reason()
    {
        return reason;
    }
}
