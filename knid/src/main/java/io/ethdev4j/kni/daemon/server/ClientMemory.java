package io.ethdev4j.kni.daemon.server;

import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.FdMemory;
import io.ethdev4j.sys.LibC;

import java.util.ArrayList;
import java.util.List;

/**
 * One client's shared memory as the daemon maps it: each region (a memfd or hugetlbfs file the client passed) at the
 * very address it has in the client, so the kernel side's code follows the FIFO entries, mbuf headers and
 * {@code buf_addr}/{@code next} pointers exactly as it does in-process — and checks each against this client's
 * registered pools only.
 * <p>
 * A region is mapped with {@code MAP_FIXED_NOREPLACE}: it can never cover anything the daemon has mapped (its own
 * memory, or another client's), and another client can never be handed this one's. A region the daemon cannot place
 * there (EEXIST: the range is taken in the daemon) is refused; the client sees the error.
 * <p>
 * A memfd must be sealed against shrinking ({@code F_SEAL_SHRINK}), so the client cannot cut pages away under
 * knid's mapping (a fault in a KNI thread); a file that cannot be sealed (a hugetlbfs file) is taken on its size.
 * <p>
 * Releasing a region does not unmap it at once: it is swapped for anonymous zero pages in place, so a KNI thread that
 * had already checked an mbuf there reads zeros instead of faulting; the placeholder goes when the session ends
 * ({@link #close}), after every thread of the client has stopped.
 * <p>
 * Not thread-safe: the session's thread only.
 */
final class ClientMemory implements AutoCloseable
{
    /** A page: regions are mapped whole. */
    private static final long PAGE = 4096;

    /** One mapped region; {@code refs} counts the pools or interfaces using it. */
    static final class Mapping
    {
        final long address;
        final long length;
        int refs;
        boolean live = true;

        Mapping(final long address, final long length)
        {
            this.address = address;
            this.length = length;
        }

        boolean contains(final long a, final long len)
        {
            return a >= address && len >= 0 && a - address <= length - len;
        }
    }

    private final String client;
    private final long maxBytes;
    private final List<Mapping> mappings = new ArrayList<>();
    private long mappedBytes;

    /** @param maxBytes most bytes this client may have mapped at once (regions still live). */
    ClientMemory(final String client, final long maxBytes)
    {
        this.client = client;
        this.maxBytes = maxBytes;
    }

    /**
     * Maps {@code length} bytes of {@code fd} at {@code address} (or takes another reference on that very region, when
     * the client passes the same one again) and checks that {@code [inner, inner + innerLength)} lies inside. Does not
     * take {@code fd}: the caller closes it (the mapping keeps the file).
     *
     * @throws KniControlException EINVAL naming the problem: misaligned, tiny or wrong fd, overlap.
     */
    Mapping map(final String op, final long address, final long length, final int fd, final long inner,
        final long innerLength)
    {
        final String what = op + "(region=0x" + Long.toHexString(address) + "+" + length + ")";
        if (address == 0 || (address & (PAGE - 1)) != 0 || length <= 0 || (length & (PAGE - 1)) != 0 ||
            address + length < address)
        {
            throw KniControlException.of(Errno.EINVAL, what, "a region is page-aligned and a whole number of pages");
        }
        if (inner < address || innerLength < 0 || inner - address > length - innerLength)
        {
            throw KniControlException.of(Errno.EINVAL, what, "0x" + Long.toHexString(inner) + "+" + innerLength +
                " is not inside the region");
        }
        for (final Mapping m : mappings)
        {
            if (m.live && m.address == address && m.length == length)
            {
                m.refs++;
                return m;
            }
        }
        final long size = FdMemory.size(fd);
        if (size < 0)
        {
            throw KniControlException.of(Errno.EINVAL, what, "fd " + fd + " is not a file that can be mapped (" +
                Errno.name((int)-size) + "): pass the memfd of the region");
        }
        if (size < length)
        {
            throw KniControlException.of(Errno.EINVAL, what, "the file passed has " + size + " bytes, the region " +
                length + ": too small");
        }
        final int seals = FdMemory.seals(fd);
        if (seals >= 0 && (seals & FdMemory.F_SEAL_SHRINK) == 0)
        {
            // a memfd that could shrink under the mapping would make knid's accesses fault
            throw KniControlException.of(Errno.EINVAL, what, "the memfd is not sealed against shrinking: knid " +
                "needs F_SEAL_SHRINK (memfd_create with MFD_ALLOW_SEALING, then fcntl(F_ADD_SEALS))");
        }
        if (mappedBytes + length > maxBytes || mappedBytes + length < 0)
        {
            throw KniControlException.of(Errno.ENOMEM, what, "the client would have " + (mappedBytes + length) +
                " bytes mapped, knid allows " + maxBytes + " (--max-client-memory)");
        }
        // a new pool often lands where a freed one was: over this client's own placeholder, replace it
        final boolean overOwn = insideDead(address, length);
        final int rc = overOwn ? FdMemory.mapOver(address, length, fd) : FdMemory.mapAt(address, length, fd);
        if (rc == -Errno.EEXIST)
        {
            throw KniControlException.of(Errno.EINVAL, what, "overlaps memory already mapped in knid (another " +
                "region of " + client + ", or the daemon's own): refused");
        }
        if (rc < 0)
        {
            throw KniControlException.of(Errno.EINVAL, what, "mmap of the file passed failed: " + Errno.name(-rc) +
                (rc == -Errno.EACCES ? " (the fd must be open for reading and writing)" : ""));
        }
        Mapping m = null;
        for (final Mapping dead : mappings)
        {
            if (!dead.live && dead.address == address && dead.length == length)
            {
                m = dead; // the same region again: one record, however often a client retries
                m.live = true;
                break;
            }
        }
        if (m == null)
        {
            m = new Mapping(address, length);
            mappings.add(m);
        }
        m.refs = 1;
        mappedBytes += length;
        return m;
    }

    private boolean insideDead(final long address, final long length)
    {
        for (final Mapping m : mappings)
        {
            if (!m.live && m.contains(address, length))
            {
                return true;
            }
        }
        return false;
    }

    /** Drops one reference; the last one swaps the mapping for zero pages (unmapped at {@link #close}). */
    void unref(final Mapping m)
    {
        if (!m.live || --m.refs > 0)
        {
            return;
        }
        m.live = false;
        mappedBytes -= m.length;
        FdMemory.replaceWithAnonymous(m.address, m.length);
    }

    /** Bytes of the client's files mapped now. */
    long mappedBytes()
    {
        return mappedBytes;
    }

    /** Unmaps everything. Only once no thread of the client's kernel side runs. Idempotent. */
    @Override
    public void close()
    {
        for (final Mapping m : mappings)
        {
            LibC.munmapChecked(m.address, m.length);
        }
        mappings.clear();
        mappedBytes = 0;
    }
}
