package io.ethdev4j.pci.qemu;

import io.ethdev4j.eal.Log;
import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.mem.MemoryRegistry;
import io.ethdev4j.pci.DmaRegionMapper;
import io.ethdev4j.pci.PciAddress;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.PosixFile;
import io.ethdev4j.sys.PosixSpawn;
import io.ethdev4j.sys.UnixSocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One QEMU process hosting one emulated NIC (one port), driven as a PCI device over mpqemu. No VM runs: the
 * machine is q35 with a 64 KiB BIOS of HLT instructions (igb cannot be realised on {@code -machine x-remote}
 * because its SR-IOV VFs need MSI-X), the model is exported with {@code -object x-remote-object} on an
 * inherited socket (fd 3), and QMP runs on stdin/stdout (a second socketpair).
 * <p>
 * Start-up order matters: {@code x-remote-object} serves its socket before QEMU's initial system reset, which
 * would wipe BAR placement done in that window; so no mpqemu message is sent before QMP has answered
 * {@code qmp_capabilities}. Every wait is bounded; if QEMU dies, the next access throws {@code EIO} naming the pid,
 * its exit status and its last stderr lines. A JVM shutdown hook kills every process still alive.
 * <p>
 * DMA: given the runtime's memory ({@link Config#memory}), the process follows it once the device is open: every
 * device region registered there (rings, pools, whenever they are made) is put into QEMU's system memory by its
 * memfd (SYNC_SYSMEM, {@link MpqemuPciDevice#mapDma}) and taken out when freed, so the driver maps nothing. Without
 * it (device-level tests), the caller maps regions itself.
 * <pre>
 * qemu-system-x86_64 -machine q35 -accel tcg -m 16M -bios hlt.bin -nodefaults -no-user-config -display none
 *   -qmp stdio -netdev &lt;udp|tap&gt;,id=n0 -device igb,id=nic0,netdev=n0,romfile=,mac=..,bus=pcie.0,addr=3
 *   -object x-remote-object,id=robj0,devid=nic0,fd=3
 * </pre>
 */
public final class QemuNicProcess implements AutoCloseable
{
    /** Where the model sits on QEMU's root bus. */
    public static final PciAddress MODEL_ADDRESS = PciAddress.of(0, 0, 3, 0);
    private static final int MPQEMU_CHILD_FD = 3;
    private static final int STDERR_TAIL_LINES = 8;
    private static final Set<QemuNicProcess> LIVE = ConcurrentHashMap.newKeySet();

    static
    {
        Runtime.getRuntime().addShutdownHook(new Thread(QemuNicProcess::killAllLive, "ethdev4j-qemu-reaper"));
    }

    /** What to start. */
    public static final class Config
    {
        private final QemuBinary qemu;
        private final QemuNetdev netdev;
        private String model = "igb";
        private String mac = "52:54:00:12:34:56";
        private String name = "ethdev4j";
        private long startTimeoutNs = TimeUnit.SECONDS.toNanos(30);
        private long requestTimeoutNs = TimeUnit.SECONDS.toNanos(10);
        private MemoryRegistry memory;

        public Config(final QemuBinary qemu, final QemuNetdev netdev)
        {
            this.qemu = qemu;
            this.netdev = netdev;
        }

        /** The {@code -device} model: "igb" (82576, QEMU &gt;= 8) or "e1000e" (82574L). */
        public Config model(final String model)
        {
            this.model = model;
            return this;
        }

        public Config mac(final String mac)
        {
            if (!mac.matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}"))
            {
                throw new IllegalArgumentException("QemuNicProcess.Config.mac('" + mac + "'): expected xx:xx:xx:xx:xx:xx");
            }
            this.mac = mac.toLowerCase();
            return this;
        }

        /** A name shown by ps (-name) and in messages. */
        public Config name(final String name)
        {
            this.name = name;
            return this;
        }

        public Config startTimeout(final long timeout, final TimeUnit unit)
        {
            this.startTimeoutNs = unit.toNanos(timeout);
            return this;
        }

        public Config requestTimeout(final long timeout, final TimeUnit unit)
        {
            this.requestTimeoutNs = unit.toNanos(timeout);
            return this;
        }

        /**
         * The runtime memory the model may DMA ({@code EalServices.memory().registry()}): its device regions are
         * mapped into QEMU as they are registered, from the start on. Null (the default): nothing is mapped.
         */
        public Config memory(final MemoryRegistry registry)
        {
            this.memory = registry;
            return this;
        }

        public String mac()
        {
            return mac;
        }
    }

    private final Config config;
    private final Path workDir;
    private final Path stderrFile;
    private final List<String> argv;
    private volatile int pid = -1;
    private volatile int exitStatus = -1;
    private QmpClient qmp;
    private MpqemuPciDevice device;
    private DmaRegionMapper memoryMapper;
    private boolean closed;

    private QemuNicProcess(final Config config, final Path workDir)
    {
        this.config = config;
        this.workDir = workDir;
        this.stderrFile = workDir.resolve("qemu.stderr");
        this.argv = new ArrayList<>();
    }

    /** Starts QEMU, does the QMP handshake, then opens the device (BARs sized and placed, bus master on). */
    public static QemuNicProcess start(final Config config)
    {
        final Path dir;
        try
        {
            dir = Files.createTempDirectory("ethdev4j-qemu-");
        }
        catch (final IOException ex)
        {
            throw new PciException(Errno.EIO, "QemuNicProcess.start", "cannot create a temporary directory: " + ex, ex);
        }
        final QemuNicProcess p = new QemuNicProcess(config, dir);
        try
        {
            p.launch();
            return p;
        }
        catch (final RuntimeException | Error ex)
        {
            p.close();
            throw ex;
        }
    }

    private void launch()
    {
        final Path bios = workDir.resolve("hlt.bin");
        final byte[] hlt = new byte[64 * 1024];
        Arrays.fill(hlt, (byte)0xF4);
        try
        {
            Files.write(bios, hlt);
        }
        catch (final IOException ex)
        {
            throw new PciException(Errno.EIO, "QemuNicProcess.start", "cannot write " + bios + ": " + ex, ex);
        }
        argv.addAll(List.of(config.qemu.path().toString(),
            "-name", config.name,
            "-machine", "q35", "-accel", "tcg", "-m", "16M", "-bios", bios.toString(),
            "-nodefaults", "-no-user-config", "-display", "none",
            "-qmp", "stdio",
            "-netdev", config.netdev.toArg("n0"),
            "-device", config.model + ",id=nic0,netdev=n0,romfile=,mac=" + config.mac + ",bus=pcie.0,addr=" +
                MODEL_ADDRESS.device(),
            "-object", "x-remote-object,id=robj0,devid=nic0,fd=" + MPQEMU_CHILD_FD));

        final int[] mp = UnixSocket.socketPair(UnixSocket.SOCK_STREAM | UnixSocket.SOCK_CLOEXEC);
        final int[] qm;
        try
        {
            qm = UnixSocket.socketPair(UnixSocket.SOCK_STREAM | UnixSocket.SOCK_CLOEXEC);
        }
        catch (final RuntimeException ex)
        {
            LibC.closeQuietly(mp[0]);
            LibC.closeQuietly(mp[1]);
            throw ex;
        }
        // Our ends are owned by the channel/QMP client from here on (closed by close()).
        final MpqemuChannel channel = new MpqemuChannel(mp[0], config.requestTimeoutNs, this::describe,
            this::deathReport);
        device = new MpqemuPciDevice(this, channel, MODEL_ADDRESS);
        qmp = new QmpClient(qm[0], this::describe, this::deathReport);
        int childMp = -1;
        int childQmp = -1;
        try
        {
            // child ends moved above every target fd number so the dup2 actions cannot clobber them
            childMp = PosixFile.dupCloexecAbove(mp[1], 16);
            childQmp = PosixFile.dupCloexecAbove(qm[1], 16);
            final Map<String, String> env = new HashMap<>(System.getenv());
            if (config.qemu.moduleDir() != null)
            {
                env.put("QEMU_MODULE_DIR", config.qemu.moduleDir().toString());
            }
            pid = PosixSpawn.spawn(argv, env, new int[] {childQmp, childQmp, -1, childMp}, stderrFile.toString());
            LIVE.add(this);
        }
        finally
        {
            LibC.closeQuietly(childMp);
            LibC.closeQuietly(childQmp);
            LibC.closeQuietly(mp[1]);
            LibC.closeQuietly(qm[1]);
        }
        qmp.handshake(config.startTimeoutNs);
        device.open();
        if (config.memory != null)
        {
            memoryMapper = DmaRegionMapper.subscribe(config.memory, new DmaRegionMapper.Iommu()
            {
                @Override
                public void map(final DmaRegion region)
                {
                    if (!isAlive())
                    {
                        // a dead model needs no memory; its port's control calls fail with EIO naming the death
                        Log.warn("QEMU", describe() + " has exited: " + region + " not mapped");
                        return;
                    }
                    device.mapDma(region.address(), region.iova(), region.length(), region.fd(), 0);
                }

                @Override
                public void unmap(final DmaRegion region)
                {
                    if (isAlive())
                    {
                        device.unmapDma(region.iova(), region.length());
                    }
                }
            }, describe());
        }
    }

    /** The regions of the runtime's memory mapped into QEMU now (empty without {@link Config#memory}). */
    public List<DmaRegion> mappedRegions()
    {
        final DmaRegionMapper m = memoryMapper;
        return m == null ? List.of() : m.mapped();
    }

    /** The emulated NIC as a PCI device. Closing it closes this process. */
    public MpqemuPciDevice device()
    {
        return device;
    }

    public int pid()
    {
        return pid;
    }

    public List<String> commandLine()
    {
        return Collections.unmodifiableList(argv);
    }

    public String mac()
    {
        return config.mac;
    }

    /** Sends a QMP command (e.g. {@code {"execute":"set_link","arguments":{"name":"n0","up":false}}}); returns the reply. */
    public synchronized String qmp(final String json)
    {
        if (closed)
        {
            throw new PciException(Errno.EBADF, "QMP " + json, describe() + " is closed");
        }
        return qmp.execute(json, config.requestTimeoutNs);
    }

    /** Whether the process is still running (reaps it if it has exited). */
    public boolean isAlive()
    {
        return pid > 0 && tryReap() < 0;
    }

    public String describe()
    {
        return "qemu pid " + pid + " (" + config.model + ", " + config.name + ", " + config.netdev + ")";
    }

    /** The raw wait status once reaped, else -1. */
    private synchronized int tryReap()
    {
        if (exitStatus < 0 && pid > 0)
        {
            exitStatus = PosixSpawn.tryReap(pid);
            if (exitStatus >= 0)
            {
                LIVE.remove(this);
            }
        }
        return exitStatus;
    }

    private int awaitExit(final long timeoutNs)
    {
        final long deadline = System.nanoTime() + timeoutNs;
        int status;
        while ((status = tryReap()) < 0 && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return status;
    }

    /** For error messages after EOF or a timeout: the exit status (waiting up to 2 s for it) and stderr's tail. */
    String deathReport()
    {
        final int status = pid > 0 ? awaitExit(TimeUnit.SECONDS.toNanos(2)) : -1;
        final String state = pid <= 0 ? "qemu was not started" :
            status < 0 ? "qemu pid " + pid + " is still running" :
            "qemu pid " + pid + " " + PosixSpawn.describeStatus(status);
        final List<String> tail = stderrTail(STDERR_TAIL_LINES);
        return state + (tail.isEmpty() ? "; stderr is empty" : "; last stderr lines: " + String.join(" | ", tail));
    }

    /** The last {@code n} lines QEMU wrote to stderr. */
    public List<String> stderrTail(final int n)
    {
        try
        {
            if (!Files.exists(stderrFile))
            {
                return Collections.emptyList();
            }
            final List<String> lines = Files.readAllLines(stderrFile, StandardCharsets.UTF_8);
            return new ArrayList<>(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
        catch (final IOException ex)
        {
            return List.of("(cannot read " + stderrFile + ": " + ex + ")");
        }
    }

    /**
     * Stops following the runtime's memory, closes the device channel (QEMU exits on EOF, its mappings with it), then
     * QMP; waits up to 2 s for the exit, else SIGKILL and up to 2 s more; removes the working directory. Idempotent.
     */
    @Override
    public void close()
    {
        synchronized (this)
        {
            if (closed)
            {
                return;
            }
            closed = true;
        }
        if (memoryMapper != null)
        {
            memoryMapper.close();
        }
        if (device != null)
        {
            device.closeChannel();
        }
        if (qmp != null)
        {
            qmp.close();
        }
        if (pid > 0)
        {
            if (awaitExit(TimeUnit.SECONDS.toNanos(2)) < 0)
            {
                PosixSpawn.signal(pid, PosixSpawn.SIGKILL);
                awaitExit(TimeUnit.SECONDS.toNanos(2));
            }
            LIVE.remove(this);
        }
        deleteWorkDir();
    }

    private void deleteWorkDir()
    {
        try
        {
            Files.deleteIfExists(workDir.resolve("hlt.bin"));
            Files.deleteIfExists(stderrFile);
            Files.deleteIfExists(workDir);
        }
        catch (final IOException ignore)
        {
            // best effort: a temp dir left behind is not worth failing close()
        }
    }

    private static void killAllLive()
    {
        for (final QemuNicProcess p : LIVE)
        {
            if (p.pid > 0 && p.exitStatus < 0)
            {
                PosixSpawn.signal(p.pid, PosixSpawn.SIGKILL);
            }
        }
    }
}
