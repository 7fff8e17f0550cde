package io.ethdev4j.kni;

import io.ethdev4j.ethdev.MacAddress;

/**
 * struct rte_kni_conf (DPDK v22.11 lib/kni/rte_kni.h): what {@link KniContext#alloc} needs to create one KNI.
 * <pre>
 *   name       Linux interface name, 1..15 characters (RTE_KNI_NAMESIZE 16 with the NUL)
 *   coreId     core of the KNI thread (kthread_mode=multiple with forceBind)
 *   forceBind  bind the KNI thread to coreId
 *   groupId    free for the application; unused by the kernel side
 *   mbufSize   largest frame the kernel hands to the application (it drops longer ones); 0 = pool data room - 128
 *   mtu        interface MTU; 0 = the kernel's default (1500)
 *   minMtu     0 = the kernel's default (68)
 *   maxMtu     0 = the creation MTU (as rte_kni.ko on kernels ≥ 4.10)
 *   macAddr    null, zero or multicast = a random MAC (as the module)
 * </pre>
 * The deprecated {@code addr}/{@code id} fields are not carried over. Beyond DPDK: {@link #netns(String)} creates the
 * interface inside a network namespace ({@code ip netns} name or a path), since an interface moved out of the
 * creating namespace afterwards is seen by the kernel side as deleted.
 */
public final class KniConf
{
    /** RTE_KNI_NAMESIZE: 16 bytes including the terminating NUL. */
    public static final int RTE_KNI_NAMESIZE = 16;

    private String name;
    private int coreId;
    private boolean forceBind;
    private int groupId;
    private int mbufSize;
    private int mtu;
    private int minMtu;
    private int maxMtu;
    private MacAddress macAddr;
    private String netns;

    public String name()
    {
        return name;
    }

    public KniConf name(final String name)
    {
        this.name = name;
        return this;
    }

    public int coreId()
    {
        return coreId;
    }

    public KniConf coreId(final int coreId)
    {
        this.coreId = coreId;
        return this;
    }

    public boolean forceBind()
    {
        return forceBind;
    }

    public KniConf forceBind(final boolean forceBind)
    {
        this.forceBind = forceBind;
        return this;
    }

    public int groupId()
    {
        return groupId;
    }

    public KniConf groupId(final int groupId)
    {
        this.groupId = groupId;
        return this;
    }

    public int mbufSize()
    {
        return mbufSize;
    }

    public KniConf mbufSize(final int mbufSize)
    {
        this.mbufSize = mbufSize;
        return this;
    }

    public int mtu()
    {
        return mtu;
    }

    public KniConf mtu(final int mtu)
    {
        this.mtu = mtu;
        return this;
    }

    public int minMtu()
    {
        return minMtu;
    }

    public KniConf minMtu(final int minMtu)
    {
        this.minMtu = minMtu;
        return this;
    }

    public int maxMtu()
    {
        return maxMtu;
    }

    public KniConf maxMtu(final int maxMtu)
    {
        this.maxMtu = maxMtu;
        return this;
    }

    public MacAddress macAddr()
    {
        return macAddr;
    }

    public KniConf macAddr(final MacAddress mac)
    {
        this.macAddr = mac;
        return this;
    }

    /** Network namespace the interface is created in ({@code ip netns} name or path); null = the caller's. */
    public String netns()
    {
        return netns;
    }

    public KniConf netns(final String nameOrPath)
    {
        this.netns = nameOrPath;
        return this;
    }

    KniConf copy()
    {
        final KniConf c = new KniConf();
        c.name = name;
        c.coreId = coreId;
        c.forceBind = forceBind;
        c.groupId = groupId;
        c.mbufSize = mbufSize;
        c.mtu = mtu;
        c.minMtu = minMtu;
        c.maxMtu = maxMtu;
        c.macAddr = macAddr;
        c.netns = netns;
        return c;
    }

    @Override
    public String toString()
    {
        return "KniConf{name=" + name + ", core_id=" + coreId + ", force_bind=" + (forceBind ? 1 : 0) + ", group_id=" +
            groupId + ", mbuf_size=" + mbufSize + ", mtu=" + mtu + ", min_mtu=" + minMtu + ", max_mtu=" + maxMtu +
            ", mac=" + macAddr + (netns == null ? "" : ", netns=" + netns) + '}';
    }
}
