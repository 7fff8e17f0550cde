package io.ethdev4j.testpmd.fwd;

import io.ethdev4j.mbuf.Mbuf;

/**
 * noisy (app/test-pmd/noisy_vnf.c): forwards as io does while simulating a VNF's noise — per packet, random
 * writes, reads and read-writes in a lookup memory of {@code --noisy-lkup-memory} MB, and packets held in a FIFO of
 * {@code --noisy-tx-sw-buffer-size} packets that sends what overflows it and is flushed after
 * {@code --noisy-tx-sw-buffer-flushtime} ms without transmission. Without a FIFO and lookups it is io. State per
 * stream ({@link NoisyState}) is made at stream init; {@link #streamEnd} frees what the FIFO still holds.
 */
public final class NoisyVnfFwd extends FwdEngine
{
    /** RTE_CACHE_LINE_SIZE: the lookup memory is indexed by (mem size / cache line), as DPDK does. */
    static final int CACHE_LINE_SIZE = 64;

    public NoisyVnfFwd()
    {
        super("noisy");
    }

    /** Per-stream noise: the FIFO, the lookup memory, the flush clock, the random generator. */
    static final class NoisyState
    {
        final Mbuf[] fifo;
        int head;
        int count;
        final byte[] vnfMem;
        final int lookupSlots;
        final int writes;
        final int reads;
        final int readWrites;
        final long flushTimeNs;
        long prevFlushNs;
        long rand;
        /** tmp_pkts: what leaves the FIFO in one go. */
        final Mbuf[] out;

        NoisyState(final FwdParams p, final int seed)
        {
            fifo = p.noisyTxSwBufSize > 0 ? new Mbuf[p.noisyTxSwBufSize] : null;
            final long bytes = (long)p.noisyLkupMemoryMb * 1024 * 1024;
            lookupSlots = (int)Math.min(bytes / CACHE_LINE_SIZE, Integer.MAX_VALUE - 8);
            vnfMem = lookupSlots > 0 ? new byte[lookupSlots] : null;
            writes = p.noisyLkupNumWrites;
            reads = p.noisyLkupNumReads;
            readWrites = p.noisyLkupNumReadsWrites;
            flushTimeNs = p.noisyTxSwBufFlushTimeMs * 1_000_000L;
            rand = 0x9E3779B97F4A7C15L ^ seed;
            out = new Mbuf[fifo == null ? 0 : Math.max(fifo.length, 512)];
        }

        long nextRandom()
        {
            long x = rand;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            rand = x;
            return x;
        }
    }

    @Override
    public void streamInit(final FwdStream fs, final FwdParams params)
    {
        fs.noisy = new NoisyState(params, fs.rxPort * 1024 + fs.rxQueue);
    }

    @Override
    public void streamEnd(final FwdStream fs)
    {
        final NoisyState ns = fs.noisy;
        if (ns != null && ns.fifo != null)
        {
            while (ns.count > 0)
            {
                ns.fifo[ns.head].free();
                ns.fifo[ns.head] = null;
                ns.head = (ns.head + 1) % ns.fifo.length;
                ns.count--;
            }
        }
    }

    @Override
    public void forward(final FwdStream fs)
    {
        final NoisyState ns = fs.noisy;
        final Mbuf[] pkts = fs.pkts;
        final int n = fs.rx.rxBurst(pkts, 0, fs.burst);
        int sent = 0;
        if (n > 0)
        {
            fs.rxPackets += n;
            if (ns.fifo == null)
            {
                simMemoryLookups(ns, n);
                FwdStream.sendOrDrop(fs, fs.tx, pkts, n);
                return;
            }
            final int free = ns.fifo.length - ns.count;
            if (free >= n)
            {
                enqueue(ns, pkts, n);
            }
            else
            {
                // the FIFO overflows: its oldest n packets go out, the new ones take their place
                final int out = dequeue(ns, ns.out, n);
                enqueue(ns, pkts, out);
                if (out < n)
                {
                    fs.fwdDropped += n - out;
                    Mbuf.freeBulk(pkts, out, n - out);
                }
                sent = out;
                if (out > 0)
                {
                    FwdStream.sendOrDrop(fs, fs.tx, ns.out, out);
                }
            }
            simMemoryLookups(ns, n);
        }
        if (ns.fifo != null && ns.flushTimeNs > 0)
        {
            final long now = System.nanoTime();
            if (ns.prevFlushNs == 0)
            {
                ns.prevFlushNs = now;
            }
            if (now - ns.prevFlushNs >= ns.flushTimeNs && sent == 0)
            {
                while (ns.count > 0)
                {
                    final int out = dequeue(ns, ns.out, ns.out.length);
                    FwdStream.sendOrDrop(fs, fs.tx, ns.out, out);
                }
                ns.prevFlushNs = System.nanoTime();
            }
        }
    }

    private static void enqueue(final NoisyState ns, final Mbuf[] pkts, final int n)
    {
        final int len = ns.fifo.length;
        for (int i = 0; i < n; i++)
        {
            ns.fifo[(ns.head + ns.count) % len] = pkts[i];
            ns.count++;
        }
    }

    private static int dequeue(final NoisyState ns, final Mbuf[] to, final int max)
    {
        final int n = Math.min(max, ns.count);
        final int len = ns.fifo.length;
        for (int i = 0; i < n; i++)
        {
            to[i] = ns.fifo[ns.head];
            ns.fifo[ns.head] = null;
            ns.head = (ns.head + 1) % len;
        }
        ns.count -= n;
        return n;
    }

    /** sim_memory_lookups: per packet, the writes, reads and read-writes at random cache-line indexes. */
    static void simMemoryLookups(final NoisyState ns, final int nbPkts)
    {
        final byte[] mem = ns.vnfMem;
        if (mem == null)
        {
            return;
        }
        final int slots = ns.lookupSlots;
        int sink = 0;
        for (int i = 0; i < nbPkts; i++)
        {
            for (int j = 0; j < ns.writes; j++)
            {
                mem[(int)Long.remainderUnsigned(ns.nextRandom(), slots)] = (byte)ns.nextRandom();
            }
            for (int j = 0; j < ns.reads; j++)
            {
                sink += mem[(int)Long.remainderUnsigned(ns.nextRandom(), slots)];
            }
            for (int j = 0; j < ns.readWrites; j++)
            {
                sink += mem[(int)Long.remainderUnsigned(ns.nextRandom(), slots)];
                mem[(int)Long.remainderUnsigned(ns.nextRandom(), slots)] = (byte)ns.nextRandom();
            }
        }
        ns.rand ^= sink & 1;  // keeps the reads from being optimised away
    }
}
