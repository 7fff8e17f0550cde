package io.ethdev4j.bench;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;

/**
 * One started port with one queue pair for the port benchmarks: a runtime made on the calling thread (the JMH
 * worker, which thereby becomes the main lcore and uses the pool cache), a pool of testpmd's sizes, and the burst
 * functions fetched once after start, as a forwarding engine holds them. {@link #close()} checks that every mbuf
 * came back.
 */
final class BenchPort implements AutoCloseable
{
    /** testpmd-like pool: 8191 mbufs, --mbcache=250. */
    static final int NB_MBUF = 8191;
    static final int MBUF_CACHE = 250;

    final Eal eal;
    final EthDev port;
    final MbufPool pool;
    final RxBurst rx;
    final TxBurst tx;
    final int lcore;

    /**
     * @param vdev   the device, e.g. {@code net_null0}
     * @param nbDesc descriptors per queue (0 = the driver's preference)
     */
    BenchPort(final String vdev, final String poolName, final int nbDesc)
    {
        // --no-shconf: no config lock, so a benchmark runs beside any other runtime (testpmd, a test JVM)
        eal = Eal.init("--no-huge", "--no-pci", "--no-shconf", "--vdev", vdev);
        lcore = eal.mainLcore();
        port = eal.port(0);
        port.configure(1, 1, new EthConf());
        pool = eal.createPktmbufPool(poolName, NB_MBUF, MBUF_CACHE, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        port.rxQueueSetup(0, nbDesc, pool, null);
        port.txQueueSetup(0, nbDesc, null);
        port.start();
        rx = port.rxQueue(0);
        tx = port.txQueue(0);
    }

    /** Stops and closes the port (its queues give their mbufs back), checks the pool is full, closes the runtime. */
    @Override
    public void close()
    {
        port.stop();
        port.close();
        final int available = pool.available();
        eal.close();
        if (available != NB_MBUF)
        {
            throw new IllegalStateException("mbufs leaked: " + available + " of " + NB_MBUF + " available");
        }
    }
}
