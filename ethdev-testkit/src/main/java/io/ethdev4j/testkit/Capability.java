package io.ethdev4j.testkit;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a PMD under test can do, declared by its conformance subclass. A suite test that needs a capability the
 * driver lacks either checks the "not supported" behaviour instead (ENOTSUP for control operations) or is skipped
 * with the capability named as the reason.
 */
public enum Capability
{
    /**
     * rx returns packets without the port under test sending anything: by itself (net_null, net_pcap with rx_pcap),
     * or, on a {@link PortFixture#nicPair} or a software {@link PortFixture#pair}, when
     * {@link PortFixture#stimulateRx} has the peer send them (and nothing arrives otherwise).
     */
    RX_WITHOUT_TX,
    /**
     * What the port sends, {@link PortFixture#peer()} receives intact and in order: on rx queue q what tx queue q
     * sent, mbuf chains cut as sent, for software wires; on the queue the receiving NIC picks, in order per flow and
     * cut by its buffer size, on a {@link PortFixture#nicPair}.
     */
    TX_LOOPBACK,
    /**
     * tx refuses packets (returns fewer than offered) when the device is full: when nobody receives (net_ring), or
     * while the link is set down on a {@link PortFixture#nicPair} (which then needs {@link #LINK_UP_DOWN}).
     */
    TX_BACKPRESSURE,
    /**
     * A port without a wire that takes every packet at once: tx accepts the whole burst, never refuses, counts the
     * packets and frees the mbufs before it returns, and nothing comes back (net_null; net_pcap writing a file). The
     * suites' loopback and backpressure tests check exactly that instead of being skipped, and, where the fixture
     * reads the port's output back ({@link PortFixture#withTxRecord}), that the frames written are the ones sent, in
     * order and intact.
     */
    TX_SINK,
    /** The link reports up after start and down after stop, without delay. */
    LINK_FOLLOWS_START,
    /** setLinkUp/setLinkDown are implemented (otherwise they must give ENOTSUP). */
    LINK_UP_DOWN,
    /** setMtu is implemented (otherwise ENOTSUP). */
    MTU_SET,
    /** setMacAddr is implemented (otherwise ENOTSUP). */
    MAC_SET,
    /** promiscuous enable/disable are implemented (otherwise ENOTSUP). */
    PROMISCUOUS,
    /** all-multicast enable/disable are implemented (otherwise ENOTSUP). */
    ALLMULTICAST,
    /** reset is implemented (otherwise ENOTSUP). */
    RESET,
    /**
     * Not an ability but a promise kept: the bursts move mbuf pointers only and never touch an mbuf, as DPDK's
     * net_ring (eth_ring_rx/eth_ring_tx): byte counters stay 0 (packets are counted) and rx leaves the mbuf's port
     * field as the sender left it.
     */
    POINTERS_ONLY;

    /**
     * The capabilities of a driver on a {@link PortFixture#nicPair}: the traffic ones such a wire gives every NIC
     * driver ({@link #RX_WITHOUT_TX} through the peer's stimulus, {@link #TX_LOOPBACK}, {@link #TX_BACKPRESSURE}
     * by setting the link down) plus the driver's own, so that a NIC pair's conformance subclass declares only what
     * its driver implements.
     */
    public static Set<Capability> onNicPair(final Capability... driverCapabilities)
    {
        final Set<Capability> set = EnumSet.of(RX_WITHOUT_TX, TX_LOOPBACK, TX_BACKPRESSURE);
        for (final Capability c : driverCapabilities)
        {
            set.add(c);
        }
        return set;
    }
}
