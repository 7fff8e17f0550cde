package io.ethdev4j.archtests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules can fail: {@link Layering}, rooted at {@code io.ethdev4j.archtests.fixture}, evaluated on a miniature
 * product with one deliberately broken class per rule ({@code *Uses*}, {@code BadException}, {@code NullPrints}).
 * Each rule reports its broken class and none of the clean ones beside it, so a rule neither passes vacuously nor
 * flags what its package-info allows.
 */
class LayeringRulesFailTest
{
    private static final String FIXTURE = "io.ethdev4j.archtests.fixture";

    private static final Pattern WHERE = Pattern.compile("in \\((\\w+)\\.java:\\d+\\)");

    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    private static final Layering LAYERING = new Layering(FIXTURE);

    @Test
    void shouldFailWhenTheCoreImportsADriver()
    {
        assertFlags(LAYERING.coreDoesNotDependOnDriversOrApps(), List.of("RingUsesPci"), List.of("Ring"));
    }

    @Test
    void shouldFailWhenADriverImportsTestpmd()
    {
        assertFlags(LAYERING.driversDoNotDependOnApps(), List.of("NullUsesTestpmd"), List.of());
    }

    @Test
    void shouldFailWhenIgbAndKniImportEachOther()
    {
        assertFlags(LAYERING.igbDoesNotDependOnKni(), List.of("IgbUsesKni"), List.of("KniUsesIgb"));
        assertFlags(LAYERING.kniDoesNotDependOnIgb(), List.of("KniUsesIgb"), List.of("IgbUsesKni"));
    }

    @Test
    void shouldFailWhenBusImportsEal()
    {
        assertFlags(LAYERING.busDoesNotDependOnEal(), List.of("BusUsesEal"), List.of("Bus"));
    }

    @Test
    void shouldFailOnACycleInTheCoreButNotOnTheTwoKnownReferencesUpwards()
    {
        // mem <-> mbuf and eal <-> bus (BusUsesEal) are reported; mbuf -> eal.Lcore (eal -> mbuf) and
        // mbuf, ring -> ethdev.EthDevException (ethdev -> mbuf) close no cycle
        final List<String> cycles = violations(LAYERING.coreIsFreeOfCycles());
        final String all = String.join("\n", cycles);
        assertEquals(2, cycles.size(), all);
        assertTrue(cycles.stream().anyMatch(c -> c.contains("MemUsesMbuf") && c.contains("Mbuf.region")), all);
        assertTrue(cycles.stream().anyMatch(c -> c.contains("BusUsesEal") && c.contains("Eal.bus")), all);
        assertFalse(all.contains("Lcore") || all.contains("EthDevException"), all);
    }

    @Test
    void shouldFailWhenADriverReachesPastTheBusSpiIntoTheRuntime()
    {
        assertFlags(LAYERING.driversUseOnlyLogOfTheRuntime(), List.of("PciUsesEal"), List.of("PciDevice"));
    }

    @Test
    void shouldFailOnASecondExceptionType()
    {
        assertFlags(LAYERING.oneExceptionType(), List.of("BadException"), List.of("EthDevException"));
    }

    @Test
    void shouldFailOnPrintingOrASecondLoggingFramework()
    {
        final List<String> printing = violations(LAYERING.noPrintingOutsideTheLog());
        assertMentions(printing, List.of("NullPrints"), List.of("RteLog", "TestPmd"));
        assertTrue(printing.stream().anyMatch(d -> d.contains("printStackTrace")), String.join("\n", printing));
        assertFlags(LAYERING.noOtherLoggingFramework(), List.of("NullUsesJul", "KernelUsesSystemLogger"),
            List.of("NullPrints"));
    }

    @Test
    void shouldFailWhereAPackageGoesBeyondItsPackageInfo()
    {
        assertFlags(packageRule("sys "), List.of("SysUsesRing"), List.of("RteLog", "Errno"));
        assertFlags(packageRule("ring "), List.of("RingUsesPci"), List.of("Ring"));
        assertFlags(packageRule("mem "), List.of("MemUsesMbuf"), List.of("Region"));
        assertFlags(packageRule("mbuf "), List.of(), List.of("Mbuf"));
        assertFlags(packageRule("bus "), List.of("BusUsesEal"), List.of("Bus"));
        assertFlags(packageRule("pci and pci.vfio "), List.of("PciUsesEal"), List.of("PciDevice"));
        assertFlags(packageRule("pmd.igb "), List.of("IgbUsesKni"), List.of("IgbEthDev"));
        assertFlags(packageRule("kni and pmd.kni "), List.of("KniUsesIgb"), List.of("KniEthDev"));
        assertFlags(packageRule("pmd.nullpmd "), List.of("NullUsesTestpmd"), List.of("NullPrints"));
        assertFlags(packageRule("kni.abi "), List.of("AbiUsesSys"), List.of());
        assertFlags(packageRule("the KNI kernel side "), List.of("KernelUsesEthdev"),
            List.of("KernelUsesSystemLogger"));
        assertFlags(packageRule("kni.daemon.client "), List.of("ClientUsesKernel"), List.of());
    }

    private static ArchRule packageRule(final String descriptionPrefix)
    {
        return LAYERING.packageRules().stream()
            .filter(r -> r.getDescription().startsWith(descriptionPrefix))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no package rule starts with '" + descriptionPrefix + "'"));
    }

    /** {@code rule} reports a violation by each class of {@code bad} and none by a class of {@code clean}. */
    private static void assertFlags(final ArchRule rule, final List<String> bad, final List<String> clean)
    {
        final EvaluationResult result = rule.evaluate(CLASSES);
        if (bad.isEmpty())
        {
            assertFalse(result.hasViolation(), () -> rule.getDescription() + ":\n" + result.getFailureReport());
        }
        else
        {
            assertTrue(result.hasViolation(), () -> rule.getDescription() + " found nothing wrong in the fixture");
        }
        assertMentions(violations(rule), bad, clean);
    }

    /**
     * Every violation line ends with where the offending code is, {@code in (RingUsesPci.java:0)}: the class (simple
     * name) a line blames.
     */
    private static void assertMentions(final List<String> details, final List<String> bad, final List<String> clean)
    {
        final Set<String> blamed = new TreeSet<>();
        for (final String d : details)
        {
            final Matcher m = WHERE.matcher(d);
            while (m.find())
            {
                blamed.add(m.group(1));
            }
        }
        final String all = String.join("\n", details);
        for (final String b : bad)
        {
            assertTrue(blamed.contains(b), "expected a violation by " + b + " in:\n" + all);
        }
        for (final String c : clean)
        {
            assertFalse(blamed.contains(c), c + " is clean but was flagged:\n" + all);
        }
    }

    private static List<String> violations(final ArchRule rule)
    {
        final EvaluationResult result = rule.evaluate(CLASSES);
        return result.hasViolation() ? result.getFailureReport().getDetails() : List.of();
    }
}
