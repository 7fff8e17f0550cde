package io.ethdev4j.bus;

import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.mem.DmaMemory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a driver may use of the runtime that probes it (the EAL services DPDK drivers call): its DMA memory, mbuf
 * pools, lcores and the other ports. {@code io.ethdev4j.eal.Eal} implements it; drivers receive it through
 * {@link ProbeContext#eal()} and never see the runtime's own class, so the bus SPI does not depend on it.
 */
public interface EalServices
{
    /** The runtime's DMA memory (rte_memzone_reserve, rte_malloc). */
    DmaMemory memory();

    /** rte_pktmbuf_pool_create on the runtime's memory; the runtime frees the pool when it closes. */
    MbufPool createPktmbufPool(String name, int n, int cacheSize, int privSize, int dataRoomSize);

    /** rte_get_main_lcore. */
    int mainLcore();

    /** All lcores, main included, ascending. */
    int[] lcores();

    /** The worker lcores, ascending (RTE_LCORE_FOREACH_WORKER). */
    int[] workerLcores();

    /** rte_eth_dev_is_valid_port. */
    boolean isValidPort(int portId);

    /** The port with id {@code portId}; ENODEV if there is none. */
    EthDev port(int portId);

    /** The port named {@code name}, or null (rte_eth_dev_get_port_by_name). */
    EthDev portByName(String name);

    /** Live ports in id order (RTE_ETH_FOREACH_DEV). */
    List<EthDev> ports();

    /** rte_eal_get_runtime_dir: where the runtime keeps its files (the config lock, the telemetry socket). */
    Path runtimeDir();

    /** The {@code --kni-*} options (name with dashes to value): the KNI kernel side's module parameters. */
    Map<String, String> kniOptions();
}
