package io.ethdev4j.pmd.pcap;

import io.ethdev4j.bus.Devargs;
import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevPmdProvider;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.NetDev;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code net_pcap} (DPDK drivers/net/pcap, v22.11 semantics), for files and live interfaces:
 * <ul>
 * <li>{@code rx_pcap=FILE}: rx replays the pcap or pcapng file (Ethernet link type). The whole file is read,
 * parsed and validated at probe: a missing, bad or truncated file fails the probe with the file, the byte offset
 * and the problem, and no port is created.</li>
 * <li>{@code tx_pcap=FILE}: tx writes the packets to a new pcap file (ns timestamps, snaplen 65535) that
 * {@code tcpdump -r} and {@code tshark -r} read; the file is created at probe.</li>
 * <li>{@code infinite_rx=1}: rx loops over the rx file for ever (needs {@code rx_pcap}).</li>
 * <li>{@code iface=IF}: rx and tx on the live interface IF, through one socket (DPDK's single_iface): rx sees what
 * IF receives and what others send on it, never what the port sent itself.</li>
 * <li>{@code rx_iface=IF}: rx reads IF, both directions (libpcap's PCAP_D_INOUT): with {@code tx_iface} on the same
 * interface, rx sees the port's own tx too, as DPDK's.</li>
 * <li>{@code rx_iface_in=IF}: rx reads only the frames IF receives (pcap_setdirection(PCAP_D_IN)).</li>
 * <li>{@code tx_iface=IF}: tx sends on IF.</li>
 * <li>{@code phy_mac=1} (with {@code iface} only, as DPDK applies it): the port's MAC is IF's; otherwise it is
 * DPDK's 02:70:63:61:70:xx.</li>
 * </ul>
 * A live interface is an AF_PACKET socket bound to it ({@link PcapIface}; libpcap's live capture on Linux, without
 * libpcap), opened at probe in the probing thread's network namespace; it needs CAP_NET_RAW. Frames are cut at
 * 16128 bytes (RTE_ETH_PCAP_SNAPLEN) and chained over mbufs when longer than one. While started the port holds the
 * interface promiscuous (pcap_open_live(promisc=1)); the link reports DPDK's fixed 10G, up while started.
 * <p>
 * Without an rx source rx returns nothing; without a tx sink tx counts and frees (eth_tx_drop); at least one is
 * required. One rx and one tx queue (DPDK's per-queue files and interfaces from repeated keys are not offered), so
 * one rx source ({@code rx_pcap}, {@code rx_iface} or {@code rx_iface_in}) and one tx sink ({@code tx_pcap} or
 * {@code tx_iface}) at most; {@code iface} is rx and tx at once and takes no other source or sink. Where DPDK
 * silently ignores a key (a second rx source, the rest beside {@code iface}, {@code phy_mac} without {@code iface})
 * this driver refuses the devargs with EINVAL naming the keys. A missing interface is ENODEV naming the key; no
 * port is created and nothing stays open.
 */
public final class PcapPmdProvider implements VdevPmdProvider
{
    public static final String RX_PCAP = "rx_pcap";
    public static final String TX_PCAP = "tx_pcap";
    public static final String INFINITE_RX = "infinite_rx";
    public static final String IFACE = "iface";
    public static final String RX_IFACE = "rx_iface";
    public static final String RX_IFACE_IN = "rx_iface_in";
    public static final String TX_IFACE = "tx_iface";
    public static final String PHY_MAC = "phy_mac";
    /** IFNAMSIZ - 1. */
    private static final int MAX_IFNAME = 15;

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
        m.put(RX_IFACE, "<ifc> interface to receive from (both directions)");
        m.put(RX_IFACE_IN, "<ifc> interface to receive from (incoming frames only)");
        m.put(TX_IFACE, "<ifc> interface to send on");
        m.put(IFACE, "<ifc> interface to receive from and send on");
        m.put(PHY_MAC, "<int> 1 = the port takes the MAC of the iface= interface");
        m.put(INFINITE_RX, "<0|1> 1 = replay the rx file in a loop");
        return m;
    }

    @Override
    public EthDevOps probe(final ProbeContext ctx)
    {
        final Devargs d = ctx.devargs();
        final String op = "probe(" + d + ")";
        final String iface = ifname(op, d, IFACE);
        final String rxIfaceName = ifname(op, d, RX_IFACE);
        final String rxIfaceInName = ifname(op, d, RX_IFACE_IN);
        final String txIfaceName = ifname(op, d, TX_IFACE);
        final boolean phyMac = d.getBool(PHY_MAC, false);
        if (iface != null)
        {
            for (final String k : List.of(RX_PCAP, TX_PCAP, RX_IFACE, RX_IFACE_IN, TX_IFACE, INFINITE_RX))
            {
                if (d.has(k))
                {
                    throw EthDevException.of(Errno.EINVAL, op, IFACE + "=" + iface + " is the port's rx and tx: it " +
                        "takes no " + k + " (DPDK would ignore " + k + ")");
                }
            }
        }
        else if (d.has(PHY_MAC))
        {
            throw EthDevException.of(Errno.EINVAL, op, PHY_MAC + " applies only with " + IFACE + "=IF (DPDK would " +
                "ignore it)");
        }
        exclusive(op, d, RX_PCAP, RX_IFACE, RX_IFACE_IN);
        exclusive(op, d, TX_PCAP, TX_IFACE);
        final Path rxPath = path(op, d, RX_PCAP);
        final Path txPath = path(op, d, TX_PCAP);
        if (iface == null && rxPath == null && txPath == null && rxIfaceName == null && rxIfaceInName == null &&
            txIfaceName == null)
        {
            throw EthDevException.of(Errno.EINVAL, op, "no rx or tx given: use rx_pcap=FILE, tx_pcap=FILE, " +
                "iface=IF, rx_iface=IF, rx_iface_in=IF and/or tx_iface=IF");
        }
        final boolean infinite = d.getBool(INFINITE_RX, false);
        if (infinite && rxPath == null)
        {
            throw EthDevException.of(Errno.EINVAL, op, INFINITE_RX + "=1 requires " + RX_PCAP + "=FILE");
        }

        PcapImage image = null;
        PcapFileWriter writer = null;
        NetDev netdev = null;
        PcapIface rxIface = null;
        PcapIface txIface = null;
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
            MacAddress mac = MacAddress.of(0x02_70_63_61_70_00L | (IFACE_IDX.getAndIncrement() & 0xFF));
            int ifIndex = 0;
            if (iface != null || rxIfaceName != null || rxIfaceInName != null || txIfaceName != null)
            {
                netdev = new NetDev();
                if (iface != null)
                {
                    rxIface = PcapIface.open(op, IFACE, iface, netdev, true, false);
                    txIface = rxIface;
                    ifIndex = rxIface.ifIndex;
                    if (phyMac)
                    {
                        mac = MacAddress.of(netdev.hwAddr(iface));
                    }
                }
                else
                {
                    if (rxIfaceName != null || rxIfaceInName != null)
                    {
                        final boolean in = rxIfaceName == null;
                        rxIface = PcapIface.open(op, in ? RX_IFACE_IN : RX_IFACE, in ? rxIfaceInName : rxIfaceName,
                            netdev, true, in);
                    }
                    if (txIfaceName != null)
                    {
                        txIface = PcapIface.open(op, TX_IFACE, txIfaceName, netdev, false, false);
                    }
                }
            }
            if (txPath != null)
            {
                writer = openTx(op, txPath);
            }
            return new PcapEthDev(ctx.data(), image, rxPath, infinite, writer, rxIface, txIface, netdev, ifIndex, mac);
        }
        catch (final RuntimeException ex)
        {
            if (image != null)
            {
                image.close();
            }
            if (rxIface != null)
            {
                rxIface.close();
            }
            if (txIface != null)
            {
                txIface.close();
            }
            if (netdev != null)
            {
                netdev.close();
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

    /** The interface named by {@code key}, or null; EINVAL for an empty or over-long name. */
    private static String ifname(final String op, final Devargs d, final String key)
    {
        if (!d.has(key))
        {
            return null;
        }
        final String v = d.get(key, "");
        if (v.isEmpty())
        {
            throw EthDevException.of(Errno.EINVAL, op, key + " needs an interface name (" + key + "=IF)");
        }
        if (v.length() > MAX_IFNAME || v.indexOf('/') >= 0 || v.chars().anyMatch(Character::isWhitespace))
        {
            throw EthDevException.of(Errno.EINVAL, op, key + "=" + v + " is not an interface name (at most " +
                MAX_IFNAME + " characters, no '/' or blank)");
        }
        return v;
    }

    /** At most one of {@code keys}: the port has one queue per direction. */
    private static void exclusive(final String op, final Devargs d, final String... keys)
    {
        String first = null;
        for (final String k : keys)
        {
            if (!d.has(k))
            {
                continue;
            }
            if (first != null)
            {
                throw EthDevException.of(Errno.EINVAL, op, first + " and " + k + " both given: one " +
                    (keys[0].startsWith("rx") ? "rx source" : "tx sink") + " per port (one queue; DPDK would use " +
                    keys[0] + " or make a queue of each)");
            }
            first = k;
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
