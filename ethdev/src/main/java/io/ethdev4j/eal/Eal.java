package io.ethdev4j.eal;

import io.ethdev4j.bus.Bus;
import io.ethdev4j.bus.Devargs;
import io.ethdev4j.bus.PmdProvider;
import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.mem.DmaMemory;
import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pci.PciBus;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.pci.vfio.VfioContainer;
import io.ethdev4j.pci.vfio.VfioDevice;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runtime (DPDK's EAL): parsed options, DMA memory, lcores, the PMD providers and the port table.
 * <p>
 * {@link #init(String...)} parses the EAL options, sets up memory and lcores and probes devices the DPDK way:
 * PCI devices first, virtual devices last, so PCI ports get the low ids. PCI: with {@code -a} only the listed
 * devices are probed (in order); otherwise every function bound to vfio-pci in {@code /sys/bus/pci/devices} whose
 * vendor/device id a PCI provider claims, minus the {@code -b} list, in address order (a device that fails to probe
 * during the scan is logged and skipped, an allow-listed one fails {@code init}; a claimed device bound to another
 * driver is skipped with a notice naming tools/dpdk-devbind.sh). Each device is checked (bound to vfio-pci, viable
 * IOMMU group), then opened through kernel VFIO (one container per runtime) and handed to the driver as
 * {@link ProbeContext#busDevice()}. The sysfs
 * root is {@code /sys} unless the system property {@value #SYSFS_PROPERTY} names another (tests).
 * {@link #close()} stops and closes every port, frees the pools made through it, joins the lcore threads and
 * releases memory, in reverse order.
 */
public final class Eal implements AutoCloseable
{
    /** RTE_MAX_ETHPORTS. */
    public static final int MAX_ETHPORTS = 32;
    /** System property naming the sysfs root scanned for PCI devices (default {@code /sys}). */
    public static final String SYSFS_PROPERTY = "ethdev4j.sysfs";
    /** System property naming the directory holding the VFIO nodes (default {@code /dev/vfio}). */
    public static final String VFIO_DEV_PROPERTY = "ethdev4j.vfio.dev";

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
    private final PciBus pciBus;
    private VfioContainer vfio;
    private volatile boolean closed;

    private Eal(final EalArgs args, final List<PmdProvider> providers)
    {
        this.args = args;
        this.providers = providers;
        this.memory = new DmaMemory(args.noHuge(), args.memoryMb() << 20);
        this.mainThread = Thread.currentThread();
        this.pciBus = new PciBus(Path.of(System.getProperty(SYSFS_PROPERTY, PciBus.DEFAULT_SYSFS.toString())));
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

    /** For tests and embedders: a runtime with an explicit provider list. */
    public static Eal init(final EalArgs args, final List<PmdProvider> providers)
    {
        Log.level(args.logLevel());
        final Eal eal = new Eal(args, providers);
        try
        {
            Lcore.registerMain(args.mainLcore());
            eal.mainAffinity = LibC.threadAffinity();
            eal.pin(args.mainLcore());
            eal.probeAll();
            return eal;
        }
        catch (final RuntimeException ex)
        {
            eal.close();
            throw ex;
        }
    }

    private void probeAll()
    {
        if (args.noPci())
        {
            if (!args.allow().isEmpty())
            {
                throw EthDevException.of(Errno.EINVAL, "probe(" + args.allow().get(0) + ")", "-a given together with --no-pci");
            }
        }
        else if (!args.allow().isEmpty())
        {
            for (final String dev : args.allow())
            {
                attach(dev, Bus.PCI);
            }
        }
        else
        {
            scanPci();
        }
        for (final String vdev : args.vdevs())
        {
            attach(vdev, Bus.VDEV);
        }
    }

    /** rte_pci_scan + probe without an allow list: vfio-pci bound functions a provider claims, minus -b. */
    private void scanPci()
    {
        final List<PciBus.Entry> candidates;
        try
        {
            candidates = pciProbeList(pciBus, args.block(), providers);
        }
        catch (final PciException ex)
        {
            Log.warn("EAL", "PCI scan of " + pciBus.devicesDir() + " failed: " + ex.getMessage());
            return;
        }
        for (final PciBus.Entry e : candidates)
        {
            try
            {
                attach(e.address().toString(), Bus.PCI);
            }
            catch (final EthDevException ex)
            {
                Log.err("EAL", "Requested device " + e.address() + " cannot be used: " + ex.getMessage());
            }
        }
    }

    /**
     * The PCI functions a scan probes, in address order: bound to vfio-pci, claimed by a PCI provider and not on the
     * block list. A function a provider claims but that is bound to another driver (or none) is skipped with a notice
     * saying how to bind it, so that "0 ports" on a machine with a NIC explains itself.
     */
    static List<PciBus.Entry> pciProbeList(final PciBus bus, final List<String> block, final List<PmdProvider> providers)
    {
        final List<PciAddress> blocked = new ArrayList<>();
        for (final String b : block)
        {
            blocked.add(PciAddress.parse(b.split(",", 2)[0]));
        }
        final List<PciBus.Entry> result = new ArrayList<>();
        for (final PciBus.Entry e : bus.scan())
        {
            final PmdProvider p = findPciProvider(providers, e.id());
            if (p == null)
            {
                Log.debug("EAL", "PCI device " + e.address() + " " + e.id() + ": no driver claims it");
            }
            else if (!e.isBoundTo(PciBus.VFIO_PCI_DRIVER))
            {
                Log.notice("EAL", "PCI device " + e.address() + " " + e.id() + " (" + p.driverName() + ") is " +
                    (e.driver() == null ? "not bound to any driver" : "bound to " + e.driver()) + ", not vfio-pci: " +
                    "skipped (to use it: tools/dpdk-devbind.sh --bind=vfio-pci " + e.address() + ")");
            }
            else if (blocked.contains(e.address()))
            {
                Log.info("EAL", "PCI device " + e.address() + " " + e.id() + " is blocked (-b)");
            }
            else
            {
                result.add(e);
            }
        }
        return result;
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

    /** Hot-plug (rte_dev_probe): attaches the device named by a devargs string and returns its port. */
    public EthDev attach(final String devargs)
    {
        final Devargs d = Devargs.parse(devargs);
        final Bus bus = d.name().matches("([0-9a-fA-F]{4,8}:)?[0-9a-fA-F]{2}:[0-1][0-9a-fA-F]\\.[0-7]") ? Bus.PCI : Bus.VDEV;
        return attach(devargs, bus);
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
        final PmdProvider provider;
        final Object busDevice;
        String name = d.name();
        if (bus == Bus.VDEV)
        {
            provider = findVdevProvider(d.name());
            if (provider == null)
            {
                throw EthDevException.of(Errno.EINVAL, op, "no virtual device driver matches '" + d.name() +
                    "' (known: " + knownDrivers(Bus.VDEV) + ")");
            }
            busDevice = null;
        }
        else
        {
            if (args.noPci())
            {
                throw EthDevException.of(Errno.ENODEV, op, "the PCI bus is disabled (--no-pci)");
            }
            final PciAddress addr;
            try
            {
                addr = PciAddress.parse(d.name());
            }
            catch (final IllegalArgumentException ex)
            {
                throw EthDevException.of(Errno.EINVAL, op, ex.getMessage());
            }
            for (final String b : args.block())
            {
                if (PciAddress.parse(b.split(",", 2)[0]).equals(addr))
                {
                    throw EthDevException.of(Errno.EPERM, op, "PCI device " + addr + " is on the block list (-b)");
                }
            }
            final PciBus.Entry entry;
            try
            {
                entry = pciBus.read(addr);
            }
            catch (final PciException ex)
            {
                throw new EthDevException(ex.errno(), op + " failed: " + ex.getMessage(), ex);
            }
            provider = findPciProvider(entry.id());
            if (provider == null)
            {
                throw EthDevException.of(Errno.ENOTSUP, op, "no PCI driver claims " + addr + " (" + entry.id() +
                    "; PCI drivers known: " + knownDrivers(Bus.PCI) + ")");
            }
            d.checkKeys(provider.driverName(), provider.devargs().keySet());
            name = addr.toString();
            if (portByName(name) != null)
            {
                throw EthDevException.of(Errno.EEXIST, op, "device " + name + " is already attached as port " +
                    portByName(name).portId());
            }
            busDevice = openVfio(op, addr);
        }
        try
        {
            return register(op, d, name, provider, busDevice);
        }
        catch (final RuntimeException ex)
        {
            if (busDevice != null)
            {
                ((PciDevice)busDevice).close();
            }
            throw ex;
        }
    }

    private PciDevice openVfio(final String op, final PciAddress addr)
    {
        try
        {
            VfioDevice.checkBindable(pciBus, addr);
            if (vfio == null)
            {
                vfio = VfioContainer.open(Path.of(System.getProperty(VFIO_DEV_PROPERTY,
                    VfioContainer.DEFAULT_DEV_DIR.toString())));
            }
            return VfioDevice.open(vfio, pciBus, addr);
        }
        catch (final PciException ex)
        {
            throw new EthDevException(ex.errno(), op + " failed: " + ex.getMessage(), ex);
        }
    }

    private EthDev register(final String op, final Devargs d, final String name, final PmdProvider provider,
        final Object busDevice)
    {
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
        final EthDevOps ops = provider.probe(new ProbeContext(d, data, this, busDevice));
        final int id = portId;
        final EthDev dev = new EthDev(data, provider.driverName(), ops, () -> released(id));
        ports[portId] = dev;
        return dev;
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

    /** The first PCI provider claiming {@code id} (rte_pci_match), or null. */
    private PmdProvider findPciProvider(final io.ethdev4j.bus.PciId id)
    {
        return findPciProvider(providers, id);
    }

    private static PmdProvider findPciProvider(final List<PmdProvider> providers, final io.ethdev4j.bus.PciId id)
    {
        for (final PmdProvider p : providers)
        {
            if (p.bus() == Bus.PCI && p.pciIds().contains(id))
            {
                return p;
            }
        }
        return null;
    }

    /** The PCI bus this runtime scans (sysfs view). */
    public PciBus pciBus()
    {
        return pciBus;
    }

    private PmdProvider findVdevProvider(final String name)
    {
        PmdProvider best = null;
        int bestLen = -1;
        for (final PmdProvider p : providers)
        {
            if (p.bus() != Bus.VDEV)
            {
                continue;
            }
            final List<String> names = new ArrayList<>(p.aliases());
            names.add(p.driverName());
            for (final String n : names)
            {
                if (name.startsWith(n) && n.length() > bestLen)
                {
                    best = p;
                    bestLen = n.length();
                }
            }
        }
        return best;
    }

    private String knownDrivers(final Bus bus)
    {
        final List<String> names = new ArrayList<>();
        for (final PmdProvider p : providers)
        {
            if (p.bus() == bus)
            {
                names.add(p.driverName());
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
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
        if (vfio != null)
        {
            vfio.close();
        }
        memory.close();
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
