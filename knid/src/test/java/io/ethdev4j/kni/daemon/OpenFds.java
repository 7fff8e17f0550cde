package io.ethdev4j.kni.daemon;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * This process's open file descriptors, as "fd -> target" entries, for leak checks that hold when other threads (a
 * server ending an earlier test's session, the JVM) close fds meanwhile: a leak is an entry present after that was not
 * present before, whatever else was closed.
 */
final class OpenFds
{
    private OpenFds()
    {
    }

    /**
     * The fds of the kinds a KNI channel and knid open: eventfds, memfds, network namespaces and SOCK_SEQPACKET
     * sockets (not what the JVM opens and closes meanwhile on its own, such as a stream socket or a cgroup file it
     * reads for its container metrics).
     */
    static Set<String> kniKinds()
    {
        try
        {
            final Set<String> seqpacket = new HashSet<>();
            for (final String line : Files.readAllLines(Path.of("/proc/net/unix")))
            {
                final String[] f = line.trim().split("\\s+");
                if (f.length >= 7 && "0005".equals(f[4]))
                {
                    seqpacket.add("socket:[" + f[6] + "]");
                }
            }
            final Set<String> open = new TreeSet<>();
            final String[] fds = new File("/proc/self/fd").list();
            for (final String fd : fds == null ? new String[0] : fds)
            {
                try
                {
                    final String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
                    if (target.equals("anon_inode:[eventfd]") || target.startsWith("/memfd:") ||
                        target.startsWith("net:[") || seqpacket.contains(target))
                    {
                        open.add(fd + " -> " + target);
                    }
                }
                catch (final IOException ex)
                {
                    // closed meanwhile
                }
            }
            return open;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The entries of {@code now} not in {@code before}: empty when nothing leaked. */
    static Set<String> newSince(final Set<String> before, final Set<String> now)
    {
        final Set<String> added = new TreeSet<>(now);
        added.removeAll(before);
        return added;
    }
}
