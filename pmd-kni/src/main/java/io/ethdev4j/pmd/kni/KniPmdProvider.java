package io.ethdev4j.pmd.kni;

import io.ethdev4j.bus.EalServices;
import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevPmdProvider;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.kni.KniConf;
import io.ethdev4j.kni.KniContext;
import io.ethdev4j.sys.Errno;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code net_kni} (DPDK v22.11 drivers/net/kni/rte_eth_kni.c): a port whose other end is a Linux interface.
 * {@code --vdev net_kniN} gives the interface {@code kniN} (the device name minus its first 4 characters), created at
 * the port's first start and removed when the port is closed.
 * <p>
 * Devargs:
 * <ul>
 * <li>{@code no_request_thread}: no thread answering the kernel side's requests; as DPDK only the key's presence
 * counts ({@code no_request_thread=0} disables the thread too).</li>
 * <li>{@code netns=<name>} (beyond DPDK): create the interface inside that network namespace, an {@code ip netns}
 * name (a file of /var/run/netns/); a value with '/' or that is '.' or '..' is refused at probe, so that only a
 * named namespace ever reaches setns.</li>
 * <li>{@code script=<path>} (beyond DPDK, as QEMU's {@code -netdev tap,script=}): an executable run when the
 * interface has been created (the port's first start), with the interface name as argument, inside the
 * {@code netns=} namespace if given; the start waits for it (up to 10 s) and fails, removing the interface, when it
 * exits non-zero. It sets up what DPDK users otherwise do by hand once the application runs ({@code ip link set
 * kniN up}, addresses, tc), before the port carries any traffic. Checked at probe: an executable file.</li>
 * </ul>
 * All net_kni ports of one runtime share one {@link KniContext} (DPDK's reference-counted {@code rte_kni_init(8)});
 * the last port closed closes it ({@code rte_kni_close}). Its kernel-side parameters come from the runtime's
 * {@code --kni-*} options.
 */
public final class KniPmdProvider implements VdevPmdProvider
{
    public static final String DRIVER_NAME = "net_kni";
    public static final String NO_REQUEST_THREAD = "no_request_thread";
    public static final String NETNS = "netns";
    public static final String SCRIPT = "script";

    private static final Map<EalServices, Shared> CONTEXTS = new IdentityHashMap<>();

    private static final class Shared
    {
        final KniContext ctx;
        int refs;

        Shared(final KniContext ctx)
        {
            this.ctx = ctx;
        }
    }

    @Override
    public String driverName()
    {
        return DRIVER_NAME;
    }

    @Override
    public Map<String, String> devargs()
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put(NO_REQUEST_THREAD, "<int> present: no thread answers interface requests (ip link set ... fails after 3 s)");
        m.put(NETNS, "<name|path> network namespace to create the interface in (default: the process's)");
        m.put(SCRIPT, "<path> executable run with the interface name once it is created (first start), in its namespace");
        return m;
    }

    @Override
    public EthDevOps probe(final ProbeContext ctx)
    {
        final String op = "probe(" + ctx.devargs() + ")";
        if (ctx.eal() == null)
        {
            throw EthDevException.of(Errno.EINVAL, op, DRIVER_NAME + " needs a runtime");
        }
        final String name = ctx.name();
        if (name.length() <= 4)
        {
            throw EthDevException.of(Errno.EINVAL, op, "device name '" + name + "' gives no interface name");
        }
        final String ifName = name.substring(4);
        if (ifName.length() >= KniConf.RTE_KNI_NAMESIZE)
        {
            throw EthDevException.of(Errno.EINVAL, op, "interface name '" + ifName + "' longer than " +
                (KniConf.RTE_KNI_NAMESIZE - 1) + " characters");
        }
        final boolean noRequestThread = ctx.devargs().has(NO_REQUEST_THREAD);
        final String netns = ctx.devargs().get(NETNS, null);
        if (netns != null)
        {
            checkNetnsName(op, netns);
        }
        final KniIfScript script = KniIfScript.of(op, ctx.devargs().get(SCRIPT, null));
        final KniContext kni = acquire(ctx.eal());
        try
        {
            return new KniEthDev(ctx.data(), kni, ifName, noRequestThread, netns, script, () -> release(ctx.eal()));
        }
        catch (final RuntimeException ex)
        {
            release(ctx.eal());
            throw ex;
        }
    }

    private static KniContext acquire(final EalServices eal)
    {
        synchronized (CONTEXTS)
        {
            Shared s = CONTEXTS.get(eal);
            if (s == null)
            {
                s = new Shared(KniContext.init(eal));
                CONTEXTS.put(eal, s);
            }
            s.refs++;
            return s.ctx;
        }
    }

    private static void release(final EalServices eal)
    {
        final KniContext toClose;
        synchronized (CONTEXTS)
        {
            final Shared s = CONTEXTS.get(eal);
            if (s == null || --s.refs > 0)
            {
                return;
            }
            CONTEXTS.remove(eal);
            toClose = s.ctx;
        }
        toClose.close();
    }

    /** NAME_MAX. */
    private static final int NETNS_NAME_MAX = 255;

    /** netns=: an {@code ip netns} name only (letters, digits, '.', '_', '-'; not '.' or '..'), never a path. */
    static void checkNetnsName(final String op, final String name)
    {
        boolean ok = !name.isEmpty() && name.length() <= NETNS_NAME_MAX && !name.equals(".") && !name.equals("..");
        for (int i = 0; ok && i < name.length(); i++)
        {
            final char c = name.charAt(i);
            ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
        }
        if (!ok)
        {
            throw EthDevException.of(Errno.EINVAL, op, "netns='" + name + "' is not a namespace name (an ip netns " +
                "name: 1 to " + NETNS_NAME_MAX + " of [A-Za-z0-9._-], not '.' or '..', no '/')");
        }
    }
}
