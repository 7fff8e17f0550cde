package io.ethdev4j.dumpcap;

import io.ethdev4j.eal.RuntimeDir;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.pdump.BpfProgram;
import io.ethdev4j.pdump.CaptureRegion;
import io.ethdev4j.pdump.CaptureRegionDescriptor;
import io.ethdev4j.pdump.PdumpClient;
import io.ethdev4j.pdump.PdumpProtocol.PortInfo;
import io.ethdev4j.pmd.pcap.PcapngWriter;
import io.ethdev4j.sys.LibPcap;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * dpdk-dumpcap for ethdev4j applications: attaches to a running application through its runtime directory
 * ({@code --file-prefix}), captures the rx and tx packets of its ports into pcapng without stopping them, and
 * detaches. Options and output are DPDK 22.11's ({@link DumpCapOptions}).
 * <pre>
 *   tools/dumpcap -D                                    list the ports
 *   tools/dumpcap -i net_null0 -c 1000 -w out.pcapng    capture 1000 packets of port net_null0 (or -i 0)
 *   tools/dumpcap -i 0 -i 1 -a duration:5 -s 128 -f 'udp port 53'
 * </pre>
 */
public final class DumpCap
{
    /** Packets written between checks of the stop conditions. */
    private static final int BATCH = 256;
    private static final long MONITOR_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long SHOW_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private final DumpCapOptions opts;
    private final PrintStream out;
    private final PrintStream err;
    private final AtomicBoolean quit;
    private int shownWidth;

    private DumpCap(final DumpCapOptions opts, final PrintStream out, final PrintStream err, final AtomicBoolean quit)
    {
        this.opts = opts;
        this.out = out;
        this.err = err;
        this.quit = quit;
    }

    public static void main(final String[] args)
    {
        final AtomicBoolean quit = new AtomicBoolean();
        for (final String sig : new String[] {"INT", "TERM", "HUP"})
        {
            // as dpdk-dumpcap: a signal ends the capture, which then writes its statistics and exits normally
            try
            {
                sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> quit.set(true));
            }
            catch (final IllegalArgumentException ex)
            {
                // ignored by our parent (SIGINT of a background job in a script): stays ignored, as for dpdk-dumpcap
            }
        }
        final int rc = run(args, System.out, System.err, quit);
        System.out.flush();
        System.exit(rc);
    }

    /**
     * Runs dumpcap with {@code argv}; {@code quit} set (by a signal, or a test) ends the capture.
     *
     * @return the exit status
     */
    public static int run(final String[] argv, final PrintStream out, final PrintStream err, final AtomicBoolean quit)
    {
        try
        {
            final DumpCapOptions opts = DumpCapOptions.parse(argv);
            if (opts.help)
            {
                out.print(DumpCapOptions.VERSION + "\n\n" + DumpCapOptions.USAGE);
                return 0;
            }
            if (opts.version)
            {
                out.println(DumpCapOptions.VERSION);
                return 0;
            }
            return new DumpCap(opts, out, err, quit).capture();
        }
        catch (final DumpCapException ex)
        {
            err.println(ex.getMessage());
            return 1;
        }
    }

    private int capture()
    {
        final Path runtimeDir = RuntimeDir.pathFor(opts.filePrefix);
        final PdumpClient client;
        try
        {
            client = PdumpClient.connect(runtimeDir);
        }
        catch (final EthDevException ex)
        {
            throw new DumpCapException("EAL init failed: is primary process running? (--file-prefix " +
                opts.filePrefix + ": " + ex.getMessage() + ")");
        }
        try (client)
        {
            final List<PortInfo> ports = client.ports();
            if (opts.listInterfaces)
            {
                for (final PortInfo p : ports)
                {
                    out.println(p.portId() + ". " + p.name());
                }
                return 0;
            }
            if (ports.isEmpty())
            {
                throw new DumpCapException("No Ethernet ports found");
            }
            final List<PortInfo> interfaces = interfaces(ports);
            final long[] filter = compileFilter(interfaces.get(0));
            if (opts.dumpBpf)
            {
                return 0;
            }
            return capture(client, interfaces, filter);
        }
        catch (final EthDevException ex)
        {
            throw new DumpCapException(ex.getMessage(), ex);
        }
    }

    /** find_interfaces / set_default_interface: -i by name, else by port number; none = the first port. */
    private List<PortInfo> interfaces(final List<PortInfo> ports)
    {
        final List<PortInfo> list = new ArrayList<>();
        if (opts.interfaces.isEmpty())
        {
            list.add(ports.get(0));
            return list;
        }
        for (final String name : opts.interfaces)
        {
            PortInfo found = null;
            for (final PortInfo p : ports)
            {
                if (p.name().equals(name))
                {
                    found = p;
                }
            }
            if (found == null)
            {
                final long id = DumpCapOptions.number(name, "port_number");
                for (final PortInfo p : ports)
                {
                    if (p.portId() == id)
                    {
                        found = p;
                    }
                }
                if (found == null)
                {
                    throw new DumpCapException("Invalid port number " + id);
                }
            }
            if (!list.contains(found))
            {
                list.add(found);
            }
        }
        return list;
    }

    /** compile_filters: libpcap's compiler, then the program as the region carries it; -d prints it. */
    private long[] compileFilter(final PortInfo first)
    {
        if (opts.filter == null)
        {
            if (opts.dumpBpf)
            {
                throw new DumpCapException("-d: no capture filter given (-f)");
            }
            return null;
        }
        final LibPcap.Program prog;
        try
        {
            prog = LibPcap.compile(LibPcap.DLT_EN10MB, snaplen(), opts.filter);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new DumpCapException("Invalid capture filter \"" + opts.filter + "\": for interface '" + first.name() +
                "'\n\n" + ex.getMessage() + "\n");
        }
        catch (final UnsupportedOperationException ex)
        {
            throw new DumpCapException("-f needs libpcap to compile the filter: " + ex.getMessage());
        }
        try
        {
            BpfProgram.of(prog.code(), prog.jt(), prog.jf(), prog.k());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new DumpCapException("BPF convert interface '" + first.name() + "'\n" + ex.getMessage());
        }
        if (opts.dumpBpf)
        {
            out.println("cBPF program (" + prog.length() + " insns)");
            for (final String line : prog.image())
            {
                out.println(line);
            }
        }
        final long[] packed = new long[prog.length()];
        for (int i = 0; i < packed.length; i++)
        {
            packed[i] = CaptureRegion.packInsn(prog.code()[i], prog.jt()[i], prog.jf()[i], prog.k()[i]);
        }
        return packed;
    }

    /** -s: 0 = whole packets; at most the 64 KiB a capture ring record holds. */
    private int snaplen()
    {
        return opts.snaplen <= 0 || opts.snaplen > CaptureRegionDescriptor.MAX_SNAPLEN ?
            CaptureRegionDescriptor.MAX_SNAPLEN : opts.snaplen;
    }

    private int capture(final PdumpClient client, final List<PortInfo> interfaces, final long[] filter)
    {
        for (final PortInfo p : interfaces)
        {
            if (p.nbRxQueues() == 0 || p.nbTxQueues() == 0)
            {
                throw new DumpCapException("Packet dump enable on " + p.portId() + ":" + p.name() +
                    " failed: both tx&rx queues must be non zero (is the port configured?)");
            }
        }
        final int snaplen = snaplen();
        final Instant now = Instant.now();
        final long wallOffsetNs = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
        final boolean toStdout = "-".equals(opts.output);
        final PrintStream info = toStdout ? err : out;
        final Path file = toStdout ? null : opts.output != null ? Path.of(opts.output) : tempFile(interfaces.get(0));
        if (file != null)
        {
            err.println("File: " + file);
        }
        final List<PortInfo> promiscuousSet = new ArrayList<>();
        try (PcapngWriter writer = PcapngWriter.open(open(file), System.getProperty("os.name") + " " +
            System.getProperty("os.version"), DumpCapOptions.VERSION, opts.comment))
        {
            for (final PortInfo p : interfaces)
            {
                writer.addInterface(p.name(), "ethdev4j port " + p.portId() + " (" + p.driver() + ")",
                    p.mac().toBytes(), p.linkUp() && p.speedMbps() > 0 ? p.speedMbps() * 1_000_000L : 0, snaplen,
                    opts.filter, p.driver());
            }
            final long startNs = System.nanoTime();
            try (CaptureSession session = CaptureSession.open(client, interfaces, snaplen, filter, wallOffsetNs))
            {
                for (final PortInfo p : interfaces)
                {
                    if (opts.promiscuous && !p.promiscuous())
                    {
                        try
                        {
                            client.promiscuous(p.portId(), true);
                            promiscuousSet.add(p);
                        }
                        catch (final EthDevException ex)
                        {
                            err.println("port " + p.portId() + ":" + p.name() + " set promiscuous failed");
                        }
                    }
                }
                info.println("Capturing on " + names(interfaces));
                final boolean alive = loop(client, session, writer, startNs);
                if (alive)
                {
                    session.disable();
                }
                else
                {
                    err.println("Primary process is no longer active, exiting...");
                }
                final long remaining = opts.stopPackets > 0 ? opts.stopPackets - total(session, interfaces) : Long.MAX_VALUE;
                if (remaining > 0)
                {
                    session.drain(writer, remaining);
                }
                showCount(total(session, interfaces), true);
                reportStats(session, interfaces, writer, startNs, wallOffsetNs);
                if (alive)
                {
                    for (final PortInfo p : promiscuousSet)
                    {
                        client.promiscuous(p.portId(), false);
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new DumpCapException("pcapng file write failed; " + ex.getMessage(), ex);
        }
        catch (final java.io.UncheckedIOException ex)
        {
            throw new DumpCapException(ex.getMessage(), ex);
        }
        return 0;
    }

    /** The main loop: drain, check the stop conditions, idle when there is nothing; false if the application died. */
    private boolean loop(final PdumpClient client, final CaptureSession session, final PcapngWriter writer,
        final long startNs) throws IOException
    {
        long written = 0;
        long lastShown = -1;
        long lastShowNs = 0;
        long nextMonitorNs = startNs + MONITOR_INTERVAL_NS;
        int idle = 0;
        final long durationNs = (long)(opts.stopDurationSecs * 1e9);
        showCount(0, true);
        while (!quit.get())
        {
            final long limit = opts.stopPackets > 0 ? Math.min(BATCH, opts.stopPackets - written) : BATCH;
            final int n = session.drain(writer, limit);
            written += n;
            if (opts.stopPackets > 0 && written >= opts.stopPackets)
            {
                break;
            }
            if (opts.stopFileBytes > 0 && writer.bytesWritten() >= opts.stopFileBytes)
            {
                break;
            }
            final long now = System.nanoTime();
            if (durationNs > 0 && now - startNs >= durationNs)
            {
                break;
            }
            if (written != lastShown && now - lastShowNs >= SHOW_INTERVAL_NS)
            {
                showCount(written, false);
                lastShown = written;
                lastShowNs = now;
            }
            if (now - nextMonitorNs >= 0)
            {
                nextMonitorNs = now + MONITOR_INTERVAL_NS;
                if (!client.isApplicationAlive())
                {
                    return false;
                }
            }
            if (n == 0)
            {
                // don't consume endless amounts of cpu if idle (dpdk-dumpcap sleeps after 1000 empty polls)
                if (++idle > 1000)
                {
                    LockSupport.parkNanos(10_000);
                }
            }
            else
            {
                idle = 0;
            }
        }
        return true;
    }

    private static long total(final CaptureSession session, final List<PortInfo> interfaces)
    {
        long n = 0;
        for (int i = 0; i < interfaces.size(); i++)
        {
            n += session.delivered(i);
        }
        return n;
    }

    /** show_count: "Packets captured: N" on stderr, rewritten in place with backspaces; nothing with -q. */
    private void showCount(final long count, final boolean first)
    {
        if (opts.quiet)
        {
            return;
        }
        final StringBuilder sb = new StringBuilder();
        if (first && shownWidth == 0)
        {
            sb.append("Packets captured: ");
        }
        sb.append("\b".repeat(shownWidth));
        final String s = count + " ";
        shownWidth = s.length();
        sb.append(s);
        err.print(sb);
        err.flush();
    }

    /** report_packet_stats: an Interface Statistics Block per interface, and its line on stderr. */
    private void reportStats(final CaptureSession session, final List<PortInfo> interfaces, final PcapngWriter writer,
        final long startNs, final long wallOffsetNs) throws IOException
    {
        err.print("\n");
        final long endWall = System.nanoTime() + wallOffsetNs;
        for (int i = 0; i < interfaces.size(); i++)
        {
            // as Wiretap and dpdk-dumpcap: received = packets the capture saw, dropped = those the ring had no room for
            final long recv = session.seen(i);
            final long drop = session.dropped(i);
            writer.writeStats(i, endWall, startNs + wallOffsetNs, recv, drop,
                opts.filter != null ? recv - session.filtered(i) : -1, session.delivered(i));
            final double percent = recv == 0 ? 0 : 100.0 * recv / (recv + drop);
            err.printf(Locale.ROOT, "Packets received/dropped on interface '%s': %d/%d (%.1f)%n",
                interfaces.get(i).name(), recv, drop, percent);
        }
    }

    private static String names(final List<PortInfo> interfaces)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < interfaces.size(); i++)
        {
            if (i > 0)
            {
                sb.append(interfaces.size() > 2 ? ", " : " ");
                if (i == interfaces.size() - 1)
                {
                    sb.append("and ");
                }
            }
            sb.append('\'').append(interfaces.get(i).name()).append('\'');
        }
        return sb.toString();
    }

    /** dpdk-dumpcap's temporary file name: /tmp/dumpcap_PORT_NAME_YYYYmmddHHMMSS.pcapng. */
    private static Path tempFile(final PortInfo p)
    {
        return Path.of("/tmp", DumpCapOptions.PROG + "_" + p.portId() + "_" + p.name() + "_" +
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ".pcapng");
    }

    /** The output: stdout for -w -, else the file (mode 0600, 0640 with -g; an existing file is truncated). */
    private WritableByteChannel open(final Path file)
    {
        if (file == null)
        {
            return Channels.newChannel(out);
        }
        try
        {
            try
            {
                return FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(opts.groupRead ? "rw-r-----" :
                        "rw-------")));
            }
            catch (final FileAlreadyExistsException ex)
            {
                return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            }
        }
        catch (final IOException ex)
        {
            throw new DumpCapException("Can not open \"" + file + "\": " + ex.getMessage());
        }
    }
}
