package io.ethdev4j.testkit;

import org.junit.jupiter.api.Nested;

import java.util.Set;

/**
 * Every conformance suite at once, for a PMD's thin subclass:
 * <pre>
 * class NullPmdConformanceTest extends EthDevConformance
 * {
 *     protected PortFixture open()
 *     {
 *         final Eal eal = Eal.init("--no-huge", "--vdev", "net_null0");
 *         return PortFixture.single(eal, eal.port(0));
 *     }
 *     protected Set&lt;Capability&gt; capabilities() { return EnumSet.of(Capability.RX_WITHOUT_TX, ...); }
 *     protected String driverName() { return "net_null"; }
 * }
 * </pre>
 * A NIC driver runs with two ports cabled to each other, so that every test runs (none is skipped for a capability):
 * <pre>
 *     protected PortFixture open()
 *     {
 *         final Eal eal = Eal.init("--no-huge", "-m", "512", "-a", "0000:01:00.0", "-a", "0000:02:00.0");
 *         return PortFixture.nicPair(eal, eal.port(0), eal.port(1));
 *     }
 *     protected Set&lt;Capability&gt; capabilities() { return Capability.onNicPair(LINK_UP_DOWN, MTU_SET, ...); }
 * </pre>
 * Each suite runs as a nested class that asks this class for the fixture, so a driver declares itself once.
 */
public abstract class EthDevConformance
{
    /** A fresh runtime with the port under test; called before every test. */
    protected abstract PortFixture open();

    protected abstract Set<Capability> capabilities();

    protected abstract String driverName();

    @Nested
    class Lifecycle extends LifecycleConformance
    {
        @Override
        protected PortFixture open()
        {
            return EthDevConformance.this.open();
        }

        @Override
        protected Set<Capability> capabilities()
        {
            return EthDevConformance.this.capabilities();
        }

        @Override
        protected String driverName()
        {
            return EthDevConformance.this.driverName();
        }
    }

    @Nested
    class Burst extends BurstConformance
    {
        @Override
        protected PortFixture open()
        {
            return EthDevConformance.this.open();
        }

        @Override
        protected Set<Capability> capabilities()
        {
            return EthDevConformance.this.capabilities();
        }

        @Override
        protected String driverName()
        {
            return EthDevConformance.this.driverName();
        }
    }

    @Nested
    class Stats extends StatsConformance
    {
        @Override
        protected PortFixture open()
        {
            return EthDevConformance.this.open();
        }

        @Override
        protected Set<Capability> capabilities()
        {
            return EthDevConformance.this.capabilities();
        }

        @Override
        protected String driverName()
        {
            return EthDevConformance.this.driverName();
        }
    }

    @Nested
    class Control extends ControlConformance
    {
        @Override
        protected PortFixture open()
        {
            return EthDevConformance.this.open();
        }

        @Override
        protected Set<Capability> capabilities()
        {
            return EthDevConformance.this.capabilities();
        }

        @Override
        protected String driverName()
        {
            return EthDevConformance.this.driverName();
        }
    }
}
