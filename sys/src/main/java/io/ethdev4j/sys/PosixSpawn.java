package io.ethdev4j.sys;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.ptr.IntByReference;
import org.agrona.UnsafeApi;

import java.util.List;
import java.util.Map;

/**
 * Starting a child process with chosen file descriptors at chosen numbers ({@code posix_spawnp(3)} with
 * {@code dup2} file actions), which {@link ProcessBuilder} cannot do, and reaping it ({@code waitpid}, {@code kill}).
 * <p>
 * glibc x86-64 opaque sizes: {@code posix_spawn_file_actions_t} 80 bytes, {@code posix_spawnattr_t} 336 bytes,
 * {@code sigset_t} 128 bytes (checked by {@code NativeLayoutTest}); they are allocated with headroom.
 */
public final class PosixSpawn
{
    public static final int FILE_ACTIONS_SIZE = 80;
    public static final int ATTR_SIZE = 336;
    public static final int SIGSET_SIZE = 128;

    public static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    public static final short POSIX_SPAWN_SETSIGMASK = 0x08;

    public static final int WNOHANG = 1;
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;
    public static final int SIGPIPE = 13;
    public static final int SIGINT = 2;
    public static final int SIGHUP = 1;
    public static final int SIGCHLD = 17;

    private static final Function ADD_CLOSEFROM = optional("posix_spawn_file_actions_addclosefrom_np");

    static
    {
        Native.register(PosixSpawn.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private PosixSpawn()
    {
    }

    private static Function optional(final String name)
    {
        try
        {
            return NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME).getFunction(name);
        }
        catch (final UnsatisfiedLinkError ex)
        {
            return null;
        }
    }

    private static native int posix_spawn_file_actions_init(long fa);

    private static native int posix_spawn_file_actions_destroy(long fa);

    private static native int posix_spawn_file_actions_adddup2(long fa, int fd, int newfd);

    private static native int posix_spawn_file_actions_addopen(long fa, int fd, String path, int oflag, int mode);

    private static native int posix_spawnattr_init(long attr);

    private static native int posix_spawnattr_destroy(long attr);

    private static native int posix_spawnattr_setflags(long attr, short flags);

    private static native int posix_spawnattr_setsigmask(long attr, long sigset);

    private static native int posix_spawnattr_setsigdefault(long attr, long sigset);

    private static native int posix_spawnp(IntByReference pid, String file, long fa, long attr, Pointer argv,
        Pointer envp);

    private static native int waitpid(int pid, int[] status, int options) throws LastErrorException;

    private static native int kill(int pid, int sig) throws LastErrorException;

    /**
     * Spawns {@code argv[0]} (searched on PATH) with the given fds: child fd {@code i} = {@code childFds[i]} for
     * every {@code childFds[i] >= 0}; stderr (2) goes to {@code stderrPath} unless {@code childFds[2] >= 0}; every
     * other fd is closed in the child where glibc can (addclosefrom_np, glibc 2.34+). The source fds must not be
     * below {@code childFds.length} (move them with {@link PosixFile#dupCloexecAbove}).
     *
     * @return the child's pid
     */
    public static int spawn(final List<String> argv, final Map<String, String> env, final int[] childFds,
        final String stderrPath)
    {
        final long fa = UnsafeApi.allocateMemory(FILE_ACTIONS_SIZE * 2);
        final long attr = UnsafeApi.allocateMemory(ATTR_SIZE * 2);
        final long sigset = UnsafeApi.allocateMemory(SIGSET_SIZE);
        try
        {
            check("posix_spawn_file_actions_init", posix_spawn_file_actions_init(fa), argv);
            check("posix_spawnattr_init", posix_spawnattr_init(attr), argv);
            try
            {
                for (int i = 0; i < childFds.length; i++)
                {
                    if (childFds[i] >= 0)
                    {
                        if (childFds[i] < childFds.length)
                        {
                            throw new IllegalArgumentException("spawn: source fd " + childFds[i] + " for child fd " + i +
                                " is below " + childFds.length + " and could be overwritten");
                        }
                        check("posix_spawn_file_actions_adddup2", posix_spawn_file_actions_adddup2(fa, childFds[i], i), argv);
                    }
                    else if (i == 2 && stderrPath != null)
                    {
                        check("posix_spawn_file_actions_addopen", posix_spawn_file_actions_addopen(fa, 2, stderrPath,
                            LibC.O_WRONLY | LibC.O_CREAT | 0x200 /* O_TRUNC */, 0600), argv);
                    }
                }
                if (ADD_CLOSEFROM != null)
                {
                    check("posix_spawn_file_actions_addclosefrom_np",
                        ADD_CLOSEFROM.invokeInt(new Object[] {new com.sun.jna.Pointer(fa), childFds.length}), argv);
                }
                // the child starts with no blocked signals and default dispositions for the ones a JVM handles
                UnsafeApi.setMemory(sigset, SIGSET_SIZE, (byte)0);
                check("posix_spawnattr_setsigmask", posix_spawnattr_setsigmask(attr, sigset), argv);
                for (final int sig : new int[] {SIGHUP, SIGINT, SIGPIPE, SIGTERM, SIGCHLD})
                {
                    final long word = sigset + ((sig - 1) / 64) * 8L;
                    UnsafeApi.putLong(word, UnsafeApi.getLong(word) | (1L << ((sig - 1) % 64)));
                }
                check("posix_spawnattr_setsigdefault", posix_spawnattr_setsigdefault(attr, sigset), argv);
                check("posix_spawnattr_setflags",
                    posix_spawnattr_setflags(attr, (short)(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)), argv);

                final String[] envp = new String[env.size()];
                int n = 0;
                for (final Map.Entry<String, String> e : env.entrySet())
                {
                    envp[n++] = e.getKey() + "=" + e.getValue();
                }
                final IntByReference pid = new IntByReference();
                final int rc = posix_spawnp(pid, argv.get(0), fa, attr, new StringArray(argv.toArray(new String[0])),
                    new StringArray(envp));
                if (rc != 0)
                {
                    throw new SysException("posix_spawnp", rc, String.join(" ", argv));
                }
                return pid.getValue();
            }
            finally
            {
                posix_spawnattr_destroy(attr);
                posix_spawn_file_actions_destroy(fa);
            }
        }
        finally
        {
            UnsafeApi.freeMemory(sigset);
            UnsafeApi.freeMemory(attr);
            UnsafeApi.freeMemory(fa);
        }
    }

    private static void check(final String call, final int rc, final List<String> argv)
    {
        if (rc != 0)
        {
            throw new SysException(call, rc, argv.get(0));
        }
    }

    /**
     * waitpid(pid, WNOHANG).
     *
     * @return -1 if the child is still running, else its raw wait status
     */
    public static int tryReap(final int pid)
    {
        final int[] status = new int[1];
        try
        {
            final int rc = waitpid(pid, status, WNOHANG);
            return rc == 0 ? -1 : status[0];
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("waitpid", ex.getErrorCode(), "pid=" + pid + ", WNOHANG");
        }
    }

    /** kill(2); returns false if the process no longer exists (ESRCH). */
    public static boolean signal(final int pid, final int sig)
    {
        try
        {
            kill(pid, sig);
            return true;
        }
        catch (final LastErrorException ex)
        {
            if (ex.getErrorCode() == 3)
            {
                return false;
            }
            throw new SysException("kill", ex.getErrorCode(), "pid=" + pid + ", sig=" + sig);
        }
    }

    /** A wait status as text: "exited with status N" or "was killed by signal N". */
    public static String describeStatus(final int status)
    {
        final int sig = status & 0x7f;
        if (sig == 0)
        {
            return "exited with status " + ((status >> 8) & 0xff);
        }
        return "was killed by signal " + sig + ((status & 0x80) != 0 ? " (core dumped)" : "");
    }
}
