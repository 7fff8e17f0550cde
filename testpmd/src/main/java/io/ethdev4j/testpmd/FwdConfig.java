package io.ethdev4j.testpmd;

import io.ethdev4j.testpmd.fwd.FwdStream;

import java.util.ArrayList;
import java.util.List;

/**
 * The forwarding configuration in use (DPDK's {@code cur_fwd_config}): the streams over the forwarding ports and
 * queues, and which lcore runs which streams. {@link #setup} (fwd_config_setup) computes it from a
 * {@link TestPmdConfig}; it changes only when set up again, so {@code show config fwd} shows what runs.
 */
final class FwdConfig
{
    /** The engine the streams were set up for. */
    final String engineName;
    final FwdStream[] streams;
    /** Stream indexes per forwarding lcore (index = position in the forwarding lcore list). */
    final int[][] lcoreStreams;

    private FwdConfig(final String engineName, final FwdStream[] streams, final int[][] lcoreStreams)
    {
        this.engineName = engineName;
        this.streams = streams;
        this.lcoreStreams = lcoreStreams;
    }

    /** Before the first set-up: no streams. */
    static FwdConfig empty(final TestPmdConfig cfg)
    {
        return new FwdConfig(cfg.fwdMode(), new FwdStream[0], new int[0][]);
    }

    /**
     * fwd_config_setup: one stream per forwarding port (queue 0 → 0), or per port and queue when there are several
     * rx and tx queues; the tx port follows the topology; streams are spread over at most nb-cores lcores, the
     * extra ones going to the last lcores.
     */
    static FwdConfig setup(final TestPmdConfig cfg)
    {
        final int np = cfg.nbFwdPorts();
        final List<FwdStream> list = new ArrayList<>();
        final int nq = cfg.nbRxq() > 1 && cfg.nbTxq() > 1 ? Math.min(cfg.nbRxq(), cfg.nbTxq()) : 1;
        for (int q = 0; q < nq; q++)
        {
            for (int i = 0; i < np; i++)
            {
                final int tx = cfg.fwdPort(txPortIndex(cfg.topology(), i, np));
                list.add(new FwdStream(cfg.fwdPort(i), q, tx, q, cfg.peer(tx)));
            }
        }
        int nbLc = cfg.nbFwdLcores();
        if (list.size() < nbLc)
        {
            nbLc = Math.max(list.size(), 1);
        }
        final FwdStream[] streams = list.toArray(new FwdStream[0]);
        final int[][] lcoreStreams = new int[nbLc][];
        final int per = streams.length / nbLc;
        final int extra = streams.length % nbLc;
        int sm = 0;
        for (int lc = 0; lc < nbLc; lc++)
        {
            final int cnt = per + (lc >= nbLc - extra ? 1 : 0);
            lcoreStreams[lc] = new int[cnt];
            for (int k = 0; k < cnt; k++)
            {
                lcoreStreams[lc][k] = sm++;
            }
        }
        return new FwdConfig(cfg.fwdMode(), streams, lcoreStreams);
    }

    /** The tx port of the {@code i}-th of {@code n} forwarding ports (paired, chained or loop). */
    static int txPortIndex(final TestPmdConfig.Topology topology, final int i, final int n)
    {
        switch (topology)
        {
            case CHAINED:
                return (i + 1) % n;
            case LOOP:
                return i;
            default:
                if ((i & 1) != 0)
                {
                    return i - 1;
                }
                return i + 1 < n ? i + 1 : i;
        }
    }

    /** The streams the {@code lc}-th forwarding lcore runs. */
    FwdStream[] streamsOf(final int lc)
    {
        final FwdStream[] mine = new FwdStream[lcoreStreams[lc].length];
        for (int k = 0; k < mine.length; k++)
        {
            mine[k] = streams[lcoreStreams[lc][k]];
        }
        return mine;
    }
}
