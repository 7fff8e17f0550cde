package io.ethdev4j.pmd.intel;

import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.sys.Errno;
import org.agrona.UnsafeApi;

/**
 * One queue's tail register (RDT or TDT), the doorbell a burst writes once: how it is reached is chosen once, when
 * the queue is set up, from what the transport offers.
 * <ul>
 * <li><b>Mapped BAR</b> (kernel VFIO: {@link PciDevice#mappedBarAddress} is not 0): a release store of 32 bits at the
 * register's address in this process, as DPDK's {@code rte_write32} (on x86 one plain {@code mov}; no call, no
 * bounds check, no trailing fence).</li>
 * <li><b>Register write through the device</b> (everything else): {@link PciDevice#write32}, which is a message to
 * QEMU on the mpqemu transport and a direct call into the model for an in-process simulator (whose doorbell handler
 * completes the descriptors). A transport failure (QEMU died, the device was closed) makes {@link #write} return
 * false; the queue then stops moving packets.</li>
 * </ul>
 * Why the burst stays fast: the queue classes hold a {@code TailRegister} (one final class), so their call site is
 * monomorphic and inlined; inside, the mapped/not mapped branch is the same for the queue's whole life and predicted.
 * The interface call to {@code write32} is reached only by the non-MMIO transports, in practice one or two kinds per
 * JVM (bimorphic), once per burst and never per packet. Nothing allocates.
 * <p>
 * Ordering: every store the caller made before {@link #write} (the descriptors) is visible to the device before the
 * tail is.
 */
public final class TailRegister
{
    private final PciDevice dev;
    private final int bar;
    private final long offset;
    /** The register's address in this process, or 0 to write through {@link #dev}. Written by the control path. */
    private long address;

    private TailRegister(final PciDevice dev, final int bar, final long offset, final long address)
    {
        this.dev = dev;
        this.bar = bar;
        this.offset = offset;
        this.address = address;
    }

    /**
     * The tail register at {@code offset} in BAR {@code bar} of {@code dev}: a store into the BAR's mapping when the
     * transport has one, otherwise register writes through {@code dev}.
     */
    public static TailRegister of(final PciDevice dev, final int bar, final long offset)
    {
        final long base = dev.mappedBarAddress(bar);
        if (base != 0)
        {
            final long size = dev.bar(bar).sizeBytes();
            if (offset < 0 || offset + 4 > size || (offset & 3) != 0)
            {
                throw new PciException(Errno.EINVAL, "TailRegister.of(bar=" + bar + ", offset=0x" +
                    Long.toHexString(offset) + ")", dev.describe() + ": outside the " + size + "-byte BAR or unaligned");
            }
            return new TailRegister(dev, bar, offset, base + offset);
        }
        return new TailRegister(dev, bar, offset, 0);
    }

    /** Whether writes are stores into a mapped BAR (the VFIO fast path). */
    public boolean isMapped()
    {
        return address != 0;
    }

    /** The register's offset in its BAR. */
    public long offset()
    {
        return offset;
    }

    /**
     * Hot path: writes {@code value} to the register, after every store made before it. Never throws: false when the
     * device could not be reached.
     */
    public boolean write(final int value)
    {
        final long a = address;
        if (a != 0)
        {
            UnsafeApi.putIntRelease(null, a, value);
            return true;
        }
        UnsafeApi.storeFence();
        try
        {
            dev.write32(bar, offset, value);
            return true;
        }
        catch (final RuntimeException ex)
        {
            return false;
        }
    }

    /**
     * Control path (queue release): writes go through the device from now on, so that a burst after the device was
     * closed fails as a transport error instead of storing into an unmapped BAR. Must not race a burst.
     */
    public void detach()
    {
        address = 0;
    }

    @Override
    public String toString()
    {
        return "TailRegister[bar=" + bar + ", offset=0x" + Long.toHexString(offset) + (address != 0 ? ", mapped" :
            ", via " + dev.describe()) + "]";
    }
}
