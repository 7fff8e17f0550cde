package io.ethdev4j.testpmd;

/** A fatal startup error (testpmd's rte_exit): printed as {@code   Cause: <message>}, exit code 1. */
public final class TestPmdExit extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final boolean usage;

    public TestPmdExit(final String cause)
    {
        this(cause, false);
    }

    public TestPmdExit(final String cause, final boolean usage)
    {
        super(cause);
        this.usage = usage;
    }

    /** Print the usage before the cause (bad option). */
    public boolean usage()
    {
        return usage;
    }
}
