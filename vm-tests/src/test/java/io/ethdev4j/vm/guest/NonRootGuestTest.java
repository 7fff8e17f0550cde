package io.ethdev4j.vm.guest;

import io.ethdev4j.testpmd.TestPmd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The non-root path docs/igb.md describes: "give your user the group's node ({@code sudo chown $USER /dev/vfio/12})
 * and raise the locked-memory limit". The child processes run as {@code nobody} (uid 65534, no capabilities, through
 * {@code prlimit --memlock=... setpriv}); their class path is copied to a world-readable directory first, as the jars
 * sit under /root/.m2.
 * <ul>
 * <li>the group nodes left to root: testpmd stops with the node to give the user and how;</li>
 * <li>the nodes chowned, the limit raised: both ports open and carry frames both ways ({@link VfioChildMain});</li>
 * <li>the nodes chowned, the limit below the DMA memory: testpmd stops when it creates its mbuf pool (the VFIO
 *     container maps a pool as it is created), with the limit, what was needed and how to raise it, and the kernel
 *     agrees ("RLIMIT_MEMLOCK (N) exceeded").</li>
 * </ul>
 * Failures must read as messages, not as a stack trace.
 */
class NonRootGuestTest
{
    private static final int NOBODY = 65534;
    /** Enough for the rings (128 KiB a port), too little for testpmd's 2048-mbuf pool (4.5 MiB). */
    private static final long LOW_MEMLOCK = 1 << 20;

    private static Path copy;
    private static String classPath;
    private String[] pair;
    private List<Path> nodes;

    /** The class path, copied where user nobody can read it (in guest RAM; removed afterwards). */
    @BeforeAll
    static void copyClassPath() throws IOException
    {
        Guest.require();
        copy = Files.createTempDirectory("ethdev4j-nonroot", PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwxr-xr-x")));
        final List<String> entries = new ArrayList<>();
        int i = 0;
        for (final String e : System.getProperty("java.class.path").split(":"))
        {
            final Path src = Path.of(e);
            if (!Files.exists(src))
            {
                continue;
            }
            final Path dst = copy.resolve(i++ + "-" + src.getFileName());
            try (Stream<Path> tree = Files.walk(src))
            {
                for (final Path p : (Iterable<Path>)tree::iterator)
                {
                    final Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p))
                    {
                        Files.createDirectories(t);
                        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                    else
                    {
                        Files.copy(p, t);
                        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
            }
            entries.add(dst.toString());
        }
        classPath = String.join(":", entries);
    }

    @AfterAll
    static void deleteCopy() throws IOException
    {
        if (copy != null)
        {
            try (Stream<Path> tree = Files.walk(copy))
            {
                for (final Path p : (Iterable<Path>)tree.sorted(Comparator.reverseOrder())::iterator)
                {
                    Files.delete(p);
                }
            }
        }
    }

    @BeforeEach
    void findNodes()
    {
        pair = Guest.pair();
        nodes = List.of(node(pair[0]), node(pair[1]));
    }

    /** The nodes go back to root, as the guest booted them, whatever the test did. */
    @AfterEach
    void restoreNodes() throws IOException
    {
        if (nodes != null)
        {
            chown(0);
        }
    }

    @Test
    void shouldNameTheNodeToChownWhenTheGroupBelongsToRoot() throws IOException
    {
        chown(0);
        final GuestProcess.Result c = runAsNobody("unlimited", TestPmd.class.getName(), testpmdArgs());
        assertNotEquals(0, c.rc(), "testpmd as nobody without access to the group nodes:\n" + c.out());
        final String node = nodes.get(0).toString();
        assertTrue(c.out().contains("VfioGroup.open(" + node + ") failed: EPERM") &&
            c.out().contains("EACCES (Permission denied): run as root or chown " + node + " to this user"),
            "names " + node + ", the permission and the fix:\n" + c.out());
        assertNoStackTrace(c);
    }

    @Test
    void shouldMoveFramesAsAnUnprivilegedUserWhoOwnsTheGroupNodes() throws IOException
    {
        chown(NOBODY);
        final GuestProcess.Result c = runAsNobody("unlimited", VfioChildMain.class.getName(), "traffic", pair[0],
            pair[1], "8");
        assertEquals(0, c.rc(), "VfioChildMain traffic as nobody:\n" + c.out());
        assertTrue(c.out().contains("forward=ok 8") && c.out().contains("backward=ok 8"),
            "8 frames each way:\n" + c.out());
        assertTrue(c.out().contains("mbufs_in_use=0"), "mbufs leaked:\n" + c.out());
    }

    @Test
    void shouldExplainTheLockedMemoryLimitWhenItIsBelowTheDmaMemory() throws IOException
    {
        chown(NOBODY);
        final String marker = KernelLog.mark("NonRootGuestTest memlock");
        final GuestProcess.Result c = runAsNobody(Long.toString(LOW_MEMLOCK), TestPmd.class.getName(), testpmdArgs());
        assertNotEquals(0, c.rc(), "testpmd as nobody with ulimit -l " + (LOW_MEMLOCK >> 10) + ":\n" + c.out());
        final String out = c.out();
        assertTrue(out.contains("failed: ENOMEM - ") && out.contains("VFIO pins every page mapped for DMA and " +
            "counts it against the locked-memory limit (RLIMIT_MEMLOCK), " + LOW_MEMLOCK + " bytes (ulimit -l " +
            (LOW_MEMLOCK >> 10) + ") for this process"), "the limit, in bytes and in ulimit's KiB:\n" + out);
        assertTrue(out.contains("Raise the limit (ulimit -l unlimited in the shell that starts the program, memlock " +
            "in /etc/security/limits.conf, LimitMEMLOCK=infinity for a systemd service) or run as root"),
            "how to raise it:\n" + out);
        assertTrue(c.out().contains("Cause: Creation of mbuf pool for socket 0 failed: ENOMEM"), c.out());
        assertNoStackTrace(c);
        final String after = KernelLog.since(marker);
        assertTrue(after.contains("RLIMIT_MEMLOCK (" + LOW_MEMLOCK + ") exceeded"),
            "the kernel names the same limit as the cause:\n" + after);
    }

    // ------------------------------------------------------------------ helpers

    private String[] testpmdArgs()
    {
        return new String[] {"-l", "0-1", "--no-huge", "-m", "64", "-a", pair[0], "-a", pair[1], "--",
            "--total-num-mbufs=2048"};
    }

    private static Path node(final String pciAddress)
    {
        return Path.of("/dev/vfio", Integer.toString(Guest.iommuGroup(pciAddress)));
    }

    private void chown(final int uid) throws IOException
    {
        for (final Path n : nodes)
        {
            Files.setAttribute(n, "unix:uid", uid);
        }
    }

    private static void assertNoStackTrace(final GuestProcess.Result c)
    {
        assertFalse(c.out().contains("\tat ") || c.out().contains("Exception in thread"),
            "a message, not a stack trace:\n" + c.out());
    }

    /** Runs a JVM as nobody with RLIMIT_MEMLOCK {@code memlock} (bytes or "unlimited"). */
    private static GuestProcess.Result runAsNobody(final String memlock, final String mainClass, final String... args)
    {
        final List<String> cmd = new ArrayList<>(List.of("prlimit", "--memlock=" + memlock, "setpriv",
            "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--inh-caps=-all"));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Guest.JVM_ARGS);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        final ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HOME", copy.toString());
        final GuestProcess.Result r = GuestProcess.run(pb);
        System.out.println("as nobody, ulimit -l " + memlock + ": " + mainClass + " exit " + r.rc() + "\n" + r.out());
        return r;
    }
}
