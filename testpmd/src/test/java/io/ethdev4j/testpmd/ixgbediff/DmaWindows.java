package io.ethdev4j.testpmd.ixgbediff;

import io.ethdev4j.sys.LibC;

import java.util.ArrayList;
import java.util.List;

/**
 * Another process's DPDK memory, mapped into this one: each window is one of its memfd-backed segments (under
 * {@code --no-huge}, the single {@code memfd:nohuge}), opened through {@code /proc/<pid>/fd/<n>} and mapped shared,
 * so a write here is a write there. {@link #toLocal} translates an address the driver programmed (IOVA = VA in that
 * process) into an address in this one. Windows are added by the server thread; translation is called on the same
 * thread (the model's DMA), so no synchronisation.
 */
public final class DmaWindows implements AutoCloseable
{
    private record Window(long remoteVa, long length, long localVa)
    {
    }

    private final List<Window> windows = new ArrayList<>();
    private boolean closed;

    /** Maps {@code length} bytes at {@code fileOffset} of {@code pid}'s fd {@code fd}, seen there at {@code remoteVa}. */
    void add(final int pid, final int fd, final long remoteVa, final long length, final long fileOffset)
    {
        for (final Window w : windows)
        {
            if (remoteVa < w.remoteVa + w.length && w.remoteVa < remoteVa + length)
            {
                throw new IllegalStateException(String.format(
                    "memory window 0x%x+0x%x overlaps the one at 0x%x+0x%x", remoteVa, length, w.remoteVa, w.length));
            }
        }
        final String path = "/proc/" + pid + "/fd/" + fd;
        final int local = LibC.openChecked(path, LibC.O_RDWR | LibC.O_CLOEXEC, 0);
        try
        {
            final long va = LibC.mmapChecked(0, length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, local,
                fileOffset);
            windows.add(new Window(remoteVa, length, va));
        }
        finally
        {
            LibC.closeChecked(local);
        }
    }

    /** The local address of the {@code length} bytes at the other process's {@code iova}; throws if not all mapped. */
    public long toLocal(final long iova, final long length)
    {
        for (int i = 0; i < windows.size(); i++)
        {
            final Window w = windows.get(i);
            if (iova >= w.remoteVa && iova + length <= w.remoteVa + w.length && length >= 0)
            {
                return w.localVa + (iova - w.remoteVa);
            }
        }
        throw new IllegalArgumentException(String.format(
            "DMA to 0x%x (+%d bytes) is outside the announced DPDK memory %s", iova, length, describe()));
    }

    /** The windows as {@code [0xVA+0xLEN, ...]}. */
    public String describe()
    {
        final StringBuilder sb = new StringBuilder("[");
        for (final Window w : windows)
        {
            sb.append(sb.length() > 1 ? ", " : "").append(String.format("0x%x+0x%x", w.remoteVa, w.length));
        }
        return sb.append(']').toString();
    }

    public int size()
    {
        return windows.size();
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        for (int i = windows.size() - 1; i >= 0; i--)
        {
            LibC.munmapChecked(windows.get(i).localVa, windows.get(i).length);
        }
        windows.clear();
    }
}
