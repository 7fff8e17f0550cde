package io.ethdev4j.testpmd;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.EalArgs;
import io.ethdev4j.eal.EalArgsException;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.testpmd.cmd.CommandShell;
import io.ethdev4j.testpmd.cmd.TestPmdCommands;
import io.ethdev4j.testpmd.fwd.FwdLcore;
import io.ethdev4j.testpmd.fwd.FwdStream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * testpmd (app/test-pmd): EAL options, {@code --}, testpmd options; ports configured and started, then either the
 * interactive shell or forwarding until Enter, end of input or SIGINT.
 * <p>
 * The parts, as DPDK splits them: the settings ({@link TestPmdConfig}, filled by {@link Parameters}), the ports
 * ({@link PortControl}), forwarding ({@link FwdControl} over a {@link FwdConfig}), the shell ({@link CommandShell}
 * over the {@link TestPmdCommands} table). This class runs them in order and releases them. The control thread
 * owns everything here; forwarding lcores only run {@link FwdLcore}s over {@link FwdStream}s prepared before they
 * are launched.
 */
public final class TestPmd implements AutoCloseable
{
    public static final String PROG = "testpmd";
    /** rte_version() as -v prints it: the project and its version (from the jar manifest when packaged). */
    public static final String RTE_VERSION = "ethdev4j " +
        (TestPmd.class.getPackage().getImplementationVersion() != null ? TestPmd.class.getPackage().getImplementationVersion() :
        "0.1.0-SNAPSHOT");

    private final PrintStream out;
    private final PrintStream err;
    private final Eal eal;
    private final TestPmdConfig config;
    private final CountDownLatch exitLatch = new CountDownLatch(1);
    private PortControl ports;
    private FwdControl fwd;
    private volatile CommandShell shell;
    private volatile boolean closed;
    /** The signal that asked testpmd to exit, or 0. */
    private volatile int signal;

    private TestPmd(final Eal eal, final TestPmdConfig config, final PrintStream out, final PrintStream err)
    {
        this.eal = eal;
        this.config = config;
        this.out = out;
        this.err = err;
        final List<EthDev> probed = eal.ports();
        final int[] ids = new int[probed.size()];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = probed.get(i).portId();
        }
        config.init(ids);
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
            ealArgs = EalArgs.parse(argv).program(PROG);
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
        if (ealArgs.version())
        {
            err.println("EAL: RTE Version: '" + RTE_VERSION + "'");
        }
        final Eal eal;
        try
        {
            eal = Eal.init(ealArgs);
        }
        catch (final EalArgsException ex)
        {
            err.println("EAL: " + ex.getMessage());
            err.println(EalArgs.USAGE);
            err.println("EAL: Error - exiting with code: 1");
            err.println("  Cause: Cannot init EAL: Invalid argument");
            return 1;
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
            final TestPmdConfig config = Parameters.parse(eal.appArgs(), eal.workerLcores(), eal.mainLcore(), eal.portCount(),
                port0Burst(eal), out, err);
            if (config.help())
            {
                Parameters.usage(out, PROG, eal.workerLcores().length, eal.portCount());
                eal.close();
                return 0;
            }
            t = new TestPmd(eal, config, out, err);
            return t.main(in);
        }
        catch (final TestPmdExit ex)
        {
            if (ex.usage())
            {
                Parameters.usage(out, PROG, eal.workerLcores().length, eal.portCount());
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

    /** Port 0's recommended rx burst size (0: none, or no port 0), as {@code --burst=0} asks. */
    private static int port0Burst(final Eal eal)
    {
        for (final EthDev d : eal.ports())
        {
            if (d.portId() == 0)
            {
                return d.info().defaultRxBurstSize;
            }
        }
        return 0;
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
        if (eal.workerLcores().length == 0)
        {
            throw new TestPmdExit("No cores defined for forwarding\nCheck the core mask argument");
        }
        if (eal.portCount() == 0)
        {
            err.println("testpmd: No probed ethernet devices");
        }
        if (config.numaSupport())
        {
            // init_config → check_socket_id: a port on no socket of the lcores' (net_pcap's: any) is warned about once
            for (final EthDev d : eal.ports())
            {
                if (d.data().socketId() != 0)
                {
                    err.println("Warning: NUMA should be configured manually by using --port-numa-config and " +
                        "--ring-numa-config parameters along with --numa.");
                    break;
                }
            }
        }
        final int nbMbufs = config.totalNumMbufs() > 0 ? config.totalNumMbufs() :
            (2048 + eal.workerLcores().length * config.mbcache() + 2048 + TestPmdConfig.MAX_PKT_BURST) * Eal.MAX_ETHPORTS;
        err.printf("testpmd: create a new mbuf pool <mb_pool_0>: n=%d, size=%d, socket=0%n", nbMbufs, config.mbufSize());
        err.println("testpmd: preferred mempool ops selected: ring_mp_mc");
        final MbufPool pool;
        try
        {
            pool = eal.createPktmbufPool("mb_pool_0", nbMbufs, config.mbcache(), 0, config.mbufSize());
        }
        catch (final EthDevException ex)
        {
            // as mbuf_pool_create: the pool's memory could not be had or mapped for the ports' devices
            err.println("testpmd: " + ex.getMessage());
            throw new TestPmdExit("Creation of mbuf pool for socket 0 failed: " + ex.errnoName());
        }
        ports = new PortControl(eal, config, pool, out, err, this::isForwarding);
        fwd = new FwdControl(eal, config, ports, pool, out, err);
        final int maxRxq = ports.checkNbQueues(true, config.nbRxq());
        if (maxRxq >= 0)
        {
            throw new TestPmdExit("rxq " + config.nbRxq() + " invalid - must be >= 0 && <= " + maxRxq);
        }
        ports.start(PortControl.ALL, true);
        ports.enablePromiscuousAll();
        if (config.latencyStatsLcore() >= 0)
        {
            out.printf("Latencystats running on lcore %d%n", config.latencyStatsLcore());
        }
        fwd.setup();
        installSignalHandler();
        final CommandShell sh = new CommandShell(TestPmdCommands.table(config, ports, fwd, out, err, this::quit), out, err,
            () -> closed || signal != 0);
        shell = sh;
        if (config.cmdlineFile() != null)
        {
            sh.runFile(config.cmdlineFile());
        }
        if (config.interactive())
        {
            if (config.autoStart())
            {
                out.println("Start automatic packet forwarding");
                fwd.start(config.txFirst() ? 1 : 0);
            }
            sh.interactive(in);
            if (!closed)
            {
                quit();
            }
            return exitCode();
        }
        out.println("No commandline core given, start packet forwarding");
        fwd.start(config.txFirst() ? 1 : 0);
        waitForExit(in);
        quit();
        return exitCode();
    }

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
        final int period = config.statsPeriod();
        if (period == 0)
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
                if (period > 0)
                {
                    done = exitLatch.await(period, TimeUnit.SECONDS);
                    if (!done)
                    {
                        out.print("\033[2J\033[1;1H");
                        out.print("\nPort statistics ====================================");
                        for (final int p : config.fwdPorts())
                        {
                            ports.showStats(p);
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
            final sun.misc.SignalHandler h = sig -> requestExit(sig.getNumber());
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), h);
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), h);
        }
        catch (final Throwable ex)
        {
            // no signal support: Enter / end of input still work
        }
    }

    /**
     * SIGINT/SIGTERM (signal_handler): "Signal N received, preparing to exit...", then leave the shell or the stats
     * loop in any input mode; the main thread stops forwarding, prints the statistics, releases every port as
     * {@code quit} does, and exits with 128 + N as DPDK's re-raised signal does.
     */
    void requestExit(final int signum)
    {
        if (signal != 0)
        {
            return;
        }
        signal = signum;
        err.printf("%nSignal %d received, preparing to exit...%n", signum);
        err.flush();
        exitLatch.countDown();
        final CommandShell sh = shell;
        if (sh != null)
        {
            sh.requestQuit();
        }
    }

    private int exitCode()
    {
        return signal == 0 ? 0 : 128 + signal;
    }

    private boolean isForwarding()
    {
        return fwd != null && fwd.isRunning();
    }

    /** quit: stop forwarding, stop and close every port, "Bye...". */
    private void quit()
    {
        if (closed)
        {
            return;
        }
        if (fwd.isRunning())
        {
            fwd.stop();
        }
        ports.stopAndCloseAll();
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
        if (fwd != null)
        {
            fwd.abort();
        }
        eal.close();
    }
}
