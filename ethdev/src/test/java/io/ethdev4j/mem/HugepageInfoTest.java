package io.ethdev4j.mem;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.PosixFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hugepages found as DPDK finds them, on a fake /sys, /proc/mounts and /proc/meminfo whose "hugetlbfs" mounts are
 * plain directories (files there are ordinary files: the allocator's naming, locking, clearing and page rounding
 * are what is tested); and, where the machine has them, on real hugepages.
 */
class HugepageInfoTest
{
    private static final long M2 = 2L << 20;
    private static final long G1 = 1L << 30;

    @TempDir
    Path dir;
    private HugepageInfo.Roots roots;
    private Path huge2m;
    private Path huge1g;

    @BeforeEach
    void fakeTree() throws IOException
    {
        final Path sys = dir.resolve("sys");
        pages(sys.resolve("hugepages-2048kB"), 512, 500, 4);
        pages(sys.resolve("hugepages-1048576kB"), 2, 2, 0);
        huge2m = Files.createDirectories(dir.resolve("dev/hugepages"));
        huge1g = Files.createDirectories(dir.resolve("mnt/huge1G"));
        Files.writeString(dir.resolve("mounts"), String.join("\n",
            "sysfs /sys sysfs rw,relatime 0 0",
            "hugetlbfs " + huge2m + " hugetlbfs rw,relatime,pagesize=2M 0 0",
            "hugetlbfs " + huge1g + " hugetlbfs rw,relatime,pagesize=1024M 0 0",
            "tmpfs /dev/shm tmpfs rw 0 0", ""));
        Files.writeString(dir.resolve("meminfo"), "HugePages_Total:     512\nHugepagesize:       2048 kB\n");
        roots = new HugepageInfo.Roots(sys, dir.resolve("mounts"), dir.resolve("meminfo"));
    }

    private static void pages(final Path d, final int nr, final int free, final int resv) throws IOException
    {
        Files.createDirectories(d);
        Files.writeString(d.resolve("nr_hugepages"), nr + "\n");
        Files.writeString(d.resolve("free_hugepages"), free + "\n");
        Files.writeString(d.resolve("resv_hugepages"), resv + "\n");
    }

    @Test
    void shouldFindEverySizeWithItsMountLargestFirst()
    {
        assertEquals(List.of(new HugepageInfo.PageSize(G1, 2, 2, huge1g), new HugepageInfo.PageSize(M2, 496, 512, huge2m)),
            HugepageInfo.scan(roots, null), "free = free_hugepages - resv_hugepages");
        assertEquals(List.of(new HugepageInfo.PageSize(G1, 2, 2, null), new HugepageInfo.PageSize(M2, 496, 512, huge2m)),
            HugepageInfo.scan(roots, huge2m.toString()), "--huge-dir: that mount only");
        assertEquals(20L << 20, HugepageInfo.parseSize("20M"));
        assertEquals(2048L << 10, HugepageInfo.parseSize("2048kB"));
    }

    @Test
    void shouldTakeTheDefaultPageSizeForAMountWithoutPagesizeOption() throws IOException
    {
        Files.writeString(dir.resolve("mounts"), "hugetlbfs " + huge2m + " hugetlbfs rw,relatime 0 0\n");
        final List<HugepageInfo.PageSize> s = HugepageInfo.scan(roots, null);
        assertNull(s.get(0).mountPoint(), "no 1 GiB mount");
        assertEquals(huge2m, s.get(1).mountPoint(), "what dpdk-hugepages.py --setup mounts: the default size");
    }

    @Test
    void shouldAllocateFilesNamedAsDpdksInTheMountOfTheFittingSize() throws IOException
    {
        try (DmaMemory mem = DmaMemory.open(false, 0, null, "t1", false, roots))
        {
            assertTrue(mem.usesHugepages());
            final DmaRegion r = mem.allocate("pool", 3 << 20);
            assertEquals(huge2m.resolve("t1map_0"), r.file(), "2 MiB pages for 3 MiB, not a 1 GiB page");
            assertEquals(4L << 20, r.length());
            assertEquals(M2, r.pageSize());
            assertTrue(r.hugepages());
            assertEquals(4L << 20, Files.size(r.file()));
            assertEquals(huge2m.resolve("t1map_1"), mem.allocate("ring", 100).file());
            r.close();
            assertFalse(Files.exists(huge2m.resolve("t1map_0")), "removed when freed");
        }
        assertFalse(Files.exists(huge2m.resolve("t1map_1")), "removed at close");
    }

    @Test
    void shouldRemoveStaleFilesOfItsPrefixButNotLockedOnes() throws IOException
    {
        final Path stale = Files.writeString(huge2m.resolve("t2map_3"), "x");
        final Path other = Files.writeString(huge2m.resolve("rtemap_0"), "x");
        final Path live = Files.writeString(huge2m.resolve("t2map_4"), "x");
        final int fd = LibC.openChecked(live.toString(), LibC.O_RDWR, 0);
        try
        {
            assertTrue(PosixFile.tryWriteLock(fd, live.toString()));
            try (DmaMemory ignored = DmaMemory.open(false, 0, null, "t2", false, roots))
            {
                assertFalse(Files.exists(stale), "a dead process's file (clear_hugedir)");
                assertTrue(Files.exists(live), "held by a live process");
                assertTrue(Files.exists(other), "another prefix");
            }
        }
        finally
        {
            LibC.closeQuietly(fd);
        }
    }

    @Test
    void shouldRefuseAHugeDirWithoutHugepagesAndRunOutAsDpdk() throws IOException
    {
        EthDevException ex = assertThrows(EthDevException.class,
            () -> DmaMemory.open(false, 0, dir.resolve("nothing").toString(), "t3", false, roots));
        assertEquals(Errno.ENOMEM, ex.errno());
        assertTrue(ex.getMessage().contains("Cannot get hugepage information: no hugetlbfs with free pages is mounted at " +
            dir.resolve("nothing")), ex.getMessage());
        pages(roots.sysfsHugepages().resolve("hugepages-2048kB"), 512, 2, 0);
        pages(roots.sysfsHugepages().resolve("hugepages-1048576kB"), 2, 0, 0);
        try (DmaMemory mem = DmaMemory.open(false, 0, huge2m.toString(), "t3", false, roots))
        {
            ex = assertThrows(EthDevException.class, () -> mem.allocate("big", 5 << 20));
            assertEquals(Errno.ENOMEM, ex.errno());
            assertTrue(ex.getMessage().contains("not enough hugepages: 2 free 2048 kB pages at " + huge2m), ex.getMessage());
        }
    }

    @Test
    void shouldFallBackTo4KPagesWithoutAnyHugepages() throws IOException
    {
        Files.writeString(dir.resolve("mounts"), "");
        try (DmaMemory mem = DmaMemory.open(false, 0, null, "t4", false, roots))
        {
            assertFalse(mem.usesHugepages());
            final DmaRegion r = mem.allocate("x", 100);
            assertNull(r.file());
            assertEquals(4096, r.pageSize());
        }
    }

    /**
     * On real hugepages: the machine's (as {@code dpdk-hugepages.py --setup 1G} leaves them) when it has a hugetlbfs
     * with 64 MiB free, else, as root, 32 pages of 2 MiB reserved and a hugetlbfs mounted in a temporary directory
     * for this test only (both undone after). Skipped without either, a failure under CI=true.
     */
    @Test
    void shouldUseRealHugepagesUnderHugeDir() throws Exception
    {
        HugepageInfo.PageSize s = usableHugetlbfs();
        final Path nr = Path.of("/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages");
        String nrBefore = null;
        Path mount = null;
        try
        {
            if (s == null && "root".equals(System.getProperty("user.name")) && Files.isWritable(nr))
            {
                nrBefore = Files.readString(nr).trim();
                Files.writeString(nr, Long.toString(Long.parseLong(nrBefore) + 32));
                mount = Files.createDirectories(dir.resolve("hugetlbfs"));
                run("mount", "-t", "hugetlbfs", "-o", "pagesize=2M", "nodev", mount.toString());
                s = usableHugetlbfs();
            }
            final String why = "no hugetlbfs with 64 MiB of free pages (dpdk-hugepages.py --setup 1G), and not root " +
                "to set one up";
            if ("true".equals(System.getenv("CI")))
            {
                assertNotNull(s, "CI=true: " + why);
            }
            Assumptions.assumeTrue(s != null, "skipped: " + why);
            usePages(s);
        }
        finally
        {
            if (mount != null)
            {
                run("umount", mount.toString());
            }
            if (nrBefore != null)
            {
                Files.writeString(nr, nrBefore);
            }
        }
    }

    private static HugepageInfo.PageSize usableHugetlbfs()
    {
        return HugepageInfo.scan(HugepageInfo.Roots.SYSTEM, null).stream()
            .filter(p -> p.mountPoint() != null && p.freePages() * p.sizeBytes() >= 64L << 20).findFirst().orElse(null);
    }

    private static void run(final String... cmd) throws Exception
    {
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    private static void usePages(final HugepageInfo.PageSize s)
    {
        final long free = HugepageInfo.scan(HugepageInfo.Roots.SYSTEM, null).stream()
            .filter(p -> p.sizeBytes() == s.sizeBytes()).findFirst().orElseThrow().freePages();
        try (Eal eal = Eal.init("--huge-dir", s.mountPoint().toString(), "-m", "64", "--no-pci",
            "--file-prefix", "hugetest" + ProcessHandle.current().pid()))
        {
            final MbufPool pool = eal.createPktmbufPool("huge_pool", 4095, 0, 0, 2176);
            final DmaRegion r = pool.region();
            assertTrue(r.hugepages(), r.toString());
            assertEquals(s.mountPoint(), r.file().getParent());
            assertTrue(r.file().getFileName().toString().startsWith("hugetest"), r.file().toString());
            assertTrue(Files.exists(r.file()));
        }
        final long after = HugepageInfo.scan(HugepageInfo.Roots.SYSTEM, null).stream()
            .filter(p -> p.sizeBytes() == s.sizeBytes()).findFirst().orElseThrow().freePages();
        assertEquals(free, after, "pages given back");
    }
}
