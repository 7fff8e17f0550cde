package io.ethdev4j.pmd.pcap;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.sys.NetDev;
import io.ethdev4j.sys.Netns;
import io.ethdev4j.test.NetAdmin;
import io.ethdev4j.test.TestNetns;
import io.ethdev4j.testkit.Prerequisites;

/**
 * A veth pair {@code pcv<pid><tag>a} / {@code ...b} in a network namespace of the test's own, for net_pcap's live
 * interfaces: what one end sends, the other receives. The namespace has IPv6 disabled before the pair is made and
 * the ends have no address, so the kernel sends nothing of its own on them. Ports are probed on a thread inside the
 * namespace ({@link #attach}), so their sockets live there, as for a process run with {@code ip netns exec}.
 * Closing deletes the namespace and the pair with it. Needs root and {@code ip netns} (skipped without, failed
 * under CI=true).
 */
final class PcapVethPair implements AutoCloseable
{
    final String a;
    final String b;
    private final TestNetns ns;

    PcapVethPair(final char tag)
    {
        Prerequisites.requireRoot();
        NetAdmin.require();
        final long pid = ProcessHandle.current().pid();
        a = "pcv" + pid + tag + "a";
        b = "pcv" + pid + tag + "b";
        ns = new TestNetns();
        try
        {
            ns.exec("sysctl", "-q", "-w", "net.ipv6.conf.default.disable_ipv6=1", "net.ipv6.conf.all.disable_ipv6=1");
            ns.exec("ip", "link", "add", a, "type", "veth", "peer", "name", b);
            up();
        }
        catch (final RuntimeException | Error ex)
        {
            ns.close();
            throw ex;
        }
    }

    /** Sets both ends up (a test may have left one down). */
    void up()
    {
        Netns.callIn(ns.path(), () ->
        {
            try (NetDev n = new NetDev())
            {
                n.flags(a, NetDev.IFF_UP, true);
                n.flags(b, NetDev.IFF_UP, true);
            }
            return null;
        });
    }

    /** The interface flags of {@code ifname} (IFF_*), read in the namespace. */
    int flags(final String ifname)
    {
        return Netns.callIn(ns.path(), () ->
        {
            try (NetDev n = new NetDev())
            {
                return n.flags(ifname);
            }
        });
    }

    /** The hardware address of {@code ifname}. */
    byte[] hwAddr(final String ifname)
    {
        return Netns.callIn(ns.path(), () ->
        {
            try (NetDev n = new NetDev())
            {
                return n.hwAddr(ifname);
            }
        });
    }

    /** Hot-plugs {@code devargs} into {@code eal}, probing on a thread inside the namespace. */
    EthDev attach(final Eal eal, final String devargs)
    {
        return Netns.callIn(ns.path(), () -> eal.attach(devargs));
    }

    /** {@code ip netns exec NS cmd...}, must succeed. */
    String exec(final String... cmd)
    {
        return ns.exec(cmd);
    }

    @Override
    public void close()
    {
        ns.close();
    }
}
