package io.ethdev4j.kni.kernel.bench;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.ethdev4j.kni.abi.KniCounter;
import io.ethdev4j.kni.kernel.KniDevice;
import io.ethdev4j.kni.kernel.KniKernel;
import io.ethdev4j.kni.kernel.KniModuleParams;
import io.ethdev4j.kni.kernel.datapath.MutableMempoolRegistry;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.Netns;
import io.ethdev4j.sys.Tun;
import io.ethdev4j.test.TestKniApp;
import io.ethdev4j.test.TestMbufPool;
import io.ethdev4j.test.TestMemory;
import io.ethdev4j.test.TestNetns;
import org.agrona.UnsafeApi;

/**
 * App → kernel ceilings of the Java path on this machine (root; makes its own netns). Frames use ethertype 0x88B5
 * (L2-drop sink, as in exception-path.md). Not a unit test: run with
 * {@code java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp ... TapWriteBench [seconds]}.
 * <ol>
 * <li>raw {@code write()} per frame from Java (JNA direct call) on a TAP fd;</li>
 * <li>raw {@code writev()} with one iovec;</li>
 * <li>the whole KNI path: a producer thread (the "application", CPU 0) puts mbufs on rx_q and recycles free_q; the
 *     KNI thread (kthread_mode=multiple, bound to CPU 1) validates and writes them.</li>
 * </ol>
 */
public final class TapWriteBench
{
    public static void main(final String[] args) throws Exception
    {
        final int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        try (TestNetns ns = new TestNetns())
        {
            for (final int size : new int[] {64, 1500})
            {
                rawWrite(ns, size, seconds, false);
                rawWrite(ns, size, seconds, true);
                kniPath(ns, size, seconds);
            }
        }
    }

    private static byte[] frame(final int size)
    {
        final byte[] f = new byte[size];
        f[0] = 0x02; f[5] = 0x01; // dst 02:00:00:00:00:01
        f[6] = 0x02; f[11] = 0x02;
        f[12] = (byte)0x88; f[13] = (byte)0xB5;
        return f;
    }

    private static void rawWrite(final TestNetns ns, final int size, final int seconds, final boolean vectored)
    {
        final int fd = Netns.callIn(ns.path(), () -> Tun.openTap("bench0", true));
        try (Memory buf = new Memory(size + 16))
        {
            ns.exec("ip", "link", "set", "bench0", "up");
            final long addr = Pointer.nativeValue(buf);
            final byte[] f = frame(size);
            buf.write(0, f, 0, size);
            final long iov = addr + size;
            UnsafeApi.putLong(iov, addr);
            UnsafeApi.putLong(iov + 8, size);
            LibC.setAffinity(0, 1);
            long frames = 0;
            long errors = 0;
            // warm-up 0.5 s, then measure
            final long warm = System.nanoTime() + 500_000_000L;
            while (System.nanoTime() < warm)
            {
                final long r = vectored ? Tun.writevFrame(fd, iov, 1) : Tun.writeFrame(fd, addr, size);
            }
            final long start = System.nanoTime();
            final long end = start + seconds * 1_000_000_000L;
            long now;
            do
            {
                for (int i = 0; i < 256; i++)
                {
                    final long r = vectored ? Tun.writevFrame(fd, iov, 1) : Tun.writeFrame(fd, addr, size);
                    if (r < 0)
                    {
                        errors++;
                    }
                    frames++;
                }
                now = System.nanoTime();
            }
            while (now < end);
            final double mpps = frames / ((now - start) / 1e9) / 1e6;
            System.out.printf("%-28s %5d B  %.3f Mpps  %.2f us/frame  errors=%d%n",
                vectored ? "raw writev(1 iov)" : "raw write", size, mpps, 1.0 / mpps, errors);
        }
        finally
        {
            LibC.setAffinity(0, LibC.allowedCpus());
            LibC.closeQuietly(fd);
        }
    }

    private static void kniPath(final TestNetns ns, final int size, final int seconds) throws Exception
    {
        try (TestMemory memory = new TestMemory(64L << 20))
        {
            final TestMbufPool pool = new TestMbufPool(memory, 1, 4096);
            final MutableMempoolRegistry registry = new MutableMempoolRegistry();
            registry.register(pool.range());
            final KniModuleParams params = KniModuleParams.defaults()
                .kthreadMode(KniModuleParams.KthreadMode.MULTIPLE).carrier(true).schedulingIntervalUs(0, 50);
            try (KniKernel kernel = new KniKernel(params, registry); TestKniApp app = new TestKniApp(memory, pool))
            {
                app.startRequestThread();
                final KniDevice dev = kernel.create(app.info("bench1").coreId(1).forceBind(true).netns(ns.path()));
                ns.exec("ip", "link", "set", "bench1", "up");
                final byte[] f = frame(size);
                final long[] ring = new long[2048];
                for (int i = 0; i < ring.length; i++)
                {
                    ring[i] = pool.allocFrame(f);
                }
                final long[] freeBurst = new long[64];
                final long[] stack = ring.clone();
                final int[] top = {ring.length};
                final long endNs = System.nanoTime() + (seconds + 1) * 1_000_000_000L;
                final Thread producer = new Thread(() ->
                {
                    LibC.setAffinity(0, 0);
                    final long[] burst = new long[32];
                    while (System.nanoTime() < endNs)
                    {
                        int n = 0;
                        while (n < 32 && top[0] > 0)
                        {
                            burst[n++] = stack[--top[0]];
                        }
                        final int put = app.rxQ.put(burst, 0, n);
                        for (int i = put; i < n; i++)
                        {
                            stack[top[0]++] = burst[i];
                        }
                        final int got = app.freeQ.get(freeBurst, 0, freeBurst.length);
                        for (int i = 0; i < got; i++)
                        {
                            stack[top[0]++] = freeBurst[i];
                        }
                    }
                }, "bench-app");
                producer.start();
                final long warmEnd = System.nanoTime() + 500_000_000L;
                while (System.nanoTime() < warmEnd)
                {
                    Thread.onSpinWait();
                }
                final long p0 = dev.stats().get(KniCounter.RX_PACKETS);
                final long t0 = System.nanoTime();
                final long measureEnd = t0 + seconds * 1_000_000_000L;
                while (System.nanoTime() < measureEnd)
                {
                    java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
                }
                final long p1 = dev.stats().get(KniCounter.RX_PACKETS);
                final long t1 = System.nanoTime();
                producer.join();
                final double mpps = (p1 - p0) / ((t1 - t0) / 1e9) / 1e6;
                System.out.printf("%-28s %5d B  %.3f Mpps  %.2f us/frame  %s%n", "KNI rx_q -> TAP (write)", size,
                    mpps, 1.0 / mpps, dev.stats());
                kernel.release("bench1");
            }
        }
    }
}
