package io.ethdev4j.pmd.igb;

import io.ethdev4j.pmd.intel.HwCounterList;

import static io.ethdev4j.pmd.igb.IgbRegs.*;

/**
 * The hardware statistics the igb PMD reads: DPDK's xstat names ({@code rte_igb_stats_strings} in
 * drivers/net/e1000/igb_ethdev.c) beside their clear-on-read registers (82576 datasheet §8.19), then the registers
 * only the basic stats need. The accumulation is the shared {@link io.ethdev4j.pmd.intel.HwCounters}.
 */
final class IgbHwStats
{
    static final HwCounterList LIST = HwCounterList.builder()
        .xstat("rx_crc_errors", CRCERRS)
        .xstat("rx_align_errors", ALGNERRC)
        .xstat("rx_symbol_errors", SYMERRS)
        .xstat("rx_missed_packets", MPC)
        .xstat("tx_single_collision_packets", SCC)
        .xstat("tx_multiple_collision_packets", MCC)
        .xstat("tx_excessive_collision_packets", ECOL)
        .xstat("tx_late_collisions", LATECOL)
        .xstat("tx_total_collisions", COLC)
        .xstat("tx_deferred_packets", DC)
        .xstat("tx_no_carrier_sense_packets", TNCRS)
        .xstat("rx_carrier_ext_errors", CEXTERR)
        .xstat("rx_length_errors", RLEC)
        .xstat("rx_xon_packets", XONRXC)
        .xstat("tx_xon_packets", XONTXC)
        .xstat("rx_xoff_packets", XOFFRXC)
        .xstat("tx_xoff_packets", XOFFTXC)
        .xstat("rx_flow_control_unsupported_packets", FCRUC)
        .xstat("rx_size_64_packets", PRC64)
        .xstat("rx_size_65_to_127_packets", PRC127)
        .xstat("rx_size_128_to_255_packets", PRC255)
        .xstat("rx_size_256_to_511_packets", PRC511)
        .xstat("rx_size_512_to_1023_packets", PRC1023)
        .xstat("rx_size_1024_to_max_packets", PRC1522)
        .xstat("rx_broadcast_packets", BPRC)
        .xstat("rx_multicast_packets", MPRC)
        .xstat("rx_undersize_errors", RUC)
        .xstat("rx_fragment_errors", RFC)
        .xstat("rx_oversize_errors", ROC)
        .xstat("rx_jabber_errors", RJC)
        .xstat("rx_management_packets", MGTPRC)
        .xstat("rx_management_dropped", MGTPDC)
        .xstat("tx_management_packets", MGTPTC)
        .xstat("rx_total_packets", TPR)
        .xstat("tx_total_packets", TPT)
        .xstat64("rx_total_bytes", TORL)
        .xstat64("tx_total_bytes", TOTL)
        .xstat("tx_size_64_packets", PTC64)
        .xstat("tx_size_65_to_127_packets", PTC127)
        .xstat("tx_size_128_to_255_packets", PTC255)
        .xstat("tx_size_256_to_511_packets", PTC511)
        .xstat("tx_size_512_to_1023_packets", PTC1023)
        .xstat("tx_size_1023_to_max_packets", PTC1522)
        .xstat("tx_multicast_packets", MPTC)
        .xstat("tx_broadcast_packets", BPTC)
        .xstat("tx_tso_packets", TSCTC)
        .xstat("tx_tso_errors", TSCTFC)
        .xstat("rx_sent_to_host_packets", RPTHC)
        .xstat("tx_sent_by_host_packets", HGPTC)
        .xstat("rx_code_violation_packets", SCVPC)
        .xstat("interrupt_assert_count", IAC)
        // the basic stats: good packets and octets, RNBC, RXERRC
        .counter(GPRC)
        .counter(GPTC)
        .counter64(GORCL)
        .counter64(GOTCL)
        .counter(RXERRC)
        .counter(RNBC)
        .build();

    private IgbHwStats()
    {
    }
}
