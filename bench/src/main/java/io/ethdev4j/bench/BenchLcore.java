package io.ethdev4j.bench;

import io.ethdev4j.eal.Lcore;

/**
 * Makes the JMH worker thread an lcore. A mempool's per-lcore cache is only used by lcores ({@link Lcore#id()}
 * &ge; 0), and JMH runs {@code @Benchmark} methods in its own worker threads, which are not
 * {@link io.ethdev4j.eal.LcoreThread}s. Call {@link #ensure(int)} from an {@code @Setup(Level.Iteration)} method:
 * JMH runs those on the worker thread that then runs the iteration, so a change of worker thread between
 * iterations is covered too.
 */
final class BenchLcore
{
    private BenchLcore()
    {
    }

    /** Registers the calling thread as lcore {@code lcoreId} unless it already is that lcore. */
    static void ensure(final int lcoreId)
    {
        if (Lcore.id() != lcoreId)
        {
            Lcore.registerMain(lcoreId);
        }
    }

    /** Fails the benchmark if the calling thread is not lcore {@code lcoreId} (the cache would be bypassed). */
    static void require(final int lcoreId, final String benchmark)
    {
        final int id = Lcore.id();
        if (id != lcoreId)
        {
            throw new IllegalStateException(benchmark + ": worker thread " + Thread.currentThread().getName() +
                " is lcore " + id + ", expected " + lcoreId + "; the mempool cache would not be used");
        }
    }
}
