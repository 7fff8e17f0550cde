package io.ethdev4j.ethdev;

/** One extended statistic (rte_eth_xstat + its name). */
public final class Xstat
{
    private final int id;
    private final String name;
    private final long value;

    public Xstat(final int id, final String name, final long value)
    {
        this.id = id;
        this.name = name;
        this.value = value;
    }

    public int id()
    {
        return id;
    }

    public String name()
    {
        return name;
    }

    public long value()
    {
        return value;
    }

    @Override
    public String toString()
    {
        return name + ": " + value;
    }
}
