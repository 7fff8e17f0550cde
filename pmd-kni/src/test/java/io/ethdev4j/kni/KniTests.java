package io.ethdev4j.kni;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.test.TestNetns;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the KNI library tests share. */
final class KniTests
{
    private KniTests()
    {
    }

    /**
     * A test's end: closes the context (releasing every KNI), checks that every mbuf of {@code pool} is back, then closes
     * the EAL and the namespace, also when the check or a close fails. Any argument may be null (set-up failed early).
     */
    static void closeAll(final KniContext ctx, final MbufPool pool, final Eal eal, final TestNetns ns)
    {
        try
        {
            if (ctx != null)
            {
                ctx.close();
                assertEquals(0, pool.inUse(), "mbufs leaked");
            }
        }
        finally
        {
            try
            {
                if (eal != null)
                {
                    eal.close();
                }
            }
            finally
            {
                if (ns != null)
                {
                    ns.close();
                }
            }
        }
    }
}
