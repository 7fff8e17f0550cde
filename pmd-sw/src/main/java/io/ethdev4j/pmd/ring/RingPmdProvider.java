package io.ethdev4j.pmd.ring;

import io.ethdev4j.bus.EalServices;
import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevPmdProvider;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.sys.Errno;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code net_ring}: a port over rings. Each of its queues owns a single-producer/single-consumer ring that its
 * rx side reads. Alone ({@code --vdev net_ring0}) a port is wired to itself: what queue i sends, queue i
 * receives. With {@code peer=net_ringN} two ports are wired back to back: what one sends, the other receives.
 * {@code size=N} sets each ring's size (power of two, default 1024), {@code queues=N} the queue limit (16).
 */
public final class RingPmdProvider implements VdevPmdProvider
{
    /** RTE_PMD_RING_MAX_RX_RINGS. */
    public static final int MAX_QUEUES = 16;

    @Override
    public String driverName()
    {
        return "net_ring";
    }

    @Override
    public List<String> aliases()
    {
        return List.of("eth_ring");
    }

    @Override
    public Map<String, String> devargs()
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("peer", "<name> net_ring port to wire back to back with (default: the port itself)");
        m.put("size", "<int> ring size, a power of two (default 1024)");
        m.put("queues", "<int> number of rx/tx queue pairs the port offers (1.." + MAX_QUEUES + ", default " + MAX_QUEUES + ")");
        return m;
    }

    @Override
    public EthDevOps probe(final ProbeContext ctx)
    {
        final int size = ctx.devargs().getInt("size", 1024, 2, 1 << 20);
        if (Integer.bitCount(size) != 1)
        {
            throw EthDevException.of(Errno.EINVAL, "probe(" + ctx.devargs() + ")", "size=" + size + " must be a power of two");
        }
        final int queues = ctx.devargs().getInt("queues", MAX_QUEUES, 1, MAX_QUEUES);
        RingEthDev peer = null;
        if (ctx.devargs().has("peer"))
        {
            final String peerName = ctx.devargs().get("peer", "");
            final EalServices eal = ctx.eal();
            final EthDev p = eal == null ? null : eal.portByName(peerName);
            if (p == null || !(p.ops() instanceof RingEthDev))
            {
                throw EthDevException.of(Errno.EINVAL, "probe(" + ctx.devargs() + ")", "peer=" + peerName +
                    " is not an attached net_ring port");
            }
            peer = (RingEthDev)p.ops();
            if (peer.hasPeer())
            {
                throw EthDevException.of(Errno.EBUSY, "probe(" + ctx.devargs() + ")", "peer=" + peerName +
                    " is already wired to " + peer.peerName());
            }
            if (peer.queueCount() != queues)
            {
                throw EthDevException.of(Errno.EINVAL, "probe(" + ctx.devargs() + ")", "queues=" + queues +
                    " differs from the peer's " + peer.queueCount());
            }
        }
        final RingEthDev dev = new RingEthDev(ctx.data(), queues, size);
        if (peer != null)
        {
            dev.wire(peer);
        }
        return dev;
    }
}
