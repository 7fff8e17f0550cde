package io.ethdev4j.kni.daemon;

import io.ethdev4j.sys.FdMemory;
import io.ethdev4j.sys.LibC;

/**
 * Memory as another process would pass it to knid, made inside the test's JVM (where an in-process knid runs): a memfd
 * of {@code length} bytes the test sees through a mapping of its own ({@link #view}), and a free address
 * ({@link #address}) — mapped by nobody — which the test claims the memory has "in the client", so knid maps it there.
 */
final class ForeignMemory implements AutoCloseable
{
    final int fd;
    final long length;
    final long view;
    final long address;

    ForeignMemory(final String name, final long length)
    {
        this(name, length, true);
    }

    /** @param sealed with F_SEAL_SHRINK, as knid requires of a memfd. */
    ForeignMemory(final String name, final long length, final boolean sealed)
    {
        this.length = length;
        fd = LibC.memfdCreate("kd15-" + name, LibC.MFD_CLOEXEC | LibC.MFD_ALLOW_SEALING);
        LibC.ftruncateChecked(fd, length);
        if (sealed && FdMemory.addSeals(fd, FdMemory.F_SEAL_SHRINK) != 0)
        {
            throw new AssertionError("F_ADD_SEALS failed");
        }
        view = LibC.mmapChecked(0, length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
        address = NEXT.getAndAdd((length + 0xFFFF) & ~0xFFFFL);
    }

    /**
     * Where the "client" addresses come from: far from where Linux puts mappings (below the stack, top-down) or the
     * JVM its heap (low), so nothing of this process is there when knid maps them. Per test JVM, a window of its own.
     */
    private static final java.util.concurrent.atomic.AtomicLong NEXT =
        new java.util.concurrent.atomic.AtomicLong(0x5A00_0000_0000L + (ProcessHandle.current().pid() % 4096) * (1L << 32));

    /** The test's view of what knid sees at {@code a} (an address in {@link #address}'s range). */
    long viewOf(final long a)
    {
        return view + (a - address);
    }

    @Override
    public void close()
    {
        LibC.munmapChecked(view, length);
        LibC.closeQuietly(fd);
    }
}
