package io.ethdev4j.vm.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DMA faults the guest kernel logged for our ports: the IOMMU refused a device access to an address not mapped
 * for it (kernel 6.1 drivers/iommu/intel/dmar.c: {@code DMAR: [DMA Read NO_PASID] Request device [02:00.0] fault
 * addr ...}). A port whose DMA memory was unmapped while it still used it (a lifecycle bug) shows up here, even
 * when the NIC's counters do not. {@link #mark()} writes a marker line into the kernel log (/dev/kmsg);
 * {@link #since(String)} returns the DMAR fault lines after it.
 */
final class DmarFaults
{
    private static final AtomicInteger SEQ = new AtomicInteger();

    private DmarFaults()
    {
    }

    /** Writes a unique marker into the kernel log and returns it. */
    static String mark()
    {
        final String marker = "ethdev4j-vm-test-mark-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
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

    /** The kernel's DMAR fault lines about {@code pciAddresses} logged after {@code marker}. */
    static List<String> since(final String marker, final String... pciAddresses)
    {
        final String log = dmesg();
        final int at = log.lastIndexOf(marker);
        if (at < 0)
        {
            throw new AssertionError("marker " + marker + " not in the kernel log");
        }
        final List<String> faults = new ArrayList<>();
        for (final String line : log.substring(at).split("\n"))
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

    private static String dmesg()
    {
        try
        {
            final Process p = new ProcessBuilder("dmesg").redirectErrorStream(true).start();
            final byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0)
            {
                p.destroyForcibly();
                throw new AssertionError("dmesg failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new AssertionError("cannot run dmesg: " + ex, ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }
}
