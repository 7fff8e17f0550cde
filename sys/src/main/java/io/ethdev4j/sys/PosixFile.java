package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;

/** File-descriptor calls LibC does not expose: positional I/O, fcntl, eventfd. glibc, x86-64 Linux. */
public final class PosixFile
{
    public static final int F_GETFD = 1;
    public static final int F_SETFD = 2;
    public static final int F_DUPFD_CLOEXEC = 1030;
    public static final int FD_CLOEXEC = 1;
    public static final int EFD_CLOEXEC = 0x80000;
    public static final int EFD_NONBLOCK = 0x800;

    static
    {
        Native.register(PosixFile.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private PosixFile()
    {
    }

    private static native long pread(int fd, long buf, long count, long offset) throws LastErrorException;

    private static native long pwrite(int fd, long buf, long count, long offset) throws LastErrorException;

    private static native int fcntl(int fd, int cmd, int arg) throws LastErrorException;

    private static native int eventfd(int initval, int flags) throws LastErrorException;

    /** pread(2) of exactly {@code count} bytes; throws naming {@code what} on error or short read. */
    public static void preadFully(final int fd, final long buf, final long count, final long offset, final String what)
    {
        final long n;
        try
        {
            n = pread(fd, buf, count, offset);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("pread", ex.getErrorCode(), what + ", fd=" + fd + ", count=" + count + ", offset=0x" +
                Long.toHexString(offset));
        }
        if (n != count)
        {
            throw new SysException("pread", Errno.EIO, what + ", fd=" + fd + ": short read " + n + " of " + count);
        }
    }

    /** pwrite(2) of exactly {@code count} bytes; throws naming {@code what} on error or short write. */
    public static void pwriteFully(final int fd, final long buf, final long count, final long offset, final String what)
    {
        final long n;
        try
        {
            n = pwrite(fd, buf, count, offset);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("pwrite", ex.getErrorCode(), what + ", fd=" + fd + ", count=" + count + ", offset=0x" +
                Long.toHexString(offset));
        }
        if (n != count)
        {
            throw new SysException("pwrite", Errno.EIO, what + ", fd=" + fd + ": short write " + n + " of " + count);
        }
    }

    /** fcntl(fd, F_DUPFD_CLOEXEC, min): a close-on-exec copy of {@code fd} numbered at least {@code min}. */
    public static int dupCloexecAbove(final int fd, final int min)
    {
        try
        {
            return fcntl(fd, F_DUPFD_CLOEXEC, min);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("fcntl", ex.getErrorCode(), "fd=" + fd + ", F_DUPFD_CLOEXEC, " + min);
        }
    }

    /** eventfd(2) with EFD_CLOEXEC | extra flags. */
    public static int eventFd(final int flags)
    {
        try
        {
            return eventfd(0, EFD_CLOEXEC | flags);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("eventfd", ex.getErrorCode(), "flags=0x" + Integer.toHexString(flags));
        }
    }
}
