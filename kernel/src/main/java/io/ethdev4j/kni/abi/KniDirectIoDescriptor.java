package io.ethdev4j.kni.abi;

/**
 * Direct I/O words in the sync area (an ethdev4j addition, after the {@link KniDoorbellDescriptor doorbell}): how the
 * KNI thread lends the interface's TAP to the application while it sleeps, so that a quiet interface's frames move on
 * the application's lcore (one {@code read}/{@code write} each, as DPDK's net_tap) instead of waking the thread on a
 * CPU that the interface's own peers (the processes behind the netdev) need.
 * <pre>
 *  sync area:  64        68 ... 128     132         136 ... 144
 *              | doorbell |     | lend  | app_direct |      | app_poll_ns |
 *                               ^ u32   ^ u32               ^ u64, own cache line with lend
 * </pre>
 * <ul>
 * <li>{@code app_direct} (writer: the application): 1 while the application can read and write the TAP itself (it
 *     holds the TAP's fd: the kernel side runs in its process); the thread lends only then. 0 at release.</li>
 * <li>{@code lend} (both): {@link #OWNED} — the thread does all TAP I/O; {@link #LENT} — the thread sleeps and lent
 *     the TAP (it stored this after arming the doorbell, with nothing on rx_q); {@link #APP} — the application holds
 *     it, for one short burst (it swapped LENT → APP, and stores LENT when done). Before its next pass the thread swaps
 *     LENT → OWNED, waiting while the word says APP. So at any time one side does TAP I/O, and frames keep their
 *     order: the application moves frames directly only with rx_q empty (transmit) and tx_q drained (receive).</li>
 * <li>{@code app_poll_ns} (writer: the application): CLOCK_MONOTONIC time of its last direct receive attempt. While
 *     it is recent ({@link #APP_POLLING_NS}) the sleeping thread leaves the TAP out of its poll set: the application is
 *     reading it, and a wake-up per frame is what lending avoids.</li>
 * </ul>
 * The sync area is zero at creation: OWNED, no direct I/O.
 */
public final class KniDirectIoDescriptor
{
    /** Offset of the lend word: a cache line of its own, away from the request and the doorbell. */
    public static final int LEND_OFFSET = 128;
    /** Offset of the application's direct-I/O flag. */
    public static final int APP_DIRECT_OFFSET = 132;
    /** Offset of the application's last direct receive attempt (u64, ns). */
    public static final int APP_POLL_NS_OFFSET = 136;
    /** The sync area length these words need. */
    public static final int SYNC_LENGTH = APP_POLL_NS_OFFSET + Long.BYTES;

    /** The thread does the TAP I/O. */
    public static final int OWNED = 0;
    /** The thread sleeps and lent the TAP: the application may take it. */
    public static final int LENT = 1;
    /** The application holds the TAP for one burst. */
    public static final int APP = 2;

    /** An application that tried a direct receive this recently is polling the TAP: the thread need not watch it. */
    public static final long APP_POLLING_NS = 10_000_000L;

    private KniDirectIoDescriptor()
    {
    }
}
