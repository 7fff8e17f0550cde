package io.ethdev4j.test;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Gate for tests that need root (CAP_NET_ADMIN), /dev/net/tun and {@code ip netns}: they are skipped with the reason on
 * a machine without them, and fail under {@code CI=true}.
 */
public final class NetAdmin
{
    private static volatile String unavailability;
    private static volatile boolean probed;

    private NetAdmin()
    {
    }

    /** Call from {@code @BeforeAll}/{@code @BeforeEach}. */
    public static void require()
    {
        final String why = unavailabilityCause();
        if (why == null)
        {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI")))
        {
            Assertions.fail("CI=true but this test needs root networking: " + why);
        }
        Assumptions.abort("skipped: needs root networking: " + why);
    }

    public static synchronized String unavailabilityCause()
    {
        if (!probed)
        {
            unavailability = probe();
            probed = true;
        }
        return unavailability;
    }

    private static String probe()
    {
        if (!"Linux".equals(System.getProperty("os.name")))
        {
            return "not Linux";
        }
        if (!new File("/dev/net/tun").exists())
        {
            return "/dev/net/tun missing";
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip")) &&
            !Files.isExecutable(Path.of("/usr/bin/ip")))
        {
            return "iproute2 'ip' not installed";
        }
        try
        {
            final Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            final String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || !"0".equals(out))
            {
                return "not root (uid " + out + ")";
            }
            final String ns = "kni-probe-" + ProcessHandle.current().pid();
            final Shell.Result add = Shell.run("ip", "netns", "add", ns);
            Shell.run("ip", "netns", "del", ns);
            if (add.exit != 0)
            {
                return "cannot create a network namespace: " + add.output.trim();
            }
        }
        catch (final Exception ex)
        {
            return "probe failed: " + ex;
        }
        return null;
    }
}
