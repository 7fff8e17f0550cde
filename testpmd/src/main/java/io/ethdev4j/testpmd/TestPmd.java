package io.ethdev4j.testpmd;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.EalArgs;
import io.ethdev4j.eal.EalArgsException;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.testpmd.Displays.PortState;
import io.ethdev4j.testpmd.cmd.CommandShell;
import io.ethdev4j.testpmd.fwd.FwdEngine;
import io.ethdev4j.testpmd.fwd.FwdEngines;
import io.ethdev4j.testpmd.fwd.FwdLcore;
import io.ethdev4j.testpmd.fwd.FwdParams;
import io.ethdev4j.testpmd.fwd.FwdStream;
import io.ethdev4j.mbuf.Mbuf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * testpmd (app/test-pmd): EAL options, {@code --}, testpmd options; ports configured and started, then either the
 * interactive shell or forwarding until Enter, end of input or SIGINT.
 * <p>
 * The control thread owns everything here; forwarding lcores only run {@link FwdLcore}s over {@link FwdStream}s
 * prepared before they are launched.
 */
public final class TestPmd implements AutoCloseable
{
    public static final String PROG = "testpmd";

    public final PrintStream out;
    public final PrintStream err;
    public final Eal eal;
    public final Params params;
    public final FwdParams fwdParams = new FwdParams();
    private final PortState[] portStates = new PortState[Eal.MAX_ETHPORTS];
    private MbufPool pool;
    private final int[] fwdLcoreIds;

    // forwarding configuration (fwd_config_setup)
    public FwdEngine engine;
    private String cfgEngineName;
    public boolean retry;
    public int nbFwdLcores;
    public int nbFwdPorts;
    public int burst;
    public int nbRxq;
    public int nbTxq;
    public int nbRxd;
    public int nbTxd;
    private int[] fwdPorts;
    private FwdStream[] streams = new FwdStream[0];
    private int[][] lcoreStreams = new int[0][];

    // running state
    private volatile boolean forwarding;
    private FwdLcore[] running = new FwdLcore[0];
    private FwdLcore.StopFlag stopFlag;
    private volatile boolean closed;

    private TestPmd(final Eal eal, final Params params, final PrintStream out, final PrintStream err)
    {
        this.eal = eal;
        this.params = params;
        this.out = out;
        this.err = err;
        this.fwdLcoreIds = eal.workerLcores();
        this.engine = FwdEngines.create(params.forwardMode);
        this.cfgEngineName = engine.name();
        this.nbFwdLcores = Math.min(params.nbFwdLcores, Math.max(fwdLcoreIds.length, 1));
        this.burst = params.burst;
        this.nbRxq = params.nbRxq == 0 ? 1 : params.nbRxq;
        this.nbTxq = params.nbTxq == 0 ? 1 : params.nbTxq;
        this.nbRxd = params.nbRxd;
        this.nbTxd = params.nbTxd;
        this.fwdParams.txPktLen = params.txPktLen;
        for (int i = 0; i < portStates.length; i++)
        {
            portStates[i] = new PortState();
        }
        final List<Integer> ids = new ArrayList<>();
        for (final EthDev d : eal.ports())
        {
            ids.add(d.portId());
        }
        fwdPorts = params.portList != null ? params.portList : ids.stream().mapToInt(Integer::intValue).toArray();
        nbFwdPorts = params.nbFwdPorts > 0 ? Math.min(params.nbFwdPorts, fwdPorts.length) : fwdPorts.length;
    }

    public static void main(final String[] args)
    {
        final int rc = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.exit(rc);
    }

    /** Runs testpmd to completion; returns the exit code. Never throws. */
    public static int run(final String[] argv, final InputStream in, final PrintStream out, final PrintStream err)
    {
        final EalArgs ealArgs;
        try
        {
            ealArgs = EalArgs.parse(argv);
        }
        catch (final EalArgsException ex)
        {
            err.println("EAL: " + ex.getMessage());
            err.println(EalArgs.USAGE);
            err.println("EAL: Error - exiting with code: 1");
            err.println("  Cause: Cannot init EAL: Invalid argument");
            return 1;
        }
        if (ealArgs.help())
        {
            out.println(EalArgs.USAGE);
            return 0;
        }
        final Eal eal;
        try
        {
            eal = Eal.init(ealArgs);
        }
        catch (final RuntimeException ex)
        {
            err.println("EAL: " + ex.getMessage());
            err.println("EAL: Error - exiting with code: 1");
            err.println("  Cause: Cannot init EAL: " + ex.getMessage());
            return 1;
        }
        TestPmd t = null;
        try
        {
            final Params p = Params.parse(eal.appArgs(), eal.workerLcores().length, eal.portCount(), err);
            if (p.help)
            {
                Params.usage(out, PROG, eal.workerLcores().length, eal.portCount());
                eal.close();
                return 0;
            }
            t = new TestPmd(eal, p, out, err);
            return t.main(in);
        }
        catch (final TestPmdExit ex)
        {
            if (ex.usage())
            {
                Params.usage(out, PROG, eal.workerLcores().length, eal.portCount());
            }
            err.println("EAL: Error - exiting with code: 1");
            err.println("  Cause: " + ex.getMessage());
            closeQuietly(t, eal);
            return 1;
        }
        catch (final RuntimeException ex)
        {
            err.println("EAL: Error - exiting with code: 1");
            err.println("  Cause: " + ex.getMessage());
            closeQuietly(t, eal);
            return 1;
        }
        finally
        {
            out.flush();
        }
    }

    private static void closeQuietly(final TestPmd t, final Eal eal)
    {
        try
        {
            if (t != null)
            {
                t.close();
            }
            eal.close();
        }
        catch (final RuntimeException ignore)
        {
            // already reporting the first failure
        }
    }

    // ------------------------------------------------------------------ main flow

    private int main(final InputStream in) throws TestPmdExit
    {
        if (fwdLcoreIds.length == 0)
        {
            throw new TestPmdExit("No cores defined for forwarding\nCheck the core mask argument");
        }
        if (eal.portCount() == 0)
        {
            err.println("testpmd: No probed ethernet devices");
        }
        final int nbMbufs = params.totalNumMbufs > 0 ? params.totalNumMbufs :
            (2048 + eal.lcoreCount() * params.mbcache + 2048 + Params.MAX_PKT_BURST) * Eal.MAX_ETHPORTS;
        err.printf("testpmd: create a new mbuf pool <mb_pool_0>: n=%d, size=%d, socket=0%n", nbMbufs, params.mbufSize);
        err.println("testpmd: preferred mempool ops selected: ring_mp_mc");
        pool = eal.createPktmbufPool("mb_pool_0", nbMbufs, params.mbcache, 0, params.mbufSize);
        if (params.interactive)
        {
            out.println("Interactive-mode selected");
        }
        if (params.nbRxq > 0 || params.nbTxq > 0)
        {
            for (final EthDev d : eal.ports())
            {
                final int maxRx = d.info().maxRxQueues;
                if (nbRxq > maxRx)
                {
                    err.printf("Fail: input rxq (%d) can't be greater than max_rx_queues (%d) of port %d%n", nbRxq, maxRx, d.portId());
                    throw new TestPmdExit("rxq " + nbRxq + " invalid - must be >= 0 && <= " + maxRx);
                }
            }
        }
        if (params.forwardMode.equals("txonly") || params.txFirst)
        {
            out.printf("Set %s packet forwarding mode%n", engine.name()).flush();
        }
        startPorts(-1, true);
        for (final EthDev d : eal.ports())
        {
            try
            {
                d.promiscuousEnable();
            }
            catch (final EthDevException ex)
            {
                err.printf("Error during enabling promiscuous mode for port %d: %s - ignore%n", d.portId(), strerror(ex));
            }
        }
        fwdConfigSetup();
        installSignalHandler();
        final CommandShell shell = new CommandShell(this);
        if (params.cmdlineFile != null)
        {
            shell.runFile(params.cmdlineFile);
        }
        if (params.interactive)
        {
            if (params.autoStart)
            {
                startFwd(params.txFirst ? 1 : 0);
            }
            shell.interactive(in);
            if (!closed)
            {
                quit();
            }
            return 0;
        }
        out.println("No commandline core given, start packet forwarding");
        startFwd(params.txFirst ? 1 : 0);
        waitForExit(in);
        quit();
        return 0;
    }

    private final CountDownLatch exitLatch = new CountDownLatch(1);

    /** Non-interactive: print the stats screen every --stats-period s until Enter, end of input or SIGINT. */
    private void waitForExit(final InputStream in)
    {
        final Thread reader = new Thread(() ->
        {
            try
            {
                final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                r.readLine();
            }
            catch (final IOException ignore)
            {
                // end of input
            }
            exitLatch.countDown();
        }, "testpmd-stdin");
        reader.setDaemon(true);
        if (params.statsPeriod == 0)
        {
            out.println("Press enter to exit");
        }
        out.flush();
        reader.start();
        boolean done = false;
        while (!done)
        {
            try
            {
                if (params.statsPeriod > 0)
                {
                    done = exitLatch.await(params.statsPeriod, TimeUnit.SECONDS);
                    if (!done)
                    {
                        out.print("\033[2J\033[1;1H");
                        out.print("\nPort statistics ====================================");
                        for (int i = 0; i < nbFwdPorts; i++)
                        {
                            showPortStats(fwdPorts[i]);
                        }
                        out.flush();
                    }
                }
                else
                {
                    exitLatch.await();
                    done = true;
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                done = true;
            }
        }
    }

    private void installSignalHandler()
    {
        try
        {
            final sun.misc.SignalHandler h = sig -> requestExit();
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), h);
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), h);
        }
        catch (final Throwable ex)
        {
            // no signal support: Enter / end of input still work
        }
    }

    /** SIGINT/SIGTERM: leave the shell or the stats loop; the main thread stops forwarding and quits. */
    public void requestExit()
    {
        exitLatch.countDown();
        shellInterrupt();
    }

    private volatile Runnable onSignal;

    public void onSignal(final Runnable r)
    {
        onSignal = r;
    }

    private void shellInterrupt()
    {
        final Runnable r = onSignal;
        if (r != null)
        {
            r.run();
        }
    }

    // ------------------------------------------------------------------ ports

    public PortState portState(final int port)
    {
        return portStates[port];
    }

    public MbufPool pool()
    {
        return pool;
    }

    public int[] fwdPorts()
    {
        return Arrays.copyOf(fwdPorts, nbFwdPorts);
    }

    public int[] fwdLcoreIds()
    {
        return fwdLcoreIds;
    }

    public boolean isForwarding()
    {
        return forwarding;
    }

    public void markAllReconfig()
    {
        for (final PortState s : portStates)
        {
            s.needReconfig = true;
        }
    }

    /** start_port(pid or -1 = all). */
    public boolean startPorts(final int pid, final boolean atInit)
    {
        boolean ok = true;
        for (final EthDev d : eal.ports())
        {
            if (pid >= 0 && d.portId() != pid || d.isStarted())
            {
                continue;
            }
            final int p = d.portId();
            try
            {
                final PortState st = portStates[p];
                if (st.needReconfig || !d.isConfigured())
                {
                    out.printf("Configuring Port %d (socket 0)%n", p);
                    final EthConf conf = new EthConf();
                    // init_port_config: several rx queues are fed by RSS (rx_mq_mode defaults to RSS)
                    conf.rxMqMode = nbRxq > 1 ? EthConf.MQ_RX_RSS : EthConf.MQ_RX_NONE;
                    if (params.maxPktLen > 0)
                    {
                        conf.mtu = Math.max(params.maxPktLen - 18, 46);
                    }
                    else if (d.isConfigured())
                    {
                        conf.mtu = d.mtu();
                    }
                    d.configure(nbRxq, nbTxq, conf);
                    for (int q = 0; q < nbTxq; q++)
                    {
                        d.txQueueSetup(q, nbTxd, null);
                    }
                    for (int q = 0; q < nbRxq; q++)
                    {
                        d.rxQueueSetup(q, nbRxd, pool, null);
                    }
                    st.needReconfig = false;
                }
                d.start();
                out.printf("Port %d: %s%n", p, d.macAddr());
            }
            catch (final EthDevException ex)
            {
                err.printf("Fail to start port %d: %s%n", p, ex.getMessage());
                ok = false;
            }
        }
        out.println("Checking link statuses...");
        out.println("Done");
        if (!ok && atInit)
        {
            throw new TestPmdExit("Start ports failed");
        }
        return ok;
    }

    public void stopPorts(final int pid)
    {
        for (final EthDev d : eal.ports())
        {
            if (pid >= 0 && d.portId() != pid)
            {
                continue;
            }
            if (forwarding && isFwdPort(d.portId()))
            {
                err.printf("Please remove port %d from forwarding configuration.%n", d.portId());
                continue;
            }
            d.stop();
        }
    }

    public boolean isFwdPort(final int port)
    {
        for (int i = 0; i < nbFwdPorts; i++)
        {
            if (fwdPorts[i] == port)
            {
                return true;
            }
        }
        return false;
    }

    /** After attach/detach: every probed port forwards (DPDK's fwd_ports_ids refresh). */
    public void refreshFwdPorts()
    {
        final List<EthDev> ports = eal.ports();
        final int[] ids = new int[ports.size()];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = ports.get(i).portId();
        }
        fwdPorts = ids;
        nbFwdPorts = ids.length;
        portStates[ids.length > 0 ? ids[ids.length - 1] : 0].needReconfig = true;
    }

    public void resetPortState(final int port)
    {
        portStates[port] = new PortState();
    }

    public static String strerror(final EthDevException ex)
    {
        switch (ex.errnoName())
        {
            case "ENODEV":
                return "No such device";
            case "ENOTSUP":
                return "Operation not supported";
            case "EINVAL":
                return "Invalid argument";
            case "EBUSY":
                return "Device or resource busy";
            case "ENOMEM":
                return "Cannot allocate memory";
            case "EIO":
                return "Input/output error";
            case "EEXIST":
                return "File exists";
            default:
                return ex.errnoName();
        }
    }

    // ------------------------------------------------------------------ forwarding configuration

    public void setEngine(final FwdEngine e, final boolean withRetry)
    {
        engine = e;
        retry = withRetry;
    }

    private int txPortOf(final int i, final int n)
    {
        switch (params.topology)
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

    /** fwd_config_setup: streams over ports and queues, then streams over lcores. */
    public void fwdConfigSetup()
    {
        cfgEngineName = engine.name();
        final int np = nbFwdPorts;
        final List<FwdStream> list = new ArrayList<>();
        int nbLc = nbFwdLcores;
        if (nbRxq > 1 && nbTxq > 1)
        {
            final int nq = Math.min(nbRxq, nbTxq);
            for (int q = 0; q < nq; q++)
            {
                for (int i = 0; i < np; i++)
                {
                    final int tx = fwdPorts[txPortOf(i, np)];
                    list.add(new FwdStream(fwdPorts[i], q, tx, q, params.peers[tx]));
                }
            }
        }
        else
        {
            for (int i = 0; i < np; i++)
            {
                final int tx = fwdPorts[txPortOf(i, np)];
                list.add(new FwdStream(fwdPorts[i], 0, tx, 0, params.peers[tx]));
            }
        }
        if (list.size() < nbLc)
        {
            nbLc = Math.max(list.size(), 1);
        }
        streams = list.toArray(new FwdStream[0]);
        lcoreStreams = new int[nbLc][];
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
    }

    /** pkt_fwd_config_display ({@code show config fwd}). */
    public void showConfigFwd()
    {
        out.printf("%s packet forwarding%s - ports=%d - cores=%d - streams=%d - NUMA support enabled, MP allocation mode: native%n",
            cfgEngineName, retry ? " with retry" : "", nbFwdPorts, lcoreStreams.length, streams.length);
        if (retry)
        {
            out.println("TX retry num: 64, delay between TX retries: 1us");
        }
        for (int lc = 0; lc < lcoreStreams.length; lc++)
        {
            out.printf("Logical Core %d (socket 0) forwards packets on %d streams:", fwdLcoreIds[lc], lcoreStreams[lc].length);
            for (final int si : lcoreStreams[lc])
            {
                final FwdStream fs = streams[si];
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
        out.printf("  %s packet forwarding%s packets/burst=%d%n", engine.name(), retry ? " with retry" : "", burst);
        if (engine.name().equals("txonly") || engine.name().equals("flowgen"))
        {
            out.printf("  packet len=%d - nb packet segments=1%n", fwdParams.txPktLen);
        }
        out.printf("  nb forwarding cores=%d - nb forwarding ports=%d%n", nbFwdLcores, nbFwdPorts);
        for (int i = 0; i < nbFwdPorts; i++)
        {
            final int p = fwdPorts[i];
            final int nrx = eal.isValidPort(p) && eal.port(p).isConfigured() ? eal.port(p).nbRxQueues() : nbRxq;
            final int ntx = eal.isValidPort(p) && eal.port(p).isConfigured() ? eal.port(p).nbTxQueues() : nbTxq;
            out.printf("  port %d: RX queue number: %d Tx queue number: %d%n", p, nrx, ntx);
            out.printf("    Rx offloads=0x0 Tx offloads=0x0%n");
            out.printf("    RX queue: 0%n");
            out.printf("      RX desc=%d - RX free threshold=0%n", nbRxd);
            out.printf("      RX threshold registers: pthresh=0 hthresh=0  wthresh=0%n");
            out.printf("      RX Offloads=0x0%n");
            out.printf("    TX queue: 0%n");
            out.printf("      TX desc=%d - TX free threshold=0%n", nbTxd);
            out.printf("      TX threshold registers: pthresh=0 hthresh=0  wthresh=0%n");
            out.printf("      TX offloads=0x0 - TX RS bit threshold=0%n");
        }
    }

    public void showConfigCores()
    {
        out.print("List of forwarding lcores:");
        for (int lc = 0; lc < nbFwdLcores && lc < fwdLcoreIds.length; lc++)
        {
            out.printf(" %2d", fwdLcoreIds[lc]);
        }
        out.println();
    }

    // ------------------------------------------------------------------ start / stop

    /** start_packet_forwarding(with_tx_first). */
    public void startFwd(final int txFirstBursts)
    {
        if (forwarding)
        {
            err.println("Packet forwarding already started");
            return;
        }
        for (int i = 0; i < nbFwdPorts; i++)
        {
            if (!eal.isValidPort(fwdPorts[i]) || !eal.port(fwdPorts[i]).isStarted())
            {
                err.println("Not all ports were started");
                return;
            }
        }
        fwdConfigSetup();
        showConfigFwd();
        showConfigRxtx();
        final FwdEngine txonly = FwdEngines.create("txonly");
        for (final FwdStream fs : streams)
        {
            final EthDev rx = eal.port(fs.rxPort);
            final EthDev tx = eal.port(fs.txPort);
            fs.rx = rx.rxQueue(fs.rxQueue);
            fs.tx = tx.txQueue(fs.txQueue);
            fs.txOnRxPort = rx.txQueue(Math.min(fs.txQueue, rx.nbTxQueues() - 1));
            fs.pool = pool;
            fs.burst = burst;
            fs.retry = retry;
            fs.pkts = new Mbuf[Math.max(burst, Params.MAX_PKT_BURST)];
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
        }
        for (int i = 0; i < nbFwdPorts; i++)
        {
            eal.port(fwdPorts[i]).statsGet(portStates[fwdPorts[i]].atStart);
        }
        stopFlag = new FwdLcore.StopFlag();
        running = new FwdLcore[lcoreStreams.length];
        for (int lc = 0; lc < lcoreStreams.length; lc++)
        {
            final FwdStream[] mine = new FwdStream[lcoreStreams[lc].length];
            for (int k = 0; k < mine.length; k++)
            {
                mine[k] = streams[lcoreStreams[lc][k]];
            }
            running[lc] = new FwdLcore(fwdLcoreIds[lc], mine, engine, txFirstBursts, stopFlag);
        }
        forwarding = true;
        for (final FwdLcore l : running)
        {
            eal.remoteLaunch(l.lcoreId, l);
        }
    }

    /** stop_packet_forwarding. */
    public void stopFwd()
    {
        if (!forwarding)
        {
            err.println("Packet forwarding not started");
            return;
        }
        out.println("Telling cores to stop...");
        stopFlag.set();
        out.println("Waiting for lcores to finish...");
        for (final FwdLcore l : running)
        {
            eal.waitLcore(l.lcoreId);
        }
        forwarding = false;
        showFwdStats();
        out.println();
        out.println("Done.");
    }

    /** fwd_stats_display. */
    public void showFwdStats()
    {
        final int np = nbFwdPorts;
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
            final int p = fwdPorts[i];
            if (!eal.isValidPort(p))
            {
                continue;
            }
            eal.port(p).statsGet(now);
            final EthStats s0 = portStates[p].atStart;
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
            Displays.fwdPortStats(out, p, d, portTxDropped);
        }
        Displays.fwdAccStats(out, rx, rxDropped, tx, txDropped, nombuf);
    }

    public void showPortStats(final int port)
    {
        final EthStats s = new EthStats();
        eal.port(port).statsGet(s);
        Displays.nicStats(out, port, s, portStates[port], System.nanoTime());
    }

    public void printValidPorts()
    {
        final StringBuilder sb = new StringBuilder("The valid ports array is [");
        for (final EthDev d : eal.ports())
        {
            sb.append(' ').append(d.portId());
        }
        out.println(sb.append(" ]"));
    }

    /** quit: stop forwarding, stop and close every port, "Bye...". */
    public void quit()
    {
        if (closed)
        {
            return;
        }
        if (forwarding)
        {
            stopFwd();
        }
        final List<EthDev> ports = eal.ports();
        for (final EthDev d : ports)
        {
            out.printf("%nStopping port %d...%nStopping ports...%n", d.portId());
            d.stop();
            out.println("Done");
        }
        for (final EthDev d : ports)
        {
            out.printf("%nShutting down port %d...%nClosing ports...%n", d.portId());
            d.close();
            out.printf("Port %d is closed%nDone%n", d.portId());
        }
        out.printf("%nBye...%n");
        out.flush();
        close();
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (forwarding && stopFlag != null)
        {
            stopFlag.set();
            for (final FwdLcore l : running)
            {
                eal.waitLcore(l.lcoreId);
            }
            forwarding = false;
        }
        eal.close();
    }

    public boolean isClosed()
    {
        return closed;
    }
}
