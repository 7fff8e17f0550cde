package io.ethdev4j.archtests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build check: the main classes of every module (this module depends on all of them; {@code bench} aside) obey
 * {@link Layering}. A failure names the rule and each offending dependency with its source line.
 */
class LayeringTest
{
    private static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(Layering.ROOT);

    private static final Layering LAYERING = new Layering(Layering.ROOT);

    @Test
    void shouldImportEveryModule()
    {
        for (final String c : new String[] {
            "io.ethdev4j.sys.LibC", "io.ethdev4j.eal.Eal", "io.ethdev4j.pci.VfioPciBus",
            "io.ethdev4j.pci.qemu.QemuNicProcess",
            "io.ethdev4j.pmd.nullpmd.NullPmdProvider", "io.ethdev4j.testkit.EthDevConformance",
            "io.ethdev4j.pmd.intel.IntelRxQueue", "io.ethdev4j.pmd.igb.IgbEthDev", "io.ethdev4j.kni.abi.KniFifo",
            "io.ethdev4j.kni.Kni", "io.ethdev4j.kni.daemon.server.KnidServer",
            "io.ethdev4j.kni.daemon.client.KnidControl", "io.ethdev4j.testpmd.TestPmd",
            "io.ethdev4j.kniapp.KniApp"})
        {
            assertTrue(MAIN.contain(c), c + " imported");
        }
        assertTrue(MAIN.stream().noneMatch(c -> c.getPackageName().startsWith("io.ethdev4j.archtests")),
            "the fixtures are test classes and stay out of the check");
    }

    @TestFactory
    Stream<DynamicTest> shouldKeepEveryPackageToWhatItsPackageInfoAllows()
    {
        return LAYERING.packageRules().stream()
            .map(r -> DynamicTest.dynamicTest(r.getDescription(), () -> r.check(MAIN)));
    }

    @Test
    void shouldKeepTheCoreFreeOfDriversAndApps()
    {
        check(LAYERING.coreDoesNotDependOnDriversOrApps());
    }

    @Test
    void shouldKeepDriversFreeOfTestpmd()
    {
        check(LAYERING.driversDoNotDependOnApps());
    }

    @Test
    void shouldKeepIgbAndKniApart()
    {
        check(LAYERING.igbDoesNotDependOnKni());
        check(LAYERING.kniDoesNotDependOnIgb());
    }

    @Test
    void shouldKeepBusFreeOfEal()
    {
        check(LAYERING.busDoesNotDependOnEal());
    }

    @Test
    void shouldKeepTheCoreFreeOfPackageCycles()
    {
        check(LAYERING.coreIsFreeOfCycles());
    }

    @Test
    void shouldLetDriversUseOnlyTheLogOfTheRuntime()
    {
        check(LAYERING.driversUseOnlyLogOfTheRuntime());
    }

    @Test
    void shouldThrowOneExceptionType()
    {
        check(LAYERING.oneExceptionType());
    }

    @Test
    void shouldLogThroughOneFacility()
    {
        check(LAYERING.noPrintingOutsideTheLog());
        check(LAYERING.noOtherLoggingFramework());
    }

    private static void check(final ArchRule rule)
    {
        rule.check(MAIN);
    }
}
