package io.ethdev4j.pci;

import io.ethdev4j.bus.Bus;
import io.ethdev4j.bus.BusConfig;
import io.ethdev4j.bus.BusProvider;
import io.ethdev4j.bus.PmdProvider;

import java.util.List;

/** The PCI bus plugin (ServiceLoader entry): opens a {@link VfioPciBus} for each runtime. */
public final class PciBusProvider implements BusProvider
{
    @Override
    public String name()
    {
        return VfioPciBus.NAME;
    }

    @Override
    public Bus open(final BusConfig config, final List<PmdProvider> drivers)
    {
        return new VfioPciBus(config, drivers);
    }
}
