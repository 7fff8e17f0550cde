package io.ethdev4j.testkit;

import org.junit.jupiter.api.Assertions;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waiting for a condition (instead of sleeping a guessed time). */
public final class Await
{
    private Await()
    {
    }

    /** Polls {@code condition} every ~100 µs until it holds; fails naming {@code what} after {@code timeout}. */
    public static void until(final BooleanSupplier condition, final Duration timeout, final String what)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                Assertions.fail("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
