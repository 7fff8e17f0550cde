package io.ethdev4j.pdump;

import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.SysException;
import org.agrona.UnsafeApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static io.ethdev4j.pdump.CaptureRegionDescriptor.*;

/**
 * A mapped {@link CaptureRegionDescriptor capture region}: a file in {@code /dev/shm} (tmpfs) that the capture client
 * {@link #create creates} and lays out, and the application {@link #map maps} on {@code ENABLE}. Once both have it
 * mapped the client unlinks the file, so nothing is left behind; the pages live until the last mapping goes.
 * {@link #close()} unmaps (idempotent).
 */
public final class CaptureRegion implements AutoCloseable
{
    private final long address;
    private final long length;
    private boolean closed;

    private CaptureRegion(final long address, final long length)
    {
        this.address = address;
        this.length = length;
    }

    /**
     * Client side: creates {@code file} (mode 0600, it must not exist), fills it with zeros (so that tmpfs gives it
     * its pages now: a file that outgrew a full tmpfs would SIGBUS the application's data path, a full tmpfs now is
     * an error here), maps it, and writes the header, the filter and one ring header per
     * {@code (ports[i], queues[i], directions[i])}.
     */
    public static CaptureRegion create(final Path file, final int snaplen, final int ringCapacity,
        final long[] filter, final int[] ports, final int[] queues, final int[] directions)
    {
        final int filterLen = filter == null ? 0 : filter.length;
        final int rings = ports.length;
        final long length = regionLength(filterLen, ringCapacity, rings);
        try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))))
        {
            final ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
            for (long written = 0; written < length; )
            {
                zeros.clear().limit((int)Math.min(zeros.capacity(), length - written));
                written += ch.write(zeros, written);
            }
        }
        catch (final IOException ex)
        {
            deleteQuietly(file);
            throw new UncheckedIOException("cannot create capture region " + file + " of " + length + " bytes: " + ex, ex);
        }
        final CaptureRegion region;
        try
        {
            region = mapFile(file, length);
        }
        catch (final RuntimeException ex)
        {
            deleteQuietly(file);
            throw ex;
        }
        final long a = region.address;
        UnsafeApi.putInt(a + VERSION_OFFSET, VERSION);
        UnsafeApi.putInt(a + RING_COUNT_OFFSET, rings);
        UnsafeApi.putInt(a + SNAPLEN_OFFSET, snaplen);
        UnsafeApi.putInt(a + FILTER_LEN_OFFSET, filterLen);
        UnsafeApi.putInt(a + RING_CAPACITY_OFFSET, ringCapacity);
        UnsafeApi.putLong(a + REGION_LENGTH_OFFSET, length);
        for (int i = 0; i < filterLen; i++)
        {
            UnsafeApi.putLong(a + insnOffset(i), filter[i]);
        }
        for (int r = 0; r < rings; r++)
        {
            final long ring = a + ringOffset(filterLen, ringCapacity, r);
            UnsafeApi.putShort(ring + CaptureRingDescriptor.PORT_OFFSET, (short)ports[r]);
            UnsafeApi.putShort(ring + CaptureRingDescriptor.QUEUE_OFFSET, (short)queues[r]);
            UnsafeApi.putInt(ring + CaptureRingDescriptor.DIRECTION_OFFSET, directions[r]);
        }
        UnsafeApi.putLongRelease(null, a + MAGIC_OFFSET, MAGIC);
        return region;
    }

    /** Application side: maps an existing region read-write (its header is checked by the caller). */
    public static CaptureRegion map(final Path file)
    {
        final long length;
        try
        {
            length = Files.size(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot stat capture region " + file + ": " + ex, ex);
        }
        if (length < HEADER_LENGTH)
        {
            throw new IllegalArgumentException("capture region " + file + " is " + length + " bytes, shorter than its " +
                HEADER_LENGTH + "-byte header");
        }
        return mapFile(file, length);
    }

    private static CaptureRegion mapFile(final Path file, final long length)
    {
        final int fd = LibC.openChecked(file.toString(), LibC.O_RDWR | LibC.O_CLOEXEC, 0);
        try
        {
            if (Files.size(file) != length)
            {
                throw new IllegalArgumentException("capture region " + file + " changed size while being mapped");
            }
            final long a = LibC.mmapChecked(0, length, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_SHARED | LibC.MAP_POPULATE, fd, 0);
            return new CaptureRegion(a, length);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            LibC.closeQuietly(fd);
        }
    }

    public static void deleteQuietly(final Path file)
    {
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ignore)
        {
            // best effort
        }
    }

    public long address()
    {
        return address;
    }

    public long length()
    {
        return length;
    }

    public int ringCount()
    {
        return UnsafeApi.getInt(address + RING_COUNT_OFFSET);
    }

    public int snaplen()
    {
        return UnsafeApi.getInt(address + SNAPLEN_OFFSET);
    }

    public int filterLen()
    {
        return UnsafeApi.getInt(address + FILTER_LEN_OFFSET);
    }

    public int ringCapacity()
    {
        return UnsafeApi.getInt(address + RING_CAPACITY_OFFSET);
    }

    /** Address of ring {@code r}'s header. */
    public long ring(final int r)
    {
        return address + ringOffset(filterLen(), ringCapacity(), r);
    }

    public int ringPort(final int r)
    {
        return UnsafeApi.getShort(ring(r) + CaptureRingDescriptor.PORT_OFFSET) & 0xFFFF;
    }

    public int ringQueue(final int r)
    {
        return UnsafeApi.getShort(ring(r) + CaptureRingDescriptor.QUEUE_OFFSET) & 0xFFFF;
    }

    public int ringDirection(final int r)
    {
        return UnsafeApi.getInt(ring(r) + CaptureRingDescriptor.DIRECTION_OFFSET);
    }

    /**
     * Application side: checks what the client wrote, so that nothing it says can make the data path write outside
     * the mapping.
     *
     * @throws IllegalArgumentException naming the first bad field
     */
    public BpfProgram validate()
    {
        final long a = address;
        check(UnsafeApi.getLongAcquire(null, a + MAGIC_OFFSET) == MAGIC, "bad magic (not a capture region)");
        final int version = UnsafeApi.getInt(a + VERSION_OFFSET);
        check(version == VERSION, "version " + version + ", this application speaks " + VERSION);
        final int rings = ringCount();
        check(rings >= 1 && rings <= MAX_RINGS, "ring_count " + rings + " not within 1.." + MAX_RINGS);
        final int capacity = ringCapacity();
        check(capacity >= MIN_RING_CAPACITY && capacity <= MAX_RING_CAPACITY && Integer.bitCount(capacity) == 1,
            "ring_capacity " + capacity + " is not a power of two within " + MIN_RING_CAPACITY + ".." + MAX_RING_CAPACITY);
        final int snaplen = snaplen();
        check(snaplen >= 1 && snaplen <= MAX_SNAPLEN, "snaplen " + snaplen + " not within 1.." + MAX_SNAPLEN);
        check(2L * CaptureRingDescriptor.recordStride(snaplen) <= capacity, "ring_capacity " + capacity +
            " cannot hold two records of snaplen " + snaplen);
        final int filterLen = filterLen();
        check(filterLen >= 0 && filterLen <= MAX_FILTER_LEN, "filter_len " + filterLen + " not within 0.." + MAX_FILTER_LEN);
        final long expected = regionLength(filterLen, capacity, rings);
        final long declared = UnsafeApi.getLong(a + REGION_LENGTH_OFFSET);
        check(declared == expected && length == expected, "region_length " + declared + ", mapped " + length +
            ", layout needs " + expected);
        if (filterLen == 0)
        {
            return null;
        }
        final short[] code = new short[filterLen];
        final byte[] jt = new byte[filterLen];
        final byte[] jf = new byte[filterLen];
        final int[] k = new int[filterLen];
        for (int i = 0; i < filterLen; i++)
        {
            final long insn = a + insnOffset(i);
            code[i] = UnsafeApi.getShort(insn + INSN_CODE_OFFSET);
            jt[i] = UnsafeApi.getByte(insn + INSN_JT_OFFSET);
            jf[i] = UnsafeApi.getByte(insn + INSN_JF_OFFSET);
            k[i] = UnsafeApi.getInt(insn + INSN_K_OFFSET);
        }
        return BpfProgram.of(code, jt, jf, k);
    }

    private static void check(final boolean ok, final String what)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(what);
        }
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            LibC.munmapChecked(address, length);
        }
        catch (final SysException ignore)
        {
            // nothing else to release
        }
    }

    /** A filter instruction packed as the region stores it (little-endian struct bpf_insn). */
    public static long packInsn(final int code, final int jt, final int jf, final int k)
    {
        return (code & 0xFFFFL) | (jt & 0xFFL) << 16 | (jf & 0xFFL) << 24 | (k & 0xFFFFFFFFL) << 32;
    }
}
