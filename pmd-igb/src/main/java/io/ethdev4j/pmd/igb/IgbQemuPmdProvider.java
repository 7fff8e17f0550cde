package io.ethdev4j.pmd.igb;

import io.ethdev4j.bus.Devargs;
import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevPmdProvider;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.pci.qemu.QemuBinary;
import io.ethdev4j.pci.qemu.QemuNetdev;
import io.ethdev4j.pci.qemu.QemuNicProcess;
import io.ethdev4j.sys.Errno;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A port on QEMU's emulated 82576 ({@code -device igb}), no VM, no root: the vdev
 * <pre>
 *   --vdev net_qemu_igb0,netdev=udp:LOCAL[:REMOTE][,mac=52:54:00:12:34:56][,qemu=/path/to/qemu-system-x86_64]
 *   --vdev net_qemu_igb1,netdev=tap:IFNAME
 *   --vdev net_qemu_igb2,netdev=tcp-listen:PORT --vdev net_qemu_igb3,netdev=tcp-connect:PORT
 * </pre>
 * starts one QEMU process hosting the model (see {@link QemuNicProcess}) and runs the igb PMD over it, exactly as over
 * VFIO. {@code udp:LOCAL:REMOTE}: QEMU binds 127.0.0.1:LOCAL and sends each transmitted frame as one datagram to
 * 127.0.0.1:REMOTE (every datagram arriving at LOCAL is a received frame); {@code udp:LOCAL} alone sends to itself, a
 * cable plugged into its own port. {@code tcp-listen:PORT} and {@code tcp-connect:PORT} cable two models to each other
 * over one TCP connection on 127.0.0.1 (the listening port probed first): lossless, where UDP drops what overflows
 * the receiving socket (see {@link QemuNetdev#tcpListen}). {@code tap:IFNAME} uses an existing TAP interface.
 * Closing the port stops QEMU.
 * If QEMU dies, bursts return 0, the link reads down and control calls fail with EIO naming QEMU's exit status.
 */
public final class IgbQemuPmdProvider implements VdevPmdProvider
{
    public static final String DRIVER_NAME = "net_qemu_igb";

    @Override
    public String driverName()
    {
        return DRIVER_NAME;
    }

    @Override
    public Map<String, String> devargs()
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("netdev", "udp:<local port>[:<remote port>] | tcp-listen:<port> | tcp-connect:<port> | tap:<ifname> " +
            "(required)");
        m.put("mac", "<xx:xx:xx:xx:xx:xx> the model's MAC (default 52:54:00:12:34:<port id>)");
        m.put("qemu", "<path> qemu-system-x86_64 >= 8 (default: $ETHDEV4J_QEMU, PATH, tools/.cache/qemu)");
        m.put("link_wait_ms", "<int> start and set-link-up wait up to this long for the link (default 2000)");
        return m;
    }

    static QemuNetdev parseNetdev(final String op, final String spec)
    {
        try
        {
            if (spec.startsWith("udp:"))
            {
                final String[] p = spec.substring(4).split(":");
                if (p.length < 1 || p.length > 2)
                {
                    throw new IllegalArgumentException("expected udp:LOCAL[:REMOTE]");
                }
                final int local = Integer.parseInt(p[0]);
                return QemuNetdev.udp(local, p.length == 2 ? Integer.parseInt(p[1]) : local);
            }
            if (spec.startsWith("tcp-listen:"))
            {
                return QemuNetdev.tcpListen(Integer.parseInt(spec.substring("tcp-listen:".length())));
            }
            if (spec.startsWith("tcp-connect:"))
            {
                return QemuNetdev.tcpConnect(Integer.parseInt(spec.substring("tcp-connect:".length())));
            }
            if (spec.startsWith("tap:"))
            {
                return QemuNetdev.tap(spec.substring(4));
            }
            throw new IllegalArgumentException("expected udp:LOCAL[:REMOTE], tcp-listen:PORT, tcp-connect:PORT or " +
                "tap:IFNAME");
        }
        catch (final IllegalArgumentException ex)
        {
            throw EthDevException.of(Errno.EINVAL, op, "netdev=" + spec + ": " + ex.getMessage());
        }
    }

    @Override
    public EthDevOps probe(final ProbeContext ctx)
    {
        final Devargs a = ctx.devargs();
        final String op = "probe(" + a + ")";
        if (!a.has("netdev"))
        {
            throw EthDevException.of(Errno.EINVAL, op, "netdev=udp:<port>[:<port>], tcp-listen:<port>, " +
                "tcp-connect:<port> or tap:<ifname> is required");
        }
        final QemuNetdev netdev = parseNetdev(op, a.get("netdev", ""));
        final Optional<QemuBinary> qemu = a.has("qemu") ? QemuBinary.probe(Path.of(a.get("qemu", ""))) :
            QemuBinary.locate();
        if (qemu.isEmpty())
        {
            throw EthDevException.of(Errno.ENODEV, op, "no usable qemu-system-x86_64 >= " + QemuBinary.MIN_MAJOR_VERSION +
                (a.has("qemu") ? " at " + a.get("qemu", "") : " ($ETHDEV4J_QEMU, PATH, tools/.cache/qemu)") +
                "; run tools/setup-qemu.sh");
        }
        // the process maps the runtime's memory into QEMU as it is registered: the driver maps nothing
        final QemuNicProcess.Config config = new QemuNicProcess.Config(qemu.get(), netdev).name(ctx.name())
            .memory(ctx.eal().memory().registry());
        try
        {
            config.mac(a.get("mac", String.format("52:54:00:12:34:%02x", ctx.portId() & 0xFF)));
        }
        catch (final IllegalArgumentException ex)
        {
            throw EthDevException.of(Errno.EINVAL, op, ex.getMessage());
        }
        final int linkWaitMs = a.getInt("link_wait_ms", 2000, 0, 60_000);
        final QemuNicProcess process;
        try
        {
            process = QemuNicProcess.start(config);
        }
        catch (final PciException ex)
        {
            throw new EthDevException(ex.errno(), op + " failed: " + ex.getMessage(), ex);
        }
        return IgbEthDev.probe(ctx.data(), ctx.eal(), process.device(), IgbEthDev.MacType.E82576, linkWaitMs, process);
    }
}
