package io.ethdev4j.sys;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.agrona.UnsafeApi;

/**
 * ppoll(2) over a fixed set of fds, with native memory preallocated (no allocation per call). Used by KNI threads to
 * sleep between passes and wake as soon as a TAP has a frame.
 */
public final class Poll implements AutoCloseable
{
    public static final short POLLIN = 0x1;
    public static final short POLLERR = 0x8;
    public static final short POLLHUP = 0x10;
    public static final int POLLFD_LENGTH = 8;

    static
    {
        Native.register(Poll.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private static native int ppoll(long fds, long nfds, long timeout, long sigmask);

    private final Memory memory;
    private final long fds;
    private final long timespec;
    private final int capacity;
    private int count;

    public Poll(final int capacity)
    {
        this.capacity = capacity;
        this.memory = new Memory((long)Math.max(1, capacity) * POLLFD_LENGTH + 16);
        this.memory.clear();
        this.timespec = Pointer.nativeValue(memory);
        this.fds = timespec + 16;
    }

    /** Replaces the watched fds (control path). */
    public void set(final int[] fdList, final int n)
    {
        if (n > capacity)
        {
            throw new IllegalArgumentException("Poll.set(n=" + n + ") failed: EINVAL - capacity " + capacity);
        }
        for (int i = 0; i < n; i++)
        {
            UnsafeApi.putInt(fds + (long)i * POLLFD_LENGTH, fdList[i]);
            UnsafeApi.putShort(fds + (long)i * POLLFD_LENGTH + 4, POLLIN);
            UnsafeApi.putShort(fds + (long)i * POLLFD_LENGTH + 6, (short)0);
        }
        count = n;
    }

    /** Replaces the fd watched in slot {@code i} (&lt; the count set): -1 leaves the slot out (ppoll skips it). */
    public void fd(final int i, final int fd)
    {
        if (i < 0 || i >= count)
        {
            throw new IllegalArgumentException("Poll.fd(i=" + i + ") failed: EINVAL - " + count + " slots set");
        }
        UnsafeApi.putInt(fds + (long)i * POLLFD_LENGTH, fd);
    }

    /** Waits up to {@code timeoutNs} for input on any fd; returns the number ready, 0 on timeout, -1 on error/EINTR. */
    public int poll(final long timeoutNs)
    {
        UnsafeApi.putLong(timespec, timeoutNs / 1_000_000_000L);
        UnsafeApi.putLong(timespec + 8, timeoutNs % 1_000_000_000L);
        return ppoll(fds, count, timespec, 0L);
    }

    public short revents(final int i)
    {
        return UnsafeApi.getShort(fds + (long)i * POLLFD_LENGTH + 6);
    }

    public void close()
    {
        memory.close();
    }
}
