package io.ethdev4j.pci;

import io.ethdev4j.bus.Bus;
import io.ethdev4j.bus.BusConfig;
import io.ethdev4j.bus.Devargs;
import io.ethdev4j.bus.MatchedDevice;
import io.ethdev4j.bus.PmdProvider;
import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.mem.MemoryRegistry;
import io.ethdev4j.pci.vfio.VfioContainer;
import io.ethdev4j.pci.vfio.VfioDevice;
import io.ethdev4j.sys.Errno;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The PCI bus of one runtime (DPDK's {@code drivers/bus/pci} on Linux, VFIO only). With {@code -a} only the listed
 * devices are probed (in order); otherwise every function bound to vfio-pci in {@code /sys/bus/pci/devices} whose
 * vendor/device id a {@link PciPmdProvider} claims, minus the {@code -b} list, in address order (a claimed device
 * bound to another driver is skipped with a notice naming dpdk-devbind.py). {@code --no-pci} turns the bus
 * off. Each device is checked (bound to vfio-pci, viable IOMMU group), then opened through kernel VFIO (one
 * container per runtime, closed with the bus; from the first device on it maps the runtime's memory as it is
 * registered, {@link VfioContainer#mapMemory}) and handed to the driver's
 * {@link PciPmdProvider#probe(io.ethdev4j.bus.ProbeContext, PciDevice)}. The sysfs root is {@code /sys} unless the
 * system property {@value #SYSFS_PROPERTY} names another, the VFIO nodes are in {@code /dev/vfio} unless
 * {@value #VFIO_DEV_PROPERTY} names another (tests).
 */
public final class VfioPciBus implements Bus
{
    public static final String NAME = "pci";
    /** System property naming the sysfs root scanned for PCI devices (default {@code /sys}). */
    public static final String SYSFS_PROPERTY = "ethdev4j.sysfs";
    /** System property naming the directory holding the VFIO nodes (default {@code /dev/vfio}). */
    public static final String VFIO_DEV_PROPERTY = "ethdev4j.vfio.dev";

    /** How a PCI device name looks on the command line (DDDD:BB:DD.F, domain optional). */
    private static final Pattern DEVICE_NAME =
        Pattern.compile("([0-9a-fA-F]{4,8}:)?[0-9a-fA-F]{2}:[0-1][0-9a-fA-F]\\.[0-7]");

    private final BusConfig config;
    private final List<PciPmdProvider> drivers = new ArrayList<>();
    private final PciBus pciBus;
    private VfioContainer vfio;

    public VfioPciBus(final BusConfig config, final List<PmdProvider> providers)
    {
        this.config = config;
        for (final PmdProvider p : providers)
        {
            if (p instanceof PciPmdProvider)
            {
                drivers.add((PciPmdProvider)p);
            }
        }
        this.pciBus = new PciBus(Path.of(System.getProperty(SYSFS_PROPERTY, PciBus.DEFAULT_SYSFS.toString())));
    }

    @Override
    public String name()
    {
        return NAME;
    }

    /** The runtime's VFIO container, or null before the first device is opened (diagnostics, tests). */
    public VfioContainer container()
    {
        return vfio;
    }

    /** The sysfs view this bus scans. */
    public PciBus pciBus()
    {
        return pciBus;
    }

    @Override
    public boolean parse(final String deviceName)
    {
        return DEVICE_NAME.matcher(deviceName).matches();
    }

    @Override
    public List<Candidate> scan()
    {
        final List<Candidate> list = new ArrayList<>();
        if (config.isDisabled(NAME))
        {
            if (!config.allow().isEmpty())
            {
                throw EthDevException.of(Errno.EINVAL, "probe(" + config.allow().get(0) + ")",
                    "-a given together with --no-pci");
            }
            return list;
        }
        if (!config.allow().isEmpty())
        {
            for (final String dev : config.allow())
            {
                list.add(new Candidate(dev, true));
            }
            return list;
        }
        final List<PciBus.Entry> found;
        try
        {
            found = probeList(pciBus, config.block(), drivers);
        }
        catch (final PciException ex)
        {
            Log.warn("EAL", "PCI scan of " + pciBus.devicesDir() + " failed: " + ex.getMessage());
            return list;
        }
        for (final PciBus.Entry e : found)
        {
            list.add(new Candidate(e.address().toString(), false));
        }
        return list;
    }

    /**
     * The PCI functions a scan probes, in address order: bound to vfio-pci, claimed by a PCI provider and not on the
     * block list. A function a provider claims but that is bound to another driver (or none) is skipped with a notice
     * saying how to bind it, so that "0 ports" on a machine with a NIC explains itself.
     */
    public static List<PciBus.Entry> probeList(final PciBus bus, final List<String> block,
        final List<? extends PmdProvider> providers)
    {
        final List<PciAddress> blocked = new ArrayList<>();
        for (final String b : block)
        {
            blocked.add(PciAddress.parse(b.split(",", 2)[0]));
        }
        final List<PciBus.Entry> result = new ArrayList<>();
        for (final PciBus.Entry e : bus.scan())
        {
            final PciPmdProvider p = findDriver(providers, e.id());
            if (p == null)
            {
                Log.debug("EAL", "PCI device " + e.address() + " " + e.id() + ": no driver claims it");
            }
            else if (!e.isBoundTo(PciBus.VFIO_PCI_DRIVER))
            {
                Log.notice("EAL", "PCI device " + e.address() + " " + e.id() + " (" + p.driverName() + ") is " +
                    (e.driver() == null ? "not bound to any driver" : "bound to " + e.driver()) + ", not vfio-pci: " +
                    "skipped (to use it: dpdk-devbind.py --bind=vfio-pci " + e.address() + ")");
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

    @Override
    public MatchedDevice find(final Devargs d)
    {
        final String op = "probe(" + d + ")";
        if (config.isDisabled(NAME))
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
        for (final String b : config.block())
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
        final PciPmdProvider driver = findDriver(drivers, entry.id());
        if (driver == null)
        {
            throw EthDevException.of(Errno.ENOTSUP, op, "no PCI driver claims " + addr + " (" + entry.id() +
                "; PCI drivers known: " + knownDrivers() + ")");
        }
        d.checkKeys(driver.driverName(), driver.devargs().keySet());
        final String name = addr.toString();
        return new MatchedDevice()
        {
            @Override
            public String name()
            {
                return name;
            }

            @Override
            public PmdProvider driver()
            {
                return driver;
            }

            @Override
            public EthDevOps probe(final ProbeContext ctx)
            {
                final PciDevice dev = open(op, addr, ctx.eal().memory().registry());
                try
                {
                    return driver.probe(ctx, dev);
                }
                catch (final RuntimeException ex)
                {
                    dev.close();
                    throw ex;
                }
            }
        };
    }

    /**
     * Opens the device in the runtime's container; the first device opened (its group sets the IOMMU model) makes the
     * container follow the runtime's memory, so every device region is mapped from then on, drivers map nothing.
     */
    private PciDevice open(final String op, final PciAddress addr, final MemoryRegistry memory)
    {
        VfioDevice dev = null;
        try
        {
            VfioDevice.checkBindable(pciBus, addr);
            if (vfio == null)
            {
                vfio = VfioContainer.open(Path.of(System.getProperty(VFIO_DEV_PROPERTY,
                    VfioContainer.DEFAULT_DEV_DIR.toString())));
            }
            dev = VfioDevice.open(vfio, pciBus, addr);
            if (!vfio.followsMemory())
            {
                vfio.mapMemory(memory);
            }
            return dev;
        }
        catch (final PciException ex)
        {
            closeQuietly(dev);
            throw new EthDevException(ex.errno(), op + " failed: " + ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            closeQuietly(dev);
            throw ex;
        }
    }

    private static void closeQuietly(final VfioDevice dev)
    {
        if (dev != null)
        {
            try
            {
                dev.close();
            }
            catch (final RuntimeException ignore)
            {
                // the failure being reported matters more
            }
        }
    }

    /** The first PCI driver claiming {@code id} (rte_pci_match), or null. */
    private static PciPmdProvider findDriver(final List<? extends PmdProvider> providers, final PciId id)
    {
        for (final PmdProvider p : providers)
        {
            if (p instanceof PciPmdProvider && ((PciPmdProvider)p).pciIds().contains(id))
            {
                return (PciPmdProvider)p;
            }
        }
        return null;
    }

    private String knownDrivers()
    {
        final List<String> names = new ArrayList<>();
        for (final PciPmdProvider p : drivers)
        {
            names.add(p.driverName());
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    @Override
    public void close()
    {
        if (vfio != null)
        {
            vfio.close();
        }
    }
}
