package io.ethdev4j.eal;

/**
 * Logical cores: which lcore the calling thread is (rte_lcore_id).
 * <p>
 * An lcore is either an {@link LcoreThread} started by the runtime or the thread that initialised the runtime
 * (the main lcore). Any other thread is {@link #ID_ANY} and, as in DPDK, has no mempool cache.
 */
public final class Lcore
{
    /** RTE_MAX_LCORE. */
    public static final int MAX_LCORE = 128;
    /** LCORE_ID_ANY. */
    public static final int ID_ANY = -1;

    private static volatile Thread mainThread;
    private static volatile int mainLcoreId = ID_ANY;

    private Lcore()
    {
    }

    /** The calling thread's lcore id, or {@link #ID_ANY}. Cheap: no thread-local lookup. */
    public static int id()
    {
        final Thread t = Thread.currentThread();
        if (t instanceof LcoreThread)
        {
            return ((LcoreThread)t).lcoreId();
        }
        return t == mainThread ? mainLcoreId : ID_ANY;
    }

    /** Makes the calling thread the main lcore (done by the runtime's init). */
    public static void registerMain(final int lcoreId)
    {
        mainLcoreId = lcoreId;
        mainThread = Thread.currentThread();
    }

    /** Forgets the main lcore (runtime close). */
    public static void unregisterMain(final Thread thread)
    {
        if (mainThread == thread)
        {
            mainThread = null;
            mainLcoreId = ID_ANY;
        }
    }
}
