package io.ethdev4j.kni.kernel;

import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.MempoolRange;
import io.ethdev4j.kni.control.KniControl;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.control.KniDeviceStatus;
import io.ethdev4j.kni.kernel.datapath.MutableMempoolRegistry;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.Mac;
import io.ethdev4j.sys.SysException;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link KniControl} served in-process ({@value KniControl#LOCAL}): a {@link KniKernel} of its own, the mempools the
 * application registered, and a handle table — the file-descriptor table of this "/dev/kni". It turns every call into
 * plain values: handles for devices, records for state, {@link KniControlException} with the errno for failures (the
 * system calls' {@link SysException}s included), so a socket server around the same {@link KniKernel} (issue 15)
 * answers exactly the same.
 */
public final class LocalKniControl implements KniControl
{
    private final MutableMempoolRegistry registry = new MutableMempoolRegistry();
    private final KniKernel kernel;
    private final Map<Integer, KniDevice> handles = new HashMap<>();
    private int lastHandle;
    private boolean closed;

    /** @param params the module parameters; validated (EINVAL). */
    public LocalKniControl(final KniModuleParams params)
    {
        try
        {
            this.kernel = new KniKernel(params, registry);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new KniControlException(Errno.EINVAL, "kniInit() failed: EINVAL - " + ex.getMessage(), ex);
        }
    }

    /** The module parameters this kernel side runs with. */
    public KniModuleParams params()
    {
        return kernel.params();
    }

    @Override
    public void registerMempool(final MempoolRange range)
    {
        final int rc = registry.register(range);
        if (rc == -Errno.EEXIST)
        {
            throw KniControlException.of(Errno.EEXIST, "registerMempool(" + range + ")", "pool id already registered");
        }
        if (rc < 0)
        {
            throw KniControlException.of(-rc, "registerMempool(" + range + ")", "overlaps a registered pool");
        }
    }

    @Override
    public boolean unregisterMempool(final int poolId)
    {
        return registry.unregister(poolId);
    }

    @Override
    public synchronized int create(final KniDeviceInfo info)
    {
        if (closed)
        {
            throw KniControlException.of(Errno.ENODEV, "kni create(name=" + info.name() + ")",
                "control channel closed");
        }
        final KniDevice dev = kernel.create(info);
        final int handle = ++lastHandle;
        handles.put(handle, dev);
        return handle;
    }

    @Override
    public synchronized boolean release(final int handle)
    {
        final KniDevice dev = handles.remove(handle);
        return dev != null && kernel.release(dev.name());
    }

    private KniDevice device(final int handle, final String op)
    {
        final KniDevice dev = handles.get(handle);
        if (dev == null)
        {
            throw KniControlException.of(Errno.ENODEV, op + "(handle=" + handle + ")", "no such KNI (released?)");
        }
        return dev;
    }

    @Override
    public synchronized KniDeviceStatus status(final int handle)
    {
        final KniDevice d = device(handle, "kniStatus");
        return new KniDeviceStatus(d.name(), d.ifIndex(), d.present(), d.netdev().carrier(), d.requests(),
            d.refusals(), d.lastRefusal(), d.lastIoErrno());
    }

    @Override
    public synchronized void readCounters(final int handle, final long[] values)
    {
        final KniDevice d = device(handle, "kniReadCounters");
        if (values.length < KniCounter.COUNT)
        {
            throw KniControlException.of(Errno.EINVAL, "kniReadCounters(kni=" + d.name() + ")",
                "values has " + values.length + " slots, need " + KniCounter.COUNT);
        }
        d.stats().copyTo(values);
    }

    @Override
    public synchronized int doorbellFd(final int handle)
    {
        return kernel.doorbellFd(device(handle, "kniDoorbellFd"));
    }

    @Override
    public synchronized int tapFd(final int handle)
    {
        return kernel.tapFd(device(handle, "kniTapFd"));
    }

    @Override
    public synchronized int updateLink(final int handle, final boolean up)
    {
        final KniDevice d = device(handle, "kniUpdateLink");
        try
        {
            return d.updateLink(up);
        }
        catch (final SysException ex)
        {
            throw failed(ex, "kniUpdateLink(kni=" + d.name() + ", up=" + up + ")");
        }
    }

    @Override
    public synchronized void setMtu(final int handle, final int mtu)
    {
        final KniDevice d = device(handle, "kniSetMtu");
        try
        {
            d.netdev().setMtu(mtu);
        }
        catch (final SysException ex)
        {
            throw failed(ex, "kniSetMtu(kni=" + d.name() + ", mtu=" + mtu + ")");
        }
    }

    @Override
    public synchronized void setMacAddr(final int handle, final byte[] mac)
    {
        final KniDevice d = device(handle, "kniSetMacAddr");
        if (mac == null || mac.length != 6)
        {
            throw KniControlException.of(Errno.EINVAL, "kniSetMacAddr(kni=" + d.name() + ")",
                "a MAC address has 6 bytes");
        }
        try
        {
            d.netdev().setMacAddr(mac);
        }
        catch (final SysException ex)
        {
            throw failed(ex, "kniSetMacAddr(kni=" + d.name() + ", mac=" + Mac.format(mac) + ")");
        }
    }

    @Override
    public synchronized void setPromiscuous(final int handle, final boolean on)
    {
        final KniDevice d = device(handle, "kniSetPromiscuous");
        try
        {
            d.netdev().setPromiscuous(on);
        }
        catch (final SysException ex)
        {
            throw failed(ex, "kniSetPromiscuous(kni=" + d.name() + ", on=" + on + ")");
        }
    }

    @Override
    public synchronized void setAllmulticast(final int handle, final boolean on)
    {
        final KniDevice d = device(handle, "kniSetAllmulticast");
        try
        {
            d.netdev().setAllmulticast(on);
        }
        catch (final SysException ex)
        {
            throw failed(ex, "kniSetAllmulticast(kni=" + d.name() + ", on=" + on + ")");
        }
    }

    private static KniControlException failed(final SysException ex, final String op)
    {
        return KniControlException.of(ex.errno(), op, ex.getMessage(), ex);
    }

    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        handles.clear();
        kernel.close();
    }
}
