package io.ethdev4j.kni.control;

import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.ErrnoException;

/**
 * A {@link KniControl} call failed: carries the errno as a value — what rte_kni.ko's ioctl returned — and a message
 * naming the operation, the interface and the offending value, e.g.
 * {@code kni create(name=kni0) failed: EINVAL - already exists}. Callers branch on {@link #errno()}, never on the
 * message. Unchecked; crosses a process boundary as (errno, message).
 */
public final class KniControlException extends ErrnoException
{
    private static final long serialVersionUID = 1L;

    /** {@code message} already names the operation and the errno (as sent back by a remote kernel side). */
    public KniControlException(final int errno, final String message)
    {
        super(errno, null, message);
    }

    public KniControlException(final int errno, final String message, final Throwable cause)
    {
        super(errno, null, message, cause);
    }

    /** {@code <operation> failed: <ERRNO> - <detail>}. */
    public static KniControlException of(final int errno, final String operation, final String detail)
    {
        return new KniControlException(errno, operation + " failed: " + Errno.name(errno) + " - " + detail);
    }

    /** As {@link #of(int, String, String)}, keeping the failure underneath (a system call's, say). */
    public static KniControlException of(final int errno, final String operation, final String detail,
        final Throwable cause)
    {
        return new KniControlException(errno, operation + " failed: " + Errno.name(errno) + " - " + detail, cause);
    }

}
