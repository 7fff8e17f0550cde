package io.ethdev4j.testkit;

/**
 * What a PMD under test can do, declared by its conformance subclass. A suite test that needs a capability the
 * driver lacks either checks the "not supported" behaviour instead (ENOTSUP for control operations) or is skipped
 * with the capability named as the reason.
 */
public enum Capability
{
    /** rx returns packets without anything being sent (net_null, net_pcap with rx_pcap). */
    RX_WITHOUT_TX,
    /** What the port sends on tx queue q, {@link PortFixture#peer()} receives on rx queue q, in order, intact. */
    TX_LOOPBACK,
    /** tx refuses packets (returns fewer than offered) when the device is full and nobody receives. */
    TX_BACKPRESSURE,
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
    RESET
}
