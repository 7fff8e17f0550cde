package io.ethdev4j.pmd.pcap;

import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDevData;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pmd.SoftwarePortOps;
import io.ethdev4j.sys.Errno;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Control operations of a {@code net_pcap} port: one rx queue replaying the {@code rx_pcap} image (or returning
 * nothing), one tx queue writing {@code tx_pcap} (or dropping). Link 10G full duplex fixed, up while started.
 * As DPDK, start rewinds the replay (the file is reopened there) unless {@code infinite_rx=1}; unlike DPDK, the
 * tx file is opened once at probe and kept across stop/start (DPDK truncates it when it restarts), and its buffer
 * is flushed at stop and close.
 */
final class PcapEthDev extends SoftwarePortOps
{
    private final PcapImage rxImage;
    private final Path rxPath;
    private final boolean infiniteRx;
    private final PcapFileWriter txWriter;
    /** Set by the control thread, read by stats from any thread. */
    private volatile PcapRxQueue rxq;
    private volatile PcapTxQueue txq;
    private boolean closed;

    PcapEthDev(final EthDevData data, final PcapImage rxImage, final Path rxPath, final boolean infiniteRx,
        final PcapFileWriter txWriter, final MacAddress mac)
    {
        super(data);
        this.rxImage = rxImage;
        this.rxPath = rxPath;
        this.infiniteRx = infiniteRx;
        this.txWriter = txWriter;
        data.macAddr(mac);
        data.initialRxModes(true, true);  // pmd_init_internals: a capture sees every frame
    }

    /** The parsed rx file, or null without rx_pcap. */
    PcapImage rxImage()
    {
        return rxImage;
    }

    Path rxPath()
    {
        return rxPath;
    }

    /** The tx file, or null without tx_pcap. */
    Path txPath()
    {
        return txWriter == null ? null : txWriter.path();
    }

    @Override
    public void infoGet(final DevInfo info)
    {
        info.maxRxQueues = 1;
        info.maxTxQueues = 1;
        info.maxMacAddrs = 1;
        info.maxRxPktLen = Integer.MAX_VALUE;
        info.minRxBufSize = 0;
    }

    @Override
    public RxBurst rxQueueSetup(final int queueId, final int nbDesc, final MbufPool pool, final QueueConf conf)
    {
        rxq = new PcapRxQueue(pool, data.portId(), rxImage, infiniteRx);
        rxCounters(queueId, rxq.counters);
        return rxq;
    }

    @Override
    public TxBurst txQueueSetup(final int queueId, final int nbDesc, final QueueConf conf)
    {
        txq = new PcapTxQueue(txWriter);
        txCounters(queueId, txq.counters);
        return txq;
    }

    @Override
    public void rxQueueRelease(final int queueId)
    {
        super.rxQueueRelease(queueId);
        rxq = null;
    }

    @Override
    public void txQueueRelease(final int queueId)
    {
        super.txQueueRelease(queueId);
        txq = null;
    }

    @Override
    public void start()
    {
        final PcapRxQueue q = rxq;
        if (q != null && !infiniteRx)
        {
            q.rewind();
        }
        super.start();
    }

    @Override
    public void stop()
    {
        super.stop();
        flush("stop");
    }

    private void flush(final String op)
    {
        if (txWriter == null)
        {
            return;
        }
        try
        {
            txWriter.flush();
        }
        catch (final IOException ex)
        {
            throw new EthDevException(Errno.EIO, op + "(port=" + data.portId() + ") failed: EIO - writing tx_pcap=" +
                txWriter.path() + ": " + ex, ex);
        }
    }

    /** Flushes and closes the tx file and frees the rx image; idempotent. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        super.close();
        try
        {
            if (txWriter != null)
            {
                txWriter.close();
            }
        }
        catch (final IOException ex)
        {
            throw new EthDevException(Errno.EIO, "close(port=" + data.portId() + ") failed: EIO - writing tx_pcap=" +
                txWriter.path() + ": " + ex, ex);
        }
        finally
        {
            if (rxImage != null)
            {
                rxImage.close();
            }
        }
    }
}
