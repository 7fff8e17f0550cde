package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.MbufPool;

/**
 * One forwarding lcore's duty cycle (testpmd's run_pkt_fwd_on_lcore): round-robin over its streams until told
 * to stop. Built and started by the control thread; the loop reads the stop flag once per pass.
 */
public final class FwdLcore implements Runnable
{
    public final int lcoreId;
    private final FwdStream[] streams;
    private final FwdEngine engine;
    private final int txFirstBursts;
    private final StopFlag stop;

    /**
     * @param txFirstBursts bursts of txonly traffic to send on each stream before the engine runs
     *                      ({@code start tx_first [n]})
     */
    public FwdLcore(final int lcoreId, final FwdStream[] streams, final FwdEngine engine, final int txFirstBursts,
        final StopFlag stop)
    {
        this.lcoreId = lcoreId;
        this.streams = streams;
        this.engine = engine;
        this.txFirstBursts = txFirstBursts;
        this.stop = stop;
    }

    public FwdStream[] streams()
    {
        return streams;
    }

    @Override
    public void run()
    {
        final FwdStream[] s = streams;
        final int n = s.length;
        for (int b = 0; b < txFirstBursts; b++)
        {
            for (int i = 0; i < n; i++)
            {
                TxOnlyFwd.sendBurst(s[i]);
            }
        }
        loop(engine, s, n, stop);
        // hand the mbufs cached by this lcore back so the pool's count is right after stop
        for (int i = 0; i < n; i++)
        {
            final MbufPool p = s[i].pool;
            if (p != null && !p.isClosed())
            {
                p.flushCache();
            }
        }
    }

    private static void loop(final FwdEngine engine, final FwdStream[] s, final int n, final StopFlag stop)
    {
        if (n == 1)
        {
            final FwdStream fs = s[0];
            do
            {
                engine.forward(fs);
            }
            while (!stop.isSet());
            return;
        }
        do
        {
            for (int i = 0; i < n; i++)
            {
                engine.forward(s[i]);
            }
        }
        while (!stop.isSet());
    }

    /** The stop request: written by the control thread (release), read by forwarding lcores (acquire). */
    public static final class StopFlag
    {
        private long p1, p2, p3, p4, p5, p6, p7;
        private volatile boolean stop;
        private long q1, q2, q3, q4, q5, q6, q7;

        public boolean isSet()
        {
            return stop;
        }

        public void set()
        {
            stop = true;
        }
    }
}
