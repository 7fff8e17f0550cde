package io.ethdev4j.eal;

import io.ethdev4j.bus.Bus;
import io.ethdev4j.bus.BusConfig;
import io.ethdev4j.bus.BusProvider;
import io.ethdev4j.bus.Devargs;
import io.ethdev4j.bus.EalServices;
import io.ethdev4j.bus.MatchedDevice;
import io.ethdev4j.bus.PmdProvider;
import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevBus;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.mem.DmaMemory;
import io.ethdev4j.mem.HugepageInfo;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runtime (DPDK's EAL): parsed options, DMA memory, lcores, the PMD providers and the port table.
 * <p>
 * {@link #init(String...)} parses the EAL options, sets up memory and lcores and probes devices the DPDK way, bus
 * by bus ({@link Bus}): the device buses found with ServiceLoader ({@link BusProvider}; the PCI bus of module
 * bus-pci, with {@code -a}, {@code -b} and {@code --no-pci}) first, the virtual devices ({@code --vdev},
 * {@link VdevBus}) last, so PCI ports get the low ids. A device the user named that fails to probe fails
 * {@code init}; one a scan found is logged and skipped. Drivers see the runtime as {@link EalServices}.
 * {@link #close()} stops and closes every port, frees the pools made through it, joins the lcore threads, cleans
 * up the buses and releases memory, in reverse order. The runtime directory ({@link RuntimeDir}) is made first
 * and its files removed last. The {@link EalPlugin}s start last and stop first: packet capture's server (the core's
 * {@code PdumpPlugin}, DPDK's {@code rte_pdump_init()}) and telemetry.
 * <p>
 * Memory events: every region of {@link #memory()} (rings, pools, KNI FIFOs) is registered with
 * {@code memory().registry()} when allocated and unregistered when freed; the PCI bus's VFIO container and each
 * QEMU-hosted NIC map what is registered, KNI follows the pools. A pool made with {@link #createPktmbufPool} (or
 * {@code MbufPool.create(eal.memory(), ...)}) is reachable by every port, whenever it is made.
 */
public final class Eal implements AutoCloseable, EalServices
{
    /** RTE_MAX_ETHPORTS. */
    public static final int MAX_ETHPORTS = 32;

    private final EalArgs args;
    private final DmaMemory memory;
    private final List<PmdProvider> providers;
    private final EthDev[] ports = new EthDev[MAX_ETHPORTS];
    private final LcoreThread[] workers = new LcoreThread[Lcore.MAX_LCORE];
    private final List<MbufPool> pools = new CopyOnWriteArrayList<>();
    private final Set<Integer> cpus = new HashSet<>();
    /** The main thread's CPUs before init pinned it, restored by close. */
    private int[] mainAffinity;
    private final Thread mainThread;
    /** Device buses, then the vdev bus: the probe order. */
    private final List<Bus> buses = new ArrayList<>();
    /** Made first by init, closed last. */
    private RuntimeDir runtimeDir;
    /** What the plugins started ({@link EalPlugin}), in start order; closed first, newest first. */
    private final List<AutoCloseable> plugins = new ArrayList<>();
    private volatile boolean closed;

    private Eal(final EalArgs args, final List<PmdProvider> providers)
    {
        this.args = args;
        this.providers = providers;
        this.memory = DmaMemory.open(args.noHuge(), args.memoryMb() << 20, args.hugeDir(), args.filePrefix(),
            args.inMemory(), HugepageInfo.Roots.SYSTEM);
        this.mainThread = Thread.currentThread();
        for (final int c : LibC.allowedCpus())
        {
            cpus.add(c);
        }
    }

    /** rte_eal_init: parses EAL options, probes devices; application options are in {@link #appArgs()}. */
    public static Eal init(final String... argv)
    {
        return init(EalArgs.parse(argv));
    }

    public static Eal init(final EalArgs args)
    {
        final List<PmdProvider> providers = new ArrayList<>();
        ServiceLoader.load(PmdProvider.class).forEach(providers::add);
        return init(args, providers);
    }

    /** For tests and embedders: a runtime with an explicit provider list (buses from ServiceLoader). */
    public static Eal init(final EalArgs args, final List<PmdProvider> providers)
    {
        final List<BusProvider> buses = new ArrayList<>();
        ServiceLoader.load(BusProvider.class).forEach(buses::add);
        return init(args, buses, providers);
    }

    /** For tests and embedders: a runtime with explicit device buses (the vdev bus is always there) and providers. */
    public static Eal init(final EalArgs args, final List<BusProvider> buses, final List<PmdProvider> providers)
    {
        Log.level(args.logLevel());
        Log.register(Log.TYPE_EAL);
        Log.register(Log.TYPE_MEM);
        args.checkLcoresDetected(EalArgs.detectedCpus());
        args.checkMemoryOptions();
        final Eal eal = new Eal(args, providers);
        try
        {
            eal.runtimeDir = RuntimeDir.open(args.filePrefix(), !args.noShconf());
            Lcore.registerMain(args.mainLcore());
            eal.mainAffinity = LibC.threadAffinity();
            eal.pin(args.mainLcore());
            eal.openBuses(buses);
            eal.probeAll();
            eal.startPlugins();
            return eal;
        }
        catch (final RuntimeException ex)
        {
            eal.close();
            throw ex;
        }
    }

    /** The {@link EalPlugin}s on the class path, in name order (telemetry, as rte_eal_init starts it last). */
    private void startPlugins()
    {
        final List<EalPlugin> found = new ArrayList<>();
        ServiceLoader.load(EalPlugin.class).forEach(found::add);
        found.sort(Comparator.comparing(EalPlugin::name));
        for (final EalPlugin p : found)
        {
            final AutoCloseable handle = p.start(this);
            if (handle != null)
            {
                plugins.add(handle);
            }
        }
    }

    /** Device buses in name order, then the vdev bus (DPDK probes vdevs last). */
    private void openBuses(final List<BusProvider> providersOfBuses)
    {
        final BusConfig config = new BusConfig(args.allow(), args.block(), args.vdevs(),
            args.noPci() ? Set.of("pci") : Set.of());
        final List<BusProvider> sorted = new ArrayList<>(providersOfBuses);
        sorted.sort(Comparator.comparing(BusProvider::name));
        for (final BusProvider b : sorted)
        {
            buses.add(b.open(config, providers));
        }
        buses.add(new VdevBus(config, providers));
    }

    private void probeAll()
    {
        if (!args.allow().isEmpty() && buses.size() == 1)
        {
            throw EthDevException.of(Errno.EINVAL, "probe(" + args.allow().get(0) + ")",
                "no bus takes -a devices (bus-pci is not on the class path)");
        }
        for (final Bus bus : buses)
        {
            for (final Bus.Candidate c : bus.scan())
            {
                if (c.requested())
                {
                    attach(c.devargs(), bus);
                    continue;
                }
                try
                {
                    attach(c.devargs(), bus);
                }
                catch (final EthDevException ex)
                {
                    Log.err("EAL", "Requested device " + c.devargs() + " cannot be used: " + ex.getMessage());
                }
            }
        }
    }

    public EalArgs args()
    {
        return args;
    }

    public String[] appArgs()
    {
        return args.appArgs();
    }

    public DmaMemory memory()
    {
        return memory;
    }

    public List<PmdProvider> providers()
    {
        return List.copyOf(providers);
    }

    /** The buses this runtime probes, in probe order (the vdev bus last). */
    public List<Bus> buses()
    {
        return List.copyOf(buses);
    }

    /**
     * rte_eal_get_runtime_dir: {@code /var/run/dpdk/<file-prefix>} for root, else under {@code $XDG_RUNTIME_DIR} or
     * {@code /tmp} (see {@link RuntimeDir}).
     */
    @Override
    public Path runtimeDir()
    {
        return runtimeDir.path();
    }

    /** The runtime directory itself: register files created in it so close removes them. */
    public RuntimeDir runtimeDirectory()
    {
        return runtimeDir;
    }

    @Override
    public Map<String, String> kniOptions()
    {
        return args.kniOptions();
    }

    // ------------------------------------------------------------------ lcores

    public int mainLcore()
    {
        return args.mainLcore();
    }

    /** All lcores, main included, ascending. */
    public int[] lcores()
    {
        return args.lcores();
    }

    /** The worker lcores (all but the main one), ascending (RTE_LCORE_FOREACH_WORKER). */
    public int[] workerLcores()
    {
        return Arrays.stream(args.lcores()).filter(c -> c != args.mainLcore()).toArray();
    }

    public int lcoreCount()
    {
        return args.lcores().length;
    }

    /**
     * The CPUs for threads that are not lcores (DPDK's control-thread cpuset): the CPUs the process may run on minus
     * the lcores' CPUs, or all of them when that leaves none. Telemetry and other service threads run there, off the
     * forwarding cores when the machine has spare ones.
     */
    public int[] controlCpus()
    {
        final Set<Integer> lcoreCpus = new HashSet<>();
        for (final int c : args.lcores())
        {
            lcoreCpus.add(c);
        }
        final int[] all = LibC.allowedCpus();
        final int[] rest = Arrays.stream(all).filter(c -> !lcoreCpus.contains(c)).toArray();
        return rest.length > 0 ? rest : all;
    }

    /** Whether lcore {@code lcore} has a CPU of that number to be pinned to (else its thread runs unpinned). */
    public boolean lcoreHasCpu(final int lcore)
    {
        return cpus.contains(lcore);
    }

    private boolean pin(final int lcore)
    {
        if (!cpus.contains(lcore))
        {
            Log.warn("EAL", "lcore " + lcore + " has no CPU " + lcore + " on this machine (allowed: " + cpus +
                "); its thread is not pinned");
            return false;
        }
        LibC.setAffinity(0, lcore);
        return true;
    }

    /**
     * rte_eal_remote_launch: runs {@code body} on worker lcore {@code lcore} in a thread pinned to that CPU (where
     * it exists). The lcore must be idle (EBUSY otherwise).
     */
    public synchronized void remoteLaunch(final int lcore, final Runnable body)
    {
        final String op = "remoteLaunch(lcore=" + lcore + ")";
        if (Arrays.stream(workerLcores()).noneMatch(c -> c == lcore))
        {
            throw EthDevException.of(Errno.EINVAL, op, "not a worker lcore (workers: " + Arrays.toString(workerLcores()) + ")");
        }
        final LcoreThread t = workers[lcore];
        if (t != null && t.isAlive())
        {
            throw EthDevException.of(Errno.EBUSY, op, "lcore is still running");
        }
        final LcoreThread nt = new LcoreThread(lcore, "lcore-worker-" + lcore, () ->
        {
            pin(lcore);
            body.run();
        });
        nt.setUncaughtExceptionHandler((th, ex) -> Log.err("EAL", "lcore " + lcore + " died: " + ex));
        workers[lcore] = nt;
        nt.start();
    }

    /** rte_eal_wait_lcore: waits for the lcore's function to return. */
    public void waitLcore(final int lcore)
    {
        final LcoreThread t = workers[lcore];
        if (t == null)
        {
            return;
        }
        boolean interrupted = false;
        while (true)
        {
            try
            {
                t.join();
                break;
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** rte_eal_mp_wait_lcore. */
    public void waitAllLcores()
    {
        for (final int c : workerLcores())
        {
            waitLcore(c);
        }
    }

    public boolean isLcoreRunning(final int lcore)
    {
        final LcoreThread t = workers[lcore];
        return t != null && t.isAlive();
    }

    // ------------------------------------------------------------------ memory

    /** rte_pktmbuf_pool_create on this runtime's memory; the pool is freed by {@link #close()}. */
    public MbufPool createPktmbufPool(final String name, final int n, final int cacheSize, final int privSize,
        final int dataRoomSize)
    {
        final MbufPool pool = MbufPool.create(memory, name, n, cacheSize, privSize, dataRoomSize);
        pools.add(pool);
        return pool;
    }

    // ------------------------------------------------------------------ ports

    /** rte_eth_dev_count_avail. */
    public synchronized int portCount()
    {
        int n = 0;
        for (final EthDev p : ports)
        {
            if (p != null)
            {
                n++;
            }
        }
        return n;
    }

    /** Live ports in id order (RTE_ETH_FOREACH_DEV). */
    public synchronized List<EthDev> ports()
    {
        final List<EthDev> list = new ArrayList<>();
        for (final EthDev p : ports)
        {
            if (p != null)
            {
                list.add(p);
            }
        }
        return list;
    }

    /** The port with id {@code portId}; ENODEV if there is none. */
    public synchronized EthDev port(final int portId)
    {
        if (portId < 0 || portId >= MAX_ETHPORTS || ports[portId] == null)
        {
            throw EthDevException.of(Errno.ENODEV, "port(" + portId + ")", "invalid port_id=" + portId +
                " (valid: " + validPortIds() + ")");
        }
        return ports[portId];
    }

    public synchronized boolean isValidPort(final int portId)
    {
        return portId >= 0 && portId < MAX_ETHPORTS && ports[portId] != null;
    }

    public synchronized EthDev portByName(final String name)
    {
        for (final EthDev p : ports)
        {
            if (p != null && p.name().equals(name))
            {
                return p;
            }
        }
        return null;
    }

    private String validPortIds()
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < MAX_ETHPORTS; i++)
        {
            if (ports[i] != null)
            {
                sb.append(sb.length() == 0 ? "" : ", ").append(i);
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /**
     * Hot-plug (rte_dev_probe): attaches the device named by a devargs string and returns its port. The first bus
     * whose {@link Bus#parse} recognises the name takes it (a PCI address goes to the PCI bus); else the vdev bus.
     */
    public EthDev attach(final String devargs)
    {
        final Devargs d = Devargs.parse(devargs);
        for (final Bus bus : buses)
        {
            if (bus.parse(d.name()))
            {
                return attach(devargs, bus);
            }
        }
        // no bus at all: init failed before it opened them, and closed the runtime
        throw EthDevException.of(Errno.ENODEV, "probe(" + devargs + ")", "runtime is closed");
    }

    private synchronized EthDev attach(final String devargs, final Bus bus)
    {
        final String op = "probe(" + devargs + ")";
        if (closed)
        {
            throw EthDevException.of(Errno.ENODEV, op, "runtime is closed");
        }
        final Devargs d = Devargs.parse(devargs);
        if (portByName(d.name()) != null)
        {
            throw EthDevException.of(Errno.EEXIST, op, "device " + d.name() + " is already attached as port " +
                portByName(d.name()).portId());
        }
        final MatchedDevice dev = bus.find(d);
        final String name = dev.name();
        if (portByName(name) != null)
        {
            throw EthDevException.of(Errno.EEXIST, op, "device " + name + " is already attached as port " +
                portByName(name).portId());
        }
        final PmdProvider provider = dev.driver();
        d.checkKeys(provider.driverName(), provider.devargs().keySet());
        int portId = -1;
        for (int i = 0; i < MAX_ETHPORTS; i++)
        {
            if (ports[i] == null)
            {
                portId = i;
                break;
            }
        }
        if (portId < 0)
        {
            throw EthDevException.of(Errno.ENOSPC, op, "all " + MAX_ETHPORTS + " port ids are in use (RTE_MAX_ETHPORTS)");
        }
        final EthDevData data = EthDev.newData(portId, name);
        final int comma = devargs.indexOf(',');
        data.device(bus.name(), comma < 0 ? "" : devargs.substring(comma + 1).trim());
        if (!bus.name().equals(VdevBus.NAME))
        {
            // a physical device: DPDK puts one without a NUMA node (as here: no sysfs numa_node read) on socket 0
            data.numaNode(0);
        }
        final EthDevOps ops = dev.probe(new ProbeContext(d, data, this));
        final int id = portId;
        final EthDev port = new EthDev(data, provider.driverName(), ops, () -> released(id));
        ports[portId] = port;
        return port;
    }

    private synchronized void released(final int portId)
    {
        ports[portId] = null;
    }

    /** Hot-unplug (rte_dev_remove): the port must be stopped; it is closed and its id freed. */
    public synchronized void detach(final int portId)
    {
        final EthDev dev = port(portId);
        if (dev.isStarted())
        {
            throw EthDevException.of(Errno.EBUSY, "detach(port=" + portId + ")", "port is started; stop it first");
        }
        dev.close();
    }

    public boolean isClosed()
    {
        return closed;
    }

    /** rte_eal_cleanup: stops and closes every port, joins lcores, frees pools and memory. */
    @Override
    public void close()
    {
        synchronized (this)
        {
            if (closed)
            {
                return;
            }
            closed = true;
        }
        RuntimeException first = null;
        for (int i = plugins.size() - 1; i >= 0; i--)
        {
            try
            {
                plugins.get(i).close();
            }
            catch (final Exception ex)
            {
                final RuntimeException rex = ex instanceof RuntimeException ? (RuntimeException)ex : new IllegalStateException(ex);
                first = first == null ? rex : first;
            }
        }
        plugins.clear();
        for (final EthDev p : ports())
        {
            try
            {
                p.stop();
                p.close();
            }
            catch (final RuntimeException ex)
            {
                first = first == null ? ex : first;
            }
        }
        waitAllLcores();
        for (int i = pools.size() - 1; i >= 0; i--)
        {
            pools.get(i).close();
        }
        pools.clear();
        for (int i = buses.size() - 1; i >= 0; i--)
        {
            buses.get(i).close();
        }
        memory.close();
        if (runtimeDir != null)
        {
            runtimeDir.close();
        }
        Lcore.unregisterMain(mainThread);
        if (mainAffinity != null && Thread.currentThread() == mainThread)
        {
            LibC.setAffinity(0, mainAffinity);
        }
        if (first != null)
        {
            throw first;
        }
    }
}
