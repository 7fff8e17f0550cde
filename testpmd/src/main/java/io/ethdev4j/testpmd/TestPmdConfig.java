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
    /** RTE_ETH_RSS_IP (rte_ethdev.h 22.11): IPV4 | FRAG_IPV4 | NONFRAG_IPV4_OTHER | IPV6 | FRAG_IPV6 | NONFRAG_IPV6_OTHER | IPV6_EX. */
    public static final long RSS_IP = (1L << 2) | (1L << 3) | (1L << 7) | (1L << 8) | (1L << 9) | (1L << 13) | (1L << 15);
    /** RTE_ETH_RSS_UDP: NONFRAG_IPV4_UDP | NONFRAG_IPV6_UDP | IPV6_UDP_EX. */
    public static final long RSS_UDP = (1L << 5) | (1L << 11) | (1L << 17);
    /** RTE_ETH_RX_OFFLOAD_SCATTER. */
    public static final long RX_OFFLOAD_SCATTER = 1L << 13;
    /** RTE_ETH_RX_OFFLOAD_KEEP_CRC. */
    public static final long RX_OFFLOAD_KEEP_CRC = 1L << 16;
    /** RTE_ETH_RX_OFFLOAD_TCP_LRO. */
    public static final long RX_OFFLOAD_TCP_LRO = 1L << 4;
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

    /** Lcores that may forward (all but the main one): nb_lcores. */
    private final int nbLcores;
    /** The main lcore (reserved for the command line). */
    private final int mainLcore;
    /** Every enabled lcore, main included. */
    private final int[] enabledLcores;
    /** fwd_lcores_cpuids[0..nb_cfg_lcores): the worker lcores, or the --coremask ones. */
    private int[] fwdLcoreIds;

    // options kept as DPDK keeps them (parameters.c)
    private boolean numaSupport = true;
    /** --socket-num; -1: not given (UMA_NO_CONFIG). */
    private int socketNum = -1;
    private String mpAlloc = "native";
    /** rss_hf: RTE_ETH_RSS_IP by default, 0 with --disable-rss. */
    private long rssHf = RSS_IP;
    private boolean noFlushRx;
    private boolean lscInterrupt = true;
    private boolean noLinkCheck;
    private boolean rxDropEn;
    private long rxOffloads;
    private long txOffloads;
    private boolean recordBurstStats;
    private boolean recordCoreCycles;
    /** --latencystats=N: the lcore id given, -1 when latency statistics are off. */
    private int latencyStatsLcore = -1;
    private boolean txonlyMultiFlow;
    /** --rxfreet / --txfreet; -1: the driver's default (RTE_PMD_PARAM_UNSET). */
    private int rxFreeThresh = -1;
    private int txFreeThresh = -1;
    private boolean mlockall = true;
    /** --noisy-*: tx FIFO size, flush time (ms), lookup memory (MB), lookups per packet. */
    final int[] noisy = new int[6];
    /** set verbose. */
    private int verbose;
    /** Port 0's recommended rx burst, for --burst=0 (parsing only). */
    int port0Burst;

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
    /** --txpkts / set txpkts: the segment lengths (their sum is {@link #txPktLen}). */
    private int[] txSegs = {64};
    /** set txsplit: off, on or rand (tx_split_name). */
    private String txSplit = "off";
    /** set burst tx delay D retry N (burst_tx_delay_time µs, burst_tx_retry_num). */
    private int burstTxDelayUs = 1;
    private int burstTxRetryNum = 64;
    private boolean xstatsHideZero;
    /** The worker lcores at start-up (set default goes back to them). */
    private final int[] defaultFwdLcores;

    TestPmdConfig(final int nbLcores)
    {
        this(workers(nbLcores), 0);
    }

    private static int[] workers(final int n)
    {
        final int[] w = new int[n];
        for (int i = 0; i < n; i++)
        {
            w[i] = i + 1;
        }
        return w;
    }

    TestPmdConfig(final int[] workerLcores, final int mainLcore)
    {
        this.nbLcores = workerLcores.length;
        this.mainLcore = mainLcore;
        this.fwdLcoreIds = workerLcores.clone();
        this.defaultFwdLcores = workerLcores.clone();
        this.enabledLcores = new int[workerLcores.length + 1];
        enabledLcores[0] = mainLcore;
        System.arraycopy(workerLcores, 0, enabledLcores, 1, workerLcores.length);
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
        if (n > fwdLcoreIds.length)
        {
            throw new Rejected(String.format("nb fwd cores %d > %d (max. number of configured lcores) - ignored", n,
                fwdLcoreIds.length));
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

    /** port config all max-pkt-len: the frame length the MTU follows at the next configure. */
    public void maxPktLenSetting(final int bytes)
    {
        maxPktLen = bytes;
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
        txSegs = new int[] {bytes};
    }

    /** --txpkts X[,Y]* / set txpkts (already checked): the segment lengths; the frame length is their sum. */
    public void txSegments(final int[] lengths)
    {
        txSegs = lengths.clone();
        int total = 0;
        for (final int l : lengths)
        {
            total += l;
        }
        txPktLen = total;
    }

    /** tx_pkt_seg_lengths[0..tx_pkt_nb_segs). */
    public int[] txSegments()
    {
        return txSegs.clone();
    }

    /** tx_pkt_split's name: off, on or rand. */
    public String txSplit()
    {
        return txSplit;
    }

    /** set_tx_pkt_split: false for a name that is none of off, on, rand. */
    public boolean txSplit(final String name)
    {
        if (!name.equals("off") && !name.equals("on") && !name.equals("rand"))
        {
            return false;
        }
        txSplit = name;
        return true;
    }

    /** burst_tx_delay_time, µs between two tx retries. */
    public int burstTxDelayUs()
    {
        return burstTxDelayUs;
    }

    public int burstTxRetryNum()
    {
        return burstTxRetryNum;
    }

    /** set burst tx delay D retry N. */
    public void burstTxRetry(final int delayUs, final int retries)
    {
        burstTxDelayUs = delayUs;
        burstTxRetryNum = retries;
    }

    public boolean xstatsHideZero()
    {
        return xstatsHideZero;
    }

    public void xstatsHideZero(final boolean on)
    {
        xstatsHideZero = on;
    }

    /** set eth-peer: the destination MAC of frames the mac engine sends on {@code port}. */
    public void setPeer(final int port, final long mac)
    {
        peers[port] = mac;
    }

    /**
     * set_fwd_lcores_list from the shell (set corelist / set coremask): see {@link #setFwdLcores}; returns the
     * "previous number of forwarding cores" message or null.
     */
    public String setFwdLcoresList(final int[] list)
    {
        return setFwdLcores(list);
    }

    /**
     * set_fwd_ports_list (ports already checked valid): the forwarding ports; returns the "previous number of
     * forwarding ports" message when their number changes, else null.
     */
    public String setFwdPortsList(final int[] list)
    {
        fwdPorts = list.clone();
        final String msg = changed("ports", nbFwdPorts, list.length);
        nbFwdPorts = list.length;
        return msg;
    }

    /** set_fwd_lcores_list / set_fwd_ports_list's note when the number of forwarding cores or ports changes. */
    private static String changed(final String what, final int before, final int after)
    {
        return before == after ? null : "previous number of forwarding " + what + " " + before +
            " - changed to number of configured " + what + " " + after;
    }

    /**
     * set_def_fwd_config ({@code set default}): one forwarding core among every worker lcore, the default peers
     * (02:00:00:00:00:port), every port forwarding.
     */
    public void setDefaultFwdConfig(final int[] ports)
    {
        fwdLcoreIds = defaultFwdLcores.clone();
        nbFwdLcores = 1;
        for (int i = 0; i < peers.length; i++)
        {
            peers[i] = 0x02_00_00_00_00_00L | i;
        }
        fwdPorts = ports.clone();
        nbFwdPorts = ports.length;
    }

    // ------------------------------------------------------------------ lcores and the options kept as DPDK keeps them

    /** fwd_lcores_cpuids[0..nb_cfg_lcores). */
    public int[] fwdLcoreIds()
    {
        return fwdLcoreIds.clone();
    }

    public int fwdLcoreId(final int lc)
    {
        return fwdLcoreIds[lc];
    }

    /**
     * set_fwd_lcores_list: every lcore enabled and not the main one, else DPDK's message and nothing changes;
     * returns the message to print when the number of forwarding cores changes (or null).
     */
    String setFwdLcores(final int[] list)
    {
        for (final int lc : list)
        {
            boolean enabled = false;
            for (final int e : enabledLcores)
            {
                enabled |= e == lc;
            }
            if (!enabled)
            {
                throw new Rejected("lcore " + lc + " not enabled");
            }
            if (lc == mainLcore)
            {
                throw new Rejected("lcore " + lc + " cannot be masked on for running packet forwarding, which is the main " +
                    "lcore and reserved for command line parsing only");
            }
        }
        fwdLcoreIds = list.clone();
        final String msg = changed("cores", nbFwdLcores, list.length);
        nbFwdLcores = list.length;
        return msg;
    }

    public boolean numaSupport()
    {
        return numaSupport;
    }

    void numaSupport(final boolean on)
    {
        numaSupport = on;
    }

    /** --socket-num, or -1. */
    public int socketNum()
    {
        return socketNum;
    }

    void socketNum(final int n)
    {
        socketNum = n;
    }

    /** --mp-alloc: native, anon, xmem, xmemhuge or xbuf. */
    public String mpAlloc()
    {
        return mpAlloc;
    }

    void mpAlloc(final String mode)
    {
        mpAlloc = mode;
    }

    /** rss_hf asked for at configure (0: RSS disabled). */
    public long rssHf()
    {
        return rssHf;
    }

    void rssHf(final long hf)
    {
        rssHf = hf;
    }

    /** --no-flush-rx (or {@code set flush_rx off}): rx queues are not drained at start. */
    public boolean noFlushRx()
    {
        return noFlushRx;
    }

    public void noFlushRx(final boolean on)
    {
        noFlushRx = on;
    }

    public boolean lscInterrupt()
    {
        return lscInterrupt;
    }

    void lscInterrupt(final boolean on)
    {
        lscInterrupt = on;
    }

    /** --disable-link-check: no wait for link up at start. */
    public boolean noLinkCheck()
    {
        return noLinkCheck;
    }

    void noLinkCheck(final boolean on)
    {
        noLinkCheck = on;
    }

    public boolean rxDropEn()
    {
        return rxDropEn;
    }

    void rxDropEn(final boolean on)
    {
        rxDropEn = on;
    }

    /** rx_mode.offloads asked for (--rx-offloads, --enable-scatter ...). */
    public long rxOffloads()
    {
        return rxOffloads;
    }

    void rxOffloads(final long bits)
    {
        rxOffloads = bits;
    }

    public long txOffloads()
    {
        return txOffloads;
    }

    void txOffloads(final long bits)
    {
        txOffloads = bits;
    }

    public boolean recordBurstStats()
    {
        return recordBurstStats;
    }

    public void recordBurstStats(final boolean on)
    {
        recordBurstStats = on;
    }

    /** --latencystats=N: the lcore id, or -1 when latency statistics are off. */
    public int latencyStatsLcore()
    {
        return latencyStatsLcore;
    }

    public void latencyStatsLcore(final int lcoreId)
    {
        latencyStatsLcore = lcoreId;
    }

    public boolean recordCoreCycles()
    {
        return recordCoreCycles;
    }

    public void recordCoreCycles(final boolean on)
    {
        recordCoreCycles = on;
    }

    public boolean txonlyMultiFlow()
    {
        return txonlyMultiFlow;
    }

    void txonlyMultiFlow(final boolean on)
    {
        txonlyMultiFlow = on;
    }

    /** --rxfreet, or -1 (driver default). */
    public int rxFreeThresh()
    {
        return rxFreeThresh;
    }

    void rxFreeThresh(final int n)
    {
        rxFreeThresh = n;
    }

    /** --txfreet, or -1 (driver default). */
    public int txFreeThresh()
    {
        return txFreeThresh;
    }

    void txFreeThresh(final int n)
    {
        txFreeThresh = n;
    }

    /** do_mlockall: --mlockall / --no-mlockall (default on, as DPDK). */
    public boolean mlockall()
    {
        return mlockall;
    }

    void mlockall(final boolean on)
    {
        mlockall = on;
    }

    /** verbose_level ({@code set verbose}). */
    public int verbose()
    {
        return verbose;
    }

    public void verbose(final int level)
    {
        verbose = level;
    }

    /** The noisy engine's settings into the engines' parameters. */
    public void noisy(final io.ethdev4j.testpmd.fwd.FwdParams p)
    {
        p.noisyTxSwBufSize = noisy[0];
        p.noisyTxSwBufFlushTimeMs = noisy[1];
        p.noisyLkupMemoryMb = noisy[2];
        p.noisyLkupNumWrites = noisy[3];
        p.noisyLkupNumReads = noisy[4];
        p.noisyLkupNumReadsWrites = noisy[5];
    }
}
