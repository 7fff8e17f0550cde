package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;

/**
 * Another process's shared memory, mapped from the fd it passed: the file's size ({@code lseek(SEEK_END)}), a
 * mapping at a fixed address that never replaces an existing one ({@code MAP_FIXED_NOREPLACE}, Linux 4.17), and
 * swapping a mapping for anonymous memory in place ({@code MAP_FIXED}) so that threads still touching the range
 * read zeros instead of faulting.
 */
public final class FdMemory
{
    /** Linux 4.17: fail with EEXIST instead of replacing a mapping. */
    public static final int MAP_FIXED_NOREPLACE = 0x100000;
    public static final int SEEK_END = 2;
    public static final int F_ADD_SEALS = 1033;
    public static final int F_GET_SEALS = 1034;
    /** The file may not shrink: no mapping of it can fault on pages cut away under it. */
    public static final int F_SEAL_SHRINK = 0x0002;

    static
    {
        Native.register(FdMemory.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private FdMemory()
    {
    }

    private static native long lseek(int fd, long offset, int whence) throws LastErrorException;

    private static native int fcntl(int fd, int cmd, int arg) throws LastErrorException;

    /**
     * {@code fcntl(F_GET_SEALS)}: the file's seals, or -errno (EINVAL for a file that cannot be sealed: not a memfd).
     */
    public static int seals(final int fd)
    {
        try
        {
            return fcntl(fd, F_GET_SEALS, 0);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /**
     * {@code fcntl(F_ADD_SEALS)}: 0, or -errno (EPERM for a memfd made without MFD_ALLOW_SEALING, EINVAL for a file
     * that cannot be sealed).
     */
    public static int addSeals(final int fd, final int seals)
    {
        try
        {
            return fcntl(fd, F_ADD_SEALS, seals);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /**
     * The size of the file behind {@code fd} (a memfd, a hugetlbfs or regular file).
     *
     * @return the size, or -errno (ESPIPE for a socket or pipe, EBADF).
     */
    public static long size(final int fd)
    {
        try
        {
            return lseek(fd, 0, SEEK_END);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /**
     * {@code mmap(address, length, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED_NOREPLACE, fd, 0)}.
     *
     * @return 0, or -errno: EEXIST when something is mapped in the range already, EACCES for an fd not open for
     *     writing, ENODEV for an fd that cannot be mapped, EINVAL for a bad address or length.
     */
    public static int mapAt(final long address, final long length, final int fd)
    {
        return map(address, length, fd, MAP_FIXED_NOREPLACE);
    }

    /**
     * As {@link #mapAt}, but replacing what is mapped there ({@code MAP_FIXED}): only over a range the caller owns
     * (one of its {@link #replaceWithAnonymous} placeholders).
     */
    public static int mapOver(final long address, final long length, final int fd)
    {
        return map(address, length, fd, LibC.MAP_FIXED);
    }

    private static int map(final long address, final long length, final int fd, final int fixed)
    {
        final long got;
        try
        {
            got = LibC.mmapChecked(address, length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED | fixed, fd, 0);
        }
        catch (final SysException ex)
        {
            return -ex.errno();
        }
        if (got != address)
        {
            // a kernel without MAP_FIXED_NOREPLACE took the address as a hint
            LibC.munmapChecked(got, length);
            return -Errno.EEXIST;
        }
        return 0;
    }

    /** Replaces {@code [address, address + length)} (mapped by {@link #mapAt}) with private anonymous zero pages. */
    public static void replaceWithAnonymous(final long address, final long length)
    {
        LibC.mmapChecked(address, length, LibC.PROT_READ | LibC.PROT_WRITE,
            LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS | LibC.MAP_FIXED | LibC.MAP_NORESERVE, -1, 0);
    }
}
