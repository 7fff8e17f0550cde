package io.ethdev4j.pmd.ixgbe;

import io.ethdev4j.pmd.intel.HwCounterList;

import static io.ethdev4j.pmd.ixgbe.IxgbeRegs.*;

/**
 * The hardware statistics the ixgbe PMD reads: DPDK's xstat names ({@code rte_ixgbe_stats_strings} in
 * drivers/net/ixgbe/ixgbe_ethdev.c, v22.11, the MAC counters up to {@code rx_l3_l4_xsum_error}; flow director and
 * FCoE counters are not read) beside their clear-on-read registers (§2.2), then the registers only the basic stats
 * need (GPRC, GPTC, GORC, GOTC, MPC(0..7), RNBC(0..7)). 64-bit counters are read low then high (§6).
 */
final class IxgbeHwStats
{
    static final HwCounterList LIST;

    static
    {
        final HwCounterList.Builder b = HwCounterList.builder()
            .xstat("rx_crc_errors", CRCERRS)
            .xstat("rx_illegal_byte_errors", ILLERRC)
            .xstat("rx_error_bytes", ERRBC)
            .xstat("mac_local_errors", MLFC)
            .xstat("mac_remote_errors", MRFC)
            .xstat("rx_length_errors", RLEC)
            .xstat("tx_xon_packets", LXONTXC)
            .xstat("rx_xon_packets", LXONRXCNT)
            .xstat("tx_xoff_packets", LXOFFTXC)
            .xstat("rx_xoff_packets", LXOFFRXCNT)
            .xstat("rx_size_64_packets", PRC64)
            .xstat("rx_size_65_to_127_packets", PRC127)
            .xstat("rx_size_128_to_255_packets", PRC255)
            .xstat("rx_size_256_to_511_packets", PRC511)
            .xstat("rx_size_512_to_1023_packets", PRC1023)
            .xstat("rx_size_1024_to_max_packets", PRC1522)
            .xstat("rx_broadcast_packets", BPRC)
            .xstat("rx_multicast_packets", MPRC)
            .xstat("rx_fragment_errors", RFC)
            .xstat("rx_undersize_errors", RUC)
            .xstat("rx_oversize_errors", ROC)
            .xstat("rx_jabber_errors", RJC)
            .xstat("rx_management_packets", MNGPRC)
            .xstat("rx_management_dropped", MNGPDC)
            .xstat("tx_management_packets", MNGPTC)
            .xstat("rx_total_packets", TPR)
            .xstat64("rx_total_bytes", TORL)
            .xstat("tx_total_packets", TPT)
            .xstat("tx_size_64_packets", PTC64)
            .xstat("tx_size_65_to_127_packets", PTC127)
            .xstat("tx_size_128_to_255_packets", PTC255)
            .xstat("tx_size_256_to_511_packets", PTC511)
            .xstat("tx_size_512_to_1023_packets", PTC1023)
            .xstat("tx_size_1024_to_max_packets", PTC1522)
            .xstat("tx_multicast_packets", MPTC)
            .xstat("tx_broadcast_packets", BPTC)
            .xstat("rx_mac_short_packet_dropped", MSPDC)
            .xstat("rx_l3_l4_xsum_error", XEC)
            .counter(GPRC)
            .counter(GPTC)
            .counter64(GORCL)
            .counter64(GOTCL);
        for (int i = 0; i < MPC_COUNT; i++)
        {
            b.counter(MPC(i));
            b.counter(RNBC(i));
        }
        LIST = b.build();
    }

    private IxgbeHwStats()
    {
    }
}
