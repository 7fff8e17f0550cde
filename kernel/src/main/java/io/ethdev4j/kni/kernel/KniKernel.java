package io.ethdev4j.kni.kernel;

import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.kernel.datapath.KniKthread;
import io.ethdev4j.kni.kernel.datapath.MbufValidator;
import io.ethdev4j.kni.kernel.datapath.MempoolRegistry;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.SysException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel side of KNI on upstream Linux — what opening {@code /dev/kni} with rte_kni.ko loaded gave an
 * application: create and release KNI interfaces, and the KNI threads that serve them.
 * <p>
 * One instance per application (the module allowed one open per network namespace). {@link #close()} releases every
 * interface, as closing /dev/kni did. Applications reach it only through {@link LocalKniControl} (plain values); this
 * class hands out the {@link KniDevice} objects, for the kernel side's own tests and diagnostics.
 *
 * <pre>
 *   try (KniKernel kernel = new KniKernel(KniModuleParams.parse(args), registry))
 *   {
 *       KniDevice kni0 = kernel.create(info);      // rte_kni_alloc → ioctl(RTE_KNI_IOCTL_CREATE)
 *       ...
 *       kernel.release("kni0");                     // rte_kni_release → ioctl(RTE_KNI_IOCTL_RELEASE)
 *   }
 * </pre>
 * Errors carry their errno ({@link KniControlException#errno()}), as the ioctls returned it.
 */
public final class KniKernel implements AutoCloseable
{
    private final KniModuleParams params;
    private final MempoolRegistry registry;
    private final Map<String, KniDevice> devices = new LinkedHashMap<>();
    private final Map<KniDevice, KniKthread> servedBy = new LinkedHashMap<>();
    private KniKthread single;
    private boolean closed;

    public KniKernel(final KniModuleParams params, final MempoolRegistry registry)
    {
        this.params = params.validate();
        this.registry = java.util.Objects.requireNonNull(registry, "registry");
    }

    public KniModuleParams params()
    {
        return params;
    }

    /**
     * Creates the interface (a TAP named {@code info.name()}, carrier off, MAC and MTU from {@code info}) and starts
     * serving its FIFOs, which the application has initialised.
     *
     * @throws KniControlException EINVAL: bad info, FIFO header or MTU, name taken, core not usable; ENODEV: closed;
     *     a system call's errno (e.g. EPERM without CAP_NET_ADMIN, EBUSY when the name exists as another interface).
     */
    public synchronized KniDevice create(final KniDeviceInfo info)
    {
        final String op = "kni create(name=" + info.name() + ")";
        if (closed)
        {
            throw KniControlException.of(Errno.ENODEV, op, "kernel side closed");
        }
        try
        {
            info.validate();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new KniControlException(Errno.EINVAL, ex.getMessage(), ex);
        }
        if (devices.containsKey(info.name()))
        {
            throw KniControlException.of(Errno.EINVAL, op, "already exists");
        }
        if (info.forceBind() && !isAllowedCpu(info.coreId()))
        {
            throw KniControlException.of(Errno.EINVAL,
                "kni create(name=" + info.name() + ", core_id=" + info.coreId() + ")", "core not online/allowed");
        }
        final KniDevice dev;
        try
        {
            dev = new KniDevice(info, params);
        }
        catch (final IllegalArgumentException ex)
        {
            // the ABI's and the netdev's checks: all EINVAL
            throw new KniControlException(Errno.EINVAL, ex.getMessage(), ex);
        }
        catch (final SysException ex)
        {
            throw KniControlException.of(ex.errno(), op, ex.getMessage(), ex);
        }
        KniKthread thread = null;
        try
        {
            dev.startWatcher();
            if (params.kthreadMode() == KniModuleParams.KthreadMode.MULTIPLE)
            {
                thread = newThread("kni_" + info.name(), info.forceBind() ? info.coreId() : -1);
                thread.add(dev.dataPath());
                thread.start();
            }
            else
            {
                if (single == null)
                {
                    single = newThread("kni_single", -1);
                    single.start();
                }
                if (!single.add(dev.dataPath()))
                {
                    throw KniControlException.of(Errno.ENOSPC, op, "kni_single serves at most " +
                        KniKthread.MAX_DEVICES + " interfaces (kthread_mode=multiple has no limit)");
                }
                thread = single;
            }
        }
        catch (final RuntimeException ex)
        {
            if (thread != null && thread != single)
            {
                thread.stop();
            }
            dev.close();
            if (ex instanceof SysException)
            {
                throw KniControlException.of(((SysException)ex).errno(), op, ex.getMessage(), ex);
            }
            throw ex;
        }
        devices.put(info.name(), dev);
        servedBy.put(dev, thread);
        return dev;
    }

    /**
     * The TAP fd of {@code dev} for the application's direct I/O ({@link KniModuleParams#directIo}), or -1 when its
     * thread never lends it (direct_io off, no doorbell, a loopback lo_mode) or the netdev is gone.
     */
    public synchronized int tapFd(final KniDevice dev)
    {
        return servedBy.containsKey(dev) && dev.dataPath().lendable() && !dev.netdev().detached() ? dev.netdev().tapFd()
            : -1;
    }

    /** The doorbell eventfd of the thread serving {@code dev}, or -1 when no thread serves it (released). */
    public synchronized int doorbellFd(final KniDevice dev)
    {
        final KniKthread t = servedBy.get(dev);
        return t == null ? -1 : t.doorbellFd();
    }

    private KniKthread newThread(final String name, final int bindCore)
    {
        return new KniKthread(name, bindCore, params.minSchedulingIntervalUs(), params.maxSchedulingIntervalUs(),
            params.doorbell(), params.busyPollUs(), params.rtPriority(), registry);
    }

    public synchronized KniDevice get(final String name)
    {
        return name == null ? null : devices.get(name);
    }

    public synchronized List<KniDevice> devices()
    {
        return new ArrayList<>(devices.values());
    }

    /**
     * Stops serving the interface, returns mbufs left on rx_q and alloc_q to the application on free_q, and removes the
     * interface. The application then frees what is on tx_q and free_q.
     *
     * @return false if no such interface.
     */
    public synchronized boolean release(final String name)
    {
        final KniDevice dev = devices.remove(name);
        if (dev == null)
        {
            return false;
        }
        final KniKthread thread = servedBy.remove(dev);
        thread.remove(dev.dataPath());
        // the thread takes the TAP back after every sleep; this covers a thread that died lending it
        dev.dataPath().recall();
        if (thread != single)
        {
            thread.stop();
        }
        // no thread touches dev any more: hand back what the application still owns, then remove the netdev
        try
        {
            dev.dataPath().returnMbufs(new MbufValidator(registry));
        }
        finally
        {
            dev.close();
        }
        return true;
    }

    private static boolean isAllowedCpu(final int cpu)
    {
        for (final int c : LibC.allowedCpus())
        {
            if (c == cpu)
            {
                return true;
            }
        }
        return false;
    }

    /** Releases every interface (in reverse creation order) and stops the threads. Idempotent. */
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        final List<String> names = new ArrayList<>(devices.keySet());
        RuntimeException first = null;
        for (int i = names.size() - 1; i >= 0; i--)
        {
            try
            {
                release(names.get(i));
            }
            catch (final RuntimeException ex)
            {
                if (first == null)
                {
                    first = ex;
                }
            }
        }
        if (single != null)
        {
            single.stop();
            single = null;
        }
        if (first != null)
        {
            throw first;
        }
    }
}
