package io.ethdev4j.kni.kernel.datapath;

import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.abi.KniMbufDescriptor;
import io.ethdev4j.kni.kernel.netdev.KniNetdev;
import org.agrona.UnsafeApi;

/**
 * {@code lo_mode_fifo_skb} (kni_net_rx_lo_fifo_skb): each rx_q frame, whole chain included, is copied (the "skb") and
 * sent through the transmit path into an alloc_q mbuf on tx_q, bypassing the netdev, its qdisc and its carrier.
 */
public final class LoModeFifoSkbDataPath extends KniDataPath
{
    public LoModeFifoSkbDataPath(final KniDeviceInfo info, final KniNetdev netdev)
    {
        super(info, netdev);
    }

    @Override
    public String loMode()
    {
        return "lo_mode_fifo_skb";
    }

    @Override
    int rxPass(final MbufValidator v)
    {
        // each packet may hand back two mbufs (its own and a refused alloc_q one)
        int n = Math.min(rxQ.count(), freeQ.freeCount() / 2);
        n = Math.min(n, MBUF_BURST_SZ);
        if (n == 0)
        {
            return 0;
        }
        n = rxQ.get(burst, 0, n);
        final KniDeviceStats s = stats;
        int nBack = 0;
        for (int i = 0; i < n; i++)
        {
            final long m = burst[i];
            final int pool = v.findPool(m);
            if (pool < 0)
            {
                s.add(KniCounter.BAD_ADDRESS, 1);
                continue;
            }
            back[nBack++] = m;
            final int len = v.checkChain(m, pool);
            if (len < 0)
            {
                countBad(len);
                continue;
            }
            long dst = scratch;
            for (int seg = 0; seg < v.segmentCount(); seg++)
            {
                UnsafeApi.copyMemory(v.segmentAddress(seg), dst, v.segmentLength(seg));
                dst += v.segmentLength(seg);
            }
            s.add(KniCounter.RX_PACKETS, 1);
            s.add(KniCounter.RX_BYTES, len);
            if (nBack + 1 >= back.length)
            {
                putFree(nBack);
                nBack = 0;
            }
            nBack = transmitCopy(v, scratch, len, nBack);
        }
        putFree(nBack);
        return n;
    }

    /** kni_net_tx for a frame already in memory: into an alloc_q mbuf, onto tx_q. Returns the new nBack. */
    private int transmitCopy(final MbufValidator v, final long src, final int len, final int nBackIn)
    {
        int nBack = nBackIn;
        final KniDeviceStats s = stats;
        if (len > mbufSize || txQ.freeCount() == 0)
        {
            s.add(KniCounter.TX_DROPPED, 1);
            return nBack;
        }
        final long a = allocQ.get(0L);
        if (a == 0)
        {
            s.add(KniCounter.TX_DROPPED, 1);
            return nBack;
        }
        final int room = v.checkEmpty(a);
        if (room < 0 || len > room)
        {
            if (room < 0)
            {
                countBad(room);
            }
            else
            {
                s.add(KniCounter.TX_TOO_BIG, 1);
            }
            if (room != MbufValidator.BAD_ADDRESS)
            {
                back[nBack++] = a;
            }
            s.add(KniCounter.TX_DROPPED, 1);
            return nBack;
        }
        final long data = dataAddress(a);
        UnsafeApi.copyMemory(src, data, len);
        final int padded = KniMbufDescriptor.finishFrame(a, data, len);
        txQ.put(a);
        s.add(KniCounter.TX_PACKETS, 1);
        s.add(KniCounter.TX_BYTES, padded);
        return nBack;
    }
}
