package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FwdStreamRetryTest
{
    /** A tx queue that takes at most {@code perCall} packets per burst and frees what it takes. */
    private static final class TrickleTx implements TxBurst
    {
        private final int perCall;
        int calls;

        TrickleTx(final int perCall)
        {
            this.perCall = perCall;
        }

        @Override
        public int txBurst(final Mbuf[] pkts, final int offset, final int nbPkts)
        {
            calls++;
            final int n = Math.min(perCall, nbPkts);
            Mbuf.freeBulk(pkts, offset, n);
            return n;
        }
    }

    private static void run(final boolean retry, final int perCall, final int expectSent, final int expectDropped,
        final int expectCalls)
    {
        try (MbufPool pool = MbufPool.create("retry" + retry + perCall, 255, 0, 0, 2176))
        {
            final FwdStream fs = new FwdStream(0, 0, 1, 0, 0);
            fs.retry = retry;
            final Mbuf[] pkts = new Mbuf[32];
            assertEquals(32, pool.allocBulk(pkts, 0, 32));
            final TrickleTx tx = new TrickleTx(perCall);
            FwdStream.sendOrDrop(fs, tx, pkts, 32);
            assertEquals(expectSent, fs.txPackets);
            assertEquals(expectDropped, fs.fwdDropped);
            assertEquals(expectCalls, tx.calls);
            assertEquals(0, pool.inUse(), "sent packets are the queue's, dropped ones are freed");
        }
    }

    @Test
    void shouldDropWhatTxDidNotTakeWithoutRetry()
    {
        run(false, 10, 10, 22, 1);
    }

    @Test
    void shouldRetryPartialTxUntilEverythingIsSent()
    {
        run(true, 10, 32, 0, 4);
    }

    @Test
    void shouldGiveUpAfterSixtyFourRetries()
    {
        run(true, 0, 0, 32, 1 + FwdStream.BURST_TX_RETRY_NUM);
    }
}
