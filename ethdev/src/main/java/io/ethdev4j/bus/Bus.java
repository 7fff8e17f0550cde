package io.ethdev4j.bus;

import java.util.List;

/**
 * A bus (DPDK's {@code struct rte_bus}) as one runtime uses it: it finds devices, names them, matches them with the
 * drivers that claim them and opens them for the driver's probe. Made per runtime by a {@link BusProvider} (the
 * PCI bus, module bus-pci); the virtual-device bus {@link VdevBus} is the runtime's own.
 * <p>
 * {@code Eal.init} probes device buses first and the vdev bus last (DPDK's order, so PCI ports get the low ids):
 * for each bus, every {@link Candidate} of {@link #scan()} is attached. Hot-plug ({@code Eal.attach}, testpmd's
 * {@code port attach}) gives a device name to the first bus whose {@link #parse} accepts it. Attaching is
 * {@link #find} (nothing opened yet), the runtime's checks and port id, then {@link MatchedDevice#probe}.
 * The runtime calls a bus from one thread at a time (under its lock).
 */
public interface Bus extends AutoCloseable
{
    /** One device {@code Eal.init} probes on this bus, as a devargs string. */
    final class Candidate
    {
        private final String devargs;
        private final boolean requested;

        public Candidate(final String devargs, final boolean requested)
        {
            this.devargs = devargs;
            this.requested = requested;
        }

        public String devargs()
        {
            return devargs;
        }

        /**
         * True when the user named the device ({@code -a}, {@code --vdev}): a failed probe fails init. False for a
         * device a scan found: a failed probe is logged and the device skipped.
         */
        public boolean requested()
        {
            return requested;
        }
    }

    /** rte_bus.name: {@code pci}, {@code vdev}. */
    String name();

    /**
     * rte_bus.parse: whether {@code deviceName} is written the way this bus names its devices (a PCI address for
     * the PCI bus). Hot-plug gives the device to the first bus that says yes; the vdev bus takes any name.
     */
    boolean parse(String deviceName);

    /**
     * rte_bus.scan under the EAL's allow/block policy: the devices init probes on this bus, in probe order.
     * Throws {@code EthDevException} for options that cannot go together (e.g. {@code -a} with {@code --no-pci}).
     */
    List<Candidate> scan();

    /**
     * rte_bus.find_device and the driver match for one device: its port name and the driver that claims it, with
     * the devargs' keys checked against the driver's. Opens nothing. Throws {@code EthDevException} naming
     * {@code probe(<devargs>)} and why (ENODEV, EINVAL, EPERM, ENOTSUP...).
     */
    MatchedDevice find(Devargs devargs);

    /** rte_bus.cleanup: releases what the bus holds for the runtime, after every port has been closed. */
    @Override
    void close();
}
