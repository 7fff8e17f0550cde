package io.ethdev4j.eal;

/** A thread that is an lcore: it carries its lcore id so {@link Lcore#id()} needs no thread-local. */
public class LcoreThread extends Thread
{
    private final int lcoreId;

    public LcoreThread(final int lcoreId, final String name, final Runnable body)
    {
        super(body, name);
        if (lcoreId < 0 || lcoreId >= Lcore.MAX_LCORE)
        {
            throw new IllegalArgumentException("lcore id " + lcoreId + " out of range 0.." + (Lcore.MAX_LCORE - 1));
        }
        this.lcoreId = lcoreId;
        setDaemon(true);
    }

    public final int lcoreId()
    {
        return lcoreId;
    }
}
