package io.ethdev4j.telemetry;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ring.Ring;

/**
 * {@code /ring/list} and {@code /ring/info} (added in DPDK 24.03, {@code lib/ring/rte_ring.c}; 22.11 has neither):
 * the shapes are those releases'. Our rings live on the Java heap, not in a memzone, so {@code /ring/info} ends
 * where DPDK's does for a ring without one (no {@code mz_*} keys). The counts are read as {@code rte_ring_count}
 * reads them: the published tails, without stopping producers or consumers.
 */
final class RingTelemetry
{
    private RingTelemetry()
    {
    }

    static void register()
    {
        Telemetry.registerCmd("/ring/list", RingTelemetry::list, "Returns list of available rings. Takes no parameters");
        Telemetry.registerCmd("/ring/info", RingTelemetry::info, "Returns ring info. Parameters: ring_name.");
    }

    private static int list(final Eal eal, final String cmd, final String params, final TelData d)
    {
        d.startArray(TelData.ValueType.STRING);
        Ring.walk(r -> d.addArrayString(r.name()));
        return 0;
    }

    private static int info(final Eal eal, final String cmd, final String params, final TelData d)
    {
        if (params == null || params.isEmpty() || params.length() >= 32) // RTE_RING_NAMESIZE
        {
            return -22;
        }
        d.startDict();
        final boolean[] found = new boolean[1];
        Ring.walk(r ->
        {
            if (found[0] || !r.name().equals(params))
            {
                return;
            }
            found[0] = true; // our ring names need not be unique (DPDK's are): the oldest answers
            d.addDictString("name", r.name());
            d.addDictInt("socket", 0);
            d.addDictInt("flags", r.flags());
            d.addDictString("producer_type", r.isSingleProducer() ? "SP" : "MP");
            d.addDictString("consumer_type", r.isSingleConsumer() ? "SC" : "MC");
            d.addDictU64("size", r.size());
            d.addDictUintHex("mask", r.mask(), 0);
            d.addDictU64("capacity", r.capacity());
            d.addDictU64("used_count", r.count());
        });
        return 0;
    }
}
