package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.QueueInfo;
import io.ethdev4j.sys.Errno;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The per-queue commands (cmdline.c: cmd_showqueue, cmd_show_rx_tx_desc_status, cmd_show_rx_queue_desc_used_count,
 * cmd_config_rxtx_queue, cmd_read_rxd_txd; config.c: rx/tx_queue_infos_display, rx/tx_ring_desc_display), with
 * DPDK's messages, ethdev's log lines included.
 */
final class QueueCommands extends CommandGroup
{
    private static final String INFO_BORDER = "*********************";

    QueueCommands(final Context c)
    {
        super(c);
    }

    @Override
    List<Command> commands()
    {
        return List.of(
            Command.of("show rxq|txq info <port_id:u16> <queue_id:u16>", "show (rxq|txq) info (port_id) (queue_id)",
                this::showQueueInfo),
            Command.of("show port <port_id:u16> rxq|txq <queue_id:u16> desc <desc_id:u16> status",
                "show port (port_id) rxq|txq (queue_id) desc (desc_id) status       Show status of rx|tx descriptor.",
                this::showDescStatus),
            Command.of("show port <port_id:u16> rxq <queue_id:u16> desc used count",
                "show port (port_id) rxq (queue_id) desc used count", this::showDescUsedCount),
            Command.of("port <port_id:u16> rxq|txq <queue_id:u16> start|stop",
                "port (port_id) (rxq|txq) (queue_id) (start|stop)", this::queueStartStop),
            Command.of("read rxd <port_id:u16> <queue_id:u16> <desc_id:u16>", "read rxd (port_id) (queue_id) (rxd_id)",
                this::readDesc),
            Command.of("read txd <port_id:u16> <queue_id:u16> <desc_id:u16>", "read txd (port_id) (queue_id) (txd_id)",
                this::readDesc));
    }

    /**
     * rte_eth_rx/tx_queue_info_get, as the ethdev layer checks it: DPDK's log line for a bad port or queue, then the
     * info or the failure; null after the failure was printed by {@code failed}.
     */
    private QueueInfo queueInfo(final int p, final int q, final boolean rx, final boolean report)
    {
        if (!ports.isValid(p))
        {
            printInvalidPortId(p);
            if (report)
            {
                failed(p, q, rx, -Errno.ENODEV);
            }
            return null;
        }
        try
        {
            return ports.port(p).queueInfo(rx, q);
        }
        catch (final EthDevException ex)
        {
            printEthdevLog(ex);
            if (report)
            {
                failed(p, q, rx, diag(ex));
            }
            else if (ex.errno() == Errno.ENOTSUP)
            {
                final QueueInfo fallback = new QueueInfo();
                fallback.nbDesc = rx ? ports.port(p).data().rxDesc(q) : ports.port(p).data().txDesc(q);
                return fallback; // get_rx/tx_ring_size: testpmd's own count of descriptors
            }
            return null;
        }
    }

    private void failed(final int p, final int q, final boolean rx, final int rc)
    {
        err.printf("Failed to retrieve information for port: %d, %s queue: %d%nerror desc: %s(%d)%n", p,
            rx ? "RX" : "TX", q, Errno.describe(-rc), rc);
    }

    /** rx_queue_infos_display / tx_queue_infos_display. */
    private void showQueueInfo(final Args a)
    {
        final boolean rx = a.word(1).equals("rxq");
        final int p = (int)a.num("port_id");
        final int q = (int)a.num("queue_id");
        final QueueInfo i = queueInfo(p, q, rx, true);
        if (i == null)
        {
            return;
        }
        out.printf("%n%s Infos for port %-2d, %s queue %-2d %s", INFO_BORDER, p, rx ? "RX" : "TX", q, INFO_BORDER);
        if (rx)
        {
            out.printf("%nMempool: %s", i.mempoolName == null ? "NULL" : i.mempoolName);
            out.printf("%nRX prefetch threshold: %d", i.prefetchThresh);
            out.printf("%nRX host threshold: %d", i.hostThresh);
            out.printf("%nRX writeback threshold: %d", i.writebackThresh);
            out.printf("%nRX free threshold: %d", i.freeThresh);
            out.printf("%nRX drop packets: %s", i.dropEn ? "on" : "off");
            out.printf("%nRX deferred start: %s", i.deferredStart ? "on" : "off");
            out.printf("%nRX scattered packets: %s", i.scatteredRx ? "on" : "off");
            out.printf("%nRx queue state: %s", stateName(i.queueState));
            if (i.rxBufSize != 0)
            {
                out.printf("%nRX buffer size: %d", i.rxBufSize);
            }
            out.printf("%nNumber of RXDs: %d", i.nbDesc);
        }
        else
        {
            out.printf("%nTX prefetch threshold: %d", i.prefetchThresh);
            out.printf("%nTX host threshold: %d", i.hostThresh);
            out.printf("%nTX writeback threshold: %d", i.writebackThresh);
            out.printf("%nTX RS threshold: %d", i.rsThresh);
            out.printf("%nTX free threshold: %d", i.freeThresh);
            out.printf("%nTX deferred start: %s", i.deferredStart ? "on" : "off");
            out.printf("%nNumber of TXDs: %d", i.nbDesc);
            out.printf("%nTx queue state: %s", stateName(i.queueState));
        }
        out.println();
    }

    private static String stateName(final int state)
    {
        switch (state)
        {
            case QueueInfo.STATE_STOPPED:
                return "stopped";
            case QueueInfo.STATE_STARTED:
                return "started";
            case QueueInfo.STATE_HAIRPIN:
                return "hairpin";
            default:
                return "unknown";
        }
    }

    /** cmd_show_rx_tx_desc_status: rte_eth_rx/tx_descriptor_status. */
    private void showDescStatus(final Args a)
    {
        final int p = (int)a.num("port_id");
        if (!ports.isValid(p))
        {
            err.printf("invalid port id %d%n", p);
            return;
        }
        final boolean rx = a.word(3).equals("rxq");
        final int status;
        try
        {
            status = ports.port(p).descriptorStatus(rx, (int)a.num("queue_id"), (int)a.num("desc_id"));
        }
        catch (final EthDevException ex)
        {
            err.printf("Invalid input: queue id = %d, desc id = %d%n", a.num("queue_id"), a.num("desc_id"));
            return;
        }
        if (status == EthDevOps.DESC_AVAIL)
        {
            out.println(rx ? "Desc status = AVAILABLE" : "Desc status = FULL");
        }
        else if (status == EthDevOps.DESC_DONE)
        {
            out.println("Desc status = DONE");
        }
        else
        {
            out.println("Desc status = UNAVAILABLE");
        }
    }

    /** cmd_show_rx_queue_desc_used_count: rte_eth_rx_queue_count. */
    private void showDescUsedCount(final Args a)
    {
        final int p = (int)a.num("port_id");
        if (!ports.isValid(p))
        {
            err.printf("invalid port id %d%n", p);
            return;
        }
        final int q = (int)a.num("queue_id");
        try
        {
            out.printf("Used desc count = %d%n", ports.port(p).rxQueueCount(q));
        }
        catch (final EthDevException ex)
        {
            err.printf("Invalid queueid = %d%n", q);
        }
    }

    /** cmd_config_rxtx_queue: port X rxq|txq Q start|stop, on a started port. */
    private void queueStartStop(final Args a)
    {
        if (forwarding())
        {
            return;
        }
        final int p = (int)a.num("port_id");
        if (invalidPort(p))
        {
            return;
        }
        final EthDev d = ports.port(p);
        if (!d.isStarted())
        {
            err.printf("Please start port %d first%n", p);
            return;
        }
        final boolean rx = a.word(2).equals("rxq");
        final int q = (int)a.num("queue_id");
        if (rx && q >= config.nbRxq())
        {
            err.printf("Invalid RX queue %d (must be < nb_rxq=%d)%n", q, config.nbRxq());
            return;
        }
        if (!rx && q >= config.nbTxq())
        {
            err.printf("Invalid TX queue %d (must be < nb_txq=%d)%n", q, config.nbTxq());
            return;
        }
        try
        {
            d.queueStartStop(rx, q, a.word(4).equals("start"));
        }
        catch (final EthDevException ex)
        {
            if (ex.errno() == Errno.ENOTSUP)
            {
                err.println("Function not supported in PMD");
            }
            else
            {
                printEthdevLog(ex);
            }
        }
    }

    /** cmd_read_rxd_txd → rx_ring_desc_display / tx_ring_desc_display. */
    private void readDesc(final Args a)
    {
        final boolean rx = a.word(1).equals("rxd");
        final int p = (int)a.num("port_id");
        final int q = (int)a.num("queue_id");
        final int id = (int)a.num("desc_id");
        final QueueInfo info = queueInfo(p, q, rx, false);
        if (info == null)
        {
            return;
        }
        if (id >= info.nbDesc)
        {
            err.printf("Invalid %s descriptor %d (must be < ring_size=%d)%n", rx ? "RX" : "TX", id, info.nbDesc);
            return;
        }
        final byte[] d;
        try
        {
            d = ports.port(p).readDescriptor(rx, q, id);
        }
        catch (final EthDevException ex)
        {
            final String ring = rx ? "rx_ring" : "tx_ring";
            err.printf("%s ring memory zoneof (port %d, queue %d) not found (zone name = eth_p%d_q%d_%s%n", ring, p, q,
                p, q, ring);
            return;
        }
        final ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        final long lo = b.getLong(0);
        final long hi = b.getLong(8);
        if (rx)
        {
            out.printf("    0x%08X - 0x%08X%n", lo >>> 32, lo & 0xFFFF_FFFFL);
            out.printf("    0x%08X - 0x%08X%n", hi >>> 32, hi & 0xFFFF_FFFFL);
        }
        else
        {
            out.printf("    0x%08X - 0x%08X / 0x%08X - 0x%08X%n", lo >>> 32, lo & 0xFFFF_FFFFL, hi >>> 32,
                hi & 0xFFFF_FFFFL);
        }
    }
}
