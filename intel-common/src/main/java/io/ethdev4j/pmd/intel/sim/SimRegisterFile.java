package io.ethdev4j.pmd.intel.sim;

/**
 * What {@link SimDescriptorEngine} needs from a simulated NIC's register file: each queue's ring (base, size, head,
 * tail), whether the NIC would move data on it (its own enable bits), its receive buffer size, and where to count.
 * The NIC's model implements it over its registers with its own offsets; the engine never sees an offset.
 */
public interface SimRegisterFile
{
    /** RDBAL/RDBAH of rx queue {@code q}. */
    long rxRingAddress(int q);

    /** RDLEN in descriptors (0: no ring). */
    int rxRingDescriptors(int q);

    int rxHead(int q);

    void rxHead(int q, int head);

    int rxTail(int q);

    /** Whether the NIC receives on queue {@code q} (its receiver and queue enables, a ring given). */
    boolean rxEnabled(int q);

    /** SRRCTL's buffer size in bytes for queue {@code q}. */
    int rxBufferBytes(int q);

    long txRingAddress(int q);

    int txRingDescriptors(int q);

    int txHead(int q);

    void txHead(int q, int head);

    int txTail(int q);

    /** Whether the NIC transmits from queue {@code q}. */
    boolean txEnabled(int q);

    /** {@code frames} good frames of {@code bytes} in all (CRC not included) were received. */
    void countRx(int frames, long bytes);

    /** {@code frames} good frames of {@code bytes} in all (CRC not included) were transmitted. */
    void countTx(int frames, long bytes);

    /** A frame was dropped on receive: {@code noDescriptor} when the ring had too few, else the queue was off or the
     * frame too long. */
    void countMissed(boolean noDescriptor);
}
