package io.ethdev4j.sys;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.agrona.UnsafeApi;

/**
 * A minimal io_uring (Linux ≥ 5.6) for batched writes to one fd: the raw syscalls, the mmapped rings, SQE/CQE access.
 * Used by the KNI thread to hand a burst of frames to a TAP with one {@code io_uring_enter} instead of one
 * {@code write} each (the exception-path note measured 1.17 vs 0.84 Mpps in C on this VM).
 * <p>
 * Layouts from include/uapi/linux/io_uring.h (v6.x):
 * <pre>
 *  struct io_uring_params (120 bytes)
 *   0 sq_entries  4 cq_entries  8 flags  12 sq_thread_cpu  16 sq_thread_idle  20 features  24 wq_fd  28 resv[3]
 *  40 sq_off: head tail ring_mask ring_entries flags dropped array resv1 (u32 each) user_addr (u64)
 *  80 cq_off: head tail ring_mask ring_entries overflow cqes flags resv1 (u32 each) user_addr (u64)
 *
 *  struct io_uring_sqe (64 bytes)
 *   0 opcode u8  1 flags u8  2 ioprio u16  4 fd s32  8 off u64  16 addr u64  24 len u32  28 rw_flags u32
 *  32 user_data u64  40 buf_index u16  42 personality u16  44 splice_fd_in s32  48 addr3 u64  56 pad u64
 *
 *  struct io_uring_cqe (16 bytes)
 *   0 user_data u64  8 res s32  12 flags u32
 * </pre>
 * Availability is probed once ({@link #isAvailable()}, {@link #unavailabilityCause()}): a kernel without io_uring,
 * {@code kernel.io_uring_disabled}, or a seccomp profile refusing it all make callers fall back to write(2).
 * <p>
 * One thread submits and reaps (the KNI thread serving the fd). The hot-path methods allocate nothing and never throw;
 * {@link #submitAndWait} returns -errno.
 */
public final class IoUring implements AutoCloseable
{
    public static final long SYS_io_uring_setup = 425;
    public static final long SYS_io_uring_enter = 426;
    public static final long SYS_io_uring_register = 427;

    public static final int PARAMS_LENGTH = 120;
    public static final int SQ_ENTRIES_OFFSET = 0;
    public static final int CQ_ENTRIES_OFFSET = 4;
    public static final int FEATURES_OFFSET = 20;
    public static final int SQ_OFF = 40;
    public static final int CQ_OFF = 80;
    /** Offsets inside io_sqring_offsets / io_cqring_offsets. */
    public static final int RING_HEAD = 0;
    public static final int RING_TAIL = 4;
    public static final int RING_MASK = 8;
    public static final int RING_ENTRIES = 12;
    public static final int SQ_ARRAY = 24;
    public static final int CQ_CQES = 20;

    public static final int SQE_LENGTH = 64;
    public static final int SQE_OPCODE = 0;
    public static final int SQE_FLAGS = 1;
    public static final int SQE_FD = 4;
    public static final int SQE_OFF = 8;
    public static final int SQE_ADDR = 16;
    public static final int SQE_LEN = 24;
    public static final int SQE_RW_FLAGS = 28;
    public static final int SQE_USER_DATA = 32;

    public static final int CQE_LENGTH = 16;
    public static final int CQE_USER_DATA = 0;
    public static final int CQE_RES = 8;

    public static final byte IORING_OP_WRITEV = 2;
    public static final byte IORING_OP_WRITE = 23;
    public static final byte IOSQE_FIXED_FILE = 1;
    public static final int IORING_FEAT_SINGLE_MMAP = 1;
    public static final int IORING_ENTER_GETEVENTS = 1;
    public static final int IORING_REGISTER_FILES = 2;
    public static final int IORING_UNREGISTER_FILES = 3;
    public static final long IORING_OFF_SQ_RING = 0L;
    public static final long IORING_OFF_CQ_RING = 0x8000000L;
    public static final long IORING_OFF_SQES = 0x10000000L;

    static
    {
        Native.register(IoUring.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private static native long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);

    private static volatile String unavailability;
    private static volatile boolean probed;

    private final int ringFd;
    private final int entries;
    private final long ringAddr;
    private final long ringLength;
    private final long cqRingAddr;
    private final long cqRingLength;
    private final long sqesAddr;
    private final long sqesLength;
    private final long sqHead;
    private final long sqTail;
    private final int sqMask;
    private final long sqArray;
    private final long cqHead;
    private final long cqTail;
    private final int cqMask;
    private final long cqes;
    private final int fd;
    private int sqLocalTail;
    private int queued;
    private boolean closed;

    /**
     * Sets up a ring of {@code entries} SQEs (a power of two) whose requests all go to {@code fd}, registered as
     * fixed file 0 (saves the file lookup per request).
     *
     * @throws SysException naming io_uring_setup, mmap or io_uring_register and the errno.
     */
    public IoUring(final int entries, final int fd)
    {
        if (entries < 1 || Integer.bitCount(entries) != 1 || entries > 4096)
        {
            throw new IllegalArgumentException("IoUring(entries=" + entries + ") failed: EINVAL - a power of two ≤ 4096");
        }
        try (Memory params = new Memory(PARAMS_LENGTH))
        {
            params.clear();
            final long p = Pointer.nativeValue(params);
            final long rfd = syscall(SYS_io_uring_setup, entries, p, 0, 0, 0, 0);
            if (rfd < 0)
            {
                throw new SysException("io_uring_setup", Native.getLastError(), "entries=" + entries);
            }
            ringFd = (int)rfd;
            long ring = 0;
            long ringLen = 0;
            long cqRing = 0;
            long cqRingLen = 0;
            long sqes = 0;
            long sqesLen = 0;
            try
            {
                this.entries = UnsafeApi.getInt(p + SQ_ENTRIES_OFFSET);
                final int cqEntries = UnsafeApi.getInt(p + CQ_ENTRIES_OFFSET);
                final int features = UnsafeApi.getInt(p + FEATURES_OFFSET);
                final long sqLen = UnsafeApi.getInt(p + SQ_OFF + SQ_ARRAY) + (long)this.entries * Integer.BYTES;
                final long cqLen = UnsafeApi.getInt(p + CQ_OFF + CQ_CQES) + (long)cqEntries * CQE_LENGTH;
                final int prot = LibC.PROT_READ | LibC.PROT_WRITE;
                final int flags = LibC.MAP_SHARED | LibC.MAP_POPULATE;
                if ((features & IORING_FEAT_SINGLE_MMAP) != 0)
                {
                    ringLen = Math.max(sqLen, cqLen);
                    ring = LibC.mmapChecked(0, ringLen, prot, flags, ringFd, IORING_OFF_SQ_RING);
                    cqRing = ring;
                }
                else
                {
                    ringLen = sqLen;
                    ring = LibC.mmapChecked(0, ringLen, prot, flags, ringFd, IORING_OFF_SQ_RING);
                    cqRingLen = cqLen;
                    cqRing = LibC.mmapChecked(0, cqRingLen, prot, flags, ringFd, IORING_OFF_CQ_RING);
                }
                sqesLen = (long)this.entries * SQE_LENGTH;
                sqes = LibC.mmapChecked(0, sqesLen, prot, flags, ringFd, IORING_OFF_SQES);
                try (Memory files = new Memory(Integer.BYTES))
                {
                    files.setInt(0, fd);
                    final long rc = syscall(SYS_io_uring_register, ringFd, IORING_REGISTER_FILES,
                        Pointer.nativeValue(files), 1, 0, 0);
                    if (rc < 0)
                    {
                        throw new SysException("io_uring_register", Native.getLastError(), "IORING_REGISTER_FILES, fd=" + fd);
                    }
                }
            }
            catch (final RuntimeException ex)
            {
                if (sqes != 0)
                {
                    LibC.munmapChecked(sqes, sqesLen);
                }
                if (cqRing != 0 && cqRing != ring)
                {
                    LibC.munmapChecked(cqRing, cqRingLen);
                }
                if (ring != 0)
                {
                    LibC.munmapChecked(ring, ringLen);
                }
                LibC.closeQuietly(ringFd);
                throw ex;
            }
            ringAddr = ring;
            ringLength = ringLen;
            cqRingAddr = cqRing;
            cqRingLength = cqRingLen;
            sqesAddr = sqes;
            sqesLength = sqesLen;
            sqHead = ring + UnsafeApi.getInt(p + SQ_OFF + RING_HEAD);
            sqTail = ring + UnsafeApi.getInt(p + SQ_OFF + RING_TAIL);
            sqMask = UnsafeApi.getInt(ring + UnsafeApi.getInt(p + SQ_OFF + RING_MASK));
            sqArray = ring + UnsafeApi.getInt(p + SQ_OFF + SQ_ARRAY);
            cqHead = cqRing + UnsafeApi.getInt(p + CQ_OFF + RING_HEAD);
            cqTail = cqRing + UnsafeApi.getInt(p + CQ_OFF + RING_TAIL);
            cqMask = UnsafeApi.getInt(cqRing + UnsafeApi.getInt(p + CQ_OFF + RING_MASK));
            cqes = cqRing + UnsafeApi.getInt(p + CQ_OFF + CQ_CQES);
            this.fd = fd;
            sqLocalTail = UnsafeApi.getInt(sqTail);
        }
    }

    /** True when io_uring can be set up here (probed once, with a 1-entry ring on /dev/null). */
    public static boolean isAvailable()
    {
        return unavailabilityCause() == null;
    }

    public static synchronized String unavailabilityCause()
    {
        if (!probed)
        {
            int fd = -1;
            try
            {
                fd = LibC.openChecked("/dev/null", LibC.O_RDWR | LibC.O_CLOEXEC, 0);
                new IoUring(1, fd).close();
                unavailability = null;
            }
            catch (final RuntimeException | UnsatisfiedLinkError ex)
            {
                unavailability = ex.toString();
            }
            finally
            {
                if (fd >= 0)
                {
                    LibC.closeQuietly(fd);
                }
            }
            probed = true;
        }
        return unavailability;
    }

    public int entries()
    {
        return entries;
    }

    /** SQEs queued since the last {@link #submitAndWait}. */
    public int queued()
    {
        return queued;
    }

    /** Queues a write of {@code length} bytes at {@code buf} to the registered fd; false when the SQ is full. */
    public boolean queueWrite(final long buf, final int length, final long userData)
    {
        return queue(IORING_OP_WRITE, buf, length, userData);
    }

    /** Queues a writev of {@code iovcnt} iovecs at {@code iov} (which must stay valid until completion). */
    public boolean queueWritev(final long iov, final int iovcnt, final long userData)
    {
        return queue(IORING_OP_WRITEV, iov, iovcnt, userData);
    }

    private boolean queue(final byte opcode, final long addr, final int len, final long userData)
    {
        if (queued == entries)
        {
            return false;
        }
        final int index = sqLocalTail & sqMask;
        final long sqe = sqesAddr + (long)index * SQE_LENGTH;
        UnsafeApi.setMemory(sqe, SQE_LENGTH, (byte)0);
        UnsafeApi.putByte(sqe + SQE_OPCODE, opcode);
        UnsafeApi.putByte(sqe + SQE_FLAGS, IOSQE_FIXED_FILE);
        UnsafeApi.putInt(sqe + SQE_FD, 0);
        UnsafeApi.putLong(sqe + SQE_OFF, -1L);
        UnsafeApi.putLong(sqe + SQE_ADDR, addr);
        UnsafeApi.putInt(sqe + SQE_LEN, len);
        UnsafeApi.putLong(sqe + SQE_USER_DATA, userData);
        UnsafeApi.putInt(sqArray + (long)index * Integer.BYTES, index);
        sqLocalTail++;
        queued++;
        return true;
    }

    /**
     * Publishes the queued SQEs and waits until all of them completed, in one {@code io_uring_enter} (more only if
     * interrupted). Completions are then read with {@link #completionResult}/{@link #completionUserData} for
     * {@code i < returned count}, and released with {@link #releaseCompletions}.
     *
     * @return the number of completions ready (= queued), or -errno.
     */
    public int submitAndWait()
    {
        final int n = queued;
        if (n == 0)
        {
            return 0;
        }
        UnsafeApi.putIntRelease(null, sqTail, sqLocalTail);
        int toSubmit = n;
        while (true)
        {
            final long rc = syscall(SYS_io_uring_enter, ringFd, toSubmit, n - ready(), IORING_ENTER_GETEVENTS, 0, 0);
            if (rc < 0)
            {
                final int errno = Native.getLastError();
                if (errno == Errno.EINTR || errno == Errno.EAGAIN)
                {
                    toSubmit = sqLocalTail - UnsafeApi.getIntAcquire(null, sqHead);
                    continue;
                }
                queued = 0;
                return -errno;
            }
            toSubmit -= (int)rc;
            if (ready() >= n)
            {
                queued = 0;
                return n;
            }
            toSubmit = Math.max(toSubmit, 0);
        }
    }

    private int ready()
    {
        return UnsafeApi.getIntAcquire(null, cqTail) - UnsafeApi.getInt(cqHead);
    }

    /** res of the i-th completion not yet released (bytes written, or -errno). */
    public int completionResult(final int i)
    {
        final int head = UnsafeApi.getInt(cqHead);
        return UnsafeApi.getInt(cqes + (long)((head + i) & cqMask) * CQE_LENGTH + CQE_RES);
    }

    public long completionUserData(final int i)
    {
        final int head = UnsafeApi.getInt(cqHead);
        return UnsafeApi.getLong(cqes + (long)((head + i) & cqMask) * CQE_LENGTH + CQE_USER_DATA);
    }

    public void releaseCompletions(final int n)
    {
        UnsafeApi.putIntRelease(null, cqHead, UnsafeApi.getInt(cqHead) + n);
    }

    /** Unmaps the rings and closes the ring fd. Idempotent. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        // the ring's own teardown is asynchronous: unregister the file first, so that closing it (a TAP: removing
        // the netdev) is not delayed by the ring
        syscall(SYS_io_uring_register, ringFd, IORING_UNREGISTER_FILES, 0, 0, 0, 0);
        LibC.munmapChecked(sqesAddr, sqesLength);
        if (cqRingAddr != ringAddr)
        {
            LibC.munmapChecked(cqRingAddr, cqRingLength);
        }
        LibC.munmapChecked(ringAddr, ringLength);
        LibC.closeQuietly(ringFd);
    }
}
