package io.ethdev4j.testpmd.ixgbediff;

import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevPmdProvider;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.pci.PciId;
import io.ethdev4j.pmd.ixgbe.IxgbeEthDev;
import io.ethdev4j.pmd.ixgbe.IxgbePmdProvider;
import io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599Model;
import io.ethdev4j.pmd.ixgbe.sim.IxgbeSimDevice;
import io.ethdev4j.sys.Errno;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test driver {@code net_ixgbe_diff}: net_ixgbe (the PCI driver's code, as {@code net_ixgbe_sim} runs it) over an
 * {@link Ixgbe82599Model} the test built and {@link #offer offered}, so the test still holds the model when testpmd
 * is done with it and can compare its registers with the ones DPDK's driver left in another instance.
 */
public final class IxgbeDiffPmdProvider implements VdevPmdProvider
{
    private static final AtomicReference<Ixgbe82599Model> NEXT = new AtomicReference<>();

    /** The model the next probe drives (one probe takes it). */
    static void offer(final Ixgbe82599Model model)
    {
        NEXT.set(model);
    }

    @Override
    public String driverName()
    {
        return "net_ixgbe_diff";
    }

    @Override
    public Map<String, String> devargs()
    {
        return Map.of();
    }

    @Override
    public EthDevOps probe(final ProbeContext ctx)
    {
        final Ixgbe82599Model model = NEXT.getAndSet(null);
        if (model == null)
        {
            throw EthDevException.of(Errno.ENODEV, "probe(" + ctx.name() + ")", "no model offered by the test");
        }
        final IxgbeSimDevice dev = new IxgbeSimDevice(model, ctx.data().portId());
        return IxgbeEthDev.probe(ctx.data(), ctx.eal(), dev,
            IxgbePmdProvider.macType(new PciId(PciId.VENDOR_INTEL, model.deviceId())), 0, dev::close);
    }
}
