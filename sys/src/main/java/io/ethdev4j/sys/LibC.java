package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The C library calls the runtime needs (glibc, x86-64 Linux), bound with JNA direct mapping.
 * <p>
 * One bindings class per OS facility (Netty's rule): memory and file descriptors live here; TAP, netlink,
 * sockets, io_uring and VFIO get their own classes in this package. Every wrapper names the syscall and
 * errno in its {@link SysException}; raw natives are private.
 */
public final class LibC
{
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int MAP_SHARED = 0x01;
    public static final int MAP_PRIVATE = 0x02;
    public static final int MAP_FIXED = 0x10;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MAP_NORESERVE = 0x4000;
    public static final int MAP_POPULATE = 0x8000;
    public static final int MAP_HUGETLB = 0x40000;
    public static final long MAP_FAILED = -1L;

    public static final int MFD_CLOEXEC = 0x1;
    public static final int MFD_ALLOW_SEALING = 0x2;
    public static final int MFD_HUGETLB = 0x4;
    /** MFD_HUGE_2MB = 21 &lt;&lt; MFD_HUGE_SHIFT (26). */
    public static final int MFD_HUGE_2MB = 21 << 26;

    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_CREAT = 0x40;
    public static final int O_EXCL = 0x80;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;

    private static final long SYS_MEMFD_CREATE = 319;
    private static final long SYS_GETTID = 186;

    static
    {
        Native.register(LibC.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private LibC()
    {
    }

    private static native long mmap(long addr, long length, int prot, int flags, int fd, long offset)
        throws LastErrorException;

    private static native int munmap(long addr, long length) throws LastErrorException;

    private static native int close(int fd) throws LastErrorException;

    private static native int ftruncate(int fd, long length) throws LastErrorException;

    private static native int open(String path, int flags, int mode) throws LastErrorException;

    private static native long syscall(long number, String name, int flags) throws LastErrorException;

    private static native long syscall(long number) throws LastErrorException;

    private static native int sched_setaffinity(int pid, long cpusetsize, byte[] mask) throws LastErrorException;

    private static native int sched_getaffinity(int pid, long cpusetsize, byte[] mask) throws LastErrorException;

    private static native int ioctl(int fd, NativeLong request, Pointer arg) throws LastErrorException;

    private static native int ioctl(int fd, NativeLong request, long arg) throws LastErrorException;

    private static native long read(int fd, long buf, long count) throws LastErrorException;

    private static native long write(int fd, long buf, long count) throws LastErrorException;

    private static native int getpid();

    private static native int getuid();

    private static native Pointer strerror_r(int errnum, byte[] buf, long buflen);

    public static long mmapChecked(final long addr, final long length, final int prot, final int flags, final int fd,
        final long offset)
    {
        try
        {
            return mmap(addr, length, prot, flags, fd, offset);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("mmap", ex.getErrorCode(),
                "length=" + length + ", prot=0x" + Integer.toHexString(prot) + ", flags=0x" +
                Integer.toHexString(flags) + ", fd=" + fd + ", offset=" + offset);
        }
    }

    public static void munmapChecked(final long addr, final long length)
    {
        try
        {
            munmap(addr, length);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("munmap", ex.getErrorCode(), "addr=0x" + Long.toHexString(addr) + ", length=" + length);
        }
    }

    public static void closeChecked(final int fd)
    {
        try
        {
            close(fd);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("close", ex.getErrorCode(), "fd=" + fd);
        }
    }

    /** Closes and ignores errors: for cleanup paths that already carry an exception. */
    public static void closeQuietly(final int fd)
    {
        if (fd >= 0)
        {
            try
            {
                close(fd);
            }
            catch (final LastErrorException ignore)
            {
                // cleanup path
            }
        }
    }

    public static void ftruncateChecked(final int fd, final long length)
    {
        try
        {
            ftruncate(fd, length);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("ftruncate", ex.getErrorCode(), "fd=" + fd + ", length=" + length);
        }
    }

    public static int openChecked(final String path, final int flags, final int mode)
    {
        try
        {
            return open(path, flags, mode);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("open", ex.getErrorCode(), path + ", flags=0x" + Integer.toHexString(flags));
        }
    }

    public static int memfdCreate(final String name, final int flags)
    {
        try
        {
            return (int)syscall(SYS_MEMFD_CREATE, name, flags);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("memfd_create", ex.getErrorCode(), name + ", flags=0x" + Integer.toHexString(flags));
        }
    }

    public static int gettid()
    {
        return (int)syscall(SYS_GETTID);
    }

    public static int pid()
    {
        return getpid();
    }

    /** getuid(2): the real user id (DPDK's runtime directory rule looks at it). */
    public static int uid()
    {
        return getuid();
    }

    public static final int SCHED_OTHER = 0;
    public static final int SCHED_FIFO = 1;

    private static native int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;

    /**
     * sched_setscheduler(2) for the calling thread (tid 0): {@link #SCHED_OTHER} (priority 0) or {@link #SCHED_FIFO}
     * (priority 1..99; needs CAP_SYS_NICE or an RLIMIT_RTPRIO allowance). {@code param} is the
     * {@code struct sched_param} ({@code param[0]} the priority): a thread that switches often keeps one per policy and
     * allocates nothing.
     *
     * @return 0, or the errno (EPERM without the capability, EINVAL for a bad priority): the caller decides.
     */
    public static int setScheduler(final int policy, final int[] param)
    {
        try
        {
            sched_setscheduler(0, policy, param);
            return 0;
        }
        catch (final LastErrorException ex)
        {
            return ex.getErrorCode();
        }
    }

    /** Binds the calling thread (tid 0) to the given CPUs. */
    public static void setAffinity(final int tid, final int... cpus)
    {
        final byte[] mask = new byte[128];
        for (final int cpu : cpus)
        {
            mask[cpu >> 3] |= (byte)(1 << (cpu & 7));
        }
        try
        {
            sched_setaffinity(tid, mask.length, mask);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("sched_setaffinity", ex.getErrorCode(), "tid=" + tid + ", cpus=" + java.util.Arrays.toString(cpus));
        }
    }

    /**
     * The CPUs the process may run on, as seen when this class was first used (its first thread's affinity and
     * the caller's), so the answer does not change when the runtime pins lcore threads.
     */
    public static int[] allowedCpus()
    {
        return InitialAffinity.CPUS.clone();
    }

    /** Snapshot taken before anything in this process pinned a thread. */
    private static final class InitialAffinity
    {
        static final int[] CPUS = java.util.stream.IntStream.concat(
            java.util.Arrays.stream(affinity(getpid())), java.util.Arrays.stream(affinity(0))).distinct().sorted().toArray();
    }

    /** The calling thread's CPU affinity. */
    public static int[] threadAffinity()
    {
        return affinity(0);
    }

    private static int[] affinity(final int tid)
    {
        final byte[] mask = new byte[128];
        try
        {
            sched_getaffinity(tid, mask.length, mask);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("sched_getaffinity", ex.getErrorCode(), "tid=" + tid);
        }
        int n = 0;
        final int[] tmp = new int[mask.length * 8];
        for (int cpu = 0; cpu < mask.length * 8; cpu++)
        {
            if ((mask[cpu >> 3] & (1 << (cpu & 7))) != 0)
            {
                tmp[n++] = cpu;
            }
        }
        return java.util.Arrays.copyOf(tmp, n);
    }

    public static int ioctlChecked(final int fd, final long request, final Pointer arg, final String what)
    {
        try
        {
            return ioctl(fd, new NativeLong(request), arg);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("ioctl", ex.getErrorCode(), what + ", fd=" + fd + ", request=0x" + Long.toHexString(request));
        }
    }

    public static int ioctlChecked(final int fd, final long request, final long arg, final String what)
    {
        try
        {
            return ioctl(fd, new NativeLong(request), arg);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("ioctl", ex.getErrorCode(), what + ", fd=" + fd + ", request=0x" + Long.toHexString(request));
        }
    }

    /** read(2) into native memory; returns bytes read, or -errno (EAGAIN is a value, not an exception). */
    public static long readNative(final int fd, final long buf, final long count)
    {
        try
        {
            return read(fd, buf, count);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    /** write(2) from native memory; returns bytes written, or -errno. */
    public static long writeNative(final int fd, final long buf, final long count)
    {
        try
        {
            return write(fd, buf, count);
        }
        catch (final LastErrorException ex)
        {
            return -ex.getErrorCode();
        }
    }

    public static String strerror(final int errno)
    {
        final byte[] buf = new byte[256];
        final Pointer p = strerror_r(errno, buf, buf.length);
        return p == null ? Errno.name(errno) : p.getString(0);
    }
}
