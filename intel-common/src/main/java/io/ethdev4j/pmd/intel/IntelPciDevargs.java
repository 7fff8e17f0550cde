package io.ethdev4j.pmd.intel;

import io.ethdev4j.bus.ProbeContext;

import java.util.Map;

/** The devargs every Intel PCI PMD takes ({@code -a 0000:01:00.0,link_wait_ms=N}): one table for help and parsing. */
public final class IntelPciDevargs
{
    public static final String LINK_WAIT_MS = "link_wait_ms";
    /** The longest link wait accepted, in ms. */
    public static final int MAX_LINK_WAIT_MS = 60_000;

    private IntelPciDevargs()
    {
    }

    /** Name → help, for {@code PmdProvider.devargs()}. */
    public static Map<String, String> help()
    {
        return Map.of(LINK_WAIT_MS,
            "<int> start and set-link-up wait up to this long for the link (default 0: do not wait, as DPDK)");
    }

    /** {@code link_wait_ms} of the probed device (0 when absent; EINVAL naming it when not 0..60000). */
    public static int linkWaitMs(final ProbeContext ctx)
    {
        return ctx.devargs().getInt(LINK_WAIT_MS, 0, 0, MAX_LINK_WAIT_MS);
    }
}
