package io.ethdev4j.kni;

import io.ethdev4j.test.ClassReferences;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The application side (the KNI library and net_kni) reaches the kernel side only as an application reached
 * rte_kni.ko: through the shared-memory ABI ({@code io.ethdev4j.kni.abi}) and the control channel
 * ({@code io.ethdev4j.kni.control}) — never a class of {@code io.ethdev4j.kni.kernel} or its subpackages, although
 * both run in one JVM today.
 */
class KniKernelBoundaryTest
{
    @Test
    void shouldNotReferToTheKernelSidesClasses()
    {
        final Map<String, Set<String>> classes = ClassReferences.of(Kni.class);
        final List<String> violations = new ArrayList<>();
        for (final Map.Entry<String, Set<String>> c : classes.entrySet())
        {
            for (final String used : c.getValue())
            {
                if (used.equals("io.ethdev4j.kni.kernel") || used.startsWith("io.ethdev4j.kni.kernel."))
                {
                    violations.add(c.getKey() + " -> " + used);
                }
            }
        }
        assertTrue(classes.containsKey("io.ethdev4j.pmd.kni.KniEthDev"),
            "scanned pmd-kni's classes: " + classes.keySet());
        assertEquals(List.of(), violations);
    }
}
