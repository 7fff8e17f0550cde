package io.ethdev4j.sys;

/**
 * A failed system call: names the call, its arguments as the caller describes them, and the errno.
 * Control paths throw it; hot paths never make system calls that can throw. The runtime's common type is
 * {@link ErrnoException}; here {@link #operation()} is the syscall.
 */
public final class SysException extends ErrnoException
{
    private static final long serialVersionUID = 1L;

    public SysException(final String syscall, final int errno, final String detail)
    {
        super(errno, syscall,
            syscall + "(" + detail + ") failed: " + Errno.name(errno) + " (" + Errno.describe(errno) + ")");
    }

    public String syscall()
    {
        return operation();
    }
}
