package io.ethdev4j.eal;

import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevPmdProvider;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.ethdev.EthLink;
import io.ethdev4j.ethdev.EthStats;
import io.ethdev4j.ethdev.QueueConf;
import io.ethdev4j.ethdev.RxBurst;
import io.ethdev4j.ethdev.TxBurst;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.pci.FakeSysfs;
import io.ethdev4j.pci.PciBus;
import io.ethdev4j.pci.PciDevice;
import io.ethdev4j.pci.PciId;
import io.ethdev4j.pci.PciPmdProvider;
import io.ethdev4j.pci.VfioPciBus;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The EAL's PCI wiring (the PCI bus found through ServiceLoader) against a fake sysfs tree and a fake (absent or
 * empty) /dev/vfio, redirected with the {@value VfioPciBus#SYSFS_PROPERTY} and {@value VfioPciBus#VFIO_DEV_PROPERTY}
 * system properties: -a/-b, --no-pci, the scan's choice of devices, and errors that name the device and say what to
 * do. The vdevs are a test-only driver, {@code net_stub}, so that the bus's tests need no PMD module.
 */
class EalPciTest
{
    private static final PciId I82576 = PciId.of(0x8086, 0x10c9);
    private static final PciId I350 = PciId.of(0x8086, 0x1521);

    @TempDir
    Path tmp;
    private Path sysfs;
    private Path vfioDir;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<String> probed = new ArrayList<>();
    private Eal eal;

    /** Claims the 82576 and I350 ids; records probes (never reached while VFIO is missing). */
    private final class FakeIgbProvider implements PciPmdProvider
    {
        @Override
        public String driverName()
        {
            return "net_fake_igb";
        }

        @Override
        public List<PciId> pciIds()
        {
            return List.of(I82576, I350);
        }

        @Override
        public Map<String, String> devargs()
        {
            return Map.of("link_wait_ms", "<int>");
        }

        @Override
        public EthDevOps probe(final ProbeContext ctx, final PciDevice dev)
        {
            probed.add(ctx.devargs().name());
            throw EthDevException.of(Errno.ENOTSUP, "probe", "fake");
        }
    }

    /** A vdev driver for the vdev side of these tests: a port that is never started. */
    private static final class StubVdevProvider implements VdevPmdProvider
    {
        @Override
        public String driverName()
        {
            return "net_stub";
        }

        @Override
        public Map<String, String> devargs()
        {
            return Map.of();
        }

        @Override
        public EthDevOps probe(final ProbeContext ctx)
        {
            return new EthDevOps()
            {
                @Override
                public void infoGet(final DevInfo info)
                {
                }

                @Override
                public RxBurst rxQueueSetup(final int queueId, final int nbDesc, final MbufPool pool, final QueueConf conf)
                {
                    throw EthDevOps.notSupported();
                }

                @Override
                public TxBurst txQueueSetup(final int queueId, final int nbDesc, final QueueConf conf)
                {
                    throw EthDevOps.notSupported();
                }

                @Override
                public void start()
                {
                }

                @Override
                public void stop()
                {
                }

                @Override
                public void close()
                {
                }

                @Override
                public EthLink linkGet()
                {
                    return EthLink.DOWN;
                }

                @Override
                public void statsGet(final EthStats stats)
                {
                }

                @Override
                public void statsReset()
                {
                }
            };
        }
    }

    @BeforeEach
    void buildTree() throws Exception
    {
        sysfs = tmp.resolve("sys");
        vfioDir = tmp.resolve("dev/vfio");
        new FakeSysfs(sysfs)
            .device("0000:01:00.0", 0x8086, 0x10c9, "vfio-pci", 12)   // 82576, probed
            .device("0000:01:00.1", 0x8086, 0x10c9, "igb", 13)        // 82576 held by the kernel's igb
            .device("0000:02:00.0", 0x8086, 0x1521, "vfio-pci", 14)   // I350, probed
            .device("0000:03:00.0", 0x8086, 0x10fb, "vfio-pci", 15)   // 82599: no provider here
            .device("0000:04:00.0", 0x8086, 0x1521, null, 16)         // I350, unbound
            .device("0000:00:1f.2", 0x8086, 0x2922, "ahci", -1);      // not a NIC
        System.setProperty(VfioPciBus.SYSFS_PROPERTY, sysfs.toString());
        System.setProperty(VfioPciBus.VFIO_DEV_PROPERTY, vfioDir.toString());
        Log.output(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore()
    {
        if (eal != null)
        {
            eal.close();
        }
        Log.output(System.err);
        System.clearProperty(VfioPciBus.SYSFS_PROPERTY);
        System.clearProperty(VfioPciBus.VFIO_DEV_PROPERTY);
    }

    private Eal init(final String... pciArgs)
    {
        final List<String> argv = new ArrayList<>(List.of("--no-huge", "-m", "16", "-l", "0", "--log-level", "debug"));
        argv.addAll(List.of(pciArgs));
        eal = Eal.init(EalArgs.parse(argv.toArray(new String[0])), List.of(new FakeIgbProvider(), new StubVdevProvider()));
        return eal;
    }

    private EthDevException initFails(final String... pciArgs)
    {
        return assertThrows(EthDevException.class, () -> init(pciArgs));
    }

    private static void assertContains(final String text, final String... parts)
    {
        for (final String p : parts)
        {
            assertTrue(text.contains(p), "'" + text + "' should contain '" + p + "'");
        }
    }

    private String log()
    {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldFailWithEnodevNamingTheDeviceWhenAnAllowedDeviceDoesNotExist()
    {
        final EthDevException ex = initFails("-a", "0000:09:00.0");
        assertEquals(Errno.ENODEV, ex.errno());
        assertContains(ex.getMessage(), "probe(0000:09:00.0)", "no such PCI device", "lspci -D");
    }

    @Test
    void shouldRejectAllowAndBlockTogether()
    {
        final EalArgsException ex = assertThrows(EalArgsException.class,
            () -> init("-a", "0000:01:00.0", "-b", "0000:02:00.0"));
        assertContains(ex.getMessage(), "allow (-a) and block (-b) can't be used at the same time");
    }

    @Test
    void shouldTellHowToBindAnAllowedDeviceHeldByAKernelDriver()
    {
        final EthDevException ex = initFails("-a", "01:00.1");
        assertEquals(Errno.EBUSY, ex.errno());
        assertContains(ex.getMessage(), "probe(01:00.1)", "0000:01:00.1", "bound to igb, not vfio-pci",
            "dpdk-devbind.py --bind=vfio-pci 0000:01:00.1");
    }

    @Test
    void shouldSayWhatToDoWhenDevVfioIsMissingForAnAllowedDevice()
    {
        final EthDevException ex = initFails("-a", "0000:01:00.0,link_wait_ms=100");
        assertEquals(Errno.ENODEV, ex.errno());
        assertContains(ex.getMessage(), "probe(0000:01:00.0,link_wait_ms=100)", vfioDir.resolve("vfio").toString(),
            "does not exist", "modprobe vfio-pci", "intel_iommu=on", "dpdk-devbind.py --bind=vfio-pci");
        assertTrue(probed.isEmpty(), "never reaches the driver: " + probed);
    }

    @Test
    void shouldNameTheKnownDriversWhenNoneClaimsAnAllowedDevice()
    {
        final EthDevException ex = initFails("-a", "0000:03:00.0");
        assertEquals(Errno.ENOTSUP, ex.errno());
        assertContains(ex.getMessage(), "no PCI driver claims 0000:03:00.0", "8086:10fb", "net_fake_igb");
    }

    @Test
    void shouldRejectADevargsKeyTheDriverDoesNotKnow()
    {
        final EthDevException ex = initFails("-a", "0000:01:00.0,rxq=4");
        assertContains(ex.getMessage(), "rxq", "net_fake_igb");
    }

    @Test
    void shouldChooseVfioBoundClaimedUnblockedDevicesInAddressOrder()
    {
        final PciBus bus = new PciBus(sysfs);
        final List<PciPmdProvider> providers = List.of(new FakeIgbProvider());
        assertEquals(List.of("0000:01:00.0", "0000:02:00.0"), addresses(VfioPciBus.probeList(bus, List.of(), providers)));
        assertEquals(List.of("0000:02:00.0"), addresses(VfioPciBus.probeList(bus, List.of("01:00.0"), providers)));
        assertEquals(List.of(), addresses(VfioPciBus.probeList(bus, List.of(), List.of(new StubVdevProvider()))));
        final String log = log();
        assertContains(log, "0000:01:00.1 8086:10c9 (net_fake_igb) is bound to igb, not vfio-pci: skipped " +
            "(to use it: dpdk-devbind.py --bind=vfio-pci 0000:01:00.1)");
        assertContains(log, "0000:04:00.0 8086:1521 (net_fake_igb) is not bound to any driver");
        assertContains(log, "0000:01:00.0 8086:10c9 is blocked (-b)");
        assertFalse(log.contains("0000:00:1f.2 8086:2922 (") || log.contains("0000:03:00.0 8086:10fb ("), log);
    }

    @Test
    void shouldLogEachScannedDeviceThatCannotBeOpenedAndGoOnWithTheVdevs()
    {
        final Eal e = init("-b", "0000:02:00.0", "--vdev", "net_stub0");
        assertEquals(1, e.portCount(), "only the vdev");
        assertEquals("net_stub0", e.port(0).name());
        final String log = log();
        assertContains(log, "Requested device 0000:01:00.0 cannot be used", "modprobe vfio-pci");
        assertFalse(log.contains("Requested device 0000:02:00.0"), "blocked: " + log);
        assertFalse(log.contains("Requested device 0000:03:00.0"), "unclaimed: " + log);
        assertTrue(probed.isEmpty(), probed.toString());
    }

    @Test
    void shouldNotTouchThePciBusWithNoPci() throws Exception
    {
        Files.createDirectories(vfioDir);
        final Eal e = init("--no-pci", "--vdev", "net_stub0");
        assertEquals(1, e.portCount());
        assertFalse(log().contains("0000:01:00.0"), log());
        final EthDevException hotplug = assertThrows(EthDevException.class, () -> e.attach("0000:01:00.0"));
        assertEquals(Errno.ENODEV, hotplug.errno());
        assertContains(hotplug.getMessage(), "probe(0000:01:00.0)", "the PCI bus is disabled (--no-pci)");
        eal.close();
        eal = null;
        final EthDevException ex = initFails("--no-pci", "-a", "0000:01:00.0");
        assertEquals(Errno.EINVAL, ex.errno());
        assertContains(ex.getMessage(), "0000:01:00.0", "--no-pci");
    }

    @Test
    void shouldSeeNoPciDevicesOnAnEmptySysfs(@TempDir final Path empty)
    {
        System.setProperty(VfioPciBus.SYSFS_PROPERTY, empty.toString());
        final Eal e = init("--vdev", "net_stub0");
        assertEquals(1, e.portCount());
        assertFalse(log().contains("cannot be used"), log());
    }

    private static List<String> addresses(final List<PciBus.Entry> entries)
    {
        return entries.stream().map(x -> x.address().toString()).collect(Collectors.toList());
    }
}
