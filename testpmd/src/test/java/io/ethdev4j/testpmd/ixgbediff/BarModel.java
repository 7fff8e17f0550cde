package io.ethdev4j.testpmd.ixgbediff;

/**
 * A device's BAR0 as {@link ModelServer} serves it to a process running the ixgbe-diff shim: 32-bit reads and writes
 * by offset, called from the server's thread only, in the order the driver issued them. DMA goes through the
 * {@link DmaWindows} the server hands to the model's factory.
 */
public interface BarModel
{
    int read32(int offset);

    void write32(int offset, int value);
}
