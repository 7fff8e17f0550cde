package io.ethdev4j.testpmd;

import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.Offloads;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.testpmd.fwd.FwdStream;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** DPDK testpmd's output formats (app/test-pmd/config.c, testpmd.c), spacing included. Control path only. */
public final class Displays
{
    static final String NIC_STATS_BORDER = "########################";
    static final String FWD_STATS_BORDER = "----------------------";
    static final String ACC_STATS_BORDER = "+++++++++++++++";
    static final String FWD_TOP_STATS_BORDER = "-------";

    private Displays()
    {
    }

    public static String mac(final long mac)
    {
        return MacAddress.of(mac).toString();
    }

    /** nic_stats_display. Rates are since the previous display of this port ({@code prev}, updated). */
    public static void nicStats(final PrintStream out, final int port, final EthStats s, final PortState prev, final long nowNs)
    {
        out.printf("%n  %s NIC statistics for port %-2d %s%n", NIC_STATS_BORDER, port, NIC_STATS_BORDER);
        out.printf("  RX-packets: %-10d RX-missed: %-10d RX-bytes:  %d%n", s.ipackets, s.imissed, s.ibytes);
        out.printf("  RX-errors: %d%n", s.ierrors);
        out.printf("  RX-nombuf:  %-10d%n", s.rxNombuf);
        out.printf("  TX-packets: %-10d TX-errors: %-10d TX-bytes:  %d%n", s.opackets, s.oerrors, s.obytes);
        final long diffNs = prev.prevNs == 0 ? 0 : nowNs - prev.prevNs;
        prev.prevNs = nowNs;
        final long dRxP = s.ipackets - prev.prevRxPkts;
        final long dTxP = s.opackets - prev.prevTxPkts;
        final long dRxB = s.ibytes - prev.prevRxBytes;
        final long dTxB = s.obytes - prev.prevTxBytes;
        prev.prevRxPkts = s.ipackets;
        prev.prevTxPkts = s.opackets;
        prev.prevRxBytes = s.ibytes;
        prev.prevTxBytes = s.obytes;
        final long rxPps = diffNs > 0 ? (long)((double)dRxP / diffNs * 1e9) : 0;
        final long txPps = diffNs > 0 ? (long)((double)dTxP / diffNs * 1e9) : 0;
        final long rxBps = diffNs > 0 ? (long)((double)dRxB / diffNs * 1e9) * 8 : 0;
        final long txBps = diffNs > 0 ? (long)((double)dTxB / diffNs * 1e9) * 8 : 0;
        out.printf("%n  Throughput (since last show)%n");
        out.printf("  Rx-pps: %12d          Rx-bps: %12d%n", rxPps, rxBps);
        out.printf("  Tx-pps: %12d          Tx-bps: %12d%n", txPps, txBps);
        out.printf("  %s############################%n", NIC_STATS_BORDER + NIC_STATS_BORDER);
    }

    /** Per-port block of fwd_stats_display. */
    public static void fwdPortStats(final PrintStream out, final int port, final EthStats d, final long txDropped)
    {
        fwdPortStats(out, port, d, txDropped, false);
    }

    /**
     * With {@code csum}: the csum engine's bad-checksum lines, counted from the rx checksum flags of the received
     * mbufs as DPDK counts them; no port here flags a bad checksum on receive, so they are 0.
     */
    public static void fwdPortStats(final PrintStream out, final int port, final EthStats d, final long txDropped,
        final boolean csum)
    {
        out.printf("%n  %s Forward statistics for port %-2d %s%n", FWD_STATS_BORDER, port, FWD_STATS_BORDER);
        out.printf("  RX-packets: %-14d RX-dropped: %-14dRX-total: %d%n", d.ipackets, d.imissed, d.ipackets + d.imissed);
        if (csum)
        {
            out.printf("  Bad-ipcsum: %-14d Bad-l4csum: %-14dBad-outer-l4csum: %-14d%n", 0, 0, 0);
            out.printf("  Bad-outer-ipcsum: %-14d%n", 0);
        }
        if (d.ierrors + d.rxNombuf > 0)
        {
            out.printf("  RX-error: %d%n", d.ierrors);
            out.printf("  RX-nombufs: %-14d%n", d.rxNombuf);
        }
        out.printf("  TX-packets: %-14d TX-dropped: %-14dTX-total: %d%n", d.opackets, txDropped, d.opackets + txDropped);
        out.printf("  %s%n", "-".repeat(76));
    }

    public static void fwdAccStats(final PrintStream out, final long rx, final long rxDropped, final long tx,
        final long txDropped, final long rxNombuf)
    {
        out.printf("%n  %s Accumulated forward statistics for all ports%s%n", ACC_STATS_BORDER, ACC_STATS_BORDER);
        out.printf("  RX-packets: %-14d RX-dropped: %-14dRX-total: %d%n", rx, rxDropped, rx + rxDropped);
        out.printf("  TX-packets: %-14d TX-dropped: %-14dTX-total: %d%n", tx, txDropped, tx + txDropped);
        if (rxNombuf > 0)
        {
            out.printf("  RX-nombufs: %-14d%n", rxNombuf);
        }
        out.printf("  %s%n", "+".repeat(76));
    }

    public static void fwdStreamStats(final PrintStream out, final FwdStream fs)
    {
        if (fs.rxPackets == 0 && fs.txPackets == 0 && fs.fwdDropped == 0)
        {
            return;
        }
        out.printf("%n  %s Forward Stats for RX Port=%2d/Queue=%2d -> TX Port=%2d/Queue=%2d %s%n", FWD_TOP_STATS_BORDER,
            fs.rxPort, fs.rxQueue, fs.txPort, fs.txQueue, FWD_TOP_STATS_BORDER);
        out.printf("  RX-packets: %-14d TX-packets: %-14d TX-dropped: %-14d%n", fs.rxPackets, fs.txPackets, fs.fwdDropped);
    }

    /** show port summary (one line). */
    public static void portSummaryLine(final PrintStream out, final EthDev dev)
    {
        final EthLink link = dev.link();
        out.printf("%-4d %s %-12s %-14s %-8s %s%n", dev.portId(), dev.macAddr(), dev.name(), dev.driverName(),
            link.isUp() ? "up" : "down", EthLink.speedToString(link.speedMbps()));
    }

    /** port_infos_display. */
    public static void portInfo(final PrintStream out, final EthDev dev)
    {
        final DevInfo info = dev.info();
        final EthLink link = dev.link();
        out.printf("%n%s Infos for port %-2d %s%n", "*********************", dev.portId(), "*********************");
        out.println("MAC address: " + dev.macAddr());
        out.println("Device name: " + dev.name());
        out.println("Driver name: " + dev.driverName());
        out.println("Firmware-version: not available");
        out.println("Devargs: " + dev.data().devargs());
        out.println("Connect to socket: 0");
        out.println("memory allocation on the socket: 0");
        out.println("Link status: " + (link.isUp() ? "up" : "down"));
        out.println("Link speed: " + EthLink.speedToString(link.speedMbps()));
        out.println("Link duplex: " + (link.fullDuplex() ? "full-duplex" : "half-duplex"));
        out.println("Autoneg status: " + (link.autoneg() ? "On" : "Off"));
        out.println("MTU: " + dev.mtu());
        out.println("Promiscuous mode: " + (dev.isPromiscuous() ? "enabled" : "disabled"));
        out.println("Allmulticast mode: " + (dev.isAllmulticast() ? "enabled" : "disabled"));
        out.println("Maximum number of MAC addresses: " + info.maxMacAddrs);
        out.println("Maximum number of MAC addresses of hash filtering: 0");
        final int vlan = dev.vlanOffload();
        out.println("VLAN offload: ");
        out.printf("  strip %s, filter %s, extend %s, qinq strip %s%n", onOff(vlan, Offloads.VLAN_STRIP_OFFLOAD),
            onOff(vlan, Offloads.VLAN_FILTER_OFFLOAD), onOff(vlan, Offloads.VLAN_EXTEND_OFFLOAD),
            onOff(vlan, Offloads.QINQ_STRIP_OFFLOAD));
        if (info.hashKeySize > 0)
        {
            out.println("Hash key size in bytes: " + info.hashKeySize);
        }
        if (info.retaSize > 0)
        {
            out.println("Redirection table size: " + info.retaSize);
        }
        if (info.flowTypeRssOffloads == 0)
        {
            out.println("No RSS offload flow type is supported.");
        }
        else
        {
            out.println("Supported RSS offload flow types:");
            rssOffloadTypes(out, info.flowTypeRssOffloads, RSS_TYPES_CHAR_NUM_PER_LINE);
        }
        out.println("Minimum size of RX buffer: " + info.minRxBufSize);
        out.println("Maximum configurable length of RX packet: " + (info.maxRxPktLen == Integer.MAX_VALUE ?
            "4294967295" : Integer.toString(info.maxRxPktLen)));
        out.println("Maximum configurable size of LRO aggregated packet: 0");
        out.println("Current number of RX queues: " + dev.nbRxQueues());
        out.println("Max possible RX queues: " + info.maxRxQueues);
        out.println("Max possible number of RXDs per queue: " + info.rxDescLim.nbMax);
        out.println("Min possible number of RXDs per queue: " + info.rxDescLim.nbMin);
        out.println("RXDs number alignment: " + info.rxDescLim.nbAlign);
        out.println("Current number of TX queues: " + dev.nbTxQueues());
        out.println("Max possible TX queues: " + info.maxTxQueues);
        out.println("Max possible number of TXDs per queue: " + info.txDescLim.nbMax);
        out.println("Min possible number of TXDs per queue: " + info.txDescLim.nbMin);
        out.println("TXDs number alignment: " + info.txDescLim.nbAlign);
        out.println("Max segment number per packet: 65535");
        out.println("Max segment number per MTU/TSO: 65535");
        out.println("Device capabilities: 0x" + Long.toHexString(info.devCapa) + "( )");
        out.println("Device error handling mode: none");
    }

    /** TESTPMD_RSS_TYPES_CHAR_NUM_PER_LINE. */
    static final int RSS_TYPES_CHAR_NUM_PER_LINE = 64;

    /** rss_type_table's single-bit names (config.c 22.11), by RTE_ETH_RSS_* bit; null: "user-defined-N". */
    private static final String[] RSS_TYPE_NAMES = new String[64];

    static
    {
        final String[] low = {null, null, "ipv4", "ipv4-frag", "ipv4-tcp", "ipv4-udp", "ipv4-sctp", "ipv4-other", "ipv6",
            "ipv6-frag", "ipv6-tcp", "ipv6-udp", "ipv6-sctp", "ipv6-other", "l2-payload", "ipv6-ex", "ipv6-tcp-ex",
            "ipv6-udp-ex", "port", "vxlan", "geneve", "nvgre", null, "gtpu", "eth", "s-vlan", "c-vlan", "esp", "ah",
            "l2tpv3", "pfcp", "pppoe", "ecpri", "mpls", "ipv4-chksum", "l4-chksum", "l2tpv2"};
        System.arraycopy(low, 0, RSS_TYPE_NAMES, 0, low.length);
        final String[] high = {"l3-pre96", "l3-pre64", "l3-pre56", "l3-pre48", "l3-pre40", "l3-pre32", "l2-dst-only",
            "l2-src-only", "l4-dst-only", "l4-src-only", "l3-dst-only", "l3-src-only"};
        System.arraycopy(high, 0, RSS_TYPE_NAMES, 52, high.length);
    }

    /** rss_type_table's group entries (name, RTE_ETH_RSS_* bits), shown before the single types. */
    private static final Object[][] RSS_GROUPS = {
        {"all", (1L << 24) | (3L << 25) | 0x3FFFCL | (1L << 29) | (1L << 27) | (1L << 28) | (1L << 30) |
            (1L << 23) | (1L << 32) | (1L << 33) | (1L << 36)},
        {"ip", (1L << 2) | (1L << 3) | (1L << 7) | (1L << 8) | (1L << 9) | (1L << 13) | (1L << 15)},
        {"udp", (1L << 5) | (1L << 11) | (1L << 17)},
        {"tcp", (1L << 4) | (1L << 10) | (1L << 16)},
        {"sctp", (1L << 6) | (1L << 12)},
        {"tunnel", (1L << 19) | (1L << 20) | (1L << 21)},
        {"vlan", (1L << 25) | (1L << 26)}};

    /**
     * rss_types_display (TESTPMD_RSS_TYPES_CHAR_NUM_PER_LINE): every entry of rss_type_table, groups first, whose
     * bits are all in {@code types}, each after two spaces, wrapping before a line passes 64 characters.
     */
    public static void rssTypes(final PrintStream out, final long types)
    {
        int total = 0;
        final List<String> names = new ArrayList<>();
        for (final Object[] g : RSS_GROUPS)
        {
            if ((types & (Long)g[1]) == (Long)g[1])
            {
                names.add((String)g[0]);
            }
        }
        for (int i = 0; i < 64; i++)
        {
            if (RSS_TYPE_NAMES[i] != null && (types & (1L << i)) != 0)
            {
                names.add(RSS_TYPE_NAMES[i]);
            }
        }
        for (final String n : names)
        {
            if (total + n.length() + 2 > RSS_TYPES_CHAR_NUM_PER_LINE)
            {
                out.println();
                total = 0;
            }
            out.print("  " + n);
            total += n.length() + 2;
        }
        out.println();
    }

    /** rss_offload_types_display: each type's name after two spaces, a new line before {@code perLine} is reached. */
    static void rssOffloadTypes(final PrintStream out, final long types, final int perLine)
    {
        int total = 0;
        for (int i = 0; i < 64; i++)
        {
            if ((types & (1L << i)) == 0)
            {
                continue;
            }
            final String name = RSS_TYPE_NAMES[i] != null ? RSS_TYPE_NAMES[i] : "user-defined-" + i;
            final int len = (RSS_TYPE_NAMES[i] != null ? name.length() : "user-defined-".length() + i / 10 + 1) + 2;
            if (total + len >= perLine)
            {
                total = 0;
                out.println();
            }
            out.print("  " + name);
            total += len;
        }
        out.println();
    }

    private static String onOff(final int bits, final int bit)
    {
        return (bits & bit) != 0 ? "on" : "off";
    }

    /** strerror(-diag) for the errno an {@link EthDevException} carries. */
    public static String strerror(final EthDevException ex)
    {
        return Errno.describe(ex.errno());
    }
}
