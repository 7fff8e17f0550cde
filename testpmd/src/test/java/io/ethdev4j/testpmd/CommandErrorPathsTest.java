package io.ethdev4j.testpmd;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The error paths of the queue, address, VLAN, checksum, display and configuration commands on two net_null ports:
 * bad port ids, bad queue ids, missing or malformed arguments, what the driver does not support, each answered
 * with DPDK 22.11's text (taken from dpdk-testpmd's transcripts; DpdkTranscriptTest compares side by side where it
 * is installed).
 */
class CommandErrorPathsTest
{
    private static Sessions session(final String... lines)
    {
        final Sessions s = Sessions.run(String.join("\n", lines) + "\nquit\n", "--total-num-mbufs=16384", "-i");
        assertEquals(0, s.rc, s.err);
        assertFalse(s.err.contains("Exception") || s.err.contains("command failed"), s.err);
        return s;
    }

    @Test
    void shouldRefuseBadPortIds()
    {
        final Sessions s = session("show rxq info 9 0", "port 9 rxq 0 stop", "read rxd 9 0 0", "mac_addr add 9 02:11:22:33:44:55",
            "mcast_addr add 9 01:00:5E:00:00:01", "rx_vlan add 10 9", "tx_vlan set 9 10", "csum set ip hw 9",
            "set eth-peer 9 02:11:22:33:44:55", "show port 9 rx_offload capabilities", "show port 9 flow_ctrl",
            "show port 9 rxq 0 desc used count", "set portlist 5");
        assertTrue(s.err.contains("Invalid port_id=9\nFailed to retrieve information for port: 9, RX queue: 0\n" +
            "error desc: No such device(-19)\n"), s.err);
        assertTrue(s.err.contains("Invalid port 9\n"), s.err);
        assertTrue(s.err.contains("Invalid port_id=9\nmac_addr_cmd error: (No such device)\n"), s.err);
        assertTrue(s.err.contains("Invalid port 9\ninvalid port 9\n"), s.err);
        assertTrue(s.err.contains("Error: Invalid port number 9\n"), s.err);
        assertTrue(s.err.contains("Invalid port_id=9\nError during getting device (port 9) info: No such device\n"), s.err);
        assertTrue(s.err.contains("Invalid port_id=9\nFailed to get current flow ctrl information: err = -19\n"), s.err);
        assertTrue(s.err.contains("invalid port id 9\n"), s.err);
        assertTrue(s.err.contains("Invalid port 5\n"), s.err);
    }

    @Test
    void shouldRefuseBadQueueAndDescriptorIds()
    {
        final Sessions s = session("show rxq info 0 5", "show txq info 0 5", "port 0 rxq 5 stop", "port 0 txq 5 start",
            "read rxd 0 7 0", "read txd 0 0 600", "vlan set stripq on 0,3");
        assertTrue(s.err.contains("Invalid Rx queue_id=5\nFailed to retrieve information for port: 0, RX queue: 5\n" +
            "error desc: Invalid argument(-22)\n"), s.err);
        assertTrue(s.err.contains("Invalid Tx queue_id=5\nFailed to retrieve information for port: 0, TX queue: 5\n"), s.err);
        assertTrue(s.err.contains("Invalid RX queue 5 (must be < nb_rxq=1)\n"), s.err);
        assertTrue(s.err.contains("Invalid TX queue 5 (must be < nb_txq=1)\n"), s.err);
        assertTrue(s.err.contains("Invalid Rx queue_id=7\n"), s.err);
        assertTrue(s.err.contains("Invalid TX descriptor 600 (must be < ring_size=512)\n"), s.err);
        assertTrue(s.err.contains("Invalid rx_queue_id=3\nrx_vlan_strip_set_on_queue(port_pi=0, queue_id=3, on=1) failed " +
            "diag=-22\n"), s.err);
    }

    @Test
    void shouldAnswerMissingAndMalformedArgumentsAsDpdk()
    {
        final Sessions s = session("show port 0 txq 0 desc used count", "port 0 rxq 0", "mac_addr add 0",
            "mac_addr add 0 02:11:22", "set txpkts 64,abc", "set txpkts 64,,128", "set txpkts 10,10", "set txsplit bogus",
            "set corelist 1,1", "set coremask 0", "set portmask 0", "vlan set stripq on 0", "rx_vlan add 5000 0",
            "tx_vlan set 0 5000", "set log x 9", "dump_ring nosuchring", "dump_mempool nosuchpool",
            "mcast_addr add 0 02:00:5E:00:00:01");
        final String all = s.out + s.err;
        assertTrue(s.out.contains("testpmd> show port 0 txq 0 desc used count\nBad arguments\n"), s.out);
        assertTrue(s.out.contains("testpmd> port 0 rxq 0\nBad arguments\n"), s.out);
        assertTrue(s.out.contains("testpmd> mac_addr add 0\nBad arguments\n"), s.out);
        assertTrue(s.out.contains("testpmd> mac_addr add 0 02:11:22\nBad arguments\n"), s.out);
        assertTrue(s.err.contains("character a is not a decimal digit\n"), s.err);
        assertTrue(s.err.contains("No valid value before comma\n"), s.err);
        assertTrue(s.err.contains("total packet length=20 < 42 - give up\n"), s.err);
        assertTrue(s.err.contains("unknown value: \"bogus\"\n"), s.err);
        assertTrue(s.err.contains("duplicated core 1 at index 0 and 1\n"), s.err);
        assertTrue(s.err.contains("Invalid NULL mask of cores\n"), s.err);
        assertTrue(s.err.contains("Invalid NULL mask of ports\n"), s.err);
        assertTrue(s.err.contains("must specify (port,queue_id)\n"), s.err);
        assertTrue(s.err.contains("Invalid vlan_id 5000 (must be < 4096)\n"), s.err);
        assertTrue(s.err.contains("Please stop port 0 first\n"), s.err);
        assertTrue(s.err.contains("Unable to set log level\n"), s.err);
        assertTrue(all.contains("Cannot find ring\n"), all);
        assertTrue(all.contains("Cannot find mempool\n"), all);
        assertTrue(s.err.contains("Invalid multicast addr 02:00:5E:00:00:01\n"), s.err);
    }

    @Test
    void shouldReportWhatNetNullDoesNotSupportAsDpdk()
    {
        final Sessions s = session("port 0 rxq 0 stop", "show rxq info 0 0", "show port 0 rxq 0 desc used count",
            "show port 0 rxq 0 desc 0 status", "read rxd 0 0 0", "mac_addr add 0 02:11:22:33:44:55",
            "mcast_addr add 0 01:00:5E:00:00:01", "show port 0 mcast_macs", "vlan set filter on 0", "vlan set strip off 0",
            "rx_vlan add 10 0", "vlan set inner tpid 0x8100 0", "show port 0 flow_ctrl", "show port 0 rss-hash",
            "show port 0 ptypes", "port stop 0", "tx_vlan set 0 10", "csum set tcp hw 0", "csum show 0");
        assertTrue(s.err.contains("Function not supported in PMD\n"), s.err);
        assertTrue(s.err.contains("Failed to retrieve information for port: 0, RX queue: 0\n" +
            "error desc: Operation not supported(-95)\n"), s.err);
        assertTrue(s.err.contains("Invalid queueid = 0\n"), s.err);
        assertTrue(s.err.contains("Invalid input: queue id = 0, desc id = 0\n"), s.err);
        assertTrue(s.err.contains("rx_ring ring memory zoneof (port 0, queue 0) not found (zone name = eth_p0_q0_rx_ring\n"),
            s.err);
        assertTrue(s.err.contains("mac_addr_cmd error: (Operation not supported)\n"), s.err);
        assertTrue(s.err.contains("rte_eth_dev_set_mc_addr_list(port=0, nb=1) failed. diag=-95\n"), s.err);
        assertTrue(s.out.contains("Number of Multicast MAC address added: 0\n"), s.out);
        assertTrue(s.err.contains("Ethdev port_id=0 requested new added VLAN offloads 0x200 must be within Rx offloads " +
            "capabilities 0x0 in rte_eth_dev_set_vlan_offload()\nrx_vlan_filter_set(port_pi=0, on=1) failed diag=-22\n"),
            s.err);
        assertFalse(s.err.contains("rx_vlan_strip_set"), "strip off on a port without it is no change: " + s.err);
        assertTrue(s.err.contains("Port 0: VLAN-filtering disabled\n" +
            "rte_eth_dev_vlan_filter(port_pi=0, vlan_id=10, on=1) failed diag=-38\n"), s.err);
        assertTrue(s.err.contains("tx_vlan_tpid_set(port_pi=0, vlan_type=1, tpid=33024) failed diag=-95\n"), s.err);
        assertTrue(s.err.contains("Failed to get current flow ctrl information: err = -95\n"), s.err);
        assertTrue(s.err.contains("dev_info did not provide a valid hash key size\n"), s.err);
        assertTrue(s.out.contains("L2 ptypes unsupported\nL3 ptypes unsupported\n"), s.out);
        assertTrue(s.err.contains("Error: vlan insert is not supported by port 0\n"), s.err);
        assertTrue(s.err.contains("TCP checksum offload is not supported by port 0\n"), s.err);
        assertTrue(s.out.contains("Parse tunnel is off\nIP checksum offload is sw\n"), s.out);
    }

    @Test
    void shouldKeepTheSettingsTheCommandsChange()
    {
        final Sessions s = session("set txpkts 64,128", "set txsplit rand", "show config txpkts", "set fwd txonly",
            "show config rxtx", "set burst tx delay 5 retry 7", "set fwd io retry", "show config fwd",
            "set eth-peer 1 02:11:22:33:44:55", "show config fwd", "set corelist 1", "set portlist 1,0", "show config fwd",
            "set default", "show config fwd", "set log global 8", "dump_log_types", "set log global 7",
            "csum parse-tunnel on 0", "set xstats-hide-zero on", "show port xstats 0", "dump_devargs", "dump_mempool",
            "dump_memzone", "dump_physmem", "dump_ring");
        assertTrue(s.out.contains("Number of segments: 2\nSegment sizes: 64,128\nSplit packet: rand\n"), s.out);
        assertTrue(s.out.contains("  packet len=192 - nb packet segments=2\n"), s.out);
        assertTrue(s.out.contains("TX retry num: 7, delay between TX retries: 5us\n"), s.out);
        assertTrue(s.out.contains("peer=02:11:22:33:44:55"), s.out);
        assertTrue(s.out.contains("  RX P=1/Q=0 (socket 0) -> TX P=0/Q=0 (socket 0) peer=02:00:00:00:00:00\n" +
            "  RX P=0/Q=0 (socket 0) -> TX P=1/Q=0 (socket 0) peer=02:11:22:33:44:55\n"), s.out);
        assertTrue(s.out.contains("Reset to default forwarding configuration...\n"), s.out);
        assertTrue(s.out.contains("  RX P=0/Q=0 (socket 0) -> TX P=1/Q=0 (socket 0) peer=02:00:00:00:00:01\n"), s.out);
        assertTrue(s.out.contains("global log level is debug\nid 0: EAL, level is debug\n"), s.out);
        assertTrue(s.out.contains("Parse tunnel is on\n"), s.out);
        assertTrue(s.out.contains("###### NIC extended statistics for port 0 \n") && !s.out.contains("rx_good_packets: 0"),
            "zero xstats hidden: " + s.out);
        assertTrue(s.out.contains("User device list:\n  [vdev]: net_null0 \n  [vdev]: net_null1 \n"), s.out);
        assertTrue(s.out.contains("  common_pool_count=") && s.out.contains("  in_use_count="), s.out);
        assertTrue(s.out.matches("(?s).*Zone 0: name:<[^>]+>, len:0x[0-9a-f]+, virt:0x[0-9a-f]+, socket_id:0, flags:0\n" +
            "physical segments used:\n  addr: 0x[0-9a-f]+ iova: 0x[0-9a-f]+ len: 0x1000 pagesz: 0x1000\n.*"), s.out);
        assertTrue(s.out.matches("(?s).*Segment 0-0: IOVA:0x[0-9a-f]+, len:4096, virt:0x[0-9a-f]+, socket_id:0, " +
            "hugepage_sz:4096, nchannel:0, nrank:0 fd:-?\\d+\n.*"), s.out);
        assertTrue(s.out.matches("(?s).*ring <MP_mb_pool_0>@0x[0-9a-f]+\n  flags=[0-9a-f]+\n  size=\\d+\n.*"), s.out);
    }
}
