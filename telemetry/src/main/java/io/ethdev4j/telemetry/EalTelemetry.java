package io.ethdev4j.telemetry;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.Lcore;
import io.ethdev4j.sys.LibC;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * {@code /eal/params} and {@code /eal/app_params} (DPDK 22.11 {@code lib/eal/common/eal_common_options.c}), and
 * {@code /eal/lcore/list} and {@code /eal/lcore/info} (added in DPDK 23.03, {@code eal_common_lcore.c}; 22.11 has
 * neither, and answers them null): the shapes are 23.03's.
 */
final class EalTelemetry
{
    private EalTelemetry()
    {
    }

    static void register()
    {
        Telemetry.registerCmd("/eal/params", EalTelemetry::params,
            "Returns EAL commandline parameters used. Takes no parameters");
        Telemetry.registerCmd("/eal/app_params", EalTelemetry::params,
            "Returns app commandline parameters used. Takes no parameters");
        Telemetry.registerCmd("/eal/lcore/list", EalTelemetry::lcoreList, "List of lcore ids. Takes no parameters");
        Telemetry.registerCmd("/eal/lcore/info", EalTelemetry::lcoreInfo, "Returns lcore info. Parameters: int lcore_id");
    }

    /** handle_eal_info_request: argv[0] and the EAL options, or the application's options. */
    private static int params(final Eal eal, final String cmd, final String params, final TelData d)
    {
        d.startArray(TelData.ValueType.STRING);
        if (cmd.equals("/eal/params"))
        {
            d.addArrayString(eal.args().program());
            for (final String a : eal.args().ealArgv())
            {
                d.addArrayString(a);
            }
        }
        else
        {
            for (final String a : eal.appArgs())
            {
                d.addArrayString(a);
            }
        }
        return 0;
    }

    private static int lcoreList(final Eal eal, final String cmd, final String params, final TelData d)
    {
        d.startArray(TelData.ValueType.INT);
        for (final int l : eal.lcores())
        {
            d.addArrayInt(l);
        }
        return 0;
    }

    /** handle_lcore_info: strtoul of the whole parameter; an lcore not in use answers null (nothing added). */
    private static int lcoreInfo(final Eal eal, final String cmd, final String params, final TelData d)
    {
        if (params == null || params.isEmpty() || !params.chars().allMatch(Character::isDigit) || params.length() > 9)
        {
            return -22;
        }
        final int id = Integer.parseInt(params);
        if (id >= Lcore.MAX_LCORE || Arrays.stream(eal.lcores()).noneMatch(l -> l == id))
        {
            return id >= Lcore.MAX_LCORE ? -22 : 0;
        }
        d.startDict();
        d.addDictInt("lcore_id", id);
        d.addDictInt("socket", eal.lcoreHasCpu(id) ? numaNode(id) : 0);
        d.addDictString("role", "RTE");
        final TelData cpuset = new TelData();
        cpuset.startArray(TelData.ValueType.INT);
        // an lcore thread is pinned to the CPU of its number where that CPU exists, else it runs where it may
        for (final int cpu : eal.lcoreHasCpu(id) ? new int[] {id} : LibC.allowedCpus())
        {
            cpuset.addArrayInt(cpu);
        }
        d.addDictContainer("cpuset", cpuset);
        return 0;
    }

    /** The NUMA node of {@code cpu} (rte_lcore_to_socket_id), from sysfs; 0 when the machine does not say. */
    static int numaNode(final int cpu)
    {
        final Path dir = Paths.get("/sys/devices/system/cpu/cpu" + cpu);
        try (var entries = Files.list(dir))
        {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("node[0-9]+"))
                .mapToInt(n -> Integer.parseInt(n.substring(4))).findFirst().orElse(0);
        }
        catch (final java.io.IOException | RuntimeException ex)
        {
            return 0;
        }
    }
}
