package io.ethdev4j.mem;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The hugepages this process may use, found as DPDK 22.11's EAL finds them ({@code lib/eal/linux/eal_hugepage_info.c},
 * {@code hugepage_info_init()}): one entry per {@code /sys/kernel/mm/hugepages/hugepages-<N>kB} directory, its free
 * pages ({@code free_hugepages - resv_hugepages}), and the hugetlbfs mount of that page size from
 * {@code /proc/mounts} (the {@code pagesize=} option, else the default {@code Hugepagesize} of
 * {@code /proc/meminfo}). With {@code --huge-dir DIR} only a mount at DIR counts. Largest page size first.
 * <p>
 * What {@code dpdk-hugepages.py --setup 1G} leaves (pages of the default size reserved, hugetlbfs mounted at
 * {@code /dev/hugepages}) is found as one size with a mount point.
 */
public final class HugepageInfo
{
    /** Where the kernel says things; tests pass a fake tree. */
    public record Roots(Path sysfsHugepages, Path procMounts, Path procMeminfo)
    {
        public static final Roots SYSTEM = new Roots(Path.of("/sys/kernel/mm/hugepages"), Path.of("/proc/mounts"),
            Path.of("/proc/meminfo"));
    }

    /**
     * One hugepage size.
     *
     * @param mountPoint the hugetlbfs mount for this size, or null when none is mounted (or none at --huge-dir)
     */
    public record PageSize(long sizeBytes, long freePages, long totalPages, Path mountPoint)
    {
        /** E.g. "2048 kB", "1048576 kB" (DPDK prints sizes so). */
        public String kb()
        {
            return (sizeBytes >> 10) + " kB";
        }
    }

    private HugepageInfo()
    {
    }

    /**
     * @param hugeDir {@code --huge-dir}, or null for any mount
     * @return every hugepage size the kernel supports, largest first
     */
    public static List<PageSize> scan(final Roots roots, final String hugeDir)
    {
        final List<PageSize> sizes = new ArrayList<>();
        if (!Files.isDirectory(roots.sysfsHugepages()))
        {
            return sizes;
        }
        final long defaultSize = defaultSize(roots.procMeminfo());
        final List<String[]> mounts = hugetlbfsMounts(roots.procMounts());
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(roots.sysfsHugepages(), "hugepages-*kB"))
        {
            for (final Path d : dirs)
            {
                final String n = d.getFileName().toString();
                final long size = Long.parseLong(n.substring("hugepages-".length(), n.length() - 2)) << 10;
                final long free = number(d.resolve("free_hugepages"));
                final long resv = number(d.resolve("resv_hugepages"));
                sizes.add(new PageSize(size, Math.max(0, free - resv), number(d.resolve("nr_hugepages")),
                    mountFor(mounts, size, defaultSize, hugeDir)));
            }
        }
        catch (final IOException | NumberFormatException ex)
        {
            return sizes;
        }
        sizes.sort(Comparator.comparingLong(PageSize::sizeBytes).reversed());
        return sizes;
    }

    /** get_hugepage_dir(): the first hugetlbfs mount of this page size (at {@code hugeDir} when given). */
    private static Path mountFor(final List<String[]> mounts, final long size, final long defaultSize,
        final String hugeDir)
    {
        for (final String[] m : mounts)
        {
            long pageSize = defaultSize;
            for (final String opt : m[3].split(","))
            {
                if (opt.startsWith("pagesize="))
                {
                    pageSize = parseSize(opt.substring("pagesize=".length()));
                }
            }
            if (pageSize != size)
            {
                continue;
            }
            if (hugeDir != null && !Path.of(hugeDir).normalize().equals(Path.of(m[1]).normalize()))
            {
                continue;
            }
            return Path.of(m[1]);
        }
        return null;
    }

    /** hugetlbfs lines of /proc/mounts, split into device, mount point, type, options. */
    private static List<String[]> hugetlbfsMounts(final Path procMounts)
    {
        final List<String[]> list = new ArrayList<>();
        try
        {
            for (final String line : Files.readAllLines(procMounts))
            {
                final String[] f = line.split(" ");
                if (f.length >= 4 && f[2].equals("hugetlbfs"))
                {
                    f[1] = f[1].replace("\\040", " ");
                    list.add(f);
                }
            }
        }
        catch (final IOException ignore)
        {
            // no mount table: no mounts
        }
        return list;
    }

    /** Hugepagesize of /proc/meminfo, in bytes (0 if absent). */
    private static long defaultSize(final Path meminfo)
    {
        try
        {
            for (final String line : Files.readAllLines(meminfo))
            {
                if (line.startsWith("Hugepagesize:"))
                {
                    return parseSize(line.substring("Hugepagesize:".length()).trim().replace(" ", ""));
                }
            }
        }
        catch (final IOException | NumberFormatException ignore)
        {
            // unknown
        }
        return 0;
    }

    /** rte_str_to_size for the forms the kernel writes: "2M", "1G", "2048k", "2048kB". */
    static long parseSize(final String s)
    {
        String v = s.trim();
        if (v.endsWith("B") || v.endsWith("b"))
        {
            v = v.substring(0, v.length() - 1);
        }
        final char unit = Character.toUpperCase(v.charAt(v.length() - 1));
        final int shift = unit == 'K' ? 10 : unit == 'M' ? 20 : unit == 'G' ? 30 : 0;
        return Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1)) << shift;
    }

    private static long number(final Path file) throws IOException
    {
        return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0;
    }
}
