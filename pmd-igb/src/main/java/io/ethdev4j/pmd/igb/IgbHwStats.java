package io.ethdev4j.pmd.igb;

import java.util.List;

import static io.ethdev4j.pmd.igb.IgbRegs.*;

/**
 * The hardware statistics the igb PMD reads, with DPDK's xstat names ({@code rte_igb_stats_strings} in
 * drivers/net/e1000/igb_ethdev.c) and their clear-on-read registers (82576 datasheet §8.19). 64-bit counters name
 * their low register; the high one follows at +4.
 */
final class IgbHwStats
{
    static final List<String> NAMES = List.of(
        "rx_crc_errors", "rx_align_errors", "rx_symbol_errors", "rx_missed_packets",
        "tx_single_collision_packets", "tx_multiple_collision_packets", "tx_excessive_collision_packets",
        "tx_late_collisions", "tx_total_collisions", "tx_deferred_packets", "tx_no_carrier_sense_packets",
        "rx_carrier_ext_errors", "rx_length_errors", "rx_xon_packets", "tx_xon_packets", "rx_xoff_packets",
        "tx_xoff_packets", "rx_flow_control_unsupported_packets", "rx_size_64_packets", "rx_size_65_to_127_packets",
        "rx_size_128_to_255_packets", "rx_size_256_to_511_packets", "rx_size_512_to_1023_packets",
        "rx_size_1024_to_max_packets", "rx_broadcast_packets", "rx_multicast_packets", "rx_undersize_errors",
        "rx_fragment_errors", "rx_oversize_errors", "rx_jabber_errors", "rx_management_packets",
        "rx_management_dropped", "tx_management_packets", "rx_total_packets", "tx_total_packets", "rx_total_bytes",
        "tx_total_bytes", "tx_size_64_packets", "tx_size_65_to_127_packets", "tx_size_128_to_255_packets",
        "tx_size_256_to_511_packets", "tx_size_512_to_1023_packets", "tx_size_1023_to_max_packets",
        "tx_multicast_packets", "tx_broadcast_packets", "tx_tso_packets", "tx_tso_errors",
        "rx_sent_to_host_packets", "tx_sent_by_host_packets", "rx_code_violation_packets",
        "interrupt_assert_count");

    static final int[] REGS = {
        CRCERRS, ALGNERRC, SYMERRS, MPC,
        SCC, MCC, ECOL,
        LATECOL, COLC, DC, TNCRS,
        CEXTERR, RLEC, XONRXC, XONTXC, XOFFRXC,
        XOFFTXC, FCRUC, PRC64, PRC127,
        PRC255, PRC511, PRC1023,
        PRC1522, BPRC, MPRC, RUC,
        RFC, ROC, RJC, MGTPRC,
        MGTPDC, MGTPTC, TPR, TPT, TORL,
        TOTL, PTC64, PTC127, PTC255,
        PTC511, PTC1023, PTC1522,
        MPTC, BPTC, TSCTC, TSCTFC,
        RPTHC, HGPTC, SCVPC,
        IAC};

    /** Registers read besides the xstats: good packets/octets and RNBC for the basic stats. */
    static final int[] BASIC_REGS = {GPRC, GPTC, GORCL, GOTCL, RXERRC, RNBC};

    static boolean is64(final int reg)
    {
        return reg == TORL || reg == TOTL || reg == GORCL || reg == GOTCL;
    }

    private IgbHwStats()
    {
    }
}
