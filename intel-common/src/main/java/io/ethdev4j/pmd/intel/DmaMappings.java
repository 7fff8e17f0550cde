package io.ethdev4j.pmd.intel;

import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.mem.DmaMemory;
import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.sys.Errno;

import java.util.ArrayList;
import java.util.List;

/**
 * The DMA regions one port made visible to its device ({@link PciDevice#mapDma}): rings, the pools its rx queues
 * draw from, and every mempool so that mbufs of any pool can be transmitted. Control path only.
 */
public final class DmaMappings
{
    private final PciDevice dev;
    private final String logType;
    private final int portId;
    private final List<DmaRegion> mapped = new ArrayList<>();

    /**
     * @param logType the driver's log type ("IGB")
     */
    public DmaMappings(final PciDevice dev, final String logType, final int portId)
    {
        this.dev = dev;
        this.logType = logType;
        this.portId = portId;
    }

    /**
     * Makes {@code region} visible to the device once; EEXIST means a sibling port mapped it (shared container).
     *
     * @param required throw when it cannot be mapped; otherwise log and return false
     */
    public boolean ensureMapped(final DmaRegion region, final boolean required)
    {
        if (mapped.contains(region))
        {
            return true;
        }
        try
        {
            dev.mapDma(region.address(), region.iova(), region.length(), region.fd(), 0);
            mapped.add(region);
            return true;
        }
        catch (final PciException ex)
        {
            if (ex.errno() == Errno.EEXIST)
            {
                return true;
            }
            if (required)
            {
                throw new EthDevException(ex.errno(), "mapDma(port=" + portId + ", " + region + ") failed: " +
                    ex.getMessage(), ex);
            }
            Log.warn(logType, "port " + portId + ": " + region + " stays invisible to the device: " + ex.getMessage());
            return false;
        }
    }

    /** Every mempool region of {@code memory}, best effort: so that mbufs of any pool can be transmitted. */
    public void ensureMempoolsMapped(final DmaMemory memory)
    {
        for (final DmaRegion r : memory.regions())
        {
            if (r.name().startsWith("mempool:"))
            {
                ensureMapped(r, false);
            }
        }
    }

    public void unmap(final DmaRegion region)
    {
        mapped.remove(region);
        try
        {
            dev.unmapDma(region.iova(), region.length());
        }
        catch (final RuntimeException ex)
        {
            Log.debug(logType, "port " + portId + ": unmap of " + region + ": " + ex.getMessage());
        }
    }

    /** Unmaps the regions closed since they were mapped (a freed mempool). */
    public void pruneClosed()
    {
        for (final DmaRegion r : new ArrayList<>(mapped))
        {
            if (r.isClosed())
            {
                unmap(r);
            }
        }
    }

    /** Unmaps everything still mapped (close). */
    public void unmapAll()
    {
        for (final DmaRegion r : new ArrayList<>(mapped))
        {
            unmap(r);
        }
    }
}
