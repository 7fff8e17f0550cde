package io.ethdev4j.kni;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.Xstat;
import io.ethdev4j.pmd.kni.KniEthDev;
import io.ethdev4j.telemetry.TelData;
import io.ethdev4j.telemetry.Telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The KNI library's telemetry commands (DPDK's KNI has none; these follow the shape of {@code /mempool/*}):
 * <ul>
 * <li>{@code /kni/list}: the KNIs of this runtime, by interface name.</li>
 * <li>{@code /kni/info,<name>}: the interface's namespace ({@code ""} for the caller's), the ethdev port it backs
 * ({@code -1} for a KNI the application allocated itself), its pool and mbuf size, whether the interface still
 * exists, the fill of its six FIFOs, refills that found the pool empty, and for a port the kernel side's counters
 * (its {@code kni_*} xstats). An unknown name answers {@code {}}, no name null.</li>
 * </ul>
 * Registered when the library is first used (the first {@link KniContext}, as DPDK's libraries register from their
 * constructors); a runtime sees the contexts made on it, and those made without one.
 */
final class KniTelemetry
{
    private static final Set<KniContext> CONTEXTS = ConcurrentHashMap.newKeySet();

    static
    {
        Telemetry.registerCmd("/kni/list", KniTelemetry::list, "Returns list of KNI interfaces. Takes no parameters");
        Telemetry.registerCmd("/kni/info", KniTelemetry::info, "Returns KNI info. Parameters: string kni_name");
    }

    private KniTelemetry()
    {
    }

    static void opened(final KniContext ctx)
    {
        CONTEXTS.add(ctx);
    }

    static void closed(final KniContext ctx)
    {
        CONTEXTS.remove(ctx);
    }

    private static List<Kni> knis(final Eal eal)
    {
        final List<Kni> all = new ArrayList<>();
        for (final KniContext c : CONTEXTS)
        {
            if (c.eal() == null || c.eal() == eal)
            {
                all.addAll(c.knis());
            }
        }
        return all;
    }

    private static int list(final Eal eal, final String cmd, final String params, final TelData d)
    {
        d.startArray(TelData.ValueType.STRING);
        for (final Kni k : knis(eal))
        {
            d.addArrayString(k.name());
        }
        return 0;
    }

    private static int info(final Eal eal, final String cmd, final String params, final TelData d)
    {
        if (params == null || params.isEmpty())
        {
            return -22;
        }
        d.startDict();
        for (final Kni k : knis(eal))
        {
            if (k.name().equals(params))
            {
                describe(eal, k, d);
                break;
            }
        }
        return 0;
    }

    private static void describe(final Eal eal, final Kni k, final TelData d)
    {
        final KniConf conf = k.conf();
        final EthDev port = portOf(eal, k);
        d.addDictString("name", k.name());
        d.addDictString("netns", conf.netns() == null ? "" : conf.netns());
        d.addDictInt("port_id", port == null ? -1 : port.portId());
        d.addDictString("pool", k.pool().name());
        d.addDictU64("mbuf_size", conf.mbufSize());
        d.addDictInt("present", k.present() ? 1 : 0);
        final int[] fill = new int[Kni.FIFO_NAMES.length];
        if (k.fifoCounts(fill))
        {
            d.addDictU64("fifo_len", KniContext.KNI_FIFO_COUNT_MAX);
            for (int i = 0; i < fill.length; i++)
            {
                d.addDictU64(Kni.FIFO_NAMES[i], fill[i]);
            }
        }
        d.addDictU64("rx_nombuf", k.allocFailures());
        if (port != null)
        {
            final List<Xstat> xstats;
            try
            {
                xstats = port.xstats();
            }
            catch (final EthDevException ex)
            {
                return; // the port is closing: no counters
            }
            for (final Xstat x : xstats)
            {
                if (x.name().startsWith("kni_"))
                {
                    d.addDictU64(x.name(), x.value());
                }
            }
        }
    }

    private static EthDev portOf(final Eal eal, final Kni k)
    {
        for (final EthDev p : eal.ports())
        {
            if (p.ops() instanceof KniEthDev && ((KniEthDev)p.ops()).kni() == k)
            {
                return p;
            }
        }
        return null;
    }
}
