package io.ethdev4j.kniapp;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.EalArgs;
import io.ethdev4j.eal.EalArgsException;
import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.kni.Kni;
import io.ethdev4j.kni.KniConf;
import io.ethdev4j.kni.KniContext;
import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * DPDK's KNI sample application (v22.07 {@code examples/kni/main.c}), one to one: each port of {@code -p}/{@code
 * --config} is bridged to one KNI interface per kthread lcore ({@code vEth<port>_<n>}, or {@code vEth<port>}) with the
 * port's MAC and MTU; the rx lcore moves port → KNI and answers the interfaces' requests, the tx lcore moves KNI →
 * port. {@code tools/kni} runs it:
 * <pre>
 *   tools/kni --no-huge -m 1024 -l 0-2 --vdev net_null0 -- -p 0x1 -P --config="(0,1,2)"
 * </pre>
 * SIGUSR1 prints the statistics, SIGUSR2 zeroes them, SIGINT/SIGTERM stop the lcores; then every KNI is released,
 * every port stopped and closed, and the runtime cleaned up. What it prints on {@code out} is the example's printf
 * output (its user interface); its RTE_LOG lines go through {@link Log} as type {@code APP}.
 * <p>
 * Differences a user can see: the runtime's {@code --kni-*} EAL options play rte_kni.ko's module parameters
 * ({@code insmod rte_kni.ko lo_mode=... kthread_mode=...}); a bad value stops the start with the option named
 * ("Could not initialise KNI: ...") where DPDK's insmod would have failed.
 */
public final class KniApp implements AutoCloseable
{
    public static final String PROG = "kni";
    /** MAX_PACKET_SZ: the KNI's mbuf_size. */
    public static final int MAX_PACKET_SZ = 2048;
    /** MBUF_DATA_SZ. */
    public static final int MBUF_DATA_SZ = MAX_PACKET_SZ + MbufDescriptor.HEADROOM;
    /** NB_MBUF: 8192 * 16. */
    public static final int NB_MBUF = 8192 * 16;
    /** PKT_BURST_SZ, also MEMPOOL_CACHE_SZ. */
    public static final int PKT_BURST_SZ = 32;
    /** How often the link monitor polls the ports (the example's rte_delay_ms(500)). */
    public static final long LINK_MONITOR_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(500);
    /** check_all_ports_link_status: CHECK_INTERVAL 100 ms, MAX_CHECK_TIME 90 (9 s). */
    private static final long CHECK_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int MAX_CHECK_TIME = 90;

    private final Eal eal;
    private final KniAppArgs args;
    private final PrintStream out;
    private final MbufPool pool;
    private final KniPortControl ports;
    private final KniAppStats stats = new KniAppStats();
    private KniContext kni;
    private Thread linkMonitor;

    /** kni_stop: set by SIGINT/SIGTERM (or {@link #stop()}); the lcores leave their loops. */
    private volatile boolean stopRequested;
    /** monitor_links: the link monitor runs while true. */
    private volatile boolean monitorLinks;

    private KniApp(final Eal eal, final KniAppArgs args, final PrintStream out)
    {
        this.eal = eal;
        this.args = args;
        this.out = out;
        this.monitorLinks = args.monitorLinks();
        try
        {
            pool = eal.createPktmbufPool("mbuf_pool", NB_MBUF, PKT_BURST_SZ, 0, MBUF_DATA_SZ);
        }
        catch (final EthDevException ex)
        {
            throw new KniAppExit("Could not initialise mbuf pool (" + ex.getMessage() + ")", ex);
        }
        ports = new KniPortControl(eal, pool, args.promiscuous());
    }

    public static void main(final String[] argv)
    {
        final int rc = run(argv, System.out, System.err, KniApp::installSignals);
        System.out.flush();
        System.exit(rc);
    }

    /** SIGUSR1 prints the statistics, SIGUSR2 zeroes them, SIGINT/SIGTERM (and SIGRTMIN's role) stop the lcores. */
    private static void installSignals(final KniApp app)
    {
        sun.misc.Signal.handle(new sun.misc.Signal("USR1"), s -> app.printStats());
        sun.misc.Signal.handle(new sun.misc.Signal("USR2"), s -> app.resetStats());
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> app.stop());
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> app.stop());
    }

    /**
     * Runs the example to completion: EAL, options, pool, ports, KNIs, link check, the lcores until {@link #stop()},
     * then the release. {@code running} is called once everything is up, before the lcores start (the signal handlers
     * are installed there). Returns the exit code; never throws.
     */
    public static int run(final String[] argv, final PrintStream out, final PrintStream err,
        final Consumer<KniApp> running)
    {
        final EalArgs ealArgs;
        final Eal eal;
        try
        {
            ealArgs = EalArgs.parse(argv).program(PROG);
            eal = Eal.init(ealArgs);
        }
        catch (final EalArgsException ex)
        {
            err.println("EAL: " + ex.getMessage());
            return exit(err, "Could not initialise EAL (-22)");
        }
        catch (final RuntimeException ex)
        {
            err.println("EAL: " + ex.getMessage());
            return exit(err, "Could not initialise EAL (" + errno(ex) + ")");
        }
        KniApp app = null;
        try
        {
            final KniAppArgs a = KniAppArgs.parse(PROG, eal.appArgs(), l -> isLcoreEnabled(eal, l), out);
            app = new KniApp(eal, a, out);
            app.init();
            running.accept(app);
            app.runLcores();
            return 0;
        }
        catch (final KniAppExit ex)
        {
            return exit(err, ex.getMessage());
        }
        catch (final RuntimeException ex)
        {
            return exit(err, ex.toString());
        }
        finally
        {
            if (app != null)
            {
                app.close();
            }
            eal.close();
            out.flush();
        }
    }

    /** rte_lcore_is_enabled. */
    private static boolean isLcoreEnabled(final Eal eal, final int lcore)
    {
        for (final int l : eal.lcores())
        {
            if (l == lcore)
            {
                return true;
            }
        }
        return false;
    }

    private static int errno(final RuntimeException ex)
    {
        return ex instanceof io.ethdev4j.sys.ErrnoException ? -((io.ethdev4j.sys.ErrnoException)ex).errno() : -1;
    }

    /** rte_exit(EXIT_FAILURE, cause). */
    private static int exit(final PrintStream err, final String cause)
    {
        err.println("EAL: Error - exiting with code: 1");
        err.println("  Cause: " + cause);
        err.flush();
        return 1;
    }

    // ------------------------------------------------------------------ start

    private void init()
    {
        if (eal.portCount() == 0)
        {
            throw new KniAppExit("No supported Ethernet device found");
        }
        for (final KniPortParams p : args.ports())
        {
            if (!eal.isValidPort(p.portId()))
            {
                throw new KniAppExit("Configured invalid port ID " + p.portId());
            }
        }
        try
        {
            kni = KniContext.init(eal);    // init_kni: rte_kni_init
        }
        catch (final EthDevException ex)
        {
            throw new KniAppExit("Could not initialise KNI: " + ex.getMessage(), ex);
        }
        for (final EthDev dev : eal.ports())
        {
            final int port = dev.portId();
            if ((args.portsMask() & (1L << port)) == 0)
            {
                continue;
            }
            ports.initPort(port);
            kniAlloc(args.port(port));
        }
        checkAllPortsLinkStatus();
        final long pid = ProcessHandle.current().pid();
        Log.info("APP", "========================");
        Log.info("APP", "KNI Running");
        Log.info("APP", "kill -SIGUSR1 " + pid);
        Log.info("APP", "    Show KNI Statistics.");
        Log.info("APP", "kill -SIGUSR2 " + pid);
        Log.info("APP", "    Zero KNI Statistics.");
        Log.info("APP", "========================");
        linkMonitor = new Thread(this::monitorAllPortsLinkStatus, "KNI link status check");
        linkMonitor.setDaemon(true);
        linkMonitor.start();
    }

    /** kni_alloc: one KNI per kthread lcore (or one); the first with the port's MAC, MTU, MTU range and the ops. */
    private void kniAlloc(final KniPortParams p)
    {
        final int port = p.portId();
        for (int i = 0; i < p.nbKni(); i++)
        {
            final KniConf conf = new KniConf().name(p.kniName(i)).groupId(port).mbufSize(MAX_PACKET_SZ);
            if (p.lcoreK().length > 0)
            {
                conf.coreId(p.lcoreK()[i]).forceBind(true);
            }
            final Kni k;
            try
            {
                if (i == 0)
                {
                    final EthDev dev = eal.port(port);
                    final DevInfo info = dev.info();
                    conf.macAddr(dev.macAddr()).mtu(dev.mtu()).minMtu(info.minMtu).maxMtu(info.maxMtu);
                    k = kni.alloc(pool, conf, ports.ops(port));
                }
                else
                {
                    k = kni.alloc(pool, conf, null);
                }
            }
            catch (final EthDevException ex)
            {
                throw new KniAppExit("Fail to create kni for port: " + port + " (" + ex.getMessage() + ")", ex);
            }
            if (k == null)
            {
                throw new KniAppExit("Fail to create kni for port: " + port);
            }
            p.kni(i, k);
        }
    }

    /** check_all_ports_link_status: up to 9 s for every port of the mask to be up, then each port's link. */
    private void checkAllPortsLinkStatus()
    {
        out.print("\nChecking link status\n");
        out.flush();
        boolean print = false;
        for (int count = 0; count <= MAX_CHECK_TIME; count++)
        {
            boolean allUp = true;
            for (final EthDev dev : eal.ports())
            {
                if ((args.portsMask() & (1L << dev.portId())) == 0)
                {
                    continue;
                }
                final EthLink link = dev.link();
                if (print)
                {
                    out.println("Port " + dev.portId() + " " + link);
                    continue;
                }
                if (!link.isUp())
                {
                    allUp = false;
                    break;
                }
            }
            if (print)
            {
                break;
            }
            if (!allUp)
            {
                out.print(".");
                out.flush();
                LockSupport.parkNanos(CHECK_INTERVAL_NS);
            }
            if (allUp || count == MAX_CHECK_TIME - 1)
            {
                print = true;
                out.println("done");
            }
        }
        out.flush();
    }

    /** monitor_all_ports_link_status: every 500 ms, each port's link status becomes its KNIs' carrier. */
    private void monitorAllPortsLinkStatus()
    {
        while (monitorLinks)
        {
            LockSupport.parkNanos(LINK_MONITOR_INTERVAL_NS);
            if (!monitorLinks)
            {
                break;
            }
            for (final KniPortParams p : args.ports())
            {
                final EthLink link;
                try
                {
                    link = eal.port(p.portId()).link();
                }
                catch (final EthDevException ex)
                {
                    Log.err("APP", "Get link failed (port " + p.portId() + "): " + ex.getMessage());
                    continue;
                }
                for (int i = 0; i < p.nbKni(); i++)
                {
                    final Kni k = p.kni(i);
                    try
                    {
                        final int prev = k.updateLink(link.isUp());
                        if (prev != (link.isUp() ? 1 : 0))
                        {
                            Log.info("APP", k.name() + " NIC " + link);
                        }
                    }
                    catch (final EthDevException ex)
                    {
                        Log.err("APP", "rte_kni_update_link(" + k.name() + ") failed: " + ex.getMessage());
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ lcores

    /** rte_eal_mp_remote_launch(main_loop, CALL_MAIN) then wait for every worker. */
    private void runLcores()
    {
        for (final int lcore : eal.workerLcores())
        {
            eal.remoteLaunch(lcore, () -> mainLoop(lcore));
        }
        mainLoop(eal.mainLcore());
        eal.waitAllLcores();
    }

    /** main_loop: the lcore's role is the first port whose rx (or else tx) lcore it is. */
    private void mainLoop(final int lcore)
    {
        for (final KniPortParams p : args.ports())
        {
            if (p.lcoreRx() == lcore)
            {
                Log.info("APP", "Lcore " + lcore + " is reading from port " + p.portId());
                new Ingress(p).run();
                return;
            }
            if (p.lcoreTx() == lcore)
            {
                Log.info("APP", "Lcore " + lcore + " is writing to port " + p.portId());
                new Egress(p).run();
                return;
            }
        }
        Log.info("APP", "Lcore " + lcore + " has nothing to do");
    }

    /** What an rx or tx lcore holds for its port: the port, its KNIs and a burst array (allocated before the loop). */
    private abstract class PortLoop
    {
        final EthDev dev;
        final int port;
        final Kni[] knis;
        final Mbuf[] burst = new Mbuf[PKT_BURST_SZ];

        PortLoop(final KniPortParams p)
        {
            dev = eal.port(p.portId());
            port = p.portId();
            knis = new Kni[p.nbKni()];
            for (int i = 0; i < knis.length; i++)
            {
                knis[i] = p.kni(i);
            }
        }

        /** Until kni_stop; spins while a callback pauses the lcores. */
        final void run()
        {
            while (!stopRequested)
            {
                if (ports.pause().get() != 0)
                {
                    Thread.onSpinWait();
                    continue;
                }
                for (final Kni k : knis)
                {
                    pass(k);
                }
            }
        }

        abstract void pass(Kni k);
    }

    /** kni_ingress: port rx queue 0 → the KNI, then its requests. Allocates nothing. */
    private final class Ingress extends PortLoop
    {
        Ingress(final KniPortParams p)
        {
            super(p);
        }

        @Override
        void pass(final Kni k)
        {
            final int nbRx = dev.rxBurst(0, burst, 0, PKT_BURST_SZ);
            final int num = k.txBurst(burst, 0, nbRx);
            if (num != 0)
            {
                stats.add(port, KniAppStats.RX_PACKETS, num);
            }
            k.handleRequest();
            if (num < nbRx)
            {
                Mbuf.freeBulk(burst, num, nbRx - num);
                stats.add(port, KniAppStats.RX_DROPPED, nbRx - num);
            }
        }
    }

    /** kni_egress: the KNI → port tx queue 0, what the port refuses freed. Allocates nothing. */
    private final class Egress extends PortLoop
    {
        Egress(final KniPortParams p)
        {
            super(p);
        }

        @Override
        void pass(final Kni k)
        {
            final int num = k.rxBurst(burst, 0, PKT_BURST_SZ);
            final int nbTx = dev.txBurst(0, burst, 0, num);
            if (nbTx != 0)
            {
                stats.add(port, KniAppStats.TX_PACKETS, nbTx);
            }
            if (nbTx < num)
            {
                Mbuf.freeBulk(burst, nbTx, num - nbTx);
                stats.add(port, KniAppStats.TX_DROPPED, num - nbTx);
            }
        }
    }

    // ------------------------------------------------------------------ signals

    /** SIGINT/SIGTERM: the lcores leave their loops (kni_stop). */
    public void stop()
    {
        out.println("\nSIGRTMIN/SIGINT/SIGTERM received. KNI processing stopping.");
        out.flush();
        stopRequested = true;
    }

    /** SIGUSR2: zeroes the statistics. */
    public void resetStats()
    {
        stats.reset();
        out.println("\n** Statistics have been reset **");
        out.flush();
    }

    /** SIGUSR1: print_stats. */
    public void printStats()
    {
        final StringBuilder sb = new StringBuilder(512);
        sb.append("\n**KNI example application statistics**\n")
            .append("======  ==============  ============  ============  ============  ============\n")
            .append(" Port    Lcore(RX/TX)    rx_packets    rx_dropped    tx_packets    tx_dropped\n")
            .append("------  --------------  ------------  ------------  ------------  ------------\n");
        for (final KniPortParams p : args.ports())
        {
            final int i = p.portId();
            sb.append(String.format("%7d %10d/%2d %13d %13d %13d %13d%n", i, p.lcoreRx(), p.lcoreTx(),
                stats.get(i, KniAppStats.RX_PACKETS), stats.get(i, KniAppStats.RX_DROPPED),
                stats.get(i, KniAppStats.TX_PACKETS), stats.get(i, KniAppStats.TX_DROPPED)));
        }
        sb.append("======  ==============  ============  ============  ============  ============\n");
        out.print(sb);
        out.flush();
    }

    /** The statistics (for tests and tools). */
    public KniAppStats stats()
    {
        return stats;
    }

    public KniAppArgs args()
    {
        return args;
    }

    public Eal eal()
    {
        return eal;
    }

    // ------------------------------------------------------------------ release

    /** After the lcores: stop the link monitor, release each port's KNIs, stop and close the port, close KNI. */
    @Override
    public void close()
    {
        monitorLinks = false;
        final Thread t = linkMonitor;
        if (t != null)
        {
            LockSupport.unpark(t);
            try
            {
                t.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            linkMonitor = null;
        }
        for (final KniPortParams p : args.ports())
        {
            for (int i = 0; i < p.nbKni(); i++)
            {
                final Kni k = p.kni(i);
                if (k != null && (kni == null || !kni.release(k)))
                {
                    out.println("Fail to release kni");
                }
                p.kni(i, null);
            }
            if (eal.isValidPort(p.portId()) && eal.port(p.portId()).isConfigured())
            {
                ports.freePort(p.portId());
            }
        }
        if (kni != null)
        {
            kni.close();
            kni = null;
        }
        pool.close();
    }
}
