package io.ethdev4j.kni;

import io.ethdev4j.kni.abi.KniFifo;
import io.ethdev4j.test.ClassReferences;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each KNI package of the kernel module refers only to what its package-info allows: the ABI to nothing of ours, the
 * control interface to the ABI, the netdev to neither data path nor requests, data path and request channel not to
 * each other nor to the module's top package that wires them.
 */
class KniPackageDependencyTest
{
    private static final String SYS = "io.ethdev4j.sys";
    private static final String ABI = "io.ethdev4j.kni.abi";
    private static final String CONTROL = "io.ethdev4j.kni.control";
    private static final String KERNEL = "io.ethdev4j.kni.kernel";
    private static final String NETDEV = KERNEL + ".netdev";
    private static final String DATAPATH = KERNEL + ".datapath";
    private static final String REQUEST = KERNEL + ".request";

    /** Package → the io.ethdev4j packages it may refer to (itself always). */
    private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static
    {
        ALLOWED.put(ABI, Set.of());
        ALLOWED.put(CONTROL, Set.of(ABI, SYS));
        ALLOWED.put(NETDEV, Set.of(ABI, SYS));
        ALLOWED.put(DATAPATH, Set.of(ABI, NETDEV, SYS));
        ALLOWED.put(REQUEST, Set.of(ABI, NETDEV, SYS));
        ALLOWED.put(KERNEL, Set.of(ABI, CONTROL, NETDEV, DATAPATH, REQUEST, SYS));
    }

    @Test
    void shouldKeepEveryKniPackageToItsAllowedDependencies()
    {
        final Map<String, Set<String>> classes = ClassReferences.of(KniFifo.class);
        final List<String> violations = new ArrayList<>();
        int checked = 0;
        for (final Map.Entry<String, Set<String>> c : classes.entrySet())
        {
            final String pkg = c.getKey().substring(0, c.getKey().lastIndexOf('.'));
            final Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null)
            {
                continue;
            }
            checked++;
            for (final String used : c.getValue())
            {
                if (!used.equals(pkg) && !allowed.contains(used))
                {
                    violations.add(c.getKey() + " -> " + used);
                }
            }
        }
        assertTrue(checked > 20, "found the kernel module's KNI classes: " + classes.keySet());
        assertEquals(List.of(), violations);
    }
}
