package io.ethdev4j.eal;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class RuntimeDirTest
{
    /** A prefix no other test or process uses. */
    private final String prefix = "rtdir-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final List<Path> made = new ArrayList<>();

    @AfterEach
    void removeTheDirectoriesThisTestMade() throws IOException
    {
        for (final Path dir : made)
        {
            if (Files.exists(dir))
            {
                try (Stream<Path> s = Files.walk(dir))
                {
                    for (final Path p : (Iterable<Path>)s.sorted(Comparator.reverseOrder())::iterator)
                    {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static String[] eal(final String... more)
    {
        final List<String> a = new ArrayList<>(List.of("--no-huge", "-m", "4", "--no-pci", "-l", "0"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void shouldFollowDpdksRuleForRootAndOtherUsers()
    {
        assertEquals(Paths.get("/var/run/dpdk/rte"), RuntimeDir.pathFor("rte", 0, null, "/run/user/0"),
            "root ignores XDG_RUNTIME_DIR");
        assertEquals(Paths.get("/run/user/1000/dpdk/pg1"), RuntimeDir.pathFor("pg1", 1000, null, "/run/user/1000"));
        assertEquals(Paths.get("/tmp/dpdk/pg1"), RuntimeDir.pathFor("pg1", 1000, null, null));
        assertEquals(Paths.get("/run/app/dpdk/pg1"), RuntimeDir.pathFor("pg1", 0, "/run/app", "/run/user/0"),
            "systemd's RUNTIME_DIRECTORY wins, for root too");
        assertEquals(Paths.get("/run/app/dpdk/pg1"), RuntimeDir.pathFor("pg1", 1000, "/run/app", "/run/user/1000"));
        assertEquals(RuntimeDir.pathFor("x", LibC.uid(), System.getenv("RUNTIME_DIRECTORY"), System.getenv("XDG_RUNTIME_DIR")),
            RuntimeDir.pathFor("x"));
    }

    @Test
    void shouldUseDpdksDefaultPrefixWhenNoneIsGivenOutsideTheTestHarness()
    {
        final String pid = Long.toString(ProcessHandle.current().pid());
        assertEquals("rte", EalArgs.defaultFilePrefix(null, null));
        assertEquals("rte", EalArgs.defaultFilePrefix("", " "));
        assertEquals("t" + pid, EalArgs.defaultFilePrefix(null, "t%p"), "the environment (inherited by children)");
        assertEquals("p" + pid, EalArgs.defaultFilePrefix("p%p", "t%p"), "the property wins");
        assertThrows(EalArgsException.class, () -> EalArgs.defaultFilePrefix("a/b", null));
        assertEquals("given", EalArgs.parse("--file-prefix", "given").filePrefix());
        assertEquals(EalArgs.defaultFilePrefix(), EalArgs.parse().filePrefix());
    }

    @Test
    void shouldCreateTheDefaultPrefixDirectory()
    {
        // --no-shconf: no lock, so a dpdk-testpmd or another worktree's run on the real default prefix cannot interfere
        final String saved = System.getProperty(EalArgs.DEFAULT_FILE_PREFIX_PROPERTY);
        System.setProperty(EalArgs.DEFAULT_FILE_PREFIX_PROPERTY, "rte");
        try (Eal eal = Eal.init(eal("--no-shconf", "--no-telemetry")))
        {
            assertEquals(RuntimeDir.pathFor("rte"), eal.runtimeDir());
            assertTrue(Files.isDirectory(eal.runtimeDir()));
        }
        finally
        {
            if (saved == null)
            {
                System.clearProperty(EalArgs.DEFAULT_FILE_PREFIX_PROPERTY);
            }
            else
            {
                System.setProperty(EalArgs.DEFAULT_FILE_PREFIX_PROPERTY, saved);
            }
        }
    }

    @Test
    void shouldCreateThePrefixDirectoryWithMode0700AndLockConfig() throws IOException
    {
        final Path dir = RuntimeDir.pathFor(prefix);
        made.add(dir);
        assertFalse(Files.exists(dir));
        try (Eal eal = Eal.init(eal("--file-prefix", prefix)))
        {
            assertEquals(dir, eal.runtimeDir());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            assertTrue(Files.isRegularFile(dir.resolve("config")));
            assertTrue(eal.runtimeDirectory().holdsConfigLock());
        }
        assertTrue(Files.isDirectory(dir), "the directory stays, as DPDK leaves it");
        assertFalse(Files.exists(dir.resolve("config")), "the config file this runtime created is removed");
    }

    @Test
    void shouldRefuseASecondPrimaryOnTheSamePrefix()
    {
        made.add(RuntimeDir.pathFor(prefix));
        try (Eal first = Eal.init(eal("--file-prefix", prefix)))
        {
            final EthDevException ex = assertThrows(EthDevException.class, () -> Eal.init(eal("--file-prefix", prefix)));
            assertEquals(Errno.EBUSY, ex.errno());
            assertTrue(ex.getMessage().contains("Cannot create lock on '" + first.runtimeDir().resolve("config") +
                "'. Is another primary process running?"), ex.getMessage());
            assertTrue(Files.exists(first.runtimeDir().resolve("config")), "the refused runtime leaves the owner's file");
            assertTrue(first.runtimeDirectory().holdsConfigLock());
        }
        // the lock went with the first runtime: a new primary may start
        try (Eal again = Eal.init(eal("--file-prefix", prefix)))
        {
            assertTrue(again.runtimeDirectory().holdsConfigLock());
        }
    }

    @Test
    void shouldRefuseWhenAnotherProcessHoldsTheLockAsDpdkTakesIt() throws Exception
    {
        // flock(1) is not DPDK's lock; a python fcntl.lockf is (F_SETLK, F_WRLCK): the lock DPDK's EAL takes
        final Path py = Paths.get("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(py), "python3 is not installed");
        final Path dir = RuntimeDir.pathFor(prefix);
        made.add(dir);
        Files.createDirectories(dir);
        final Process holder = new ProcessBuilder(py.toString(), "-c",
            "import fcntl,sys\nf=open(sys.argv[1],'a+')\nfcntl.lockf(f,fcntl.LOCK_EX|fcntl.LOCK_NB)\n" +
            "print('locked',flush=True)\nsys.stdin.read()", dir.resolve("config").toString())
            .redirectErrorStream(true).start();
        try
        {
            final String line = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine();
            assertEquals("locked", line);
            final EthDevException ex = assertThrows(EthDevException.class, () -> Eal.init(eal("--file-prefix", prefix)));
            assertEquals(Errno.EBUSY, ex.errno());
        }
        finally
        {
            holder.destroy();
            assertTrue(holder.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void shouldNotLockWithInMemoryOrNoShconf()
    {
        made.add(RuntimeDir.pathFor(prefix));
        try (Eal a = Eal.init(eal("--file-prefix", prefix));
             Eal b = Eal.init(eal("--file-prefix", prefix, "--in-memory"));
             Eal c = Eal.init(eal("--file-prefix", prefix, "--no-shconf")))
        {
            assertTrue(a.runtimeDirectory().holdsConfigLock());
            assertFalse(b.runtimeDirectory().holdsConfigLock());
            assertFalse(c.runtimeDirectory().holdsConfigLock());
            assertEquals(a.runtimeDir(), b.runtimeDir());
        }
    }

    @Test
    void shouldRemoveOnlyTheFilesThisRuntimeCreated() throws IOException
    {
        final Path dir = RuntimeDir.pathFor(prefix);
        made.add(dir);
        Files.createDirectories(dir);
        final Path foreign = Files.writeString(dir.resolve("someone-elses"), "x");
        final Path config = Files.writeString(dir.resolve("config"), "");
        final Path ours;
        try (RuntimeDir rd = RuntimeDir.open(prefix, true))
        {
            ours = Files.writeString(rd.resolve("ours"), "x");
            rd.created(ours);
        }
        assertFalse(Files.exists(ours));
        assertTrue(Files.exists(foreign));
        assertTrue(Files.exists(config), "config existed before: not ours to remove");
    }

    @Test
    void shouldRefuseAPrefixPathThatIsAFile() throws IOException
    {
        final Path dir = RuntimeDir.pathFor(prefix);
        made.add(dir);
        Files.createDirectories(dir.getParent());
        Files.writeString(dir, "not a dir");
        final EthDevException ex = assertThrows(EthDevException.class, () -> RuntimeDir.open(prefix, true));
        assertEquals(Errno.ENOTDIR, ex.errno());
    }
}
