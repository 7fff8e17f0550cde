package io.ethdev4j.kni.abi;

/**
 * The doorbell word in the sync area (an ethdev4j addition beside {@code struct rte_kni_request}, which stays at 0):
 * how the application learns that the KNI thread serving the interface is about to sleep, so that it wakes it when it
 * puts packets on rx_q instead of leaving them to the next scheduling interval (as virtio suppresses notifications
 * while the other side polls).
 * <pre>
 *  sync area:   0               17                    64        68
 *               | rte_kni_request |  (unused)          | doorbell |
 *                                                      ^ u32, own cache line
 * </pre>
 * <ul>
 * <li>Writer 1 (kernel side): the KNI thread stores 1 before it sleeps, with a full fence, then checks rx_q once more
 *     (and does not sleep if something arrived); it stores 0 when it wakes.</li>
 * <li>Writer 0 (application): after putting packets on rx_q and a full fence, if the word is 1 it swaps it to 0
 *     and signals the thread's eventfd ({@code KniControl.doorbellFd}): one signal per sleep.</li>
 * </ul>
 * The two fences make the race safe: either the thread sees the new rx_q entries before sleeping, or the application
 * sees the 1 and signals.
 */
public final class KniDoorbellDescriptor
{
    /** Offset of the doorbell word in the sync area: a cache line of its own after the request. */
    public static final int DOORBELL_OFFSET = 64;
    /** The thread will sleep (or sleeps): signal it. */
    public static final int SLEEPING = 1;
    /** The thread polls: nothing to do. */
    public static final int AWAKE = 0;
    /** The sync area length the doorbell needs. */
    public static final int SYNC_LENGTH = DOORBELL_OFFSET + Integer.BYTES;

    private KniDoorbellDescriptor()
    {
    }
}
