package io.ethdev4j.testpmd;

import io.ethdev4j.testpmd.fwd.FwdEngines;

import java.util.Arrays;

/**
 * testpmd's configuration in one place, as DPDK keeps it in the globals of {@code testpmd.h} (set by
 * {@code parameters.c}, changed by the commands through {@code config.c}): how testpmd runs, the mbuf pool, the
 * queues, and the forwarding settings that {@link FwdConfig#setup} turns into streams.
 * <p>
 * {@link Parameters} fills it from the command line; {@link #init} resolves what depends on the probed ports; the
 * shell changes it only through the setters below, which check the value as DPDK's {@code config.c} does and throw
 * {@link Rejected} with DPDK's message when it is ignored. Control thread only: forwarding lcores never read it
 * (they run streams prepared from it before they are launched).
 */
public final class TestPmdConfig
{
    /** MAX_PKT_BURST: the largest {@code --burst} / {@code set burst}. */
    public static final int MAX_PKT_BURST = 512;
    /** DEF_PKT_BURST. */
    public static final int DEF_PKT_BURST = 32;
    /** DEF_MBUF_CACHE. */
    public static final int DEF_MBUF_CACHE = 250;
    /** DEFAULT_MBUF_DATA_SIZE: data room including the 128-byte headroom. */
    public static final int DEFAULT_MBUF_DATA_SIZE = 2176;
    /** RTE_MAX_QUEUES_PER_PORT. */
    public static final int MAX_QUEUES = 1024;
    /** RTE_MAX_ETHPORTS: the number of {@code --eth-peer} slots. */
    public static final int MAX_PEERS = 32;

    /** Port topology (--port-topology). */
    public enum Topology
    {
        PAIRED, CHAINED, LOOP;

        public String display()
        {
            return name().toLowerCase();
        }
    }

    /** A setting left unchanged; the message is DPDK's (printed on stderr by the shell). */
    public static final class Rejected extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        Rejected(final String message)
        {
            super(message, null, false, false);
        }
    }

    /** Lcores that may forward (all but the main one). */
    private final int nbLcores;

    // how testpmd runs (fixed once parsed)
    private boolean interactive;
    private boolean autoStart;
    private boolean txFirst;
    private boolean help;
    private int statsPeriod;
    private String cmdlineFile;

    // mbuf pool and ports
    private int mbufSize = DEFAULT_MBUF_DATA_SIZE;
    private int mbcache = DEF_MBUF_CACHE;
    private int totalNumMbufs;
    private int maxPktLen;

    // queues
    private int nbRxq = 1;
    private int nbTxq = 1;
    private int nbRxd;
    private int nbTxd;
    private int burst = DEF_PKT_BURST;

    // forwarding
    private String fwdMode = "io";
    private boolean retry;
    private int nbFwdLcores = 1;
    /** --nb-ports as given until {@link #init}, then the number of forwarding ports (≤ fwdPorts.length). */
    private int nbFwdPorts = -1;
    /** --portmask / --portlist until {@link #init} (null: every port), then the configured ports. */
    private int[] fwdPorts;
    private Topology topology = Topology.PAIRED;
    private final long[] peers = new long[MAX_PEERS];
    private int txPktLen = 64;

    TestPmdConfig(final int nbLcores)
    {
        this.nbLcores = nbLcores;
        for (int i = 0; i < peers.length; i++)
        {
            peers[i] = 0x02_00_00_00_00_00L | i;
        }
    }

    /**
     * set_def_fwd_config: the forwarding ports are the --portlist/--portmask ones or every probed port, --nb-ports of
     * them; no more forwarding cores than lcores; zero queues mean one.
     */
    void init(final int[] probedPorts)
    {
        nbFwdLcores = Math.min(nbFwdLcores, Math.max(nbLcores, 1));
        nbRxq = nbRxq == 0 ? 1 : nbRxq;
        nbTxq = nbTxq == 0 ? 1 : nbTxq;
        fwdPorts = fwdPorts != null ? fwdPorts : probedPorts.clone();
        nbFwdPorts = nbFwdPorts > 0 ? Math.min(nbFwdPorts, fwdPorts.length) : fwdPorts.length;
    }

    // ------------------------------------------------------------------ how testpmd runs

    public boolean interactive()
    {
        return interactive;
    }

    public boolean autoStart()
    {
        return autoStart;
    }

    public boolean txFirst()
    {
        return txFirst;
    }

    /** --help: print the usage and exit. */
    public boolean help()
    {
        return help;
    }

    /** --stats-period in seconds; 0 = none. */
    public int statsPeriod()
    {
        return statsPeriod;
    }

    /** --cmdline-file, or null. */
    public String cmdlineFile()
    {
        return cmdlineFile;
    }

    // ------------------------------------------------------------------ mbufs

    /** --mbuf-size: data room including headroom, bytes. */
    public int mbufSize()
    {
        return mbufSize;
    }

    public int mbcache()
    {
        return mbcache;
    }

    /** --total-num-mbufs; 0 = DPDK's default for the number of lcores. */
    public int totalNumMbufs()
    {
        return totalNumMbufs;
    }

    /** --max-pkt-len, bytes; 0 = the port's default MTU. */
    public int maxPktLen()
    {
        return maxPktLen;
    }

    // ------------------------------------------------------------------ queues

    public int nbRxq()
    {
        return nbRxq;
    }

    public int nbTxq()
    {
        return nbTxq;
    }

    /** RX descriptors per queue; 0 = the driver's preferred size. */
    public int nbRxd()
    {
        return nbRxd;
    }

    public int nbTxd()
    {
        return nbTxd;
    }

    public int burst()
    {
        return burst;
    }

    /** {@code port config all rxq N}: the port limits are checked by the caller (check_nb_rxq). */
    public void setNbRxq(final int n)
    {
        nbRxq = n;
    }

    public void setNbTxq(final int n)
    {
        nbTxq = n;
    }

    public void setNbRxd(final int n)
    {
        nbRxd = n;
    }

    public void setNbTxd(final int n)
    {
        nbTxd = n;
    }

    /** {@code set burst N}; 0 = the default; returns the burst now in use. */
    public int setBurst(final int n)
    {
        if (n > MAX_PKT_BURST)
        {
            throw new Rejected(String.format("nb pkt per burst: %d > %d (maximum packet per burst)  ignored", n, MAX_PKT_BURST));
        }
        burst = n == 0 ? DEF_PKT_BURST : n;
        return burst;
    }

    // ------------------------------------------------------------------ forwarding

    /** The forwarding engine's name ({@link FwdEngines#NAMES}). */
    public String fwdMode()
    {
        return fwdMode;
    }

    /** {@code set fwd <mode> retry}: retry partial transmits. */
    public boolean retry()
    {
        return retry;
    }

    /** set_pkt_forwarding_mode. */
    public void setFwdMode(final String mode, final boolean withRetry)
    {
        if (FwdEngines.create(mode) == null)
        {
            throw new Rejected("Invalid " + mode + " packet forwarding mode");
        }
        fwdMode = mode;
        retry = withRetry;
    }

    /** Lcores that may forward (all but the main one). */
    public int nbLcores()
    {
        return nbLcores;
    }

    public int nbFwdLcores()
    {
        return nbFwdLcores;
    }

    /** set_fwd_lcores_number. */
    public void setNbFwdLcores(final int n)
    {
        if (n > nbLcores)
        {
            throw new Rejected(String.format("nb fwd cores %d > %d (max. number of configured lcores) - ignored", n, nbLcores));
        }
        if (n == 0)
        {
            throw new Rejected("fwd cores should be > 0");
        }
        nbFwdLcores = n;
    }

    public int nbFwdPorts()
    {
        return nbFwdPorts;
    }

    /** set_fwd_ports_number: at most the number of configured ports. */
    public void setNbFwdPorts(final int n)
    {
        if (n > fwdPorts.length)
        {
            throw new Rejected(String.format("nb fwd ports %d > %d (number of configured ports) - ignored", n, fwdPorts.length));
        }
        if (n == 0)
        {
            throw new Rejected("fwd ports should be > 0");
        }
        nbFwdPorts = n;
    }

    /** The forwarding ports, in forwarding order (a copy of the first {@link #nbFwdPorts()}). */
    public int[] fwdPorts()
    {
        return Arrays.copyOf(fwdPorts, nbFwdPorts);
    }

    /** The {@code i}-th forwarding port. */
    public int fwdPort(final int i)
    {
        return fwdPorts[i];
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

    /** After attach, detach or close: every remaining port forwards (DPDK's fwd_ports_ids refresh). */
    public void setFwdPorts(final int[] ports)
    {
        fwdPorts = ports.clone();
        nbFwdPorts = ports.length;
    }

    public Topology topology()
    {
        return topology;
    }

    /** The destination MAC the mac engine writes for frames sent on {@code port} (--eth-peer), 48 bits. */
    public long peer(final int port)
    {
        return peers[port];
    }

    /** --txpkts: length of the frames txonly, flowgen and tx_first send. */
    public int txPktLen()
    {
        return txPktLen;
    }

    // ------------------------------------------------------------------ Parameters only (checked there)

    void interactive(final boolean on)
    {
        interactive = on;
    }

    void autoStart(final boolean on)
    {
        autoStart = on;
    }

    void txFirst(final boolean on)
    {
        txFirst = on;
    }

    void help(final boolean on)
    {
        help = on;
    }

    void statsPeriod(final int seconds)
    {
        statsPeriod = seconds;
    }

    void cmdlineFile(final String file)
    {
        cmdlineFile = file;
    }

    void mbufSize(final int bytes)
    {
        mbufSize = bytes;
    }

    void mbcache(final int n)
    {
        mbcache = n;
    }

    void totalNumMbufs(final int n)
    {
        totalNumMbufs = n;
    }

    void maxPktLen(final int bytes)
    {
        maxPktLen = bytes;
    }

    void nbFwdLcoresOption(final int n)
    {
        nbFwdLcores = n;
    }

    void nbFwdPortsOption(final int n)
    {
        nbFwdPorts = n;
    }

    void portList(final int[] ports)
    {
        fwdPorts = ports;
    }

    void burstOption(final int n)
    {
        burst = n;
    }

    void topology(final Topology t)
    {
        topology = t;
    }

    void peer(final int port, final long mac)
    {
        peers[port] = mac;
    }

    void txPktLen(final int bytes)
    {
        txPktLen = bytes;
    }
}
