package io.ethdev4j.testpmd;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.testpmd.fwd.FwdEngine;
import io.ethdev4j.testpmd.fwd.FwdEngines;
import io.ethdev4j.testpmd.fwd.FwdLcore;
import io.ethdev4j.testpmd.fwd.FwdParams;
import io.ethdev4j.testpmd.fwd.FwdStream;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Packet forwarding from the control thread (start_packet_forwarding, stop_packet_forwarding, fwd_config_setup and
 * the displays of config.c): sets up the {@link FwdConfig} from the {@link TestPmdConfig}, prepares every stream
 * (queues, burst array, engine state) and launches one {@link FwdLcore} per forwarding lcore; stops and joins them
 * and prints the forward statistics. The lcores only run the prepared streams.
 */
public final class FwdControl
{
    private final Eal eal;
    private final TestPmdConfig config;
    private final PortControl ports;
    private final MbufPool pool;
    private final PrintStream out;
    private final PrintStream err;

    private FwdConfig current;
    private volatile boolean running;
    private FwdLcore[] lcores = new FwdLcore[0];
    /** The engine the lcores run (its streamEnd runs once they are joined). */
    private FwdEngine runningEngine;
    private FwdLcore.StopFlag stopFlag;
    /** --latencystats: the streams' latency histograms (null when off). */
    private final LatencyStats latency;

    FwdControl(final Eal eal, final TestPmdConfig config, final PortControl ports, final MbufPool pool,
        final PrintStream out, final PrintStream err)
    {
        this.eal = eal;
        this.config = config;
        this.ports = ports;
        this.pool = pool;
        this.out = out;
        this.err = err;
        this.current = FwdConfig.empty(config);
        this.latency = config.latencyStatsLcore() >= 0 ? new LatencyStats(config.latencyStatsLcore()) : null;
    }

    /** --latencystats: the latency histograms, or null when the option was not given. */
    public LatencyStats latency()
    {
        return latency;
    }

    /** Forwarding lcores run (between {@code start} and {@code stop}). */
    public boolean isRunning()
    {
        return running;
    }

    /** fwd_config_setup: streams and lcores from the current settings. */
    public void setup()
    {
        current = FwdConfig.setup(config);
    }

    /** start_packet_forwarding(with_tx_first): {@code txFirstBursts} txonly bursts per stream before the engine runs. */
    public void start(final int txFirstBursts)
    {
        if (running)
        {
            err.println("Packet forwarding already started");
            return;
        }
        for (int i = 0; i < config.nbFwdPorts(); i++)
        {
            final int p = config.fwdPort(i);
            if (!ports.isValid(p) || !ports.port(p).isStarted())
            {
                err.println("Not all ports were started");
                return;
            }
        }
        setup();
        if (!config.noFlushRx())
        {
            flushRxQueues();
        }
        showConfigFwd();
        showConfigRxtx();
        final FwdEngine engine = FwdEngines.create(config.fwdMode());
        runningEngine = engine;
        final FwdEngine txonly = FwdEngines.create("txonly");
        final FwdParams fwdParams = new FwdParams();
        fwdParams.txPktLen = config.txPktLen();
        fwdParams.txSegs = config.txSegments();
        fwdParams.txSplitRand = config.txSplit().equals("rand");
        config.noisy(fwdParams);
        final int burst = config.burst();
        for (final FwdStream fs : current.streams)
        {
            final EthDev rx = ports.port(fs.rxPort);
            final EthDev tx = ports.port(fs.txPort);
            fs.rx = rx.rxQueue(fs.rxQueue);
            fs.tx = tx.txQueue(fs.txQueue);
            fs.txOnRxPort = rx.txQueue(Math.min(fs.txQueue, rx.nbTxQueues() - 1));
            fs.pool = pool;
            fs.burst = burst;
            fs.retry = config.retry();
            fs.retryNum = config.burstTxRetryNum();
            fs.retryDelayNs = config.burstTxDelayUs() * 1_000L;
            fs.pkts = new Mbuf[Math.max(burst, TestPmdConfig.MAX_PKT_BURST)];
            fs.txPortMac = tx.macAddr().toLong();
            fs.rxPortMac = rx.macAddr().toLong();
            fs.resetCounters();
            if (txFirstBursts > 0)
            {
                txonly.streamInit(fs, fwdParams);
            }
            engine.streamInit(fs, fwdParams);
            if (txFirstBursts > 0 && fs.template == null)
            {
                txonly.streamInit(fs, fwdParams);
            }
            fs.latency = null;
            if (latency != null)
            {
                latency.attach(fs);
            }
        }
        ports.snapshotAtStart(config.fwdPorts());
        stopFlag = new FwdLcore.StopFlag();
        lcores = new FwdLcore[current.lcoreStreams.length];
        for (int lc = 0; lc < lcores.length; lc++)
        {
            lcores[lc] = new FwdLcore(config.fwdLcoreId(lc), current.streamsOf(lc), engine, txFirstBursts, stopFlag);
        }
        running = true;
        for (final FwdLcore l : lcores)
        {
            eal.remoteLaunch(l.lcoreId, l);
        }
    }

    /**
     * flush_fwd_rx_queues: twice, 10 ms apart, every rx queue of every forwarding port is drained and the packets
     * freed, so a start does not count packets left from an earlier run. A queue that never runs dry (net_null) is
     * left as DPDK leaves it: its time is summed as DPDK sums it (each burst adds the time since the queue's first),
     * up to one second.
     */
    private void flushRxQueues()
    {
        final Mbuf[] burst = new Mbuf[TestPmdConfig.MAX_PKT_BURST];
        final long periodNs = TimeUnit.SECONDS.toNanos(1);
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < config.nbFwdPorts(); i++)
            {
                final EthDev d = ports.port(config.fwdPort(i));
                for (int q = 0; q < d.nbRxQueues(); q++)
                {
                    final long prev = System.nanoTime();
                    long timer = 0;
                    int n;
                    do
                    {
                        n = d.rxBurst(q, burst, 0, burst.length);
                        Mbuf.freeBulk(burst, 0, n);
                        timer += System.nanoTime() - prev;
                    }
                    while (n > 0 && timer < periodNs);
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** clear fwd stats all (fwd_stats_reset): forward statistics restart from the ports' counters now. */
    public void clearStats()
    {
        ports.snapshotAtStart(config.fwdPorts());
        for (final FwdStream fs : current.streams)
        {
            fs.resetCounters();
        }
    }

    /** stop_packet_forwarding: stop and join the lcores, print the forward statistics. */
    public void stop()
    {
        if (!running)
        {
            err.println("Packet forwarding not started");
            return;
        }
        out.println("Telling cores to stop...");
        stopFlag.set();
        out.println("Waiting for lcores to finish...");
        joinLcores();
        showStats();
        out.println();
        out.println("Done.");
    }

    /** On close: stop and join the lcores, printing nothing. */
    void abort()
    {
        if (running && stopFlag != null)
        {
            stopFlag.set();
            joinLcores();
        }
    }

    private void joinLcores()
    {
        for (final FwdLcore l : lcores)
        {
            eal.waitLcore(l.lcoreId);
        }
        if (runningEngine != null)
        {
            for (final FwdStream fs : current.streams)
            {
                runningEngine.streamEnd(fs);
            }
            runningEngine = null;
        }
        if (latency != null)
        {
            latency.detachAll();
        }
        running = false;
    }

    // ------------------------------------------------------------------ displays

    /** pkt_fwd_config_display ({@code show config fwd}). */
    public void showConfigFwd()
    {
        final boolean retry = config.retry();
        out.printf("%s packet forwarding%s - ports=%d - cores=%d - streams=%d - NUMA support %s, MP allocation mode: %s%n",
            current.engineName, retry ? " with retry" : "", config.nbFwdPorts(), current.lcoreStreams.length,
            current.streams.length, config.numaSupport() ? "enabled" : "disabled", config.mpAlloc());
        if (retry)
        {
            out.printf("TX retry num: %d, delay between TX retries: %dus%n", config.burstTxRetryNum(),
                config.burstTxDelayUs());
        }
        for (int lc = 0; lc < current.lcoreStreams.length; lc++)
        {
            out.printf("Logical Core %d (socket 0) forwards packets on %d streams:", config.fwdLcoreId(lc),
                current.lcoreStreams[lc].length);
            for (final int si : current.lcoreStreams[lc])
            {
                final FwdStream fs = current.streams[si];
                out.printf("%n  RX P=%d/Q=%d (socket 0) -> TX P=%d/Q=%d (socket 0) peer=%s", fs.rxPort, fs.rxQueue,
                    fs.txPort, fs.txQueue, Displays.mac(fs.peerMac));
            }
            out.printf("%n");
        }
        out.printf("%n");
    }

    /** rxtx_config_display ({@code show config rxtx}). */
    public void showConfigRxtx()
    {
        final String mode = config.fwdMode();
        out.printf("  %s packet forwarding%s packets/burst=%d%n", mode, config.retry() ? " with retry" : "", config.burst());
        if (mode.equals("txonly") || mode.equals("flowgen"))
        {
            out.printf("  packet len=%d - nb packet segments=%d%n", config.txPktLen(), config.txSegments().length);
        }
        out.printf("  nb forwarding cores=%d - nb forwarding ports=%d%n", config.nbFwdLcores(), config.nbFwdPorts());
        for (int i = 0; i < config.nbFwdPorts(); i++)
        {
            final int p = config.fwdPort(i);
            final boolean configured = ports.isValid(p) && ports.port(p).isConfigured();
            final int nrx = configured ? ports.port(p).nbRxQueues() : config.nbRxq();
            final int ntx = configured ? ports.port(p).nbTxQueues() : config.nbTxq();
            out.printf("  port %d: RX queue number: %d Tx queue number: %d%n", p, nrx, ntx);
            out.printf("    Rx offloads=0x0 Tx offloads=0x0%n");
            out.printf("    RX queue: 0%n");
            out.printf("      RX desc=%d - RX free threshold=0%n", config.nbRxd());
            out.printf("      RX threshold registers: pthresh=0 hthresh=0  wthresh=0%n");
            out.printf("      RX Offloads=0x0%n");
            out.printf("    TX queue: 0%n");
            out.printf("      TX desc=%d - TX free threshold=0%n", config.nbTxd());
            out.printf("      TX threshold registers: pthresh=0 hthresh=0  wthresh=0%n");
            out.printf("      TX offloads=0x0 - TX RS bit threshold=0%n");
        }
    }

    /** fwd_lcores_config_display ({@code show config cores}). */
    public void showConfigCores()
    {
        out.print("List of forwarding lcores:");
        for (int lc = 0; lc < config.nbFwdLcores() && lc < config.fwdLcoreIds().length; lc++)
        {
            out.printf(" %2d", config.fwdLcoreId(lc));
        }
        out.println();
    }

    /** fwd_stats_display: per-stream blocks when there are more streams than ports, per port, accumulated. */
    public void showStats()
    {
        final FwdStream[] streams = current.streams;
        final int np = config.nbFwdPorts();
        if (streams.length > np)
        {
            for (final FwdStream fs : streams)
            {
                Displays.fwdStreamStats(out, fs);
            }
        }
        long rx = 0;
        long rxDropped = 0;
        long tx = 0;
        long txDropped = 0;
        long nombuf = 0;
        final EthStats now = new EthStats();
        final EthStats d = new EthStats();
        for (int i = 0; i < np; i++)
        {
            final int p = config.fwdPort(i);
            if (!ports.isValid(p))
            {
                continue;
            }
            try
            {
                ports.port(p).statsGet(now);
            }
            catch (final EthDevException ex)
            {
                // fwd_stats_display: the port's error, then the others and the summary
                err.printf("fwd_stats_display: Error: failed to get stats (port %d): %d", p, -ex.errno());
                err.flush();
                continue;
            }
            final EthStats s0 = ports.state(p).atStart;
            d.ipackets = now.ipackets - s0.ipackets;
            d.opackets = now.opackets - s0.opackets;
            d.imissed = now.imissed - s0.imissed;
            d.ierrors = now.ierrors - s0.ierrors;
            d.oerrors = now.oerrors - s0.oerrors;
            d.rxNombuf = now.rxNombuf - s0.rxNombuf;
            long portTxDropped = 0;
            for (final FwdStream fs : streams)
            {
                if (fs.txPort == p)
                {
                    portTxDropped += fs.fwdDropped;
                }
            }
            rx += d.ipackets;
            tx += d.opackets;
            rxDropped += d.imissed;
            txDropped += portTxDropped + d.oerrors;
            nombuf += d.rxNombuf;
            Displays.fwdPortStats(out, p, d, portTxDropped, current.engineName.equals("csum"));
        }
        Displays.fwdAccStats(out, rx, rxDropped, tx, txDropped, nombuf);
    }
}
