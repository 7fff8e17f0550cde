package io.ethdev4j.archtests;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of ethdev4j as ArchUnit rules: each package-info's "May depend on" as one rule
 * ({@link #packageRules()}), and the cross-cutting rules of issue 9 (the other methods): the core imports
 * no bus or driver module, KNI or testpmd; drivers never import testpmd; igb and KNI never import each other; no
 * package cycle inside the core; {@code bus} never imports {@code eal}; drivers reach the runtime through the bus SPI
 * and use only {@code eal.Log} of it; one exception type; one log.
 * <p>
 * Every rule is written against a root package, {@link #ROOT} for the product; {@link LayeringRulesFailTest} runs the
 * same rules against a small deliberately broken class set under another root to prove each one can fail.
 * <p>
 * Rules constrain only dependencies on our own classes (under the root); the JDK and third-party libraries are the
 * modules' poms' business.
 */
final class Layering
{
    static final String ROOT = "io.ethdev4j";

    /** The core's packages (module {@code ethdev}). */
    static final List<String> CORE = List.of("bus", "eal", "ethdev", "mbuf", "mem", "ring");

    /** Top-level packages that are not the core: {@code sys} below it, buses, drivers and applications above it. */
    static final Set<String> NOT_CORE = Set.of("sys", "pci", "pmd", "kni", "kniapp", "testpmd", "testkit", "bench");

    private final String root;

    Layering(final String root)
    {
        this.root = root;
    }

    // ------------------------------------------------------------------------------------------------------------
    // one rule per package-info

    /** Each package's "May depend on", as its package-info states it. */
    List<ArchRule> packageRules()
    {
        final List<ArchRule> rules = new ArrayList<>();
        rules.add(mayOnlyDependOn("sys depends on nothing else of ours",
            pkgs("sys.."), pkgs("sys..")));

        // the core, bottom up: ring and mem; mbuf over them; ethdev over mbuf; the bus SPI over ethdev; eal on top
        rules.add(mayOnlyDependOn("ring depends only on sys (and throws ethdev.EthDevException)",
            pkgs("ring.."), pkgs("ring..", "sys.."), cls("ethdev.EthDevException")));
        rules.add(mayOnlyDependOn("mem depends only on sys (and throws ethdev.EthDevException)",
            pkgs("mem.."), pkgs("mem..", "sys.."), cls("ethdev.EthDevException")));
        rules.add(mayOnlyDependOn("mbuf depends only on mem, ring, sys (and eal.Lcore, ethdev.EthDevException)",
            pkgs("mbuf.."), pkgs("mbuf..", "mem..", "ring..", "sys.."),
            cls("ethdev.EthDevException", "eal.Lcore")));
        rules.add(mayOnlyDependOn("ethdev depends only on mbuf and sys",
            pkgs("ethdev.."), pkgs("ethdev..", "mbuf..", "sys..")));
        rules.add(mayOnlyDependOn("bus depends only on ethdev, mbuf, mem, ring and sys (never on eal)",
            pkgs("bus.."), pkgs("bus..", "ethdev..", "mbuf..", "mem..", "ring..", "sys..")));
        rules.add(mayOnlyDependOn("eal depends only on the core and sys",
            pkgs("eal.."), core("sys..")));

        // buses and transports
        rules.add(mayOnlyDependOn("pci and pci.vfio depend only on the core's SPI, eal.Log, sys and themselves",
            pkgs("pci", "pci.vfio.."), coreSpi("sys..", "pci", "pci.vfio.."), cls("eal.Log")));
        rules.add(mayOnlyDependOn("pci.qemu depends only on bus-pci, the core's SPI, eal.Log and sys",
            pkgs("pci.qemu.."), coreSpi("sys..", "pci", "pci.vfio..", "pci.qemu.."), cls("eal.Log")));

        // the software PMDs: each on the core's SPI and the module's shared package, never on each other
        rules.add(mayOnlyDependOn("pmd (what the software PMDs share) depends only on the core's SPI, eal.Log, sys",
            pkgs("pmd"), coreSpi("sys..", "pmd"), cls("eal.Log")));
        for (final String swPmd : List.of("nullpmd", "pcap", "ring"))
        {
            rules.add(mayOnlyDependOn("pmd." + swPmd + " depends only on the core's SPI, eal.Log, sys, pmd",
                pkgs("pmd." + swPmd + ".."), coreSpi("sys..", "pmd", "pmd." + swPmd + ".."), cls("eal.Log")));
        }

        // the Intel PMDs
        rules.add(mayOnlyDependOn("pmd.intel depends only on pci, the core's SPI, eal.Log and sys",
            pkgs("pmd.intel"), coreSpi("sys..", "pci", "pmd.intel"), cls("eal.Log")));
        rules.add(mayOnlyDependOn("pmd.intel.sim depends only on pmd.intel and what it may",
            pkgs("pmd.intel.sim.."), coreSpi("sys..", "pci", "pmd.intel", "pmd.intel.sim.."), cls("eal.Log")));
        rules.add(mayOnlyDependOn("pmd.igb depends only on pmd.intel, pci and transports, the core's SPI, eal.Log, sys",
            pkgs("pmd.igb"), coreSpi("sys..", "pci", "pci.vfio..", "pci.qemu..", "pmd.intel", "pmd.igb"),
            cls("eal.Log")));
        rules.add(mayOnlyDependOn("pmd.igb.sim depends only on pmd.igb, pmd.intel.sim and what pmd.igb may",
            pkgs("pmd.igb.sim.."), coreSpi("sys..", "pci", "pci.vfio..", "pci.qemu..", "pmd.intel", "pmd.intel.sim..",
                "pmd.igb", "pmd.igb.sim.."), cls("eal.Log")));
        rules.add(mayOnlyDependOn("pmd.ixgbe depends only on pmd.intel, pci and its VFIO transport, the core's SPI, "
                + "eal.Log, sys", pkgs("pmd.ixgbe"), coreSpi("sys..", "pci", "pci.vfio..", "pmd.intel", "pmd.ixgbe"),
            cls("eal.Log")));
        rules.add(mayOnlyDependOn("pmd.ixgbe.sim depends only on pmd.ixgbe, pmd.intel.sim and what pmd.ixgbe may",
            pkgs("pmd.ixgbe.sim.."), coreSpi("sys..", "pci", "pci.vfio..", "pmd.intel", "pmd.intel.sim..",
                "pmd.ixgbe", "pmd.ixgbe.sim.."), cls("eal.Log")));

        // KNI: the kernel side (module kernel) below the core, the library and PMD (module pmd-kni) above it.
        // kni.control is the narrow control interface (the application's /dev/kni) the kernel module publishes.
        rules.add(mayOnlyDependOn("kni.abi depends on nothing else of ours",
            pkgs("kni.abi.."), pkgs("kni.abi..")));
        rules.add(mayOnlyDependOn("the KNI kernel side depends only on sys and kni.abi",
            pkgs("kni.kernel..", "kni.control.."), pkgs("sys..", "kni.abi..", "kni.kernel..", "kni.control..")));
        rules.add(mayOnlyDependOn("kni and pmd.kni reach the KNI kernel side only through kni.abi and kni.control "
                + "(as an application had only /dev/kni), plus the core's SPI, eal.Log, sys and the telemetry library",
            pkgs("kni", "pmd.kni.."),
            coreSpi("sys..", "kni", "kni.abi..", "kni.control..", "pmd.kni..", "telemetry.."), cls("eal.Log")));

        // knid (module knid): the kernel side as a service. The protocol and the client sit beside kni.control; only
        // the daemon reaches the kernel side it hosts.
        rules.add(mayOnlyDependOn("kni.daemon (the knid protocol) depends only on sys, kni.abi and kni.control",
            pkgs("kni.daemon"), pkgs("sys..", "kni.abi..", "kni.control..", "kni.daemon")));
        rules.add(mayOnlyDependOn("kni.daemon.client reaches knid only through its protocol, never the kernel side",
            pkgs("kni.daemon.client.."),
            pkgs("sys..", "kni.abi..", "kni.control..", "kni.daemon", "kni.daemon.client..")));
        rules.add(mayOnlyDependOn("kni.daemon.server hosts the kernel side: kni.kernel, the protocol, sys",
            pkgs("kni.daemon.server.."),
            pkgs("sys..", "kni.abi..", "kni.control..", "kni.kernel..", "kni.daemon", "kni.daemon.server..")));

        // test kit and applications
        rules.add(mayOnlyDependOn("testkit depends only on the core and sys",
            pkgs("testkit.."), core("sys..", "testkit..")));
        rules.add(mayOnlyDependOn("testpmd depends only on the core, sys and itself: PMDs are found at run time",
            pkgs("testpmd", "testpmd.cmd.."), core("sys..", "testpmd..")));
        rules.add(mayOnlyDependOn("testpmd.fwd depends only on the core and sys",
            pkgs("testpmd.fwd.."), core("sys..", "testpmd.fwd..")));
        rules.add(mayOnlyDependOn("kniapp depends only on the core, sys and the KNI library (never its kernel side)",
            pkgs("kniapp.."), core("sys..", "kni", "kniapp..")));
        return rules;
    }

    // ------------------------------------------------------------------------------------------------------------
    // cross-cutting rules

    /** The core (module ethdev, any package of it, new ones included) imports no bus or driver module, KNI or app. */
    ArchRule coreDoesNotDependOnDriversOrApps()
    {
        return noClasses().that(inCore())
            .should().dependOnClassesThat(resideInAnyPackage(pkgs(abovePackages())))
            .as("the core depends on no bus or driver module, KNI, testpmd, the test kit or the benchmarks");
    }

    /** Buses and drivers never import testpmd (or the test kit, or the benchmarks). */
    ArchRule driversDoNotDependOnApps()
    {
        return noClasses().that().resideInAnyPackage(pkgs("pci..", "pmd..", "kni.."))
            .should().dependOnClassesThat().resideInAnyPackage(pkgs("testpmd..", "kniapp..", "testkit..", "bench.."))
            .as("buses and drivers do not depend on testpmd, the test kit or the benchmarks");
    }

    ArchRule igbDoesNotDependOnKni()
    {
        return noClasses().that().resideInAnyPackage(pkgs("pmd.igb..", "pmd.ixgbe..", "pmd.intel.."))
            .should().dependOnClassesThat().resideInAnyPackage(pkgs("pmd.kni..", "kni.."))
            .as("the Intel PMDs (pmd.igb, pmd.ixgbe, pmd.intel) do not depend on KNI");
    }

    ArchRule kniDoesNotDependOnIgb()
    {
        return noClasses().that().resideInAnyPackage(pkgs("pmd.kni..", "kni.."))
            .should().dependOnClassesThat().resideInAnyPackage(pkgs("pmd.igb..", "pmd.ixgbe..", "pmd.intel.."))
            .as("KNI (pmd.kni, kni) does not depend on the Intel PMDs");
    }

    /** The cycle the bus SPI carve removed: the runtime drives the buses, a bus never sees the runtime. */
    ArchRule busDoesNotDependOnEal()
    {
        return noClasses().that().resideInAPackage(pkg("bus.."))
            .should().dependOnClassesThat().resideInAPackage(pkg("eal.."))
            .as("bus does not depend on eal");
    }

    /**
     * No package cycle inside the core (one slice per top-level core package, new ones included). Two references
     * upwards are known and ignored, and no other: any package to {@code ethdev.EthDevException} (the control-path
     * error ring, mem and mbuf throw) and {@code mbuf} to {@code eal.Lcore} (the calling lcore's cache).
     */
    ArchRule coreIsFreeOfCycles()
    {
        return slices().assignedFrom(coreSlices())
            .should().beFreeOfCycles()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), cls("ethdev.EthDevException"))
            .ignoreDependency(resideInAPackage(pkg("mbuf..")), cls("eal.Lcore"))
            .as("the core's packages are free of cycles (but for EthDevException and mbuf -> eal.Lcore)");
    }

    /** Buses and drivers use of the runtime only its log; they reach the rest through the bus SPI (EalServices). */
    ArchRule driversUseOnlyLogOfTheRuntime()
    {
        return noClasses().that().resideInAnyPackage(pkgs("pci..", "pmd..", "kni.."))
            .should().dependOnClassesThat(resideInAPackage(pkg("eal..")).and(not(cls("eal.Log"))))
            .as("buses and drivers use only eal.Log of the runtime (the rest through bus.EalServices)");
    }

    /**
     * The runtime's unchecked exceptions are all {@code sys.ErrnoException}s, so a caller catches one type and reads
     * its errno. testpmd, an application, keeps its own; {@code EthDevOps.NotSupported} is the ops SPI's stackless
     * signal that {@code EthDev} turns into ENOTSUP before a caller sees it.
     */
    ArchRule oneExceptionType()
    {
        return classes().that(ours()
                .and(not(resideInAnyPackage(pkgs("testpmd.."))))
                .and(not(cls("ethdev.EthDevOps$NotSupported")))
                .and(assignableTo(RuntimeException.class)))
            .should().beAssignableTo(pkg("sys.ErrnoException"))
            .as("the runtime's unchecked exceptions extend sys.ErrnoException");
    }

    /**
     * One log: diagnostics go through {@code eal.Log} / {@code sys.RteLog}, never straight to stdout or stderr
     * ({@code RteLog} itself aside; testpmd's console is its user interface, not diagnostics).
     */
    ArchRule noPrintingOutsideTheLog()
    {
        return noClasses().that(ours()
                .and(not(cls("sys.RteLog")))
                .and(not(resideInAnyPackage(pkgs("testpmd..", "kniapp..")))))
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethodWhere(target(name("printStackTrace"))
                .and(target(owner(assignableTo(Throwable.class)))))
            .as("diagnostics go through eal.Log / sys.RteLog, not System.out, System.err or printStackTrace");
    }

    /** One log: no second logging framework. */
    ArchRule noOtherLoggingFramework()
    {
        return noClasses().that(ours())
            .should().dependOnClassesThat(resideInAnyPackage("java.util.logging..", "org.slf4j..",
                "org.apache.log4j..", "org.apache.logging..", "org.apache.commons.logging..")
                .or(belongToAnyOf(System.Logger.class)))
            .as("no logging framework besides eal.Log / sys.RteLog (java.util.logging, System.Logger, slf4j, log4j)");
    }


    // ------------------------------------------------------------------------------------------------------------

    private ArchRule mayOnlyDependOn(final String description, final String[] subjects, final String[] allowed)
    {
        return mayOnlyDependOn(description, subjects, allowed, DescribedPredicate.alwaysFalse());
    }

    private ArchRule mayOnlyDependOn(
        final String description, final String[] subjects, final String[] allowed,
        final DescribedPredicate<? super JavaClass> alsoAllowed)
    {
        return noClasses().that().resideInAnyPackage(subjects)
            .should().dependOnClassesThat(ours().and(not(resideInAnyPackage(allowed))).and(not(alsoAllowed)))
            .as(description);
    }

    private DescribedPredicate<JavaClass> ours()
    {
        return resideInAPackage(root + "..");
    }

    /** In a core package: under the root, not in {@code sys} nor above the core. */
    private DescribedPredicate<JavaClass> inCore()
    {
        return new DescribedPredicate<>("reside in the core of " + root)
        {
            @Override
            public boolean test(final JavaClass c)
            {
                return coreSlice(c) != null;
            }
        };
    }

    private SliceAssignment coreSlices()
    {
        return new SliceAssignment()
        {
            @Override
            public SliceIdentifier getIdentifierOf(final JavaClass c)
            {
                final String slice = coreSlice(c);
                return slice == null ? SliceIdentifier.ignore() : SliceIdentifier.of(slice);
            }

            @Override
            public String getDescription()
            {
                return "the core packages of " + root;
            }
        };
    }

    /** The top-level package under the root a core class is in ({@code mbuf}), or null if it is not in the core. */
    private String coreSlice(final JavaClass c)
    {
        final String p = c.getPackageName();
        if (!p.startsWith(root + "."))
        {
            return null;
        }
        final String rest = p.substring(root.length() + 1);
        final int dot = rest.indexOf('.');
        final String top = dot < 0 ? rest : rest.substring(0, dot);
        return NOT_CORE.contains(top) ? null : top;
    }

    private static String[] abovePackages()
    {
        return new String[] {"pci..", "pmd..", "kni..", "kniapp..", "testpmd..", "testkit..", "bench.."};
    }

    private String pkg(final String relative)
    {
        return root + "." + relative;
    }

    private String[] pkgs(final String... relative)
    {
        return Arrays.stream(relative).map(this::pkg).toArray(String[]::new);
    }

    /** The core's SPI packages (every core package but the runtime, {@code eal}), plus {@code more}. */
    private String[] coreSpi(final String... more)
    {
        final List<String> all = new ArrayList<>();
        for (final String p : CORE)
        {
            if (!p.equals("eal"))
            {
                all.add(p + "..");
            }
        }
        all.addAll(Arrays.asList(more));
        return pkgs(all.toArray(new String[0]));
    }

    /** Every core package, plus {@code more}. */
    private String[] core(final String... more)
    {
        final List<String> all = new ArrayList<>();
        for (final String p : CORE)
        {
            all.add(p + "..");
        }
        all.addAll(Arrays.asList(more));
        return pkgs(all.toArray(new String[0]));
    }

    /** Classes named relative to the root ({@code "eal.Log"}). */
    private DescribedPredicate<JavaClass> cls(final String... relative)
    {
        final Set<String> names = Set.of(pkgs(relative));
        return new DescribedPredicate<>("are " + names)
        {
            @Override
            public boolean test(final JavaClass c)
            {
                return names.contains(c.getName());
            }
        };
    }
}
