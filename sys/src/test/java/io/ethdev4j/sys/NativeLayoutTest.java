package io.ethdev4j.sys;

import io.ethdev4j.testsupport.TestPrerequisites;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Compiles {@code src/test/c/native_layout.c} against the system's headers ({@code <linux/vfio.h>},
 * {@code <sys/socket.h>}, {@code <spawn.h>}...) and checks that every ioctl number, flag, struct offset and size it
 * prints equals the Java constant of the same name. This is how the VFIO bindings are proven on machines without VFIO.
 */
class NativeLayoutTest
{
    @Test
    void shouldMatchEveryConstantAndOffsetWithTheSystemHeaders(@TempDir final Path tmp) throws Exception
    {
        final String gcc = TestPrerequisites.requireGcc();
        final Path source = Paths.get("src/test/c/native_layout.c").toAbsolutePath();
        assertTrue(Files.exists(source), source + " is missing");
        final Path exe = tmp.resolve("native_layout");
        run(tmp, gcc, "-Wall", "-Werror", "-o", exe.toString(), source.toString());
        final List<String> lines = run(tmp, exe.toString());

        final List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (final String line : lines)
        {
            final String[] kv = line.trim().split(" ");
            final int dot = kv[0].indexOf('.');
            final String className = "io.ethdev4j.sys." + kv[0].substring(0, dot);
            final String fieldName = kv[0].substring(dot + 1);
            final long expected = Long.parseLong(kv[1]);
            final Field field;
            try
            {
                field = Class.forName(className).getField(fieldName);
            }
            catch (final ClassNotFoundException | NoSuchFieldException ex)
            {
                mismatches.add(kv[0] + ": no such Java constant (" + ex + ")");
                continue;
            }
            final long actual = ((Number)field.get(null)).longValue();
            if (actual != expected)
            {
                mismatches.add(kv[0] + ": header says " + expected + " (0x" + Long.toHexString(expected) + "), Java has " +
                    actual + " (0x" + Long.toHexString(actual) + ")");
            }
            checked++;
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        assertTrue(checked > 100, "only " + checked + " constants checked");
        System.out.println(checked + " constants and offsets match the system headers");
    }

    private static List<String> run(final Path dir, final String... cmd) throws Exception
    {
        final Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        final String out;
        try (InputStream in = p.getInputStream())
        {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd) + " did not finish in 60 s");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + out);
        return out.lines().filter(l -> !l.isBlank()).collect(java.util.stream.Collectors.toList());
    }
}
