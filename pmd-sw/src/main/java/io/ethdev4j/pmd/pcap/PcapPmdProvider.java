package io.ethdev4j.pmd.pcap;

import io.ethdev4j.bus.Devargs;
import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevPmdProvider;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.sys.Errno;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code net_pcap} (DPDK drivers/net/pcap, v22.11 semantics), for files:
 * <ul>
 * <li>{@code rx_pcap=FILE}: rx replays the pcap or pcapng file (Ethernet link type). The whole file is read,
 * parsed and validated at probe: a missing, bad or truncated file fails the probe with the file, the byte offset
 * and the problem, and no port is created.</li>
 * <li>{@code tx_pcap=FILE}: tx writes the packets to a new pcap file (ns timestamps, snaplen 65535) that
 * {@code tcpdump -r} and {@code tshark -r} read; the file is created at probe.</li>
 * <li>{@code infinite_rx=1}: rx loops over the rx file for ever (needs {@code rx_pcap}).</li>
 * </ul>
 * Without {@code rx_pcap} rx returns nothing; without {@code tx_pcap} tx counts and frees (eth_tx_drop); at least
 * one of the two is required. One rx and one tx queue (DPDK's per-queue files from repeated keys are not offered).
 * The live-interface keys {@code rx_iface}, {@code rx_iface_in}, {@code tx_iface}, {@code iface} and
 * {@code phy_mac} are recognised and refused with ENOTSUP.
 */
public final class PcapPmdProvider implements VdevPmdProvider
{
    public static final String RX_PCAP = "rx_pcap";
    public static final String TX_PCAP = "tx_pcap";
    public static final String INFINITE_RX = "infinite_rx";
    private static final List<String> LIVE_KEYS = List.of("rx_iface", "rx_iface_in", "tx_iface", "iface", "phy_mac");

    /** Last octet of the next port's MAC, 02:70:63:61:70:xx ('p' 'c' 'a' 'p'), as DPDK's iface_idx. */
    private static final AtomicInteger IFACE_IDX = new AtomicInteger();

    @Override
    public String driverName()
    {
        return "net_pcap";
    }

    @Override
    public List<String> aliases()
    {
        return List.of("eth_pcap");
    }

    @Override
    public Map<String, String> devargs()
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put(RX_PCAP, "<string> pcap or pcapng file to replay on rx");
        m.put(TX_PCAP, "<string> pcap file to write tx packets to");
        m.put(INFINITE_RX, "<0|1> 1 = replay the rx file in a loop");
        for (final String k : LIVE_KEYS)
        {
            m.put(k, "not supported: live interfaces (ENOTSUP)");
        }
        return m;
    }

    @Override
    public EthDevOps probe(final ProbeContext ctx)
    {
        final Devargs d = ctx.devargs();
        final String op = "probe(" + d + ")";
        for (final String k : LIVE_KEYS)
        {
            if (d.has(k))
            {
                throw EthDevException.of(Errno.ENOTSUP, op, k + "=" + d.get(k, "") + ": live interfaces are not " +
                    "supported by this net_pcap; it replays and writes files (rx_pcap=FILE, tx_pcap=FILE)");
            }
        }
        final Path rxPath = path(op, d, RX_PCAP);
        final Path txPath = path(op, d, TX_PCAP);
        if (rxPath == null && txPath == null)
        {
            throw EthDevException.of(Errno.EINVAL, op, "no rx or tx file given: use rx_pcap=FILE and/or tx_pcap=FILE");
        }
        final boolean infinite = d.getBool(INFINITE_RX, false);
        if (infinite && rxPath == null)
        {
            throw EthDevException.of(Errno.EINVAL, op, INFINITE_RX + "=1 requires " + RX_PCAP + "=FILE");
        }

        PcapImage image = null;
        PcapFileWriter writer = null;
        try
        {
            if (rxPath != null)
            {
                image = readRx(op, rxPath);
                if (infinite && image.count() == 0)
                {
                    throw EthDevException.of(Errno.EINVAL, op, INFINITE_RX + "=1 but " + RX_PCAP + "=" + rxPath +
                        " holds no packet");
                }
            }
            if (txPath != null)
            {
                writer = openTx(op, txPath);
            }
            final MacAddress mac = MacAddress.of(0x02_70_63_61_70_00L | (IFACE_IDX.getAndIncrement() & 0xFF));
            return new PcapEthDev(ctx.data(), image, rxPath, infinite, writer, mac);
        }
        catch (final RuntimeException ex)
        {
            if (image != null)
            {
                image.close();
            }
            if (writer != null)
            {
                try
                {
                    writer.close();
                }
                catch (final IOException suppressed)
                {
                    ex.addSuppressed(suppressed);
                }
            }
            throw ex;
        }
    }

    private static Path path(final String op, final Devargs d, final String key)
    {
        if (!d.has(key))
        {
            return null;
        }
        final String v = d.get(key, "");
        if (v.isEmpty())
        {
            throw EthDevException.of(Errno.EINVAL, op, key + " needs a file name (" + key + "=FILE)");
        }
        return Path.of(v);
    }

    private static PcapImage readRx(final String op, final Path file)
    {
        try
        {
            return PcapFileReader.read(file);
        }
        catch (final PcapFormatException ex)
        {
            throw EthDevException.of(Errno.EINVAL, op, RX_PCAP + "=" + file + ": offset " + ex.offset() + ": " +
                ex.problem());
        }
        catch (final IOException ex)
        {
            throw ioError(op, RX_PCAP, file, "cannot read", ex);
        }
    }

    private static PcapFileWriter openTx(final String op, final Path file)
    {
        try
        {
            return PcapFileWriter.open(file);
        }
        catch (final IOException ex)
        {
            throw ioError(op, TX_PCAP, file, "cannot create", ex);
        }
    }

    private static EthDevException ioError(final String op, final String key, final Path file, final String what,
        final IOException ex)
    {
        final int errno;
        final String why;
        if (ex instanceof NoSuchFileException)
        {
            errno = Errno.ENOENT;
            why = "no such file or directory";
        }
        else if (ex instanceof AccessDeniedException)
        {
            errno = Errno.EACCES;
            why = "permission denied";
        }
        else
        {
            errno = Errno.EIO;
            why = String.valueOf(ex.getMessage());
        }
        return new EthDevException(errno, op + " failed: " + Errno.name(errno) + " - " + key + "=" + file + ": " +
            what + ": " + why, ex);
    }
}
