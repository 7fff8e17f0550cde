package io.ethdev4j.telemetry;

import io.ethdev4j.eal.Eal;

/**
 * A telemetry command's handler (DPDK's {@code telemetry_cb}), registered with {@link Telemetry#registerCmd}.
 * <p>
 * Runs on a telemetry client thread, never an lcore: it may allocate, and it reads what the data path writes the way
 * {@code show port stats} does (the ethdev stats call, counters published by their writers), taking no lock a burst
 * function takes.
 */
@FunctionalInterface
public interface TelemetryCommand
{
    /**
     * Fills {@code d} for {@code cmd}.
     *
     * @param eal    the runtime whose socket received the request
     * @param cmd    the command, as registered
     * @param params what followed the first comma, or null when nothing did
     * @param d      the reply; left empty it answers JSON {@code null}
     * @return 0 (or any value ≥ 0) to send {@code d}; a negative errno to answer {@code {"<cmd>":null}}. An exception
     *     answers null too.
     */
    int handle(Eal eal, String cmd, String params, TelData d);
}
