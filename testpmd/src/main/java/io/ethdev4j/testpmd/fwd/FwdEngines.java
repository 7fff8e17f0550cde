package io.ethdev4j.testpmd.fwd;

/** The engine table (testpmd's fwd_engines[]). */
public final class FwdEngines
{
    /** Mode names in DPDK's order, as listed by {@code set fwd} help. */
    public static final String[] NAMES = {"io", "mac", "macswap", "flowgen", "rxonly", "txonly", "csum", "icmpecho", "noisy", "5tswap"};

    private FwdEngines()
    {
    }

    /** A new engine for {@code name}, or null if there is none. */
    public static FwdEngine create(final String name)
    {
        switch (name)
        {
            case "io":
                return new IoFwd();
            case "mac":
                return new MacFwd();
            case "macswap":
                return new MacSwapFwd();
            case "flowgen":
                return new FlowGenFwd();
            case "rxonly":
                return new RxOnlyFwd();
            case "txonly":
                return new TxOnlyFwd();
            case "csum":
                return new CsumFwd();
            case "icmpecho":
                return new IcmpEchoFwd();
            case "noisy":
                return new NoisyVnfFwd();
            case "5tswap":
                return new FiveTupleSwapFwd();
            default:
                return null;
        }
    }
}
