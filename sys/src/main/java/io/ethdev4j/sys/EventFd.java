package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;

/**
 * eventfd(2): a counter one thread sleeps on (in poll, readable while non-zero) and another bumps. The KNI doorbell
 * uses it: the application writes only when the KNI thread said it is about to sleep.
 * <p>
 * {@link #create} throws {@link SysException}; {@link #signal} and {@link #drain} are for hot paths: they never throw
 * and allocate nothing (the caller gives 8 bytes of native memory), returning -1 with the errno in
 * {@link Native#getLastError()} (EAGAIN from {@link #drain} when nothing was signalled).
 */
public final class EventFd
{
    public static final int EFD_CLOEXEC = 0x80000;
    public static final int EFD_NONBLOCK = 0x800;
    /** The eventfd counter's size: reads and writes are exactly 8 bytes. */
    public static final int VALUE_LENGTH = 8;

    static
    {
        Native.register(EventFd.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private EventFd()
    {
    }

    private static native int eventfd(int initval, int flags) throws LastErrorException;

    private static native long write(int fd, long buf, long count);

    private static native long read(int fd, long buf, long count);

    /** A non-blocking, close-on-exec eventfd with counter 0. */
    public static int create()
    {
        try
        {
            return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("eventfd", ex.getErrorCode(), "initval=0, EFD_NONBLOCK | EFD_CLOEXEC");
        }
    }

    /** Adds 1 to the counter (wakes a poller). {@code buf}: 8 bytes of native scratch memory. Returns 8 or -1. */
    public static long signal(final int fd, final long buf)
    {
        org.agrona.UnsafeApi.putLong(buf, 1L);
        return write(fd, buf, VALUE_LENGTH);
    }

    /** Reads (and so zeroes) the counter into {@code buf}. Returns 8, or -1 (EAGAIN: it was 0). */
    public static long drain(final int fd, final long buf)
    {
        return read(fd, buf, VALUE_LENGTH);
    }
}
