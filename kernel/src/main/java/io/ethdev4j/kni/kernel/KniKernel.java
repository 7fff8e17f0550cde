package io.ethdev4j.kni.kernel;

import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.sys.LibC;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel side of KNI on upstream Linux — what opening {@code /dev/kni} with rte_kni.ko loaded gave an
 * application: create and release KNI interfaces, and the KNI threads that serve them.
 * <p>
 * One instance per application (the module allowed one open per network namespace). {@link #close()} releases every
 * interface, as closing /dev/kni did.
 *
 * <pre>
 *   try (KniKernel kernel = new KniKernel(KniModuleParams.parse(args), registry))
 *   {
 *       KniNetDevice kni0 = kernel.create(info);   // rte_kni_alloc → ioctl(RTE_KNI_IOCTL_CREATE)
 *       ...
 *       kernel.release("kni0");                     // rte_kni_release → ioctl(RTE_KNI_IOCTL_RELEASE)
 *   }
 * </pre>
 */
public final class KniKernel implements AutoCloseable
{
    private final KniModuleParams params;
    private final MempoolRegistry registry;
    private final Map<String, KniNetDevice> devices = new LinkedHashMap<>();
    private final Map<KniNetDevice, KniKthread> servedBy = new LinkedHashMap<>();
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
     * @throws IllegalArgumentException EINVAL: bad info, FIFO header, name taken, core not usable.
     * @throws io.ethdev4j.sys.SysException when a system call fails (e.g. EPERM without CAP_NET_ADMIN, EBUSY when the
     *     name exists as another interface).
     */
    public synchronized KniNetDevice create(final KniDeviceInfo info)
    {
        if (closed)
        {
            throw new IllegalStateException("kni create(name=" + info.name() + ") failed: kernel side closed");
        }
        info.validate();
        if (devices.containsKey(info.name()))
        {
            throw new IllegalArgumentException("kni create(name=" + info.name() + ") failed: EINVAL - already exists");
        }
        if (info.forceBind() && !isAllowedCpu(info.coreId()))
        {
            throw new IllegalArgumentException("kni create(name=" + info.name() + ", core_id=" + info.coreId() +
                ") failed: EINVAL - core not online/allowed");
        }
        final KniNetDevice dev = new KniNetDevice(info, params);
        KniKthread thread = null;
        try
        {
            dev.startWatcher();
            if (params.kthreadMode() == KniModuleParams.KthreadMode.MULTIPLE)
            {
                thread = new KniKthread("kni_" + info.name(), info.forceBind() ? info.coreId() : -1, params, registry);
                thread.add(dev);
                thread.start();
            }
            else
            {
                if (single == null)
                {
                    single = new KniKthread("kni_single", -1, params, registry);
                    single.start();
                }
                thread = single;
                thread.add(dev);
            }
        }
        catch (final RuntimeException ex)
        {
            if (thread != null && thread != single)
            {
                thread.stop();
            }
            dev.closeResources();
            throw ex;
        }
        devices.put(info.name(), dev);
        servedBy.put(dev, thread);
        return dev;
    }

    public synchronized KniNetDevice get(final String name)
    {
        return name == null ? null : devices.get(name);
    }

    public synchronized List<KniNetDevice> devices()
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
        final KniNetDevice dev = devices.remove(name);
        if (dev == null)
        {
            return false;
        }
        final KniKthread thread = servedBy.remove(dev);
        thread.remove(dev);
        if (thread != single)
        {
            thread.stop();
        }
        // no thread touches dev any more: hand back what the application still owns, then remove the netdev
        try
        {
            dev.returnMbufs(new MbufValidator(registry));
        }
        finally
        {
            dev.closeResources();
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
