package io.ethdev4j.bus;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.sys.Errno;

import java.util.ArrayList;
import java.util.List;

/**
 * The virtual-device bus (DPDK's {@code drivers/bus/vdev}): the devices are the {@code --vdev} devargs, the drivers
 * every {@link VdevPmdProvider}; a device name matches the longest driver name or alias it starts with. The runtime
 * always has it and probes it after every other bus.
 */
public final class VdevBus implements Bus
{
    public static final String NAME = "vdev";

    private final List<String> vdevs;
    private final List<VdevPmdProvider> drivers = new ArrayList<>();

    public VdevBus(final BusConfig config, final List<PmdProvider> providers)
    {
        this.vdevs = config.vdevs();
        for (final PmdProvider p : providers)
        {
            if (p instanceof VdevPmdProvider)
            {
                drivers.add((VdevPmdProvider)p);
            }
        }
    }

    @Override
    public String name()
    {
        return NAME;
    }

    /** Any name: the vdev bus takes what no other bus recognises. */
    @Override
    public boolean parse(final String deviceName)
    {
        return true;
    }

    @Override
    public List<Candidate> scan()
    {
        final List<Candidate> list = new ArrayList<>();
        for (final String v : vdevs)
        {
            list.add(new Candidate(v, true));
        }
        return list;
    }

    @Override
    public MatchedDevice find(final Devargs devargs)
    {
        final VdevPmdProvider driver = findDriver(devargs.name());
        if (driver == null)
        {
            throw EthDevException.of(Errno.EINVAL, "probe(" + devargs + ")", "no virtual device driver matches '" +
                devargs.name() + "' (known: " + knownDrivers() + ")");
        }
        final String name = devargs.name();
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
                return driver.probe(ctx);
            }
        };
    }

    private VdevPmdProvider findDriver(final String name)
    {
        VdevPmdProvider best = null;
        int bestLen = -1;
        for (final VdevPmdProvider p : drivers)
        {
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

    private String knownDrivers()
    {
        final List<String> names = new ArrayList<>();
        for (final VdevPmdProvider p : drivers)
        {
            names.add(p.driverName());
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    @Override
    public void close()
    {
    }
}
