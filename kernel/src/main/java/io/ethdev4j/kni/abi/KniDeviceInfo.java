package io.ethdev4j.kni.abi;

import java.util.Arrays;

/**
 * What the application hands the kernel side to create one KNI interface: the Java form of DPDK v22.11
 * {@code struct rte_kni_device_info} (lib/kni/rte_kni_common.h, sizeof 136), which {@code rte_kni_alloc} passes to
 * {@code ioctl(RTE_KNI_IOCTL_CREATE)}.
 * <p>
 * Differences from DPDK, all from the kernel side living in the application's process:
 * <ul>
 * <li>The seven {@code *_phys} fields are virtual addresses in this process ({@code iova_mode = 1} always): the
 *     FIFOs and the sync area lie in memory the application mapped (a memfd mapping), and every entry on every FIFO is
 *     a VA. {@code sync_va} and the sync area are one and the same address here.</li>
 * <li>{@code mbuf_va}/{@code mbuf_phys} are unused in DPDK too and are left out.</li>
 * <li>{@link #netns(String)} (not in DPDK) names a network namespace (a path such as
 *     {@code /var/run/netns/A}) in which to create the interface; null means the caller's. DPDK creates it in the
 *     namespace of the process that opened /dev/kni.</li>
 * </ul>
 * Field offsets of the C struct, for reference: name[16]@0, tx_phys@16, rx_phys@24, alloc_phys@32, free_phys@40,
 * req_phys@48, resp_phys@56, sync_phys@64, sync_va@72, mbuf_va@80, mbuf_phys@88, group_id@96 (u16), core_id@100,
 * force_bind:1@104, mbuf_size@108, mtu@112, min_mtu@116, max_mtu@120, mac_addr[6]@124, iova_mode@130.
 */
public final class KniDeviceInfo
{
    /** RTE_KNI_NAMESIZE; Linux IFNAMSIZ is the same, so at most 15 characters. */
    public static final int RTE_KNI_NAMESIZE = 16;
    /** ETH_MIN_MTU (linux/if_ether.h): the netdev's min_mtu when {@code min_mtu} is 0. */
    public static final int ETH_MIN_MTU = 68;

    private String name;
    private long txQ;
    private long rxQ;
    private long allocQ;
    private long freeQ;
    private long reqQ;
    private long respQ;
    private long sync;
    private int groupId;
    private int coreId;
    private boolean forceBind;
    private int mbufSize = 2048;
    private int mtu;
    private int minMtu;
    private int maxMtu;
    private byte[] macAddr;
    private String netns;

    public String name()
    {
        return name;
    }

    public KniDeviceInfo name(final String name)
    {
        this.name = name;
        return this;
    }

    /** tx_q: kernel → application, frames received from the netdev, in mbufs taken from alloc_q. */
    public long txQ()
    {
        return txQ;
    }

    public KniDeviceInfo txQ(final long address)
    {
        this.txQ = address;
        return this;
    }

    /** rx_q: application → kernel, frames for the netdev to receive. */
    public long rxQ()
    {
        return rxQ;
    }

    public KniDeviceInfo rxQ(final long address)
    {
        this.rxQ = address;
        return this;
    }

    /** alloc_q: application → kernel, empty mbufs for tx_q. */
    public long allocQ()
    {
        return allocQ;
    }

    public KniDeviceInfo allocQ(final long address)
    {
        this.allocQ = address;
        return this;
    }

    /** free_q: kernel → application, mbufs the kernel is done with (from rx_q, or refused from alloc_q). */
    public long freeQ()
    {
        return freeQ;
    }

    public KniDeviceInfo freeQ(final long address)
    {
        this.freeQ = address;
        return this;
    }

    public long reqQ()
    {
        return reqQ;
    }

    public KniDeviceInfo reqQ(final long address)
    {
        this.reqQ = address;
        return this;
    }

    public long respQ()
    {
        return respQ;
    }

    public KniDeviceInfo respQ(final long address)
    {
        this.respQ = address;
        return this;
    }

    /**
     * The sync area (sync_phys = sync_va): at least {@link KniDirectIoDescriptor#SYNC_LENGTH} bytes (the request, the
     * doorbell word, the direct I/O words).
     */
    public long sync()
    {
        return sync;
    }

    public KniDeviceInfo sync(final long address)
    {
        this.sync = address;
        return this;
    }

    public int groupId()
    {
        return groupId;
    }

    public KniDeviceInfo groupId(final int groupId)
    {
        this.groupId = groupId;
        return this;
    }

    public int coreId()
    {
        return coreId;
    }

    public KniDeviceInfo coreId(final int coreId)
    {
        this.coreId = coreId;
        return this;
    }

    public boolean forceBind()
    {
        return forceBind;
    }

    public KniDeviceInfo forceBind(final boolean forceBind)
    {
        this.forceBind = forceBind;
        return this;
    }

    /** The largest frame (Ethernet header included, no FCS) the kernel hands to the application. */
    public int mbufSize()
    {
        return mbufSize;
    }

    public KniDeviceInfo mbufSize(final int mbufSize)
    {
        this.mbufSize = mbufSize;
        return this;
    }

    /** MTU at creation; 0 = the kernel default (1500). */
    public int mtu()
    {
        return mtu;
    }

    public KniDeviceInfo mtu(final int mtu)
    {
        this.mtu = mtu;
        return this;
    }

    public int minMtu()
    {
        return minMtu;
    }

    public KniDeviceInfo minMtu(final int minMtu)
    {
        this.minMtu = minMtu;
        return this;
    }

    public int maxMtu()
    {
        return maxMtu;
    }

    public KniDeviceInfo maxMtu(final int maxMtu)
    {
        this.maxMtu = maxMtu;
        return this;
    }

    /** The MAC at creation; null or invalid (zero, multicast) means a random locally administered one. */
    public byte[] macAddr()
    {
        return macAddr == null ? null : macAddr.clone();
    }

    public KniDeviceInfo macAddr(final byte[] mac)
    {
        if (mac != null && mac.length != 6)
        {
            throw new IllegalArgumentException("KniDeviceInfo.macAddr(length=" + mac.length + ") failed: EINVAL - need 6 bytes");
        }
        this.macAddr = mac == null ? null : mac.clone();
        return this;
    }

    public String netns()
    {
        return netns;
    }

    public KniDeviceInfo netns(final String netnsPath)
    {
        this.netns = netnsPath;
        return this;
    }

    /** Checks everything but the FIFO headers (which {@link KniFifo#attach} checks). */
    public void validate()
    {
        if (name == null || name.isEmpty() || name.length() >= RTE_KNI_NAMESIZE || name.indexOf('/') >= 0 ||
            name.chars().anyMatch(c -> c <= ' ' || c == ':' || c > 126) || ".".equals(name) || "..".equals(name))
        {
            throw invalid("name=" + name, "1 to 15 printable characters without '/', ':' or spaces");
        }
        checkAddress("tx_q", txQ);
        checkAddress("rx_q", rxQ);
        checkAddress("alloc_q", allocQ);
        checkAddress("free_q", freeQ);
        checkAddress("req_q", reqQ);
        checkAddress("resp_q", respQ);
        if (sync == 0)
        {
            throw invalid("sync=0", "the sync area is required");
        }
        if (mbufSize < KniMbufDescriptor.ETH_ZLEN || mbufSize > 65535 + KniMbufDescriptor.RTE_ETHER_HDR_LEN)
        {
            throw invalid("mbuf_size=" + mbufSize, "must be in [60, 65549]");
        }
        if (mtu < 0 || minMtu < 0 || maxMtu < 0 || mtu > 65535 || maxMtu > 65535)
        {
            throw invalid("mtu=" + mtu + ", min_mtu=" + minMtu + ", max_mtu=" + maxMtu, "must be in [0, 65535]");
        }
        if (maxMtu != 0 && minMtu > maxMtu)
        {
            throw invalid("min_mtu=" + minMtu + ", max_mtu=" + maxMtu, "min_mtu > max_mtu");
        }
        if (coreId < 0)
        {
            throw invalid("core_id=" + coreId, "must be >= 0");
        }
    }

    private void checkAddress(final String what, final long address)
    {
        if (address == 0 || (address & 7) != 0)
        {
            throw invalid(what + "=0x" + Long.toHexString(address), "FIFO address must be non-null and 8-byte aligned");
        }
    }

    private IllegalArgumentException invalid(final String value, final String why)
    {
        return new IllegalArgumentException("kni create(name=" + name + ", " + value + ") failed: EINVAL - " + why);
    }

    public KniDeviceInfo copy()
    {
        final KniDeviceInfo c = new KniDeviceInfo();
        c.name = name;
        c.txQ = txQ;
        c.rxQ = rxQ;
        c.allocQ = allocQ;
        c.freeQ = freeQ;
        c.reqQ = reqQ;
        c.respQ = respQ;
        c.sync = sync;
        c.groupId = groupId;
        c.coreId = coreId;
        c.forceBind = forceBind;
        c.mbufSize = mbufSize;
        c.mtu = mtu;
        c.minMtu = minMtu;
        c.maxMtu = maxMtu;
        c.macAddr = macAddr == null ? null : macAddr.clone();
        c.netns = netns;
        return c;
    }

    public String toString()
    {
        return "KniDeviceInfo{name=" + name + ", coreId=" + coreId + ", forceBind=" + forceBind + ", groupId=" +
            groupId + ", mbufSize=" + mbufSize + ", mtu=" + mtu + ", minMtu=" + minMtu + ", maxMtu=" + maxMtu +
            ", mac=" + Arrays.toString(macAddr) + ", netns=" + netns + '}';
    }
}
