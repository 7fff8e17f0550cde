package io.ethdev4j.testpmd;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.mbuf.MbufPool;

import java.io.PrintStream;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Port control as testpmd does it (start_port, stop_port, close_port, reset_port, attach_port, detach_device,
 * pmd_test_exit in app/test-pmd/testpmd.c): configure ports from the {@link TestPmdConfig} when they need it,
 * start, stop, close, reset, hot-plug them, with DPDK's messages ({@code Configuring Port}, {@code Stopping
 * ports...}, {@code Checking link statuses...}). Owns the per-port {@link PortState}. Control thread only.
 */
public final class PortControl
{
    /** The port argument meaning every port ({@code all}). */
    public static final int ALL = -1;

    private final Eal eal;
    private final TestPmdConfig config;
    private final MbufPool pool;
    private final PrintStream out;
    private final PrintStream err;
    private final BooleanSupplier forwarding;
    private final PortState[] states = new PortState[Eal.MAX_ETHPORTS];

    /**
     * @param pool       the pool rx queues are set up with
     * @param forwarding whether packet forwarding runs (a forwarding port must not be stopped)
     */
    PortControl(final Eal eal, final TestPmdConfig config, final MbufPool pool, final PrintStream out,
        final PrintStream err, final BooleanSupplier forwarding)
    {
        this.eal = eal;
        this.config = config;
        this.pool = pool;
        this.out = out;
        this.err = err;
        this.forwarding = forwarding;
        for (int i = 0; i < states.length; i++)
        {
            states[i] = new PortState();
        }
    }

    public PortState state(final int port)
    {
        return states[port];
    }

    public boolean isValid(final int port)
    {
        return eal.isValidPort(port);
    }

    public EthDev port(final int port)
    {
        return eal.port(port);
    }

    public int count()
    {
        return eal.portCount();
    }

    /** Every probed port id, in order. */
    public int[] ids()
    {
        final List<EthDev> ports = eal.ports();
        final int[] ids = new int[ports.size()];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = ports.get(i).portId();
        }
        return ids;
    }

    /** {@code port} itself, or every port for {@link #ALL}. */
    public int[] ids(final int port)
    {
        return port == ALL ? ids() : new int[] {port};
    }

    /** Configure every port again before its next start (queue counts or descriptors changed). */
    /** The pool rx queues are set up with. */
    public MbufPool pool()
    {
        return pool;
    }

    /** The port is configured again at its next start. */
    public void markReconfig(final int port)
    {
        states[port].needReconfig = true;
    }

    public void markAllReconfig()
    {
        for (final PortState s : states)
        {
            s.needReconfig = true;
        }
    }

    /**
     * check_nb_rxq / check_nb_txq: whether {@code n} queues fit every port. Returns -1 when they do, else the limit
     * of the first port they do not fit, after printing DPDK's message.
     */
    public int checkNbQueues(final boolean rx, final int n)
    {
        for (final EthDev d : eal.ports())
        {
            final int max = rx ? d.info().maxRxQueues : d.info().maxTxQueues;
            if (n > max)
            {
                final String what = rx ? "rx" : "tx";
                err.printf("Fail: input %sq (%d) can't be greater than max_%s_queues (%d) of port %d%n", what, n, what,
                    max, d.portId());
                return max;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * start_port ({@link #ALL} or one id): configures the ports that need it (queues, RSS when several rx queues,
     * MTU from --max-pkt-len), starts them and prints their MAC, then the link check. At init a failure is fatal.
     */
    public boolean start(final int pid, final boolean atInit)
    {
        boolean ok = true;
        // need_check_link_status: -1 no port visited, 0 none started, 1 some started
        int needCheck = -1;
        for (final EthDev d : eal.ports())
        {
            if (pid != ALL && d.portId() != pid)
            {
                continue;
            }
            final int p = d.portId();
            needCheck = Math.max(needCheck, 0);
            if (d.isStarted())
            {
                err.printf("Port %d is now not stopped%n", p);
                continue;
            }
            try
            {
                final PortState st = states[p];
                if (st.needReconfig || !d.isConfigured())
                {
                    configure(d);
                    st.needReconfig = false;
                }
                d.start();
                out.printf("Port %d: %s%n", p, d.macAddr());
                needCheck = 1;
            }
            catch (final EthDevException ex)
            {
                err.printf("Fail to start port %d: %s%n", p, ex.getMessage());
                ok = false;
            }
        }
        if (needCheck == 1 && !config.noLinkCheck())
        {
            out.println("Checking link statuses...");
        }
        else if (needCheck == 0)
        {
            err.println("Please stop the ports first");
        }
        out.println("Done");
        if (!ok && atInit)
        {
            throw new TestPmdExit("Start ports failed");
        }
        return ok;
    }

    private void configure(final EthDev d)
    {
        out.printf("Configuring Port %d (socket 0)%n", d.portId());
        final EthConf conf = new EthConf();
        // init_port_config: several rx queues are fed by RSS (rx_mq_mode defaults to RSS)
        conf.rxMqMode = config.nbRxq() > 1 ? EthConf.MQ_RX_RSS : EthConf.MQ_RX_NONE;
        // rss_conf.rss_hf: --rss-ip (default), --rss-udp, 0 with --disable-rss (drivers that hash fixed fields ignore it)
        conf.rssHf = config.nbRxq() > 1 ? config.rssHf() : 0;
        if (config.maxPktLen() > 0)
        {
            conf.mtu = Math.max(config.maxPktLen() - 18, 46);
        }
        else if (d.isConfigured())
        {
            conf.mtu = d.mtu();
        }
        conf.rxOffloads = states[d.portId()].rxOffloads;
        conf.txOffloads = states[d.portId()].txOffloads;
        d.configure(config.nbRxq(), config.nbTxq(), conf);
        for (int q = 0; q < config.nbTxq(); q++)
        {
            d.txQueueSetup(q, config.nbTxd(), null);
        }
        for (int q = 0; q < config.nbRxq(); q++)
        {
            d.rxQueueSetup(q, config.nbRxd(), pool, null);
        }
    }

    /** At init: every port promiscuous, a port that cannot be is reported and kept. */
    void enablePromiscuousAll()
    {
        for (final EthDev d : eal.ports())
        {
            try
            {
                d.promiscuousEnable();
            }
            catch (final EthDevException ex)
            {
                err.printf("Error during enabling promiscuous mode for port %d: %s - ignore%n", d.portId(),
                    Displays.strerror(ex));
            }
        }
    }

    /** {@code port stop}: stop_port, which keeps a port that forwards. */
    public void stop(final int pid)
    {
        boolean needCheck = false;
        out.println("Stopping ports...");
        for (final EthDev d : eal.ports())
        {
            if (pid != ALL && d.portId() != pid)
            {
                continue;
            }
            if (forwarding.getAsBoolean() && config.isFwdPort(d.portId()))
            {
                err.printf("Please remove port %d from forwarding configuration.%n", d.portId());
                continue;
            }
            if (!d.isStarted())
            {
                continue;
            }
            d.stop();
            needCheck = true;
        }
        if (needCheck && !config.noLinkCheck())
        {
            out.println("Checking link statuses...");
        }
        out.println("Done");
    }

    /** {@code port close}: close_port; a started port is kept. The remaining ports forward. */
    public void close(final int pid)
    {
        out.println("Closing ports...");
        for (final int p : ids(pid))
        {
            final EthDev d = eal.port(p);
            if (forwarding.getAsBoolean() && config.isFwdPort(p))
            {
                err.printf("Please remove port %d from forwarding configuration.%n", p);
                continue;
            }
            if (d.isStarted())
            {
                // rte_eth_dev_close refuses a started device
                err.printf("Cannot close started device (port %d)%n", p);
                continue;
            }
            d.close();
            out.printf("Port %d is closed%n", p);
        }
        refreshFwdPorts();
        out.println("Done");
    }

    /** {@code port reset}: reset_port, not while forwarding; the port is configured again at its next start. */
    public void reset(final int pid)
    {
        boolean stopped = true;
        for (final int p : ids(pid))
        {
            stopped &= !eal.port(p).isStarted();
        }
        if (!stopped)
        {
            err.println("Can not reset port(s), please stop port(s) first.");
            return;
        }
        out.println("Resetting ports...");
        for (final int p : ids(pid))
        {
            if (forwarding.getAsBoolean() && config.isFwdPort(p))
            {
                err.printf("Please remove port %d from forwarding configuration.%n", p);
                continue;
            }
            try
            {
                eal.port(p).reset();
                states[p].needReconfig = true;
            }
            catch (final EthDevException ex)
            {
                err.printf("Failed to reset port %d. diag=%d%n", p, ex.diag());
            }
        }
        out.println("Done");
    }

    /** {@code port attach}: probes the device, makes it promiscuous; every port forwards. */
    public void attach(final String identifier)
    {
        out.println("Attaching a new port...");
        try
        {
            final EthDev d = eal.attach(identifier);
            states[d.portId()] = new PortState();
            refreshFwdPorts();
            try
            {
                d.promiscuousEnable();
            }
            catch (final EthDevException ignore)
            {
                // as DPDK: a driver without promiscuous mode still attaches
            }
            out.printf("Port %d is attached. Now total ports is %d%n", d.portId(), eal.portCount());
            out.println("Done");
        }
        catch (final EthDevException ex)
        {
            err.printf("Failed to attach port %s: %s%n", identifier, ex.getMessage());
        }
    }

    /** {@code port detach}: a stopped port only; every remaining port forwards. */
    public void detach(final int p)
    {
        if (!eal.isValidPort(p))
        {
            err.printf("Invalid port_id=%d%n", p);
            return;
        }
        if (eal.port(p).isStarted())
        {
            err.println("Port not stopped");
            return;
        }
        // ports are gone once closed here: a port still listed was not closed
        err.println("Port was not closed");
        out.println("Removing a device...");
        eal.detach(p);
        out.printf("Port %d is closed%n", p);
        refreshFwdPorts();
        out.printf("Device is detached%nNow total ports is %d%nDone%n", eal.portCount());
    }

    /** After attach/detach/close: every probed port forwards (DPDK's fwd_ports_ids refresh). */
    private void refreshFwdPorts()
    {
        final int[] ids = ids();
        config.setFwdPorts(ids);
    }

    /** pmd_test_exit: stop every port, then close every port, with DPDK's per-port lines. */
    void stopAndCloseAll()
    {
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
    }

    // ------------------------------------------------------------------ statistics

    /** {@code show port stats}: nic_stats_display, rates since the previous show of this port. */
    public void showStats(final int port)
    {
        final EthStats s = new EthStats();
        try
        {
            eal.port(port).statsGet(s);
        }
        catch (final EthDevException ex)
        {
            // as nic_stats_display: the error (DPDK prints no newline) and on to the next port
            err.printf("nic_stats_display: Error: failed to get stats (port %d): %d", port, -ex.errno());
            err.flush();
            return;
        }
        Displays.nicStats(out, port, s, states[port], System.nanoTime());
    }

    /** {@code clear port stats}: the counters, the rates and the forward-statistics base restart from zero. */
    public void clearStats(final int port)
    {
        eal.port(port).statsReset();
        states[port].atStartReset();
        out.printf("%n  NIC statistics for port %d cleared%n", port);
    }

    /** Snapshot of every forwarding port's counters at {@code start} (forward statistics are deltas). */
    void snapshotAtStart(final int[] ports)
    {
        for (final int p : ports)
        {
            try
            {
                eal.port(p).statsGet(states[p].atStart);
            }
            catch (final EthDevException ex)
            {
                err.printf("fwd_stats_reset: Error: failed to get stats (port %d): %d", p, -ex.errno());
                err.flush();
            }
        }
    }

    /** "The valid ports array is [ 0 1 ]" (after an invalid port in {@code show port}). */
    public void printValidPorts()
    {
        final StringBuilder sb = new StringBuilder("The valid ports array is [");
        for (final EthDev d : eal.ports())
        {
            sb.append(' ').append(d.portId());
        }
        out.println(sb.append(" ]"));
    }
}
