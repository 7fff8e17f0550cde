package io.ethdev4j.pmd.ixgbe.sim;

import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pmd.intel.sim.SimPciFunction;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.pci.PciId;
import io.ethdev4j.sys.Errno;

/**
 * The {@link Ixgbe82599Model} as a {@link PciDevice} for the ixgbe PMD ({@code net_ixgbe_sim}): BAR0 is the model's
 * register file, config space holds the ids. A closed device fails every access with EIO, as a dead transport does.
 */
public final class IxgbeSimDevice extends SimPciFunction
{
    private final Ixgbe82599Model model;
    private boolean closed;

    public IxgbeSimDevice(final Ixgbe82599Model model, final int slot)
    {
        super(new PciId(PciId.VENDOR_INTEL, model.deviceId()), PciAddress.of(0, 0, 4 + slot, 0),
            Ixgbe82599RegisterMap.BAR0_BYTES);
        this.model = model;
    }

    public Ixgbe82599Model model()
    {
        return model;
    }

    @Override
    public String describe()
    {
        return address() + " " + id() + " via the in-process 82599 model (" + model.mode() + ")";
    }

    private void check(final int bar, final long offset, final String op)
    {
        if (closed)
        {
            throw new PciException(Errno.EIO, op + "(offset=0x" + Long.toHexString(offset) + ")", describe() +
                " is closed");
        }
        if (bar != 0)
        {
            throw new PciException(Errno.EINVAL, op + "(bar=" + bar + ")", "the 82599 model has BAR0 only");
        }
    }

    @Override
    public int read32(final int bar, final long offset)
    {
        check(bar, offset, "read32");
        return model.read32(offset);
    }

    @Override
    public void write32(final int bar, final long offset, final int value)
    {
        check(bar, offset, "write32");
        model.write32(offset, value);
    }

    @Override
    public void reset()
    {
        model.write32(0, 1 << 26);
    }

    @Override
    public void close()
    {
        closed = true;
        model.disconnect();
    }
}
