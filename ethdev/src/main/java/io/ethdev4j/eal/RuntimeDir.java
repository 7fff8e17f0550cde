package io.ethdev4j.eal;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.PosixFile;
import io.ethdev4j.sys.SysException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime directory (DPDK's {@code eal_create_runtime_dir()} / {@code rte_eal_get_runtime_dir()}): where a
 * runtime keeps the files other processes find it by — the {@code config} lock and the telemetry socket
 * {@code dpdk_telemetry.v2}.
 * <p>
 * The path follows DPDK 22.11 ({@code eal_create_runtime_dir()}, {@code lib/eal/unix/eal_filesystem.c}):
 * {@code $RUNTIME_DIRECTORY/dpdk/<file-prefix>} when {@code RUNTIME_DIRECTORY} is set (systemd's
 * {@code RuntimeDirectory=}); else {@code /var/run/dpdk/<file-prefix>} when the real user id is 0; else
 * {@code $XDG_RUNTIME_DIR/dpdk/<file-prefix>}, or {@code /tmp/dpdk/<file-prefix>} without {@code XDG_RUNTIME_DIR}. Both levels are made with mode 0700 when missing, one {@code mkdir} at a time as DPDK does.
 * <p>
 * Unless {@code --in-memory} or {@code --no-shconf}, the runtime takes a write lock on {@code <dir>/config} for its
 * whole life, as DPDK's {@code rte_eal_config_create()} does, and a second primary with the same prefix is refused
 * with DPDK's message. The lock is an open-file-description lock, so it conflicts with DPDK's own {@code F_SETLK}
 * lock (a {@code dpdk-testpmd} on the same prefix refuses us and we refuse it) and with a second runtime in this JVM.
 * <p>
 * {@link #close()} removes the files this runtime created (the ones it made and those registered with
 * {@link #created(Path)}), newest first, and leaves the directory, as DPDK does.
 */
public final class RuntimeDir implements AutoCloseable
{
    /** DPDK's default_runtime_dir. */
    public static final String ROOT_RUNTIME_DIR = "/var/run";
    /** DPDK's fallback when XDG_RUNTIME_DIR is not set. */
    public static final String FALLBACK_RUNTIME_DIR = "/tmp";
    /** eal_runtime_config_path(): the file the primary process locks. */
    public static final String CONFIG_FILE = "config";

    private final Path path;
    private final List<Path> created = new ArrayList<>();
    private int configFd = -1;
    private boolean closed;

    private RuntimeDir(final Path path)
    {
        this.path = path;
    }

    /**
     * DPDK's rule for the runtime directory of {@code filePrefix}, for a process whose real user id is {@code uid} and
     * whose {@code RUNTIME_DIRECTORY} and {@code XDG_RUNTIME_DIR} are {@code runtimeDirectory} and
     * {@code xdgRuntimeDir} (null when unset).
     */
    public static Path pathFor(final String filePrefix, final int uid, final String runtimeDirectory,
        final String xdgRuntimeDir)
    {
        final String base;
        if (runtimeDirectory != null)
        {
            base = runtimeDirectory;
        }
        else if (uid == 0)
        {
            base = ROOT_RUNTIME_DIR;
        }
        else
        {
            base = xdgRuntimeDir != null ? xdgRuntimeDir : FALLBACK_RUNTIME_DIR;
        }
        return Paths.get(base, "dpdk", filePrefix);
    }

    /** The runtime directory of {@code filePrefix} for this process. */
    public static Path pathFor(final String filePrefix)
    {
        return pathFor(filePrefix, LibC.uid(), System.getenv("RUNTIME_DIRECTORY"), System.getenv("XDG_RUNTIME_DIR"));
    }

    /**
     * Creates (if missing) this process's runtime directory for {@code filePrefix} and, when {@code lockConfig}, locks
     * its {@code config} file: EBUSY if another primary process holds it.
     */
    public static RuntimeDir open(final String filePrefix, final boolean lockConfig)
    {
        return open(pathFor(filePrefix), lockConfig);
    }

    /** As {@link #open(String, boolean)} on an explicit directory (tests). */
    public static RuntimeDir open(final Path dir, final boolean lockConfig)
    {
        final RuntimeDir rd = new RuntimeDir(dir);
        try
        {
            mkdir0700(dir.getParent());
            mkdir0700(dir);
            if (lockConfig)
            {
                rd.lockConfig();
            }
            return rd;
        }
        catch (final RuntimeException ex)
        {
            rd.close();
            throw ex;
        }
    }

    private static void mkdir0700(final Path dir)
    {
        try
        {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        catch (final FileAlreadyExistsException ex)
        {
            if (!Files.isDirectory(dir))
            {
                throw EthDevException.of(Errno.ENOTDIR, "createRuntimeDir(" + dir + ")", "exists and is not a directory");
            }
        }
        catch (final IOException ex)
        {
            throw EthDevException.of(Errno.EACCES, "createRuntimeDir(" + dir + ")", "error creating runtime dir: " + ex);
        }
    }

    /** rte_eal_config_create: open (create) {@code config} and hold a write lock on it. */
    private void lockConfig()
    {
        for (int attempt = 0; attempt < 8; attempt++)
        {
            if (tryLockConfig())
            {
                return;
            }
        }
        throw EthDevException.of(Errno.EBUSY, "configCreate(" + path.resolve(CONFIG_FILE) + ")",
            "the file keeps being removed while we lock it");
    }

    /** One attempt; false if the file we locked was unlinked meanwhile (its owner was closing): try again. */
    private boolean tryLockConfig()
    {
        final Path config = path.resolve(CONFIG_FILE);
        boolean made = true;
        int fd;
        try
        {
            fd = LibC.openChecked(config.toString(), LibC.O_RDWR | LibC.O_CREAT | LibC.O_EXCL | LibC.O_CLOEXEC, 0600);
        }
        catch (final SysException ex)
        {
            if (ex.errno() != Errno.EEXIST)
            {
                throw ex;
            }
            made = false;
            fd = LibC.openChecked(config.toString(), LibC.O_RDWR | LibC.O_CREAT | LibC.O_CLOEXEC, 0600);
        }
        final boolean locked;
        try
        {
            locked = PosixFile.tryWriteLock(fd, config.toString());
        }
        catch (final RuntimeException ex)
        {
            LibC.closeQuietly(fd);
            throw ex;
        }
        if (!locked)
        {
            LibC.closeQuietly(fd);
            // another primary owns it: the file is not ours to remove even if we just created it again
            throw EthDevException.of(Errno.EBUSY, "configCreate(" + config + ")",
                "Cannot create lock on '" + config + "'. Is another primary process running?");
        }
        if (isUnlinked(fd))
        {
            LibC.closeQuietly(fd);
            return false;
        }
        configFd = fd;
        if (made)
        {
            created.add(config);
        }
        return true;
    }

    private static boolean isUnlinked(final int fd)
    {
        try
        {
            return Files.readSymbolicLink(Paths.get("/proc/self/fd/" + fd)).toString().endsWith(" (deleted)");
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    /** The directory. */
    public Path path()
    {
        return path;
    }

    /** {@code <dir>/<name>}. */
    public Path resolve(final String name)
    {
        return path.resolve(name);
    }

    /** Whether this runtime holds the {@code config} lock (false with --in-memory / --no-shconf). */
    public boolean holdsConfigLock()
    {
        return configFd >= 0;
    }

    /** Records a file this runtime created in the directory (a socket, say): {@link #close()} removes it. */
    public synchronized void created(final Path file)
    {
        created.add(file);
    }

    /** Removes the files this runtime created, newest first, then releases the {@code config} lock. */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        for (int i = created.size() - 1; i >= 0; i--)
        {
            try
            {
                Files.deleteIfExists(created.get(i));
            }
            catch (final IOException ex)
            {
                Log.warn("EAL", "cannot remove " + created.get(i) + ": " + ex);
            }
        }
        created.clear();
        // unlinked before unlocking, so a process that wins the lock next never sees it disappear
        LibC.closeQuietly(configFd);
        configFd = -1;
    }

    @Override
    public String toString()
    {
        return path.toString();
    }
}
