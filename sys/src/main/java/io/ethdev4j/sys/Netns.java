package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Network namespaces (setns(2) with CLONE_NEWNET). A netns is a per-thread attribute; sockets and TAP devices belong to
 * the namespace of the thread that created them, and keep it. {@link #callIn} therefore runs the work on a fresh
 * thread that enters the namespace and dies afterwards, so no pooled thread is left in a foreign namespace.
 */
public final class Netns
{
    public static final int CLONE_NEWNET = 0x40000000;
    /** Where {@code ip netns add NAME} bind-mounts a namespace. */
    public static final String IP_NETNS_DIR = "/var/run/netns/";

    static
    {
        Native.register(Netns.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private Netns()
    {
    }

    private static native int setns(int fd, int nstype) throws LastErrorException;

    /** Enters the namespace at {@code path} on the calling thread (which should be a throwaway thread). */
    public static void enter(final String path)
    {
        final int fd = LibC.openChecked(path, LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
        try
        {
            setns(fd, CLONE_NEWNET);
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("setns", ex.getErrorCode(), path + ", CLONE_NEWNET");
        }
        finally
        {
            LibC.closeQuietly(fd);
        }
    }

    /**
     * The identity of the namespace open at {@code fd} ({@code net:[inode]}, the link text of /proc/self/fd/N): two
     * fds name the same namespace exactly when their identities are equal.
     */
    public static String identity(final int fd)
    {
        return link(fdPath(fd));
    }

    /** The identity (as {@link #identity}) of the calling thread's namespace. */
    public static String currentIdentity()
    {
        return link("/proc/thread-self/ns/net");
    }

    /** A path that opens the namespace held by {@code fd}, for {@link #callIn}. */
    public static String fdPath(final int fd)
    {
        return "/proc/self/fd/" + fd;
    }

    private static String link(final String path)
    {
        try
        {
            return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of(path)).toString();
        }
        catch (final java.io.IOException ex)
        {
            throw new SysException("readlink", Errno.EIO, path + ": " + ex.getMessage());
        }
    }

    /** A path for a namespace given as {@code ip netns} name or as a path. */
    public static String path(final String nameOrPath)
    {
        return nameOrPath.indexOf('/') >= 0 ? nameOrPath : IP_NETNS_DIR + nameOrPath;
    }

    /**
     * Runs {@code work} on a new thread inside the namespace {@code path} (null: the caller's) and returns its
     * result; exceptions propagate unchanged when unchecked.
     */
    public static <T> T callIn(final String path, final Callable<T> work)
    {
        if (path == null)
        {
            try
            {
                return work.call();
            }
            catch (final RuntimeException ex)
            {
                throw ex;
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        }
        final AtomicReference<T> result = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread t = new Thread(() ->
        {
            try
            {
                enter(path);
                result.set(work.call());
            }
            catch (final Throwable ex)
            {
                failure.set(ex);
            }
        }, "netns-" + path);
        t.setDaemon(true);
        t.start();
        try
        {
            t.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for work in netns " + path, ex);
        }
        final Throwable ex = failure.get();
        if (ex instanceof RuntimeException)
        {
            throw (RuntimeException)ex;
        }
        if (ex instanceof Error)
        {
            throw (Error)ex;
        }
        if (ex != null)
        {
            throw new IllegalStateException(ex);
        }
        return result.get();
    }
}
