package io.ethdev4j.kni.control;

import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.MempoolRange;
import io.ethdev4j.sys.Errno;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * The application's one control channel to the KNI kernel side — what {@code /dev/kni} was to a DPDK application
 * ({@code ioctl(RTE_KNI_IOCTL_CREATE/RELEASE)}); everything else goes through the shared memory the application owns
 * ({@link io.ethdev4j.kni.abi}: the FIFOs, the sync area, the mbufs).
 * <pre>
 *   application (pmd-kni)                         kernel side
 *   KniContext ── registerMempool(range) ───────► which memory the kernel side may follow
 *       alloc  ── create(KniDeviceInfo) → handle ► netdev + data path + request channel
 *       Kni    ── status/readCounters/updateLink/setMtu/... (handle) ──►
 *       release ─ release(handle) ───────────────► mbufs handed back on free_q, netdev removed
 *   Kni bursts ◄═ rx_q, tx_q, alloc_q, free_q, req_q, resp_q, sync (shared memory) ═► KNI threads, request watcher
 * </pre>
 *
 * <h2>Servable remotely</h2>
 * Every argument and result is a plain value — numbers, strings, byte arrays, {@link KniDeviceInfo},
 * {@link MempoolRange}, {@link KniDeviceStatus} — and an interface is named by the {@code int} handle {@link #create}
 * returned, never by an object of the kernel side. So the same calls can be made in-process (the kernel module's
 * {@value #LOCAL} provider) or over a unix socket to a daemon ({@value #DAEMON}: {@code tools/knid}, module
 * {@code knid}, which also receives the memfds behind the addresses, found through {@link KniMemory}).
 *
 * <h2>Errors</h2>
 * {@link KniControlException} with the errno as a value (as the ioctl's return): EINVAL (bad info, name in use, core
 * not usable, bad option), EEXIST (pool already registered), ENODEV (unknown or released handle, channel closed, the
 * interface gone), EPERM (no CAP_NET_ADMIN), EBUSY (an interface of that name exists outside KNI), ...
 * <p>
 * Thread safety: every method may be called from any thread; none is meant for a data path.
 */
public interface KniControl extends AutoCloseable
{
    /** The provider that runs the kernel side inside the application's process. */
    String LOCAL = "local";
    /** The provider that reaches {@code tools/knid}, the kernel side as a service ({@code --kni-daemon=SOCKET}). */
    String DAEMON = "knid";
    /** The runtime option that selects {@value #DAEMON}: {@code --kni-daemon=SOCKET} ("default": the default path). */
    String DAEMON_OPTION = "--kni-daemon";

    /**
     * rte_kni_init: opens a channel through the provider named {@code provider}.
     *
     * @throws KniControlException ENODEV when no such provider is on the class path; what the provider throws.
     */
    static KniControl open(final String provider, final Map<String, String> kniOptions)
    {
        return open(provider, kniOptions, KniMemory.NONE);
    }

    /**
     * As {@link #open(String, Map)}, telling a kernel side in another process where the application's memory comes
     * from ({@link KniMemory}: the fds it maps).
     */
    static KniControl open(final String provider, final Map<String, String> kniOptions, final KniMemory memory)
    {
        for (final KniControlProvider p : ServiceLoader.load(KniControlProvider.class))
        {
            if (p.name().equals(provider))
            {
                return p.open(kniOptions, memory);
            }
        }
        throw KniControlException.of(Errno.ENODEV, "kniInit(provider=" + provider + ")",
            "no such KNI kernel side on the class path (the kernel module provides '" + LOCAL + "')");
    }

    /**
     * Lets the kernel side follow mbufs of one mempool (it checks every FIFO entry against the registered ranges).
     * Before any mbuf of the pool goes on a FIFO.
     *
     * @throws KniControlException EEXIST when a pool with that id is registered, EINVAL when the memory overlaps a
     *     registered pool's.
     */
    void registerMempool(MempoolRange range);

    /**
     * The pool was freed: the kernel side stops following its memory (a FIFO entry inside it is refused from now
     * on). rte_kni.ko had no such call (its pools lived as long as the process); ethdev4j's memory events need it.
     *
     * @return false when no pool with that id was registered.
     */
    boolean unregisterMempool(int poolId);

    /**
     * RTE_KNI_IOCTL_CREATE: creates the interface ({@code info.name()}, carrier off, MAC and MTU from {@code info})
     * and starts serving its FIFOs, which the application has initialised.
     *
     * @return the handle naming the interface in the other calls (positive, never reused by this channel).
     * @throws KniControlException EINVAL (bad info or FIFO header, name in use, core not usable), ENODEV (channel
     *     closed), or a system call's errno (EPERM, EBUSY, ...).
     */
    int create(KniDeviceInfo info);

    /**
     * RTE_KNI_IOCTL_RELEASE: stops serving the interface, hands mbufs still on rx_q and alloc_q back on free_q, and
     * removes the interface. The application then frees what is on tx_q and free_q.
     *
     * @return false for an unknown (or already released) handle.
     */
    boolean release(int handle);

    /** @throws KniControlException ENODEV for an unknown handle. */
    KniDeviceStatus status(int handle);

    /**
     * The interface's counters into {@code values[0 .. KniCounter.COUNT)}, indexed by {@link KniCounter}.
     *
     * @throws KniControlException ENODEV for an unknown handle, EINVAL for an array shorter than
     *     {@link KniCounter#COUNT}.
     */
    void readCounters(int handle, long[] values);

    /**
     * rte_kni_update_link: sets the carrier.
     *
     * @return the previous state, 1 (up) or 0 (down).
     * @throws KniControlException ENODEV for an unknown handle; the errno of TUNSETCARRIER.
     */
    int updateLink(int handle, boolean up);

    /**
     * The doorbell of the thread serving the interface (an ethdev4j addition): an eventfd the application signals after
     * putting packets on rx_q when the interface's doorbell word says that thread sleeps
     * ({@link io.ethdev4j.kni.abi.KniDoorbellDescriptor}). The fd belongs to the channel's process; a kernel side in
     * another process hands it over (SCM_RIGHTS: {@value #DAEMON} does) or returns -1.
     * <p>
     * The number is the channel's, valid from {@link #create} until {@link #release} of the handle (or {@link #close}),
     * and stays the same all that time, so a data path may read it once: a channel whose serving thread changes (a
     * daemon restarted) makes the same number refer to the new eventfd atomically ({@code dup3}), never closing it in
     * between. The caller stops signalling it before it releases the interface.
     *
     * @return the eventfd, or -1 when this kernel side has no doorbell (the application then never rings; the thread
     *     still wakes every scheduling interval).
     * @throws KniControlException ENODEV for an unknown handle.
     */
    default int doorbellFd(final int handle)
    {
        return -1;
    }

    /**
     * The interface's TAP fd for the application's direct I/O (an ethdev4j addition,
     * {@link io.ethdev4j.kni.abi.KniDirectIoDescriptor}): the application reads and writes it itself only while the lend
     * word says it holds it, and stops before it releases the interface. Valid from {@link #create} until
     * {@link #release}.
     *
     * @return the fd, or -1 when the serving thread never lends the TAP (direct_io off, a loopback lo_mode) or the
     *     kernel side runs in another process (tools/knid: its threads then do all TAP I/O).
     * @throws KniControlException ENODEV for an unknown handle.
     */
    default int tapFd(final int handle)
    {
        return -1;
    }

    /**
     * The application sets the interface's MTU itself (beyond rte_kni.ko): no CHANGE_MTU request comes back for it.
     *
     * @throws KniControlException ENODEV for an unknown handle or a deleted interface; the ioctl's errno.
     */
    void setMtu(int handle, int mtu);

    /** As {@link #setMtu}, for the MAC address (6 bytes). */
    void setMacAddr(int handle, byte[] mac);

    /** As {@link #setMtu}, for IFF_PROMISC. */
    void setPromiscuous(int handle, boolean on);

    /** As {@link #setMtu}, for IFF_ALLMULTI. */
    void setAllmulticast(int handle, boolean on);

    /**
     * False while the kernel side cannot serve this channel (a daemon that died, until it is back): the KNI bursts
     * then move nothing. Read by every burst: a field read, no call to the kernel side. Always true in-process.
     */
    default boolean serving()
    {
        return true;
    }

    /**
     * rte_kni_close: releases every interface still created through this channel and closes it. Idempotent.
     *
     * @throws KniControlException the first release that failed (the others are still released).
     */
    @Override
    void close();
}
