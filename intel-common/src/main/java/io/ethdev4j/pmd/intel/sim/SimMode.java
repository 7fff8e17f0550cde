package io.ethdev4j.pmd.intel.sim;

/** What a simulated Intel NIC ({@code net_igb_sim}, later {@code net_ixgbe_sim}) does with descriptors. */
public enum SimMode
{
    /**
     * A tail write to an rx ring completes every descriptor handed over as a received frame of a fixed length (the
     * buffer left as it is); a tail write to a tx ring completes every new descriptor and drops the frames. For
     * benchmarks: the PMD's own cost per packet.
     */
    INSTANT,
    /** Transmitted frames are received on the rx queue of the same index. */
    LOOPBACK,
    /** Transmitted frames are kept for the test to poll; frames arrive only when the test injects them. */
    WIRE
}
