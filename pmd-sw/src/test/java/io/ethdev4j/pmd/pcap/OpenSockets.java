package io.ethdev4j.pmd.pcap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The sockets this process holds open ({@code socket:[inode]} links in /proc/self/fd): a leak check that the JVM's
 * own files, opened and closed meanwhile, cannot upset.
 */
final class OpenSockets
{
    private OpenSockets()
    {
    }

    static Set<String> now()
    {
        final Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd")))
        {
            s.forEach(fd ->
            {
                try
                {
                    final String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:"))
                    {
                        out.add(target);
                    }
                }
                catch (final IOException ex)
                {
                    // closed meanwhile (the listing's own fd, or the JVM's)
                }
            });
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
        return out;
    }

    /** The sockets open now that were not in {@code before}. */
    static Set<String> since(final Set<String> before)
    {
        final Set<String> added = now();
        added.removeAll(before);
        return added;
    }
}
