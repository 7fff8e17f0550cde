package io.ethdev4j.sys;

/**
 * A failed system call: names the call, its arguments as the caller describes them, and the errno.
 * Control paths throw it; hot paths never make system calls that can throw.
 */
public final class SysException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String syscall;
    private final int errno;

    public SysException(final String syscall, final int errno, final String detail)
    {
        super(syscall + "(" + detail + ") failed: " + Errno.name(errno) + " (" + Errno.describe(errno) + ")");
        this.syscall = syscall;
        this.errno = errno;
    }

    public String syscall()
    {
        return syscall;
    }

    public int errno()
    {
        return errno;
    }
}
