package io.ethdev4j.telemetry;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.Xstat;
import io.ethdev4j.mbuf.MbufPool;

/**
 * {@code /ethdev/list}, {@code /ethdev/stats}, {@code /ethdev/xstats}, {@code /ethdev/link_status} and
 * {@code /ethdev/info}, with DPDK 22.11's keys, types and parameter parsing ({@code lib/ethdev/rte_ethdev.c}): a port
 * id must start with a digit; {@code /ethdev/stats} reads it as {@code atoi} does, the others as
 * {@code strtoul(..., 0)} (so {@code 0x1} is port 1) and ignore what follows.
 * <p>
 * Stats are read the way {@code show port stats} reads them ({@link EthDev#statsGet}: the counters the queues'
 * writers publish), so asking never slows or locks the forwarding lcores. Each read holds the port's control lock (the
 * one {@code close} and {@code stop} take, never a burst), so it cannot meet a port being closed under it, whose
 * driver may be unmapping the registers it reads.
 */
final class EthDevTelemetry
{
    /** RTE_ETH_DEV_ATTACHED. */
    static final int RTE_ETH_DEV_ATTACHED = 1;
    /** RTE_ETH_QUEUE_STATE_STOPPED / _STARTED. */
    static final int QUEUE_STATE_STOPPED = 0;
    static final int QUEUE_STATE_STARTED = 1;
    /** RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS: every port's xstats carry the per-queue counters. */
    static final long RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS = 0x40;

    private EthDevTelemetry()
    {
    }

    static void register()
    {
        Telemetry.registerCmd("/ethdev/list", EthDevTelemetry::list,
            "Returns list of available ethdev ports. Takes no parameters");
        Telemetry.registerCmd("/ethdev/stats", EthDevTelemetry::stats,
            "Returns the common stats for a port. Parameters: int port_id");
        Telemetry.registerCmd("/ethdev/xstats", EthDevTelemetry::xstats,
            "Returns the extended stats for a port. Parameters: int port_id");
        Telemetry.registerCmd("/ethdev/link_status", EthDevTelemetry::linkStatus,
            "Returns the link status for a port. Parameters: int port_id");
        Telemetry.registerCmd("/ethdev/info", EthDevTelemetry::info,
            "Returns the device info for a port. Parameters: int port_id");
    }

    private static int list(final Eal eal, final String cmd, final String params, final TelData d)
    {
        d.startArray(TelData.ValueType.INT);
        for (final EthDev p : eal.ports())
        {
            d.addArrayInt(p.portId());
        }
        return 0;
    }

    /** atoi: leading digits (the caller checked the first is one), saturating as glibc's strtol then int. */
    static long atoi(final String s)
    {
        long v = 0;
        for (int i = 0; i < s.length() && Character.isDigit(s.charAt(i)); i++)
        {
            v = Math.min(v * 10 + (s.charAt(i) - '0'), Long.MAX_VALUE / 20);
        }
        return v;
    }

    /** strtoul(s, &end, 0) on a string starting with a digit: 0x hex, leading 0 octal, else decimal. */
    static long strtoul0(final String s)
    {
        int i = 0;
        int radix = 10;
        if (s.startsWith("0x") || s.startsWith("0X"))
        {
            if (s.length() > 2 && Character.digit(s.charAt(2), 16) >= 0)
            {
                radix = 16;
                i = 2;
            }
        }
        else if (s.startsWith("0"))
        {
            radix = 8;
        }
        long v = 0;
        for (; i < s.length() && Character.digit(s.charAt(i), radix) >= 0; i++)
        {
            v = Math.min(v * radix + Character.digit(s.charAt(i), radix), Long.MAX_VALUE / 20);
        }
        return v;
    }

    /** Runs {@code body} on the port named by {@code params} under its control lock; -1 (a null reply) when none. */
    private static int withPort(final Eal eal, final String params, final boolean atoi, final PortReader body)
    {
        final EthDev p = port(eal, params, atoi);
        if (p == null)
        {
            return -1;
        }
        synchronized (p)
        {
            return p.isReleased() ? -1 : body.read(p);
        }
    }

    @FunctionalInterface
    private interface PortReader
    {
        int read(EthDev p);
    }

    /** The port named by {@code params}, or null (DPDK answers null): not a digit first, or no such port. */
    private static EthDev port(final Eal eal, final String params, final boolean atoi)
    {
        if (params == null || params.isEmpty() || !Character.isDigit(params.charAt(0)))
        {
            return null;
        }
        final long id = atoi ? atoi(params) : strtoul0(params);
        return id < Eal.MAX_ETHPORTS && eal.isValidPort((int)id) ? eal.port((int)id) : null;
    }

    private static int stats(final Eal eal, final String cmd, final String params, final TelData d)
    {
        return withPort(eal, params, true, p -> stats(p, d));
    }

    private static int stats(final EthDev p, final TelData d)
    {
        final EthStats s = new EthStats();
        p.statsGet(s);
        d.startDict();
        d.addDictU64("ipackets", s.ipackets);
        d.addDictU64("opackets", s.opackets);
        d.addDictU64("ibytes", s.ibytes);
        d.addDictU64("obytes", s.obytes);
        d.addDictU64("imissed", s.imissed);
        d.addDictU64("ierrors", s.ierrors);
        d.addDictU64("oerrors", s.oerrors);
        d.addDictU64("rx_nombuf", s.rxNombuf);
        queueStats(d, s.qIpackets, "q_ipackets");
        queueStats(d, s.qOpackets, "q_opackets");
        queueStats(d, s.qIbytes, "q_ibytes");
        queueStats(d, s.qObytes, "q_obytes");
        queueStats(d, s.qErrors, "q_errors");
        return 0;
    }

    /** eth_dev_add_port_queue_stats: all RTE_ETHDEV_QUEUE_STAT_CNTRS (16) of them. */
    private static void queueStats(final TelData d, final long[] q, final String name)
    {
        final TelData a = new TelData();
        a.startArray(TelData.ValueType.U64);
        for (int i = 0; i < EthStats.QUEUE_STAT_CNTRS; i++)
        {
            a.addArrayU64(q[i]);
        }
        d.addDictContainer(name, a);
    }

    private static int xstats(final Eal eal, final String cmd, final String params, final TelData d)
    {
        return withPort(eal, params, false, p -> xstats(p, d));
    }

    private static int xstats(final EthDev p, final TelData d)
    {
        d.startDict();
        for (final Xstat x : p.xstats())
        {
            d.addDictU64(x.name(), x.value());
        }
        return 0;
    }

    private static int linkStatus(final Eal eal, final String cmd, final String params, final TelData d)
    {
        return withPort(eal, params, false, p -> linkStatus(p, d));
    }

    private static int linkStatus(final EthDev p, final TelData d)
    {
        final EthLink link = p.link();
        d.startDict();
        if (!link.isUp())
        {
            d.addDictString("status", "DOWN");
            return 0;
        }
        d.addDictString("status", "UP");
        d.addDictU64("speed", link.speedMbps() & 0xFFFFFFFFL);
        d.addDictString("duplex", link.fullDuplex() ? "full-duplex" : "half-duplex");
        return 0;
    }

    private static int info(final Eal eal, final String cmd, final String params, final TelData d)
    {
        return withPort(eal, params, false, p -> info(p, d));
    }

    private static int info(final EthDev p, final TelData d)
    {
        final EthDevData data = p.data();
        final int nbRx = data.nbRxQueues();
        final int nbTx = data.nbTxQueues();
        final boolean started = p.isStarted();
        d.startDict();
        d.addDictString("name", p.name());
        d.addDictInt("state", RTE_ETH_DEV_ATTACHED);
        d.addDictInt("nb_rx_queues", nbRx);
        d.addDictInt("nb_tx_queues", nbTx);
        d.addDictInt("port_id", p.portId());
        d.addDictInt("mtu", p.mtu());
        d.addDictU64("rx_mbuf_size_min", minRxBufSize(data, nbRx));
        d.addDictString("mac_addr", p.macAddr().toString());
        d.addDictInt("promiscuous", p.isPromiscuous() ? 1 : 0);
        d.addDictInt("scattered_rx", 0);
        d.addDictInt("all_multicast", p.isAllmulticast() ? 1 : 0);
        d.addDictInt("dev_started", started ? 1 : 0);
        d.addDictInt("lro", 0);
        d.addDictInt("dev_configured", p.isConfigured() ? 1 : 0);
        final TelData rxq = new TelData();
        rxq.startArray(TelData.ValueType.INT);
        for (int q = 0; q < nbRx; q++)
        {
            rxq.addArrayInt(started ? QUEUE_STATE_STARTED : QUEUE_STATE_STOPPED);
        }
        final TelData txq = new TelData();
        txq.startArray(TelData.ValueType.INT);
        for (int q = 0; q < nbTx; q++)
        {
            txq.addArrayInt(started ? QUEUE_STATE_STARTED : QUEUE_STATE_STOPPED);
        }
        d.addDictContainer("rxq_state", rxq);
        d.addDictContainer("txq_state", txq);
        d.addDictInt("numa_node", 0);
        d.addDictU64("dev_flags", RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS);
        d.addDictU64("rx_offloads", data.conf() == null ? 0 : data.conf().rxOffloads);
        d.addDictU64("tx_offloads", data.conf() == null ? 0 : data.conf().txOffloads);
        d.addDictU64("ethdev_rss_hf", data.conf() == null ? 0 : data.conf().rssHf);
        return 0;
    }

    /** data->min_rx_buf_size: the smallest data room of the rx queues' pools; UINT32_MAX before any queue is set up. */
    private static long minRxBufSize(final EthDevData data, final int nbRx)
    {
        long min = 0xFFFFFFFFL;
        for (int q = 0; q < nbRx; q++)
        {
            final MbufPool pool = data.rxPool(q);
            if (pool != null)
            {
                min = Math.min(min, pool.dataRoomSize());
            }
        }
        return min;
    }
}
