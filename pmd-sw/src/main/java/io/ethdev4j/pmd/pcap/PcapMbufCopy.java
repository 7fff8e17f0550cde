package io.ethdev4j.pmd.pcap;

import io.ethdev4j.mbuf.Mbuf;
import io.ethdev4j.mbuf.MbufPool;
import org.agrona.UnsafeApi;

/**
 * How net_pcap's rx puts a captured frame into mbufs (eth_pcap_rx and eth_pcap_rx_jumbo), for the file and the
 * live-interface queues alike: a frame that fits the first mbuf's tailroom is copied there; a longer one fills
 * that tailroom, then whole buffers of further segments from the same pool (chained mbufs need no headroom).
 * Hot path: allocates nothing but mbufs.
 */
final class PcapMbufCopy
{
    private PcapMbufCopy()
    {
    }

    /**
     * A fresh mbuf (chain) of {@code pool} holding the {@code len} bytes at native address {@code src}, or null when
     * the pool ran dry (nothing is then taken from it: rx counts rx_nombuf and keeps the frame for the next burst).
     */
    static Mbuf copy(final MbufPool pool, final long src, final int len)
    {
        final Mbuf m = pool.alloc();
        if (m == null)
        {
            return null;
        }
        if (!copyIn(pool, m, src, len))
        {
            m.free();
            return null;
        }
        return m;
    }

    /**
     * Copies {@code len} bytes at native address {@code src} into the fresh mbuf {@code head} (and segments chained
     * to it), setting data_len, pkt_len and nb_segs.
     *
     * @return false when the pool ran dry for a further segment: {@code head} then holds a partial chain the caller
     *     frees with {@link Mbuf#free()}.
     */
    private static boolean copyIn(final MbufPool pool, final Mbuf head, final long src, final int len)
    {
        if (len <= head.tailroom())
        {
            UnsafeApi.copyMemory(null, src, null, head.dataAddress(), len);
            head.setLength(len);
            return true;
        }
        int done = head.tailroom();
        UnsafeApi.copyMemory(null, src, null, head.dataAddress(), done);
        head.dataLen(done);
        head.pktLen(len);
        int segs = 1;
        Mbuf last = head;
        while (done < len)
        {
            final Mbuf seg = pool.alloc();
            if (seg == null)
            {
                head.nbSegs(segs);
                return false;
            }
            seg.dataOff(0);  // headroom is not needed in chained mbufs
            final int n = Math.min(seg.tailroom(), len - done);
            if (n <= 0)
            {
                seg.free();
                head.nbSegs(segs);
                return false;
            }
            UnsafeApi.copyMemory(null, src + done, null, seg.dataAddress(), n);
            seg.setLength(n);
            last.next(seg);
            last = seg;
            segs++;
            done += n;
        }
        head.nbSegs(segs);
        return true;
    }
}
