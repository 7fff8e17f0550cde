package io.ethdev4j.vm.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The guest kernel's log, read after a marker line the test wrote into {@code /dev/kmsg}, so that a case sees only
 * what happened since it began. Its main use: DMA faults the IOMMU logged for our ports (kernel 6.1
 * drivers/iommu/intel/dmar.c: {@code DMAR: [DMA Read NO_PASID] Request device [02:00.0] fault addr ...}); a port
 * whose DMA memory was unmapped while it still used it shows up here even when the NIC's counters do not. The
 * kernel rate-limits these lines (10 per 5 s) and QEMU keeps one fault record at a time: a test provokes at most one.
 */
final class KernelLog
{
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final long AWAIT_NS = TimeUnit.SECONDS.toNanos(10);

    private KernelLog()
    {
    }

    /** Writes a unique marker line about {@code what} into the kernel log (as root) and returns it. */
    static String mark(final String what)
    {
        final String marker = "ethdev4j-vm-test " + what + " " + ProcessHandle.current().pid() + "-" +
            SEQ.incrementAndGet();
        try
        {
            Files.writeString(Path.of("/dev/kmsg"), marker + "\n", StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new AssertionError("cannot write to /dev/kmsg: " + ex, ex);
        }
        return marker;
    }

    /** The kernel log from {@code marker} on; fails when the marker is not in it. */
    static String since(final String marker)
    {
        final String log = GuestProcess.runOk(List.of("dmesg"));
        final int at = log.lastIndexOf(marker);
        if (at < 0)
        {
            throw new AssertionError("marker '" + marker + "' not in the kernel log");
        }
        return log.substring(at);
    }

    /** The first line after {@code marker} containing {@code expected}; waits up to 10 s for it. */
    static String awaitLine(final String marker, final String expected)
    {
        final long deadline = System.nanoTime() + AWAIT_NS;
        String after;
        do
        {
            after = since(marker);
            for (final String line : after.split("\n"))
            {
                if (line.contains(expected))
                {
                    return line;
                }
            }
        }
        while (System.nanoTime() - deadline < 0);
        return fail("no kernel log line containing '" + expected + "' within 10 s; the log since '" + marker +
            "':\n" + after);
    }

    /** The DMAR fault lines about {@code pciAddresses} logged after {@code marker}. */
    static List<String> dmarFaults(final String marker, final String... pciAddresses)
    {
        final List<String> faults = new ArrayList<>();
        for (final String line : since(marker).split("\n"))
        {
            if (line.contains("DMAR: [DMA"))
            {
                for (final String a : pciAddresses)
                {
                    if (line.contains("Request device [" + a.substring(a.indexOf(':') + 1) + "]"))
                    {
                        faults.add(line.trim());
                        break;
                    }
                }
            }
        }
        return faults;
    }
}
