package io.ethdev4j.testpmd.fwd;

/**
 * A forwarding engine (testpmd's struct fwd_engine): {@link #streamInit} runs on the control thread when
 * forwarding starts and may allocate; {@link #forward} is the hot path and allocates nothing.
 */
public abstract class FwdEngine
{
    private final String name;

    protected FwdEngine(final String name)
    {
        this.name = name;
    }

    /** The mode name as typed in {@code set fwd} / {@code --forward-mode}. */
    public final String name()
    {
        return name;
    }

    /** Prepares per-stream state (control thread, before the lcore starts). */
    public void streamInit(final FwdStream fs, final FwdParams params)
    {
    }

    /** After the lcores stopped (control thread): releases per-stream state, frees mbufs the engine still holds. */
    public void streamEnd(final FwdStream fs)
    {
    }

    /** One iteration on one stream: receive a burst, process, transmit. Never throws, never allocates. */
    public abstract void forward(FwdStream fs);

    @Override
    public String toString()
    {
        return name;
    }
}
