package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;

/**
 * File-descriptor calls LibC does not expose: positional I/O, fcntl (dup, open-file-description locks), eventfd.
 * glibc, x86-64 Linux.
 *
 * <h2>Layout (x86-64, from {@code <bits/fcntl.h>})</h2>
 * <pre>
 * struct flock (32 bytes)
 *   0         2         4         8                   16                  24        28        32
 *   +---------+---------+---------+-------------------+-------------------+---------+---------+
 *   | l_type  | l_whence| pad     | l_start (off_t)   | l_len (off_t)     | l_pid   | pad     |
 *   +---------+---------+---------+-------------------+-------------------+---------+---------+
 * </pre>
 */
public final class PosixFile
{
    public static final int F_GETFD = 1;
    public static final int F_SETFD = 2;
    public static final int F_DUPFD_CLOEXEC = 1030;
    public static final int FD_CLOEXEC = 1;
    public static final int EFD_CLOEXEC = 0x80000;
    public static final int EFD_NONBLOCK = 0x800;
    /** Open-file-description lock (Linux 3.15): conflicts with F_SETLK locks of other processes and with OFD locks on
     *  other open files of this process, and is not dropped when another fd of the same file is closed. */
    public static final int F_OFD_SETLK = 37;
    public static final int F_RDLCK = 0;
    public static final int F_WRLCK = 1;
    public static final int F_UNLCK = 2;
    public static final int SEEK_SET = 0;

    public static final int FLOCK_TYPE_OFFSET = 0;
    public static final int FLOCK_WHENCE_OFFSET = 2;
    public static final int FLOCK_START_OFFSET = 8;
    public static final int FLOCK_LEN_OFFSET = 16;
    public static final int FLOCK_PID_OFFSET = 24;
    public static final int FLOCK_SIZE = 32;

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

    private static native int dup3(int oldfd, int newfd, int flags) throws LastErrorException;

    private static native int eventfd(int initval, int flags) throws LastErrorException;

    private static native int fcntl(int fd, int cmd, byte[] flock) throws LastErrorException;

    private static native long write(int fd, byte[] buf, long count) throws LastErrorException;

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

    /**
     * dup3(src, target, O_CLOEXEC): makes {@code target} refer to {@code src}'s file, atomically — the number is never
     * free in between (a thread using {@code target} meanwhile reaches the old file or the new one, never a file
     * opened by someone else), and the old file is closed when this was its last fd. {@code src} stays open.
     */
    public static void replaceCloexec(final int src, final int target)
    {
        try
        {
            dup3(src, target, LibC.O_CLOEXEC);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("dup3", ex.getErrorCode(), "oldfd=" + src + ", newfd=" + target + ", O_CLOEXEC");
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

    /**
     * Adds 1 to an eventfd's counter (write(2) of a u64), making it readable for everyone polling it. Returns 0 or
     * -errno (EAGAIN when the counter is at its maximum: it is readable then anyway).
     */
    public static int eventFdSignal(final int fd)
    {
        final byte[] one = {1, 0, 0, 0, 0, 0, 0, 0}; // little-endian u64 1
        try
        {
            write(fd, one, one.length);
            return 0;
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /**
     * fcntl(fd, F_OFD_SETLK) taking a write lock on the whole file without waiting. Returns false when another
     * process (F_SETLK, as DPDK's EAL locks its {@code config} file) or another open file of this process holds a
     * conflicting lock; throws for any other error. The lock lives until the fd is closed.
     */
    public static boolean tryWriteLock(final int fd, final String what)
    {
        final byte[] flock = new byte[FLOCK_SIZE];
        flock[FLOCK_TYPE_OFFSET] = (byte)F_WRLCK;
        flock[FLOCK_WHENCE_OFFSET] = (byte)SEEK_SET;
        // l_start = 0, l_len = 0 (to the end of the file, however long), l_pid = 0 (required for OFD locks)
        try
        {
            fcntl(fd, F_OFD_SETLK, flock);
            return true;
        }
        catch (final LastErrorException ex)
        {
            if (ex.getErrorCode() == Errno.EAGAIN || ex.getErrorCode() == Errno.EACCES)
            {
                return false;
            }
            throw new SysException("fcntl", ex.getErrorCode(), what + ", fd=" + fd + ", F_OFD_SETLK, F_WRLCK");
        }
    }
}
