package io.ethdev4j.kni.kernel.datapath;

import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.abi.KniDeviceInfo;
import io.ethdev4j.kni.kernel.netdev.KniNetdev;
import org.agrona.UnsafeApi;

import static io.ethdev4j.kni.abi.KniMbufDescriptor.BUF_ADDR_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.DATA_LEN_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.DATA_OFF_OFFSET;
import static io.ethdev4j.kni.abi.KniMbufDescriptor.PKT_LEN_OFFSET;

/**
 * {@code lo_mode_fifo} (kni_net_rx_lo_fifo): the first segment of each rx_q mbuf is copied into an alloc_q mbuf put on
 * tx_q; the originals go back on free_q. The netdev sees nothing; both its rx and tx counters move.
 */
public final class LoModeFifoDataPath extends KniDataPath
{
    private final long[] burst2 = new long[MBUF_BURST_SZ];

    public LoModeFifoDataPath(final KniDeviceInfo info, final KniNetdev netdev)
    {
        super(info, netdev);
    }

    @Override
    public String loMode()
    {
        return "lo_mode_fifo";
    }

    @Override
    int rxPass(final MbufValidator v)
    {
        int n = Math.min(rxQ.count(), txQ.freeCount());
        n = Math.min(n, allocQ.count());
        // each packet may hand back two mbufs (its own and a refused alloc_q one): free_q must hold them all, or they
        // would be lost to the application
        n = Math.min(n, freeQ.freeCount() / 2);
        n = Math.min(n, MBUF_BURST_SZ);
        if (n == 0)
        {
            return 0;
        }
        n = rxQ.get(burst, 0, n);
        final int na = allocQ.get(burst2, 0, n);
        final KniDeviceStats s = stats;
        int nBack = 0;
        int nOut = 0;
        for (int i = 0; i < n; i++)
        {
            final long m = burst[i];
            final long a = i < na ? burst2[i] : 0;
            final int room = a == 0 ? MbufValidator.BAD_ADDRESS : v.checkEmpty(a);
            if (room < 0)
            {
                if (a != 0)
                {
                    countBad(room);
                    if (room != MbufValidator.BAD_ADDRESS)
                    {
                        back[nBack++] = a;
                    }
                }
            }
            final int pool = v.findPool(m);
            if (pool < 0)
            {
                s.add(KniCounter.BAD_ADDRESS, 1);
                if (room >= 0)
                {
                    back[nBack++] = a;
                }
                continue;
            }
            back[nBack++] = m;
            final int rc = v.checkSegment(m, pool);
            if (rc < 0 || room < 0)
            {
                if (rc < 0)
                {
                    countBad(rc);
                }
                if (room >= 0)
                {
                    back[nBack++] = a;
                }
                s.add(KniCounter.TX_DROPPED, 1);
                continue;
            }
            final int len = UnsafeApi.getShort(null, m + DATA_LEN_OFFSET) & 0xFFFF;
            if (len > room)
            {
                s.add(KniCounter.TX_TOO_BIG, 1);
                s.add(KniCounter.TX_DROPPED, 1);
                back[nBack++] = a;
                continue;
            }
            final long src = UnsafeApi.getLong(null, m + BUF_ADDR_OFFSET) + (UnsafeApi.getShort(null, m + DATA_OFF_OFFSET) & 0xFFFF);
            UnsafeApi.copyMemory(src, dataAddress(a), len);
            UnsafeApi.putInt(null, a + PKT_LEN_OFFSET, len);
            UnsafeApi.putShort(null, a + DATA_LEN_OFFSET, (short)len);
            out[nOut++] = a;
            s.add(KniCounter.RX_PACKETS, 1);
            s.add(KniCounter.RX_BYTES, len);
            s.add(KniCounter.TX_PACKETS, 1);
            s.add(KniCounter.TX_BYTES, len);
        }
        txQ.put(out, 0, nOut);
        putFree(nBack);
        return n;
    }
}
