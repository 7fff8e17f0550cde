package io.ethdev4j.pci.qemu;

import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pci.PciBar;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.pci.PciId;
import io.ethdev4j.sys.Errno;
import org.agrona.UnsafeApi;

import static io.ethdev4j.pci.PciConfig.*;
import static io.ethdev4j.pci.qemu.MpqemuMessage.*;

/**
 * A QEMU device model reached over mpqemu ({@link QemuNicProcess} owns the process). There is no BAR mmap: every
 * register access is a message round trip (tens of µs), so drivers should poll descriptor DD bits in DMA memory
 * and touch registers once per burst.
 * <p>
 * On open it sizes every BAR (write all-ones, read back, restore) and places memory BARs from
 * {@link #MEM_BAR_BASE} and I/O BARs from {@link #IO_BAR_BASE} (q35 has nothing there; MMCONFIG is at
 * 0xB0000000), then sets COMMAND.MEMORY|IO|MASTER: QEMU serves BAR messages only for BARs mapped in its
 * address space. BAR messages carry absolute bus addresses.
 * <p>
 * DMA: SYNC_SYSMEM maps the caller's memfd into QEMU's system memory at GPA = IOVA. Each message replaces every
 * region, so all regions (at most 7) are resent on each change. GPAs must be at or above 4 GiB (q35's RAM,
 * MMIO and MSI window are below); IOVA = virtual address satisfies that on x86-64. In a runtime {@link QemuNicProcess}
 * calls {@link #mapDma}/{@link #unmapDma} as the runtime's device regions are registered and freed; they are not
 * part of the {@code PciDevice} SPI (drivers map nothing).
 * <p>
 * Thread-safe: one request at a time (uncontended monitor; a successful access allocates nothing).
 */
public final class MpqemuPciDevice implements PciDevice
{
    public static final long MEM_BAR_BASE = 0xC000_0000L;
    public static final int IO_BAR_BASE = 0xC000;
    public static final long MIN_DMA_IOVA = 1L << 32;
    public static final int PAGE_SIZE = 4096;
    private static final int NUM_BARS = 6;

    private final QemuNicProcess owner;
    private final MpqemuChannel channel;
    private final PciAddress address;
    private final PciBar[] bars = new PciBar[NUM_BARS];
    private final long[] barBase = new long[NUM_BARS];
    private final long[] barSize = new long[NUM_BARS];
    private final boolean[] barIo = new boolean[NUM_BARS];
    private final int[] fds = new int[MAX_FDS];
    private final long[] dmaIova = new long[MAX_FDS];
    private final long[] dmaLength = new long[MAX_FDS];
    private final long[] dmaFdOffset = new long[MAX_FDS];
    private int dmaRegions;
    private PciId id;

    MpqemuPciDevice(final QemuNicProcess owner, final MpqemuChannel channel, final PciAddress address)
    {
        this.owner = owner;
        this.channel = channel;
        this.address = address;
    }

    /** Reads the ids, sizes and places the BARs, enables memory/IO decoding and bus mastering. */
    synchronized void open()
    {
        id = PciId.of(readConfig16(PCI_VENDOR_ID), readConfig16(PCI_DEVICE_ID));
        long nextMem = MEM_BAR_BASE;
        int nextIo = IO_BAR_BASE;
        for (int i = 0; i < NUM_BARS; i++)
        {
            final int off = barOffset(i);
            final int orig = readConfig32(off);
            writeConfig32(off, 0xFFFF_FFFF);
            final int lowMask = readConfig32(off);
            writeConfig32(off, orig);
            if (lowMask == 0)
            {
                bars[i] = new PciBar(i, 0, false, false, false, 0);
                continue;
            }
            final boolean io = (lowMask & PCI_BASE_ADDRESS_SPACE_IO) != 0;
            final boolean is64 = !io && (lowMask & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64;
            final boolean prefetch = !io && (lowMask & PCI_BASE_ADDRESS_MEM_PREFETCH) != 0;
            long mask = io ? (lowMask & PCI_BASE_ADDRESS_IO_MASK) & 0xFFFFL : (lowMask & PCI_BASE_ADDRESS_MEM_MASK) & 0xFFFF_FFFFL;
            if (is64)
            {
                final int origHigh = readConfig32(off + 4);
                writeConfig32(off + 4, 0xFFFF_FFFF);
                final long highMask = readConfig32(off + 4) & 0xFFFF_FFFFL;
                writeConfig32(off + 4, origHigh);
                mask |= highMask << 32;
            }
            else
            {
                mask |= io ? ~0xFFFFL : ~0xFFFF_FFFFL;
            }
            final long size = ~mask + 1;
            final long base;
            if (io)
            {
                base = align(nextIo, size);
                nextIo = (int)(base + size);
                writeConfig32(off, (int)base);
            }
            else
            {
                base = align(nextMem, size);
                nextMem = base + size;
                writeConfig32(off, (int)base);
                if (is64)
                {
                    writeConfig32(off + 4, (int)(base >>> 32));
                }
            }
            barBase[i] = base;
            barSize[i] = size;
            barIo[i] = io;
            bars[i] = new PciBar(i, size, io, is64, prefetch, base);
            if (is64)
            {
                i++;
                bars[i] = new PciBar(i, 0, false, false, false, 0); // upper half of the previous BAR
            }
        }
        writeConfig16(PCI_COMMAND, readConfig16(PCI_COMMAND) | PCI_COMMAND_IO | PCI_COMMAND_MEMORY |
            PCI_COMMAND_MASTER);
    }

    private static long align(final long value, final long alignment)
    {
        return (value + alignment - 1) & -alignment;
    }

    @Override
    public PciAddress address()
    {
        return address;
    }

    @Override
    public PciId id()
    {
        return id;
    }

    @Override
    public String describe()
    {
        return address + " " + (id == null ? "?" : id.toString()) + " via " + owner.describe();
    }

    /** The process that hosts the model. */
    public QemuNicProcess process()
    {
        return owner;
    }

    private void checkConfig(final String op, final int offset, final int len)
    {
        if (offset < 0 || offset + len > PCIE_CONFIG_SIZE || (offset & (len - 1)) != 0)
        {
            throw new PciException(Errno.EINVAL, op + "(offset=0x" + Integer.toHexString(offset) + ")", describe() +
                ": offset must be " + len + "-byte aligned and inside the " + PCIE_CONFIG_SIZE + "-byte config space");
        }
    }

    private long configRequest(final int cmd, final int offset, final int value, final int len)
    {
        final long p = channel.payload();
        UnsafeApi.putInt(p + CONF_ADDR_OFFSET, offset);
        UnsafeApi.putInt(p + CONF_VAL_OFFSET, value);
        UnsafeApi.putInt(p + CONF_LEN_OFFSET, len);
        final long ret = channel.request(cmd, CONF_LENGTH, null, 0, true);
        if (cmd == CMD_PCI_CFGWRITE && ret != 0)
        {
            throw new PciException(Errno.EIO, "writeConfig(offset=0x" + Integer.toHexString(offset) + ", len=" + len +
                ")", describe() + ": QEMU answered 0x" + Long.toHexString(ret));
        }
        return ret;
    }

    @Override
    public synchronized int readConfig8(final int offset)
    {
        checkConfig("readConfig8", offset, 1);
        return (int)configRequest(CMD_PCI_CFGREAD, offset, 0, 1) & 0xFF;
    }

    @Override
    public synchronized int readConfig16(final int offset)
    {
        checkConfig("readConfig16", offset, 2);
        return (int)configRequest(CMD_PCI_CFGREAD, offset, 0, 2) & 0xFFFF;
    }

    @Override
    public synchronized int readConfig32(final int offset)
    {
        checkConfig("readConfig32", offset, 4);
        return (int)configRequest(CMD_PCI_CFGREAD, offset, 0, 4);
    }

    @Override
    public synchronized void writeConfig8(final int offset, final int value)
    {
        checkConfig("writeConfig8", offset, 1);
        configRequest(CMD_PCI_CFGWRITE, offset, value & 0xFF, 1);
    }

    @Override
    public synchronized void writeConfig16(final int offset, final int value)
    {
        checkConfig("writeConfig16", offset, 2);
        configRequest(CMD_PCI_CFGWRITE, offset, value & 0xFFFF, 2);
    }

    @Override
    public synchronized void writeConfig32(final int offset, final int value)
    {
        checkConfig("writeConfig32", offset, 4);
        configRequest(CMD_PCI_CFGWRITE, offset, value, 4);
    }

    @Override
    public PciBar bar(final int index)
    {
        if (index < 0 || index >= NUM_BARS)
        {
            throw new PciException(Errno.EINVAL, "bar(index=" + index + ")", describe() + ": BAR index is 0..5");
        }
        return bars[index];
    }

    private long barAddress(final String op, final int bar, final long offset, final int size)
    {
        // Always checked: an access outside a mapped BAR makes QEMU abort.
        if (bar < 0 || bar >= NUM_BARS || barSize[bar] == 0 || offset < 0 || offset + size > barSize[bar] ||
            (offset & (size - 1)) != 0)
        {
            throw new PciException(Errno.EINVAL, op + "(bar=" + bar + ", offset=0x" + Long.toHexString(offset) + ")",
                describe() + ": " + (bar < 0 || bar >= NUM_BARS || barSize[bar] == 0 ? "no such BAR" :
                "outside the BAR's " + barSize[bar] + " bytes or not " + size + "-byte aligned"));
        }
        return barBase[bar] + offset;
    }

    private long barRequest(final int cmd, final int bar, final long addr, final long value, final int size)
    {
        final long p = channel.payload();
        UnsafeApi.putLong(p + BAR_ADDR_OFFSET, addr);
        UnsafeApi.putLong(p + BAR_VAL_OFFSET, value);
        UnsafeApi.putInt(p + BAR_SIZE_OFFSET, size);
        UnsafeApi.putInt(p + BAR_MEMORY_OFFSET, barIo[bar] ? 0 : 1); // bool + 3 pad bytes
        return channel.request(cmd, BAR_LENGTH, null, 0, true);
    }

    @Override
    public synchronized int read32(final int bar, final long offset)
    {
        return (int)barRequest(CMD_BAR_READ, bar, barAddress("read32", bar, offset, 4), 0, 4);
    }

    @Override
    public synchronized void write32(final int bar, final long offset, final int value)
    {
        final long ret = barRequest(CMD_BAR_WRITE, bar, barAddress("write32", bar, offset, 4), value & 0xFFFF_FFFFL, 4);
        if (ret != 0)
        {
            throw new PciException(Errno.EIO, "write32(bar=" + bar + ", offset=0x" + Long.toHexString(offset) + ")",
                describe() + ": QEMU answered 0x" + Long.toHexString(ret));
        }
    }

    @Override
    public synchronized long read64(final int bar, final long offset)
    {
        return barRequest(CMD_BAR_READ, bar, barAddress("read64", bar, offset, 8), 0, 8);
    }

    @Override
    public synchronized void write64(final int bar, final long offset, final long value)
    {
        final long ret = barRequest(CMD_BAR_WRITE, bar, barAddress("write64", bar, offset, 8), value, 8);
        if (ret != 0)
        {
            throw new PciException(Errno.EIO, "write64(bar=" + bar + ", offset=0x" + Long.toHexString(offset) + ")",
                describe() + ": QEMU answered 0x" + Long.toHexString(ret));
        }
    }

    /**
     * Makes {@code lengthBytes} of memory at virtual address {@code va} visible to the model at {@code iova}:
     * {@code fd} is the memfd/hugetlbfs file backing it (QEMU maps it into its own process), {@code fdOffset} where
     * the memory starts in it.
     *
     * @throws PciException EINVAL (no fd, unaligned, iova below 4 GiB), EEXIST (overlap), ENOSPC (more than
     *     {@value MpqemuMessage#MAX_FDS} regions), EIO (QEMU).
     */
    public synchronized void mapDma(final long va, final long iova, final long lengthBytes, final int fd,
        final long fdOffset)
    {
        final String op = "mapDma(va=0x" + Long.toHexString(va) + ", iova=0x" + Long.toHexString(iova) + ", length=" +
            lengthBytes + ", fd=" + fd + ")";
        if (fd < 0)
        {
            throw new PciException(Errno.EINVAL, op, describe() +
                ": the QEMU transport needs the fd of the memfd/hugetlbfs file backing the region");
        }
        if (lengthBytes <= 0 || (lengthBytes & (PAGE_SIZE - 1)) != 0 || (iova & (PAGE_SIZE - 1)) != 0 ||
            (fdOffset & (PAGE_SIZE - 1)) != 0)
        {
            throw new PciException(Errno.EINVAL, op, describe() + ": iova, length and fd offset must be multiples of " +
                PAGE_SIZE);
        }
        if (iova < MIN_DMA_IOVA)
        {
            throw new PciException(Errno.EINVAL, op, describe() + ": iova below 4 GiB collides with q35's RAM and MMIO");
        }
        for (int i = 0; i < dmaRegions; i++)
        {
            if (iova < dmaIova[i] + dmaLength[i] && dmaIova[i] < iova + lengthBytes)
            {
                throw new PciException(Errno.EEXIST, op, describe() + ": overlaps the region at iova 0x" +
                    Long.toHexString(dmaIova[i]));
            }
        }
        if (dmaRegions == MAX_FDS)
        {
            throw new PciException(Errno.ENOSPC, op, describe() + ": mpqemu carries at most " + MAX_FDS +
                " regions; use one large memfd and sub-allocate");
        }
        fds[dmaRegions] = fd;
        dmaIova[dmaRegions] = iova;
        dmaLength[dmaRegions] = lengthBytes;
        dmaFdOffset[dmaRegions] = fdOffset;
        dmaRegions++;
        try
        {
            syncSysmem();
        }
        catch (final RuntimeException ex)
        {
            dmaRegions--;
            throw ex;
        }
    }

    /** Undoes one {@link #mapDma}. */
    public synchronized void unmapDma(final long iova, final long lengthBytes)
    {
        for (int i = 0; i < dmaRegions; i++)
        {
            if (dmaIova[i] == iova && dmaLength[i] == lengthBytes)
            {
                for (int j = i + 1; j < dmaRegions; j++)
                {
                    fds[j - 1] = fds[j];
                    dmaIova[j - 1] = dmaIova[j];
                    dmaLength[j - 1] = dmaLength[j];
                    dmaFdOffset[j - 1] = dmaFdOffset[j];
                }
                dmaRegions--;
                if (dmaRegions > 0)
                {
                    syncSysmem();
                }
                // With no region left there is nothing to send (SYNC_SYSMEM needs >= 1 fd): QEMU keeps the last
                // mapping until it exits, which is harmless because the device is idle by then.
                return;
            }
        }
        throw new PciException(Errno.ENOENT, "unmapDma(iova=0x" + Long.toHexString(iova) + ", length=" + lengthBytes +
            ")", describe() + ": no such mapping");
    }

    private void syncSysmem()
    {
        final long p = channel.payload();
        UnsafeApi.setMemory(p, SYSMEM_LENGTH, (byte)0);
        for (int i = 0; i < dmaRegions; i++)
        {
            UnsafeApi.putLong(p + SYSMEM_GPAS_OFFSET + 8L * i, dmaIova[i]);
            UnsafeApi.putLong(p + SYSMEM_SIZES_OFFSET + 8L * i, dmaLength[i]);
            UnsafeApi.putLong(p + SYSMEM_OFFSETS_OFFSET + 8L * i, dmaFdOffset[i]);
        }
        channel.request(CMD_SYNC_SYSMEM, SYSMEM_LENGTH, fds, dmaRegions, false);
        // SYNC_SYSMEM has no reply; messages are handled in order, so a config read confirms it was applied.
        configRequest(CMD_PCI_CFGREAD, PCI_VENDOR_ID, 0, 2);
    }

    @Override
    public synchronized void reset()
    {
        channel.request(CMD_DEVICE_RESET, 0, null, 0, true);
    }

    /** Closes the channel and stops the QEMU process. Idempotent. */
    @Override
    public void close()
    {
        owner.close();
    }

    synchronized void closeChannel()
    {
        channel.close();
    }
}
