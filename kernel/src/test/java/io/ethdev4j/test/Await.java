package io.ethdev4j.test;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Bounded waiting for a condition (no sleeps for synchronisation: poll with a deadline). */
public final class Await
{
    private Await()
    {
    }

    public static void until(final String what, final long timeoutMs, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                fail("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            LockSupport.parkNanos(200_000);
        }
    }
}
