package io.ethdev4j.bus;

import io.ethdev4j.ethdev.EthDevOps;

/**
 * A device a bus found for a devargs string, matched with the driver that claims it (rte_device bound to its
 * rte_driver), before anything is opened: {@link Bus#find} returns it, the runtime checks the name and takes a port
 * id, then {@link #probe} opens the device and calls the driver's typed probe.
 */
public interface MatchedDevice
{
    /** The port's name: the vdev name, or the PCI address in full form ({@code 0000:01:00.0}). */
    String name();

    /** The driver that claims the device. */
    PmdProvider driver();

    /**
     * Opens the device (a PCI function through VFIO; nothing for a vdev) and calls the driver's probe with it. A
     * successful probe hands the device to the driver, which releases it in {@code close()}; if anything fails, what
     * was opened is released before the exception leaves.
     */
    EthDevOps probe(ProbeContext ctx);
}
