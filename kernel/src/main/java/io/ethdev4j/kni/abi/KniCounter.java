package io.ethdev4j.kni.abi;

/**
 * The kernel side's counters of one KNI interface, by index: what both sides agree on when the application reads them
 * ({@code KniControl.readCounters} fills {@code values[0 .. COUNT)}), as {@link KniRequestId} is for requests.
 * <p>
 * Named from the netdev's point of view as in rte_kni.ko: rx = application → kernel (rx_q), tx = kernel → application
 * (tx_q). The first six are the netdev's own statistics; the rest are the safety counters the module never had.
 */
public final class KniCounter
{
    public static final int RX_PACKETS = 0;
    public static final int RX_BYTES = 1;
    public static final int RX_DROPPED = 2;
    public static final int TX_PACKETS = 3;
    public static final int TX_BYTES = 4;
    public static final int TX_DROPPED = 5;
    /** FIFO entries outside every registered mempool or off an element boundary: dropped, never followed. */
    public static final int BAD_ADDRESS = 6;
    /** In a pool but with buf_addr/buf_len/data_off/data_len inconsistent: returned on free_q untouched. */
    public static final int BAD_BUFFER = 7;
    /** nb_segs/next/pkt_len inconsistent, or a chain loop: returned on free_q untouched. */
    public static final int BAD_CHAIN = 8;
    /** Frames from the netdev longer than mbuf_size or the mbuf's room: dropped. */
    public static final int TX_TOO_BIG = 9;
    /** Write to the TAP failed (errno other than success). */
    public static final int RX_WRITE_ERRORS = 10;
    public static final int COUNT = 11;

    private KniCounter()
    {
    }

    /** The counter's name ({@code rx_packets}, ..., {@code rx_write_errors}). */
    public static String name(final int counter)
    {
        switch (counter)
        {
            case RX_PACKETS: return "rx_packets";
            case RX_BYTES: return "rx_bytes";
            case RX_DROPPED: return "rx_dropped";
            case TX_PACKETS: return "tx_packets";
            case TX_BYTES: return "tx_bytes";
            case TX_DROPPED: return "tx_dropped";
            case BAD_ADDRESS: return "bad_address";
            case BAD_BUFFER: return "bad_buffer";
            case BAD_CHAIN: return "bad_chain";
            case TX_TOO_BIG: return "tx_too_big";
            case RX_WRITE_ERRORS: return "rx_write_errors";
            default: return "counter " + counter;
        }
    }
}
