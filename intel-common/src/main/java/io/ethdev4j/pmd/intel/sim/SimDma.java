package io.ethdev4j.pmd.intel.sim;

/**
 * How a simulated NIC reaches host memory: the device address (IOVA) a driver programmed into a ring register or a
 * descriptor, translated to an address in this process. In-process drivers program IOVA = VA ({@link #IDENTITY});
 * a model serving another process (a shim forwarding a foreign driver's register accesses) maps that process's
 * memory and translates here. Called on the control path for ring bases and once per buffer on the data path.
 */
@FunctionalInterface
public interface SimDma
{
    /** IOVA = VA: the driver runs in this process. */
    SimDma IDENTITY = (iova, length) -> iova;

    /**
     * The address in this process of {@code length} bytes at device address {@code iova}.
     *
     * @throws RuntimeException (the translator's own, naming the address) when the range is not reachable
     */
    long hostAddress(long iova, long length);
}
