package io.ethdev4j.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which {@code io.ethdev4j} packages the compiled classes of a module refer to, read from the class files' constant
 * pools (every class, field and method type a class uses is named there as {@code io/ethdev4j/...}). For tests that
 * hold packages to the dependencies their package-info allows.
 */
public final class ClassReferences
{
    private static final byte[] PREFIX = "io/ethdev4j/".getBytes(StandardCharsets.US_ASCII);

    private ClassReferences()
    {
    }

    /**
     * The classes of the module (directory or jar) that holds {@code anchor}: class name (dotted) → the
     * {@code io.ethdev4j} packages it refers to, its own included.
     */
    public static Map<String, Set<String>> of(final Class<?> anchor)
    {
        try
        {
            final Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(root))
            {
                return scan(root);
            }
            try (FileSystem jar = FileSystems.newFileSystem(root))
            {
                return scan(jar.getPath("/"));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, Set<String>> scan(final Path root) throws IOException
    {
        final Map<String, Set<String>> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root))
        {
            for (final Path f : (Iterable<Path>)files.filter(p -> p.toString().endsWith(".class"))::iterator)
            {
                final String rel = root.relativize(f).toString().replace('\\', '/');
                final String className = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                result.put(className, packages(Files.readAllBytes(f)));
            }
        }
        return result;
    }

    private static Set<String> packages(final byte[] b)
    {
        final Set<String> out = new TreeSet<>();
        for (int i = 0; i + PREFIX.length <= b.length; i++)
        {
            if (!startsWith(b, i, PREFIX))
            {
                continue;
            }
            int end = i;
            int lastSlash = -1;
            while (end < b.length && isNameChar(b[end]))
            {
                if (b[end] == '/')
                {
                    lastSlash = end;
                }
                end++;
            }
            if (lastSlash > i)
            {
                out.add(new String(b, i, lastSlash - i, StandardCharsets.US_ASCII).replace('/', '.'));
            }
            i = end;
        }
        return out;
    }

    private static boolean startsWith(final byte[] b, final int at, final byte[] prefix)
    {
        for (int k = 0; k < prefix.length; k++)
        {
            if (b[at + k] != prefix[k])
            {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(final byte c)
    {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c == '/';
    }
}
