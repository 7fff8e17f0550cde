package io.ethdev4j.kniapp;

import io.ethdev4j.kni.Kni;

/**
 * struct kni_port_params: one port of {@code --config}, its rx and tx lcores, its kthread lcores and, once allocated,
 * its KNIs (one per kthread lcore, or one when none is given). The KNIs are set once before the lcores start.
 */
public final class KniPortParams
{
    private final int portId;
    private final int lcoreRx;
    private final int lcoreTx;
    private final int[] lcoreK;
    private final Kni[] kni;

    KniPortParams(final int portId, final int lcoreRx, final int lcoreTx, final int[] lcoreK)
    {
        this.portId = portId;
        this.lcoreRx = lcoreRx;
        this.lcoreTx = lcoreTx;
        this.lcoreK = lcoreK.clone();
        this.kni = new Kni[Math.max(1, lcoreK.length)];
    }

    public int portId()
    {
        return portId;
    }

    public int lcoreRx()
    {
        return lcoreRx;
    }

    public int lcoreTx()
    {
        return lcoreTx;
    }

    /** The kthread lcores (nb_lcore_k = length). */
    public int[] lcoreK()
    {
        return lcoreK.clone();
    }

    /** nb_kni: one KNI per kthread lcore, or one. */
    public int nbKni()
    {
        return kni.length;
    }

    /** The KNI names the example gives: {@code vEth<port>_<n>} per kthread lcore, or {@code vEth<port>}. */
    public String kniName(final int i)
    {
        return lcoreK.length > 0 ? "vEth" + portId + "_" + i : "vEth" + portId;
    }

    public Kni kni(final int i)
    {
        return kni[i];
    }

    void kni(final int i, final Kni k)
    {
        kni[i] = k;
    }

    @Override
    public String toString()
    {
        return "(" + portId + "," + lcoreRx + "," + lcoreTx + (lcoreK.length > 0 ? "," : "") +
            java.util.Arrays.stream(lcoreK).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(",")) + ")";
    }
}
