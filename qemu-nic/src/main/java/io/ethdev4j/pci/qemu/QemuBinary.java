package io.ethdev4j.pci.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a {@code qemu-system-x86_64} new enough for the igb model (QEMU &gt;= 8.0): {@code $ETHDEV4J_QEMU}, then
 * PATH, then {@code tools/.cache/qemu} (where {@code tools/setup-qemu.sh} unpacks one without root).
 */
public final class QemuBinary
{
    public static final int MIN_MAJOR_VERSION = 8;
    private static final Pattern VERSION = Pattern.compile("QEMU emulator version (\\d+)\\.(\\d+)");

    private final Path path;
    private final String version;
    private final int major;
    private final Path moduleDir;

    private QemuBinary(final Path path, final String version, final int major, final Path moduleDir)
    {
        this.path = path;
        this.version = version;
        this.major = major;
        this.moduleDir = moduleDir;
    }

    public Path path()
    {
        return path;
    }

    public String version()
    {
        return version;
    }

    public int majorVersion()
    {
        return major;
    }

    /** QEMU_MODULE_DIR to set when the binary was unpacked outside /usr (null for a system install). */
    public Path moduleDir()
    {
        return moduleDir;
    }

    /**
     * The first usable binary, or empty (see {@link #candidates()} for where it looks). {@code ETHDEV4J_QEMU=none}
     * pretends there is none (to run the suite as a machine without QEMU would).
     */
    public static Optional<QemuBinary> locate()
    {
        if ("none".equals(System.getenv("ETHDEV4J_QEMU")))
        {
            return Optional.empty();
        }
        for (final Path p : candidates())
        {
            final Optional<QemuBinary> b = probe(p);
            if (b.isPresent() && b.get().major >= MIN_MAJOR_VERSION)
            {
                return b;
            }
        }
        return Optional.empty();
    }

    public static List<Path> candidates()
    {
        final List<Path> result = new ArrayList<>();
        final String env = System.getenv("ETHDEV4J_QEMU");
        if (env != null && !env.isEmpty() && !"none".equals(env))
        {
            result.add(Paths.get(env));
        }
        final String pathEnv = System.getenv("PATH");
        if (pathEnv != null)
        {
            for (final String dir : pathEnv.split(":"))
            {
                if (!dir.isEmpty())
                {
                    result.add(Paths.get(dir, "qemu-system-x86_64"));
                }
            }
        }
        // tools/.cache of this checkout, from the module directory or the repository root
        for (final String base : new String[] {"tools", "../tools"})
        {
            result.add(Paths.get(base, ".cache/qemu/usr/bin/qemu-system-x86_64").toAbsolutePath().normalize());
        }
        return result;
    }

    /** Runs {@code path --version} (bounded: 10 s). */
    public static Optional<QemuBinary> probe(final Path path)
    {
        if (!Files.isExecutable(path))
        {
            return Optional.empty();
        }
        try
        {
            final Process p = new ProcessBuilder(path.toString(), "--version").redirectErrorStream(true).start();
            final String out;
            try (InputStream in = p.getInputStream())
            {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS))
            {
                p.destroyForcibly();
                return Optional.empty();
            }
            final Matcher m = VERSION.matcher(out);
            if (p.exitValue() != 0 || !m.find())
            {
                return Optional.empty();
            }
            final Path real = path.toRealPath();
            Path moduleDir = null;
            final Path usr = real.getParent() == null ? null : real.getParent().getParent();
            if (usr != null && !real.startsWith("/usr/") && !real.startsWith("/bin/"))
            {
                final Path md = usr.resolve("lib/x86_64-linux-gnu/qemu");
                if (Files.isDirectory(md))
                {
                    moduleDir = md;
                }
            }
            return Optional.of(new QemuBinary(real, out.lines().findFirst().orElse("").trim(),
                Integer.parseInt(m.group(1)), moduleDir));
        }
        catch (final IOException ex)
        {
            return Optional.empty();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public String toString()
    {
        return path + " (" + version + ")";
    }
}
