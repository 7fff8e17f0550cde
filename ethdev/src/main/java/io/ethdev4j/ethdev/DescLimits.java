package io.ethdev4j.ethdev;

/** struct rte_eth_desc_lim: descriptor count limits of a queue. */
public final class DescLimits
{
    public final int nbMax;
    public final int nbMin;
    public final int nbAlign;

    public DescLimits(final int nbMax, final int nbMin, final int nbAlign)
    {
        this.nbMax = nbMax;
        this.nbMin = nbMin;
        this.nbAlign = nbAlign;
    }

    /** rte_eth_dev_info_get's preset: {65535, 0, 1}. */
    public static final DescLimits DEFAULT = new DescLimits(0xFFFF, 0, 1);

    public boolean accepts(final int nbDesc)
    {
        return nbDesc <= nbMax && nbDesc >= nbMin && nbDesc % nbAlign == 0;
    }

    @Override
    public String toString()
    {
        return "{max=" + nbMax + ", min=" + nbMin + ", align=" + nbAlign + "}";
    }
}
