package io.ethdev4j.testpmd.ixgbediff;

import io.ethdev4j.pmd.intel.sim.SimDma;
import io.ethdev4j.pmd.intel.sim.SimMode;
import io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599Model;
import io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599RegisterMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differential run of issue 10: the same testpmd script on DPDK 22.11's own net_ixgbe (Debian's
 * {@code dpdk-testpmd}, the model behind the ixgbe-diff shim, see {@link ShimmedDpdkTestPmd}) and on ours
 * ({@code net_ixgbe} over the model through {@link IxgbeDiffPmdProvider}), each over a fresh {@link Ixgbe82599Model}
 * built the same way (82599 SFP+ 0x10FB, the same MAC, LOOPBACK, ordering rules recorded, not enforced). Compared:
 * every configuration register the model holds once the port ran (and once it was closed), testpmd's forward
 * statistics, {@code show port stats} and {@code show port xstats}, and the datasheet ordering rules each driver
 * broke. Registers that legitimately differ are listed in {@link #EXPECTED_DIFFERENCES} with the reason; any other
 * difference fails. docs/ixgbe.md ("Differential run against DPDK's driver") has the results.
 */
class DpdkIxgbeDiffTest
{
    private static final int DEVICE_ID = 0x10F8;
    private static final int BURST = 32;
    private static final String[] APP = {"-i", "--total-num-mbufs=2048"};

    /**
     * Register → why DPDK's driver and ours leave it different (a key is a register name: every instance counts).
     */
    static final Map<String, String> EXPECTED_DIFFERENCES = Map.ofEntries(
        Map.entry("RDBAL", "ring addresses: two processes, two memories"),
        Map.entry("RDBAH", "ring addresses: two processes, two memories"),
        Map.entry("TDBAL", "ring addresses: two processes, two memories"),
        Map.entry("TDBAH", "ring addresses: two processes, two memories"),
        Map.entry("RDT", "re-arm policy: DPDK hands descriptors back once more than rx_free_thresh (32) are held "
            + "(RDT stays 255 after 32 frames), ours after every burst (RDT 31)"),
        Map.entry("EERD", "the last EEPROM word read: DPDK validates the EEPROM checksum and reads its PBA and firmware "
            + "words at probe; ours reads no EEPROM word (the MAC comes from RAR0, as DPDK's does too)"),
        Map.entry("EIMS", "interrupts: DPDK arms LSC (b20) and LINKSEC (b21) for its interrupt thread; ours polls and "
            + "leaves every cause masked"),
        Map.entry("MPSAR", "VMDq pool of RAR0: DPDK sets pool 0 (ixgbe_set_vmdq); without VT_CTL.VT_ENA the 82599 does "
            + "not use it"),
        Map.entry("CTRL_EXT", "ours also sets DRV_LOAD (b28), as Linux's ixgbe does, telling manageability firmware a "
            + "driver owns the port; DPDK 22.11 never sets it"),
        Map.entry("DCA_RXCTRL", "bit 12: ours clears it on each rx queue as DS §4.6.7 asks (ixy, TinyNF do too); Intel's "
            + "code clears only the relaxed-ordering bits 13 and 15 (ixgbe_start_hw_gen2) and leaves 12 at its reset 1"),
        Map.entry("DCA_TXCTRL", "DESC_WRO_EN (b11, relaxed ordering of tx descriptor write-back): Intel's code clears it "
            + "on all 128 queues (ixgbe_start_hw_gen2); ours leaves the reset value (no ordering rule in DS §4.6.8)"),
        Map.entry("RDRXCTL", "ours sets RSCACKC (b25) and FCOE_WRFIX (b26) as DS §4.6.7 says they must be; DPDK sets "
            + "RSCACKC only with LRO (ixgbe_set_rsc) and never FCOE_WRFIX"),
        Map.entry("RFCTL", "DPDK sets RSC_DIS, NFSW_DIS, NFSR_DIS (b5-7, ixgbe_set_rsc) although no queue enables RSC; "
            + "ours never enables RSC (RSCCTL), so these have nothing to disable"),
        Map.entry("RXCSUM", "PCSD (b13): DPDK always asks for the RSS hash instead of the fragment checksum in the rx "
            + "write-back; ours only when RSS is on (one queue here)"));

    /** xstats DPDK's driver has and ours does not: the counters of features net_ixgbe does not implement. */
    static final Map<String, String> EXPECTED_MISSING_XSTATS = Map.of(
        "flow_director_.*", "flow director (rte_flow) is not implemented",
        "rx_fcoe_.*|tx_fcoe_.*", "FCoE offload is not implemented",
        "(in|out)_(pkts|octets)_.*", "MACsec is not implemented",
        "(rx|tx)_flow_control_xo(n|ff)_packets", "DPDK's second name for LXONRXCNT/LXONTXC/LXOFFRXCNT/LXOFFTXC, "
            + "which ours reports once, as rx/tx_xon/xoff_packets",
        "rx_total_missed_packets", "ΣMPC: ours reports it as the basic stats' RX-missed only",
        "rx_priority[0-7]_mbuf_allocation_errors", "per-priority (DCB) rx_nombuf: DCB is not implemented");

    @TempDir
    Path work;

    /** Runs {@code f} on the model when the driver is not touching it. */
    private interface ModelAccess
    {
        <T> T inspect(Function<Ixgbe82599Model, T> f);
    }

    /** What one run of the script left. */
    private record Run(String output, int exitCode, Map<String, Integer> running, Map<String, Integer> closed,
        Map<String, Integer> countersLeft, List<String> violations)
    {
    }

    private static Ixgbe82599Model model(final SimDma dma)
    {
        return new Ixgbe82599Model(DEVICE_ID, Ixgbe82599Model.DEFAULT_MAC, SimMode.LOOPBACK, false, dma);
    }

    @BeforeEach
    void prerequisites()
    {
        ShimmedDpdkTestPmd.requirePrerequisites();
    }

    /** The script, the same on both testpmds; returns the register snapshot taken while the port is up. */
    private static Map<String, Integer> script(final ScriptedTestPmd tp, final ModelAccess model) throws Exception
    {
        tp.awaitPrompt(60_000);
        tp.command("set fwd rxonly", 10_000);
        tp.command("start tx_first", 10_000);
        tp.await(BURST + " frames transmitted and looped back", 5_000,
            () -> model.inspect(m -> m.peek("TDH", 0)) >= BURST);
        tp.command("stop", 10_000);
        tp.command("show port stats 0", 10_000);
        tp.command("show port xstats 0", 10_000);
        return model.inspect(RegisterSnapshot::of);
    }

    private static String registerName(final int offset)
    {
        final Ixgbe82599RegisterMap.Decoded d = Ixgbe82599RegisterMap.decode(offset);
        return d == null ? "?" : d.toString();
    }

    private Run dpdk() throws Exception
    {
        final String tracePath = System.getProperty("ixgbe.diff.trace");
        final PrintStream trace = tracePath == null ? null : new PrintStream(tracePath, StandardCharsets.US_ASCII);
        final Ixgbe82599Model[] m = new Ixgbe82599Model[1];
        final ModelServer server = new ModelServer(work.resolve("model.sock"), dma ->
        {
            m[0] = model(dma::toLocal);
            final BarModel bar = new BarModel()
            {
                @Override
                public int read32(final int offset)
                {
                    return m[0].read32(offset);
                }

                @Override
                public void write32(final int offset, final int value)
                {
                    m[0].write32(offset, value);
                }
            };
            return trace == null ? bar : new TracingBarModel(bar, DpdkIxgbeDiffTest::registerName, trace);
        });
        final Map<String, Integer> running;
        final int rc;
        final String out;
        try (ShimmedDpdkTestPmd tp = new ShimmedDpdkTestPmd(work, server, DEVICE_ID, APP))
        {
            running = script(tp, new ModelAccess()
            {
                @Override
                public <T> T inspect(final Function<Ixgbe82599Model, T> f)
                {
                    return server.inspect(b -> f.apply(m[0]));
                }
            });
            rc = tp.quit();
            out = tp.output();
        }
        if (trace != null)
        {
            trace.close();
        }
        assertNull(server.failure(), () -> "model server: " + server.failure() + "\n" + out);
        System.out.println("DpdkIxgbeDiffTest: DPDK's net_ixgbe made " + server.reads() + " reads and " +
            server.writes() + " writes; memory " + server.windows() + "; phases " + server.marks());
        return new Run(out, rc, running, RegisterSnapshot.of(m[0]), RegisterSnapshot.counters(m[0]),
            m[0].violations());
    }

    private static Run ours() throws Exception
    {
        final Ixgbe82599Model m = model(SimDma.IDENTITY);
        IxgbeDiffPmdProvider.offer(m);
        final List<String> argv = new ArrayList<>(List.of("--no-huge", "-m", "256", "--no-pci", "--vdev",
            "net_ixgbe_diff0", "-l", "0-1", "--"));
        argv.addAll(List.of(APP));
        final Map<String, Integer> running;
        final int rc;
        final String out;
        try (InProcessTestPmd tp = new InProcessTestPmd(argv.toArray(String[]::new)))
        {
            // in-process, the script inspects after a prompt (driver quiet) or polls one register (a racy int read,
            // repeated until it holds)
            running = script(tp, new ModelAccess()
            {
                @Override
                public <T> T inspect(final Function<Ixgbe82599Model, T> f)
                {
                    return f.apply(m);
                }
            });
            rc = tp.quit();
            out = tp.output();
        }
        return new Run(out, rc, running, RegisterSnapshot.of(m), RegisterSnapshot.counters(m), m.violations());
    }

    private static final Pattern FWD_RX = Pattern.compile(
        "Forward statistics for port 0 +-+\\s+RX-packets: (\\d+) +RX-dropped: (\\d+)");

    private static long forwardedRx(final String out)
    {
        final Matcher m = FWD_RX.matcher(out);
        assertTrue(m.find(), () -> "no forward statistics for port 0:\n" + out);
        return Long.parseLong(m.group(1));
    }

    /** Differences not in {@link #EXPECTED_DIFFERENCES}. */
    private static Map<String, String> unexpected(final Map<String, String> diff)
    {
        final Map<String, String> r = new LinkedHashMap<>(diff);
        r.keySet().removeIf(k -> EXPECTED_DIFFERENCES.containsKey(RegisterSnapshot.nameOf(k)));
        return r;
    }

    @Test
    void shouldLeaveTheModelAsDpdksDriverDoes() throws Exception
    {
        final Run theirs = dpdk();
        final Run ours = ours();
        final Map<String, String> running = RegisterSnapshot.diff(theirs.running, ours.running);
        final Map<String, String> closed = RegisterSnapshot.diff(theirs.closed, ours.closed);
        final Map<String, String> counters = RegisterSnapshot.diff(theirs.countersLeft, ours.countersLeft);
        final Map<String, Long> theirStats = StatsOutput.basic(theirs.output);
        final Map<String, Long> ourStats = StatsOutput.basic(ours.output);
        final Map<String, Long> theirX = StatsOutput.xstats(theirs.output);
        final Map<String, Long> ourX = StatsOutput.xstats(ours.output);
        final Map<String, String> xdiff = new TreeMap<>();
        final Map<String, String> xmissing = new TreeMap<>();
        for (final Map.Entry<String, Long> e : theirX.entrySet())
        {
            final Long o = ourX.get(e.getKey());
            if (o == null)
            {
                xmissing.put(e.getKey(), EXPECTED_MISSING_XSTATS.entrySet().stream()
                    .filter(x -> e.getKey().matches(x.getKey())).map(Map.Entry::getValue).findFirst().orElse(null));
            }
            else if (!e.getValue().equals(o))
            {
                xdiff.put(e.getKey(), "dpdk " + e.getValue() + " / ours " + o);
            }
        }
        ourX.keySet().stream().filter(k -> !theirX.containsKey(k)).forEach(k -> xdiff.put(k, "ours only"));
        System.out.println("DpdkIxgbeDiffTest: " + theirs.running.size() + " registers compared");
        System.out.println("DpdkIxgbeDiffTest: differing while running: " + summary(running));
        System.out.println("DpdkIxgbeDiffTest: differing after close: " + summary(closed));
        System.out.println("DpdkIxgbeDiffTest: counters left unread, differing: " + summary(counters));
        System.out.println("DpdkIxgbeDiffTest: stats dpdk " + theirStats + " / ours " + ourStats);
        System.out.println("DpdkIxgbeDiffTest: xstats: " + theirX.size() + " dpdk, " + ourX.size() + " ours, differing "
            + xdiff + ", dpdk only " + xmissing.keySet());
        System.out.println("DpdkIxgbeDiffTest: ordering rules broken: dpdk " + theirs.violations + " / ours " +
            ours.violations);

        assertEquals(0, theirs.exitCode, theirs.output);
        assertEquals(0, ours.exitCode, ours.output);
        assertEquals(BURST, forwardedRx(theirs.output), theirs.output);
        assertEquals(BURST, forwardedRx(ours.output), ours.output);
        assertEquals(theirStats, ourStats, "show port stats 0");
        assertEquals(Map.of(), xdiff, "show port xstats 0");
        assertTrue(!xmissing.containsValue(null), () -> "xstats only DPDK's driver has, unexplained: " + xmissing);
        assertEquals(Map.of(), unexpected(running), "registers while running");
        assertQuiet(theirs.closed, "DPDK's driver after close");
        assertQuiet(ours.closed, "ours after close");
    }

    /**
     * After close the two differ wholesale (DPDK's dev_stop resets the NIC, ixgbe_pf_reset_hw, leaving reset values;
     * ours disables receive and every queue and leaves the rest programmed): what both must leave is a NIC that moves
     * nothing: RXCTRL.RXEN clear and no rx or tx queue enabled.
     */
    private static void assertQuiet(final Map<String, Integer> regs, final String who)
    {
        assertEquals(0, regs.get("RXCTRL") & 1, who + ": RXCTRL.RXEN");
        regs.forEach((k, v) ->
        {
            if (k.startsWith("RXDCTL(") || k.startsWith("TXDCTL("))
            {
                assertEquals(0, v & (1 << 25), () -> who + ": " + k + ".ENABLE");
            }
        });
    }

    /** {@code NAME ×n (first: value)} per register name. */
    private static String summary(final Map<String, String> diff)
    {
        final Map<String, List<String>> byName = new TreeMap<>();
        diff.forEach((k, v) -> byName.computeIfAbsent(RegisterSnapshot.nameOf(k), x -> new ArrayList<>()).add(k + " " + v));
        final StringBuilder sb = new StringBuilder().append(diff.size()).append(" instances");
        byName.forEach((n, l) -> sb.append("\n    ").append(n).append(" x").append(l.size()).append(": ").append(l.get(0)));
        return sb.toString();
    }
}
